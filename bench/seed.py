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
from models.stages import LOST, OPEN, WON

from .cast import REPS

BATCH = 5_000
SEED = 20_250_505

# How a living pipeline is spread: most deals open, the rest won or lost.
OPEN_WEIGHTS = (30, 20, 14, 10)  # per open stage, in pipeline order
WON_WEIGHT = 15
LOST_WEIGHT = 11
CURRENCIES = (("EUR", 50, 40_000), ("CZK", 35, 1_000_000), ("USD", 15, 45_000))

COMPANIES = (
    "Acme", "Bohemia Steel", "Contoso", "Danube Logistics", "Elbe Foods",
    "Fabrikam", "Globex", "Hradec Pharma", "Initech", "Jizera Glass",
    "Krkonoše Timber", "Lumen Energy", "Moravia Bank", "Northwind", "Orlík Water",
    "Praha Media", "Quantum Retail", "Rivet Works", "Šumava Outdoor", "Tatra Motors",
)
OFFERINGS = (
    "CRM licences", "support renewal", "data migration", "onboarding workshop",
    "annual subscription", "hardware refresh", "security audit", "pilot project",
    "integration services", "training days",
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
        yield make_url(base_url).set(database=name).render_as_string(
            hide_password=False
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
            stages = [(s.id, s.kind) for s in pipeline(session, team_id)]

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


def _insert_batch(
    connection: Connection, team_id: str, stages, numbers: range, rng: random.Random
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

    kinds = dict(stages)
    return [
        (ids[deal["number"]], deal["stage_id"])
        for deal in deals
        if kinds[deal["stage_id"]] == OPEN
    ]


def _deal_row(team_id, number, stages, rng: random.Random, now: datetime) -> dict:
    """One deal as a row of ``deals``: a customer, an amount, an owner, a stage."""
    stage_id, kind = _pick_stage(stages, rng)
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
        "name_folded": fold(name),
        "customer": customer,
        "value": Decimal(rng.randint(1, 100 * scale)) / 100,
        "currency": currency,
        "owner_id": owner,
        "close_date": _close_date(kind, entered, rng),
        "description": f"RFQ #{number}: {rng.choice(OFFERINGS)} for {customer}.",
        "stage_id": stage_id,
        "stage_entered_at": entered,
        "lost_reason": "Price" if kind == LOST else None,
        "created_by": owner,
        "created_at": created,
        "updated_at": entered,
        "thread_channel": None,
        "thread_ts": None,
    }


def _change_row(deal: dict, deal_id: int, stages, rng: random.Random) -> dict:
    """The move that brought the deal into its current stage, by its owner."""
    open_ids = [stage_id for stage_id, kind in stages if kind == OPEN]
    stage_id = deal["stage_id"]
    if stage_id in open_ids:
        index = open_ids.index(stage_id)
        from_id = open_ids[index - 1] if index else None
    else:
        from_id = open_ids[-1] if stage_id == _stage_of(stages, WON) else None
        from_id = from_id or rng.choice(open_ids)
    return {
        "team_id": deal["team_id"],
        "deal_id": deal_id,
        "from_stage_id": from_id,
        "to_stage_id": stage_id,
        "actor_id": deal["owner_id"],
        "reason": deal["lost_reason"],
        "at": deal["stage_entered_at"],
    }


def _pick_stage(stages, rng: random.Random) -> tuple[int, str]:
    open_stages = [s for s in stages if s[1] == OPEN]
    weights = list(OPEN_WEIGHTS[: len(open_stages)])
    weights += [1] * (len(open_stages) - len(weights))
    candidates = open_stages + [(_stage_of(stages, WON), WON)]
    candidates.append((_stage_of(stages, LOST), LOST))
    return rng.choices(candidates, weights + [WON_WEIGHT, LOST_WEIGHT])[0]


def _pick_currency(rng: random.Random) -> tuple[str, int]:
    """A currency and the typical size of a deal in it, in whole units."""
    code, _, scale = rng.choices(CURRENCIES, [c[1] for c in CURRENCIES])[0]
    return code, scale


def _close_date(kind: str, entered: datetime, rng: random.Random) -> date | None:
    """Open deals expect to close in the coming months; closed ones did close."""
    if kind != OPEN:
        return entered.date()
    if rng.random() < 0.1:
        return None
    return (entered + timedelta(days=rng.randint(14, 180))).date()


def _stage_of(stages, kind: str) -> int:
    return next(stage_id for stage_id, each in stages if each == kind)
