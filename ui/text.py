"""Making user text safe for mrkdwn and short enough for Block Kit's limits."""

from __future__ import annotations

ELLIPSIS = "…"


def escape(text: str | None) -> str:
    """Show ``text`` literally: no mention, ``<!channel>`` or link can come through.

    Slack's mrkdwn gives meaning only to ``&``, ``<`` and ``>``; escaping them is
    enough to keep ``<@U123>``, ``<!here>`` and ``<http://x|y>`` as plain text.
    """
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cut(text: str | None, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters, ending in … if cut."""
    text = text or ""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def escaped_cut(text: str | None, limit: int) -> str:
    """Escape then cut, without splitting an ``&amp;`` entity in two."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    short = escaped[: limit - 1]
    amp = short.rfind("&")
    if amp != -1 and ";" not in short[amp:]:
        short = short[:amp]
    return short.rstrip() + ELLIPSIS


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())
