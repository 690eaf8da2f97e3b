"""The fake Slack Web API, served from a process of its own.

The tests' ``FakeSlack`` answers the bot's calls (``users.info``, the posts to
response_urls, the outbox's ``chat.postMessage``) and checks them as Slack
would. Run inside the load generator it would compete for that interpreter's
lock with the threads that time the acks, and only while the bot is measured
(the bare app never calls Slack), which would make the bot look slower than it
is. So it runs in a child process and is driven over a pipe: issue
response_urls, count the answers the bot posted, stop.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from dataclasses import dataclass
from multiprocessing.connection import Connection

from tests.fakeslack import FakeSlack

from .cast import APP_ID, BOT_TOKEN, CHANNEL_ID, CHANNEL_NAME, REPS, TEAM_ID

START_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Tally:
    """What the fake has seen so far."""

    answers: int  # posts to response_urls, refused ones included
    refused: int  # posts and Web API calls Slack answered with an error
    api_calls: dict[str, int]
    problems: list[str]  # the first few things Slack would have refused


class FakeSlackProcess:
    """Start with ``with FakeSlackProcess() as fake:``; ``fake.base_url`` is
    what the bot and the bare app get as ``SLACK_API_URL``."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._pipe, child_end = context.Pipe()
        self._process = context.Process(
            target=serve, args=(child_end,), name="fakeslack", daemon=True
        )
        self.base_url = ""

    def __enter__(self) -> FakeSlackProcess:
        self._process.start()
        try:
            if not self._pipe.poll(START_TIMEOUT_SECONDS):
                raise RuntimeError("the fake Slack did not start")
            self.base_url = self._pipe.recv()
        except EOFError as error:
            raise RuntimeError("the fake Slack exited at start") from error
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._ask("stop")
        except (OSError, EOFError):
            pass  # it is gone already
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()

    def response_urls(self, users: list[str]) -> list[str]:
        """A fresh response_url in the sales channel for each user, in order."""
        return self._ask("issue", users)

    def tally(self) -> Tally:
        return self._ask("tally")

    def _ask(self, command: str, argument=None):
        self._pipe.send((command, argument))
        return self._pipe.recv()


def serve(pipe: Connection) -> None:
    """The child process: run the fake until told to stop."""
    with FakeSlack(bot_token=BOT_TOKEN, team_id=TEAM_ID, app_id=APP_ID) as fake:
        _cast(fake)
        pipe.send(fake.base_url)
        while True:
            command, argument = pipe.recv()
            if command == "issue":
                pipe.send(
                    [fake.issue_response_url(CHANNEL_ID, None, u) for u in argument]
                )
            elif command == "tally":
                pipe.send(_tally(fake))
            else:
                pipe.send(None)
                return


def _cast(fake: FakeSlack) -> None:
    for rep in REPS:
        fake.add_user(
            rep.user_id,
            rep.name,
            tz=rep.tz,
            tz_offset=rep.tz_offset,
            locale=rep.locale,
            is_admin=rep.is_admin,
        )
    fake.add_channel(CHANNEL_ID, CHANNEL_NAME)


def _tally(fake: FakeSlack) -> Tally:
    posts, calls = fake.hook_posts, fake.calls
    refused = sum(post.status != 200 for post in posts)
    refused += sum(not call.ok for call in calls)
    methods = Counter(call.method for call in calls)
    return Tally(len(posts), refused, dict(methods), fake.problems[:3])
