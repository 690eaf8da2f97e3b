"""A database full of deals, made fast enough to seed 100,000 in seconds.

The workspace and its stages come from the domain (``get_workspace``), so the
pipeline is exactly the one a new team gets. The deals and their history are
then written in bulk through SQLAlchemy Core against the models' own tables:
going through ``create_deal`` one by one would take minutes and measure nothing
the benchmark is about.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, create_engine, insert, select, text, update
from sqlalchemy.engine import make_url

import migrations
from models import (
    Deal,
    StageChange,
    Workspace,
    get_workspace,
    make_engine,
    make_session_factory,
    pipeline,
    transaction,
)
from models.search import fold
from models.stages import LOST, OPEN, WON, Stage

from .cast import REPS

BATCH = 5_000
SEED = 20_250_505

# How a living pipeline is spread: most deals open, the rest won or lost.
OPEN_WEIGHTS = (30, 20, 14, 10)  # per open stage, in pipeline order
WON_WEIGHT = 15
LOST_WEIGHT = 11
# (code, share of the deals in %, the largest usual amount in whole units)
CURRENCIES = (("EUR", 50, 40_000), ("CZK", 35, 1_000_000), ("USD", 15, 45_000))

COMPANIES = (
    "Acme",
    "Bohemia Steel",
    "Contoso",
    "Danube Logistics",
    "Elbe Foods",
    "Fabrikam",
    "Globex",
    "Hradec Pharma",
    "Initech",
    "Jizera Glass",
    "Krkonoše Timber",
    "Lumen Energy",
    "Moravia Bank",
    "Northwind",
    "Orlík Water",
    "Praha Media",
    "Quantum Retail",
    "Rivet Works",
    "Šumava Outdoor",
    "Tatra Motors",
)
OFFERINGS = (
    "CRM licences",
    "support renewal",
    "data migration",
    "onboarding workshop",
    "annual subscription",
    "hardware refresh",
    "security audit",
    "pilot project",
    "integration services",
    "training days",
)


@dataclass(frozen=True)
class Seeded:
    """What the load needs to know about the seeded workspace."""

    team_id: str
    deals: int
    seconds: float
    # (deal id, stage id) of every open deal, in a shuffled order: one "Next
    # stage" click each, as a rep would see them on the deal's card.
    open_deals: list[tuple[int, int]]


@contextmanager
def scratch_database(folder: Path, base_url: str | None) -> Iterator[str]:
    """The URL of an empty database for one run, removed afterwards.

    Without ``base_url`` it is a SQLite file in ``folder``; with a PostgreSQL
    ``base_url`` it is a new database on that server, dropped at the end.
    """
    if not base_url:
        yield f"sqlite:///{folder / 'bench.db'}"
        return
    name = f"dealbot_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield (
            make_url(base_url).set(database=name).render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def seed(url: str, team_id: str, count: int) -> Seeded:
    """Migrate the database at ``url`` and give ``team_id`` ``count`` deals."""
    started = time.perf_counter()
    migrations.upgrade(url)
    engine = make_engine(url)
    try:
        with transaction(make_session_factory(engine)) as session:
            get_workspace(session, team_id)
            stages = _Stages.of(pipeline(session, team_id))

        rng = random.Random(SEED)
        open_deals: list[tuple[int, int]] = []
        with engine.begin() as connection:
            for first in range(1, count + 1, BATCH):
                numbers = range(first, min(first + BATCH, count + 1))
                open_deals += _insert_batch(connection, team_id, stages, numbers, rng)
            connection.execute(
                update(Workspace)
                .where(Workspace.team_id == team_id)
                .values(next_deal_number=count + 1)
            )
    finally:
        engine.dispose()

    rng.shuffle(open_deals)
    return Seeded(team_id, count, time.perf_counter() - started, open_deals)


@dataclass(frozen=True)
class _Stages:
    """The ids of a workspace's pipeline, as the seed picks from them."""

    open_ids: tuple[int, ...]
    won_id: int
    lost_id: int

    @classmethod
    def of(cls, stages: list[Stage]) -> _Stages:
        def ids(kind: str) -> list[int]:
            return [stage.id for stage in stages if stage.kind == kind]

        return cls(tuple(ids(OPEN)), ids(WON)[0], ids(LOST)[0])

    def pick(self, rng: random.Random) -> int:
        """A stage for a new deal, weighted like a living pipeline."""
        weights = [
            OPEN_WEIGHTS[i] if i < len(OPEN_WEIGHTS) else 1
            for i in range(len(self.open_ids))
        ]
        candidates = [*self.open_ids, self.won_id, self.lost_id]
        return rng.choices(candidates, [*weights, WON_WEIGHT, LOST_WEIGHT])[0]

    def previous(self, stage_id: int, rng: random.Random) -> int | None:
        """Where a deal in ``stage_id`` came from: the open stage before it, the
        last open stage before Won, any open stage before Lost."""
        if stage_id in self.open_ids:
            index = self.open_ids.index(stage_id)
            return self.open_ids[index - 1] if index else None
        if stage_id == self.won_id:
            return self.open_ids[-1]
        return rng.choice(self.open_ids)


def _insert_batch(
    connection: Connection,
    team_id: str,
    stages: _Stages,
    numbers: range,
    rng: random.Random,
) -> list[tuple[int, int]]:
    """Insert the deals numbered ``numbers`` and one stage change for each.

    Returns (deal id, stage id) of the open ones.
    """
    now = datetime.now(UTC)
    deals = [_deal_row(team_id, number, stages, rng, now) for number in numbers]
    connection.execute(insert(Deal.__table__), deals)

    ids = dict(
        connection.execute(
            select(Deal.number, Deal.id).where(
                Deal.team_id == team_id, Deal.number.between(numbers[0], numbers[-1])
            )
        ).all()
    )
    changes = [_change_row(deal, ids[deal["number"]], stages, rng) for deal in deals]
    connection.execute(insert(StageChange.__table__), changes)

    return [
        (ids[deal["number"]], deal["stage_id"])
        for deal in deals
        if deal["stage_id"] in stages.open_ids
    ]


def _deal_row(
    team_id: str, number: int, stages: _Stages, rng: random.Random, now: datetime
) -> dict:
    """One deal as a row of ``deals``: a customer, an amount, an owner, a stage."""
    stage_id = stages.pick(rng)
    currency, scale = _pick_currency(rng)
    customer = rng.choice(COMPANIES)
    name = f"{customer} {rng.choice(OFFERINGS)} {2024 + number % 3}"
    owner = rng.choice(REPS).user_id
    created = now - timedelta(days=rng.uniform(20, 400))
    entered = created + (now - created) * rng.uniform(0.1, 0.95)
    return {
        "team_id": team_id,
        "number": number,
        "name": name,
        "name_folded": _folded(name),
        "customer": customer,
        "value": Decimal(rng.randint(100, 100 * scale)) / 100,
        "currency": currency,
        "owner_id": owner,
        "close_date": _close_date(stage_id in stages.open_ids, entered, rng),
        "description": f"RFQ {number}: {rng.choice(OFFERINGS)} for {customer}.",
        "stage_id": stage_id,
        "stage_entered_at": entered,
        "lost_reason": "Price" if stage_id == stages.lost_id else None,
        "created_by": owner,
        "created_at": created,
        "updated_at": entered,
        "thread_channel": None,
        "thread_ts": None,
    }


def _change_row(deal: dict, deal_id: int, stages: _Stages, rng) -> dict:
    """The move that brought the deal into its current stage, made by its owner."""
    return {
        "team_id": deal["team_id"],
        "deal_id": deal_id,
        "from_stage_id": stages.previous(deal["stage_id"], rng),
        "to_stage_id": deal["stage_id"],
        "actor_id": deal["owner_id"],
        "reason": deal["lost_reason"],
        "at": deal["stage_entered_at"],
    }


@cache
def _folded(name: str) -> str:
    """``fold`` of a name; the seed repeats a few hundred names many times."""
    return fold(name)


def _pick_currency(rng: random.Random) -> tuple[str, int]:
    """A currency and the typical size of a deal in it, in whole units."""
    code, _, scale = rng.choices(CURRENCIES, [c[1] for c in CURRENCIES])[0]
    return code, scale


def _close_date(is_open: bool, entered: datetime, rng: random.Random) -> date | None:
    """Open deals expect to close in the coming months; closed ones did close."""
    if not is_open:
        return entered.date()
    if rng.random() < 0.1:
        return None
    return (entered + timedelta(days=rng.randint(14, 180))).date()
