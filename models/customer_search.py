"""Finding companies and contacts by any prefix of their words.

Every company and contact keeps its words in ``search_terms``, folded (no case,
no accents) and split on anything that is not a letter or digit. A query matches
a record when each of its words is the beginning of one of the record's terms,
so "novak" finds "Nováková Jana" and "zluty kun" finds "Žlutý kůň s.r.o.".

Each word becomes a range ``term >= 'novak' AND term < 'noval'`` on the index
(team_id, kind, term, record_id), compared byte by byte on both databases (the
column is ``COLLATE "C"`` on PostgreSQL). The longest word drives the scan in
index order, so a one-letter query reads only the first rows it needs; the
other words are checked per record.
"""

from __future__ import annotations

import re

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.orm import Session, aliased

from .customers import MAX_TERM, Company, Contact, SearchTerm
from .search import fold

COMPANY = "company"
CONTACT = "contact"
MAX_QUERY_WORDS = 4
# Rows read for every record returned: a record may match on two of its words.
OVERREAD = 3

# Letters that carry no combining accent, so NFKD leaves them alone.
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
     "þ": "th", "ŧ": "t"}
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+")


def search_words(text: str | None) -> list[str]:
    """``Žlutý kůň, s.r.o.`` → ``['zluty', 'kun', 's', 'r', 'o']``."""
    folded = fold(text).translate(_PLAIN_LETTERS)
    return [word[:MAX_TERM] for word in _WORD.findall(folded)]


def company_terms(company: Company) -> set[str]:
    return set(search_words(company.name))


def contact_terms(contact: Contact, company_name: str | None) -> set[str]:
    """A contact is found by name, by e-mail and by the name of its company."""
    local, _, domain = (contact.email or "").partition("@")
    texts = (contact.name, local, domain.split(".")[0], company_name)
    return {word for text in texts for word in search_words(text)}


def index_company(session: Session, company: Company) -> None:
    terms = company_terms(company)
    _replace_terms(session, company.team_id, COMPANY, company.id, terms)


def index_contact(session: Session, contact: Contact) -> None:
    company = session.get(Company, contact.company_id) if contact.company_id else None
    terms = contact_terms(contact, company.name if company else None)
    _replace_terms(session, contact.team_id, CONTACT, contact.id, terms)


def _replace_terms(session, team_id: str, kind: str, record_id: int, terms) -> None:
    session.execute(
        delete(SearchTerm).where(
            SearchTerm.kind == kind, SearchTerm.record_id == record_id
        )
    )
    rows = [
        {"team_id": team_id, "kind": kind, "record_id": record_id, "term": term}
        for term in sorted(terms)
    ]
    if rows:
        session.execute(insert(SearchTerm), rows)


def prefix_bound(prefix: str) -> str | None:
    """The least string above every string that starts with ``prefix``.

    None when there is none (the prefix is all U+10FFFF): no upper bound needed.
    """
    while prefix:
        last = ord(prefix[-1]) + 1
        if 0xD800 <= last <= 0xDFFF:  # surrogates cannot be stored; skip them
            last = 0xE000
        if last <= 0x10FFFF:
            return prefix[:-1] + chr(last)
        prefix = prefix[:-1]
    return None


def _starts_with(term_column, word: str):
    bound = prefix_bound(word)
    condition = term_column >= word
    return condition if bound is None else and_(condition, term_column < bound)


def matching_ids(team_id: str, kind: str, query: str, limit: int):
    """A subquery of (record_id, first) for up to ``limit`` records, or None.

    ``first`` is the matched term of the driving word, for ordering. None when
    the query has no words at all.
    """
    words = sorted(set(search_words(query)), key=len, reverse=True)
    if not words:
        return None
    driving, others = words[0], words[1:MAX_QUERY_WORDS]
    term = aliased(SearchTerm)
    scan = select(term.record_id, term.term).where(
        term.team_id == team_id, term.kind == kind, _starts_with(term.term, driving)
    )
    for word in others:
        other = aliased(SearchTerm)
        # Selecting record_id (not *) lets both databases answer from the index.
        scan = scan.where(
            select(other.record_id)
            .where(
                other.kind == kind,
                other.record_id == term.record_id,
                _starts_with(other.term, word),
            )
            .exists()
        )
    rows = scan.order_by(term.term, term.record_id).limit(limit * OVERREAD)
    rows = rows.subquery()
    return (
        select(rows.c.record_id, func.min(rows.c.term).label("first"))
        .group_by(rows.c.record_id)
        .subquery()
    )


def _ranked(columns, model, kind: str, team_id: str, query: str, limit: int):
    """A select of ``columns`` from ``model`` in the order of the matched words,
    or None for a query without words."""
    found = matching_ids(team_id, kind, query, limit)
    if found is None:
        return None
    return (
        select(*columns)
        .select_from(model)
        .join(found, found.c.record_id == model.id)
        .where(model.team_id == team_id)
        .order_by(found.c.first, model.name_folded, model.id)
        .limit(limit)
    )


def search_companies(
    session: Session, team_id: str, query: str, limit: int = 20
) -> list[Company]:
    """Companies of the workspace whose words start with every word of ``query``."""
    statement = _ranked([Company], Company, COMPANY, team_id, query, limit)
    return [] if statement is None else list(session.scalars(statement))


def search_contacts(
    session: Session, team_id: str, query: str, limit: int = 20
) -> list[Contact]:
    """Contacts of the workspace whose words start with every word of ``query``."""
    statement = _ranked([Contact], Contact, CONTACT, team_id, query, limit)
    return [] if statement is None else list(session.scalars(statement).unique())


def company_suggestions(session: Session, team_id: str, query: str, limit: int):
    """What a company typeahead shows, as light rows (id, name, name_folded,
    registration_no, website): one indexed query, no objects to build."""
    columns = [Company.id, Company.name, Company.name_folded,
               Company.registration_no, Company.website]  # fmt: skip
    statement = _ranked(columns, Company, COMPANY, team_id, query, limit)
    return [] if statement is None else session.execute(statement).all()


def contact_suggestions(session: Session, team_id: str, query: str, limit: int):
    """What a contact typeahead shows, as light rows (id, name, name_folded,
    email, company_name)."""
    columns = [Contact.id, Contact.name, Contact.name_folded, Contact.email,
               Company.name.label("company_name")]  # fmt: skip
    statement = _ranked(columns, Contact, CONTACT, team_id, query, limit)
    if statement is None:
        return []
    statement = statement.outerjoin(Company, Company.id == Contact.company_id)
    return session.execute(statement).all()


def recent_companies(session: Session, team_id: str, limit: int = 10) -> list[Company]:
    return list(
        session.scalars(
            select(Company)
            .where(Company.team_id == team_id)
            .order_by(Company.id.desc())
            .limit(limit)
        )
    )


def recent_contacts(session: Session, team_id: str, limit: int = 10) -> list[Contact]:
    return list(
        session.scalars(
            select(Contact)
            .where(Contact.team_id == team_id)
            .order_by(Contact.id.desc())
            .limit(limit)
        ).unique()
    )
