"""Serving the app: HTTP behind waitress, or a Socket Mode connection."""

from __future__ import annotations

import json
import logging

from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from models import ping

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 16


class AppTokenRefused(Exception):
    """Slack would not open a Socket Mode connection with SLACK_APP_TOKEN."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


def wsgi_app(dealbot):
    """``POST /slack/events`` goes to Bolt; ``GET /healthz`` checks the database."""
    slack = SlackRequestHandler(dealbot.app, path=EVENTS_PATH)

    def application(environ, start_response):
        if environ.get("PATH_INFO") == HEALTH_PATH:
            return _health(dealbot, start_response)
        return slack(environ, start_response)

    return application


def _health(dealbot, start_response):
    try:
        ping(dealbot.engine)
        status, body = "200 OK", {"ok": True, "database": "up"}
    except SQLAlchemyError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        status, body = "503 Service Unavailable", {"ok": False, "database": "down"}
    start_response(status, [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]


def serve_http(dealbot, port: int) -> None:
    from waitress import serve

    logger.info("Serving HTTP on port %s", port)
    serve(
        wsgi_app(dealbot),
        host="0.0.0.0",
        port=port,
        threads=HTTP_THREADS,
        ident="dealbot",
        clear_untrusted_proxy_headers=True,
    )


def serve_socket_mode(dealbot, app_token: str) -> None:
    """Connect over a WebSocket and serve until the process is stopped.

    The first connection URL is asked for here rather than by the SDK's client,
    which would log a refusal as an error and raise it with a traceback: a
    refused token raises ``AppTokenRefused`` for ``python -m bot`` to report in
    one line. The client asks for fresh URLs itself when it reconnects.
    """
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    logger.info("Connecting in Socket Mode")
    try:
        url = dealbot.app.client.apps_connections_open(app_token=app_token)["url"]
    except SlackApiError as error:
        raise AppTokenRefused(error.response.get("error", "unknown")) from None
    handler = SocketModeHandler(dealbot.app, app_token=app_token)
    handler.client.wss_uri = url
    handler.start()
