"""Settings from the environment, checked once at start.

A missing or malformed variable raises ``ConfigError`` naming the variable and what
to do; ``python -m bot`` prints that one line and exits with status 2.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DATABASE_URL = "sqlite:///dealbot.db"
DEFAULT_PORT = 3000
DEFAULT_REMINDER_SCAN_SECONDS = 60
CHANNEL_ID = re.compile(r"[CG][A-Z0-9_]{2,}")


class ConfigError(Exception):
    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable} {problem}")
        self.variable = variable


@dataclass(frozen=True)
class Settings:
    bot_token: str
    signing_secret: str | None
    app_token: str | None
    api_url: str | None
    database_url: str
    port: int
    channel_id: str | None
    reminder_scan_seconds: int
    log_level: str
    outbox_poll_seconds: float = 2.0

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        app_token = get("SLACK_APP_TOKEN")
        if app_token is not None and not app_token.startswith("xapp-"):
            raise ConfigError(
                "SLACK_APP_TOKEN", "must be an app-level token starting with xapp-"
            )
        return cls(
            bot_token=_bot_token(get("SLACK_BOT_TOKEN")),
            signing_secret=_signing_secret(get("SLACK_SIGNING_SECRET"), app_token),
            app_token=app_token,
            api_url=_api_url(get("SLACK_API_URL")),
            database_url=_database_url(get("DATABASE_URL") or DEFAULT_DATABASE_URL),
            port=_whole_number("PORT", get("PORT"), DEFAULT_PORT, 1, 65535),
            channel_id=_channel(get("DEALBOT_CHANNEL")),
            reminder_scan_seconds=_whole_number(
                "REMINDER_SCAN_SECONDS",
                get("REMINDER_SCAN_SECONDS"),
                DEFAULT_REMINDER_SCAN_SECONDS,
                1,
                86_400,
            ),
            log_level=_log_level(get("LOG_LEVEL") or "INFO"),
            outbox_poll_seconds=float(
                _whole_number(
                    "DEALBOT_OUTBOX_POLL_MS",
                    get("DEALBOT_OUTBOX_POLL_MS"),
                    2000,
                    50,
                    600_000,
                )
            )
            / 1000,
        )


def _bot_token(value: str | None) -> str:
    if value is None:
        raise ConfigError(
            "SLACK_BOT_TOKEN",
            "is not set: copy the Bot User OAuth Token (xoxb-...) from your Slack "
            "app's OAuth & Permissions page",
        )
    if not value.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN", "must be a bot token starting with xoxb-")
    return value


def _signing_secret(value: str | None, app_token: str | None) -> str | None:
    if value is None and app_token is None:
        raise ConfigError(
            "SLACK_SIGNING_SECRET",
            "is not set: copy the Signing Secret from your Slack app's Basic "
            "Information page (or set SLACK_APP_TOKEN for Socket Mode)",
        )
    return value


def _api_url(value: str | None) -> str | None:
    if value is None:
        return None
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(
            "SLACK_API_URL", "must be an http(s) URL, e.g. https://slack.com/api/"
        )
    return value if value.endswith("/") else value + "/"


def _database_url(value: str) -> str:
    try:
        url = make_url(value)
    except ArgumentError as error:
        raise ConfigError(
            "DATABASE_URL",
            "is not a database URL: use e.g. sqlite:///dealbot.db or "
            "postgresql+psycopg://user@host/dbname",
        ) from error
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            "DATABASE_URL",
            "must point at SQLite (sqlite:///dealbot.db) or PostgreSQL "
            "(postgresql+psycopg://user@host/dbname)",
        )
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        raise ConfigError(
            "DATABASE_URL", "for PostgreSQL must start with postgresql+psycopg://"
        )
    return value


def _whole_number(
    name: str, value: str | None, default: int, low: int, high: int
) -> int:
    if value is None:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise ConfigError(name, f"must be a whole number from {low} to {high}")
    return int(value)


def _channel(value: str | None) -> str | None:
    if value is not None and not CHANNEL_ID.fullmatch(value):
        raise ConfigError(
            "DEALBOT_CHANNEL",
            "must be a channel id like C0123456789 (open the channel's details in "
            "Slack to copy it)",
        )
    return value


def _log_level(value: str) -> str:
    level = value.upper()
    if not isinstance(logging.getLevelName(level), int):
        raise ConfigError("LOG_LEVEL", "must be DEBUG, INFO, WARNING or ERROR")
    return level
