"""Registering companies and contacts: checked input, no duplicates, search kept.

A company is a duplicate when its name folds (case, accents, spacing) to one
already registered in the workspace; a contact when its e-mail does, ignoring
case. Either raises ``Duplicate`` carrying the record already there, so the
caller can offer it instead of a second one. The unique constraints on
``name_folded`` and ``email_folded`` stand behind the check: a concurrent
insert that slips past it ends in the same ``Duplicate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .base import get_row
from .customer_search import index_company, index_contact
from .customers import MAX_NAME, Company, Contact
from .deals import Deal
from .errors import N_, Duplicate, InvalidInput, NotFound
from .requests import claim_request
from .search import fold, tidy_name

MAX_NOTES = 3000
TOO_LONG = {
    40: N_("Keep this under 40 characters."),
    50: N_("Keep this under 50 characters."),
    200: N_("Keep this under 200 characters."),
    254: N_("Keep this under 254 characters."),
    300: N_("Keep this under 300 characters."),
    500: N_("Keep this under 500 characters."),
    MAX_NOTES: N_("Keep this under 3000 characters."),
}
EMAIL = re.compile(r"[^@\s<>()|,;]+@[^@\s<>()|,;.]+(\.[^@\s<>()|,;.]+)+")
WEBSITE = re.compile(r"(https?://)?([\w-]+\.)+[\w-]{2,}(:\d{1,5})?([/?#][^\s<>|]*)?")
PHONE = re.compile(r"\+?[\d\s().\-/]+")


@dataclass(frozen=True)
class CompanyInput:
    """What a rep typed into the company form, before it is checked."""

    name: str
    registration_no: str = ""
    vat_no: str = ""
    address: str = ""
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContactInput:
    """What a rep typed into the contact form; ``company_id`` as picked."""

    name: str
    company_id: int | None = None
    job_title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""


def _text(value: str | None, limit: int, field: str, errors: dict) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        errors[field] = TOO_LONG[limit]
    return text


def _name(value: str | None, errors: dict, missing: str) -> str:
    name = tidy_name(value)
    if not name:
        errors["name"] = missing
    return _text(name, MAX_NAME, "name", errors) if name else name


def _checked_company(data: CompanyInput) -> dict:
    errors: dict[str, str] = {}
    fields = {
        "name": _name(data.name, errors, N_("Give the company a name.")),
        "registration_no": _text(data.registration_no, 40, "registration_no", errors),
        "vat_no": _text(data.vat_no, 40, "vat_no", errors),
        "address": _text(data.address, 500, "address", errors),
        "website": _text(data.website, 300, "website", errors),
        "notes": _text(data.notes, MAX_NOTES, "notes", errors),
    }
    if fields["website"] and not WEBSITE.fullmatch(fields["website"]):
        errors.setdefault(
            "website", N_("That does not look like a web address, e.g. example.com.")
        )
    if errors:
        raise InvalidInput(errors)
    return {**fields, "name_folded": fold(fields["name"])[:MAX_NAME]}


def _checked_contact(session: Session, team_id: str, data: ContactInput) -> dict:
    errors: dict[str, str] = {}
    fields = {
        "name": _name(data.name, errors, N_("Give the contact a name.")),
        "job_title": _text(data.job_title, 200, "job_title", errors),
        "email": _text(data.email, 254, "email", errors),
        "phone": _text(data.phone, 50, "phone", errors),
        "notes": _text(data.notes, MAX_NOTES, "notes", errors),
        "company_id": data.company_id,
    }
    if fields["email"] and not EMAIL.fullmatch(fields["email"]):
        errors.setdefault(
            "email", N_("That does not look like an e-mail address, e.g. jana@acme.cz.")
        )
    phone = fields["phone"]
    if phone and (not PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 3):
        errors.setdefault(
            "phone", N_("A phone number has digits, spaces and + ( ) - only.")
        )
    company_id = data.company_id
    if company_id is not None and _company(session, team_id, company_id) is None:
        errors["company"] = N_("That company is no longer in the register.")
    if errors:
        raise InvalidInput(errors)
    # Folding may lengthen a text ("ß" → "ss"); the columns hold the original length.
    return {**fields, "name_folded": fold(fields["name"])[:MAX_NAME],
            "email_folded": fields["email"].casefold()[:254] or None}  # fmt: skip


def _company(session: Session, team_id: str, company_id: int) -> Company | None:
    company = get_row(session, Company, company_id)
    return company if company is not None and company.team_id == team_id else None


def get_company(session: Session, team_id: str, company_id: int) -> Company:
    """A company of this workspace; another workspace's id is not found."""
    company = _company(session, team_id, company_id)
    if company is None:
        raise NotFound(N_("That company is no longer in the register."))
    return company


def get_contact(session: Session, team_id: str, contact_id: int) -> Contact:
    """A contact of this workspace; another workspace's id is not found."""
    contact = get_row(session, Contact, contact_id)
    if contact is None or contact.team_id != team_id:
        raise NotFound(N_("That contact is no longer in the register."))
    return contact


def company_named(session: Session, team_id: str, name: str) -> Company | None:
    """The company whose name folds to the same as ``name``, if registered."""
    return session.scalar(
        select(Company).where(
            Company.team_id == team_id, Company.name_folded == fold(name)[:MAX_NAME]
        )
    )


def contact_with_email(session: Session, team_id: str, email: str) -> Contact | None:
    if not email:
        return None
    return session.scalar(
        select(Contact).where(
            Contact.team_id == team_id,
            Contact.email_folded == email.casefold()[:254],
        )
    )


def _company_taken(session, team_id: str, fields: dict, own_id=None) -> None:
    existing = company_named(session, team_id, fields["name"])
    if existing is not None and existing.id != own_id:
        raise Duplicate(
            N_("%(name)s is already registered."),
            existing,
            "name",
            name=existing.name,
        )


def _contact_taken(session, team_id: str, fields: dict, own_id=None) -> None:
    existing = contact_with_email(session, team_id, fields["email"])
    if existing is not None and existing.id != own_id:
        raise Duplicate(
            N_("This e-mail belongs to %(name)s, who is already registered."),
            existing,
            "email",
            name=existing.name,
        )


def _save_unique(session: Session, apply, recheck) -> None:
    """Make the change ``apply`` makes and flush it in a savepoint.

    A unique clash with a concurrent writer undoes just the savepoint; the
    ``recheck`` then finds the record that won and raises ``Duplicate``.
    """
    try:
        with session.begin_nested():
            apply()
            session.flush()
    except IntegrityError:
        with session.no_autoflush:
            recheck()
        raise


def _assign(record, fields: dict) -> None:
    for key, value in fields.items():
        setattr(record, key, value)


def create_company(
    session: Session,
    team_id: str,
    data: CompanyInput,
    actor_id: str,
    request_key: str | None = None,
) -> Company:
    """Register a company, or raise ``Duplicate`` with the one already there."""
    fields = _checked_company(data)
    _company_taken(session, team_id, fields)
    claim_request(session, team_id, request_key)

    company = Company(team_id=team_id, created_by=actor_id, **fields)
    _save_unique(
        session,
        lambda: session.add(company),
        lambda: _company_taken(session, team_id, fields),
    )
    index_company(session, company)
    return company


def edit_company(session: Session, company: Company, data: CompanyInput) -> None:
    """Change a company; its deals and contacts follow a new name."""
    fields = _checked_company(data)
    _company_taken(session, company.team_id, fields, own_id=company.id)
    team_id, renamed = company.team_id, fields["name"] != company.name
    _save_unique(
        session,
        lambda: _assign(company, fields),
        lambda: _company_taken(session, team_id, fields, own_id=company.id),
    )
    index_company(session, company)
    if renamed:
        _follow_rename(session, company)


def _follow_rename(session: Session, company: Company) -> None:
    session.execute(
        update(Deal)
        .where(Deal.team_id == company.team_id, Deal.company_id == company.id)
        .values(customer=company.name)
        .execution_options(synchronize_session="fetch")
    )
    for contact in session.scalars(
        select(Contact).where(
            Contact.team_id == company.team_id, Contact.company_id == company.id
        )
    ):
        index_contact(session, contact)


def find_or_create_company(
    session: Session, team_id: str, name: str, actor_id: str
) -> Company:
    """The registered company of this name, registered now if it is new."""
    try:
        return create_company(session, team_id, CompanyInput(name=name), actor_id)
    except Duplicate as duplicate:
        return duplicate.existing


def create_contact(
    session: Session,
    team_id: str,
    data: ContactInput,
    actor_id: str,
    request_key: str | None = None,
) -> Contact:
    """Register a contact, or raise ``Duplicate`` if the e-mail is registered."""
    fields = _checked_contact(session, team_id, data)
    _contact_taken(session, team_id, fields)
    claim_request(session, team_id, request_key)

    contact = Contact(team_id=team_id, created_by=actor_id, **fields)
    _save_unique(
        session,
        lambda: session.add(contact),
        lambda: _contact_taken(session, team_id, fields),
    )
    index_contact(session, contact)
    return contact


def edit_contact(session: Session, contact: Contact, data: ContactInput) -> None:
    fields = _checked_contact(session, contact.team_id, data)
    _contact_taken(session, contact.team_id, fields, own_id=contact.id)
    team_id = contact.team_id
    _save_unique(
        session,
        lambda: _assign(contact, fields),
        lambda: _contact_taken(session, team_id, fields, own_id=contact.id),
    )
    index_contact(session, contact)
