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
        names = inspect.getfullargspec(work).args

        def listener(args):
            args.ack()
            chosen = {name: getattr(args, name) for name in names}
            self.run_later(work, chosen, args.body)

        listener.__name__ = work.__name__
        listener.__qualname__ = work.__qualname__
        return listener

    def run_later(self, work: Callable, kwargs: dict, body: dict) -> None:
        if self.work_pool is None:
            self._run(work, kwargs, body)
        else:
            self.work_pool.submit(self._run, work, kwargs, body)

    def _run(self, work: Callable, kwargs: dict, body: dict) -> None:
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
