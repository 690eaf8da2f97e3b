"""The app factory: one database, one Web API client, the Bolt app and its jobs."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from sqlalchemy import Engine

import handlers
from models import make_engine, make_session_factory
from models.db import make_read_session_factory
from scheduler import Jobs

from .people import People
from .settings import Settings

logger = logging.getLogger(__name__)

# Listener threads only ack and hand the rest to the work pool, so few suffice;
# the work pool bounds how many requests touch the database at once.
LISTENER_THREADS = 16
WORK_THREADS = 8
SLACK_TIMEOUT_SECONDS = 10


@dataclass
class Dealbot:
    """Everything one running bot process holds."""

    app: App
    engine: Engine
    jobs: Jobs
    work_pool: ThreadPoolExecutor

    def close(self) -> None:
        self.jobs.stop()
        self.work_pool.shutdown(wait=True)
        self.engine.dispose()


def web_client(settings: Settings) -> WebClient:
    client = WebClient(
        token=settings.bot_token,
        base_url=settings.api_url or WebClient.BASE_URL,
        timeout=SLACK_TIMEOUT_SECONDS,
    )
    # Handlers retry a rate limit once; the outbox sender does its own retrying.
    client.retry_handlers = [
        ConnectionErrorRetryHandler(max_retry_count=1),
        RateLimitErrorRetryHandler(max_retry_count=1),
    ]
    return client


def create_dealbot(settings: Settings) -> Dealbot:
    """Build the app on a migrated database and start its jobs."""
    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)

    client = web_client(settings)
    app = App(
        client=client,
        signing_secret=settings.signing_secret or "socket-mode",
        listener_executor=ThreadPoolExecutor(
            max_workers=LISTENER_THREADS, thread_name_prefix="listener"
        ),
    )
    sender_client = WebClient(
        token=settings.bot_token,
        base_url=client.base_url,
        timeout=SLACK_TIMEOUT_SECONDS,
    )
    people = People(sessions, client)
    work_pool = ThreadPoolExecutor(max_workers=WORK_THREADS, thread_name_prefix="work")
    jobs = Jobs(sessions, sender_client, people, settings)
    runtime = handlers.Runtime(
        sessions=sessions,
        people=people,
        wake_outbox=jobs.wake_outbox,
        default_channel=settings.channel_id,
        read_sessions=make_read_session_factory(engine),
        work_pool=work_pool,
    )
    handlers.register_all(app, runtime)
    jobs.start()
    logger.info("Dealbot is ready (database: %s)", engine.url.get_backend_name())
    return Dealbot(app=app, engine=engine, jobs=jobs, work_pool=work_pool)
