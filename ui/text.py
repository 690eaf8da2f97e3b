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


def _units(text: str) -> int:
    """Length as Slack counts it (UTF-16 code units): an emoji may count as two."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int) -> list[str]:
    """Already-escaped ``text`` in pieces of at most ``limit`` units, cut at
    whitespace where there is any, never inside an ``&amp;`` entity or between
    the two halves of an emoji."""
    pieces = []
    rest = text.strip()
    while _units(rest) > limit:
        end = limit
        while _units(rest[:end]) > limit:
            end -= 1
        space = max(rest.rfind(" ", 0, end + 1), rest.rfind("\n", 0, end + 1))
        if space > end // 2:
            end = space
        else:
            amp = rest.rfind("&", max(0, end - 6), end)
            if amp != -1 and ";" not in rest[amp:end]:
                end = amp
        pieces.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def unescape(text: str | None) -> str:
    """Slack's message text as typed: ``&lt;`` back to ``<``, and so on.

    Slack escapes ``&``, ``<`` and ``>`` in the text it sends; a form that shows
    the text for editing shows it as the author wrote it.
    """
    return (text or "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
