"""Messages the bot owes Slack, written in the same transaction as the change.

A sender (``scheduler.outbox``) claims one message at a time with a lease, delivers
it and marks it sent; a crash before that lets the lease lapse and another sender
take it over. Messages about one deal are delivered in the order they were owed, so
a thread reply never overtakes the message that starts the thread.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import JSON, Index, String, exists, select, update
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from .base import Base, UTCDateTime, utcnow

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 8

DEAL_UPDATE = "deal_update"
DIRECT_MESSAGE = "direct_message"


class OutboxMessage(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "done", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    deal_id: Mapped[int | None] = mapped_column(index=True)
    actor_id: Mapped[str | None] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    progress: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(default=0)
    done: Mapped[bool] = mapped_column(default=False)
    outcome: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(255))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return (
            f"<OutboxMessage {self.id} {self.kind} deal={self.deal_id} {self.outcome}>"
        )


def owe_deal_update(session: Session, deal, event: str, actor_id: str, **extra) -> None:
    """The pipeline channel should hear that ``event`` happened to ``deal``."""
    session.add(
        OutboxMessage(
            team_id=deal.team_id,
            kind=DEAL_UPDATE,
            deal_id=deal.id,
            actor_id=actor_id,
            payload={"event": event, **extra},
        )
    )


def owe_direct_message(
    session: Session, team_id: str, user_id: str, notice: str, **params
) -> None:
    """``user_id`` should get a DM of the kind ``notice``, rendered when sent."""
    session.add(
        OutboxMessage(
            team_id=team_id,
            kind=DIRECT_MESSAGE,
            actor_id=user_id,
            payload={"notice": notice, **params},
        )
    )


def _claimable(now: datetime):
    earlier = aliased(OutboxMessage)
    blocked_by_earlier = exists().where(
        earlier.deal_id == OutboxMessage.deal_id,
        earlier.id < OutboxMessage.id,
        earlier.done.is_(False),
    )
    return (
        OutboxMessage.done.is_(False),
        OutboxMessage.next_attempt_at <= now,
        (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now),
        ~blocked_by_earlier,
    )


def claim_next(session: Session) -> int | None:
    """Lease the oldest deliverable message and commit; its id, or None."""
    now = utcnow()
    candidates = session.scalars(
        select(OutboxMessage.id)
        .where(*_claimable(now))
        .order_by(OutboxMessage.id)
        .limit(5)
    ).all()
    for message_id in candidates:
        claimed = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, *_claimable(now)[:3])
            .values(
                claimed_until=now + LEASE,
                attempts=OutboxMessage.attempts + 1,
            )
        )
        session.commit()
        if claimed.rowcount == 1:
            return message_id
    return None


def finish(session: Session, message: OutboxMessage, outcome: str, error=None) -> None:
    message.done = True
    message.outcome = outcome
    message.error = (error or "")[:255] or None
    message.finished_at = utcnow()
    message.claimed_until = None


def retry_later(session: Session, message: OutboxMessage, delay: float, error: str):
    """Release the lease and try again after ``delay`` seconds, or give up."""
    if message.attempts >= MAX_ATTEMPTS:
        finish(session, message, "failed", error)
        return
    message.claimed_until = None
    message.next_attempt_at = utcnow() + timedelta(seconds=delay)
    message.error = error[:255]
