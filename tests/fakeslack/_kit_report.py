"""The problem list Block Kit checks write to, and the text object rules.

Problems read like Slack's `response_metadata.messages`, so a failing test shows
the line a developer would get from Slack::

    [ERROR] must be at most 75 characters [json-pointer:/blocks/0/elements/0/text]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TEXT_TYPES = {"plain_text", "mrkdwn"}
CONFIRM_LIMITS = {"title": 100, "text": 300, "confirm": 30, "deny": 30}


@dataclass
class Report:
    """Problems found so far, and the block_ids already used in this payload."""

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

    def integer(self, value: Any, path: str, low: int, high: int) -> None:
        """Check an optional integer lies within low..high."""
        if value is None:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            self.add(path, "must be an integer")
        elif not low <= value <= high:
            self.add(path, f"must be between {low} and {high}")


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


def check_confirm(report: Report, confirm: Any, path: str) -> None:
    """Check a confirmation dialog object, if there is one."""
    if confirm is None:
        return
    if not isinstance(confirm, dict):
        report.add(path, "must be a confirm object")
        return
    for key, limit in CONFIRM_LIMITS.items():
        plain_only = key != "text"
        check_text(
            report, confirm.get(key), f"{path}/{key}", limit, plain_only=plain_only
        )
