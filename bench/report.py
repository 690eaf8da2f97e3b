"""The figures of a run as a compact table, ready to paste into an issue."""

from __future__ import annotations

from collections import Counter

from .ack_latency import BARE, BOT, KINDS, Batch, Result

P99_AIM = 1.3
RSS_AIM_MB = 200


def render(result: Result, command: str) -> str:
    """The whole report: what ran, the latency table, ratios, memory, checks."""
    return "\n".join(
        [
            _title(result),
            f"command: {command}",
            "",
            *_table(result.batches),
            *_failures(result.batches),
            "",
            _ratios(result.batches),
            *_answers(result),
            _memory(result),
            _checks(result),
        ]
    )


def _title(result: Result) -> str:
    options = result.options
    pace = f" at {options.rate:g}/s" if options.rate else " as fast as acked"
    return (
        f"Dealbot ack latency: {options.deals:,} deals on {result.backend}, "
        f"{options.requests:,} requests per kind and app (+{options.warmup:,} "
        f"warm-up, not counted) from {options.concurrency} clients{pace}"
    )


def _table(batches: list[Batch]) -> list[str]:
    header = f"{'request':<12}{'app':<11}{'p50 ms':>8}{'p99 ms':>9}{'max ms':>9}"
    header += f"{'acks/s':>9}{'failed':>8}"
    rows = [header]
    for batch in batches:
        times = batch.latencies
        rows.append(
            f"{batch.kind:<12}{batch.app:<11}{times.p50_ms:>8.1f}{times.p99_ms:>9.1f}"
            f"{times.max_ms:>9.1f}{times.per_second:>9,.0f}{times.failed:>8,}"
        )
    return rows


def _failures(batches: list[Batch]) -> list[str]:
    """What the failed requests got, e.g. Bolt's 404 after its 3 s ack timeout."""
    lines = []
    for batch in batches:
        if batch.latencies.failed:
            counts = ", ".join(
                f"{n:,} x {'HTTP ' if isinstance(what, int) else ''}{what}"
                for what, n in batch.latencies.failures.most_common()
            )
            lines.append(f"{batch.app} {batch.kind} failed: {counts}")
    return lines


def _ratios(batches: list[Batch]) -> str:
    parts = []
    for kind in KINDS:
        bot, bare = _find(batches, kind, BOT), _find(batches, kind, BARE)
        ratio = bot.latencies.p99_ms / bare.latencies.p99_ms
        parts.append(f"{kind} {ratio:.2f}")
    return f"p99 {BOT} / {BARE}: " + ", ".join(parts) + f" (aim <= {P99_AIM})"


def _answers(result: Result) -> list[str]:
    """How fast the bot got through the work behind its acks."""
    lines = []
    for batch in result.batches:
        if batch.answered is None:
            continue
        rate = batch.answered / batch.answer_seconds if batch.answer_seconds else 0
        lines.append(
            f"{BOT} answered {batch.kind}: {batch.answered:,} of "
            f"{result.options.requests:,} at their response_urls "
            f"in {batch.answer_seconds:.1f} s ({rate:,.1f}/s)"
        )
    return lines


def _memory(result: Result) -> str:
    return (
        f"{BOT} resident memory: {result.bot_rss_start_mb:.0f} MB at start, "
        f"peak {result.bot_peak_rss_mb:.0f} MB (VmHWM; aim < {RSS_AIM_MB} MB "
        "with 100,000 deals)"
    )


def _checks(result: Result) -> str:
    slack = result.slack
    calls = ", ".join(f"{m} {n:,}" for m, n in sorted(slack.api_calls.items()))
    line = (
        f"seeded {result.seeded.deals:,} deals in {result.seeded.seconds:.1f} s; "
        f"fake Slack saw {calls}; {slack.refused} refused; "
        f"whole run {result.seconds:.0f} s"
    )
    if slack.problems:
        line += "\n  first problems: " + "; ".join(slack.problems)
    line += f"\n{BOT} logged {len(result.bot_errors)} errors"
    # The same error at different times is one kind: drop the date and time.
    kinds = Counter(error.split(" ", 2)[-1] for error in result.bot_errors)
    for error, count in kinds.most_common(3):
        line += f"\n  {count:,} x {error}"
    return line


def _find(batches: list[Batch], kind: str, app: str) -> Batch:
    return next(b for b in batches if b.kind == kind and b.app == app)
