"""What the pipeline channel sees: one top message per deal, changes in its thread."""

from __future__ import annotations

from .blocks import context, section
from .common import deal_title, labeled, money, stage_label, user
from .i18n import Localizer
from .text import escape, escaped_cut


def deal_summary(deal, loc: Localizer) -> tuple[str, list[dict]]:
    """The thread's top message, kept current: stage, value, owner, close date."""
    stage = escape(stage_label(deal.stage, loc))
    value = money(loc, deal.value, deal.currency)
    probability = loc.percent(deal.stage.probability)
    fields = [
        labeled(loc._("Stage") + ":", f"{stage} ({probability})", " "),
        labeled(loc._("Value") + ":", value, " "),
        labeled(loc._("Owner") + ":", user(deal.owner_id), " "),
        labeled(loc._("Expected close") + ":", loc.date(deal.close_date), " "),
    ]
    title = f"*{deal_title(deal)}*"
    if deal.customer:
        title += f" — {escaped_cut(deal.customer, 200)}"
    blocks = [section(title), context(*fields)]
    # Every part is escaped already: the title's name, the stage, the amount.
    return f"{deal_title(deal)} · {stage} · {value}", blocks


def created_text(deal, loc: Localizer, actor_id: str) -> str:
    return loc._(
        "New deal %(deal)s from %(user)s", deal=deal_title(deal), user=user(actor_id)
    )


def change_text(change, loc: Localizer) -> str:
    """A thread reply about one stage change."""
    params = {
        "from": escape(stage_label(change.from_stage, loc))
        if change.from_stage
        else "—",
        "to": escape(stage_label(change.to_stage, loc)),
        "user": user(change.actor_id),
    }
    kind = change.to_stage.kind
    if kind == "won":
        text = loc._("%(user)s closed this deal as *won* :tada:", **params)
    elif kind == "lost":
        text = loc._("%(user)s closed this deal as *lost*", **params)
    else:
        text = loc._("%(user)s moved this deal from %(from)s to *%(to)s*", **params)
    if change.reason:
        text += "\n>" + escaped_cut(change.reason, 500)
    return text


def edited_text(deal, loc: Localizer, actor_id: str) -> str:
    return loc._("%(user)s updated the deal's details", user=user(actor_id))
