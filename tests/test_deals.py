"""Creating deals, moving them through the stages, finding them by reference."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import select

from models import (
    AlreadyDone,
    AmbiguousRef,
    Conflict,
    InvalidInput,
    NotFound,
    OutboxMessage,
    StageChange,
    get_deal,
    get_workspace,
    lose_stage,
    move_deal,
    pipeline,
    reopen_stage,
    resolve_ref,
    stage_history,
    transaction,
    update_deal,
    win_stage,
)
from models.deals import create_deal
from models.workspace import VISIBILITY_OWN
from tests.factories import ALICE, BOB, deal_input, make_deal


def test_new_workspace_has_four_open_stages_then_won_and_lost(session, team_id):
    stages = pipeline(session, team_id)

    assert [s.name for s in stages] == [
        "Lead",
        "Qualified",
        "Proposal",
        "Negotiation",
        "Won",
        "Lost",
    ]
    assert [s.kind for s in stages][-2:] == ["won", "lost"]
    assert [s.probability for s in stages] == [10, 25, 50, 75, 100, 0]


def test_deal_starts_in_first_stage_with_numbered_ref_and_history(session, team_id):
    deal = make_deal(session, team_id)
    second = make_deal(session, team_id, name="Second")

    assert (deal.number, second.number) == (1, 2)
    assert deal.ref == "#1"
    assert deal.stage.name == "Lead"
    assert deal.value == Decimal("12500")
    [created] = stage_history(session, deal)
    assert created.from_stage_id is None and created.to_stage_id == deal.stage_id


def test_deal_value_keeps_every_cent_and_large_amounts(session, team_id):
    deal = make_deal(
        session, team_id, value="9 876 543 210,99", currency="CZK", locale="cs_CZ"
    )
    session.commit()
    session.expire_all()

    assert get_workspace(session, team_id) is not None
    reloaded = session.get(type(deal), deal.id)
    assert reloaded.value == Decimal("9876543210.99")
    assert reloaded.currency == "CZK"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "   "}, "name"),
        ({"value": "-5"}, "value"),
        ({"value": "twelve"}, "value"),
        ({"value": ""}, "value"),
        ({"value": "10.555"}, "value"),
        ({"currency": "XYZ"}, "currency"),
        ({"currency": "euro"}, "currency"),
        ({"name": "x" * 201}, "name"),
    ],
)
def test_bad_input_is_refused_per_field(session, team_id, overrides, field):
    workspace = get_workspace(session, team_id)

    with pytest.raises(InvalidInput) as raised:
        create_deal(session, workspace, deal_input(**overrides), ALICE)

    assert field in raised.value.errors


def test_yen_takes_no_decimals_but_whole_amounts(session, team_id):
    workspace = get_workspace(session, team_id)

    with pytest.raises(InvalidInput):
        create_deal(
            session, workspace, deal_input(value="100.5", currency="JPY"), ALICE
        )
    deal = create_deal(
        session, workspace, deal_input(value="100", currency="jpy"), ALICE
    )

    assert deal.currency == "JPY"


def test_moving_a_deal_records_from_to_who_and_owes_the_channel(session, team_id):
    deal = make_deal(session, team_id)
    proposal = pipeline(session, team_id)[2]

    change = move_deal(session, deal, proposal, BOB)

    assert (change.from_stage.name, change.to_stage.name, change.actor_id) == (
        "Lead",
        "Proposal",
        BOB,
    )
    owed = session.scalars(
        select(OutboxMessage).where(OutboxMessage.deal_id == deal.id)
    ).all()
    assert [m.payload["event"] for m in owed] == ["created", "moved"]
    assert owed[1].payload["change_id"] == change.id


def test_moving_to_the_same_stage_is_refused(session, team_id):
    deal = make_deal(session, team_id)

    with pytest.raises(Conflict):
        move_deal(session, deal, deal.stage, ALICE)


def test_lost_keeps_the_reason_and_reopen_returns_to_the_stage_left(session, team_id):
    deal = make_deal(session, team_id)
    negotiation = pipeline(session, team_id)[3]
    move_deal(session, deal, negotiation, ALICE)

    move_deal(session, deal, lose_stage(session, deal), ALICE, "Price too high")
    assert deal.lost_reason == "Price too high"
    assert deal.stage.is_closed

    move_deal(session, deal, reopen_stage(session, deal), ALICE)
    assert deal.stage.name == "Negotiation"
    assert deal.lost_reason is None


def test_won_then_reopened_deal_keeps_full_history(session, team_id):
    deal = make_deal(session, team_id)
    move_deal(session, deal, win_stage(session, deal), ALICE)
    move_deal(session, deal, reopen_stage(session, deal), BOB)

    names = [
        (c.from_stage and c.from_stage.name, c.to_stage.name)
        for c in reversed(stage_history(session, deal))
    ]

    assert names == [(None, "Lead"), ("Lead", "Won"), ("Won", "Lead")]


def test_the_same_request_key_creates_one_deal(sessions, team_id):
    with transaction(sessions) as session:
        create_deal(
            session,
            get_workspace(session, team_id),
            deal_input(),
            ALICE,
            request_key="view:V1",
        )

    with pytest.raises(AlreadyDone), transaction(sessions) as session:
        create_deal(
            session,
            get_workspace(session, team_id),
            deal_input(),
            ALICE,
            request_key="view:V1",
        )

    with sessions() as session:
        deals = session.scalars(
            select(StageChange).where(StageChange.team_id == team_id)
        ).all()
    assert len(deals) == 1


@pytest.mark.parametrize("ref", ["#1", "1", "laptops", "LAPTOPS", "laptóps"])
def test_ref_by_number_or_unique_part_of_name(session, team_id, ref):
    make_deal(session, team_id, name="40 laptops for Acme")
    make_deal(session, team_id, name="Server room for Žlutý kůň")
    workspace = get_workspace(session, team_id)

    assert resolve_ref(session, workspace, ALICE, ref).number == 1


def test_ref_ignores_accents_in_the_name(session, team_id):
    make_deal(session, team_id, name="Server room for Žlutý kůň")
    workspace = get_workspace(session, team_id)

    assert resolve_ref(session, workspace, ALICE, "zluty kun").number == 1


def test_ambiguous_ref_lists_the_candidates(session, team_id):
    make_deal(session, team_id, name="Acme laptops")
    make_deal(session, team_id, name="Acme servers")
    workspace = get_workspace(session, team_id)

    with pytest.raises(AmbiguousRef) as raised:
        resolve_ref(session, workspace, ALICE, "acme")

    assert {c.name for c in raised.value.candidates} == {"Acme laptops", "Acme servers"}


def test_unknown_ref_and_wildcards_find_nothing(session, team_id):
    make_deal(session, team_id, name="Acme laptops")
    workspace = get_workspace(session, team_id)

    for ref in ("#99", "nothing like it", "%", "_"):
        with pytest.raises(NotFound):
            resolve_ref(session, workspace, ALICE, ref)


def test_restricted_visibility_hides_other_reps_deals(session, team_id):
    deal = make_deal(session, team_id, owner_id=ALICE)
    workspace = get_workspace(session, team_id)
    workspace.visibility = VISIBILITY_OWN

    assert get_deal(session, workspace, ALICE, deal.id).id == deal.id
    assert get_deal(session, workspace, BOB, deal.id, is_admin=True).id == deal.id
    with pytest.raises(NotFound):
        get_deal(session, workspace, BOB, deal.id)
    with pytest.raises(NotFound):
        resolve_ref(session, workspace, BOB, "#1")


def test_another_workspaces_deal_is_not_found(session, team_id):
    deal = make_deal(session, team_id)
    other = get_workspace(session, team_id + "OTHER")

    with pytest.raises(NotFound):
        get_deal(session, other, ALICE, deal.id)


def test_simultaneous_moves_of_one_deal_apply_once(sessions, team_id):
    with transaction(sessions) as session:
        deal_id = make_deal(session, team_id).id
    loaded = threading.Barrier(2, timeout=5)
    results = []

    def move():
        with transaction(sessions) as session:
            deal = get_deal(session, get_workspace(session, team_id), ALICE, deal_id)
            if session.get_bind().dialect.name == "postgresql":
                loaded.wait()  # both saw the deal in Lead before either moved it
            try:
                move_deal(session, deal, pipeline(session, team_id)[1], ALICE)
                results.append("moved")
            except Conflict:
                results.append("refused")

    threads = [threading.Thread(target=move) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == ["moved", "refused"]
    with sessions() as session:
        changes = session.scalars(
            select(StageChange).where(StageChange.deal_id == deal_id)
        ).all()
    assert len(changes) == 2  # created, then one move


def test_a_deal_number_too_large_for_the_database_is_simply_not_found(session, team_id):
    make_deal(session, team_id)
    workspace = get_workspace(session, team_id)

    with pytest.raises(NotFound):
        resolve_ref(session, workspace, ALICE, "#99999999999999999999")


def test_a_new_deal_cannot_start_closed_nor_an_edit_close_it_as_lost(session, team_id):
    workspace = get_workspace(session, team_id)
    lost = lose_stage(session, make_deal(session, team_id))

    with pytest.raises(InvalidInput) as created:
        create_deal(session, workspace, deal_input(stage_id=lost.id), ALICE)
    deal = make_deal(session, team_id)
    with pytest.raises(InvalidInput) as edited:
        update_deal(session, deal, deal_input(stage_id=lost.id), ALICE)

    assert "stage" in created.value.errors and "stage" in edited.value.errors
    assert deal.stage.name == "Lead"


@pytest.mark.parametrize("name", ["\u200b", "\u202e \u200d", "\ufeff\u00ad"])
def test_a_name_that_shows_nothing_is_empty(session, team_id, name):
    workspace = get_workspace(session, team_id)

    with pytest.raises(InvalidInput) as raised:
        create_deal(session, workspace, deal_input(name=name), ALICE)

    assert raised.value.errors["name"] == "Give the deal a name."


@pytest.mark.parametrize("name", ["\u2066\u2069", "\u3164", "\u2800", "\ufe0f\u034f"])
def test_names_of_fillers_and_marks_are_empty_too(session, team_id, name):
    workspace = get_workspace(session, team_id)

    with pytest.raises(InvalidInput):
        create_deal(session, workspace, deal_input(name=name), ALICE)


def test_joiners_inside_a_name_are_kept(session, team_id):
    family = "Deal \U0001f468\u200d\U0001f469\u200d\U0001f467 m\u06cc\u200c\u062e"

    deal = make_deal(session, team_id, name=family)

    assert deal.name == family
