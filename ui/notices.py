"""Short messages to one user: errors, confirmations, how to fix a problem."""

from __future__ import annotations

from .blocks import section
from .common import deal_title
from .i18n import Localizer
from .text import escape


def translated_error(error, loc: Localizer) -> str:
    """A domain error's message in the reader's language, params escaped.

    A ``stage`` param is a stage's stored name, shown as the reader knows it
    (see ``ui.common.stage_label``).
    """
    params = {k: escape(str(v)) for k, v in error.params.items()}
    if "stage" in error.params:
        params["stage"] = escape(loc._(str(error.params["stage"])))
    return loc._(error.message, **params)


def field_errors(error, loc: Localizer, block_of: dict[str, str]) -> dict[str, str]:
    """``InvalidInput`` as Slack's ``response_action: errors`` mapping."""
    return {
        block_of[field]: loc._(message, **error.params)
        for field, message in error.errors.items()
        if field in block_of
    }


def ambiguous(error, loc: Localizer) -> str:
    lines = [translated_error(error, loc), loc._("Which one did you mean?")]
    lines += [f"• {deal_title(deal, 120)}" for deal in error.candidates]
    return "\n".join(lines)


def channel_unreachable(loc: Localizer, channel_id: str, error: str) -> list[dict]:
    reasons = {
        "not_in_channel": loc._(
            "I am not a member of <#%(channel)s>. Invite me there with "
            "`/invite @Dealbot`, or choose another channel in `/deal settings`.",
            channel=channel_id,
        ),
        "is_archived": loc._(
            "<#%(channel)s> is archived. Choose another pipeline channel in "
            "`/deal settings`.",
            channel=channel_id,
        ),
    }
    text = reasons.get(error) or loc._(
        "I cannot find the pipeline channel. Choose one in `/deal settings`."
    )
    lead = loc._(
        "Your change is saved, but I could not post it to the pipeline channel."
    )
    return [section(f"{lead}\n{text}")]


def oops(loc: Localizer) -> str:
    return loc._(
        "Sorry, something went wrong on my side. It has been logged; "
        "please try again in a moment."
    )


def too_slow(loc: Localizer) -> str:
    return loc._("Slack gave up waiting for that form to open. Please try again.")
