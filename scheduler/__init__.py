"""Background jobs on APScheduler, wired in one place.

Jobs are plain functions in this package's modules; ``Jobs`` schedules them with
stable ids and lets a handler wake the outbox sender right after it commits.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from .outbox import deliver_due

logger = logging.getLogger(__name__)

OUTBOX_JOB = "outbox-sender"

__all__ = ["Jobs", "deliver_due"]


class Jobs:
    def __init__(self, sessions, client, people, settings) -> None:
        self._sessions = sessions
        self._client = client
        self._people = people
        self._settings = settings
        self._scheduler = BackgroundScheduler(timezone=UTC)
        self._lock = threading.Lock()
        self._delivering = False
        self._again = False

    def start(self) -> None:
        self._scheduler.add_job(
            self._deliver,
            "interval",
            seconds=self._settings.outbox_poll_seconds,
            id=OUTBOX_JOB,
            max_instances=2,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )
        self._scheduler.start()
        logger.info(
            "Scheduler started: outbox every %ss", self._settings.outbox_poll_seconds
        )

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)

    def wake_outbox(self) -> None:
        """Deliver what was just committed now rather than at the next poll."""
        with self._lock:
            if self._delivering:
                self._again = True
                return
        if self._scheduler.running:
            self._scheduler.modify_job(OUTBOX_JOB, next_run_time=datetime.now(UTC))

    def _deliver(self) -> None:
        with self._lock:
            if self._delivering:
                # A run is under way (woken, or a slow delivery): leave it the work.
                self._again = True
                return
            self._delivering = True
        try:
            while True:
                deliver_due(
                    self._sessions,
                    self._client,
                    self._people,
                    self._settings.channel_id,
                )
                with self._lock:
                    if not self._again:
                        return
                    self._again = False
        finally:
            with self._lock:
                self._delivering = False
