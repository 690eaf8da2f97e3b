"""Small pieces of wording shared by several builders."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from .i18n import Localizer
from .text import escape, escaped_cut


def stage_label(stage, loc: Localizer) -> str:
    """A stage's name for this reader.

    The default stages are stored under their English names, which are msgids,
    so a Czech reader sees them in Czech; a name a team typed itself has no
    translation and is shown as typed.
    """
    return loc._(stage.name)


def labeled(label: str, value: str, separator: str = "\n") -> str:
    """A bold label and its value, as deal fields are shown."""
    return f"*{label}*{separator}{value}"


def user(user_id: str | None) -> str:
    """A Slack mention of a user id we stored ourselves (never typed text)."""
    return f"<@{user_id}>" if user_id else "—"


def deal_title(deal, limit: int = 200) -> str:
    return f"{deal.ref} {escaped_cut(deal.name, limit)}"


def money(loc: Localizer, amount: Decimal, currency: str) -> str:
    return escape(loc.money(amount, currency))


def totals_line(loc: Localizer, rows) -> str:
    """``€12,500.00 · 250 000,00 Kč`` from (amount, currency) pairs, per currency."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for amount, currency in rows:
        totals[currency] += amount
    return " · ".join(loc.money(total, code) for code, total in sorted(totals.items()))


def stage_change_line(change, loc: Localizer) -> str:
    """One stage change as the card and the history show it: from, to, who, when."""
    when = loc.datetime(change.at)
    to = escape(stage_label(change.to_stage, loc))
    if change.from_stage is None:
        line = loc._(
            "Created in %(stage)s by %(user)s, %(when)s",
            stage=to,
            user=user(change.actor_id),
            when=when,
        )
    else:
        line = loc._(
            "%(from)s → %(to)s by %(user)s, %(when)s",
            **{"from": escape(stage_label(change.from_stage, loc))},
            to=to,
            user=user(change.actor_id),
            when=when,
        )
    if change.reason:
        line += " · " + escaped_cut(change.reason, 300)
    return line
