"""The pipeline as a table: one page of deals, with paging and totals per stage."""

from __future__ import annotations

import json

from . import ids
from .blocks import actions, button, context, section
from .common import deal_title, money, stage_label, totals_line, user
from .i18n import Localizer
from .text import escape, escaped_cut

PAGE_SIZE = 10


def deal_row(deal, loc: Localizer) -> dict:
    customer = escaped_cut(deal.customer, 200)
    line = " · ".join(
        part
        for part in (
            escape(stage_label(deal.stage, loc)),
            money(loc, deal.value, deal.currency),
            user(deal.owner_id),
            loc.date(deal.close_date),
        )
        if part
    )
    title = f"*{deal_title(deal)}*" + (f" — {customer}" if customer else "")
    return section(
        f"{title}\n{line}",
        accessory=button(loc._("Open"), ids.DEAL_OPEN, str(deal.id)),
    )


def deal_list(
    deals,
    loc: Localizer,
    *,
    title: str,
    filter_key: str,
    page: int,
    total: int,
    stage_totals,
) -> list[dict]:
    """``title`` is mrkdwn; ``stage_totals`` is [(stage, count, [(amount,
    currency), ...]), ...]."""
    blocks = [section(f"*{title}*")]
    if not deals:
        blocks.append(section(loc._("No deals here yet. Create one with `/deal new`.")))
        return blocks
    blocks.extend(deal_row(deal, loc) for deal in deals)

    pages = max(1, -(-total // PAGE_SIZE))
    summary = [
        loc._("Page %(page)s of %(pages)s", page=page + 1, pages=pages),
        loc.n_("%(count)s deal", "%(count)s deals", total),
    ]
    blocks.append(context(" · ".join(summary)))
    if stage_totals:
        blocks.append(context(*[_stage_total(loc, *row) for row in stage_totals[:10]]))

    paging = []
    if page > 0:
        paging.append(
            button(
                loc._("Previous"), ids.LIST_PREVIOUS, _page_value(filter_key, page - 1)
            )
        )
    if (page + 1) * PAGE_SIZE < total:
        paging.append(
            button(loc._("Next"), ids.LIST_NEXT, _page_value(filter_key, page + 1))
        )
    if paging:
        blocks.append(actions(*paging))
    return blocks


def _stage_total(loc: Localizer, stage, count: int, amounts) -> str:
    return f"*{escape(stage_label(stage, loc))}* ({loc.number(count)}): " + (
        totals_line(loc, amounts) or "—"
    )


def _page_value(filter_key: str, page: int) -> str:
    return json.dumps({"f": filter_key[:1500], "p": page})


def parse_page_value(value: str) -> tuple[str, int]:
    """The filter and page a paging button carries; the first page of open deals
    for a value this bot did not write."""
    try:
        data = json.loads(value)
        return str(data["f"]), max(0, int(data["p"]))
    except (ValueError, KeyError, TypeError):
        return "", 0
