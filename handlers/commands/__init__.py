"""``/deal``: one slash command, a word after it picks the subcommand.

Each feature module offers ``subcommands()``, a mapping of words to functions
``(runtime, command, rest, person, client, respond)``. The dispatcher acks at once,
finds who is asking, and answers the errors a user can fix where they asked.
"""

from __future__ import annotations

from models import AmbiguousRef, DealbotError
from ui import help as help_ui
from ui import ids, notices

from ..runtime import Runtime
from . import customers, notes, pipeline

FEATURES = (pipeline, customers, notes)


def register(app, runtime: Runtime) -> None:
    subcommands: dict = {}
    for feature in FEATURES:
        subcommands.update(feature.subcommands())

    @app.command(ids.COMMAND)
    def deal_command(ack, command, client, respond):
        ack()
        word, _, rest = (command.get("text") or "").strip().partition(" ")
        person = runtime.reader(command, client)
        loc = person.localizer()
        handler = subcommands.get(word.lower() or "help")
        if handler is None:
            respond(
                blocks=help_ui.help_blocks(loc, unknown=word),
                text=loc._("Dealbot commands"),
            )
            return
        try:
            handler(runtime, command, rest.strip(), person, client, respond)
        except AmbiguousRef as error:
            respond(text=notices.ambiguous(error, loc))
        except DealbotError as error:
            respond(text=notices.translated_error(error, loc))
