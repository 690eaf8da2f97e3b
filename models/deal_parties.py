"""The customer side of a deal: its company and its contacts, each with a role.

``Deal.customer`` stays the name shown everywhere; when the deal is linked to a
registered company it is that company's name, kept in step on every rename.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .base import get_row
from .customer_register import (
    ContactInput,
    company_named,
    create_contact,
    find_or_create_company,
    get_company,
)
from .customers import Company, Contact, DealContact
from .deals import Deal
from .errors import N_, InvalidInput, NotFound

# (role key as stored, msgid of its label)
ROLES = (
    ("decision_maker", N_("Decision maker")),
    ("technical", N_("Technical")),
    ("purchasing", N_("Purchasing")),
    ("user", N_("User")),
    ("other", N_("Other")),
)
ROLE_KEYS = frozenset(key for key, _ in ROLES)


@dataclass(frozen=True)
class DealParties:
    """Who the deal is with, as picked in the deal form.

    ``new_company`` / ``new_contacts`` are names typed into the pickers for a
    company or people not registered yet; they are registered on save.
    """

    company_id: int | None = None
    new_company: str = ""
    contact_ids: tuple[int, ...] = ()
    new_contacts: tuple[str, ...] = ()


def set_deal_parties(
    session: Session, deal: Deal, parties: DealParties, actor_id: str
) -> None:
    """Link ``deal`` to its company and exactly these contacts.

    Contacts already on the deal keep their role; the others are taken off.
    With no company picked, a typed customer name that matches a registered
    company links to it.
    """
    company = _company_of(session, deal, parties, actor_id)
    deal.company_id = company.id if company else None
    if company is not None:
        deal.customer = company.name

    wanted = [_contact(session, deal.team_id, cid) for cid in parties.contact_ids]
    for name in parties.new_contacts:
        data = ContactInput(name=name, company_id=deal.company_id)
        with _on_field("contacts"):
            wanted.append(create_contact(session, deal.team_id, data, actor_id))
    _keep_only(session, deal, {contact.id for contact in wanted}, actor_id)


@contextmanager
def _on_field(field_name: str):
    """Report a record's invalid input on the deal form's field that made it."""
    try:
        yield
    except InvalidInput as error:
        message = next(iter(error.errors.values()))
        raise InvalidInput({field_name: message}) from error


def _company_of(session, deal: Deal, parties: DealParties, actor_id: str):
    if parties.company_id is not None:
        try:
            return get_company(session, deal.team_id, parties.company_id)
        except NotFound as error:
            raise InvalidInput({"company": error.message}) from error
    if parties.new_company.strip():
        with _on_field("company"):
            return find_or_create_company(
                session, deal.team_id, parties.new_company, actor_id
            )
    if deal.customer:
        return company_named(session, deal.team_id, deal.customer)
    return None


def _contact(session: Session, team_id: str, contact_id: int) -> Contact:
    contact = get_row(session, Contact, contact_id)
    if contact is None or contact.team_id != team_id:
        raise InvalidInput(
            {"contacts": N_("A contact picked is no longer in the register.")}
        )
    return contact


def _keep_only(session: Session, deal: Deal, contact_ids: set[int], actor_id: str):
    current = set(
        session.scalars(
            select(DealContact.contact_id).where(DealContact.deal_id == deal.id)
        )
    )
    gone = current - contact_ids
    if gone:
        session.execute(
            delete(DealContact).where(
                DealContact.deal_id == deal.id, DealContact.contact_id.in_(gone)
            )
        )
    for contact_id in sorted(contact_ids - current):
        session.add(
            DealContact(deal_id=deal.id, contact_id=contact_id, added_by=actor_id)
        )
    session.flush()


def set_contact_role(
    session: Session, deal: Deal, contact_id: int, role: str, actor_id: str
) -> DealContact:
    """Give a contact already on ``deal`` one of the ``ROLES``."""
    if role not in ROLE_KEYS:
        raise InvalidInput({"role": N_("Choose one of the roles offered.")})
    link = session.get(DealContact, (deal.id, contact_id))
    if link is None:
        raise NotFound(N_("That contact is no longer on this deal."))
    link.role = role
    return link


def deal_company(session: Session, deal: Deal) -> Company | None:
    if deal.company_id is None:
        return None
    company = session.get(Company, deal.company_id)
    return company if company is not None and company.team_id == deal.team_id else None


def deal_contacts(session: Session, deal: Deal) -> list[DealContact]:
    """The deal's contacts with their roles, in the order they were added."""
    return list(
        session.scalars(
            select(DealContact)
            .join(Contact, Contact.id == DealContact.contact_id)
            .where(DealContact.deal_id == deal.id, Contact.team_id == deal.team_id)
            .order_by(DealContact.added_at, Contact.name_folded)
        )
    )
