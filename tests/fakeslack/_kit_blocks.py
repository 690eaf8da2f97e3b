"""Block Kit rules for each block type, keyed by the block's `type`.

`BLOCK_CHECKS[type](report, block, path)` checks one block's own content; the
walk over a payload, block_id uniqueness and the view rules are in `blockkit.py`.
"""

from __future__ import annotations

from collections.abc import Callable

from ._kit_elements import (
    ACCESSORY_ELEMENTS,
    ACTIONS_ELEMENTS,
    INPUT_ELEMENTS,
    check_element,
    check_image,
)
from ._kit_report import TEXT_TYPES, Report, check_text

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
        elif kind in TEXT_TYPES:
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


BLOCK_CHECKS: dict[str, Callable[[Report, dict, str], None]] = {
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
