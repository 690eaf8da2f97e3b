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


def test_a_form_slack_refused_to_open_in_time_is_a_warning_and_a_hint(slack, fake, bot):
    fake.fail_next("views.open", status=200, error="expired_trigger_id")

    slack.command("new Late deal")

    reply = answer(slack)
    assert reply["text"] == (
        "Slack gave up waiting for that form to open. Please try again."
    )
    assert "A modal could not open in time: expired_trigger_id" in bot.log()
