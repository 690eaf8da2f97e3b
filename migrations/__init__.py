"""Alembic migrations; ``upgrade(url)`` brings a database to the newest schema.

Processes that start together migrate one at a time: PostgreSQL takes an advisory
lock inside the migration transaction (see env.py); a SQLite file is guarded by
an exclusive lock on a file beside it, since SQLite's DDL here is not
transactional.
"""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    with _sqlite_file_lock(url):
        command.upgrade(alembic_config(url), "head")


@contextmanager
def _sqlite_file_lock(url: str):
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
