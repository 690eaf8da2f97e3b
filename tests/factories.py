"""Building deals for tests, with sensible defaults."""

from __future__ import annotations

from datetime import date

from models import DealInput, create_deal, get_workspace

ALICE = "U_ALICE"
BOB = "U_BOB"
CAROL = "U_CAROL"


def deal_input(**overrides) -> DealInput:
    fields = {
        "name": "40 laptops for Acme",
        "customer": "Acme s.r.o.",
        "value": "12500",
        "currency": "EUR",
        "close_date": date(2027, 3, 31),
        "owner_id": ALICE,
        "stage_id": None,
        "description": "RFQ: 40 laptops, 3-year warranty",
    }
    fields.update(overrides)
    return DealInput(**fields)


def make_deal(session, team_id: str, actor: str = ALICE, **overrides):
    workspace = get_workspace(session, team_id)
    deal = create_deal(session, workspace, deal_input(**overrides), actor)
    session.flush()
    return deal
