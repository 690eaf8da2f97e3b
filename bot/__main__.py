"""``python -m bot``: check the settings, migrate, and serve."""

from __future__ import annotations

import logging
import os
import sys

from slack_bolt.error import BoltError
from sqlalchemy.exc import SQLAlchemyError

from .settings import ConfigError, Settings

EXIT_CONFIG = 2


def fail(line: str) -> None:
    sys.stderr.write(f"dealbot: {line}\n")
    sys.exit(EXIT_CONFIG)


def main() -> None:
    try:
        settings = Settings.from_env(os.environ)
    except ConfigError as error:
        fail(str(error))
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # APScheduler reports every run at INFO; the outbox runs every few seconds.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)

    from .app import create_dealbot
    from .server import AppTokenRefused, serve_http, serve_socket_mode

    try:
        dealbot = create_dealbot(settings)
    except SQLAlchemyError as error:
        fail(
            f"DATABASE_URL: cannot open the database ({type(error).__name__}); "
            "check the URL and that the server is running"
        )
    except BoltError:
        fail(
            "SLACK_BOT_TOKEN was refused by Slack (auth.test failed): copy the bot "
            "token again from your app's OAuth & Permissions page"
        )
    except OSError as error:
        fail(
            f"SLACK_API_URL: cannot reach Slack's Web API ({error.__class__.__name__})"
        )

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
    except KeyboardInterrupt:
        pass
    finally:
        dealbot.close()


if __name__ == "__main__":
    main()
