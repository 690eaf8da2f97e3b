"""Editing a workspace's stages: add, rename, re-weight, reorder, remove."""

from __future__ import annotations

import pytest

from models import Conflict, InvalidInput, pipeline, stage_history
from models.stages import (
    add_stage,
    edit_stage,
    find_stage,
    move_stage,
    next_stage,
    remove_stage,
)
from tests.factories import ALICE, make_deal


def names(session, team_id):
    return [stage.name for stage in pipeline(session, team_id)]


def test_added_stage_goes_last_among_open_ones(session, team_id):
    add_stage(session, team_id, "  Contract   review ", 90)

    assert names(session, team_id) == [
        "Lead",
        "Qualified",
        "Proposal",
        "Negotiation",
        "Contract review",
        "Won",
        "Lost",
    ]


def test_stage_names_are_unique_ignoring_case_and_accents(session, team_id):
    add_stage(session, team_id, "Poptávka", 5)

    with pytest.raises(InvalidInput) as raised:
        add_stage(session, team_id, "POPTAVKA", 5)
    assert "name" in raised.value.errors


@pytest.mark.parametrize(
    ("name", "probability"), [("", 10), ("x" * 41, 10), ("Ok", 101)]
)
def test_invalid_stage_is_refused(session, team_id, name, probability):
    with pytest.raises(InvalidInput):
        add_stage(session, team_id, name, probability)


def test_rename_and_reweight(session, team_id):
    lead = pipeline(session, team_id)[0]

    edit_stage(session, lead, "Inquiry", 5)

    assert (lead.name, lead.probability) == ("Inquiry", 5)


def test_reorder_moves_within_open_stages_only(session, team_id):
    proposal = pipeline(session, team_id)[2]

    move_stage(session, proposal, -1)
    move_stage(session, proposal, -5)

    assert names(session, team_id)[:4] == [
        "Proposal",
        "Lead",
        "Qualified",
        "Negotiation",
    ]
    with pytest.raises(Conflict):
        move_stage(session, pipeline(session, team_id)[-1], -1)


def test_stage_with_deals_cannot_be_removed_until_they_move(session, team_id):
    deal = make_deal(session, team_id)
    lead, qualified = pipeline(session, team_id)[:2]

    with pytest.raises(Conflict) as raised:
        remove_stage(session, lead, ALICE)
    assert raised.value.params["count"] == 1

    moved = remove_stage(session, lead, ALICE, move_to=qualified)
    assert moved == 1
    assert deal.stage.name == "Qualified"
    assert "Lead" not in names(session, team_id)
    assert stage_history(session, deal)[0].from_stage.name == "Lead"


def test_won_lost_and_the_last_open_stage_stay(session, team_id):
    stages = pipeline(session, team_id)

    with pytest.raises(Conflict):
        remove_stage(session, stages[-1], ALICE)
    for stage in stages[:3]:
        remove_stage(session, stage, ALICE)
    with pytest.raises(Conflict):
        remove_stage(session, stages[3], ALICE)


def test_next_stage_after_the_last_open_one_is_won(session, team_id):
    stages = pipeline(session, team_id)

    assert next_stage(session, stages[0]).name == "Qualified"
    assert next_stage(session, stages[3]).name == "Won"
    assert next_stage(session, stages[4]) is None


def test_find_stage_by_name_prefix_or_translated_label(session, team_id):
    czech = {"Proposal": "Nabídka"}

    assert find_stage(session, team_id, "proposal").name == "Proposal"
    assert find_stage(session, team_id, "neg").name == "Negotiation"
    assert (
        find_stage(
            session, team_id, "nabidka", lambda s: czech.get(s.name, s.name)
        ).name
        == "Proposal"
    )
    assert find_stage(session, team_id, "nothing") is None
