"""Element states as Slack sends them in `view.state.values`.

A test describes what the user entered with these, keyed by block_id and
action_id::

    sender.view_submission(view_id, {
        "deal_name": {"name": plain("Acme renewal")},
        "deal_close": {"date": date("2025-03-31")},
    })

Each helper returns the dict for one element, including its `type`, because
Bolt apps often branch on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def option(value: str, text: str | None = None) -> dict[str, Any]:
    """An option object; the label defaults to the value."""
    label = value if text is None else text
    return {
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "value": value,
    }


def plain(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def number(value: str | None) -> dict[str, Any]:
    return {"type": "number_input", "value": value}


def email(value: str | None) -> dict[str, Any]:
    return {"type": "email_text_input", "value": value}


def date(iso: str | None) -> dict[str, Any]:
    """A datepicker's state; `iso` is "YYYY-MM-DD"."""
    return {"type": "datepicker", "selected_date": iso}


def time_of_day(hh_mm: str | None, timezone: str | None = None) -> dict[str, Any]:
    state: dict[str, Any] = {"type": "timepicker", "selected_time": hh_mm}
    if timezone:
        state["timezone"] = timezone
    return state


def select(value: str | None, text: str | None = None) -> dict[str, Any]:
    selected = None if value is None else option(value, text)
    return {"type": "static_select", "selected_option": selected}


def multi_static(values: Iterable[str]) -> dict[str, Any]:
    return {
        "type": "multi_static_select",
        "selected_options": [option(v) for v in values],
    }


def external(value: str | None, text: str | None = None) -> dict[str, Any]:
    selected = None if value is None else option(value, text)
    return {"type": "external_select", "selected_option": selected}


def radio(value: str | None, text: str | None = None) -> dict[str, Any]:
    selected = None if value is None else option(value, text)
    return {"type": "radio_buttons", "selected_option": selected}


def checkboxes(values: Iterable[str]) -> dict[str, Any]:
    return {"type": "checkboxes", "selected_options": [option(v) for v in values]}


def users(user_id: str | None) -> dict[str, Any]:
    return {"type": "users_select", "selected_user": user_id}


def multi_users(user_ids: Iterable[str]) -> dict[str, Any]:
    return {"type": "multi_users_select", "selected_users": list(user_ids)}


def conversation(channel_id: str | None) -> dict[str, Any]:
    return {"type": "conversations_select", "selected_conversation": channel_id}


def channel(channel_id: str | None) -> dict[str, Any]:
    return {"type": "channels_select", "selected_channel": channel_id}


def files(items: Iterable[str | dict]) -> dict[str, Any]:
    """A file_input's state; give file ids or the dicts `add_file` returned."""
    chosen = [item if isinstance(item, dict) else {"id": item} for item in items]
    return {"type": "file_input", "files": chosen}


# What an untouched input of each type looks like in state.values.
EMPTY_STATES: dict[str, dict[str, Any]] = {
    "plain_text_input": {"value": None},
    "number_input": {"value": None},
    "email_text_input": {"value": None},
    "url_text_input": {"value": None},
    "rich_text_input": {"rich_text_value": None},
    "datepicker": {"selected_date": None},
    "timepicker": {"selected_time": None},
    "datetimepicker": {"selected_date_time": None},
    "static_select": {"selected_option": None},
    "external_select": {"selected_option": None},
    "radio_buttons": {"selected_option": None},
    "multi_static_select": {"selected_options": []},
    "multi_external_select": {"selected_options": []},
    "checkboxes": {"selected_options": []},
    "users_select": {"selected_user": None},
    "multi_users_select": {"selected_users": []},
    "conversations_select": {"selected_conversation": None},
    "multi_conversations_select": {"selected_conversations": []},
    "channels_select": {"selected_channel": None},
    "multi_channels_select": {"selected_channels": []},
    "file_input": {"files": []},
}


def empty_state(element: dict[str, Any]) -> dict[str, Any]:
    """The state Slack reports for an input the user left alone.

    Initial values count as entered, since Slack reports them too.
    """
    kind = element.get("type", "")
    state = {"type": kind, **EMPTY_STATES.get(kind, {"value": None})}
    if "initial_value" in element:
        state["value"] = element["initial_value"]
    if "initial_option" in element:
        state["selected_option"] = element["initial_option"]
    if "initial_options" in element:
        state["selected_options"] = element["initial_options"]
    if "initial_date" in element:
        state["selected_date"] = element["initial_date"]
    if "initial_user" in element:
        state["selected_user"] = element["initial_user"]
    if "initial_conversation" in element:
        state["selected_conversation"] = element["initial_conversation"]
    return state
