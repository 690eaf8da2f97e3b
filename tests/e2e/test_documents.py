"""Files reach a deal three ways and show on its card with their kind."""

from __future__ import annotations

import itertools
import time

from tests.e2e.conftest import SALES, answer, texts
from tests.e2e.helpers import create_deal
from tests.e2e.test_notes import open_modal
from tests.fakeslack import external, files, select

_numbers = itertools.count(1)


def new_file(fake, name: str) -> dict:
    """A file in the fake with an id no other test uses."""
    return fake.add_file(f"F_DOC{next(_numbers):05d}", name, size=52_000)


def about(file: dict):
    """Whether a recorded Web API call names this file."""
    return lambda call: call.args.get("file") == file["id"]


def card(slack, ref="1", user="U_ALICE") -> str:
    slack.command(f"show {ref}", user=user)
    return texts(answer(slack)["blocks"])


def submit_attach(slack, fake, view, **values) -> None:
    told = len(fake.calls_to("chat.postEphemeral"))
    response = slack.view_submission(view["id"], values)
    assert response.status_code == 200 and not response.content.strip()
    fake.wait_for("chat.postEphemeral", count=told + 1)


def deal_thread(slack, fake, team_deal_name: str) -> str:
    """The ts of the deal's thread, once the bot has posted and remembered it."""
    slack.command("move 1 Qualified")
    reply = fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: (
            c.args.get("thread_ts")
            and "Qualified" in c.args.get("text", "")
            and c.args.get("channel") == SALES
        ),
    )[-1]
    root = next(
        m for m in fake.messages(SALES)
        if m["ts"] == reply.args["thread_ts"] and team_deal_name in m.get("text", "")
    )  # fmt: skip
    return root["ts"]


def test_a_file_attached_in_the_modal_shows_on_the_card_with_its_kind(slack, fake):
    create_deal(slack, fake)
    before = card(slack)
    inquiry = new_file(fake, "Poptávka Acme.pdf")
    view = open_modal(slack, fake, lambda: slack.command("attach 1"))

    submit_attach(slack, fake, view, attach_files={"value": files([inquiry])},
                  attach_kind={"value": select("inquiry")})  # fmt: skip

    assert "Missing for this stage: Inquiry / RFP" in before
    after = card(slack)
    assert f"<{inquiry['permalink']}|Poptávka Acme.pdf>" in after
    assert "*Inquiry / RFP*" in after and "51 kB" in after
    assert "Missing for this stage" not in after


def test_files_of_a_message_attached_with_the_shortcut_show_on_the_card(slack, fake):
    create_deal(slack, fake, name="Laptops for Acme")
    rfq = new_file(fake, "RFQ-2026-04.xlsx")
    message = {"text": "Their RFQ", "user": "U_BOB",
               "files": [{"id": rfq["id"], "name": rfq["name"]}]}  # fmt: skip
    view = open_modal(
        slack, fake, lambda: slack.message_shortcut("attach_to_deal", message)
    )
    offered = slack.options("deal_picker", "laptops", view=view["id"]).json()

    chosen = external(offered["options"][0]["value"])
    submit_attach(slack, fake, view, attach_deal={"deal_picker": chosen})

    shown = card(slack)
    assert "RFQ-2026-04.xlsx" in shown and "*RFQ*" in shown


def test_a_message_without_files_is_answered_not_opened(slack, fake):
    opened = len(fake.calls_to("views.open"))

    slack.message_shortcut("attach_to_deal", {"text": "no files", "user": "U_BOB"})

    [reply] = fake.wait_for_response(slack.last.response_url)
    assert "no files" in reply.body["text"]
    assert len(fake.calls_to("views.open")) == opened


def test_a_file_posted_in_the_deals_thread_is_attached_once(slack, fake):
    create_deal(slack, fake, name="Thread deal")
    thread_ts = deal_thread(slack, fake, "Thread deal")
    contract = new_file(fake, "Smlouva Acme podepsaná.pdf")
    posted = {"type": "message", "subtype": "file_share", "channel": SALES,
              "user": "U_ALICE", "text": "", "ts": fake.new_ts(),
              "thread_ts": thread_ts, "files": [{"id": contract["id"]}]}  # fmt: skip
    told = len(fake.calls_to("chat.postEphemeral"))

    slack.event(posted, event_id="EvThread0001")
    fake.wait_for("chat.postEphemeral", count=told + 1)
    slack.event(posted, event_id="EvThread0001", retry_num=1)
    slack.file_shared(contract["id"], channel=SALES)
    slack.event({**posted, "ts": fake.new_ts()}, event_id="EvThread0002")
    fake.wait_for("files.info", count=4, predicate=about(contract))
    time.sleep(0.3)  # what a wrongly repeated attach would post comes after

    shown = card(slack)
    assert "Smlouva Acme podepsaná.pdf" in shown and "*Contract*" in shown
    assert shown.count("Smlouva Acme podepsaná.pdf") == 1
    notices = fake.calls_to("chat.postEphemeral")[told:]
    attached = [c for c in notices if "Attached to" in c.args.get("text", "")]
    assert len(attached) == 1 and attached[0].args["thread_ts"] == thread_ts


def test_a_file_posted_outside_a_deals_thread_is_left_alone(slack, fake):
    create_deal(slack, fake, name="Quiet deal")
    stray = new_file(fake, "holiday.jpg")
    posted = {"type": "message", "subtype": "file_share", "channel": SALES,
              "user": "U_ALICE", "text": "", "ts": fake.new_ts(),
              "thread_ts": "1.000100", "files": [{"id": stray["id"]}]}  # fmt: skip

    response = slack.event(posted)
    time.sleep(0.3)

    assert response.status_code == 200
    assert not any(about(stray)(call) for call in fake.calls_to("files.info"))
    assert "holiday.jpg" not in card(slack)
