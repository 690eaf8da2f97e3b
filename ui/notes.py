"""Notes (interactions) as Slack shows them: the note form, a note cut short on
the card and in the history, and one note shown whole in a modal.

However long a note is, nothing here can break a message or a view: short forms
are cut with a button that opens the whole note, and the whole note is split
across as many sections as it needs.
"""

from __future__ import annotations

import json

from models.interactions import KINDS, MAX_OTHERS, MAX_PARTICIPANTS, MAX_TEXT, MEETING

from . import ids
from .blocks import (
    SECTION_TEXT,
    actions,
    button,
    confirm,
    context,
    input_block,
    modal,
    option,
    section,
    static_select,
    text_input,
)
from .common import deal_title, user
from .customer_modals import picker, record_option
from .i18n import Localizer
from .text import escape, escaped_cut, split_text

CARD_EXCERPT = 300
HISTORY_EXCERPT = 400
LABEL_ROOM = 100  # room for a field's label before its first piece of text
MAX_PEOPLE_SHOWN = 8  # in a note's heading line on the card and the history


def kind_label(kind: str, loc: Localizer) -> str:
    return loc._(KINDS.get(kind, KINDS[MEETING]))


def meta_line(note, loc: Localizer, most: int = MAX_PEOPLE_SHOWN) -> str:
    """*Meeting* · 2 Mar 2026, 14:30 · by @alice · with @bob, Jana (CFO), +3"""
    parts = [
        f"*{escape(kind_label(note.kind, loc))}*",
        loc.datetime(note.occurred_at),
        loc._("by %(user)s", user=user(note.author_id)),
    ]
    people = [user(u) for u in note.participant_user_ids or []]
    people += [escaped_cut(link.contact.name, 100) for link in note.contacts]
    if note.others_present:
        people.append(escaped_cut(note.others_present, 300))
    if len(people) > most:
        people = [*people[:most], f"+{loc.number(len(people) - most)}"]
    if people:
        parts.append(loc._("with %(people)s", people=", ".join(people)))
    return " · ".join(parts)


def note_excerpt(note, loc: Localizer, limit: int) -> dict:
    """One section: the note's heading and its start, with a button to open it."""
    lines = [meta_line(note, loc)]
    if note.deleted_at is not None:
        deleted = loc._("Deleted by %(user)s", user=user(note.deleted_by))
        lines.append(f"_{deleted}_")
    cut = False
    for index, (label, value) in enumerate(_labelled(note, loc)):
        room = limit if index == 0 else limit // 3
        cut = cut or len(escape(value)) > room
        shown = escaped_cut(value, room)
        lines.append(shown if index == 0 else f"*{escape(label)}:* {shown}")
    label = loc._("Show full note") if cut else loc._("Open note")
    return section(
        "\n".join(lines), accessory=button(label, ids.NOTE_OPEN, str(note.id))
    )


def _labelled(note, loc: Localizer) -> list[tuple[str, str]]:
    fields = [
        (loc._("Summary"), note.summary),
        (loc._("Outcome"), note.outcome),
        (loc._("Next steps"), note.next_steps),
        (loc._("The whole message"), getattr(note, "source_text", "")),
    ]
    return [(label, value) for label, value in fields if value]


def record_buttons(deal, loc: Localizer) -> list[dict]:
    """The deal card's buttons for its record: notes, history, documents."""
    value = str(deal.id)
    return [
        button(loc._("Add note"), ids.DEAL_ADD_NOTE, value),
        button(loc._("History"), ids.DEAL_HISTORY, value),
        button(loc._("Attach"), ids.DEAL_ATTACH, value),
    ]


def card_notes(notes, loc: Localizer) -> list[dict]:
    """The last few notes on the deal card, or how to add the first."""
    if not notes:
        return [context(loc._("No notes yet. Log one with “Add note”."))]
    blocks = [section("*" + loc._("Latest notes") + "*")]
    return blocks + [note_excerpt(note, loc, CARD_EXCERPT) for note in notes]


def full_text_blocks(note, loc: Localizer) -> list[dict]:
    """Every field of the note, whole, in sections of at most 3000 characters."""
    blocks = []
    for label, value in _labelled(note, loc):
        pieces = split_text(escape(value), SECTION_TEXT - LABEL_ROOM)
        pieces[0] = f"*{escape(label)}*\n{pieces[0]}"
        blocks += [section(piece) for piece in pieces]
    return blocks


def note_view_modal(note, deal, loc: Localizer, *, can_change: bool, edits: int):
    """One note whole, with Edit and Delete for its author and admins."""
    blocks = [section(deal_title(deal)), section(meta_line(note, loc, most=25))]
    if note.source_permalink:
        label = escape(loc._("the Slack message"))
        link = f"<{note.source_permalink}|{label}>"
        blocks.append(context(loc._("Logged from %(link)s", link=link)))
    blocks += full_text_blocks(note, loc)
    if edits:
        edited = loc.n_(
            "Edited %(count)s time; earlier text is kept.",
            "Edited %(count)s times; earlier text is kept.",
            edits,
        )
        blocks.append(context(edited))
    if note.deleted_at is not None:
        deleted = loc._(
            "Deleted by %(user)s, %(when)s",
            user=user(note.deleted_by),
            when=loc.datetime(note.deleted_at),
        )
        blocks.append(context(deleted))
    elif can_change:
        blocks.append(note_buttons(note, loc))
    return modal(
        ids.NOTE_VIEW_MODAL,
        loc._("Note"),
        blocks,
        close=loc._("Close"),
        private_metadata=json.dumps({"note": note.id}),
    )


def note_buttons(note, loc: Localizer) -> dict:
    value = str(note.id)
    sure = confirm(
        loc._("Delete this note?"),
        loc._("Admins can still read a deleted note."),
        loc._("Delete"),
        loc._("Cancel"),
    )
    return actions(
        button(loc._("Edit"), ids.NOTE_EDIT, value),
        button(loc._("Delete"), ids.NOTE_DELETE, value, style="danger", confirm=sure),
    )


def note_modal(
    loc: Localizer,
    *,
    deal=None,
    note=None,
    prefill: str = "",
    people: tuple = (),
    metadata: dict | None = None,
) -> dict:
    """The note form: new (``deal`` known, or a deal picker), or editing ``note``."""
    blocks = [_deal_block(deal, loc)]
    if prefill and len(prefill) > MAX_TEXT:
        longer = loc._(
            "The message is longer than a note field; the note keeps a link to "
            "the whole message."
        )
        blocks.append(context(longer))
    blocks += _form_inputs(loc, note, prefill, people)
    title = loc._("Edit note") if note else loc._("Log a note")
    return modal(
        ids.NOTE_MODAL,
        title,
        blocks,
        submit=loc._("Save"),
        close=loc._("Cancel"),
        private_metadata=json.dumps(metadata or {}),
    )


def _deal_block(deal, loc: Localizer) -> dict:
    if deal is not None:
        return section(deal_title(deal))
    return input_block(ids.NOTE_DEAL, loc._("Deal"), deal_picker(loc))


def deal_picker(loc: Localizer) -> dict:
    """A typeahead over the deals the user may see, by number or name."""
    return {
        "type": "external_select",
        "action_id": ids.DEAL_PICKER,
        "placeholder": {"type": "plain_text", "text": loc._("#12 or part of the name")},
        "min_query_length": 0,
    }


def _form_inputs(loc: Localizer, note, prefill: str, people) -> list[dict]:
    when = note.occurred_at.astimezone(loc.tz) if note else _now(loc)
    return [
        _kind_input(loc, note.kind if note else MEETING),
        *_when_inputs(loc, when),
        _participants_input(loc, note.participant_user_ids if note else people),
        _contacts_input(loc, [link.contact for link in note.contacts] if note else []),
        input_block(
            ids.NOTE_OTHERS,
            loc._("Others present"),
            text_input(
                ids.INPUT,
                initial=note.others_present if note else "",
                max_length=MAX_OTHERS,
            ),
            optional=True,
            hint=loc._("People from the customer's side, e.g. Jana Nováková (CFO)."),
        ),
        _text(ids.NOTE_SUMMARY, loc._("Summary"), note.summary if note else prefill),
        _text(ids.NOTE_OUTCOME, loc._("Outcome"), note.outcome if note else "", True),
        _text(
            ids.NOTE_NEXT_STEPS,
            loc._("Next steps"),
            note.next_steps if note else "",
            True,
        ),
    ]


def _kind_input(loc: Localizer, chosen: str) -> dict:
    kinds = [option(kind_label(kind, loc), kind) for kind in KINDS]
    initial = next(o for o in kinds if o["value"] == chosen)
    select = static_select(ids.INPUT, loc._("Kind"), kinds, initial=initial)
    return input_block(ids.NOTE_KIND, loc._("What was it"), select)


def _when_inputs(loc: Localizer, when) -> list[dict]:
    """Date and time, shown and read in the author's own time zone."""
    day = {
        "type": "datepicker",
        "action_id": ids.INPUT,
        "initial_date": when.date().isoformat(),
    }
    at = {
        "type": "timepicker",
        "action_id": ids.INPUT,
        "initial_time": when.strftime("%H:%M"),
    }
    hint = loc._("In your time zone (%(zone)s).", zone=loc.tz.key)
    return [
        input_block(ids.NOTE_DATE, loc._("Date"), day),
        input_block(ids.NOTE_TIME, loc._("Time"), at, hint=hint),
    ]


def _participants_input(loc: Localizer, users) -> dict:
    element = {
        "type": "multi_users_select",
        "action_id": ids.INPUT,
        "placeholder": {"type": "plain_text", "text": loc._("Choose people")},
        "max_selected_items": 50,
    }
    if users:
        element["initial_users"] = list(users)[:50]
    label = loc._("Who took part")
    return input_block(ids.NOTE_PARTICIPANTS, label, element, optional=True)


def _contacts_input(loc: Localizer, contacts) -> dict:
    """Registered contacts who took part, found with the contacts typeahead."""
    chosen = [record_option(contact.name, contact.id) for contact in contacts]
    element = picker(
        ids.CONTACT_PICKER,
        loc._("Type a contact's name"),
        initial=chosen,
        multi=True,
        limit=MAX_PARTICIPANTS,
    )
    return input_block(ids.NOTE_CONTACTS, loc._("Contacts"), element, optional=True)


def _text(block_id: str, label: str, initial: str, optional=False) -> dict:
    element = text_input(ids.INPUT, initial=initial, multiline=True, max_length=3000)
    return input_block(block_id, label, element, optional=optional)


def _now(loc: Localizer):
    from datetime import UTC, datetime

    return datetime.now(UTC).astimezone(loc.tz)
