"""A Bolt app that only acks: the baseline the bot's acks are compared with.

It is built and served as the bot is (the bot's settings, its Web API client,
its listener pool, waitress with the bot's thread count, the same signing
secret), so the difference between the two is the bot's own work. Run it with
``python -m bench.bare_app`` and the bot's environment variables.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import LISTENER_THREADS, web_client
from bot.server import EVENTS_PATH, HEALTH_PATH, HTTP_THREADS
from bot.settings import Settings
from ui import ids

HOST = "127.0.0.1"


def create_app(settings: Settings) -> App:
    """Listeners for ``/deal`` and the "Next stage" button that ack and stop."""
    app = App(
        client=web_client(settings),
        signing_secret=settings.signing_secret,
        listener_executor=ThreadPoolExecutor(
            max_workers=LISTENER_THREADS, thread_name_prefix="listener"
        ),
    )

    @app.command(ids.COMMAND)
    def deal_command(ack):
        ack()

    @app.action(ids.DEAL_NEXT_STAGE)
    def next_stage_clicked(ack):
        ack()

    return app


def wsgi_app(app: App):
    """``POST /slack/events`` to Bolt; ``GET /healthz`` answers 200."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ, start_response):
        if environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "application/json")])
            return [b'{"ok": true}']
        return slack(environ, start_response)

    return application


def main() -> None:
    from waitress import serve

    settings = Settings.from_env(os.environ)
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    serve(
        wsgi_app(create_app(settings)),
        host=HOST,
        port=settings.port,
        threads=HTTP_THREADS,
        ident="bare-bolt",
        clear_untrusted_proxy_headers=True,
    )


if __name__ == "__main__":
    main()
