"""A rep takes a deal from /deal new to a new stage, seen everywhere it should be."""

from __future__ import annotations

from tests.e2e.conftest import SALES, answer, texts
from tests.e2e.helpers import open_new_deal, submit_deal
from tests.fakeslack import plain, users


def test_new_deal_from_modal_to_channel_then_moved_with_history(slack, fake):
    view = open_new_deal(slack, fake, "new 40 laptops for Acme")
    assert view["callback_id"] == "deal_modal"
    name_input = next(b for b in view["blocks"] if b["block_id"] == "deal_name")
    assert name_input["element"]["initial_value"] == "40 laptops for Acme"

    response = submit_deal(slack, view)
    assert response.status_code == 200 and response.content in (b"", b"{}")

    [root] = fake.wait_for(
        "chat.postMessage", predicate=lambda c: "40 laptops" in c.args.get("text", "")
    )[-1:]
    assert root.args["channel"] == SALES
    ephemeral = fake.wait_for("chat.postEphemeral")[-1]
    assert "#1" in ephemeral.args["text"]

    root_ts = root.response["ts"]

    slack.command("move #1 Proposal")
    reply = fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.args.get("thread_ts") == root_ts
    )[-1]
    assert "Proposal" in reply.args["text"]
    update = fake.wait_for("chat.update", predicate=lambda c: c.args["ts"] == root_ts)
    assert "Proposal" in update[-1].args["text"]
    card = answer(slack)
    assert "Lead → Proposal" in texts(card["blocks"])

    slack.command("list")
    listing = answer(slack)
    assert "Proposal" in texts(listing["blocks"]) and "#1" in texts(listing["blocks"])

    slack.app_home_opened("U_ALICE")
    home = fake.wait_for("views.publish")[-1].args["view"]
    text = texts(home["blocks"])
    assert "40 laptops for Acme" in text and "Proposal" in text


def test_bad_input_is_answered_on_the_field_and_nothing_is_saved(slack, fake):
    view = open_new_deal(slack, fake, "new 40 laptops for Acme")

    response = submit_deal(slack, view, name=" ", value="-12", currency="EURO")

    refusal = response.json()
    assert refusal["response_action"] == "errors"
    assert set(refusal["errors"]) == {"deal_name", "deal_value", "deal_currency"}
    slack.command("list all")
    listing = answer(slack)
    assert "No deals" in texts(listing["blocks"])


def test_a_modal_submitted_twice_creates_one_deal_and_one_post(slack, fake):
    view = open_new_deal(slack, fake, "new Twice submitted")
    before = len(fake.calls_to("chat.postMessage"))

    submit_deal(slack, view, name="Twice submitted")
    slack.view_submission(
        view,
        {
            "deal_name": {"value": plain("Twice submitted")},
            "deal_value": {"value": plain("1")},
            "deal_currency": {"value": plain("EUR")},
            "deal_owner": {"value": users("U_ALICE")},
        },
    )

    fake.wait_for("chat.postMessage", count=before + 1)
    slack.command("list all")
    listing = texts(answer(slack)["blocks"])
    assert listing.count("Twice submitted") == 1
    assert "#2" not in listing


def test_czech_reader_sees_czech_words_money_and_dates(slack, fake):
    view = open_new_deal(slack, fake, "new Notebooky", user="U_BOB")
    submit_deal(
        slack,
        view,
        user="U_BOB",
        name="Notebooky",
        value="1 250 000",
        currency="CZK",
        close="2025-05-05",
    )
    fake.wait_for("chat.postEphemeral", predicate=lambda c: c.args["user"] == "U_BOB")

    slack.command("show 1", user="U_BOB")
    card = texts(answer(slack)["blocks"])
    assert "1\u00a0250\u00a0000,00\u00a0Kč" in card
    assert "5. 5. 2025" in card


def test_a_deal_made_where_the_bot_is_not_a_member_is_confirmed_in_a_dm(slack, fake):
    opened = len(fake.calls_to("views.open"))
    slack.command("new Quiet deal", channel="C_NOBOT")
    fake.wait_for("views.open", count=opened + 1)

    submit_deal(slack, fake.open_views("U_ALICE")[-1], name="Quiet deal")

    dm = fake.wait_for(
        "chat.postMessage",
        timeout=10,
        predicate=lambda c: (
            c.args.get("channel", "").startswith("D")
            and "Quiet deal" in c.args.get("text", "")
        ),
    )
    assert dm[-1].ok


def test_nul_characters_are_dropped_from_what_users_send(slack, fake):
    view = open_new_deal(slack, fake, "new Nul")

    submit_deal(slack, view, name="nul\x00name")
    slack.command("show nul\x00name")

    assert "nulname" in texts(answer(slack)["blocks"])
