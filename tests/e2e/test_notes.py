"""Notes reach a deal three ways, show on its history and card, and stay whole."""

from __future__ import annotations

import time

import pytest

from tests.e2e.conftest import SIGNING_SECRET, answer, texts
from tests.e2e.helpers import create_deal
from tests.fakeslack import (
    SlackSender,
    date,
    external,
    multi_users,
    plain,
    select,
    time_of_day,
)

LONG_LINE = "Příliš žluťoučký kůň úpěl ďábelské ódy 🐴🎉 <@U_BOB> & spol. "


def long_text(size: int = 3000) -> str:
    return (LONG_LINE * (size // len(LONG_LINE) + 1))[:size].strip()


def note_values(summary="Called the buyer", **more) -> dict:
    values = {
        "note_kind": {"value": select(more.get("kind", "call"))},
        "note_date": {"value": date(more.get("day", "2026-03-02"))},
        "note_time": {"value": time_of_day(more.get("at", "10:30"))},
        "note_participants": {"value": multi_users(more.get("people", ["U_BOB"]))},
        "note_summary": {"value": plain(summary)},
        "note_outcome": {"value": plain(more.get("outcome", "They want a demo."))},
    }
    if "deal" in more:
        values["note_deal"] = {"deal_picker": external(more["deal"])}
    return values


def open_modal(slack, fake, send, user="U_ALICE") -> dict:
    """Do ``send`` (a command, a click, a shortcut) and return the modal it opens."""
    opened = len(fake.calls_to("views.open"))
    response = send()
    assert response.status_code == 200
    fake.wait_for("views.open", count=opened + 1)
    return fake.open_views(user)[-1]


def submit_note(slack, fake, view, user="U_ALICE", **values) -> None:
    told = len(fake.calls_to("chat.postEphemeral"))
    response = slack.view_submission(view["id"], note_values(**values), user=user)
    assert response.status_code == 200 and not response.content.strip()
    fake.wait_for("chat.postEphemeral", count=told + 1)


def history(slack, ref="1", user="U_ALICE") -> dict:
    slack.command(f"history {ref}", user=user)
    return answer(slack)


def as_message(fake, blocks) -> dict:
    """Put blocks the bot answered with into the channel, so they can be clicked."""
    return fake.add_message("C_SALES", "", user="UBOT", blocks=blocks)


def test_a_note_logged_with_the_command_shows_on_the_history(slack, fake):
    create_deal(slack, fake)
    view = open_modal(slack, fake, lambda: slack.command("note 1"))

    submit_note(slack, fake, view, summary="Called the buyer about 40 laptops")

    assert view["callback_id"] == "note_modal"
    shown = texts(history(slack)["blocks"])
    assert "Called the buyer about 40 laptops" in shown
    assert "*Call*" in shown and "<@U_BOB>" in shown
    assert "Mar 2, 2026, 10:30" in shown


def test_a_note_added_with_the_cards_button_shows_on_the_history(slack, fake):
    create_deal(slack, fake)
    slack.command("show 1")
    card = as_message(fake, answer(slack)["blocks"])
    view = open_modal(
        slack, fake, lambda: slack.block_action("deal_add_note", message=card)
    )

    submit_note(slack, fake, view, summary="Demo booked from the card", kind="meeting")

    shown = texts(history(slack)["blocks"])
    assert "Demo booked from the card" in shown and "*Meeting*" in shown


def test_a_message_logged_to_a_deal_keeps_its_text_author_and_link(slack, fake):
    create_deal(slack, fake, name="Laptops for Acme")
    # Slack sends message text with &, < and > escaped.
    message = {
        "text": "Met Jana at Acme &amp; Co: they sign in May.",
        "user": "U_CAROL",
    }
    view = open_modal(
        slack, fake, lambda: slack.message_shortcut("log_to_deal", message)
    )
    offered = slack.options("deal_picker", "acme", view=view["id"]).json()["options"]
    summary = next(b for b in view["blocks"] if b.get("block_id") == "note_summary")
    people = next(b for b in view["blocks"] if b.get("block_id") == "note_participants")

    submit_note(slack, fake, view, summary=summary["element"]["initial_value"],
                people=people["element"]["initial_users"],
                deal=offered[0]["value"])  # fmt: skip

    assert [o["text"]["text"] for o in offered] == ["#1 Laptops for Acme"]
    assert (
        summary["element"]["initial_value"]
        == "Met Jana at Acme & Co: they sign in May."
    )
    page = history(slack)
    assert "Met Jana at Acme &amp; Co: they sign in May." in texts(page["blocks"])
    assert "<@U_CAROL>" in texts(page["blocks"])
    note = open_modal(slack, fake, lambda: slack.block_action(
        "note_open", message=as_message(fake, page["blocks"])))  # fmt: skip
    assert "Logged from <https://fake-" in texts(note["blocks"])
    assert "/archives/C_SALES/p" in texts(note["blocks"])


def test_a_deal_picker_offers_only_deals_the_user_may_see(slack, fake):
    create_deal(slack, fake, name="Laptops for Acme")
    view = open_modal(slack, fake, lambda: slack.message_shortcut(
        "log_to_deal", {"text": "hello", "user": "U_BOB"}))  # fmt: skip

    by_number = slack.options("deal_picker", "#1", view=view["id"]).json()
    nothing = slack.options("deal_picker", "zzz", view=view["id"]).json()

    assert [o["value"] for o in by_number["options"]] != []
    assert nothing["options"] == []


def test_a_note_submitted_twice_is_logged_once(slack, fake):
    create_deal(slack, fake)
    view = open_modal(slack, fake, lambda: slack.command("note 1"))

    submit_note(slack, fake, view, summary="Only once")
    slack.view_submission(view, note_values(summary="Only once"))

    assert texts(history(slack)["blocks"]).count("Only once") == 1


def test_a_6000_character_note_shows_whole_without_breaking_anything(slack, fake):
    create_deal(slack, fake)
    view = open_modal(slack, fake, lambda: slack.command("note 1"))
    summary, outcome = long_text(), long_text()

    submit_note(slack, fake, view, summary=summary, outcome=outcome)

    slack.command("show 1")
    card = answer(slack)["blocks"]
    assert "Show full note" in texts(card)
    page = history(slack)["blocks"]
    note = open_modal(slack, fake, lambda: slack.block_action(
        "note_open", message=as_message(fake, page)))  # fmt: skip
    sections = [b["text"]["text"] for b in note["blocks"] if b["type"] == "section"]
    whole = " ".join(" ".join(sections).split())
    typed = summary.count("<@U_BOB>") + outcome.count("<@U_BOB>")
    assert whole.count("&lt;@U_BOB&gt;") == typed and whole.count("<@U_BOB>") == 1
    assert whole.count("🐴") == summary.count("🐴") + outcome.count("🐴")
    assert len(sections) >= 5


def test_an_edit_and_a_delete_from_the_note_view(slack, fake):
    create_deal(slack, fake)
    view = open_modal(slack, fake, lambda: slack.command("note 1"))
    submit_note(slack, fake, view, summary="First version")
    page = history(slack)["blocks"]
    open_modal(slack, fake, lambda: slack.block_action(
        "note_open", message=as_message(fake, page)))  # fmt: skip

    slack.block_action("note_edit", container="view")
    form = fake.wait_for("views.push")[-1].args["view"]
    pushed = fake.open_views("U_ALICE")[-1]
    slack.view_submission(pushed, note_values(summary="Second version"))
    fake.wait_for("views.update")
    slack.block_action("note_delete", container="view")
    fake.wait_for("views.update", count=2)

    assert form["callback_id"] == "note_modal"
    shown = texts(fake.open_views("U_ALICE")[-1]["blocks"])
    assert "Second version" in shown and "Deleted by <@U_ALICE>" in shown
    assert "Second version" not in texts(history(slack, user="U_CAROL")["blocks"])
    assert "Second version" in texts(history(slack, user="U_ALICE")["blocks"])


def test_a_forged_note_or_deal_id_from_another_workspace_is_refused(slack, fake, bot):
    create_deal(slack, fake, name="Not yours")
    view = open_modal(slack, fake, lambda: slack.command("note 1"))
    submit_note(slack, fake, view, summary="Secret pricing")
    page = as_message(fake, history(slack)["blocks"])
    intruder = SlackSender(
        f"{bot.url}/slack/events", SIGNING_SECRET, fake,
        team_id=slack.ctx.team_id + "EVIL",
    )  # fmt: skip

    intruder.block_action("note_open", user="U_CAROL", message=page)
    refused_note = answer(intruder)
    slack.command("show 1")
    card = as_message(fake, answer(slack)["blocks"])
    intruder.block_action("deal_history", user="U_CAROL", message=card)
    refused_deal = answer(intruder)

    assert "does not exist or is not visible" in refused_note["text"]
    assert "does not exist or is not visible" in refused_deal["text"]


@pytest.mark.parametrize("in_a_thread", [False, True])
def test_a_message_longer_than_a_note_field_is_kept_whole(slack, fake, in_a_thread):
    create_deal(slack, fake, name="Laptops for Acme")
    whole = long_text(6400)
    message = {
        "text": whole.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        "user": "U_CAROL",
    }  # as Slack escapes it
    if in_a_thread:
        message["thread_ts"] = fake.add_message("C_SALES", "Visit report?")["ts"]
    view = open_modal(
        slack, fake, lambda: slack.message_shortcut("log_to_deal", message)
    )
    offered = slack.options("deal_picker", "acme", view=view["id"]).json()["options"]
    summary = next(b for b in view["blocks"] if b.get("block_id") == "note_summary")

    submit_note(slack, fake, view, summary=summary["element"]["initial_value"],
                deal=offered[0]["value"])  # fmt: skip
    fake.wait_for("conversations.replies" if in_a_thread else "conversations.history")
    shown = ""
    deadline = time.monotonic() + 5
    while "The whole message" not in shown and time.monotonic() < deadline:
        listed = as_message(fake, history(slack)["blocks"])
        note = open_modal(slack, fake, lambda m=listed: slack.block_action(
            "note_open", message=m))  # fmt: skip
        shown = texts(note["blocks"])

    assert "The whole message" in shown
    tail = whole[-100:].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert tail in shown
