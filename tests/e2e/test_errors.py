"""A bug or an unexpected Slack error reaches one handler: logged, and the user
hears a short apology instead of silence or a traceback."""

from __future__ import annotations

from tests.e2e.conftest import answer


def test_an_unexpected_slack_error_is_logged_and_the_user_told(slack, fake, bot):
    slack.allowed_errors += [
        "Unhandled error while handling a Slack request",
        "Traceback",
    ]
    fake.fail_next("views.open", status=200, error="fatal_error")

    slack.command("stages")

    reply = answer(slack)
    assert reply["text"].startswith("Sorry, something went wrong on my side.")
    assert "fatal_error" not in reply["text"]
    assert "Unhandled error while handling a Slack request" in bot.log()


def test_an_error_in_work_after_the_ack_reaches_the_same_handler(slack, fake, bot):
    slack.allowed_errors += [
        "Unhandled error while handling a Slack request",
        "Traceback",
    ]
    fake.fail_next("views.publish", status=200, error="fatal_error")
    before = bot.log().count("Unhandled error while handling a Slack request")

    slack.app_home_opened("U_ALICE")

    fake.wait_for("views.publish")
    slack.app_home_opened("U_ALICE")
    fake.wait_for("views.publish", count=2)
    assert (
        bot.log().count("Unhandled error while handling a Slack request") == before + 1
    )
