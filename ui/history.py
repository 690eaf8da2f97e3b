"""``/deal history``: one page of a deal's timeline, newest first, in a message.

Each entry says who and when, in the reader's time zone. Notes are cut short with
a button that opens the whole note, so a page stays far inside Slack's limits
however long the notes are.
"""

from __future__ import annotations

from models.history import DOCUMENT, NOTE, STAGE

from . import ids
from .blocks import actions, button, context, header, section
from .common import stage_change_line
from .documents import document_line
from .i18n import Localizer
from .notes import HISTORY_EXCERPT, note_excerpt

PAGE_SIZE = 10


def history_blocks(deal, page, loc: Localizer) -> list[dict]:
    """The page's entries between a heading and Previous / Next buttons."""
    title = loc._("History of %(deal)s", deal=deal.ref + " " + deal.name)
    blocks = [header(title)]
    if not page.entries:
        blocks.append(section(loc._("Nothing has happened to this deal yet.")))
        return blocks
    for entry in page.entries:
        blocks.append(entry_block(entry, loc))
    shown = loc._(
        "%(first)s–%(last)s of %(total)s",
        first=loc.number(page.offset + 1),
        last=loc.number(page.offset + len(page.entries)),
        total=loc.number(page.total),
    )
    blocks.append(context(shown))
    paging = _paging(deal, page, loc)
    if paging:
        blocks.append(actions(*paging, block_id=f"history:{deal.id}"))
    return blocks


def entry_block(entry, loc: Localizer) -> dict:
    if entry.kind == NOTE:
        return note_excerpt(entry.item, loc, HISTORY_EXCERPT)
    if entry.kind == DOCUMENT:
        return section(document_line(entry.item, loc))
    if entry.kind == STAGE:
        return section(stage_change_line(entry.item, loc))
    raise ValueError(f"unknown history entry {entry.kind!r}")


def _paging(deal, page, loc: Localizer) -> list[dict]:
    buttons = []
    if page.has_previous:
        offset = max(0, page.offset - page.limit)
        buttons.append(
            button(loc._("Previous"), ids.HISTORY_PREVIOUS, f"{deal.id}:{offset}")
        )
    if page.has_next:
        offset = page.offset + page.limit
        buttons.append(button(loc._("Next"), ids.HISTORY_NEXT, f"{deal.id}:{offset}"))
    return buttons


def parse_page_value(value: str) -> tuple[int, int]:
    """``"<deal id>:<offset>"`` from a paging button; raises ValueError if not."""
    deal_id, _, offset = value.partition(":")
    return int(deal_id), max(0, int(offset))
