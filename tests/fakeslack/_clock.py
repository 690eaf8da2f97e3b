"""A clock a test moves by hand, to expire trigger_ids and response_urls."""

from __future__ import annotations

import threading

DEFAULT_START = 1_700_000_000.0


class ManualClock:
    """Callable like `time.time`; stands still until `advance` is called."""

    def __init__(self, start: float = DEFAULT_START) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move time forward and return the new time."""
        with self._lock:
            self._now += seconds
            return self._now
