"""The outbox: owed messages are claimed once, in order per deal, and retried."""

from __future__ import annotations

import threading
from datetime import timedelta

import time_machine
from sqlalchemy import select

from models import OutboxMessage, move_deal, pipeline, transaction
from models.outbox import claim_next, finish, retry_later
from tests.factories import ALICE, make_deal


def owed(sessions, team_id):
    with sessions() as session:
        return session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.team_id == team_id)
            .order_by(OutboxMessage.id)
        ).all()


def drain_other_teams(sessions, team_id):
    """Finish what earlier tests left, so claims below see only this team's."""
    with transaction(sessions) as session:
        for message in session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.done.is_(False), OutboxMessage.team_id != team_id
            )
        ):
            finish(session, message, "skipped")


def test_a_thread_reply_waits_for_the_message_that_starts_the_thread(sessions, team_id):
    with transaction(sessions) as session:
        deal = make_deal(session, team_id)
        move_deal(session, deal, pipeline(session, team_id)[1], ALICE)
    drain_other_teams(sessions, team_id)
    created, moved = owed(sessions, team_id)

    with sessions() as session:
        first = claim_next(session)
        second = claim_next(session)

    assert first == created.id
    assert second is None
    with transaction(sessions) as session:
        finish(session, session.get(OutboxMessage, first), "sent")
    with sessions() as session:
        assert claim_next(session) == moved.id


def test_a_claimed_message_is_not_claimed_again_until_its_lease_lapses(
    sessions, team_id
):
    with transaction(sessions) as session:
        make_deal(session, team_id)
    drain_other_teams(sessions, team_id)

    with sessions() as session:
        claimed = claim_next(session)
        assert claim_next(session) is None

    with time_machine.travel(timedelta(minutes=2)), sessions() as session:
        assert claim_next(session) == claimed


def test_concurrent_senders_claim_each_message_exactly_once(sessions, team_id):
    with transaction(sessions) as session:
        for number in range(12):
            make_deal(session, team_id, name=f"Deal {number}")
    drain_other_teams(sessions, team_id)
    claims: list[int] = []
    lock = threading.Lock()

    def sender():
        while True:
            with sessions() as session:
                message_id = claim_next(session)
            if message_id is None:
                return
            with lock:
                claims.append(message_id)
            with transaction(sessions) as session:
                finish(session, session.get(OutboxMessage, message_id), "sent")

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(claims) == [m.id for m in owed(sessions, team_id)]
    assert len(set(claims)) == 12


def test_retry_waits_then_gives_up_after_the_last_attempt(sessions, team_id):
    with transaction(sessions) as session:
        make_deal(session, team_id)
    drain_other_teams(sessions, team_id)

    with sessions() as session:
        message_id = claim_next(session)
    with transaction(sessions) as session:
        retry_later(session, session.get(OutboxMessage, message_id), 30, "ratelimited")
    with sessions() as session:
        assert claim_next(session) is None
    with time_machine.travel(timedelta(seconds=31)), sessions() as session:
        assert claim_next(session) == message_id

    with transaction(sessions) as session:
        message = session.get(OutboxMessage, message_id)
        message.attempts = 8
        retry_later(session, message, 30, "ratelimited")
    [message] = owed(sessions, team_id)
    assert (message.done, message.outcome, message.error) == (
        True,
        "failed",
        "ratelimited",
    )
