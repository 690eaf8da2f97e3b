"""Reading submitted modal state into plain values."""

from __future__ import annotations

import json
from datetime import date

from ui import ids


def value(view: dict, block_id: str) -> dict:
    return view["state"]["values"].get(block_id, {}).get(ids.INPUT, {})


def text(view: dict, block_id: str) -> str:
    return (value(view, block_id).get("value") or "").strip()


def selected(view: dict, block_id: str) -> str | None:
    option = value(view, block_id).get("selected_option")
    return option["value"] if option else None


def selected_date(view: dict, block_id: str) -> date | None:
    raw = value(view, block_id).get("selected_date")
    return date.fromisoformat(raw) if raw else None


def selected_user(view: dict, block_id: str) -> str | None:
    return value(view, block_id).get("selected_user")


def selected_conversation(view: dict, block_id: str) -> str | None:
    return value(view, block_id).get("selected_conversation")


def metadata(view: dict) -> dict:
    """The view's private_metadata as a dict; empty when absent or not ours."""
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def whole_number(raw: str) -> int | None:
    raw = raw.strip().rstrip("%").strip()
    return int(raw) if raw.isdigit() else None
