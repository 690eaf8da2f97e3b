"""One benchmark run: seed, start Slack's fake and both apps, load them, measure.

For each kind of request the bare app is loaded first, then the bot, with the
same number of requests from the same number of clients. Each batch starts
with a warm-up that is not counted. After a batch the bot is given time to
finish the work its acks promised (every request owes one post to its
response_url), so the next batch does not inherit its backlog; how long that
took is reported too, as the rate at which the bot really answers.
"""

from __future__ import annotations

import itertools
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cast import REPS, SIGNING_SECRET, TEAM_ID
from .fake import FakeSlackProcess, Tally
from .load import Latencies, fire
from .payloads import list_command, next_stage_click
from .seed import Seeded, scratch_database, seed
from .servers import BareAppProcess, bot_process, peak_rss_mb, rss_mb

EVENTS_PATH = "/slack/events"
POLL_SECONDS = 0.1
STALL_SECONDS = 30  # give up waiting for answers after this long without one
QUIET_SECONDS = 3  # the bot is done when Slack hears nothing from it this long
EXCEPTION_LINE = re.compile(r"[A-Za-z_][\w.]*(Error|Exception)\b")

BOT = "Dealbot"
BARE = "bare Bolt"
LIST = "/deal list"
NEXT_STAGE = "Next stage"
KINDS = (LIST, NEXT_STAGE)

# Builds the body of one request from a user id and a response_url.
Build = Callable[[str, str], bytes]


@dataclass(frozen=True)
class Options:
    deals: int
    requests: int
    warmup: int
    concurrency: int
    rate: float | None  # requests a second per batch; None: as fast as acked
    database_url: str | None


@dataclass(frozen=True)
class Batch:
    """The measured requests of one kind sent to one app."""

    kind: str
    app: str
    latencies: Latencies
    answered: int | None = None  # posts to response_urls, for the bot
    answer_seconds: float | None = None  # from the first request to the last post


@dataclass(frozen=True)
class Result:
    """Everything a run measured, for the report."""

    options: Options
    backend: str
    seeded: Seeded
    batches: list[Batch]
    bot_rss_start_mb: float
    bot_peak_rss_mb: float
    slack: Tally
    bot_errors: list[str]  # the bot's logged errors, each with its exception
    seconds: float  # the whole run, seeding and starting included


def run(options: Options) -> Result:
    """Everything, from an empty database to the figures; cleans up after."""
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="dealbot-bench-") as folder,
        scratch_database(Path(folder), options.database_url) as url,
    ):
        seeded = seed(url, TEAM_ID, options.deals)
        with FakeSlackProcess() as fake:
            bot = bot_process(fake.base_url, url, Path(folder))
            bare = BareAppProcess(fake.base_url, url, Path(folder))
            try:
                bot.start()
                bare.start()
                return _measure(options, fake, bot, bare, seeded, started)
            finally:
                bot.stop()
                bare.stop()


def _measure(options, fake, bot, bare, seeded: Seeded, started: float) -> Result:
    """Load both apps, then read the bot's memory, its log and what Slack saw."""
    rss_start = rss_mb(bot.process.pid)
    batches = _load_both(options, fake, bot, bare, seeded)
    _wait_until_quiet(fake)
    return Result(
        options=options,
        backend="PostgreSQL" if options.database_url else "SQLite",
        seeded=seeded,
        batches=batches,
        bot_rss_start_mb=rss_start,
        bot_peak_rss_mb=peak_rss_mb(bot.process.pid),
        slack=fake.tally(),
        bot_errors=logged_errors(bot.log()),
        seconds=time.monotonic() - started,
    )


def logged_errors(log: str) -> list[str]:
    """Each ERROR entry of a log: its message and the exception it ended in."""
    errors = []
    for entry in re.split(r"\n(?=\d{4}-\d\d-\d\d )", log):
        first, *rest = entry.strip().splitlines() or [""]
        if " ERROR " not in first:
            continue
        raised = [line for line in rest if EXCEPTION_LINE.match(line)]
        errors.append(first + (f" ({raised[-1]})" if raised else ""))
    return errors


def _load_both(options, fake, bot, bare, seeded: Seeded) -> list[Batch]:
    """Each kind of request on the bare app, then on the bot."""
    batches = []
    for kind in KINDS:
        for app, server in ((BARE, bare), (BOT, bot)):
            build = _builder(kind, seeded)
            batches.append(_batch(options, fake, server.url, kind, app, build))
    return batches


def _builder(kind: str, seeded: Seeded) -> Build:
    """How to build the bodies of one batch.

    Clicks go to the seeded open deals in turn, so each of the bot's clicks
    really moves a deal (the bare app, which reads nothing, gets the same).
    """
    if kind == LIST:
        return list_command
    deals = itertools.cycle(seeded.open_deals)

    def click(user_id: str, response_url: str) -> bytes:
        return next_stage_click(user_id, response_url, *next(deals))

    return click


def _batch(options, fake, app_url: str, kind, app: str, build: Build) -> Batch:
    """Warm up, then time ``options.requests`` requests; for the bot, wait for
    the answers it owes after each."""
    is_bot = app == BOT
    url = app_url + EVENTS_PATH

    warmup = _bodies(fake, build, options.warmup)
    before = fake.tally().answers
    fire(url, warmup, options.concurrency, SIGNING_SECRET, options.rate)
    if is_bot:
        _wait_for_answers(fake, before + options.warmup)

    bodies = _bodies(fake, build, options.requests)
    before = fake.tally().answers
    started = time.monotonic()
    latencies = fire(url, bodies, options.concurrency, SIGNING_SECRET, options.rate)
    if not is_bot:
        return Batch(kind, app, latencies)
    seen, last_seen_at = _wait_for_answers(fake, before + options.requests)
    return Batch(kind, app, latencies, seen - before, last_seen_at - started)


def _bodies(fake: FakeSlackProcess, build: Build, count: int) -> list[bytes]:
    """``count`` bodies from the reps in turn, each with its own response_url."""
    users = [REPS[i % len(REPS)].user_id for i in range(count)]
    urls = fake.response_urls(users)
    return [build(user, url) for user, url in zip(users, urls, strict=True)]


def _wait_for_answers(fake: FakeSlackProcess, owed: int) -> tuple[int, float]:
    """Wait until the fake has ``owed`` response_url posts, or they stop coming.

    Returns how many it has and when (``time.monotonic()``) the last one came.
    """
    seen, last_change = fake.tally().answers, time.monotonic()
    while seen < owed and time.monotonic() - last_change < STALL_SECONDS:
        time.sleep(POLL_SECONDS)
        now = fake.tally().answers
        if now != seen:
            seen, last_change = now, time.monotonic()
    return seen, last_change


def _wait_until_quiet(fake: FakeSlackProcess) -> None:
    """Let the outbox finish posting the moves to the channel."""
    calls, last_change = sum(fake.tally().api_calls.values()), time.monotonic()
    while time.monotonic() - last_change < QUIET_SECONDS:
        time.sleep(POLL_SECONDS * 5)
        now = sum(fake.tally().api_calls.values())
        if now != calls:
            calls, last_change = now, time.monotonic()
