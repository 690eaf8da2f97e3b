"""``python -m bot``: check the settings, migrate, and serve.

Every way the start can fail because of the setup (a setting, the database, a
token, the port) ends in one line naming what to fix, and exit status 2.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys

from slack_bolt.error import BoltError
from sqlalchemy.exc import SQLAlchemyError

from .settings import ConfigError, Settings

EXIT_CONFIG = 2


def fail(line: str) -> None:
    sys.stderr.write(f"dealbot: {line}\n")
    sys.exit(EXIT_CONFIG)


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # APScheduler reports every run at INFO, and the outbox runs every few
    # seconds; Alembic lists its plugins at INFO on every start.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def check_port(settings: Settings) -> None:
    """Find a taken port before migrating and starting jobs, not after."""
    if settings.socket_mode:
        return
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0", settings.port))
        except OSError as error:
            fail(
                f"PORT {settings.port} cannot be served ({error.strerror}); choose "
                "another port or stop what uses it"
            )


def migrate(settings: Settings) -> None:
    import migrations

    try:
        migrations.upgrade(settings.database_url)
    except (SQLAlchemyError, OSError) as error:
        fail(
            f"DATABASE_URL: cannot open the database ({type(error).__name__}); "
            "check the URL, that the folder exists and that the server is running"
        )


def start(settings: Settings):
    from .app import create_dealbot

    try:
        return create_dealbot(settings)
    except SQLAlchemyError as error:
        fail(f"DATABASE_URL: cannot use the database ({type(error).__name__})")
    except BoltError:
        fail(
            "SLACK_BOT_TOKEN was refused by Slack (auth.test failed): copy the bot "
            "token again from your app's OAuth & Permissions page"
        )
    except OSError as error:
        fail(f"SLACK_API_URL: cannot reach Slack's Web API ({type(error).__name__})")


def serve(settings: Settings, dealbot) -> None:
    from .server import AppTokenRefused, serve_http, serve_socket_mode

    try:
        if settings.socket_mode:
            serve_socket_mode(dealbot, settings.app_token)
        else:
            serve_http(dealbot, settings.port)
    except AppTokenRefused as refusal:
        fail(
            f"SLACK_APP_TOKEN was refused by Slack ({refusal.error}): copy the "
            "app-level token (xapp-...) again from your app's Basic Information "
            "page; it needs the connections:write scope"
        )
    except OSError as error:
        fail(
            f"PORT {settings.port} cannot be served ({error.strerror}); choose "
            "another port or stop what uses it"
        )


def main() -> None:
    try:
        settings = Settings.from_env(os.environ)
    except ConfigError as error:
        fail(str(error))
    # The settings hold the secrets now; nothing else (Bolt included, which would
    # otherwise pick the bot token up a second time) should read them.
    for secret in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        os.environ.pop(secret, None)
    configure_logging(settings.log_level)
    # A stop from the process manager ends the process like Ctrl-C: cleanly.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    check_port(settings)
    migrate(settings)
    dealbot = start(settings)
    try:
        serve(settings, dealbot)  # waitress returns on a stop; Socket Mode raises
    except KeyboardInterrupt:
        pass
    finally:
        dealbot.close()
    logging.getLogger("bot").info("Stopped")


if __name__ == "__main__":
    main()
