"""Typeaheads for the customer company and the contacts of a deal."""

from __future__ import annotations

from models.customer_search import company_suggestions, contact_suggestions
from ui import ids
from ui.customers import company_options, contact_options
from ui.i18n import Localizer

from ..runtime import Runtime, actor

OPTIONS_LIMIT = 25


def company_choices(session, team_id: str, query: str, loc: Localizer) -> list[dict]:
    """What the company picker offers for ``query``: the server's whole work."""
    found = company_suggestions(session, team_id, query, OPTIONS_LIMIT)
    return company_options(loc, query, found)


def contact_choices(session, team_id: str, query: str, loc: Localizer) -> list[dict]:
    """What the contacts picker offers for ``query``: the server's whole work."""
    found = contact_suggestions(session, team_id, query, OPTIONS_LIMIT)
    return contact_options(loc, query, found)


def register(app, runtime: Runtime) -> None:
    def answer(choices):
        def handle(ack, body, payload):
            team_id, user_id = actor(body)
            loc = _localizer(runtime, team_id, user_id)
            query = (payload.get("value") or "").strip()[:100]
            with runtime.reading() as session:
                options = choices(session, team_id, query, loc)
            ack(options=options)

        return handle

    app.options(ids.COMPANY_PICKER)(answer(company_choices))
    app.options(ids.CONTACT_PICKER)(answer(contact_choices))


def _localizer(runtime: Runtime, team_id: str, user_id: str) -> Localizer:
    """The reader's language as far as Dealbot knows it; never asks Slack."""
    return runtime.people.known(team_id, user_id).localizer()
