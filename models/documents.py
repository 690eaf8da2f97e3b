"""Documents of a deal: the inquiry, the quote, the contract, kept as Slack files."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow
from .errors import N_

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
