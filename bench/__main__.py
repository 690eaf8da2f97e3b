"""``python -m bench``: run the ack latency and memory benchmark, print figures.

Figures are printed, never asserted: the aims (bot p99 within 1.3 times the bare
app's; under 200 MB resident with 100,000 deals) are there to compare against.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from sqlalchemy.engine import make_url

from .ack_latency import Options, run
from .report import render


def parse(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time Dealbot's acks against a bare Bolt app; measure memory.",
    )
    parser.add_argument(
        "--deals",
        type=int,
        default=10_000,
        help="deals to seed (default 10000; for the memory figure at 100000, "
        "--requests 200 keeps the run to a few minutes)",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=1_000,
        help="timed requests per kind and app (default 1000)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=100,
        help="untimed requests before each batch (default 100)",
    )
    parser.add_argument(
        "--concurrency", type=int, default=12, help="client threads (default 12)"
    )
    parser.add_argument(
        "--rate",
        type=float,
        help="send at most this many requests a second per batch (default: each "
        "client sends as soon as its last request was acknowledged)",
    )
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server URL to create the run's database on, e.g. "
        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres "
        "(default: a SQLite file in a temporary folder)",
    )
    args = parser.parse_args(argv)
    if min(args.deals, args.requests, args.concurrency) < 1 or args.warmup < 0:
        parser.error("--deals, --requests and --concurrency must be at least 1")
    if args.rate is not None and args.rate <= 0:
        parser.error("--rate must be positive")
    if args.database_url and not args.database_url.startswith("postgresql+psycopg"):
        parser.error("--database-url must start with postgresql+psycopg://")
    return Options(
        deals=args.deals,
        requests=args.requests,
        warmup=args.warmup,
        concurrency=args.concurrency,
        rate=args.rate,
        database_url=args.database_url,
    )


def command_line(argv: list[str]) -> str:
    """The command as typed, with any database password hidden."""
    return shlex.join(["python", "-m", "bench", *map(_without_password, argv)])


def _without_password(arg: str) -> str:
    option, equals, value = ("", "", arg)
    if arg.startswith("--"):
        option, equals, value = arg.partition("=")
    if "://" not in value:
        return arg
    return option + equals + make_url(value).render_as_string(hide_password=True)


def main(argv: list[str]) -> None:
    options = parse(argv)
    print(render(run(options), command_line(argv)))


if __name__ == "__main__":
    main(sys.argv[1:])
