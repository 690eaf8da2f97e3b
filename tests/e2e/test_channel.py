"""The pipeline channel: one thread per deal, delivered despite Slack's hiccups."""

from __future__ import annotations

import json

from tests.e2e.conftest import SALES, answer, texts
from tests.e2e.helpers import channel_posts, create_deal
from tests.fakeslack import conversation, plain, select


def test_a_rate_limited_post_is_retried_after_retry_after_and_sent_once(slack, fake):
    fake.fail_next("chat.postMessage", status=429, retry_after=1)

    create_deal(slack, fake, name="Rate limited deal")

    fake.wait_for(
        "chat.postMessage",
        timeout=10,
        predicate=lambda c: "Rate limited deal" in c.args.get("text", "") and c.ok,
    )
    assert (
        len([c for c in channel_posts(fake, SALES, "Rate limited deal") if c.ok]) == 1
    )


def test_a_server_error_is_retried_and_the_thread_continues(slack, fake):
    create_deal(slack, fake, name="Flaky Slack deal")
    fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: "Flaky Slack deal" in c.args.get("text", ""),
    )
    fake.fail_next("chat.postMessage", status=500, times=1)

    slack.command("move Flaky Proposal")

    reply = fake.wait_for(
        "chat.postMessage",
        timeout=15,
        predicate=lambda c: c.ok and c.args.get("thread_ts"),
    )
    assert "Proposal" in reply[-1].args["text"]


def test_user_text_cannot_smuggle_mentions_or_links(slack, fake):
    hostile = "<!channel> <@U_BOB> <https://evil.example|click> & more"

    create_deal(
        slack, fake, name=hostile, customer="<!here>", description="<!everyone>"
    )
    slack.command("show 1")

    post = fake.wait_for(
        "chat.postMessage", predicate=lambda c: "click" in json.dumps(c.args)
    )[-1]
    card = answer(slack)
    for sent in (parsed_text(post.args), parsed_text(card)):
        assert "<!channel>" not in sent and "<!here>" not in sent
        assert "<!everyone>" not in sent and "<https://evil" not in sent
        assert "<@U_BOB>" not in sent
    assert "&lt;!channel&gt;" in parsed_text(card)


def parsed_text(message: dict) -> str:
    """The text Slack parses for mentions and links: the message's own ``text``
    and every mrkdwn object (plain_text is always shown literally)."""
    found = [message.get("text") or ""]

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(message.get("blocks") or [])
    return "\n".join(found)


def test_unreachable_channel_keeps_the_change_and_tells_the_rep_how_to_fix_it(
    slack, fake
):
    opened = len(fake.calls_to("views.open"))
    slack.command("settings")
    fake.wait_for("views.open", count=opened + 1)
    settings = fake.open_views("U_ALICE")[-1]
    slack.view_submission(
        settings["id"],
        {
            "settings_channel": {"value": conversation("C_NOBOT")},
            "settings_currency": {"value": plain("CZK")},
            "settings_language": {"value": select("en")},
            "settings_visibility": {"value": select("all")},
        },
    )

    create_deal(slack, fake, name="Nobody hears this")

    dm = fake.wait_for(
        "chat.postMessage",
        timeout=10,
        predicate=lambda c: c.args.get("channel", "").startswith("D"),
    )[-1]
    assert "/invite @Dealbot" in texts(dm.args["blocks"])
    slack.command("list")
    assert "Nobody hears this" in texts(answer(slack)["blocks"])
