"""The record of every interaction with the customer: meetings, negotiations,
calls, e-mails. Notes are never lost: an edit keeps the previous text as a
revision, and deletion only marks the note."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow
from .errors import N_

MEETING = "meeting"
NEGOTIATION = "negotiation"
CALL = "call"
EMAIL = "email"
OTHER = "other"
KINDS = {
    MEETING: N_("Meeting"),
    NEGOTIATION: N_("Negotiation"),
    CALL: N_("Call"),
    EMAIL: N_("E-mail"),
    OTHER: N_("Other"),
}


class Interaction(Base):
    __tablename__ = "interactions"
    __table_args__ = (
        UniqueConstraint("team_id", "source_key"),
        Index("ix_interactions_deal_time", "deal_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id"))
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"))
    kind: Mapped[str] = mapped_column(String(16), default=MEETING)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    participant_user_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    author_id: Mapped[str] = mapped_column(String(32))
    source_permalink: Mapped[str | None] = mapped_column(String(500))
    source_key: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[str | None] = mapped_column(String(32))

    contacts: Mapped[list[InteractionContact]] = relationship(
        lazy="selectin", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Interaction {self.id} {self.kind} deal={self.deal_id}>"


class InteractionContact(Base):
    """A registered contact who took part in an interaction."""

    __tablename__ = "interaction_contacts"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id"), primary_key=True, index=True
    )


class InteractionRevision(Base):
    """The text of an interaction as it was before an edit."""

    __tablename__ = "interaction_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    next_steps: Mapped[str] = mapped_column(Text)
    edited_by: Mapped[str] = mapped_column(String(32))
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
