"""The errors domain operations raise, all under one root.

    DealbotError
    ├── NotFound        a record that is gone or that the caller may not see
    ├── AmbiguousRef    a deal reference that matches several deals
    ├── InvalidInput    user input that breaks a rule; maps fields to messages
    ├── Forbidden       the actor may not do this (e.g. not a workspace admin)
    ├── Conflict        the state forbids it (e.g. removing a stage holding deals)
    │   └── Duplicate   a company or contact already registered; carries it
    └── AlreadyDone     a repeated request (retry, double submit): change nothing

Messages are English msgids marked with ``N_`` so the catalog extractor finds them;
the ``ui`` layer translates them and fills in ``params``. Nothing here knows Slack.
"""

from __future__ import annotations

from typing import Any


def N_(message: str) -> str:
    """Mark a message for translation without translating it here."""
    return message


class DealbotError(Exception):
    message = N_("Something went wrong.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        self.message = message or self.message
        self.params = params
        super().__init__(self.message)


class NotFound(DealbotError):
    message = N_("Not found.")


class AmbiguousRef(DealbotError):
    def __init__(self, ref: str, candidates: list) -> None:
        super().__init__(N_("More than one deal matches “%(ref)s”."), ref=ref)
        self.candidates = candidates


class InvalidInput(DealbotError):
    """Carries one message per field; ``errors`` maps field name to msgid."""

    def __init__(self, errors: dict[str, str], **params: Any) -> None:
        super().__init__(N_("Please correct the highlighted fields."), **params)
        self.errors = errors


class Forbidden(DealbotError):
    message = N_("Only a workspace admin can do that.")


class Conflict(DealbotError):
    pass


class Duplicate(Conflict):
    """The record is registered already; ``existing`` is offered instead.

    ``field`` names the input that collides (``name`` or ``email``), so a form
    can answer on that field. ``existing_id`` outlives the session that loaded
    ``existing``, for loading it again after this transaction rolled back.
    """

    def __init__(self, message: str, existing, field: str, **params: Any) -> None:
        super().__init__(message, **params)
        self.existing = existing
        self.existing_id = existing.id
        self.field = field


class AlreadyDone(DealbotError):
    message = N_("That was already done.")
