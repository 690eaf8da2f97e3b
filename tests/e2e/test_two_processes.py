"""Two bot processes on one database behave as one: one deal per submission,
each channel message posted once."""

from __future__ import annotations

import threading

import pytest

from tests.conftest import fresh_database
from tests.e2e.conftest import SALES, SIGNING_SECRET, BotProcess, answer, texts
from tests.e2e.helpers import channel_posts, open_new_deal
from tests.fakeslack import SlackSender, plain, users


@pytest.fixture
def two_bots(fake, tmp_path):
    with fresh_database(tmp_path) as url:
        bots = [BotProcess(fake, url, tmp_path / f"bot{n}.log") for n in (1, 2)]
        for bot in bots:  # both start (and migrate) at the same moment
            bot.launch()
        for bot in bots:
            bot.wait_until_healthy()
        yield bots
        for bot in bots:
            bot.stop()
        for bot in bots:
            assert " ERROR " not in bot.log(), bot.log()


def test_a_submission_delivered_to_both_processes_creates_one_deal(
    two_bots, fake, team
):
    fake.reset()
    first, second = (
        SlackSender(f"{bot.url}/slack/events", SIGNING_SECRET, fake, team_id=team)
        for bot in two_bots
    )
    view = open_new_deal(first, fake, "new Shared deal")
    values = {
        "deal_name": {"value": plain("Shared deal")},
        "deal_value": {"value": plain("5000")},
        "deal_currency": {"value": plain("EUR")},
        "deal_owner": {"value": users("U_ALICE")},
    }
    start = threading.Barrier(2)
    statuses = []

    def submit(sender):
        start.wait()
        statuses.append(sender.view_submission(view["id"], values).status_code)

    threads = [threading.Thread(target=submit, args=(s,)) for s in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200, 200]
    fake.wait_for(
        "chat.postMessage",
        timeout=10,
        predicate=lambda c: "Shared deal" in c.args.get("text", ""),
    )
    second.command("list all")
    listing = texts(answer(second)["blocks"])
    assert listing.count("Shared deal") == 1

    for stage, sender in (
        ("Qualified", first),
        ("Proposal", second),
        ("Negotiation", first),
    ):
        sender.command(f"move 1 {stage}")
        answer(sender)
    fake.wait_for(
        "chat.update",
        count=3,
        timeout=10,
        predicate=lambda c: (
            "Negotiation" in c.args.get("text", "")
            or "Proposal" in c.args.get("text", "")
            or "Qualified" in c.args.get("text", "")
        ),
    )
    assert len(channel_posts(fake, SALES, "Shared deal")) == 1
    replies = [
        c
        for c in fake.calls_to("chat.postMessage")
        if c.args.get("thread_ts")
        and c.ok
        and c.args["thread_ts"]
        == channel_posts(fake, SALES, "Shared deal")[0].response["ts"]
    ]
    assert [r.args["text"].split("*")[-2] for r in replies] == [
        "Qualified",
        "Proposal",
        "Negotiation",
    ]
