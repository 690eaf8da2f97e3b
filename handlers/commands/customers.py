"""The register's subcommands: ``contacts [query]``, ``contact new``,
``company new``."""

from __future__ import annotations

from models import DealbotError
from models.customer_search import (
    recent_companies,
    recent_contacts,
    search_companies,
    search_contacts,
)
from models.errors import N_
from ui import customer_modals, customers

LIST_LIMIT = 15


def subcommands() -> dict:
    """The register's words after ``/deal``."""
    return {"contacts": _contacts, "contact": _contact, "company": _company}


def _contacts(runtime, command, rest, person, client, respond):
    loc = person.localizer()
    query = rest[:200]
    respond(
        blocks=register_blocks(runtime, command["team_id"], query, loc),
        text=loc._("Companies and contacts"),
    )


def register_blocks(runtime, team_id: str, query: str, loc) -> list[dict]:
    """The list of matching companies and contacts, or the latest ones."""
    with runtime.reading() as session:
        if query:
            companies = search_companies(session, team_id, query, LIST_LIMIT)
            contacts = search_contacts(session, team_id, query, LIST_LIMIT)
        else:
            companies = recent_companies(session, team_id, LIST_LIMIT)
            contacts = recent_contacts(session, team_id, LIST_LIMIT)
        return customers.register_list(
            loc, query=query, companies=companies, contacts=contacts
        )


def _contact(runtime, command, rest, person, client, respond):
    if rest.lower() not in ("new", person.localizer()._("new")):
        raise DealbotError(N_("Say `/deal contact new` to register a contact."))
    view = customer_modals.contact_modal(
        person.localizer(), metadata={"channel": command.get("channel_id")}
    )
    client.views_open(trigger_id=command["trigger_id"], view=view)


def _company(runtime, command, rest, person, client, respond):
    if rest.lower() not in ("new", person.localizer()._("new")):
        raise DealbotError(N_("Say `/deal company new` to register a company."))
    view = customer_modals.company_modal(
        person.localizer(), metadata={"channel": command.get("channel_id")}
    )
    client.views_open(trigger_id=command["trigger_id"], view=view)
