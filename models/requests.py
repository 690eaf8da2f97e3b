"""Keys of requests already handled, so a Slack retry or a double submit is a no-op."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, UTCDateTime, utcnow
from .errors import AlreadyDone


class RequestKey(Base):
    __tablename__ = "request_keys"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def claim_request(session: Session, team_id: str, key: str | None) -> None:
    """Record ``key`` in the caller's transaction, or raise AlreadyDone if it exists.

    A concurrent transaction holding the same key makes this one wait and then fail,
    on PostgreSQL and SQLite alike, so exactly one of them commits the change.
    """
    if key is None:
        return
    session.add(RequestKey(team_id=team_id, key=key[:255]))
    try:
        session.flush()
    except IntegrityError as error:
        raise AlreadyDone() from error
