"""Sessions: writers queue for SQLite's lock, readers never wait for it."""

from __future__ import annotations

import threading

from sqlalchemy import select

from models import Workspace, get_workspace, transaction
from models.db import make_read_session_factory


def test_a_reader_is_not_held_up_by_an_open_write_transaction(
    engine, sessions, team_id
):
    readers = make_read_session_factory(engine)
    writer_holds_lock = threading.Event()
    release = threading.Event()

    def writer():
        with transaction(sessions) as session:
            get_workspace(session, team_id).default_currency = "CZK"
            session.flush()
            writer_holds_lock.set()
            release.wait(timeout=10)

    thread = threading.Thread(target=writer)
    thread.start()
    writer_holds_lock.wait(timeout=10)
    try:
        with transaction(readers) as session:
            currency = session.scalar(
                select(Workspace.default_currency).where(Workspace.team_id == team_id)
            )
    finally:
        release.set()
        thread.join()

    assert currency == "EUR"  # the writer's change was not committed yet
