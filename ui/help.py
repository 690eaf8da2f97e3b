"""``/deal help``: every subcommand with an example."""

from __future__ import annotations

from .blocks import context, header, section
from .i18n import Localizer
from .text import escaped_cut

# (usage, msgid of the explanation, example)
SUBCOMMANDS = [
    ("new [name]", "Create a deal in a form.", "/deal new 40 laptops for Acme"),
    (
        "list [mine|@user|stage|won|lost|all]",
        "See the pipeline as a table.",
        "/deal list mine",
    ),
    ("show <ref>", "Show a deal's card with its buttons.", "/deal show #12"),
    ("move <ref> <stage>", "Move a deal to another stage.", "/deal move #12 Proposal"),
    ("won <ref>", "Close a deal as won.", "/deal won #12"),
    (
        "lost <ref> [reason]",
        "Close a deal as lost, with the reason.",
        "/deal lost #12 Price",
    ),
    ("stages", "Add, rename, reorder or remove stages (admins).", "/deal stages"),
    (
        "settings",
        "Pipeline channel, currency, language, visibility (admins).",
        "/deal settings",
    ),
    ("help", "This list.", "/deal help"),
]


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
