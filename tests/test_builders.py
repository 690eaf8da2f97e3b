"""Block Kit builders as data: whatever the data, Slack's limits hold."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest

from tests.fakeslack import validate_message, validate_view
from ui import channel, deal_card, deal_list, deal_modal, help, home, modals
from ui.i18n import Localizer

LONG = "Ž<@U1>&" * 500  # 3,500 characters of accents and markup


def stage(number, name="Proposal", kind="open", probability=50):
    return SimpleNamespace(
        id=number,
        name=name,
        kind=kind,
        position=number,
        probability=probability,
        is_closed=kind != "open",
    )


def deal(number, the_stage, name="Laptops", customer="Acme", description=""):
    return SimpleNamespace(
        id=number,
        number=number,
        ref=f"#{number}",
        name=name,
        customer=customer,
        value=Decimal("99999999999.99"),
        currency="CZK",
        owner_id="U_ALICE",
        close_date=date(2027, 1, 31),
        description=description,
        stage=the_stage,
        stage_id=the_stage.id,
        stage_entered_at=datetime.now(UTC) - timedelta(days=3),
        lost_reason=LONG if the_stage.kind == "lost" else None,
    )


def change(the_stage, previous):
    return SimpleNamespace(
        from_stage=previous,
        to_stage=the_stage,
        actor_id="U_BOB",
        at=datetime.now(UTC),
        reason=LONG,
    )


@pytest.fixture(
    params=[("en", "en-US", "America/New_York"), ("cs", "cs-CZ", "Europe/Prague")]
)
def loc(request):
    return Localizer(*request.param)


def test_deal_card_with_longest_fields_stays_within_limits(loc):
    stages = [stage(n, f"Stage {n} " + "x" * 30) for n in range(12)]
    stages += [stage(90, "Won", "won", 100), stage(91, "Lost", "lost", 0)]
    big = deal(1, stages[3], name="N" * 200, customer=LONG[:200], description=LONG)

    blocks = deal_card.deal_card(
        big,
        loc,
        stages=stages,
        next_stage=stages[4],
        history=[change(stages[3], stages[2])] * 5,
    )

    assert validate_message(blocks) == []
    assert validate_view(deal_card.card_modal(big, loc, blocks)) == []


def test_closed_deal_card_offers_reopen(loc):
    lost = stage(91, "Lost", "lost", 0)

    blocks = deal_card.deal_card(
        deal(2, lost), loc, stages=[lost], next_stage=None, history=[]
    )

    assert validate_message(blocks) == []
    assert [e["action_id"] for e in blocks[-1]["elements"]] == [
        "deal_reopen",
        "deal_edit",
    ]


def test_home_board_with_thousands_of_deals_stays_under_100_blocks(loc):
    stages = [stage(n, "S" * 40) for n in range(12)]
    stages += [stage(90, "Won", "won", 100), stage(91, "Lost", "lost", 0)]
    columns = [
        home.Column(
            s,
            [deal(n * 1000 + i, s, name="D" * 200, customer=LONG) for i in range(10)],
            5000,
            [(Decimal("1"), "EUR"), (Decimal("2"), "CZK")],
            [(Decimal("1"), "EUR")],
        )
        for n, s in enumerate(stages)
    ]

    view = home.home_view(loc, scope=home.SCOPE_ALL, columns=columns)

    assert validate_view(view) == []
    assert len(view["blocks"]) <= 100


def test_list_page_and_channel_messages_stay_within_limits(loc):
    stages = [stage(n) for n in range(14)]
    deals = [deal(n, stages[n % 14], name="L" * 200, customer=LONG) for n in range(10)]
    totals = [(s, 9999, [(Decimal("1"), "EUR")] * 5) for s in stages]

    page = deal_list.deal_list(
        deals,
        loc,
        title="T" * 500,
        filter_key="x" * 3000,
        page=3,
        total=100_000,
        stage_totals=totals,
    )
    text, summary = channel.deal_summary(deals[0], loc)
    reply = channel.change_text(change(stages[1], stages[0]), loc)

    assert validate_message(page) == []
    assert validate_message(summary) == []
    assert len(text) <= 4000 and len(reply) <= 4000


def test_modals_are_valid(loc):
    stages = [stage(n) for n in range(4)]
    workspace = SimpleNamespace(
        default_currency="EUR",
        language="cs",
        visibility="all",
        lost_reasons=["Price"] * 50,
    )

    views = [
        deal_modal.deal_modal(
            loc, stages=stages, default_currency="EUR", owner_id="U_ALICE", name=LONG
        ),
        deal_modal.deal_modal(
            loc,
            stages=stages,
            default_currency="EUR",
            owner_id="U_ALICE",
            deal=deal(1, stages[0], description=LONG),
        ),
        modals.lost_modal(deal(1, stages[0]), loc, ["R" * 200] * 120),
        modals.settings_modal(workspace, loc, channel_id="C_SALES"),
    ]

    for view in views:
        assert validate_view(view) == [], view["callback_id"]


def test_help_lists_every_subcommand(loc):
    blocks = help.help_blocks(loc, unknown=LONG)

    assert validate_message(blocks) == []
    assert all(
        f"/deal {usage.split()[0]}" in str(blocks) for usage, _, _ in help.SUBCOMMANDS
    )
