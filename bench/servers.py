"""The two servers under load: the real bot and the bare Bolt app.

Both are started as the end-to-end tests start the bot (``BotProcess``): the
same environment, a log file each, and ready once ``GET /healthz`` answers.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from tests.e2e.conftest import BotProcess

# The production default; the tests poll faster to finish sooner.
OUTBOX_POLL_MS = "2000"


def bot_process(fake_url: str, database_url: str, folder: Path) -> BotProcess:
    """``python -m bot`` against the fake Slack at ``fake_url``."""
    return BotProcess(
        _fake_at(fake_url),
        database_url,
        folder / "bot.log",
        DEALBOT_OUTBOX_POLL_MS=OUTBOX_POLL_MS,
    )


class BareAppProcess(BotProcess):
    """``python -m bench.bare_app`` with exactly the bot's environment."""

    module = "bench.bare_app"

    def __init__(self, fake_url: str, database_url: str, folder: Path) -> None:
        super().__init__(_fake_at(fake_url), database_url, folder / "bare.log")


def _fake_at(url: str) -> SimpleNamespace:
    """All that ``BotProcess`` needs of a fake in HTTP mode: its address."""
    return SimpleNamespace(base_url=url)


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set so far (``VmHWM``), in MiB."""
    return _status_kib(pid, "VmHWM") / 1024


def rss_mb(pid: int) -> float:
    """The process's resident set now (``VmRSS``), in MiB."""
    return _status_kib(pid, "VmRSS") / 1024


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/{pid}/status has no {field}")
