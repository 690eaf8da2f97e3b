"""What every handler needs, handed over by the app factory at registration."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from models import transaction


@dataclass
class Runtime:
    sessions: sessionmaker[Session]
    people: object  # bot.people.People: .get(team_id, user_id) -> Person
    wake_outbox: Callable[[], None]
    default_channel: str | None = None
    read_sessions: sessionmaker[Session] | None = None

    def transaction(self) -> AbstractContextManager[Session]:
        return transaction(self.sessions)

    def reading(self) -> AbstractContextManager[Session]:
        """A transaction for work that only reads, e.g. a typeahead's lookup."""
        return transaction(self.read_sessions or self.sessions)

    def reader(self, body: dict, client=None):
        """The person acting in ``body`` (a command, action, view or event payload)."""
        team_id, user_id = actor(body)
        return self.people.get(team_id, user_id, client)


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
