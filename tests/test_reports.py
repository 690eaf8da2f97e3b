"""Reading the pipeline: pages in order, totals per stage and currency, the board."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from models import get_workspace, move_deal, pipeline, win_stage
from models.reports import DealFilter, board, deal_page, stage_totals
from tests.factories import ALICE, BOB, make_deal


def test_pages_run_by_close_date_then_the_undated_deals(session, team_id):
    for day in (20, 5, 12):
        make_deal(session, team_id, name=f"Due {day}", close_date=date(2027, 1, day))
    for number in range(3):
        make_deal(session, team_id, name=f"Undated {number}", close_date=None)
    workspace = get_workspace(session, team_id)

    pages = [
        deal_page(session, workspace, ALICE, DealFilter(), page, 2)[0]
        for page in range(3)
    ]

    assert [[d.name for d in page] for page in pages] == [
        ["Due 5", "Due 12"],
        ["Due 20", "Undated 0"],
        ["Undated 1", "Undated 2"],
    ]
    assert deal_page(session, workspace, ALICE, DealFilter(), 0, 2)[1] == 6


def test_totals_are_per_stage_and_currency_and_weighted(session, team_id):
    make_deal(session, team_id, value="1000", currency="EUR")
    make_deal(session, team_id, value="500.50", currency="EUR")
    make_deal(session, team_id, value="25000", currency="CZK", owner_id=BOB)
    workspace = get_workspace(session, team_id)

    lead = stage_totals(session, workspace, ALICE, DealFilter())[0]

    assert lead.count == 3
    assert dict((c, a) for a, c in lead.amounts) == {
        "EUR": Decimal("1500.5"),
        "CZK": Decimal("25000"),
    }
    assert (Decimal("150.05"), "EUR") in lead.weighted  # Lead is 10 %


def test_the_board_shows_each_stage_and_mine_only_when_asked(session, team_id):
    make_deal(session, team_id, name="Alice's")
    won = make_deal(session, team_id, name="Bob's", owner_id=BOB)
    move_deal(session, won, win_stage(session, won), BOB)
    workspace = get_workspace(session, team_id)

    everyone = {
        c.stage.name: [d.name for d in deals]
        for c, deals in board(session, workspace, ALICE)
    }
    mine = {
        c.stage.name: [d.name for d in deals]
        for c, deals in board(session, workspace, ALICE, owner_id=ALICE)
    }

    assert everyone["Lead"] == ["Alice's"] and everyone["Won"] == ["Bob's"]
    assert mine["Won"] == [] and mine["Lead"] == ["Alice's"]
    assert [s.name for s in pipeline(session, team_id)] == list(everyone)
