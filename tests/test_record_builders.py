"""The record's builders as data: notes, documents and history of any length
stay within Slack's limits, and nothing a user typed can mention or link."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from models.history import DOCUMENT, NOTE, STAGE, Entry, Page
from tests.e2e.conftest import texts
from tests.fakeslack import validate_message, validate_view
from tests.test_builders import deal, stage
from ui import documents, history, notes
from ui.i18n import Localizer
from ui.text import _units, escape, split_text

WORST = "Ž<!channel>&🐴 " * 300  # 3,900 characters that grow when escaped
NOW = datetime(2026, 3, 2, 13, 30, tzinfo=UTC)


def note(number=1, text=WORST[:3000], **overrides):
    fields = {
        "id": number, "kind": "meeting", "occurred_at": NOW,
        "author_id": "U_ALICE", "participant_user_ids": ["U_BOB"], "contacts": [],
        "others_present": "<@U_EVIL> Jana", "summary": text, "outcome": text,
        "next_steps": text, "deleted_at": None, "deleted_by": None,
        "source_permalink": None,
    }  # fmt: skip
    fields.update(overrides)
    return SimpleNamespace(**fields)


def document(number=1, name="<https://evil|Nabídka>.pdf"):
    return SimpleNamespace(
        id=number, kind="offer", name=name, size=52_000, added_by="U_BOB",
        added_at=NOW, permalink="https://fake.slack.com/files/F1",
    )  # fmt: skip


@pytest.fixture(params=[("en", "en-US", "UTC"), ("cs", "cs-CZ", "Europe/Prague")])
def loc(request):
    return Localizer(*request.param)


def test_splitting_keeps_every_character_within_the_limit():
    text = escape(WORST * 3)

    pieces = split_text(text, 3000)

    assert all(_units(piece) <= 3000 for piece in pieces)
    assert " ".join(pieces) == text.strip()
    assert all(piece.endswith((";", "🐴", "Ž")) for piece in pieces[:-1])


def test_a_9000_character_note_fits_its_modal_whole(loc):
    shown = note(source_permalink="https://x.slack.com/archives/C1/p1")

    view = notes.note_view_modal(shown, deal(1, stage(1)), loc, can_change=True,
                                 edits=2)  # fmt: skip

    assert validate_view(view) == []
    text = texts(view["blocks"])
    assert text.count("🐴") == 3 * WORST[:3000].count("🐴")
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


def test_a_page_of_long_notes_stays_within_a_messages_limits(loc):
    entries = [Entry(NOTE, NOW, "U_ALICE", note(n)) for n in range(8)]
    entries.append(Entry(DOCUMENT, NOW, "U_BOB", document()))
    the_stage = stage(1)
    created = SimpleNamespace(
        id=1, from_stage=None, to_stage=the_stage, actor_id="U_ALICE", at=NOW,
        reason=None,
    )  # fmt: skip
    entries.append(Entry(STAGE, NOW, "U_ALICE", created))
    page = Page(entries, total=25, offset=10, limit=10)

    blocks = history.history_blocks(deal(1, the_stage), page, loc)

    assert validate_message(blocks) == []
    assert len(blocks) <= 50 and len(texts(blocks)) < 12_000
    paging = [e["action_id"] for e in blocks[-1]["elements"]]
    assert paging == ["history_previous", "history_next"]
    assert "<@U_EVIL>" not in texts(blocks)


def test_the_cards_record_shows_notes_cut_and_documents_linked(loc):
    blocks = notes.card_notes([note(n) for n in range(3)], loc)
    blocks += documents.card_documents([document()], ["contract"], loc)

    assert validate_message(blocks) == []
    text = texts(blocks)
    assert "<https://fake.slack.com/files/F1|&lt;https://evil|Nabídka&gt;.pdf>" in text
    assert "<https://evil" not in text.replace("&lt;https://evil", "")


def test_a_long_message_prefills_the_note_form_and_says_the_rest_is_linked(loc):
    metadata = {"channel": "C1", "message_ts": "1.2"}

    view = notes.note_modal(
        loc, prefill=WORST * 2, people=("U_BOB",), metadata=metadata
    )

    assert validate_view(view) == []
    summary = next(b for b in view["blocks"] if b.get("block_id") == "note_summary")
    assert len(summary["element"]["initial_value"]) == 3000
    assert view["blocks"][0]["element"]["action_id"] == "deal_picker"


def test_the_attach_modal_lists_a_messages_files_instead_of_asking(loc):
    view = documents.attach_modal(
        loc, files=[{"id": "F1", "name": "<!here>.pdf"}], kind="rfq",
        metadata={"files": ["F1"]},
    )  # fmt: skip

    assert validate_view(view) == []
    assert "file_input" not in str(view["blocks"]) and "&lt;!here&gt;" in str(view)
