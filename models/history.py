"""One timeline per deal: stage changes, notes and documents, newest first.

Each kind lives in its own table, so a page is merged from three queries: each
reads at most ``offset + limit`` rows in time order from its own index, and the
merge keeps the newest. Paging by offset is fine here, since a deal's history is
counted in dozens or hundreds of entries, not millions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .deals import Deal, StageChange
from .documents import Document
from .interactions import Interaction

STAGE = "stage"
NOTE = "note"
DOCUMENT = "document"
MAX_PAGE = 50


@dataclass(frozen=True)
class Entry:
    """One thing that happened to a deal: who did it, when, and the record."""

    kind: str  # STAGE, NOTE or DOCUMENT
    at: datetime
    actor_id: str
    item: Any  # the StageChange, Interaction or Document

    @property
    def order(self) -> tuple:
        """Newest first; at the same instant, the later-written row first."""
        return (self.at, self.item.id)


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    total: int
    offset: int
    limit: int

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.entries) < self.total


def _notes_where(deal: Deal, include_deleted: bool) -> list:
    where = [Interaction.deal_id == deal.id]
    if not include_deleted:
        where.append(Interaction.deleted_at.is_(None))
    return where


def timeline(
    session: Session,
    deal: Deal,
    *,
    limit: int = 10,
    offset: int = 0,
    include_deleted: bool = False,
) -> Page:
    """A page of ``deal``'s history, newest first.

    ``deal`` must have been read through the visibility rule (``get_deal`` or
    ``resolve_ref``); deleted notes appear only with ``include_deleted``, which
    callers pass for admins.
    """
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    wanted = offset + limit
    notes = _notes_where(deal, include_deleted)

    changes = session.scalars(
        select(StageChange)
        .where(StageChange.deal_id == deal.id)
        .order_by(StageChange.at.desc(), StageChange.id.desc())
        .limit(wanted)
    )
    interactions = session.scalars(
        select(Interaction)
        .where(*notes)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(wanted)
    )
    documents = session.scalars(
        select(Document)
        .where(Document.deal_id == deal.id)
        .order_by(Document.added_at.desc(), Document.id.desc())
        .limit(wanted)
    )
    entries = [Entry(STAGE, c.at, c.actor_id, c) for c in changes]
    entries += [Entry(NOTE, n.occurred_at, n.author_id, n) for n in interactions]
    entries += [Entry(DOCUMENT, d.added_at, d.added_by, d) for d in documents]
    entries.sort(key=lambda entry: entry.order, reverse=True)

    return Page(
        entries=entries[offset:wanted],
        total=_count(session, deal, notes),
        offset=offset,
        limit=limit,
    )


def _count(session: Session, deal: Deal, notes: list) -> int:
    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where))

    return (
        count(StageChange, StageChange.deal_id == deal.id)
        + count(Interaction, *notes)
        + count(Document, Document.deal_id == deal.id)
    )
