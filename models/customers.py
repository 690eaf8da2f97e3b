"""The register of customers: companies and the people at them (contacts).

A deal links to its customer company and to any number of contacts, each with a
role on that deal. Names and e-mails are kept folded (no case, no accents) beside
the original, so duplicates and searches behave the same on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime, utcnow

MAX_NAME = 200
MAX_TERM = 100
# Byte order on PostgreSQL as on SQLite, whatever the database's own collation:
# a prefix range (term >= 'nov' AND term < 'now') then means the same on both.
TERM_TYPE = String(MAX_TERM).with_variant(String(MAX_TERM, collation="C"), "postgresql")


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (UniqueConstraint("team_id", "name_folded"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id"))
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    name_folded: Mapped[str] = mapped_column(String(MAX_NAME))
    registration_no: Mapped[str] = mapped_column(String(40), default="")
    vat_no: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )

    def __repr__(self) -> str:
        return f"<Company {self.id} {self.name!r}>"


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        UniqueConstraint("team_id", "email_folded"),
        Index("ix_contacts_team_company", "team_id", "company_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id"))
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    name_folded: Mapped[str] = mapped_column(String(MAX_NAME))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    job_title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    # NULL when there is no e-mail, so the uniqueness applies to real addresses only.
    email_folded: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )

    company: Mapped[Company | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"<Contact {self.id} {self.name!r}>"


class SearchTerm(Base):
    """One word of a company's or contact's name, folded, for prefix search.

    A typeahead looks words up by prefix with a plain B-tree range scan, which
    both databases answer from the index in well under a millisecond. The terms
    are written by ``customer_search.index_company`` / ``index_contact``.
    """

    __tablename__ = "search_terms"
    __table_args__ = (
        # record_id last: a typeahead reads the ids straight from the index.
        Index("ix_search_terms_lookup", "team_id", "kind", "term", "record_id"),
        # term last: the other words of a query are checked from the index alone.
        Index("ix_search_terms_record", "kind", "record_id", "term"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # "company" or "contact"
    record_id: Mapped[int]
    term: Mapped[str] = mapped_column(TERM_TYPE)


class DealContact(Base):
    """A contact's part in one deal: decision maker, technical, purchasing, ..."""

    __tablename__ = "deal_contacts"

    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(40), default="")
    added_by: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contact: Mapped[Contact] = relationship(lazy="joined")
