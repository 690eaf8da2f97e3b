"""Block Kit validation of plain dicts, the way Slack's servers validate them.

slack_sdk's models check most limits in `to_dict()`, but blocks built as plain
dicts reach Slack unchecked, and a few limits the models skip entirely (50 blocks
per message, 2000 characters per section field, plain_text_input lengths). The
fake runs these checks on every message and view so a bot that would be refused
by Slack is refused in the tests too.

`validate_message(blocks)` and `validate_view(view)` return a list of problems,
empty when the payload is valid. Each problem reads like Slack's own
`response_metadata.messages` entries::

    [ERROR] must be at most 3000 characters [json-pointer:/blocks/0/text/text]

Two deliberate choices: `action_id` must be unique within its block (Slack's
rule; the same action_id in two blocks is legal and common), and `block_id` must
be unique within the whole payload.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ._kit_elements import (
    ACCESSORY_ELEMENTS,
    ACTIONS_ELEMENTS,
    INPUT_ELEMENTS,
    Report,
    check_element,
    check_image,
    check_text,
)

__all__ = [
    "MAX_MESSAGE_BLOCKS",
    "MAX_VIEW_BLOCKS",
    "MAX_VIEW_BYTES",
    "validate_message",
    "validate_view",
    "view_size",
]

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_VIEW_BYTES = 250 * 1024
MAX_BLOCK_ID = 255
MAX_SECTION_TEXT = 3000
MAX_SECTION_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_LABEL = 2000
MAX_MARKDOWN = 12000
MAX_IMAGE_TITLE = 2000
MAX_VIDEO_TITLE = 200
MAX_TABLE_ROWS = 100
MAX_TABLE_CELLS = 20
MAX_VIEW_TITLE = 24
MAX_VIEW_BUTTON = 24
MAX_PRIVATE_METADATA = 3000
MAX_CALLBACK_ID = 255
MAX_EXTERNAL_ID = 255

VIEW_TYPES = {"modal", "home"}
MESSAGE_ONLY_BLOCKS = {"markdown", "file", "table"}
CONTEXT_TEXT_TYPES = {"plain_text", "mrkdwn"}


def validate_message(blocks: Any, root: str = "/blocks") -> list[str]:
    """Problems with a message's `blocks` (also used for response_url posts)."""
    report = Report()
    _check_blocks(report, blocks, root, MAX_MESSAGE_BLOCKS, surface="message")
    return report.problems


def validate_view(view: Any, root: str = "/view") -> list[str]:
    """Problems with a modal or Home tab view; the byte size is checked apart."""
    report = Report()
    if not isinstance(view, dict):
        report.add(root, "must be a view object")
        return report.problems
    kind = view.get("type")
    if kind not in VIEW_TYPES:
        report.add(f"{root}/type", "must be modal or home")
        return report.problems
    _check_view_fields(report, view, root)
    if kind == "modal":
        _check_modal_buttons(report, view, root)
    else:
        for key in ("submit", "close"):
            if key in view:
                report.add(f"{root}/{key}", "a home view cannot have it")
    _check_blocks(
        report, view.get("blocks"), f"{root}/blocks", MAX_VIEW_BLOCKS, surface=kind
    )
    return report.problems


def view_size(view: Any) -> int:
    """Bytes of the view as compact JSON, the measure for `view_too_large`."""
    return len(json.dumps(view, separators=(",", ":")).encode())


def _check_view_fields(report: Report, view: dict, root: str) -> None:
    report.length(
        view.get("private_metadata"), f"{root}/private_metadata", MAX_PRIVATE_METADATA
    )
    report.length(view.get("callback_id"), f"{root}/callback_id", MAX_CALLBACK_ID)
    report.length(view.get("external_id"), f"{root}/external_id", MAX_EXTERNAL_ID)
    if view.get("type") == "modal" or "title" in view:
        check_text(
            report, view.get("title"), f"{root}/title", MAX_VIEW_TITLE, plain_only=True
        )


def _check_modal_buttons(report: Report, view: dict, root: str) -> None:
    """submit/close are short plain text; inputs are useless without submit."""
    for key in ("submit", "close"):
        check_text(
            report,
            view.get(key),
            f"{root}/{key}",
            MAX_VIEW_BUTTON,
            plain_only=True,
            required=False,
        )
    blocks = view.get("blocks") if isinstance(view.get("blocks"), list) else []
    has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
    if has_input and view.get("submit") is None:
        report.add(f"{root}/submit", "a modal with input blocks needs submit")


def _check_blocks(
    report: Report, blocks: Any, path: str, maximum: int, surface: str
) -> None:
    if not report.count(blocks, path, maximum):
        return
    for index, block in enumerate(blocks):
        _check_block(report, block, f"{path}/{index}", surface)
    tables = [b for b in blocks if isinstance(b, dict) and b.get("type") == "table"]
    if len(tables) > 1:
        report.add(path, "a message can have only one table block")


def _check_block(report: Report, block: Any, path: str, surface: str) -> None:
    if not isinstance(block, dict):
        report.add(path, "must be a block object")
        return
    kind = block.get("type")
    checker = _BLOCK_CHECKS.get(kind)
    if checker is None:
        report.add(f"{path}/type", f"unknown block type {kind!r}")
        return
    if kind in MESSAGE_ONLY_BLOCKS and surface != "message":
        report.add(f"{path}/type", f"{kind} blocks are only allowed in messages")
    _check_block_id(report, block, path)
    checker(report, block, path)


def _check_block_id(report: Report, block: dict, path: str) -> None:
    block_id = block.get("block_id")
    if block_id is None:
        return
    report.length(block_id, f"{path}/block_id", MAX_BLOCK_ID, minimum=1)
    if block_id in report.block_ids:
        report.add(f"{path}/block_id", f"duplicate block_id {block_id!r}")
    report.block_ids.add(block_id)


def _section(report: Report, block: dict, path: str) -> None:
    """text 3000, up to 10 fields of 2000, at least one of text/fields."""
    text, fields = block.get("text"), block.get("fields")
    if text is None and fields is None:
        report.add(path, "a section needs text or fields")
    check_text(report, text, f"{path}/text", MAX_SECTION_TEXT, required=False)
    if fields is not None and report.count(
        fields, f"{path}/fields", MAX_SECTION_FIELDS, minimum=1
    ):
        for index, field in enumerate(fields):
            check_text(report, field, f"{path}/fields/{index}", MAX_FIELD_TEXT)
    if "accessory" in block:
        check_element(
            report, block["accessory"], f"{path}/accessory", ACCESSORY_ELEMENTS, set()
        )


def _header(report: Report, block: dict, path: str) -> None:
    check_text(
        report, block.get("text"), f"{path}/text", MAX_HEADER_TEXT, plain_only=True
    )


def _context(report: Report, block: dict, path: str) -> None:
    elements = block.get("elements")
    if not report.count(elements, f"{path}/elements", MAX_CONTEXT_ELEMENTS, 1):
        return
    for index, element in enumerate(elements):
        element_path = f"{path}/elements/{index}"
        kind = element.get("type") if isinstance(element, dict) else None
        if kind == "image":
            check_image(report, element, element_path)
        elif kind in CONTEXT_TEXT_TYPES:
            check_text(report, element, element_path, MAX_SECTION_TEXT)
        else:
            report.add(element_path, "must be an image or a text object")


def _actions(report: Report, block: dict, path: str) -> None:
    elements = block.get("elements")
    if not report.count(elements, f"{path}/elements", MAX_ACTIONS_ELEMENTS, 1):
        return
    action_ids: set[str] = set()
    for index, element in enumerate(elements):
        check_element(
            report, element, f"{path}/elements/{index}", ACTIONS_ELEMENTS, action_ids
        )


def _input(report: Report, block: dict, path: str) -> None:
    check_text(report, block.get("label"), f"{path}/label", MAX_LABEL, plain_only=True)
    check_text(
        report,
        block.get("hint"),
        f"{path}/hint",
        MAX_LABEL,
        plain_only=True,
        required=False,
    )
    if block.get("element") is None:
        report.add(f"{path}/element", "is required")
    else:
        check_element(
            report, block["element"], f"{path}/element", INPUT_ELEMENTS, set()
        )


def _image(report: Report, block: dict, path: str) -> None:
    check_image(report, block, path)
    check_text(
        report,
        block.get("title"),
        f"{path}/title",
        MAX_IMAGE_TITLE,
        plain_only=True,
        required=False,
    )


def _markdown(report: Report, block: dict, path: str) -> None:
    text = block.get("text")
    if not isinstance(text, str) or not text:
        report.add(f"{path}/text", "must be a non-empty string")
    report.length(text, f"{path}/text", MAX_MARKDOWN)


def _rich_text(report: Report, block: dict, path: str) -> None:
    report.count(block.get("elements"), f"{path}/elements", maximum=10**6)


def _video(report: Report, block: dict, path: str) -> None:
    for key in ("alt_text", "video_url", "thumbnail_url"):
        if not block.get(key):
            report.add(f"{path}/{key}", "is required")
    check_text(
        report, block.get("title"), f"{path}/title", MAX_VIDEO_TITLE, plain_only=True
    )


def _file(report: Report, block: dict, path: str) -> None:
    if not block.get("external_id"):
        report.add(f"{path}/external_id", "is required")
    if block.get("source") != "remote":
        report.add(f"{path}/source", "must be remote")


def _table(report: Report, block: dict, path: str) -> None:
    rows = block.get("rows")
    if not report.count(rows, f"{path}/rows", MAX_TABLE_ROWS, minimum=1):
        return
    for index, row in enumerate(rows):
        report.count(row, f"{path}/rows/{index}", MAX_TABLE_CELLS, minimum=1)


def _nothing(report: Report, block: dict, path: str) -> None:
    """Blocks with no content rules beyond their block_id."""


_BLOCK_CHECKS: dict[str, Callable[[Report, dict, str], None]] = {
    "section": _section,
    "header": _header,
    "divider": _nothing,
    "context": _context,
    "actions": _actions,
    "input": _input,
    "image": _image,
    "markdown": _markdown,
    "rich_text": _rich_text,
    "video": _video,
    "file": _file,
    "table": _table,
    "call": _nothing,
    "context_actions": _nothing,
}
