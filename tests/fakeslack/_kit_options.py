"""Block Kit rules for options and the elements that offer them.

Selects, overflow menus, checkboxes and radio buttons: how many options each may
hold, the length of an option's text and value, and that an initial option is
one of those offered (Slack refuses the payload otherwise).
"""

from __future__ import annotations

from typing import Any

from ._kit_report import Report, check_text

MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_OPTION_DESCRIPTION = 75
MAX_OPTION_URL = 3000
MAX_SELECT_OPTIONS = 100
MAX_OVERFLOW_OPTIONS = 5
MAX_CHOICE_OPTIONS = 10  # checkboxes and radio buttons


def check_option(report: Report, option: Any, path: str, *, plain_only: bool) -> None:
    """One option: text 75, value 1..150, description 75, url 3000."""
    if not isinstance(option, dict):
        report.add(path, "must be an option object")
        return
    text_path, value = f"{path}/text", option.get("value")
    check_text(
        report, option.get("text"), text_path, MAX_OPTION_TEXT, plain_only=plain_only
    )
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
    report.length(option.get("url"), f"{path}/url", MAX_OPTION_URL)


def check_options(
    report: Report, options: Any, path: str, maximum: int, *, plain_only: bool
) -> list:
    """Check a list of 1..maximum options; returns them ([] if not a list)."""
    if not report.count(options, path, maximum, minimum=1):
        return []
    for index, option in enumerate(options):
        check_option(report, option, f"{path}/{index}", plain_only=plain_only)
    return options


def static_select(report: Report, select: dict, path: str) -> None:
    """Exactly one of options / option_groups; initial choices must be offered."""
    has_options, has_groups = "options" in select, "option_groups" in select
    if has_options == has_groups:
        report.add(path, "must have exactly one of options or option_groups")
        return
    if has_options:
        offered = check_options(
            report,
            select["options"],
            f"{path}/options",
            MAX_SELECT_OPTIONS,
            plain_only=True,
        )
    else:
        offered = _option_groups(
            report, select["option_groups"], f"{path}/option_groups"
        )
    _check_initial(report, select, path, offered)


def multi_select(report: Report, select: dict, path: str) -> None:
    most = select.get("max_selected_items")
    if most is not None and (not isinstance(most, int) or most < 1):
        report.add(f"{path}/max_selected_items", "must be an integer of at least 1")


def multi_static_select(report: Report, select: dict, path: str) -> None:
    static_select(report, select, path)
    multi_select(report, select, path)


def choices(report: Report, element: dict, path: str) -> None:
    """Checkboxes and radio buttons: up to 10 options, which may use mrkdwn."""
    offered = check_options(
        report,
        element.get("options"),
        f"{path}/options",
        MAX_CHOICE_OPTIONS,
        plain_only=False,
    )
    _check_initial(report, element, path, offered)


def overflow(report: Report, element: dict, path: str) -> None:
    check_options(
        report,
        element.get("options"),
        f"{path}/options",
        MAX_OVERFLOW_OPTIONS,
        plain_only=True,
    )


def _option_groups(report: Report, groups: Any, path: str) -> list:
    """Check up to 100 groups; returns every option they offer."""
    offered: list = []
    if not report.count(groups, path, MAX_SELECT_OPTIONS, minimum=1):
        return offered
    for index, group in enumerate(groups):
        group_path = f"{path}/{index}"
        if not isinstance(group, dict):
            report.add(group_path, "must be an option group")
            continue
        label = group.get("label")
        check_text(
            report, label, f"{group_path}/label", MAX_OPTION_TEXT, plain_only=True
        )
        offered += check_options(
            report,
            group.get("options"),
            f"{group_path}/options",
            MAX_SELECT_OPTIONS,
            plain_only=True,
        )
    return offered


def _check_initial(report: Report, element: dict, path: str, offered: list) -> None:
    """Each initial option must have the value of one of the options."""
    chosen = list(element.get("initial_options") or [])
    if element.get("initial_option") is not None:
        chosen.append(element["initial_option"])
    values = {o.get("value") for o in offered if isinstance(o, dict)}
    for option in chosen:
        if not isinstance(option, dict) or option.get("value") not in values:
            report.add(f"{path}/initial_option", "must match one of the options")
