"""manifest.yaml passes Slack's own schema and declares what the code listens to."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import handlers
from handlers.runtime import Runtime

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "schemas" / "slack-app-manifest.v1.schema.json"


class RecordingApp:
    """Stands in for a Bolt app and remembers what each listener listens to."""

    def __init__(self) -> None:
        self.registered: dict[str, list] = {}

    def __getattr__(self, kind: str):
        def listen(*matchers, **_options):
            self.registered.setdefault(kind, []).extend(matchers)
            return lambda function: function

        return listen


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((ROOT / "manifest.yaml").read_text())


@pytest.fixture(scope="module")
def registered() -> dict:
    app = RecordingApp()
    handlers.register_all(app, Runtime(sessions=None, people=None, wake_outbox=None))
    return app.registered


@pytest.mark.skipif(not SCHEMA.exists(), reason="Slack's schema is in ../shared")
def test_manifest_passes_slacks_schema(manifest):
    schema = json.loads(SCHEMA.read_text())

    errors = [
        e.message for e in jsonschema.Draft7Validator(schema).iter_errors(manifest)
    ]

    assert errors == []


def test_every_registered_command_is_in_the_manifest(manifest, registered):
    declared = {c["command"] for c in manifest["features"]["slash_commands"]}

    assert set(registered["command"]) <= declared
    assert registered["command"]


def test_every_registered_shortcut_is_in_the_manifest(manifest, registered):
    declared = {s["callback_id"] for s in manifest["features"].get("shortcuts", [])}
    listened = {
        m if isinstance(m, str) else m["callback_id"]
        for kind in ("shortcut", "global_shortcut", "message_shortcut")
        for m in registered.get(kind, [])
    }

    assert listened <= declared


def test_every_event_listened_to_is_subscribed(manifest, registered):
    subscribed = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    families = {event.split(".")[0] for event in subscribed}

    for event in registered.get("event", []):
        name = event if isinstance(event, str) else event["type"]
        assert name in subscribed or name in families, name


def test_app_home_and_interactivity_are_enabled(manifest):
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
