"""A deal's timeline: stage changes, notes and documents, newest first, paged."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import time_machine

from models import move_deal
from models.documents import OFFER, SlackFile, attach_document
from models.history import DOCUMENT, NOTE, STAGE, timeline
from models.interactions import NoteInput, delete_interaction, log_interaction
from models.stages import find_stage
from tests.factories import ALICE, BOB, make_deal


def note(summary: str, day: int) -> NoteInput:
    return NoteInput("call", date(2026, 3, day), time(10), "UTC", summary)


def build_story(session, team_id):
    """Created 1 March, note 2 March, Proposal 3 March, offer 4 March."""
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=UTC), tick=False):
        deal = make_deal(session, team_id)
    log_interaction(session, deal, note("First call", 2), BOB)
    with time_machine.travel(datetime(2026, 3, 3, 9, tzinfo=UTC), tick=False):
        move_deal(session, deal, find_stage(session, team_id, "Proposal"), ALICE)
    with time_machine.travel(datetime(2026, 3, 4, 9, tzinfo=UTC), tick=False):
        attach_document(session, deal, SlackFile("F1", "o.pdf"), OFFER, "modal", BOB)
    session.flush()
    return deal


def test_the_timeline_is_newest_first_with_who_did_what(session, team_id):
    deal = build_story(session, team_id)

    page = timeline(session, deal)

    assert [(e.kind, e.actor_id, e.at.day) for e in page.entries] == [
        (DOCUMENT, BOB, 4),
        (STAGE, ALICE, 3),
        (NOTE, BOB, 2),
        (STAGE, ALICE, 1),
    ]
    assert page.total == 4 and not page.has_next and not page.has_previous


def test_the_timeline_is_read_in_pages(session, team_id):
    deal = build_story(session, team_id)

    first = timeline(session, deal, limit=3)
    second = timeline(session, deal, limit=3, offset=3)

    assert [e.kind for e in first.entries] == [DOCUMENT, STAGE, NOTE]
    assert first.has_next and not first.has_previous
    assert [e.kind for e in second.entries] == [STAGE]
    assert second.has_previous and not second.has_next


def test_a_deleted_note_is_in_the_admins_timeline_only(session, team_id):
    deal = build_story(session, team_id)
    [logged] = [e.item for e in timeline(session, deal).entries if e.kind == NOTE]
    delete_interaction(session, logged, BOB)

    for_reps = timeline(session, deal)
    for_admins = timeline(session, deal, include_deleted=True)

    assert NOTE not in [e.kind for e in for_reps.entries] and for_reps.total == 3
    assert NOTE in [e.kind for e in for_admins.entries] and for_admins.total == 4


def test_the_timeline_holds_only_its_own_deals_entries(session, team_id):
    deal = build_story(session, team_id)
    other = make_deal(session, team_id, name="Another deal")
    log_interaction(session, other, note("Elsewhere", 5), BOB)

    page = timeline(session, deal)

    assert "Elsewhere" not in [getattr(e.item, "summary", "") for e in page.entries]
    assert page.total == 4
