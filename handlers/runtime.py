"""What every handler needs, handed over by the app factory at registration."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from models import transaction

logger = logging.getLogger(__name__)


@dataclass
class Runtime:
    sessions: sessionmaker[Session]
    people: object  # bot.people.People: .get(team_id, user_id) -> Person
    wake_outbox: Callable[[], None]
    default_channel: str | None = None
    read_sessions: sessionmaker[Session] | None = None
    work_pool: Executor | None = None
    on_error: Callable[[Exception, dict], None] | None = None

    def transaction(self) -> AbstractContextManager[Session]:
        return transaction(self.sessions)

    def reading(self) -> AbstractContextManager[Session]:
        """A transaction for work that only reads: lists, cards, typeahead."""
        return transaction(self.read_sessions or self.sessions)

    def reader(self, body: dict, client=None):
        """The person acting in ``body`` (a command, action, view or event payload)."""
        team_id, user_id = actor(body)
        return self.people.get(team_id, user_id, client)

    def after_ack(self, work: Callable) -> Callable:
        """``work`` as a listener that acks at once and then runs on the work pool.

        Bolt runs a listener, its ack included, on one small pool; work left on
        that pool after an ack would make the next request wait for its own ack.
        ``work`` names the Bolt arguments it needs (``body``, ``client``, ...),
        all but ``ack``.
        """
        return self._acking(work, self.run_later)

    def right_after_ack(self, work: Callable) -> Callable:
        """``work`` as a listener that acks and then runs at once, on Bolt's pool.

        For work that opens a modal: its trigger_id lives three seconds, too short
        to wait in the work pool's queue. Errors go to the same handler as
        ``after_ack``'s, never back to Bolt, which would answer an acked request
        with an error.
        """
        return self._acking(work, self.run_now)

    def _acking(self, work: Callable, run: Callable) -> Callable:
        names = inspect.getfullargspec(work).args

        def listener(args):
            args.ack()
            run(work, {name: getattr(args, name) for name in names}, args.body)

        listener.__name__ = work.__name__
        listener.__qualname__ = work.__qualname__
        return listener

    def run_later(self, work: Callable, kwargs: dict, body: dict) -> None:
        if self.work_pool is None:
            self.run_now(work, kwargs, body)
        else:
            self.work_pool.submit(self.run_now, work, kwargs, body)

    def run_now(self, work: Callable, kwargs: dict, body: dict) -> None:
        """Run ``work(**kwargs)``; a bug in it reaches the one error handler."""
        try:
            work(**kwargs)
        except Exception as error:  # the one place a bug in deferred work lands
            if self.on_error is None:
                logger.exception("Unhandled error in %s", work.__qualname__)
            else:
                self.on_error(error, body)


def actor(body: dict) -> tuple[str, str]:
    """(team_id, user_id) of whoever sent a command, action, view or event."""
    if "user_id" in body:  # slash command
        return body["team_id"], body["user_id"]
    if body.get("type") == "event_callback":
        event = body["event"]
        return body["team_id"], event.get("user") or event.get("user_id")
    user = body["user"]
    team = body.get("team") or {}
    return team.get("id") or user.get("team_id"), user["id"]
