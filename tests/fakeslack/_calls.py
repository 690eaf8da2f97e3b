"""What the fake records about each Web API call, and waiting for calls.

The bot answers Slack first and does its work afterwards in other threads, so a
test cannot assume a call has happened when its request returns. `wait_until`
blocks on the fake's condition variable until enough matching calls arrived,
which is both faster and more reliable than sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

RATE_LIMITED = 429


@dataclass(frozen=True)
class Call:
    """One Web API request: its method, decoded arguments and the answer."""

    method: str
    args: dict[str, Any]
    headers: dict[str, str]  # names lower-cased
    at: float
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.response.get("ok") is True

    @property
    def error(self) -> str | None:
        return self.response.get("error")


@dataclass
class Failure:
    """A failure queued by `fail_next`, served before any other handling."""

    status: int
    error: str
    retry_after: int | None
    times: int

    def answer(self) -> tuple[int, dict[str, Any], dict[str, str]]:
        headers = {}
        if self.retry_after is not None and self.status == RATE_LIMITED:
            headers["Retry-After"] = str(self.retry_after)
        return self.status, {"ok": False, "error": self.error}, headers


def default_error(status: int) -> str:
    """What Slack says with each injected status when the test names nothing."""
    if status == RATE_LIMITED:
        return "ratelimited"
    if status >= 500:
        return "internal_error"
    return "fatal_error"


def wait_until(
    lock: threading.Condition,
    matching: Callable[[], Sequence[Any]],
    count: int,
    timeout: float,
    describe: Callable[[], str],
) -> list[Any]:
    """Block until `matching()` has `count` items; fail the test on timeout."""
    deadline = time.monotonic() + timeout
    with lock:
        found = list(matching())
        while len(found) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"waited {timeout}s for {count}, got {len(found)}: {describe()}"
                )
            lock.wait(remaining)
            found = list(matching())
        return found


def summarize(calls: Sequence[Call]) -> str:
    """A one-line list of the calls so far, for timeout messages."""
    if not calls:
        return "no calls at all"
    return ", ".join(
        f"{c.method}({'ok' if c.ok else c.error or c.status})" for c in calls
    )
