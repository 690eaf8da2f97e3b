"""The deal card's buttons, closing deals, the list's pages, help."""

from __future__ import annotations

from tests.e2e.conftest import SIGNING_SECRET, answer, texts
from tests.e2e.helpers import create_deal
from tests.fakeslack import SlackSender, plain, select


def show(slack, ref="1", user="U_ALICE") -> dict:
    slack.command(f"show {ref}", user=user)
    return answer(slack)


def post_card(slack, fake, card: dict) -> None:
    """Put the ephemeral card into the channel so its buttons can be clicked."""
    fake.add_message(
        "C_SALES", card.get("text", ""), user="UBOT", blocks=card["blocks"]
    )


def test_next_stage_button_moves_once_even_when_clicked_twice(slack, fake):
    create_deal(slack, fake, name="Double click deal")
    post_card(slack, fake, show(slack))
    original = dict(fake.messages("C_SALES")[-1])

    slack.block_action("deal_next_stage", message=original)
    first = answer(slack)
    slack.block_action("deal_next_stage", message=original)
    second = answer(slack)

    assert "Lead → Qualified" in texts(first["blocks"])
    assert "Someone already moved this deal" in texts(second["blocks"])
    slack.command("show 1")
    assert "Qualified → Proposal" not in texts(answer(slack)["blocks"])


def test_move_to_select_then_won_then_reopen(slack, fake):
    create_deal(slack, fake, name="Select me")
    card = show(slack)
    post_card(slack, fake, card)
    negotiation = next(
        option
        for block in card["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == "deal_move_to"
        for option in element["options"]
        if option["text"]["text"] == "Negotiation"
    )

    slack.block_action("deal_move_to", selected_option=negotiation)
    moved = answer(slack)
    assert "Lead → Negotiation" in texts(moved["blocks"])

    slack.command("won 1")
    won = answer(slack)
    assert "Reopen" in texts(won["blocks"])
    post_card(slack, fake, won)
    slack.block_action("deal_reopen")
    assert "Won → Negotiation" in texts(answer(slack)["blocks"])


def test_lost_without_reason_asks_in_a_modal_and_keeps_the_reason(slack, fake):
    create_deal(slack, fake, name="Lost cause")
    opened = len(fake.calls_to("views.open"))

    slack.command("lost 1")
    fake.wait_for("views.open", count=opened + 1)
    modal = fake.open_views("U_ALICE")[-1]
    empty_other = slack.view_submission(
        modal["id"],
        {
            "lost_reason": {"value": select("__other__")},
        },
    )
    assert empty_other.json()["errors"].keys() == {"lost_detail"}
    slack.view_submission(
        modal["id"],
        {
            "lost_reason": {"value": select("Price")},
            "lost_detail": {"value": plain("Competitor 20 % cheaper")},
        },
    )

    card = texts(show(slack)["blocks"])
    assert "Lost because" in card and "Price: Competitor 20 % cheaper" in card


def test_lost_with_reason_closes_at_once(slack, fake):
    create_deal(slack, fake, name="Quick loss")

    slack.command("lost #1 No budget this year")

    assert "No budget this year" in texts(answer(slack)["blocks"])


def test_list_pages_through_many_deals(slack, fake):
    for number in range(12):
        create_deal(slack, fake, name=f"Paged deal {number:02}", user="U_ALICE")

    slack.command("list mine")
    first = answer(slack)
    fake.add_message("C_SALES", "list", user="UBOT", blocks=first["blocks"])
    slack.block_action("list_next")
    second = answer(slack)

    assert "Page 1 of 2" in texts(first["blocks"])
    assert "Page 2 of 2" in texts(second["blocks"])
    shown = texts(first["blocks"]) + texts(second["blocks"])
    assert all(f"Paged deal {n:02}" in shown for n in range(12))


def test_ambiguous_and_unknown_refs_are_answered_with_candidates(slack, fake):
    create_deal(slack, fake, name="Acme laptops")
    create_deal(slack, fake, name="Acme servers")

    slack.command("show acme")
    ambiguous = answer(slack)["text"]
    slack.command("show nothing-like-it")
    unknown = answer(slack)["text"]

    assert "#1 Acme laptops" in ambiguous and "#2 Acme servers" in ambiguous
    assert "No deal matches" in unknown


def test_unknown_subcommand_gets_help(slack, fake):
    slack.command("<!channel> now")

    helped = texts(answer(slack)["blocks"])
    assert "I don't know" in helped and "&lt;!channel&gt;" in helped
    assert "/deal move" in helped


def test_edit_button_opens_the_filled_form_and_the_thread_hears_of_it(slack, fake):
    create_deal(slack, fake, name="Before edit")
    post_card(slack, fake, show(slack))
    opened = len(fake.calls_to("views.open"))

    slack.block_action("deal_edit")
    fake.wait_for("views.open", count=opened + 1)
    form = fake.open_views("U_ALICE")[-1]
    name = next(b for b in form["blocks"] if b["block_id"] == "deal_name")
    assert name["element"]["initial_value"] == "Before edit"
    slack.view_submission(
        form["id"],
        {
            "deal_name": {"value": plain("After edit")},
            "deal_value": {"value": plain("777")},
            "deal_currency": {"value": plain("USD")},
            "deal_stage": {
                "value": select(form["blocks"][6]["element"]["initial_option"]["value"])
            },
        },
    )

    fake.wait_for(
        "chat.postMessage",
        timeout=10,
        predicate=lambda c: "updated the deal" in c.args.get("text", ""),
    )
    card = texts(show(slack)["blocks"])
    assert "After edit" in card and "$777.00" in card


def test_home_switches_between_my_deals_and_all_and_opens_a_card(slack, fake):
    create_deal(slack, fake, name="Alice's deal")
    create_deal(slack, fake, name="Bob's deal", user="U_BOB")

    slack.app_home_opened("U_ALICE")
    mine = fake.wait_for("views.publish")[-1].args["view"]
    published = len(fake.calls_to("views.publish"))
    slack.block_action("home_all", container="view", view=fake.home("U_ALICE"))
    everyone = fake.wait_for("views.publish", count=published + 1)[-1].args["view"]

    assert "Bob's deal" not in texts(mine["blocks"])
    assert "Bob's deal" in texts(everyone["blocks"])
    opened = len(fake.calls_to("views.open"))
    slack.block_action("deal_open", container="view", view=fake.home("U_ALICE"))
    fake.wait_for("views.open", count=opened + 1)
    modal = fake.open_views("U_ALICE")[-1]
    assert modal["callback_id"] == "deal_card_modal"
    updates = len(fake.calls_to("views.update"))
    slack.block_action("deal_next_stage", container="view", view=modal["id"])
    moved = fake.wait_for("views.update", count=updates + 1)[-1].args["view"]
    assert "→ Qualified" in texts(moved["blocks"])


def test_a_forged_deal_id_from_another_workspace_is_refused(slack, fake, bot):
    create_deal(slack, fake, name="Not yours")
    card = show(slack)
    intruder = SlackSender(
        f"{bot.url}/slack/events",
        SIGNING_SECRET,
        fake,
        team_id=slack.ctx.team_id + "EVIL",
    )
    post_card(intruder, fake, card)

    intruder.block_action("deal_next_stage", user="U_CAROL")
    refusal = answer(intruder)

    assert "does not exist or is not visible" in refusal["text"]
    assert "Lead →" not in texts(show(slack)["blocks"])


def test_a_garbled_button_value_is_refused_without_an_error(slack, fake):
    garbled = {"type": "actions", "elements": [
        {"type": "button", "action_id": "deal_next_stage", "value": "abc:xyz",
         "text": {"type": "plain_text", "text": "Next"}},
        {"type": "button", "action_id": "list_next", "value": "{not json",
         "text": {"type": "plain_text", "text": "More"}},
    ]}  # fmt: skip
    fake.add_message("C_SALES", "garbled", user="UBOT", blocks=[garbled])

    slack.block_action("deal_next_stage")
    refusal = answer(slack)
    slack.block_action("list_next")
    first_page = answer(slack)

    assert "does not exist or is not visible" in refusal["text"]
    assert "Open deals" in texts(first_page["blocks"])
