"""Socket Mode end to end: ``python -m bot`` with SLACK_APP_TOKEN and no signing
secret connects to the fake over a WebSocket and does what it does over HTTP.

The bot here has a fake and a database of its own: a second bot on the session's
database would deliver the HTTP bot's outbox, and the fake's "is anyone
connected" must mean this bot.
"""

from __future__ import annotations

import pytest

from tests.conftest import fresh_database
from tests.e2e.conftest import (
    BOT_TOKEN,
    SALES,
    BotProcess,
    assert_no_trouble,
    cast,
    texts,
)
from tests.e2e.helpers import channel_posts, submit_deal
from tests.fakeslack import FakeSlack, SocketSender

APP_TOKEN = "xapp-test-token"


def socket_bot(fake: FakeSlack, database_url: str, log_path, app_token=APP_TOKEN):
    """The bot in Socket Mode: an app-level token and no signing secret."""
    return BotProcess(
        fake,
        database_url,
        log_path,
        SLACK_APP_TOKEN=app_token,
        SLACK_SIGNING_SECRET=None,
    )


@pytest.fixture(scope="module")
def socket_fake():
    with FakeSlack(bot_token=BOT_TOKEN, app_token=APP_TOKEN) as fake:
        cast(fake)
        yield fake


@pytest.fixture(scope="module")
def bot(socket_fake, tmp_path_factory):
    folder = tmp_path_factory.mktemp("socket-bot")
    with fresh_database(folder) as url:
        process = socket_bot(socket_fake, url, folder / "bot.log").start()
        yield process
        process.stop()


@pytest.fixture
def slack(bot, socket_fake, team):
    """Slack's side over the bot's WebSocket, for a workspace of this test's own."""
    log_start = len(bot.log())
    socket_fake.reset()
    sender = SocketSender(socket_fake, team_id=team)
    yield sender
    assert_no_trouble(bot, socket_fake, log_start, [])


def test_help_is_acked_and_then_posted_to_the_response_url(slack, socket_fake):
    ack = slack.command("help")

    assert ack.envelope_id == slack.last.envelope_id
    assert ack.payload is None  # acked at once; the answer follows
    [post] = socket_fake.wait_for_response(slack.last.response_url)
    helped = texts(post.body["blocks"])
    assert "/deal new" in helped and "/deal move" in helped


def test_a_deal_made_over_socket_mode_is_posted_to_the_channel(slack, socket_fake):
    ack = slack.command("new Socket deal")

    assert ack.payload is None
    [opened] = socket_fake.wait_for("views.open")
    assert opened.args["trigger_id"] == slack.last.trigger_id
    view = socket_fake.open_views("U_ALICE")[-1]
    assert view["callback_id"] == "deal_modal"
    name = next(b for b in view["blocks"] if b["block_id"] == "deal_name")
    assert name["element"]["initial_value"] == "Socket deal"

    submitted = submit_deal(slack, view, name="Socket deal")

    assert submitted.content in (b"", b"{}")  # the modal closes
    assert socket_fake.open_views("U_ALICE") == []
    socket_fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: (
            c.args.get("channel") == SALES and "Socket deal" in c.args.get("text", "")
        ),
    )
    assert len(channel_posts(socket_fake, SALES, "Socket deal")) == 1


def test_a_refused_app_token_stops_the_start_with_one_line(tmp_path):
    with FakeSlack(bot_token=BOT_TOKEN, app_token=APP_TOKEN) as fake:
        process = socket_bot(
            fake, f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "log", "xapp-wrong"
        )
        with pytest.raises(RuntimeError, match="exited at start"):
            process.start()
        process.process.wait(timeout=10)

    assert process.process.returncode == 2
    log = process.log()
    assert (
        log.strip()
        .splitlines()[-1]
        .startswith("dealbot: SLACK_APP_TOKEN was refused by Slack")
    )
    assert "Traceback" not in log and " ERROR " not in log
    assert fake.calls_to("apps.connections.open")[-1].error == "invalid_auth"
