"""Fixtures shared by every test: a migrated database and a fresh workspace.

``TEST_DATABASE_URL`` (a PostgreSQL URL) runs everything on PostgreSQL, in a
database created for this run and dropped after it; otherwise a SQLite file in a
temporary folder. Each test gets its own workspace (team id), which is all the
isolation it needs: every row belongs to one workspace.
"""

from __future__ import annotations

import itertools
import os
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import migrations
from models import get_workspace, make_engine, make_session_factory, transaction

_team_numbers = itertools.count(1)


@contextmanager
def fresh_database(folder):
    """A URL of an empty database: a SQLite file in ``folder``, or a new PostgreSQL
    database beside ``TEST_DATABASE_URL``, dropped afterwards."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{folder / 'dealbot.db'}"
        return
    name = f"dealbot_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The database of the domain tests (the bot under test has its own)."""
    with fresh_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def engine(database_url):
    migrations.upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sessions(engine):
    return make_session_factory(engine)


@pytest.fixture
def team_id(sessions):
    """A new workspace with its default stages."""
    team = f"T{os.getpid()}X{next(_team_numbers)}"
    with transaction(sessions) as session:
        get_workspace(session, team)
    return team


@pytest.fixture
def session(sessions):
    """A session for one test; commits are the test's own business."""
    with sessions() as session:
        yield session
