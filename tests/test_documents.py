"""Documents of a deal: attached once per file, with the kinds a stage expects."""

from __future__ import annotations

import pytest

from models import InvalidInput, get_workspace, move_deal
from models.documents import (
    CONTRACT,
    INQUIRY,
    OFFER,
    OTHER,
    RFQ,
    SlackFile,
    attach_document,
    deal_documents,
    deal_of_thread,
    expected_kinds_at,
    guess_kind,
    missing_kinds,
)
from models.stages import LOST, WON, find_stage
from models.workspace import VISIBILITY_OWN
from tests.factories import ALICE, BOB, make_deal

OFFER_PDF = SlackFile("F_OFFER", "Nabídka Acme.pdf", "application/pdf", 52_000,
                      "https://fake.slack.com/files/F_OFFER")  # fmt: skip


def test_attaching_the_same_file_twice_keeps_one_document(session, team_id):
    deal = make_deal(session, team_id)

    first, created = attach_document(session, deal, OFFER_PDF, OFFER, "modal", ALICE)
    again, created_again = attach_document(
        session, deal, OFFER_PDF, CONTRACT, "thread", BOB
    )

    assert created and not created_again
    assert again.id == first.id and again.kind == OFFER
    assert [d.name for d in deal_documents(session, deal)] == ["Nabídka Acme.pdf"]


def test_a_document_keeps_what_files_info_said(session, team_id):
    deal = make_deal(session, team_id)

    document, _ = attach_document(session, deal, OFFER_PDF, OFFER, "shortcut", BOB)

    assert (document.slack_file_id, document.size, document.mimetype) == (
        "F_OFFER",
        52_000,
        "application/pdf",
    )
    assert document.permalink == "https://fake.slack.com/files/F_OFFER"
    assert (document.added_by, document.source) == (BOB, "shortcut")


def test_an_unsafe_permalink_is_not_kept(session, team_id):
    deal = make_deal(session, team_id)
    sneaky = SlackFile("F_X", "x.pdf", permalink="https://x|<!channel>")

    document, _ = attach_document(session, deal, sneaky, OTHER, "modal", ALICE)

    assert document.permalink == ""


def test_an_unknown_kind_is_refused(session, team_id):
    deal = make_deal(session, team_id)

    with pytest.raises(InvalidInput) as refused:
        attach_document(session, deal, OFFER_PDF, "invoice", "modal", ALICE)

    assert set(refused.value.errors) == {"kind"}


@pytest.mark.parametrize(
    ("place", "kind", "expected"),
    [
        (0, "open", (INQUIRY,)),
        (1, "open", (INQUIRY,)),
        (2, "open", (INQUIRY, OFFER)),
        (3, "open", (OFFER, CONTRACT)),
        (9, "open", (OFFER, CONTRACT)),
        (None, WON, (OFFER, CONTRACT)),
        (None, LOST, ()),
    ],
)
def test_each_place_in_the_cycle_expects_its_documents(place, kind, expected):
    assert expected_kinds_at(place, kind) == expected


def test_a_deal_in_proposal_misses_its_offer_until_one_is_attached(session, team_id):
    deal = make_deal(session, team_id)
    move_deal(session, deal, find_stage(session, team_id, "Proposal"), ALICE)
    inquiry = SlackFile("F_RFP", "rfp.pdf")
    attach_document(session, deal, inquiry, INQUIRY, "modal", ALICE)

    before = missing_kinds(session, deal)
    attach_document(session, deal, OFFER_PDF, OFFER, "modal", ALICE)

    assert before == [OFFER]
    assert missing_kinds(session, deal) == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Smlouva_Acme_podepsaná.pdf", CONTRACT),
        ("Cenová nabídka.xlsx", OFFER),
        ("RFQ-2026-04.docx", RFQ),
        ("Poptávka notebooky.pdf", INQUIRY),
        ("photo.jpg", OTHER),
    ],
)
def test_a_file_name_suggests_its_kind(name, kind):
    assert guess_kind(name) == kind


def test_a_thread_leads_to_its_deal_only_for_those_who_may_see_it(session, team_id):
    workspace = get_workspace(session, team_id)
    deal = make_deal(session, team_id)
    deal.thread_channel, deal.thread_ts = "C_SALES", "1700000000.000100"
    workspace.visibility = VISIBILITY_OWN

    found = deal_of_thread(session, workspace, ALICE, "C_SALES", deal.thread_ts, False)
    hidden = deal_of_thread(session, workspace, BOB, "C_SALES", deal.thread_ts, False)
    other = deal_of_thread(session, workspace, ALICE, "C_SALES", "1.2", False)

    assert (found, hidden, other) == (deal, None, None)
