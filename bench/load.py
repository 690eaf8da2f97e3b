"""Concurrent signed requests over HTTP, timed from send to acknowledgement.

Each client thread keeps one keep-alive connection and sends its share of the
bodies one after another: the next request leaves when the last one was
acknowledged (a closed loop) and, given a ``rate``, not before its turn in an
even schedule of ``rate`` requests a second across all clients. A request is
timed from handing the signed body to the socket until the whole response has
been read: what Slack waits for before its 3 seconds run out. Signing happens
before the clock starts.
"""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.fakeslack import signature

FORM_TYPE = "application/x-www-form-urlencoded"
TIMEOUT_SECONDS = 30
NO_ANSWER = "no answer"


@dataclass(frozen=True)
class Latencies:
    """The answer times of one batch of requests, and what went wrong.

    Every HTTP answer is timed, a refusal too (Bolt answers 404 when a listener
    has not acked within 3 seconds): leaving those out would flatter the
    percentiles. ``failures`` counts the answers other than 200 by status, and
    requests that got no answer at all under ``"no answer"``.
    """

    seconds: list[float]
    failures: Counter[int | str]
    wall_seconds: float

    @property
    def failed(self) -> int:
        return self.failures.total()

    def percentile_ms(self, percent: int) -> float:
        if len(self.seconds) < 2:
            return 1000 * (self.seconds[0] if self.seconds else float("nan"))
        cuts = statistics.quantiles(self.seconds, n=100, method="inclusive")
        return 1000 * cuts[percent - 1]

    @property
    def p50_ms(self) -> float:
        return self.percentile_ms(50)

    @property
    def p99_ms(self) -> float:
        return self.percentile_ms(99)

    @property
    def max_ms(self) -> float:
        return 1000 * max(self.seconds, default=float("nan"))

    @property
    def per_second(self) -> float:
        return len(self.seconds) / self.wall_seconds if self.wall_seconds else 0.0


@dataclass
class _Share:
    """One client thread's bodies and what became of them."""

    bodies: list[bytes]
    seconds: list[float] = field(default_factory=list)
    failures: Counter[int | str] = field(default_factory=Counter)


def fire(
    url: str,
    bodies: list[bytes],
    concurrency: int,
    secret: str,
    rate: float | None = None,
) -> Latencies:
    """POST every body to ``url`` from ``concurrency`` threads; time each ack.

    Without a ``rate`` each client sends as soon as its last request was
    acknowledged; with one, the clients together send at most ``rate`` a second.
    """
    shares = [_Share(bodies[i::concurrency]) for i in range(concurrency)]
    ready = threading.Barrier(concurrency + 1)
    threads = [
        threading.Thread(
            target=_client,
            args=(url, share, secret, ready, _schedule(i, concurrency, rate)),
            name=f"client-{i}",
        )
        for i, share in enumerate(shares)
    ]
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started

    seconds = sorted(s for share in shares for s in share.seconds)
    failures = sum((share.failures for share in shares), Counter())
    return Latencies(seconds, failures, wall)


def _schedule(client: int, concurrency: int, rate: float | None):
    """(offset, interval) in seconds of one client's turns, or None: no pacing."""
    if not rate:
        return None
    return client / rate, concurrency / rate


def _client(url: str, share: _Share, secret: str, ready, schedule) -> None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=TIMEOUT_SECONDS
    )
    ready.wait()
    started = time.perf_counter()
    for turn, body in enumerate(share.bodies):
        if schedule is not None:
            offset, interval = schedule
            _sleep_until(started + offset + turn * interval)
        headers = _signed_headers(body, secret)
        began = time.perf_counter()
        try:
            connection.request("POST", parts.path, body, headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            connection.close()  # reopened by the next request
            share.failures[NO_ANSWER] += 1
            continue
        share.seconds.append(time.perf_counter() - began)
        if response.status != 200:
            share.failures[response.status] += 1
    connection.close()


def _sleep_until(moment: float) -> None:
    delay = moment - time.perf_counter()
    if delay > 0:
        time.sleep(delay)


def _signed_headers(body: bytes, secret: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    return {
        "Content-Type": FORM_TYPE,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(secret, timestamp, body),
    }
