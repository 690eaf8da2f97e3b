"""Modal stacks, Home tabs and the trigger_ids that open them.

Slack's rules kept here: a trigger_id works once and within 3 seconds; a user has
at most 3 modals stacked; every change to a view gives it a new `hash`, and a call
that names an old hash is refused. Validation of the view's content happens
before these methods are called; `apply_submission_response` validates what a
`view_submission` answer asks for, since that never passes through the Web API.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import blockkit
from ._errors import SlackError

TRIGGER_LIFETIME = 3.0
MAX_STACK = 3
TRIGGER_FORMAT = re.compile(r"^\d+\.\d+\.[0-9a-f]+$")


@dataclass
class Trigger:
    """A trigger_id handed to the bot in an interaction payload."""

    id: str
    user: str
    issued_at: float
    used: bool = False


@dataclass
class ViewStore:
    """Every view the bot opened or published, by id, with stacks per user."""

    clock: Callable[[], float]
    team_id: str
    app_id: str
    bot_id: str
    trigger_lifetime: float = TRIGGER_LIFETIME
    views: dict[str, dict] = field(default_factory=dict)
    stacks: dict[str, list[str]] = field(default_factory=dict)
    homes: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)
    closed: set[str] = field(default_factory=set)
    triggers: dict[str, Trigger] = field(default_factory=dict)

    # --- triggers ---------------------------------------------------------------

    def issue_trigger(self, user: str) -> str:
        """A fresh trigger_id shaped like Slack's ("12345.67890.abcdef")."""
        trigger_id = (
            f"{len(self.triggers) + 1000}.{int(self.clock())}.{secrets.token_hex(8)}"
        )
        self.triggers[trigger_id] = Trigger(trigger_id, user, self.clock())
        return trigger_id

    def check_trigger(self, trigger_id: Any) -> Trigger:
        """The trigger if it may still be used; does not use it up."""
        if not isinstance(trigger_id, str) or not TRIGGER_FORMAT.match(trigger_id):
            raise SlackError("invalid_trigger_id")
        trigger = self.triggers.get(trigger_id)
        if trigger is None:
            raise SlackError("invalid_trigger_id")
        if trigger.used:
            raise SlackError("exchanged_trigger_id")
        if self.clock() - trigger.issued_at > self.trigger_lifetime:
            raise SlackError("expired_trigger_id")
        return trigger

    # --- modals -----------------------------------------------------------------

    def open(self, trigger: Trigger, view: dict) -> dict:
        """Open a modal as the root of a new stack, replacing any open one."""
        self._check_external_id(view)
        trigger.used = True
        stored = self._store(view, trigger.user)
        self.stacks[trigger.user] = [stored["id"]]
        return copy.deepcopy(stored)

    def push(self, trigger: Trigger, view: dict) -> dict:
        """Push a modal on the user's stack; with no stack it opens one."""
        stack = self.stacks.get(trigger.user, [])
        if len(stack) >= MAX_STACK:
            raise SlackError("push_limit_reached")
        self._check_external_id(view)
        trigger.used = True
        return copy.deepcopy(self._push(trigger.user, view))

    def update(self, view: dict, view_id: Any, external_id: Any, hash_: Any) -> dict:
        """Replace a view's content by view_id or external_id, checking hash."""
        current = self.find(view_id, external_id)
        if hash_ and hash_ != current["hash"]:
            raise SlackError("hash_conflict")
        self._replace(current, view)
        return copy.deepcopy(current)

    def close(self, view_id: str) -> None:
        """Close a modal and any stacked above it, as the user's Cancel does."""
        stack = self.stacks.get(self.owners.get(view_id, ""), [])
        if view_id in stack:
            above = stack.index(view_id)
            self.closed.update(stack[above:])
            del stack[above:]

    def clear(self, user: str) -> None:
        """Close every modal the user has open."""
        self.closed.update(self.stacks.get(user, []))
        self.stacks[user] = []

    def set_state(self, view_id: str, values: dict) -> None:
        """Record what the user entered, as Slack does before a submission."""
        self.find(view_id, None)["state"] = {"values": copy.deepcopy(values)}

    def apply_submission_response(self, view_id: str, body: Any) -> list[str]:
        """Do what a view_submission's ack asked; return any problems with it."""
        action = body.get("response_action") if isinstance(body, dict) else None
        if action is None:
            self.close(view_id)
            return []
        if action == "clear":
            self.clear(self.owners[view_id])
            return []
        if action == "errors":
            return _error_problems(self.find(view_id, None), body.get("errors"))
        if action not in ("update", "push"):
            return [f"unknown response_action {action!r}"]
        problems = _answer_view_problems(body.get("view"))
        if problems:
            return problems
        if action == "update":
            self._replace(self.find(view_id, None), body["view"])
        elif len(self.stacks.get(self.owners[view_id], [])) >= MAX_STACK:
            return ["push_limit_reached"]
        else:
            self._push(self.owners[view_id], body["view"])
        return []

    # --- Home tab ----------------------------------------------------------------

    def publish(self, user: str, view: dict, hash_: Any) -> dict:
        """Publish a user's Home tab; it keeps its id across publishes."""
        home_id = self.homes.get(user)
        if home_id is None:
            stored = self._store(view, user)
            self.homes[user] = stored["id"]
            return copy.deepcopy(stored)
        current = self.views[home_id]
        if hash_ and hash_ != current["hash"]:
            raise SlackError("hash_conflict")
        self._replace(current, view)
        return copy.deepcopy(current)

    # --- lookups -------------------------------------------------------------------

    def find(self, view_id: Any, external_id: Any) -> dict:
        """A view still open (or a Home tab) by id or external_id."""
        found = None
        if view_id:
            found = self.views.get(view_id)
        elif external_id:
            found = next(
                (v for v in self.views.values() if v["external_id"] == external_id),
                None,
            )
        if found is None or found["id"] in self.closed:
            raise SlackError("not_found")
        return found

    def is_open(self, view_id: str) -> bool:
        return view_id in self.views and view_id not in self.closed

    def stack(self, user: str) -> list[dict]:
        return [copy.deepcopy(self.views[i]) for i in self.stacks.get(user, [])]

    def home(self, user: str) -> dict | None:
        home_id = self.homes.get(user)
        return copy.deepcopy(self.views[home_id]) if home_id else None

    # --- internals -------------------------------------------------------------------

    def _push(self, user: str, view: dict) -> dict:
        stack = self.stacks.setdefault(user, [])
        previous = stack[-1] if stack else None
        root = stack[0] if stack else None
        stored = self._store(view, user, previous=previous, root=root)
        stack.append(stored["id"])
        return stored

    def _store(
        self,
        view: dict,
        user: str,
        previous: str | None = None,
        root: str | None = None,
    ) -> dict:
        view_id = f"V{len(self.views) + 1:010d}"
        stored = {
            "id": view_id,
            "team_id": self.team_id,
            "type": view["type"],
            "state": {"values": {}},
            "previous_view_id": previous,
            "root_view_id": root or view_id,
            "app_id": self.app_id,
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        self._replace(stored, view)
        self.views[view_id] = stored
        self.owners[view_id] = user
        return stored

    def _replace(self, stored: dict, view: dict) -> None:
        """Take the new content, keep state for blocks still there, new hash."""
        view = copy.deepcopy(view)
        kept = {b.get("block_id") for b in view.get("blocks", [])}
        values = stored["state"]["values"]
        stored["state"] = {"values": {k: v for k, v in values.items() if k in kept}}
        stored.update(
            blocks=view.get("blocks", []),
            title=view.get("title"),
            submit=view.get("submit"),
            close=view.get("close"),
            private_metadata=view.get("private_metadata", ""),
            callback_id=view.get("callback_id", ""),
            external_id=view.get("external_id", stored.get("external_id", "")),
            clear_on_close=bool(view.get("clear_on_close", False)),
            notify_on_close=bool(view.get("notify_on_close", False)),
            hash=f"{int(self.clock())}.{secrets.token_urlsafe(6)}",
        )

    def _check_external_id(self, view: dict) -> None:
        external_id = view.get("external_id")
        if external_id and any(
            v.get("external_id") == external_id for v in self.views.values()
        ):
            raise SlackError("duplicate_external_id")


def _answer_view_problems(view: Any) -> list[str]:
    """What Slack would refuse in a view given in a response_action."""
    problems = blockkit.validate_view(view)
    if problems:
        return problems
    if view.get("type") != "modal":
        return ["a response_action view must be a modal"]
    if blockkit.view_size(view) > blockkit.MAX_VIEW_BYTES:
        return ["view_too_large"]
    return []


def _error_problems(view: dict, errors: Any) -> list[str]:
    """`errors` must be a non-empty map keyed by the view's input block_ids."""
    if not isinstance(errors, dict) or not errors:
        return ["response_action errors needs a non-empty errors object"]
    inputs = {b.get("block_id") for b in view["blocks"] if b.get("type") == "input"}
    return [
        f"errors names {block_id!r}, which is not an input block of the view"
        for block_id in errors
        if block_id not in inputs
    ]
