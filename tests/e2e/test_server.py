"""The HTTP surface: health, Slack's signature, URL verification."""

from __future__ import annotations

import socket
import time

import requests

from tests.e2e.conftest import SIGNING_SECRET, BotProcess
from tests.fakeslack import signature


def test_healthz_answers_while_the_database_does(bot):
    response = requests.get(f"{bot.url}/healthz", timeout=5)

    assert response.status_code == 200
    assert response.json()["database"] == "up"


def test_unsigned_stale_or_tampered_requests_are_refused(slack, fake):
    unsigned = slack.command("help", sign=False)
    stale = slack.command("help", timestamp=int(time.time()) - 600)
    body = b"token=x&team_id=T1&user_id=U_ALICE&command=%2Fdeal&text=help"
    now = str(int(time.time()))
    tampered = requests.post(
        slack.bot_url,
        data=body + b"x",
        headers={
            "X-Slack-Request-Timestamp": now,
            "X-Slack-Signature": signature(SIGNING_SECRET, now, body),
            "Content-Type": "application/x-www-form-urlencoded",
        },
        timeout=5,
    )

    assert [r.status_code for r in (unsigned, stale, tampered)] == [401, 401, 401]


def test_url_verification_echoes_the_challenge(slack):
    response = slack.url_verification("abc123")

    assert response.status_code == 200
    assert response.json() == {"challenge": "abc123"}


def last_line_of_a_failed_start(process: BotProcess) -> str:
    """Start ``process``, expect it to stop with status 2, and return its last line."""
    process.launch()
    process.process.wait(timeout=30)

    assert process.process.returncode == 2
    return process.log().strip().splitlines()[-1]


def test_a_refused_bot_token_stops_the_start_with_one_line(fake, tmp_path):
    process = BotProcess(
        fake,
        f"sqlite:///{tmp_path / 'x.db'}",
        tmp_path / "log",
        SLACK_BOT_TOKEN="xoxb-wrong",
    )

    line = last_line_of_a_failed_start(process)

    assert line.startswith("dealbot: SLACK_BOT_TOKEN was refused by Slack")


def test_a_port_in_use_stops_the_start_with_one_line(fake, tmp_path):
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = BotProcess(
            fake, f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "log", PORT=str(port)
        )

        line = last_line_of_a_failed_start(process)

    assert line.startswith(f"dealbot: PORT {port} cannot be served")
    assert process.log().strip() == line  # found before anything else started


def test_a_database_in_a_missing_folder_names_database_url(fake, tmp_path):
    process = BotProcess(
        fake, f"sqlite:///{tmp_path / 'missing' / 'x.db'}", tmp_path / "log"
    )

    line = last_line_of_a_failed_start(process)

    assert line.startswith("dealbot: DATABASE_URL: cannot open the database")


def test_sigterm_stops_the_bot_cleanly(fake, tmp_path):
    process = BotProcess(fake, f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "log")
    process.start()

    process.process.terminate()
    process.process.wait(timeout=20)

    assert process.process.returncode == 0
    assert "INFO bot: Stopped" in process.log()
    assert "Traceback" not in process.log()
