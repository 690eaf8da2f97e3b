"""The bodies Slack would send for ``/deal list`` and a "Next stage" click.

Bodies are built before the clock starts and signed as they are sent (the
signature covers a timestamp that must be fresh). Their fields follow Slack's
payloads as ``tests.fakeslack.SlackSender`` builds them; the response_urls come
from the fake, so the bot's answers are checked there. The trigger_ids are
shaped like Slack's but unknown to the fake: neither request opens a modal.
"""

from __future__ import annotations

import itertools
import json
import secrets
import time
from urllib.parse import urlencode

from ui import ids

from .cast import APP_ID, CHANNEL_ID, CHANNEL_NAME, REPS, TEAM_DOMAIN, TEAM_ID

VERIFICATION_TOKEN = "bench-verification-token"
CARD_TS = "1733300000.000100"  # the deal card the clicks come from

_trigger_numbers = itertools.count(1000)


def list_command(user_id: str, response_url: str) -> bytes:
    """``/deal list`` typed by ``user_id`` in the sales channel."""
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": CHANNEL_ID,
        "channel_name": CHANNEL_NAME,
        "user_id": user_id,
        "user_name": _rep_name(user_id),
        "command": ids.COMMAND,
        "text": "list",
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": _trigger_id(),
    }
    return urlencode(fields).encode()


def next_stage_click(
    user_id: str, response_url: str, deal_id: int, stage_id: int
) -> bytes:
    """A click on "Next stage" on the card of a deal last seen in ``stage_id``."""
    button = {
        "type": "button",
        "action_id": ids.DEAL_NEXT_STAGE,
        "block_id": "deal_actions",
        "text": {"type": "plain_text", "text": "Next stage", "emoji": True},
        "value": f"{deal_id}:{stage_id}",
        "action_ts": f"{time.time():.6f}",
    }
    message = {
        "type": "message",
        "ts": CARD_TS,
        "user": "UBOT",
        "bot_id": "B0001",
        "text": f"Deal {deal_id}",
        "blocks": [
            {
                "type": "section",
                "block_id": "deal_title",
                "text": {"type": "mrkdwn", "text": f"*Deal {deal_id}*"},
            },
            {
                "type": "actions",
                "block_id": "deal_actions",
                "elements": [{k: v for k, v in button.items() if k != "action_ts"}],
            },
        ],
    }
    payload = {
        "type": "block_actions",
        "token": VERIFICATION_TOKEN,
        "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "is_enterprise_install": False,
        "enterprise": None,
        "trigger_id": _trigger_id(),
        "container": {
            "type": "message",
            "message_ts": CARD_TS,
            "channel_id": CHANNEL_ID,
            "is_ephemeral": False,
        },
        "channel": {"id": CHANNEL_ID, "name": CHANNEL_NAME},
        "message": message,
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [button],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def _user(user_id: str) -> dict:
    name = _rep_name(user_id)
    return {"id": user_id, "username": name, "name": name, "team_id": TEAM_ID}


def _rep_name(user_id: str) -> str:
    return next(rep.name for rep in REPS if rep.user_id == user_id)


def _trigger_id() -> str:
    return f"{next(_trigger_numbers)}.{int(time.time())}.{secrets.token_hex(8)}"
