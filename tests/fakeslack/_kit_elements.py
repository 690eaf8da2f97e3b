"""Block Kit rules for interactive elements and images.

`blockkit.py` walks the blocks and hands each element found to `check_element`,
saying which element types that place accepts. Option-bearing elements are
checked in `_kit_options.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import _kit_options as options
from ._kit_report import Report, check_confirm, check_text

MAX_ACTION_ID = 255
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_URL = 3000
MAX_PLACEHOLDER = 150
MAX_INPUT_LENGTH = 3000
MAX_FILES = 10
MAX_ALT_TEXT = 2000

BUTTON_STYLES = {"primary", "danger"}
SELECTS = {
    "static_select",
    "multi_static_select",
    "external_select",
    "multi_external_select",
    "users_select",
    "multi_users_select",
    "conversations_select",
    "multi_conversations_select",
    "channels_select",
    "multi_channels_select",
}
CHOICES = {"checkboxes", "radio_buttons"}
PICKERS = {"datepicker", "timepicker", "datetimepicker"}
TEXT_INPUTS = {
    "plain_text_input",
    "email_text_input",
    "url_text_input",
    "number_input",
    "rich_text_input",
}

# Which elements each place accepts.
ACTIONS_ELEMENTS = (
    {"button", "overflow", "workflow_button"} | SELECTS | CHOICES | PICKERS
)
ACCESSORY_ELEMENTS = ACTIONS_ELEMENTS | {"image"}
INPUT_ELEMENTS = SELECTS | CHOICES | PICKERS | TEXT_INPUTS | {"file_input"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

ElementCheck = Callable[[Report, dict, str], None]


def check_element(
    report: Report, element: Any, path: str, allowed: set[str], action_ids: set[str]
) -> None:
    """Check one element placed in a block; `action_ids` are the block's own."""
    if not isinstance(element, dict):
        report.add(path, "must be an element object")
        return
    kind = element.get("type")
    if kind not in allowed:
        report.add(f"{path}/type", f"element type {kind!r} is not allowed here")
        return
    _check_action_id(report, element, path, action_ids)
    check_confirm(report, element.get("confirm"), f"{path}/confirm")
    if "placeholder" in element:
        placeholder, where = element["placeholder"], f"{path}/placeholder"
        check_text(report, placeholder, where, MAX_PLACEHOLDER, plain_only=True)
    checker = _ELEMENT_CHECKS.get(kind)
    if checker:
        checker(report, element, path)


def check_image(report: Report, image: dict, path: str) -> None:
    """An image needs alt_text and exactly one of image_url / slack_file."""
    alt_text = image.get("alt_text")
    if alt_text is None:
        report.add(f"{path}/alt_text", "is required")
    report.length(alt_text, f"{path}/alt_text", MAX_ALT_TEXT, minimum=1)
    if ("image_url" in image) == ("slack_file" in image):
        report.add(path, "must have exactly one of image_url or slack_file")
    report.length(image.get("image_url"), f"{path}/image_url", MAX_URL)


def _check_action_id(
    report: Report, element: dict, path: str, action_ids: set[str]
) -> None:
    """Slack refuses an action_id used twice in one block (not across blocks)."""
    action_id = element.get("action_id")
    if action_id is None:
        return
    report.length(action_id, f"{path}/action_id", MAX_ACTION_ID, minimum=1)
    if action_id in action_ids:
        report.add(f"{path}/action_id", f"duplicate action_id {action_id!r}")
    action_ids.add(action_id)


def _button(report: Report, button: dict, path: str) -> None:
    text = button.get("text")
    check_text(report, text, f"{path}/text", MAX_BUTTON_TEXT, plain_only=True)
    report.length(button.get("value"), f"{path}/value", MAX_BUTTON_VALUE)
    report.length(button.get("url"), f"{path}/url", MAX_URL)
    label = button.get("accessibility_label")
    report.length(label, f"{path}/accessibility_label", MAX_BUTTON_TEXT)
    if "style" in button and button["style"] not in BUTTON_STYLES:
        report.add(f"{path}/style", "must be primary or danger")


def _plain_text_input(report: Report, element: dict, path: str) -> None:
    """min_length 0..3000, max_length 1..3000, min <= max: the SDK skips these."""
    low, high = element.get("min_length"), element.get("max_length")
    report.integer(low, f"{path}/min_length", 0, MAX_INPUT_LENGTH)
    report.integer(high, f"{path}/max_length", 1, MAX_INPUT_LENGTH)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        report.add(f"{path}/min_length", "must not exceed max_length")
    limit = high if isinstance(high, int) else MAX_INPUT_LENGTH
    report.length(element.get("initial_value"), f"{path}/initial_value", limit)


def _number_input(report: Report, element: dict, path: str) -> None:
    if not isinstance(element.get("is_decimal_allowed"), bool):
        report.add(f"{path}/is_decimal_allowed", "is required and must be a boolean")


def _datepicker(report: Report, element: dict, path: str) -> None:
    initial = element.get("initial_date")
    if initial is not None and not _DATE.match(str(initial)):
        report.add(f"{path}/initial_date", "must be in the form YYYY-MM-DD")


def _timepicker(report: Report, element: dict, path: str) -> None:
    initial = element.get("initial_time")
    if initial is not None and not _TIME.match(str(initial)):
        report.add(f"{path}/initial_time", "must be in the form HH:mm")


def _file_input(report: Report, element: dict, path: str) -> None:
    report.integer(element.get("max_files"), f"{path}/max_files", 1, MAX_FILES)


_ELEMENT_CHECKS: dict[str, ElementCheck] = {
    "button": _button,
    "overflow": options.overflow,
    "checkboxes": options.choices,
    "radio_buttons": options.choices,
    "static_select": options.static_select,
    "multi_static_select": options.multi_static_select,
    "multi_external_select": options.multi_select,
    "multi_users_select": options.multi_select,
    "multi_conversations_select": options.multi_select,
    "multi_channels_select": options.multi_select,
    "plain_text_input": _plain_text_input,
    "number_input": _number_input,
    "datepicker": _datepicker,
    "timepicker": _timepicker,
    "file_input": _file_input,
    "image": check_image,
}
