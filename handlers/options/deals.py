"""The deal picker's typeahead: deals the user may see, by number or name."""

from __future__ import annotations

from models import get_workspace
from models.deal_refs import search_deals
from ui import ids
from ui.blocks import option

from ..runtime import Runtime, actor

OPTIONS_LIMIT = 20


def deal_choices(session, team_id: str, person, query: str) -> list[dict]:
    workspace = get_workspace(session, team_id)
    deals = search_deals(
        session, workspace, person.user_id, query, person.is_admin, OPTIONS_LIMIT
    )
    return [option(f"{deal.ref} {deal.name}", str(deal.id)) for deal in deals]


def register(app, runtime: Runtime) -> None:
    @app.options(ids.DEAL_PICKER)
    def deal_options(ack, body, payload, client):
        team_id, _ = actor(body)
        person = runtime.reader(body, client)
        query = (payload.get("value") or "").strip()[:100]
        with runtime.reading() as session:
            options = deal_choices(session, team_id, person, query)
        ack(options=options)
