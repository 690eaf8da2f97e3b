"""Tests of the fake Slack itself: its Web API rules, Block Kit checks and sender.

No bot is involved. The Web API is driven with slack_sdk's own WebClient (what
the bot uses), or with raw requests where the SDK would not send the mistake.
Time-dependent rules run on a ManualClock, so nothing here sleeps.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
import requests
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.fakeslack import (
    FakeSlack,
    ManualClock,
    SlackSender,
    date,
    plain,
    select,
    validate_message,
    validate_view,
)

TOKEN = "xoxb-test-token"
SECRET = "test-signing-secret"


# --- fixtures and builders ------------------------------------------------------


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def fake(clock):
    with FakeSlack(clock=clock) as fake:
        fake.add_user("U_ALICE", "alice")
        fake.add_user("U_BOB", "bob", tz="America/New_York", tz_offset=-18000)
        fake.add_channel("C_SALES", "sales")
        fake.add_channel("C_OLD", "old-deals", archived=True)
        fake.add_channel("C_HR", "hr", members_bot=False)
        yield fake


@pytest.fixture
def client(fake):
    return WebClient(token=TOKEN, base_url=fake.base_url)


def error_of(call) -> str:
    """Run an SDK call expected to fail and return Slack's error code."""
    with pytest.raises(SlackApiError) as failure:
        call()
    return failure.value.response["error"]


def section(text="Deal *Acme*", **more):
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **more}


def button(action_id="open", text="Open", **more):
    return {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": text},
        **more,
    }


def opt(value, text=None):
    return {"text": {"type": "plain_text", "text": text or value}, "value": value}


def text_input(block_id="name", action_id="value", **element):
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": "Name"},
        "element": {"type": "plain_text_input", "action_id": action_id, **element},
    }


def modal(blocks=None, **more):
    view = {
        "type": "modal",
        "callback_id": "deal_new",
        "title": {"type": "plain_text", "text": "New deal"},
        "submit": {"type": "plain_text", "text": "Create"},
        "blocks": [text_input()] if blocks is None else blocks,
    }
    return {**view, **more}


# --- token, scopes, encodings -----------------------------------------------------


def test_auth_test_names_the_bot_and_sends_the_scopes_header(fake, client):
    response = client.auth_test()

    assert response["user_id"] == "UBOT"
    assert response["team_id"] == "T0001"
    assert response["bot_id"] == "B0001"
    assert "chat:write" in response.headers["x-oauth-scopes"].split(",")


def test_a_call_without_token_is_not_authed(fake):
    response = requests.post(fake.base_url + "auth.test", timeout=5)

    assert response.status_code == 200
    assert response.json() == {"ok": False, "error": "not_authed"}


def test_a_wrong_token_is_invalid_auth(fake):
    stranger = WebClient(token="xoxb-someone-else", base_url=fake.base_url)

    assert error_of(stranger.auth_test) == "invalid_auth"


def test_an_unknown_method_is_refused(fake, client):
    assert error_of(lambda: client.api_call("deals.explode")) == "unknown_method"


def test_a_method_outside_the_scopes_is_missing_scope(clock):
    with FakeSlack(scopes=["chat:write"], clock=clock) as fake:
        fake.add_user("U_ALICE", "alice")
        client = WebClient(token=TOKEN, base_url=fake.base_url)

        with pytest.raises(SlackApiError) as failure:
            client.users_info(user="U_ALICE")

    assert failure.value.response["error"] == "missing_scope"
    assert failure.value.response["needed"] == "users:read"
    assert failure.value.response["provided"] == "chat:write"


def test_form_bodies_have_their_json_fields_decoded(fake):
    blocks = [section()]

    response = requests.post(
        fake.base_url + "chat.postMessage",
        data={"channel": "C_SALES", "text": "hi", "blocks": json.dumps(blocks)},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=5,
    )

    assert response.json()["ok"] is True
    assert fake.calls_to("chat.postMessage")[0].args["blocks"] == blocks


def test_every_call_is_recorded_with_its_answer(fake, client):
    client.chat_postMessage(channel="C_SALES", text="hello")
    error_of(lambda: client.chat_postMessage(channel="C_NONE", text="x"))

    first, second = fake.calls_to("chat.postMessage")
    assert first.ok and first.args["text"] == "hello"
    assert first.headers["authorization"] == f"Bearer {TOKEN}"
    assert not second.ok and second.error == "channel_not_found"


def test_wait_for_returns_once_a_call_arrives_from_another_thread(fake, client):
    poster = threading.Timer(
        0.05, client.chat_postMessage, kwargs={"channel": "C_SALES", "text": "later"}
    )
    poster.start()

    calls = fake.wait_for("chat.postMessage", timeout=5)

    assert calls[0].args["text"] == "later"
    poster.join()


def test_wait_for_fails_listing_what_did_arrive(fake, client):
    client.auth_test()

    with pytest.raises(AssertionError, match=r"auth\.test\(ok\)"):
        fake.wait_for("chat.postMessage", timeout=0.05)


def test_wait_for_can_match_arguments(fake, client):
    client.chat_postMessage(channel="C_SALES", text="one")
    client.chat_postMessage(channel="C_SALES", text="two")

    calls = fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.args["text"] == "two"
    )

    assert len(calls) == 1


def test_reset_forgets_calls_but_keeps_the_workspace(fake, client):
    client.chat_postMessage(channel="C_SALES", text="kept")

    fake.reset()

    assert fake.calls == []
    assert [m["text"] for m in fake.messages("C_SALES")] == ["kept"]


# --- failure injection ------------------------------------------------------------


def test_fail_next_rate_limits_once_with_retry_after(fake, client):
    fake.fail_next("chat.postMessage", retry_after=0)

    with pytest.raises(SlackApiError) as failure:
        client.chat_postMessage(channel="C_SALES", text="x")
    client.chat_postMessage(channel="C_SALES", text="x")

    assert failure.value.response.status_code == 429
    assert failure.value.response.headers["retry-after"] == "0"
    assert failure.value.response["error"] == "ratelimited"
    assert len(fake.messages("C_SALES")) == 1


def test_fail_next_can_fail_several_times_with_a_server_error(fake, client):
    fake.fail_next("chat.postMessage", status=503, times=2)

    statuses = []
    for _ in range(3):
        try:
            statuses.append(
                client.chat_postMessage(channel="C_SALES", text="x").status_code
            )
        except SlackApiError as failure:
            statuses.append(failure.response.status_code)

    assert statuses == [503, 503, 200]


def test_fail_next_can_fake_any_api_error(fake, client):
    fake.fail_next("users.info", status=200, error="user_not_visible")

    assert error_of(lambda: client.users_info(user="U_ALICE")) == "user_not_visible"


# --- people and conversations -----------------------------------------------------


def test_users_info_gives_locale_only_when_asked(fake, client):
    plain_user = client.users_info(user="U_BOB")["user"]
    with_locale = client.users_info(user="U_BOB", include_locale=True)["user"]

    assert plain_user["tz"] == "America/New_York"
    assert plain_user["tz_offset"] == -18000
    assert "locale" not in plain_user
    assert with_locale["locale"] == "cs-CZ"


def test_users_info_refuses_an_unknown_user(client):
    assert error_of(lambda: client.users_info(user="U_NOBODY")) == "user_not_found"


def test_conversations_open_gives_the_same_dm_every_time(fake, client):
    first = client.conversations_open(users="U_ALICE")["channel"]["id"]
    second = client.conversations_open(users=["U_ALICE"])["channel"]["id"]
    client.chat_postMessage(channel=first, text="your tasks")

    assert first == second and first.startswith("D")
    assert fake.dm_channel("U_ALICE") == first
    assert [m["text"] for m in fake.messages("U_ALICE")] == ["your tasks"]


def test_conversations_info_describes_the_channel(client):
    channel = client.conversations_info(channel="C_OLD")["channel"]

    assert channel["name"] == "old-deals"
    assert channel["is_archived"] is True


# --- messages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "error"),
    [
        ("C_NONE", "channel_not_found"),
        ("C_HR", "not_in_channel"),
        ("C_OLD", "is_archived"),
    ],
)
def test_post_message_checks_the_channel(client, channel, error):
    assert error_of(lambda: client.chat_postMessage(channel=channel, text="x")) == error


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_post_message_needs_text_or_blocks(client):
    assert error_of(lambda: client.chat_postMessage(channel="C_SALES")) == "no_text"


def test_post_message_refuses_text_over_40000_characters(client):
    long_text = "x" * 40001

    assert (
        error_of(lambda: client.chat_postMessage(channel="C_SALES", text=long_text))
        == "msg_too_long"
    )


def test_post_message_returns_increasing_timestamps_and_stores(fake, client):
    first = client.chat_postMessage(channel="C_SALES", text="one")
    second = client.chat_postMessage(channel="C_SALES", text="two")

    assert float(second["ts"]) > float(first["ts"])
    assert second["message"]["text"] == "two"
    assert [m["ts"] for m in fake.messages("C_SALES")] == [first["ts"], second["ts"]]


def test_replies_join_the_thread_and_unknown_threads_are_refused(fake, client):
    parent = client.chat_postMessage(channel="C_SALES", text="Deal won")["ts"]
    client.chat_postMessage(channel="C_SALES", text="congrats", thread_ts=parent)

    thread = fake.thread("C_SALES", parent)
    assert [m["text"] for m in thread] == ["Deal won", "congrats"]
    assert (
        error_of(
            lambda: client.chat_postMessage(
                channel="C_SALES", text="x", thread_ts="1.000001"
            )
        )
        == "thread_not_found"
    )


def test_invalid_blocks_are_refused_with_the_rule_broken(client):
    with pytest.raises(SlackApiError) as failure:
        client.chat_postMessage(
            channel="C_SALES", text="x", blocks=[section("x" * 3001)]
        )

    response = failure.value.response
    assert response["error"] == "invalid_blocks"
    assert response["response_metadata"]["messages"] == [
        "[ERROR] must be at most 3000 characters [json-pointer:/blocks/0/text/text]"
    ]


def test_update_changes_a_message_within_its_limits(fake, client):
    ts = client.chat_postMessage(channel="C_SALES", text="Stage: lead")["ts"]

    client.chat_update(channel="C_SALES", ts=ts, text="Stage: won")

    assert fake.messages("C_SALES")[0]["text"] == "Stage: won"
    assert (
        error_of(lambda: client.chat_update(channel="C_SALES", ts=ts, text="x" * 4001))
        == "msg_too_long"
    )
    assert (
        error_of(lambda: client.chat_update(channel="C_SALES", ts="1.000001", text="x"))
        == "message_not_found"
    )


def test_ephemeral_messages_need_a_member_user(fake, client):
    fake.add_channel("C_SMALL", "small", members=["U_ALICE"])

    client.chat_postEphemeral(channel="C_SMALL", user="U_ALICE", text="only you")

    assert fake.ephemerals("U_ALICE")[0]["text"] == "only you"
    assert (
        error_of(
            lambda: client.chat_postEphemeral(channel="C_SMALL", user="U_BOB", text="x")
        )
        == "user_not_in_channel"
    )


def test_permalinks_point_at_the_message(client):
    ts = client.chat_postMessage(channel="C_SALES", text="x")["ts"]

    link = client.chat_getPermalink(channel="C_SALES", message_ts=ts)["permalink"]

    assert link.endswith("/archives/C_SALES/p" + ts.replace(".", ""))


# --- files -------------------------------------------------------------------------


def test_files_info_and_download(fake, client):
    fake.add_file("F_OFFER", "offer.pdf", content=b"%PDF-1.7")

    file = client.files_info(file="F_OFFER")["file"]
    download = requests.get(
        file["url_private"], timeout=5, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    anonymous = requests.get(file["url_private"], timeout=5)

    assert file["mimetype"] == "application/pdf" and file["size"] == 8
    assert download.content == b"%PDF-1.7"
    assert anonymous.status_code == 403
    assert error_of(lambda: client.files_info(file="F_NONE")) == "file_not_found"


# --- triggers and modals -----------------------------------------------------------


def test_a_trigger_opens_one_modal(fake, client):
    trigger = fake.issue_trigger("U_ALICE")

    view = client.views_open(trigger_id=trigger, view=modal())["view"]

    assert view["id"].startswith("V") and view["hash"]
    assert view["callback_id"] == "deal_new"
    assert [v["id"] for v in fake.open_views("U_ALICE")] == [view["id"]]
    assert (
        error_of(lambda: client.views_open(trigger_id=trigger, view=modal()))
        == "exchanged_trigger_id"
    )


def test_a_trigger_expires_after_three_seconds(fake, client, clock):
    trigger = fake.issue_trigger("U_ALICE")

    clock.advance(3.01)

    assert (
        error_of(lambda: client.views_open(trigger_id=trigger, view=modal()))
        == "expired_trigger_id"
    )


@pytest.mark.parametrize("trigger", ["nonsense", "123.456.abcdef"])
def test_triggers_not_issued_are_invalid(client, trigger):
    assert (
        error_of(lambda: client.views_open(trigger_id=trigger, view=modal()))
        == "invalid_trigger_id"
    )


def test_at_most_three_modals_stack(fake, client):
    client.views_open(trigger_id=fake.issue_trigger(), view=modal())
    for _ in range(2):
        client.views_push(trigger_id=fake.issue_trigger(), view=modal())

    assert (
        error_of(
            lambda: client.views_push(trigger_id=fake.issue_trigger(), view=modal())
        )
        == "push_limit_reached"
    )
    assert len(fake.open_views("U_ALICE")) == 3


def test_views_update_rotates_the_hash_and_refuses_a_stale_one(fake, client):
    opened = client.views_open(trigger_id=fake.issue_trigger(), view=modal())["view"]

    updated = client.views_update(
        view_id=opened["id"], hash=opened["hash"], view=modal(private_metadata="7")
    )["view"]

    assert updated["hash"] != opened["hash"]
    assert fake.view(opened["id"])["private_metadata"] == "7"
    assert (
        error_of(
            lambda: client.views_update(
                view_id=opened["id"], hash=opened["hash"], view=modal()
            )
        )
        == "hash_conflict"
    )
    assert (
        error_of(lambda: client.views_update(view_id="V404", view=modal()))
        == "not_found"
    )


def test_views_update_finds_a_view_by_external_id(fake, client):
    client.views_open(trigger_id=fake.issue_trigger(), view=modal(external_id="deal-7"))

    client.views_update(external_id="deal-7", view=modal(private_metadata="x"))

    assert fake.open_views("U_ALICE")[0]["private_metadata"] == "x"


def test_views_refuse_invalid_and_oversized_views(fake, client):
    bad = modal(title={"type": "plain_text", "text": "x" * 25})
    huge = modal(blocks=[section("x" * 2900, block_id=str(i)) for i in range(90)])

    with pytest.raises(SlackApiError) as failure:
        client.views_open(trigger_id=fake.issue_trigger(), view=bad)
    too_large = error_of(
        lambda: client.views_open(trigger_id=fake.issue_trigger(), view=huge)
    )

    assert failure.value.response["error"] == "invalid_arguments"
    assert (
        "/view/title/text" in failure.value.response["response_metadata"]["messages"][0]
    )
    assert too_large == "view_too_large"


def test_home_tab_keeps_the_last_published_view(fake, client):
    home = {"type": "home", "blocks": [section("Your deals")]}
    first = client.views_publish(user_id="U_ALICE", view=home)["view"]

    client.views_publish(user_id="U_ALICE", view=home, hash=first["hash"])

    assert fake.home("U_ALICE")["id"] == first["id"]
    assert fake.home("U_ALICE")["hash"] != first["hash"]
    assert (
        error_of(
            lambda: client.views_publish(
                user_id="U_ALICE", view=home, hash=first["hash"]
            )
        )
        == "hash_conflict"
    )
    assert (
        error_of(lambda: client.views_publish(user_id="U_ALICE", view=modal()))
        == "invalid_arguments"
    )


def test_publishing_needs_the_home_tab_enabled(clock):
    with FakeSlack(clock=clock, home_tab_enabled=False) as fake:
        fake.add_user("U_ALICE", "alice")
        client = WebClient(token=TOKEN, base_url=fake.base_url)
        home = {"type": "home", "blocks": []}

        assert (
            error_of(lambda: client.views_publish(user_id="U_ALICE", view=home))
            == "not_enabled"
        )


# --- response_url ------------------------------------------------------------------


def test_a_response_url_works_five_times(fake):
    url = fake.issue_response_url("C_SALES", user="U_ALICE")

    statuses = [WebhookClient(url).send(text=f"#{n}").status_code for n in range(6)]

    assert statuses == [200] * 5 + [404]
    assert fake.responses(url)[-1].error == "used_url"
    assert len(fake.ephemerals("U_ALICE")) == 5


def test_a_response_url_expires_after_thirty_minutes(fake, clock):
    url = fake.issue_response_url("C_SALES", user="U_ALICE")

    clock.advance(30 * 60 + 1)

    assert WebhookClient(url).send(text="late").status_code == 404
    assert fake.responses(url)[0].error == "expired_url"


def test_a_response_url_refuses_invalid_blocks_and_notes_the_problem(fake):
    url = fake.issue_response_url("C_SALES", user="U_ALICE")

    response = WebhookClient(url).send(blocks=[{"type": "sparkles"}])

    assert response.status_code == 400
    assert fake.problems == [
        "response_url: [ERROR] unknown block type 'sparkles' "
        "[json-pointer:/blocks/0/type]"
    ]


def test_a_response_url_replaces_deletes_or_adds_messages(fake, client):
    ts = client.chat_postMessage(channel="C_SALES", text="Move to won?")["ts"]
    url = fake.issue_response_url("C_SALES", ts, "U_ALICE")
    hook = WebhookClient(url)

    hook.send(text="Moved to won", replace_original=True)
    replaced = fake.messages("C_SALES")[0]["text"]
    hook.send(text="Everyone: deal won", response_type="in_channel")
    hook.send(delete_original=True)

    assert replaced == "Moved to won"
    assert [m["text"] for m in fake.messages("C_SALES")] == ["Everyone: deal won"]


# --- Block Kit rules ---------------------------------------------------------------


def rich_message():
    """A message using most block and element types, all within limits."""
    return [
        {"type": "header", "text": {"type": "plain_text", "text": "Acme renewal"}},
        section(
            fields=[{"type": "mrkdwn", "text": "*Stage*\nOffer"}] * 10,
            accessory=button("deal_open", value="deal:12"),
        ),
        {"type": "divider"},
        {
            "type": "context",
            "elements": [
                {"type": "mrkdwn", "text": "Owner <@U_ALICE>"},
                {"type": "image", "image_url": "https://x.test/a.png", "alt_text": "a"},
            ],
        },
        {
            "type": "actions",
            "block_id": "deal_12",
            "elements": [
                button("deal_won", style="primary", value="12"),
                {
                    "type": "static_select",
                    "action_id": "deal_stage",
                    "placeholder": {"type": "plain_text", "text": "Stage"},
                    "options": [opt("lead"), opt("offer")],
                    "initial_option": opt("offer"),
                },
                {
                    "type": "overflow",
                    "action_id": "deal_more",
                    "options": [opt("edit"), opt("delete")],
                },
                {
                    "type": "datepicker",
                    "action_id": "deal_due",
                    "initial_date": "2025-03-31",
                },
            ],
        },
        {"type": "actions", "elements": [button("deal_won", value="13")]},
        text_input(min_length=0, max_length=3000),
        {"type": "image", "image_url": "https://x.test/b.png", "alt_text": "chart"},
    ]


def test_a_rich_valid_message_passes():
    assert validate_message(rich_message()) == []


def test_a_valid_modal_and_home_pass():
    home = {"type": "home", "blocks": rich_message()}

    assert validate_view(modal(rich_message())) == []
    assert validate_view(home) == []


def with_block(block):
    return [block]


def plain_text(text):
    return {"type": "plain_text", "text": text}


def actions(*elements):
    return with_block({"type": "actions", "elements": list(elements)})


def select_with(options, **more):
    return {"type": "static_select", "action_id": "s", "options": options, **more}


BREACHES = {
    "51 blocks": ([{"type": "divider"}] * 51, "must have at most 50 items"),
    "unknown block type": (with_block({"type": "carousel2"}), "unknown block type"),
    "long block_id": (with_block(section(block_id="b" * 256)), "at most 255"),
    "duplicate block_id": (
        [section(block_id="a"), section(block_id="a")],
        "duplicate block_id",
    ),
    "section text 3001": (with_block(section("x" * 3001)), "at most 3000"),
    "11 section fields": (
        with_block(section(fields=[plain_text("f")] * 11)),
        "at most 10 items",
    ),
    "section field 2001": (
        with_block(section(fields=[plain_text("f" * 2001)])),
        "at most 2000",
    ),
    "empty section": (with_block({"type": "section"}), "needs text or fields"),
    "header 151": (
        with_block({"type": "header", "text": plain_text("h" * 151)}),
        "at most 150",
    ),
    "mrkdwn header": (
        with_block({"type": "header", "text": {"type": "mrkdwn", "text": "h"}}),
        "must be plain_text",
    ),
    "11 context elements": (
        with_block({"type": "context", "elements": [plain_text("c")] * 11}),
        "at most 10 items",
    ),
    "26 actions": (actions(*[button(f"a{i}") for i in range(26)]), "at most 25"),
    "long action_id": (actions(button("a" * 256)), "at most 255"),
    "duplicate action_id in a block": (
        actions(button("a"), button("a")),
        "duplicate action_id",
    ),
    "button text 76": (actions(button(text="b" * 76)), "at most 75"),
    "button value 2001": (actions(button(value="v" * 2001)), "at most 2000"),
    "button url 3001": (actions(button(url="u" * 3001)), "at most 3000"),
    "option text 76": (actions(select_with([opt("v", "t" * 76)])), "at most 75"),
    "option value 151": (actions(select_with([opt("v" * 151, "t")])), "at most 150"),
    "101 options": (
        actions(select_with([opt(str(i)) for i in range(101)])),
        "at most 100 items",
    ),
    "initial option not offered": (
        actions(select_with([opt("a")], initial_option=opt("b"))),
        "must match one of the options",
    ),
    "6 overflow options": (
        actions(
            {
                "type": "overflow",
                "action_id": "o",
                "options": [opt(str(i)) for i in range(6)],
            }
        ),
        "at most 5 items",
    ),
    "empty overflow": (
        actions({"type": "overflow", "action_id": "o", "options": []}),
        "at least 1 items",
    ),
    "placeholder 151": (
        actions(select_with([opt("a")], placeholder=plain_text("p" * 151))),
        "at most 150",
    ),
    "min_length 3001": (with_block(text_input(min_length=3001)), "between 0 and"),
    "max_length 0": (with_block(text_input(max_length=0)), "between 1 and"),
    "min above max": (
        with_block(text_input(min_length=9, max_length=5)),
        "must not exceed max_length",
    ),
    "label 2001": (
        with_block({**text_input(), "label": plain_text("l" * 2001)}),
        "at most 2000",
    ),
    "hint 2001": (
        with_block({**text_input(), "hint": plain_text("h" * 2001)}),
        "at most 2000",
    ),
    "unknown text type": (
        with_block({"type": "section", "text": {"type": "html", "text": "x"}}),
        "must be plain_text or mrkdwn",
    ),
    "empty text": (with_block(section("")), "must be a non-empty string"),
    "button in an input": (
        with_block({**text_input(), "element": button()}),
        "not allowed here",
    ),
}


@pytest.mark.parametrize("case", BREACHES.keys())
def test_each_block_kit_limit_is_caught(case):
    blocks, expected = BREACHES[case]

    problems = validate_message(blocks)

    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_the_same_action_id_in_two_blocks_is_allowed():
    blocks = [
        {"type": "actions", "elements": [button("open", value=str(i))]}
        for i in range(3)
    ]

    assert validate_message(blocks) == []


VIEW_BREACHES = {
    "title 25": (modal(title=plain_text("t" * 25)), "/view/title/text"),
    "no title": ({**modal(), "title": None}, "/view/title"),
    "mrkdwn title": (modal(title={"type": "mrkdwn", "text": "t"}), "plain_text"),
    "submit 25": (modal(submit=plain_text("s" * 25)), "/view/submit/text"),
    "close 25": (modal(close=plain_text("c" * 25)), "/view/close/text"),
    "private_metadata 3001": (
        modal(private_metadata="m" * 3001),
        "/view/private_metadata",
    ),
    "callback_id 256": (modal(callback_id="c" * 256), "/view/callback_id"),
    "inputs without submit": ({**modal(), "submit": None}, "needs submit"),
    "101 blocks": (modal([{"type": "divider"}] * 101), "at most 100 items"),
    "home with submit": (
        {"type": "home", "blocks": [], "submit": plain_text("s")},
        "home view cannot",
    ),
    "unknown view type": ({"type": "sheet", "blocks": []}, "modal or home"),
}


@pytest.mark.parametrize("case", VIEW_BREACHES.keys())
def test_each_view_limit_is_caught(case):
    view, expected = VIEW_BREACHES[case]

    problems = validate_view(view)

    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_a_modal_may_hold_100_blocks_but_a_message_50():
    blocks = [{"type": "divider"}] * 100

    assert validate_view(modal(blocks)) == []
    assert validate_message(blocks[:50]) == []


# --- SlackSender ---------------------------------------------------------------------


class BotStandIn:
    """Plays the bot's HTTP side: records each request, answers as told."""

    def __init__(self):
        self.received = []
        self.answer = b""
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                stand_in.received.append((dict(self.headers.items()), body))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(stand_in.answer)))
                self.end_headers()
                self.wfile.write(stand_in.answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/slack/events"
        threading.Thread(
            target=self.server.serve_forever,
            kwargs={"poll_interval": 0.01},
            daemon=True,
        ).start()

    def answer_with(self, document):
        self.answer = json.dumps(document).encode()

    def last_payload(self):
        headers, body = self.received[-1]
        return json.loads(parse_qs(body.decode())["payload"][0])

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def bot():
    stand_in = BotStandIn()
    yield stand_in
    stand_in.close()


@pytest.fixture
def sender(bot, fake):
    return SlackSender(bot.url, SECRET, fake)


def test_a_command_is_signed_as_slack_signs_it(bot, sender):
    sender.command("new Acme")

    headers, body = bot.received[0]
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid(
        body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    )
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_stale_and_unsigned_requests_fail_verification(bot, sender):
    sender.command("help", timestamp=int(sender.clock()) - 600)
    sender.command("help", sign=False)

    (stale_headers, stale_body), (unsigned_headers, _) = bot.received
    assert not SignatureVerifier(SECRET).is_valid(
        stale_body,
        stale_headers["X-Slack-Request-Timestamp"],
        stale_headers["X-Slack-Signature"],
    )
    assert "X-Slack-Signature" not in unsigned_headers


def test_a_command_carries_every_field_and_a_live_trigger(bot, sender, client):
    sender.command("new Acme", user="U_BOB")

    fields = {k: v[0] for k, v in parse_qs(bot.received[0][1].decode()).items()}
    assert fields["command"] == "/deal" and fields["text"] == "new Acme"
    assert fields["user_id"] == "U_BOB" and fields["user_name"] == "bob"
    assert fields["channel_id"] == "C_SALES" and fields["channel_name"] == "sales"
    assert {
        "token",
        "team_id",
        "team_domain",
        "api_app_id",
        "is_enterprise_install",
        "response_url",
    } <= fields.keys()
    client.views_open(trigger_id=fields["trigger_id"], view=modal())
    assert len(sender.fake.open_views("U_BOB")) == 1


def test_a_block_action_is_filled_from_the_clicked_message(bot, sender, client):
    blocks = [
        {
            "type": "actions",
            "block_id": "deal_12",
            "elements": [button("deal_won", value="12")],
        }
    ]
    ts = client.chat_postMessage(channel="C_SALES", text="x", blocks=blocks)["ts"]

    sender.block_action("deal_won")
    WebhookClient(sender.last.response_url).send(text="Won", replace_original=True)

    payload = bot.last_payload()
    assert payload["type"] == "block_actions"
    assert payload["container"] == {
        "type": "message",
        "message_ts": ts,
        "channel_id": "C_SALES",
        "is_ephemeral": False,
    }
    action = payload["actions"][0]
    assert (action["block_id"], action["type"], action["value"]) == (
        "deal_12",
        "button",
        "12",
    )
    assert sender.fake.messages("C_SALES")[0]["text"] == "Won"


def test_a_block_action_in_a_modal_names_the_view(bot, sender, client):
    picker = {
        "type": "actions",
        "block_id": "stage",
        "elements": [
            {"type": "static_select", "action_id": "pick", "options": [opt("won")]}
        ],
    }
    client.views_open(trigger_id=sender.fake.issue_trigger(), view=modal([picker]))

    sender.block_action("pick", container="view", selected_option=opt("won"))

    payload = bot.last_payload()
    view_id = sender.fake.open_views("U_ALICE")[0]["id"]
    assert payload["container"] == {"type": "view", "view_id": view_id}
    assert payload["actions"][0]["selected_option"]["value"] == "won"
    assert "response_url" not in payload


def open_deal_modal(fake, client):
    blocks = [
        text_input("name", "value"),
        {
            **text_input("close", "date"),
            "element": {"type": "datepicker", "action_id": "date"},
        },
    ]
    return client.views_open(trigger_id=fake.issue_trigger(), view=modal(blocks))[
        "view"
    ]


def test_a_submission_reports_every_input_and_closes_the_modal(bot, sender, client):
    view = open_deal_modal(sender.fake, client)

    sender.view_submission(view["id"], {"name": {"value": plain("Acme")}})

    values = bot.last_payload()["view"]["state"]["values"]
    assert values == {
        "name": {"value": {"type": "plain_text_input", "value": "Acme"}},
        "close": {"date": {"type": "datepicker", "selected_date": None}},
    }
    assert sender.fake.open_views("U_ALICE") == []


def test_a_submission_refuses_inputs_the_view_lacks(sender, client):
    view = open_deal_modal(sender.fake, client)

    with pytest.raises(ValueError, match="no input block 'nmae'"):
        sender.view_submission(view["id"], {"nmae": {"value": plain("x")}})


def test_answers_to_a_submission_act_on_the_stack(bot, sender, client):
    view = open_deal_modal(sender.fake, client)

    bot.answer_with({"response_action": "push", "view": modal()})
    sender.view_submission(view["id"], {"close": {"date": date("2025-03-31")}})
    bot.answer_with({"response_action": "errors", "errors": {"close": "Past"}})
    sender.view_submission(None)

    assert len(sender.fake.open_views("U_ALICE")) == 2
    assert sender.fake.problems == [
        "view_submission answer: errors names 'close', which is not an input "
        "block of the view"
    ]


def test_an_invalid_update_answer_is_a_problem(bot, sender, client):
    view = open_deal_modal(sender.fake, client)
    bot.answer_with(
        {"response_action": "update", "view": modal(title=plain_text("t" * 30))}
    )

    sender.view_submission(view["id"], {"name": {"value": plain("Acme")}})

    assert "/view/title/text" in sender.fake.problems[0]


def test_view_closed_is_sent_only_when_the_view_asked(bot, sender, client):
    client.views_open(trigger_id=sender.fake.issue_trigger(), view=modal())
    client.views_push(
        trigger_id=sender.fake.issue_trigger(), view=modal(notify_on_close=True)
    )

    told = sender.view_closed()
    untold = sender.view_closed()

    assert told.status_code == 200 and untold is None
    assert bot.last_payload()["type"] == "view_closed"
    assert sender.fake.open_views("U_ALICE") == []


def test_events_arrive_in_an_envelope_with_retry_headers(bot, sender):
    sender.event(
        {"type": "app_mention", "user": "U_ALICE", "text": "hi"},
        event_id="Ev1",
        retry_num=1,
    )

    headers, body = bot.received[0]
    envelope = json.loads(body)
    assert envelope["type"] == "event_callback" and envelope["event_id"] == "Ev1"
    assert envelope["authorizations"][0]["user_id"] == "UBOT"
    assert headers["X-Slack-Retry-Num"] == "1"
    assert headers["X-Slack-Retry-Reason"] == "http_timeout"


def test_app_home_opened_carries_the_published_home(bot, sender, client):
    home = {"type": "home", "blocks": [section("Pipeline")]}
    client.views_publish(user_id="U_ALICE", view=home)

    sender.app_home_opened("U_ALICE")

    event = json.loads(bot.received[0][1])["event"]
    assert event["channel"].startswith("D") and event["tab"] == "home"
    assert event["view"]["blocks"] == home["blocks"]


def test_a_message_shortcut_adds_the_message_to_the_fake(bot, sender):
    sender.message_shortcut(
        "deal_from_message", message={"text": "Acme wants 40 seats", "user": "U_BOB"}
    )

    payload = bot.last_payload()
    assert payload["type"] == "message_action"
    assert payload["message"]["text"] == "Acme wants 40 seats"
    assert sender.fake.messages("C_SALES")[0]["ts"] == payload["message_ts"]
    assert payload["response_url"] == sender.last.response_url


def test_options_requests_name_the_view_and_what_was_typed(bot, sender, client):
    search = {
        "type": "input",
        "block_id": "contact",
        "label": plain_text("Contact"),
        "element": {"type": "external_select", "action_id": "find"},
    }
    client.views_open(trigger_id=sender.fake.issue_trigger(), view=modal([search]))

    sender.options("find", "ac", view=sender.fake.open_views("U_ALICE")[0]["id"])

    payload = bot.last_payload()
    assert payload["type"] == "block_suggestion"
    assert (payload["block_id"], payload["value"]) == ("contact", "ac")


def test_a_global_shortcut_has_a_trigger_but_no_response_url(bot, sender):
    sender.shortcut("deal_new")

    payload = bot.last_payload()
    assert payload["callback_id"] == "deal_new" and payload["trigger_id"]
    assert "response_url" not in payload


def test_a_selected_option_helper_matches_slack_shape():
    assert select("won", "Won") == {
        "type": "static_select",
        "selected_option": {
            "text": {"type": "plain_text", "text": "Won", "emoji": True},
            "value": "won",
        },
    }


# --- against a real Bolt app ---------------------------------------------------------


class QuietWSGIRequestHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def bolt_url(fake):
    """A minimal Bolt app, served over HTTP, whose client talks to the fake."""
    app = App(
        client=WebClient(token=TOKEN, base_url=fake.base_url),
        signing_secret=SECRET,
        process_before_response=True,
    )

    @app.command("/deal")
    def open_form(ack, body, client):
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=modal())

    @app.view("deal_new")
    def refuse_duplicate(ack, view):
        name = view["state"]["values"]["name"]["value"]["value"]
        ack(response_action="errors", errors={"name": f"{name} exists"})

    server = make_server(
        "127.0.0.1", 0, SlackRequestHandler(app), handler_class=QuietWSGIRequestHandler
    )
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    ).start()
    yield f"http://127.0.0.1:{server.server_port}/slack/events"
    server.shutdown()
    server.server_close()


def test_bolt_accepts_what_the_sender_sends(fake, bolt_url):
    sender = SlackSender(bolt_url, SECRET, fake)

    opened = sender.command("new")
    view_id = fake.open_views("U_ALICE")[0]["id"]
    submitted = sender.view_submission(view_id, {"name": {"value": plain("Acme")}})
    forged = sender.command("new", sign=False)

    assert opened.status_code == 200
    assert submitted.json() == {
        "response_action": "errors",
        "errors": {"name": "Acme exists"},
    }
    assert forged.status_code == 401
    assert fake.problems == []


def test_a_closed_modal_can_no_longer_be_updated(fake, client):
    view = client.views_open(trigger_id=fake.issue_trigger(), view=modal())["view"]

    fake.close_view(view["id"])

    assert fake.open_views("U_ALICE") == []
    assert fake.view(view["id"])["callback_id"] == "deal_new"
    assert (
        error_of(lambda: client.views_update(view_id=view["id"], view=modal()))
        == "not_found"
    )


def test_a_closed_modal_submitted_again_leaves_the_stack_alone(bot, fake, sender):
    client = WebClient(token=TOKEN, base_url=fake.base_url)
    view = open_deal_modal(fake, client)
    sender.view_submission(view["id"], {"name": {"value": plain("Acme")}})
    other = open_deal_modal(fake, client)

    again = sender.view_submission(view["id"], {"name": {"value": plain("Acme")}})

    assert again.status_code == 200
    assert bot.last_payload()["view"]["id"] == view["id"]
    assert [v["id"] for v in fake.open_views("U_ALICE")] == [other["id"]]
