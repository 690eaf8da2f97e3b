"""Who takes part in a benchmark run: one workspace, its reps and its channel.

The fake Slack serves these people, the seed makes them the deals' owners, and
the load comes from them in turn, so every request names a user the bot can
look up and a deal owner it already knows.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.e2e.conftest import BOT_TOKEN, SALES, SIGNING_SECRET

TEAM_ID = "TBENCH0001"
TEAM_DOMAIN = "bench-sales"
APP_ID = "ABENCH0001"
CHANNEL_ID = SALES
CHANNEL_NAME = "sales"

__all__ = [
    "APP_ID",
    "BOT_TOKEN",
    "CHANNEL_ID",
    "CHANNEL_NAME",
    "REPS",
    "Rep",
    "SIGNING_SECRET",
    "TEAM_DOMAIN",
    "TEAM_ID",
]


@dataclass(frozen=True)
class Rep:
    """A sales rep as the fake's ``users.info`` describes them."""

    user_id: str
    name: str
    locale: str
    tz: str
    tz_offset: int
    is_admin: bool = False


REPS = (
    Rep("U_ALICE", "alice", "en-US", "Europe/Prague", 3600, is_admin=True),
    Rep("U_BOB", "bob", "cs-CZ", "Europe/Prague", 3600),
    Rep("U_CAROL", "carol", "en-GB", "America/New_York", -18000),
    Rep("U_DAN", "dan", "en-US", "America/Chicago", -21600),
    Rep("U_EVA", "eva", "cs-CZ", "Europe/Prague", 3600),
    Rep("U_FILIP", "filip", "cs-CZ", "Europe/Prague", 3600),
    Rep("U_GRACE", "grace", "en-GB", "Europe/London", 0),
    Rep("U_HANA", "hana", "cs-CZ", "Europe/Prague", 3600),
)
