"""``/deal help``: every subcommand with an example."""

from __future__ import annotations

from models.errors import N_

from .blocks import context, header, section
from .i18n import Localizer
from .text import escaped_cut

# (usage, msgid of the explanation, example)
SUBCOMMANDS = [
    ("new [name]", N_("Create a deal in a form."), "/deal new 40 laptops for Acme"),
    ("list [mine|@user|stage|won|lost|all]", N_("See the pipeline as a table."),
     "/deal list mine"),
    ("show <ref>", N_("Show a deal's card with its buttons."), "/deal show #12"),
    ("move <ref> <stage>", N_("Move a deal to another stage."),
     "/deal move #12 Proposal"),
    ("won <ref>", N_("Close a deal as won."), "/deal won #12"),
    ("lost <ref> [reason]", N_("Close a deal as lost, with the reason."),
     "/deal lost #12 Price"),
    ("note <ref>", N_("Log a meeting, call or e-mail on a deal."), "/deal note #12"),
    ("history <ref>", N_("A deal's notes, stage changes and documents, newest first."),
     "/deal history #12"),
    ("attach <ref>", N_("Attach the inquiry, offer or contract to a deal."),
     "/deal attach #12"),
    ("contacts [query]", N_("Find companies and contacts in the register."),
     "/deal contacts novak"),
    ("contact new", N_("Register a contact in a form."), "/deal contact new"),
    ("company new", N_("Register a company in a form."), "/deal company new"),
    ("stages", N_("Add, rename, reorder or remove stages (admins)."), "/deal stages"),
    ("settings", N_("Pipeline channel, currency, language, visibility (admins)."),
     "/deal settings"),
    ("help", N_("This list."), "/deal help"),
]  # fmt: skip


def help_blocks(loc: Localizer, *, unknown: str | None = None) -> list[dict]:
    blocks = [header(loc._("Dealbot commands"))]
    if unknown:
        blocks.append(
            section(
                loc._(
                    "I don't know `%(word)s`. Here is what I can do:",
                    word=escaped_cut(unknown, 40),
                )
            )
        )
    lines = [
        f"`/deal {usage}`: {loc._(explanation)}\n_{example}_"
        for usage, explanation, example in SUBCOMMANDS
    ]
    blocks.append(section("\n".join(lines)))
    blocks.append(
        context(
            loc._(
                "A deal is named by its number (#12 or 12) or a unique part of "
                "its name."
            )
        )
    )
    return blocks
