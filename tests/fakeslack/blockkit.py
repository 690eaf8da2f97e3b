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
from typing import Any

from ._kit_blocks import BLOCK_CHECKS
from ._kit_report import Report, check_text

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
MAX_VIEW_TITLE = 24
MAX_VIEW_BUTTON = 24
MAX_PRIVATE_METADATA = 3000
MAX_CALLBACK_ID = 255
MAX_EXTERNAL_ID = 255

VIEW_TYPES = {"modal", "home"}
MESSAGE_ONLY_BLOCKS = {"markdown", "file", "table"}


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
    checker = BLOCK_CHECKS.get(kind)
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
