"""The record of every interaction with the customer: meetings, negotiations,
calls, e-mails ("notes"), and the operations that log, edit and delete them.

Notes are never lost: an edit keeps the previous text as a revision, and deletion
only marks the note, so an admin can still read it. Every read of a note goes
through its deal's visibility (``models.deals.get_deal``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from .base import Base, UTCDateTime, get_row, utcnow
from .customers import Contact
from .deal_refs import get_deal
from .deals import Deal
from .errors import N_, AlreadyDone, Forbidden, InvalidInput, NotFound
from .note_rules import occurred_at, own_contacts, safe_permalink

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
MAX_TEXT = 3000  # per field: what one Slack plain_text_input holds
MAX_OTHERS = 500
MAX_PARTICIPANTS = 50
# A note records what happened; a day of slack covers time zones and typos.
FUTURE_TOLERANCE = timedelta(days=1)


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
    others_present: Mapped[str] = mapped_column(String(MAX_OTHERS), default="")
    source_permalink: Mapped[str | None] = mapped_column(String(500))
    # The whole Slack message a note was logged from, when it was longer than
    # a note field can hold (Slack's inputs stop at 3,000 characters).
    source_text: Mapped[str] = mapped_column(Text, default="")
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

    contact: Mapped[Contact] = relationship(lazy="joined")


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


@dataclass(frozen=True)
class NoteInput:
    """What the author entered in the note modal, before it is checked.

    ``day`` and ``at`` are the author's wall-clock date and time in ``tz``;
    ``at`` None means the start of the day.
    """

    kind: str
    day: date | None
    at: time | None
    tz: str | None
    summary: str
    outcome: str = ""
    next_steps: str = ""
    participant_user_ids: list[str] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)
    others_present: str = ""


def _checked(session: Session, team_id: str, data: NoteInput) -> dict:
    errors = {}
    if data.kind not in KINDS:
        errors["kind"] = N_("Choose what kind of interaction it was.")
    if data.day is None:
        errors["day"] = N_("Say when it happened.")
    elif occurred_at(data.day, data.at, data.tz) > utcnow() + FUTURE_TOLERANCE:
        errors["day"] = N_("That is in the future; log what already happened.")
    texts = {
        "summary": (data.summary or "").strip(),
        "outcome": (data.outcome or "").strip(),
        "next_steps": (data.next_steps or "").strip(),
    }
    if not texts["summary"]:
        errors["summary"] = N_("Write what happened.")
    for name, text in texts.items():
        if len(text) > MAX_TEXT:
            errors[name] = N_("Keep this under 3000 characters.")
    others = " ".join((data.others_present or "").split())
    if len(others) > MAX_OTHERS:
        errors["others_present"] = N_("Keep this under 500 characters.")
    users = list(dict.fromkeys(data.participant_user_ids or []))
    if len(users) > MAX_PARTICIPANTS:
        errors["participants"] = N_("Choose at most 50 people.")
    contacts = own_contacts(session, team_id, data.contact_ids)
    if contacts is None:
        errors["contacts"] = N_("One of those contacts no longer exists.")
    if errors:
        raise InvalidInput(errors)
    return {
        "kind": data.kind,
        "occurred_at": occurred_at(data.day, data.at, data.tz),
        **texts,
        "others_present": others,
        "participant_user_ids": users,
        "contacts": contacts,
    }


def log_interaction(
    session: Session,
    deal: Deal,
    data: NoteInput,
    author_id: str,
    *,
    source_key: str | None = None,
    source_permalink: str | None = None,
) -> Interaction:
    """Record a note on ``deal`` (already read through its visibility).

    ``source_key`` (a view id, an action_ts) makes a repeat of the same request
    raise AlreadyDone instead of writing a second note.
    """
    fields = _checked(session, deal.team_id, data)
    contacts = fields.pop("contacts")
    if source_key and _by_key(session, deal.team_id, source_key) is not None:
        raise AlreadyDone()

    note = Interaction(
        team_id=deal.team_id,
        deal_id=deal.id,
        author_id=author_id,
        source_key=source_key[:255] if source_key else None,
        source_permalink=safe_permalink(source_permalink),
        contacts=[InteractionContact(contact_id=i) for i in contacts],
        **fields,
    )
    try:
        with session.begin_nested():
            session.add(note)
            session.flush()
    except IntegrityError as error:  # the same key committed meanwhile
        raise AlreadyDone() from error
    return note


def _by_key(session: Session, team_id: str, key: str) -> Interaction | None:
    return session.scalar(
        select(Interaction).where(
            Interaction.team_id == team_id, Interaction.source_key == key[:255]
        )
    )


def set_permalink(session: Session, note: Interaction, url: str | None) -> None:
    """Remember the Slack message a note was logged from, once it is known."""
    note.source_permalink = safe_permalink(url) or note.source_permalink


def keep_source_text(session: Session, note: Interaction, text: str) -> None:
    """Keep the whole text of the message a note was logged from."""
    note.source_text = (text or "").replace("\x00", "")


def get_interaction(
    session: Session, workspace, user_id: str, note_id: int, is_admin=False
) -> Interaction:
    """A note, if its deal is visible to the user; deleted ones for admins only."""
    note = get_row(session, Interaction, note_id)
    if note is None or note.team_id != workspace.team_id:
        raise NotFound(N_("That note does not exist or is not visible to you."))
    get_deal(session, workspace, user_id, note.deal_id, is_admin)
    if note.deleted_at is not None and not is_admin:
        raise NotFound(N_("That note does not exist or is not visible to you."))
    return note


def _check_may_change(note: Interaction, actor_id: str, is_admin: bool) -> None:
    if note.author_id != actor_id and not is_admin:
        raise Forbidden(N_("Only the note's author or an admin can change it."))
    if note.deleted_at is not None:
        raise NotFound(N_("That note was deleted."))


def edit_interaction(
    session: Session, note: Interaction, data: NoteInput, actor_id: str, is_admin=False
) -> InteractionRevision | None:
    """Change a note, keeping its previous text as a revision; None if unchanged."""
    _check_may_change(note, actor_id, is_admin)
    fields = _checked(session, note.team_id, data)
    contacts = fields.pop("contacts")
    previous = {name: getattr(note, name) for name in REVISED}
    if all(previous[name] == fields[name] for name in REVISED) and all(
        getattr(note, name) == fields[name]
        for name in ("others_present", "participant_user_ids")
    ):
        return None

    revision = InteractionRevision(
        interaction_id=note.id, edited_by=actor_id, **previous
    )
    session.add(revision)
    for name, value in fields.items():
        setattr(note, name, value)
    note.contacts = [InteractionContact(contact_id=i) for i in contacts]
    session.flush()
    return revision


REVISED = ("kind", "occurred_at", "summary", "outcome", "next_steps")


def delete_interaction(
    session: Session, note: Interaction, actor_id: str, is_admin=False
) -> None:
    """Hide a note from everyone but admins; the row and its text stay."""
    _check_may_change(note, actor_id, is_admin)
    note.deleted_at = utcnow()
    note.deleted_by = actor_id


def recent_interactions(
    session: Session, deal: Deal, limit: int = 3
) -> list[Interaction]:
    """The latest notes of a deal that are not deleted, newest first."""
    return list(
        session.scalars(
            select(Interaction)
            .where(Interaction.deal_id == deal.id, Interaction.deleted_at.is_(None))
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
            .limit(limit)
        )
    )
