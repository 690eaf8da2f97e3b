"""Notes on a deal: logged once, edited with their history, deleted softly."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select

from models import AlreadyDone, Forbidden, InvalidInput, NotFound, get_workspace
from models.interactions import (
    CALL,
    MEETING,
    InteractionRevision,
    NoteInput,
    delete_interaction,
    edit_interaction,
    get_interaction,
    log_interaction,
    occurred_at,
    recent_interactions,
)
from models.workspace import VISIBILITY_OWN
from tests.factories import ALICE, BOB, CAROL, make_deal


def note_input(**overrides) -> NoteInput:
    fields = {
        "kind": MEETING,
        "day": date(2026, 3, 2),
        "at": time(14, 30),
        "tz": "Europe/Prague",
        "summary": "Met the buyer at Acme; they want 40 laptops.",
        "outcome": "Budget confirmed.",
        "next_steps": "Send the offer by Friday.",
        "participant_user_ids": [BOB],
    }
    fields.update(overrides)
    return NoteInput(**fields)


def test_a_note_is_stored_in_utc_from_the_authors_wall_clock(session, team_id):
    deal = make_deal(session, team_id)

    note = log_interaction(session, deal, note_input(), ALICE)

    assert note.occurred_at == datetime(2026, 3, 2, 13, 30, tzinfo=UTC)
    assert note.author_id == ALICE and note.participant_user_ids == [BOB]


def test_wall_clock_in_summer_time_is_two_hours_ahead_of_utc_in_prague():
    when = occurred_at(date(2026, 7, 1), time(9, 0), "Europe/Prague")

    assert when == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)


def test_a_second_submit_with_the_same_key_makes_one_note(session, team_id):
    deal = make_deal(session, team_id)
    log_interaction(session, deal, note_input(), ALICE, source_key="view:V1")

    with pytest.raises(AlreadyDone):
        log_interaction(session, deal, note_input(), ALICE, source_key="view:V1")

    assert len(recent_interactions(session, deal, limit=10)) == 1


def test_bad_input_is_refused_field_by_field(session, team_id):
    deal = make_deal(session, team_id)
    data = note_input(kind="dinner", summary=" ", outcome="x" * 3001, day=None)

    with pytest.raises(InvalidInput) as refused:
        log_interaction(session, deal, data, ALICE)

    assert set(refused.value.errors) == {"kind", "summary", "outcome", "day"}


def test_a_note_about_next_year_is_refused(session, team_id):
    deal = make_deal(session, team_id)

    with pytest.raises(InvalidInput) as refused:
        log_interaction(session, deal, note_input(day=date(2099, 1, 1)), ALICE)

    assert set(refused.value.errors) == {"day"}


def test_a_long_note_with_emoji_and_diacritics_is_stored_whole(session, team_id):
    deal = make_deal(session, team_id)
    text = ("Příliš žluťoučký kůň úpěl ďábelské ódy 🐴🎉 " * 70)[:3000]

    note = log_interaction(session, deal, note_input(summary=text), ALICE)
    session.expire_all()

    assert session.get(type(note), note.id).summary == text.strip()


def test_an_edit_keeps_the_previous_text_as_a_revision(session, team_id):
    deal = make_deal(session, team_id)
    note = log_interaction(session, deal, note_input(), ALICE)

    edit_interaction(session, note, note_input(summary="Corrected.", kind=CALL), ALICE)

    kept = session.scalars(
        select(InteractionRevision).where(InteractionRevision.interaction_id == note.id)
    ).all()
    assert note.summary == "Corrected." and note.kind == CALL
    assert [r.summary for r in kept] == ["Met the buyer at Acme; they want 40 laptops."]
    assert kept[0].edited_by == ALICE and kept[0].kind == MEETING


def test_only_the_author_or_an_admin_may_edit(session, team_id):
    deal = make_deal(session, team_id)
    note = log_interaction(session, deal, note_input(), ALICE)

    with pytest.raises(Forbidden):
        edit_interaction(session, note, note_input(summary="Mine now"), BOB)
    edit_interaction(session, note, note_input(summary="Admin fix"), CAROL, True)

    assert note.summary == "Admin fix"


def test_a_deleted_note_is_hidden_from_reps_and_shown_to_admins(session, team_id):
    deal = make_deal(session, team_id)
    note = log_interaction(session, deal, note_input(), ALICE)
    workspace = get_workspace(session, team_id)

    delete_interaction(session, note, ALICE)

    assert recent_interactions(session, deal) == []
    with pytest.raises(NotFound):
        get_interaction(session, workspace, BOB, note.id)
    seen = get_interaction(session, workspace, CAROL, note.id, is_admin=True)
    assert seen.deleted_by == ALICE and seen.summary.startswith("Met the buyer")


def test_a_note_of_another_workspace_is_not_found(session, team_id):
    other_team = team_id + "B"
    get_workspace(session, other_team)
    foreign = log_interaction(
        session, make_deal(session, other_team), note_input(), ALICE
    )

    with pytest.raises(NotFound):
        get_interaction(session, get_workspace(session, team_id), ALICE, foreign.id)


def test_a_note_on_a_hidden_deal_is_not_found(session, team_id):
    workspace = get_workspace(session, team_id)
    workspace.visibility = VISIBILITY_OWN
    note = log_interaction(session, make_deal(session, team_id), note_input(), ALICE)

    with pytest.raises(NotFound):
        get_interaction(session, workspace, BOB, note.id)


def test_recent_notes_are_the_latest_three_by_when_they_happened(session, team_id):
    deal = make_deal(session, team_id)
    for day in (1, 5, 3, 4):
        log_interaction(
            session, deal, note_input(day=date(2026, 3, day), summary=f"d{day}"), ALICE
        )

    recent = recent_interactions(session, deal)

    assert [note.summary for note in recent] == ["d5", "d4", "d3"]


def test_a_wall_time_skipped_in_spring_is_read_as_summer_time():
    skipped = occurred_at(date(2026, 3, 29), time(2, 30), "Europe/Prague")

    assert skipped == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_a_wall_time_repeated_in_autumn_is_its_first_occurrence():
    repeated = occurred_at(date(2026, 10, 25), time(2, 30), "Europe/Prague")

    assert repeated == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
