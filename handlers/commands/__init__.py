"""``/deal``: one slash command, a word after it picks the subcommand.

Each feature module offers ``subcommands()``, a mapping of words to functions
``(runtime, command, rest, person, client, respond)``. The dispatcher acks at
once and answers the errors a user can fix where they asked.

Subcommands that open a modal run right after the ack, because the trigger_id
they need lives only three seconds; the rest run on the work pool, so a slow
list never delays another request's ack.
"""

from __future__ import annotations

from models import AmbiguousRef, DealbotError
from ui import help as help_ui
from ui import ids, notices

from ..runtime import Runtime
from . import customers, notes, pipeline

FEATURES = (pipeline, customers, notes)
OPEN_A_MODAL = {"new", "lost", "stages", "settings", "note", "attach", "contact",
                "company"}  # fmt: skip


def register(app, runtime: Runtime) -> None:
    subcommands: dict = {}
    for feature in FEATURES:
        subcommands.update(feature.subcommands())

    def run(command, client, respond):
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

    @app.command(ids.COMMAND)
    def deal_command(ack, command, client, respond):
        ack()
        word = (command.get("text") or "").strip().partition(" ")[0].lower()
        arguments = {"command": command, "client": client, "respond": respond}
        if word in OPEN_A_MODAL:
            runtime.run_now(run, arguments, command)
        else:
            runtime.run_later(run, arguments, command)
