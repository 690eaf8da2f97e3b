"""A deal's documents as Slack shows them: the attach modal, and the card's list
of documents with the kinds its stage still misses."""

from __future__ import annotations

import json

from models.documents import KINDS, OTHER

from . import ids
from .blocks import context, input_block, modal, option, section, static_select
from .common import deal_title, user
from .i18n import Localizer
from .notes import deal_picker
from .text import escape, escaped_cut

CARD_DOCUMENTS = 5
MAX_FILES = 10


def kind_label(kind: str, loc: Localizer) -> str:
    return loc._(KINDS.get(kind, KINDS[OTHER]))


def file_size(size: int, loc: Localizer) -> str:
    if size >= 1024 * 1024:
        return f"{loc.number(round(size / (1024 * 1024), 1))} MB"
    return f"{loc.number(max(1, round(size / 1024)))} kB"


def document_link(document) -> str:
    """The file's name, escaped, linked to its Slack permalink when it has one."""
    name = escaped_cut(document.name, 150)
    return f"<{document.permalink}|{name}>" if document.permalink else name


def document_line(document, loc: Localizer) -> str:
    """• <Nabídka.pdf> · Offer / quote · 52 kB · @bob, 4 Mar 2026, 10:00"""
    return " · ".join(
        [
            f"• {document_link(document)}",
            f"*{escape(kind_label(document.kind, loc))}*",
            file_size(document.size, loc),
            f"{user(document.added_by)}, {loc.datetime(document.added_at)}",
        ]
    )


def card_documents(documents, missing: list[str], loc: Localizer) -> list[dict]:
    """The latest documents with links, then the kinds missing for the stage."""
    blocks = []
    if documents:
        lines = [document_line(d, loc) for d in documents[:CARD_DOCUMENTS]]
        title = "*" + loc._("Documents") + "*"
        blocks.append(section("\n".join([title, *lines])))
    if missing:
        kinds = ", ".join(escape(kind_label(kind, loc)) for kind in missing)
        blocks.append(context(loc._("Missing for this stage: %(kinds)s", kinds=kinds)))
    elif not documents:
        blocks.append(context(loc._("No documents yet.")))
    return blocks


def kind_select(loc: Localizer, initial: str | None = None) -> dict:
    choices = [option(kind_label(kind, loc), kind) for kind in KINDS]
    chosen = next((o for o in choices if o["value"] == initial), None)
    return static_select(ids.INPUT, loc._("Kind of document"), choices, chosen)


def attach_modal(
    loc: Localizer,
    *,
    deal=None,
    files: list[dict] | None = None,
    kind: str | None = None,
    metadata: dict | None = None,
) -> dict:
    """Files to attach: chosen in a file_input, or given (a message's files).

    Without ``deal`` the modal asks for one with the deal picker.
    """
    if deal is not None:
        blocks = [section(deal_title(deal))]
    else:
        blocks = [input_block(ids.ATTACH_DEAL, loc._("Deal"), deal_picker(loc))]
    if files:
        names = [f"• {escaped_cut(f.get('name') or f['id'], 150)}" for f in files]
        blocks.append(section("\n".join(names[:MAX_FILES])))
    else:
        picker = {"type": "file_input", "action_id": ids.INPUT, "max_files": 10}
        blocks.append(input_block(ids.ATTACH_FILES, loc._("Files"), picker))
    blocks.append(
        input_block(ids.ATTACH_KIND, loc._("Kind of document"), kind_select(loc, kind))
    )
    return modal(
        ids.ATTACH_MODAL,
        loc._("Attach documents"),
        blocks,
        submit=loc._("Attach"),
        close=loc._("Cancel"),
        private_metadata=json.dumps(metadata or {}),
    )


def attached_text(deal, documents, loc: Localizer) -> str:
    """A confirmation: which files became which kind of document on which deal."""
    files = ", ".join(
        f"{escaped_cut(d.name, 80)} ({escape(kind_label(d.kind, loc))})"
        for d in documents[:MAX_FILES]
    )
    return loc._("Attached to %(deal)s: %(files)s", deal=deal_title(deal), files=files)
