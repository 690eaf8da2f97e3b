"""Small constructors for Block Kit objects that keep within Slack's limits.

Each one cuts what it is given to the limit of the field it fills, so a builder
cannot produce a payload Slack would refuse, whatever the data.
"""

from __future__ import annotations

from .text import cut

SECTION_TEXT = 3000
FIELD_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
OPTION_TEXT = 75
OPTION_VALUE = 150
CONTEXT_TEXT = 2000
PLACEHOLDER = 150
MODAL_TITLE = 24
MAX_OPTIONS = 100
VIEW_BLOCKS = 100


def plain(text: str, limit: int = SECTION_TEXT) -> dict:
    return {"type": "plain_text", "text": cut(text, limit) or " ", "emoji": True}


def mrkdwn(text: str, limit: int = SECTION_TEXT) -> dict:
    """Markdown text; ``verbatim`` so channel names and URLs are not auto-linked."""
    return {"type": "mrkdwn", "text": cut(text, limit) or " ", "verbatim": True}


def header(text: str) -> dict:
    return {"type": "header", "text": plain(text, HEADER_TEXT)}


def section(text: str, *, fields=None, accessory=None, block_id=None) -> dict:
    block = {"type": "section", "text": mrkdwn(text)}
    if fields:
        block["fields"] = [mrkdwn(field, FIELD_TEXT) for field in fields[:10]]
    if accessory:
        block["accessory"] = accessory
    if block_id:
        block["block_id"] = block_id
    return block


def fields_section(fields: list[str]) -> dict:
    return {"type": "section", "fields": [mrkdwn(f, FIELD_TEXT) for f in fields[:10]]}


def context(*texts: str) -> dict:
    return {
        "type": "context",
        "elements": [mrkdwn(text, CONTEXT_TEXT) for text in texts[:10]],
    }


def divider() -> dict:
    return {"type": "divider"}


def actions(*elements: dict, block_id: str | None = None) -> dict:
    block = {"type": "actions", "elements": list(elements)[:25]}
    if block_id:
        block["block_id"] = block_id
    return block


def button(text: str, action_id: str, value: str = "", *, style=None, confirm=None):
    element = {
        "type": "button",
        "text": plain(text, BUTTON_TEXT),
        "action_id": action_id,
    }
    if value:
        element["value"] = value[:BUTTON_VALUE]
    if style:
        element["style"] = style
    if confirm:
        element["confirm"] = confirm
    return element


def option(text: str, value: str) -> dict:
    return {"text": plain(text, OPTION_TEXT), "value": value[:OPTION_VALUE]}


def static_select(action_id: str, placeholder: str, options: list[dict], initial=None):
    element = {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": plain(placeholder, PLACEHOLDER),
        "options": options[:MAX_OPTIONS],
    }
    if initial is not None:
        element["initial_option"] = initial
    return element


def confirm(title: str, text: str, yes: str, no: str) -> dict:
    return {
        "title": plain(title, 100),
        "text": plain(text, 300),
        "confirm": plain(yes, 30),
        "deny": plain(no, 30),
    }


def input_block(block_id: str, label: str, element: dict, *, optional=False, hint=None):
    block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, 2000),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint, 2000)
    return block


def text_input(
    action_id: str, *, initial="", multiline=False, max_length=3000, placeholder=None
) -> dict:
    element = {
        "type": "plain_text_input",
        "action_id": action_id,
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = initial[:max_length]
    if placeholder:
        element["placeholder"] = plain(placeholder, PLACEHOLDER)
    return element


def modal(
    callback_id: str,
    title: str,
    blocks: list[dict],
    *,
    submit=None,
    close=None,
    private_metadata: str = "",
    external_id=None,
) -> dict:
    view = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, MODAL_TITLE),
        "blocks": blocks[:VIEW_BLOCKS],
        "private_metadata": private_metadata[:3000],
    }
    if submit:
        view["submit"] = plain(submit, MODAL_TITLE)
    if close:
        view["close"] = plain(close, MODAL_TITLE)
    if external_id:
        view["external_id"] = external_id
    return view
