"""The App Home tab: the pipeline as a board, one column per stage."""

from __future__ import annotations

from . import ids
from .blocks import VIEW_BLOCKS, actions, button, context, divider, header, section
from .common import deal_title, money, stage_label, totals_line, user
from .i18n import Localizer
from .text import escape, escaped_cut

SCOPE_MINE = "mine"
SCOPE_ALL = "all"


class Column:
    """One stage on the board: its deals (first few), count and totals."""

    def __init__(self, stage, deals, count: int, amounts, weighted) -> None:
        self.stage = stage
        self.deals = deals
        self.count = count
        self.amounts = amounts
        self.weighted = weighted


def home_view(loc: Localizer, *, scope: str, columns: list[Column]) -> dict:
    blocks = [header(loc._("Pipeline")), _toolbar(loc, scope)]
    fixed = len(blocks) + 3 * len(columns) + 1
    per_column = _deals_per_column(columns, VIEW_BLOCKS - fixed)

    for column in columns:
        blocks.append(divider())
        blocks.append(section(_column_title(loc, column)))
        blocks.append(context(_column_totals(loc, column)))
        shown = column.deals[:per_column]
        blocks.extend(_deal_card(loc, deal) for deal in shown)
        if column.count > len(shown):
            blocks.append(
                context(
                    loc.n_(
                        "…and %(count)s more: `/deal list %(stage)s`",
                        "…and %(count)s more: `/deal list %(stage)s`",
                        column.count - len(shown),
                        stage=escape(stage_label(column.stage, loc)),
                    )
                )
            )
    return {"type": "home", "blocks": blocks[:VIEW_BLOCKS]}


def _toolbar(loc: Localizer, scope: str) -> dict:
    mine = button(
        loc._("My deals"),
        ids.HOME_MINE,
        SCOPE_MINE,
        style="primary" if scope == SCOPE_MINE else None,
    )
    everyone = button(
        loc._("All deals"),
        ids.HOME_ALL,
        SCOPE_ALL,
        style="primary" if scope == SCOPE_ALL else None,
    )
    return actions(mine, everyone, button(loc._("New deal"), ids.HOME_NEW_DEAL, "new"))


def _deals_per_column(columns: list[Column], budget: int) -> int:
    """How many deals each column may show so the view stays within 100 blocks.

    Each column may also need one "and N more" line, reserved here.
    """
    budget -= len(columns)
    if not columns or budget <= 0:
        return 0
    return max(0, min(10, budget // len(columns)))


def _column_title(loc: Localizer, column: Column) -> str:
    return "*{}* · {}".format(
        escape(stage_label(column.stage, loc)),
        loc.n_("%(count)s deal", "%(count)s deals", column.count),
    )


def _column_totals(loc: Localizer, column: Column) -> str:
    total = totals_line(loc, column.amounts) or "—"
    if column.stage.is_closed:
        return total
    weighted = totals_line(loc, column.weighted) or "—"
    return loc._(
        "Total %(total)s · weighted %(weighted)s", total=total, weighted=weighted
    )


def _deal_card(loc: Localizer, deal) -> dict:
    parts = [money(loc, deal.value, deal.currency), user(deal.owner_id)]
    if deal.customer:
        parts.insert(0, escaped_cut(deal.customer, 100))
    if deal.close_date:
        parts.append(loc.date(deal.close_date))
    return section(
        f"*{deal_title(deal, 120)}*\n" + " · ".join(parts),
        accessory=button(loc._("Open"), ids.DEAL_OPEN, str(deal.id)),
    )
