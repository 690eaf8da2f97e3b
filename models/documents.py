"""Documents of a deal: the inquiry, the quote, the contract, kept as Slack files.

The file itself stays in Slack; Dealbot keeps its id, name, type, size and
permalink, who attached it and when, and which kind of document it is. Attaching
the same file to the same deal again changes nothing, however it arrives (the
modal, the message shortcut, a post in the deal's thread, a Slack retry).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, UTCDateTime, utcnow
from .deal_refs import visible_deals
from .deals import Deal
from .errors import N_, InvalidInput
from .search import fold
from .stages import LOST, OPEN, WON, Stage, open_stages

INQUIRY = "inquiry"
RFQ = "rfq"
OFFER = "offer"
CONTRACT = "contract"
OTHER = "other"
KINDS = {
    INQUIRY: N_("Inquiry / RFP"),
    RFQ: N_("RFQ"),
    OFFER: N_("Offer / quote"),
    CONTRACT: N_("Contract"),
    OTHER: N_("Other"),
}
SOURCES = ("modal", "shortcut", "thread")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("deal_id", "slack_file_id"),
        Index("ix_documents_deal_added", "deal_id", "added_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id"))
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"))
    kind: Mapped[str] = mapped_column(String(16), default=OTHER)
    slack_file_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(255))
    mimetype: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    permalink: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(16))  # modal, shortcut, thread
    added_by: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Document {self.id} {self.kind} {self.name!r} deal={self.deal_id}>"


# Which kinds of document a deal should have by the time it reaches a stage.
#
# Teams rename, reorder and add stages, so the table is keyed by where a stage
# sits among the open ones (its place in the cycle), not by its name: the first
# two are the enquiry phase (Lead, Qualified), the third is the proposal, and
# the fourth and any later are negotiation. A won deal should have its offer and
# contract; a lost one expects nothing more.
EXPECTED_BY_PLACE = (
    (INQUIRY,),  # 1st open stage, e.g. Lead
    (INQUIRY,),  # 2nd, e.g. Qualified
    (INQUIRY, OFFER),  # 3rd, e.g. Proposal
    (OFFER, CONTRACT),  # 4th and later, e.g. Negotiation
)
EXPECTED_BY_OUTCOME = {WON: (OFFER, CONTRACT), LOST: ()}

# Words in a file name that say which kind of document it is (folded: no case,
# no accents), for files posted in a deal's thread without a modal to ask.
NAME_HINTS = (
    (CONTRACT, ("contract", "smlouv", "agreement")),
    (OFFER, ("offer", "quote", "quotation", "nabidk", "cenov")),
    (RFQ, ("rfq",)),
    (INQUIRY, ("inquiry", "enquiry", "rfp", "poptav")),
)


@dataclass(frozen=True)
class SlackFile:
    """What ``files.info`` tells about a file, in the fields a Document keeps."""

    id: str
    name: str
    mimetype: str = ""
    size: int = 0
    permalink: str = ""


def expected_kinds_at(place: int | None, stage_kind: str = OPEN) -> tuple:
    """Kinds expected at the ``place``-th open stage (0-based), or at an outcome."""
    if stage_kind != OPEN or place is None:
        return EXPECTED_BY_OUTCOME.get(stage_kind, ())
    return EXPECTED_BY_PLACE[min(place, len(EXPECTED_BY_PLACE) - 1)]


def expected_kinds(session: Session, stage: Stage) -> tuple:
    opened = [s.id for s in open_stages(session, stage.team_id)]
    place = opened.index(stage.id) if stage.id in opened else None
    return expected_kinds_at(place, stage.kind)


def missing_kinds(session: Session, deal: Deal) -> list[str]:
    """Kinds the deal's stage expects that none of its documents is."""
    held = set(
        session.scalars(select(Document.kind).where(Document.deal_id == deal.id))
    )
    return [kind for kind in expected_kinds(session, deal.stage) if kind not in held]


def guess_kind(name: str) -> str:
    """The kind a file's name suggests, e.g. ``Smlouva_Acme.pdf`` → contract."""
    folded = fold(name)
    for kind, words in NAME_HINTS:
        if any(word in folded for word in words):
            return kind
    return OTHER


def attach_document(
    session: Session,
    deal: Deal,
    file: SlackFile,
    kind: str,
    source: str,
    actor_id: str,
) -> tuple[Document, bool]:
    """Keep ``file`` as a document of ``deal``; (document, whether it is new).

    The deal must have been read through its visibility. A file already on the
    deal is returned as it is.
    """
    if kind not in KINDS:
        raise InvalidInput({"kind": N_("Choose what kind of document it is.")})
    if not file.id:
        raise InvalidInput({"files": N_("Choose a file.")})
    existing = _on_deal(session, deal, file.id)
    if existing is not None:
        return existing, False

    document = Document(
        team_id=deal.team_id,
        deal_id=deal.id,
        kind=kind,
        slack_file_id=file.id[:32],
        name=(file.name or file.id)[:255],
        mimetype=(file.mimetype or "")[:100],
        size=max(0, int(file.size or 0)),
        permalink=_link(file.permalink),
        source=source if source in SOURCES else "modal",
        added_by=actor_id,
    )
    try:
        with session.begin_nested():
            session.add(document)
            session.flush()
    except IntegrityError:  # the same file arrived by another way meanwhile
        return _on_deal(session, deal, file.id), False
    return document, True


def _on_deal(session: Session, deal: Deal, file_id: str) -> Document | None:
    return session.scalar(
        select(Document).where(
            Document.deal_id == deal.id, Document.slack_file_id == file_id[:32]
        )
    )


def _link(url: str | None) -> str:
    """A permalink safe to put in a mrkdwn link, or nothing."""
    url = (url or "").strip()
    safe = url.startswith("https://") and not any(c in url for c in "<>| \n")
    return url if safe and len(url) <= 500 else ""


def deal_documents(session: Session, deal: Deal, limit: int = 10) -> list[Document]:
    """The deal's documents, newest first."""
    return list(
        session.scalars(
            select(Document)
            .where(Document.deal_id == deal.id)
            .order_by(Document.added_at.desc(), Document.id.desc())
            .limit(limit)
        )
    )


def deal_of_thread(
    session: Session, workspace, user_id: str, channel: str, thread_ts: str, is_admin
) -> Deal | None:
    """The deal whose thread in ``channel`` starts at ``thread_ts``, if the user
    may see it."""
    if not channel or not thread_ts:
        return None
    return session.scalar(
        visible_deals(session, workspace, user_id, is_admin).where(
            Deal.thread_channel == channel, Deal.thread_ts == thread_ts
        )
    )
