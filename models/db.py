"""Engines and sessions: SQLite tuned for concurrent use, or PostgreSQL."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15_000
READ_ONLY = "dealbot_read_only"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _tune_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy issue BEGIN so that "BEGIN IMMEDIATE" below takes effect.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # A transaction that may write takes the write lock up front: a deferred
        # one that reads and then writes can fail with "database is locked"
        # instead of waiting its turn. Read-only work needs no lock under WAL.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for work that only reads (typeahead): on SQLite they never wait
    behind a writer."""
    return sessionmaker(
        engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
    )


@contextmanager
def transaction(factory: sessionmaker[Session]):
    """A session whose work is committed on success and rolled back on error."""
    with _writers_in_turn(factory.kw.get("bind")), factory() as session:
        with session.begin():
            yield session


_WRITER_LOCKS: WeakKeyDictionary = WeakKeyDictionary()


@contextmanager
def _writers_in_turn(bind):
    """On SQLite, this process's writers queue for each other here.

    SQLite lets one writer in at a time and makes the others poll with growing
    sleeps, which starves some of them under load (seconds at the 99th
    percentile); a lock in the process hands the turn on at once instead.
    Re-entrant, so a transaction opened inside another on the same thread does
    not wait for itself.
    """
    if (
        bind is None
        or bind.dialect.name != "sqlite"
        or bind.get_execution_options().get(READ_ONLY)
    ):
        yield
        return
    with _WRITER_LOCKS.setdefault(bind.pool, threading.RLock()):
        yield


def ping(engine: Engine) -> bool:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return True
