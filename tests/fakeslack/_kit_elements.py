"""Block Kit rules for text objects, options and interactive elements.

`blockkit.py` walks the blocks; this module checks what sits inside them. Each
check appends problems to a `Report` in the form Slack uses in
`response_metadata.messages`, so a failing test shows the same line a developer
would see from Slack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_ACTION_ID = 255
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_URL = 3000
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_OPTION_DESCRIPTION = 75
MAX_SELECT_OPTIONS = 100
MAX_OVERFLOW_OPTIONS = 5
MAX_CHOICE_OPTIONS = 10  # checkboxes and radio buttons
MAX_PLACEHOLDER = 150
MAX_INPUT_LENGTH = 3000
MAX_FILES = 10
MAX_ALT_TEXT = 2000
CONFIRM_LIMITS = {"title": 100, "text": 300, "confirm": 30, "deny": 30}

TEXT_TYPES = {"plain_text", "mrkdwn"}
BUTTON_STYLES = {"primary", "danger"}
STATIC_SELECTS = {"static_select", "multi_static_select"}
OPTION_SELECTS = STATIC_SELECTS | {"external_select", "multi_external_select"}
SELECTS = OPTION_SELECTS | {
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
ACCESSORY_ELEMENTS = {"button", "overflow", "image", "workflow_button"} | (
    SELECTS | CHOICES | PICKERS
)
INPUT_ELEMENTS = SELECTS | CHOICES | PICKERS | TEXT_INPUTS | {"file_input"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class Report:
    """Problems found so far, and the ids already used in this payload."""

    problems: list[str] = field(default_factory=list)
    block_ids: set[str] = field(default_factory=set)

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"[ERROR] {message} [json-pointer:{path}]")

    def length(self, value: Any, path: str, maximum: int, minimum: int = 0) -> None:
        """Check an optional string's length; None means absent and is fine."""
        if value is None:
            return
        if not isinstance(value, str):
            self.add(path, "must be a string")
        elif len(value) > maximum:
            self.add(path, f"must be at most {maximum} characters")
        elif len(value) < minimum:
            self.add(path, f"must be at least {minimum} characters")

    def count(self, items: Any, path: str, maximum: int, minimum: int = 0) -> bool:
        """Check a list's size; returns whether it is a list at all."""
        if not isinstance(items, list):
            self.add(path, "must be an array")
            return False
        if len(items) > maximum:
            self.add(path, f"must have at most {maximum} items")
        elif len(items) < minimum:
            self.add(path, f"must have at least {minimum} items")
        return True


def check_text(
    report: Report,
    obj: Any,
    path: str,
    maximum: int,
    *,
    plain_only: bool = False,
    required: bool = True,
) -> None:
    """Check a text object: its type, and 1..maximum characters of text."""
    if obj is None:
        if required:
            report.add(path, "is required")
        return
    if not isinstance(obj, dict):
        report.add(path, "must be a text object")
        return
    kind = obj.get("type")
    if kind not in TEXT_TYPES:
        report.add(f"{path}/type", "must be plain_text or mrkdwn")
    elif plain_only and kind != "plain_text":
        report.add(f"{path}/type", "must be plain_text")
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        report.add(f"{path}/text", "must be a non-empty string")
    else:
        report.length(text, f"{path}/text", maximum)


def check_option(report: Report, option: Any, path: str, *, plain_only: bool) -> None:
    """Check one option: text 75, value 150, description 75, url 3000."""
    if not isinstance(option, dict):
        report.add(path, "must be an option object")
        return
    check_text(
        report,
        option.get("text"),
        f"{path}/text",
        MAX_OPTION_TEXT,
        plain_only=plain_only,
    )
    value = option.get("value")
    if value is None:
        report.add(f"{path}/value", "is required")
    report.length(value, f"{path}/value", MAX_OPTION_VALUE, minimum=1)
    check_text(
        report,
        option.get("description"),
        f"{path}/description",
        MAX_OPTION_DESCRIPTION,
        plain_only=True,
        required=False,
    )
    report.length(option.get("url"), f"{path}/url", MAX_URL)


def check_confirm(report: Report, confirm: Any, path: str) -> None:
    """Check a confirmation dialog object, if there is one."""
    if confirm is None:
        return
    if not isinstance(confirm, dict):
        report.add(path, "must be a confirm object")
        return
    for key, limit in CONFIRM_LIMITS.items():
        check_text(
            report,
            confirm.get(key),
            f"{path}/{key}",
            limit,
            plain_only=key != "text",
        )


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
        check_text(
            report,
            element["placeholder"],
            f"{path}/placeholder",
            MAX_PLACEHOLDER,
            plain_only=True,
        )
    checker = _ELEMENT_CHECKS.get(kind)
    if checker:
        checker(report, element, path)


def _check_action_id(
    report: Report, element: dict, path: str, action_ids: set[str]
) -> None:
    """Slack rejects an action_id used twice in the same block, not across blocks."""
    action_id = element.get("action_id")
    if action_id is None:
        return
    report.length(action_id, f"{path}/action_id", MAX_ACTION_ID, minimum=1)
    if action_id in action_ids:
        report.add(f"{path}/action_id", f"duplicate action_id {action_id!r}")
    action_ids.add(action_id)


def _button(report: Report, button: dict, path: str) -> None:
    check_text(
        report, button.get("text"), f"{path}/text", MAX_BUTTON_TEXT, plain_only=True
    )
    report.length(button.get("value"), f"{path}/value", MAX_BUTTON_VALUE)
    report.length(button.get("url"), f"{path}/url", MAX_URL)
    report.length(
        button.get("accessibility_label"),
        f"{path}/accessibility_label",
        MAX_BUTTON_TEXT,
    )
    if "style" in button and button["style"] not in BUTTON_STYLES:
        report.add(f"{path}/style", "must be primary or danger")


def _options(
    report: Report,
    options: Any,
    path: str,
    maximum: int,
    *,
    plain_only: bool,
    minimum: int = 1,
) -> list:
    """Check an options list and return it (empty when it is not a list)."""
    if not report.count(options, path, maximum, minimum):
        return []
    for index, option in enumerate(options):
        check_option(report, option, f"{path}/{index}", plain_only=plain_only)
    return options


def _static_select(report: Report, select: dict, path: str) -> None:
    """Exactly one of options / option_groups; initial choices must be offered."""
    has_options = "options" in select
    has_groups = "option_groups" in select
    if has_options == has_groups:
        report.add(path, "must have exactly one of options or option_groups")
        return
    if has_options:
        offered = _options(
            report,
            select["options"],
            f"{path}/options",
            MAX_SELECT_OPTIONS,
            plain_only=True,
        )
    else:
        offered = _option_groups(report, select["option_groups"], path)
    _check_initial_options(report, select, path, offered)


def _option_groups(report: Report, groups: Any, path: str) -> list:
    offered: list = []
    if not report.count(groups, f"{path}/option_groups", MAX_SELECT_OPTIONS, 1):
        return offered
    for index, group in enumerate(groups):
        group_path = f"{path}/option_groups/{index}"
        if not isinstance(group, dict):
            report.add(group_path, "must be an option group")
            continue
        check_text(
            report,
            group.get("label"),
            f"{group_path}/label",
            MAX_OPTION_TEXT,
            plain_only=True,
        )
        offered += _options(
            report,
            group.get("options"),
            f"{group_path}/options",
            MAX_SELECT_OPTIONS,
            plain_only=True,
        )
    return offered


def _check_initial_options(
    report: Report, element: dict, path: str, offered: list
) -> None:
    """An initial option that is not one of the options makes Slack refuse."""
    chosen = list(element.get("initial_options") or [])
    if element.get("initial_option") is not None:
        chosen.append(element["initial_option"])
    values = {o.get("value") for o in offered if isinstance(o, dict)}
    for option in chosen:
        if not isinstance(option, dict) or option.get("value") not in values:
            report.add(f"{path}/initial_option", "must match one of the options")


def _choices(report: Report, element: dict, path: str) -> None:
    offered = _options(
        report,
        element.get("options"),
        f"{path}/options",
        MAX_CHOICE_OPTIONS,
        plain_only=False,
    )
    _check_initial_options(report, element, path, offered)


def _overflow(report: Report, overflow: dict, path: str) -> None:
    _options(
        report,
        overflow.get("options"),
        f"{path}/options",
        MAX_OVERFLOW_OPTIONS,
        plain_only=True,
    )


def _multi_select(report: Report, select: dict, path: str) -> None:
    most = select.get("max_selected_items")
    if most is not None and (not isinstance(most, int) or most < 1):
        report.add(f"{path}/max_selected_items", "must be an integer of at least 1")


def _multi_static_select(report: Report, select: dict, path: str) -> None:
    _static_select(report, select, path)
    _multi_select(report, select, path)


def _plain_text_input(report: Report, element: dict, path: str) -> None:
    """min_length 0..3000, max_length 1..3000, min <= max: the SDK skips these."""
    low, high = element.get("min_length"), element.get("max_length")
    _bounded_int(report, low, f"{path}/min_length", 0, MAX_INPUT_LENGTH)
    _bounded_int(report, high, f"{path}/max_length", 1, MAX_INPUT_LENGTH)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        report.add(f"{path}/min_length", "must not exceed max_length")
    initial = element.get("initial_value")
    limit = high if isinstance(high, int) else MAX_INPUT_LENGTH
    report.length(initial, f"{path}/initial_value", limit)


def _bounded_int(report: Report, value: Any, path: str, low: int, high: int) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        report.add(path, "must be an integer")
    elif not low <= value <= high:
        report.add(path, f"must be between {low} and {high}")


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
    _bounded_int(report, element.get("max_files"), f"{path}/max_files", 1, MAX_FILES)


def check_image(report: Report, image: dict, path: str) -> None:
    """An image needs alt_text and exactly one of image_url / slack_file."""
    alt_text = image.get("alt_text")
    if alt_text is None:
        report.add(f"{path}/alt_text", "is required")
    report.length(alt_text, f"{path}/alt_text", MAX_ALT_TEXT, minimum=1)
    if ("image_url" in image) == ("slack_file" in image):
        report.add(path, "must have exactly one of image_url or slack_file")
    report.length(image.get("image_url"), f"{path}/image_url", MAX_URL)


_ELEMENT_CHECKS = {
    "button": _button,
    "overflow": _overflow,
    "checkboxes": _choices,
    "radio_buttons": _choices,
    "static_select": _static_select,
    "multi_static_select": _multi_static_select,
    "multi_external_select": _multi_select,
    "multi_users_select": _multi_select,
    "multi_conversations_select": _multi_select,
    "multi_channels_select": _multi_select,
    "plain_text_input": _plain_text_input,
    "number_input": _number_input,
    "datepicker": _datepicker,
    "timepicker": _timepicker,
    "file_input": _file_input,
    "image": check_image,
}
