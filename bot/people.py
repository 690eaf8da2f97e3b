"""Who a Slack user is to Dealbot: language, formats, time zone, admin rights.

Read from ``users.info`` (with the locale) once, then kept in the database and in
memory for a few hours, so a busy handler rarely waits on Slack for it.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from models import get_workspace, store_profile, transaction
from models.people import UserProfile
from ui.i18n import Localizer, language_of

logger = logging.getLogger(__name__)

MEMORY_TTL_SECONDS = 600


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str
    locale: str | None
    tz: str | None
    is_admin: bool
    workspace_language: str

    @property
    def language(self) -> str:
        return language_of(self.locale, self.workspace_language)

    def localizer(self) -> Localizer:
        return Localizer(self.language, self.locale, self.tz)


class People:
    def __init__(self, sessions, client: WebClient) -> None:
        self._sessions = sessions
        self._client = client
        self._memory: dict[tuple[str, str], tuple[float, Person]] = {}
        self._lock = threading.Lock()
        self._loading: dict[tuple[str, str], threading.Lock] = {}

    def get(
        self, team_id: str, user_id: str, client: WebClient | None = None
    ) -> Person:
        key = (team_id, user_id)
        with self._lock:
            cached = self._memory.get(key)
        if cached and time.monotonic() - cached[0] < MEMORY_TTL_SECONDS:
            return cached[1]

        # One users.info per person at a time: a user's first clicks often
        # arrive together, and the later ones can use what the first fetched.
        with self._lock:
            loading = self._loading.setdefault(key, threading.Lock())
        with loading:
            with self._lock:
                cached = self._memory.get(key)
            if cached and time.monotonic() - cached[0] < MEMORY_TTL_SECONDS:
                return cached[1]
            person = self._load(team_id, user_id, client or self._client)
            with self._lock:
                self._memory[key] = (time.monotonic(), person)
        return person

    def known(self, team_id: str, user_id: str) -> Person:
        """The person as Dealbot already knows them, never asking Slack.

        For answers that must go out at once (typeahead options): from memory,
        else the stored profile, however old, else the workspace's language.
        """
        with self._lock:
            cached = self._memory.get((team_id, user_id))
        if cached:
            return cached[1]
        with transaction(self._sessions) as session:
            language = get_workspace(session, team_id).language
            profile = session.get(UserProfile, (team_id, user_id))
            if profile is None:
                return Person(user_id, user_id, None, None, False, language)
            person = _person(profile, language)
        with self._lock:
            self._memory[(team_id, user_id)] = (time.monotonic(), person)
        return person

    def forget(self, team_id: str) -> None:
        """Drop cached people of a workspace, e.g. after its language changed."""
        with self._lock:
            for key in [k for k in self._memory if k[0] == team_id]:
                del self._memory[key]

    def _load(self, team_id: str, user_id: str, client: WebClient) -> Person:
        with transaction(self._sessions) as session:
            language = get_workspace(session, team_id).language
            profile = session.get(UserProfile, (team_id, user_id))
            if profile is not None and profile.is_fresh():
                return _person(profile, language)

        fetched = self._fetch(user_id, client)
        with transaction(self._sessions) as session:
            if fetched is None:
                if profile is not None:
                    return _person(profile, language)
                return Person(user_id, user_id, None, None, False, language)
            profile = store_profile(session, team_id, user_id, **fetched)
            return _person(profile, language)

    def _fetch(self, user_id: str, client: WebClient) -> dict | None:
        try:
            user = client.users_info(user=user_id, include_locale=True)["user"]
        except SlackApiError as error:
            logger.warning(
                "users.info for %s failed: %s", user_id, error.response.get("error")
            )
            return None
        profile = user.get("profile") or {}
        return {
            "name": profile.get("display_name")
            or user.get("real_name")
            or user.get("name", ""),
            "locale": user.get("locale"),
            "tz": user.get("tz"),
            "is_admin": bool(
                user.get("is_admin")
                or user.get("is_owner")
                or user.get("is_primary_owner")
            ),
        }


def _person(profile: UserProfile, workspace_language: str) -> Person:
    return Person(
        user_id=profile.user_id,
        name=profile.name,
        locale=profile.locale,
        tz=profile.tz,
        is_admin=profile.is_admin,
        workspace_language=workspace_language,
    )
