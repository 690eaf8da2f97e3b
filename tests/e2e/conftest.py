"""End-to-end fixtures: a fake Slack on loopback and the real bot, ``python -m bot``.

One bot process serves the whole session; each test speaks for a workspace of its
own (a fresh team id), so tests never see each other's deals. Every test ends by
checking that the fake saw nothing Slack would refuse and that the bot logged no
error it did not expect.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml

from tests.conftest import fresh_database
from tests.fakeslack import FakeSlack, SlackSender

ROOT = Path(__file__).resolve().parents[2]
SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
SALES = "C_SALES"

_teams = itertools.count(1)
# Not inherited: the bot starts in HTTP mode unless a test asks for Socket Mode,
# and talks to the fake directly (slack_sdk would send even loopback via a proxy).
NOT_INHERITED = (
    "SLACK_APP_TOKEN",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "http_proxy",
    "https_proxy",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cast(fake: FakeSlack) -> None:
    """The people and channels every end-to-end test can use."""
    fake.add_user("U_ALICE", "alice", tz="Europe/Prague", locale="en-US", is_admin=True)
    fake.add_user("U_BOB", "bob", tz="Europe/Prague", locale="cs-CZ")
    fake.add_user(
        "U_CAROL", "carol", tz="America/New_York", tz_offset=-18000, locale="en-GB"
    )
    fake.add_channel(SALES, "sales")
    fake.add_channel("C_NOBOT", "general", members_bot=False)
    fake.add_channel("C_OLD", "old-deals", archived=True)


class BotProcess:
    """``python -m bot`` with its environment, output kept in a log file.

    ``env`` overrides the defaults below; a value of None unsets the variable.
    With ``SLACK_APP_TOKEN`` the bot runs in Socket Mode and is ready once it
    has connected to the fake.
    """

    module = "bot"  # what ``python -m`` runs

    def __init__(
        self, fake: FakeSlack, database_url: str, log_path: Path, **env: str | None
    ):
        self.fake = fake
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        inherited = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        merged = {
            **inherited,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.base_url,
            "DATABASE_URL": database_url,
            "PORT": str(self.port),
            "DEALBOT_CHANNEL": SALES,
            "DEALBOT_OUTBOX_POLL_MS": "200",
            "LOG_LEVEL": "INFO",
            **env,
        }
        self.env = {k: v for k, v in merged.items() if v is not None}
        self.process: subprocess.Popen | None = None

    @property
    def socket_mode(self) -> bool:
        return "SLACK_APP_TOKEN" in self.env

    def start(self) -> BotProcess:
        self.launch()
        if self.socket_mode:
            return self.wait_until_connected()
        return self.wait_until_healthy()

    def launch(self) -> BotProcess:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", self.module],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return self

    def wait_until_healthy(self) -> BotProcess:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"bot exited at start:\n{self.log()}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError(f"bot did not become healthy:\n{self.log()}")

    def wait_until_connected(self) -> BotProcess:
        """Socket Mode serves no HTTP: ready once the fake greeted the bot."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"bot exited at start:\n{self.log()}")
            if self.fake.socket_connected(timeout=0.1):
                return self
        raise RuntimeError(f"bot did not connect in Socket Mode:\n{self.log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def manifest_scopes() -> list[str]:
    """The bot scopes manifest.yaml asks for: the fake grants exactly these, so
    a call the manifest forgot to allow fails as it would in Slack."""
    manifest = yaml.safe_load((ROOT / "manifest.yaml").read_text())
    return manifest["oauth_config"]["scopes"]["bot"]


@pytest.fixture(scope="session")
def fake():
    with FakeSlack(bot_token=BOT_TOKEN, scopes=manifest_scopes()) as fake:
        cast(fake)
        yield fake


@pytest.fixture(scope="session")
def bot_database_url(tmp_path_factory):
    """The bot's own database, apart from the domain tests' (its outbox sender
    would otherwise deliver what they owe)."""
    with fresh_database(tmp_path_factory.mktemp("botdb")) as url:
        yield url


@pytest.fixture(scope="session")
def bot(fake, bot_database_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bot")
    process = BotProcess(fake, bot_database_url, folder / "bot.log")
    process.start()
    yield process
    process.stop()


@pytest.fixture
def team():
    return f"TE2E{os.getpid()}X{next(_teams)}"


@pytest.fixture
def slack(bot, fake, team):
    """Slack's side of the conversation, for a workspace of this test's own."""
    log_start = len(bot.log())
    fake.reset()
    sender = SlackSender(f"{bot.url}/slack/events", SIGNING_SECRET, fake, team_id=team)
    sender.allowed_errors = []
    yield sender
    assert_no_trouble(bot, fake, log_start, sender.allowed_errors)


def assert_no_trouble(bot, fake, log_start: int, allowed_errors: list[str]) -> None:
    """Nothing Slack would refuse, and no error the test did not expect."""
    assert fake.problems == [], "Slack would have refused what the bot sent"
    errors = [
        line
        for line in bot.log()[log_start:].splitlines()
        if (" ERROR " in line or "Traceback" in line)
        and not any(allowed in line for allowed in allowed_errors)
    ]
    assert errors == [], "the bot logged errors:\n" + "\n".join(errors)


def answer(slack, count: int = 1) -> dict:
    """What the bot posted to the response_url of the last request, newest last."""
    posts = slack.fake.wait_for_response(slack.last.response_url, count=count)
    return posts[-1].body


def texts(blocks) -> str:
    """Every piece of text in ``blocks``, joined by newlines, for assertions."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return "\n".join(found)
