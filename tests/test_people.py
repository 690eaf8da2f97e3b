"""What Dealbot remembers of Slack users."""

from __future__ import annotations

import threading

from models import UserProfile, transaction
from models.people import store_profile


def test_storing_a_new_profile_twice_at_once_keeps_one_row(sessions, team_id):
    start = threading.Barrier(2)
    failures = []

    def store(locale):
        start.wait()
        try:
            with transaction(sessions) as session:
                store_profile(
                    session,
                    team_id,
                    "U_NEW",
                    name="New",
                    locale=locale,
                    tz="Europe/Prague",
                    is_admin=False,
                )
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            failures.append(error)

    threads = [
        threading.Thread(target=store, args=(loc,)) for loc in ("cs-CZ", "en-US")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    with sessions() as session:
        profile = session.get(UserProfile, (team_id, "U_NEW"))
    assert profile.locale in ("cs-CZ", "en-US")


def test_a_stored_profile_is_refreshed_in_place(sessions, team_id):
    with transaction(sessions) as session:
        store_profile(
            session, team_id, "U_X", name="X", locale="en-US", tz=None, is_admin=False
        )
    with transaction(sessions) as session:
        refreshed = store_profile(
            session,
            team_id,
            "U_X",
            name="X",
            locale="cs-CZ",
            tz="Europe/Prague",
            is_admin=True,
        )

        assert (refreshed.locale, refreshed.tz, refreshed.is_admin) == (
            "cs-CZ",
            "Europe/Prague",
            True,
        )
