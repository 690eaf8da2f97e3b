"""Settings from the environment: defaults, and one clear line for each mistake."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.settings import ConfigError, Settings
from tests.e2e.conftest import ROOT

VALID = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


def test_defaults_follow_the_contract():
    settings = Settings.from_env(VALID)

    assert settings.database_url == "sqlite:///dealbot.db"
    assert settings.port == 3000
    assert settings.reminder_scan_seconds == 60
    assert settings.log_level == "INFO"
    assert settings.socket_mode is False


def test_app_token_means_socket_mode_and_no_signing_secret_needed():
    settings = Settings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}
    )

    assert settings.socket_mode is True


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-user"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({**VALID, "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN"),
        ({**VALID, "PORT": "eighty"}, "PORT"),
        ({**VALID, "PORT": "70000"}, "PORT"),
        ({**VALID, "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({**VALID, "DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"),
        ({**VALID, "DATABASE_URL": "postgresql+psycopg2://x/y"}, "DATABASE_URL"),
        ({**VALID, "SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"),
        ({**VALID, "DEALBOT_CHANNEL": "#sales"}, "DEALBOT_CHANNEL"),
        ({**VALID, "REMINDER_SCAN_SECONDS": "0"}, "REMINDER_SCAN_SECONDS"),
        ({**VALID, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_each_mistake_names_its_variable(env, variable):
    with pytest.raises(ConfigError) as raised:
        Settings.from_env(env)

    assert raised.value.variable == variable
    assert str(raised.value).startswith(variable)


def test_python_m_bot_exits_2_with_one_line_and_no_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PORT": "nope", **VALID},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dealbot: PORT must be a whole number from 1 to 65535"
    ]
