"""How the register of customers looks: the list, the typeahead's options and
the contacts section of the deal card."""

from __future__ import annotations

from models.deal_parties import ROLES
from models.search import fold

from . import ids
from .blocks import (
    MAX_OPTIONS,
    actions,
    button,
    context,
    header,
    option,
    section,
    static_select,
)
from .customer_modals import PICKED_NEW, record_option
from .i18n import Localizer
from .text import escaped_cut

LIST_COMPANIES = 10
LIST_CONTACTS = 15
CARD_CONTACTS = 5
NEW_NAME_LIMIT = 150 - len(PICKED_NEW)


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def register_list(loc: Localizer, *, query: str, companies, contacts) -> list[dict]:
    """``/deal contacts [query]``: matching companies and contacts, with Edit."""
    blocks = [header(loc._("Companies and contacts"))]
    if query:
        blocks.append(
            context(loc._("Matching “%(query)s”", query=escaped_cut(query, 200)))
        )
    else:
        blocks.append(context(loc._("Most recently added")))
    for company in companies[:LIST_COMPANIES]:
        blocks.append(
            section(
                f"🏢 *{escaped_cut(company.name, 200)}*\n"
                + escaped_cut(_company_details(loc, company), 1000),
                accessory=button(loc._("Edit"), ids.COMPANY_EDIT, str(company.id)),
            )
        )
    for contact in contacts[:LIST_CONTACTS]:
        blocks.append(
            section(
                f"👤 *{escaped_cut(contact.name, 200)}*\n"
                + escaped_cut(_contact_details(contact), 1000),
                accessory=button(loc._("Edit"), ids.CONTACT_EDIT, str(contact.id)),
            )
        )
    if not companies and not contacts:
        empty = (
            loc._("Nothing in the register matches.")
            if query
            else loc._("The register is empty.")
        )
        blocks.append(section(empty))
    blocks.append(
        actions(
            button(loc._("New contact"), ids.CONTACT_NEW, style="primary"),
            button(loc._("New company"), ids.COMPANY_NEW),
        )
    )
    return blocks


def _company_details(loc: Localizer, company) -> str:
    numbers = [
        loc._("Reg. no. %(number)s", number=company.registration_no)
        if company.registration_no
        else "",
        loc._("VAT %(number)s", number=company.vat_no) if company.vat_no else "",
    ]
    return _joined(*numbers, company.website, " ".join(company.address.split()))


def _contact_details(contact) -> str:
    company = contact.company.name if contact.company else ""
    return _joined(contact.job_title, company, contact.email, contact.phone) or "—"


def company_options(loc: Localizer, query: str, companies) -> list[dict]:
    """The typeahead's companies, then "New company" unless the name is taken.

    ``companies`` have id, name, name_folded, registration_no and website.
    """
    found = [
        record_option(c.name, c.id, _joined(c.registration_no, c.website))
        for c in companies
    ]
    exact = any(company.name_folded == fold(query) for company in companies)
    return _with_new(found, exact, query, loc._("New company: %(name)s", name=query))


def contact_options(loc: Localizer, query: str, contacts) -> list[dict]:
    """The typeahead's contacts, then "New contact" unless one has that name.

    ``contacts`` have id, name, name_folded, email and company_name.
    """
    found = [
        record_option(c.name, c.id, _joined(c.company_name or "", c.email))
        for c in contacts
    ]
    exact = any(contact.name_folded == fold(query) for contact in contacts)
    return _with_new(found, exact, query, loc._("New contact: %(name)s", name=query))


def _with_new(found: list[dict], exact: bool, query: str, label: str) -> list[dict]:
    name = " ".join(query.split())[:NEW_NAME_LIMIT]
    if name and not exact:
        found = found[: MAX_OPTIONS - 1]
        found.append(option(f"➕ {label}", PICKED_NEW + name))
    return found[:MAX_OPTIONS]


def deal_parties_blocks(deal, loc: Localizer, *, company, links) -> list[dict]:
    """The deal card's customer section: the company, each contact and role."""
    label = loc._("Contacts")
    title = f"*{label}*"
    if company is not None:
        details = _company_details(loc, company)
        title = f"*{escaped_cut(company.name, 200)}*" + (
            f" · {escaped_cut(details, 800)}" if details else ""
        )
    blocks = [section(title)]
    for link in links[:CARD_CONTACTS]:
        contact = link.contact
        blocks.append(
            section(
                f"👤 *{escaped_cut(contact.name, 200)}*\n"
                + escaped_cut(_contact_details(contact), 1000),
                accessory=_role_select(deal, contact, link.role, loc),
                block_id=f"deal_contact:{deal.id}:{contact.id}",
            )
        )
    if len(links) > CARD_CONTACTS:
        more = len(links) - CARD_CONTACTS
        blocks.append(
            context(loc.n_("…and %(count)s more", "…and %(count)s more", more))
        )
    if not links:
        blocks.append(
            context(loc._("No contacts on this deal yet; add them with Edit."))
        )
    return blocks


def _role_select(deal, contact, role: str, loc: Localizer) -> dict:
    choices = [
        option(loc._(label), f"{deal.id}:{contact.id}:{key}") for key, label in ROLES
    ]
    keys = [key for key, _ in ROLES]
    current = choices[keys.index(role)] if role in keys else None
    return static_select(
        ids.DEAL_CONTACT_ROLE, loc._("Role on this deal"), choices, initial=current
    )
