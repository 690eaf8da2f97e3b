"""The one error the fake's Web API raises internally.

Every refusal the fake makes is a `SlackError`. The HTTP layer turns it into the
body Slack sends (`{"ok": false, "error": ..., **extra}`), always with status 200,
so the bot's SDK sees exactly what it would see from Slack.
"""

from __future__ import annotations

from typing import Any


class SlackError(Exception):
    """A Web API error code, plus any extra keys Slack puts beside it."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra

    def body(self) -> dict[str, Any]:
        """The JSON body Slack answers with."""
        return {"ok": False, "error": self.error, **self.extra}


def problems_error(error: str, problems: list[str]) -> SlackError:
    """An error carrying Block Kit problems in `response_metadata.messages`."""
    return SlackError(error, response_metadata={"messages": problems})
