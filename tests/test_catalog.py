"""The Czech catalog keeps up with the English source and fits what Slack accepts.

The source is extracted here, in-process, the way ``make messages`` extracts it, so
a msgid added to the code fails these tests until it is merged into
``ui/locale/cs/LC_MESSAGES/messages.po`` (``make messages``) and translated. No
Slack and no database are involved.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from ui.blocks import MODAL_TITLE
from ui.i18n import LOCALE_DIR, Localizer

ROOT = Path(__file__).resolve().parent.parent
# The folders and keywords of `pybabel extract` in the Makefile's `messages` target.
SOURCE_DIRS = ("bot", "handlers", "models", "scheduler", "ui")
KEYWORDS = {**DEFAULT_KEYWORDS, "_": None, "n_": (1, 2), "N_": None}
MARKERS = ("_", "n_", "N_")
CZECH_PO = LOCALE_DIR / "cs" / "LC_MESSAGES" / "messages.po"
CZECH_PLURAL_FORMS = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
# A deal number such as "#12345" stands in for a placeholder in a modal title.
SAMPLE_VALUE = "#12345"
# Marked inside f-strings, so never extracted; remove each once the code is fixed.


@cache
def source_messages() -> dict[str, tuple[str, ...]]:
    """Every msgid marked in the source: singular → (singular[, plural])."""
    messages = {}
    for folder in SOURCE_DIRS:
        for _filename, _lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS
        ):
            forms = (message,) if isinstance(message, str) else tuple(message[:2])
            messages.setdefault(forms[0], forms)
    return messages


@cache
def czech_catalog():
    with CZECH_PO.open("rb") as po_file:
        return read_po(po_file, locale="cs")


def czech_messages():
    return [message for message in czech_catalog() if message.id]


def singular(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def forms_of(message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else message.string


def source_trees():
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return None


def literal_msgids(node: ast.AST) -> set[str]:
    """msgids of ``_("...")`` / ``n_("...", ...)`` / ``N_("...")`` under ``node``."""
    return {
        call.args[0].value
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and called_name(call) in MARKERS
        and call.args
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
    }


def modal_text_msgids() -> dict[str, str]:
    """msgid → where it is used as a modal's title, submit or close label.

    A name passed to ``modal(...)`` is followed to its assignments in the same
    function, e.g. ``title = loc._("Edit deal") if deal else loc._("New deal")``.
    """
    found = {}
    for path, tree in source_trees():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            assigned: dict[str, list[ast.AST]] = {}
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).append(node.value)
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and called_name(call) == "modal"):
                    continue
                texts = call.args[1:2] + [
                    k.value
                    for k in call.keywords
                    if k.arg in ("title", "submit", "close")
                ]
                for text in texts:
                    nodes = (
                        assigned.get(text.id, [])
                        if isinstance(text, ast.Name)
                        else [text]
                    )
                    for node in nodes:
                        for msgid in literal_msgids(node):
                            found.setdefault(
                                msgid, f"{path.relative_to(ROOT)}:{call.lineno}"
                            )
    return found


def test_every_message_in_the_source_has_a_czech_translation():
    translated = {
        singular(message)
        for message in czech_messages()
        if not message.fuzzy and all(form.strip() for form in forms_of(message))
    }

    untranslated = sorted(set(source_messages()) - translated)

    assert untranslated == [], (
        "Run `make messages` and translate these in "
        f"{CZECH_PO.relative_to(ROOT)}: {untranslated}"
    )


def test_czech_translations_keep_the_placeholders_of_their_msgid():
    mismatched = []

    for message in czech_messages():
        expected = placeholders(
            message.id if isinstance(message.id, str) else message.id[-1]
        )
        for form in forms_of(message):
            if form and placeholders(form) != expected:
                mismatched.append((singular(message), form))

    assert mismatched == []


def test_czech_translations_fill_in_with_their_msgids_parameters():
    broken = []

    for message in czech_messages():
        names = placeholders(singular(message))
        if not names:
            continue
        params = dict.fromkeys(names, "x")
        for form in forms_of(message):
            try:
                form % params
            except (KeyError, ValueError, TypeError) as error:
                broken.append((singular(message), form, repr(error)))

    assert broken == []


def test_catalog_declares_czech_and_its_three_plural_forms():
    catalog = czech_catalog()

    headers = dict(catalog.mime_headers)

    assert headers["Language"] == "cs"
    assert headers["Plural-Forms"] == CZECH_PLURAL_FORMS
    assert catalog.num_plurals == 3


def test_plural_messages_have_a_czech_form_for_one_few_and_many():
    plural_entries = [m for m in czech_messages() if isinstance(m.id, tuple)]

    short = [singular(m) for m in plural_entries if len(forms_of(m)) != 3]
    empty = [singular(m) for m in plural_entries if not all(forms_of(m))]

    assert plural_entries, "expected plural messages such as '%(count)s deal'"
    assert short == []
    assert empty == []


def test_czech_modal_titles_and_buttons_fit_slacks_24_characters():
    strings = {singular(m): m.string for m in czech_messages()}
    used_in_modals = modal_text_msgids()

    too_long = {
        msgid: (strings[msgid], where)
        for msgid, where in used_in_modals.items()
        if msgid in strings
        and len(PLACEHOLDER.sub(SAMPLE_VALUE, strings[msgid])) > MODAL_TITLE
    }

    assert {"New deal", "Edit deal", "Save", "Cancel"} <= set(used_in_modals)
    assert too_long == {}


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 obchod"), (3, "3 obchody"), (5, "5 obchodů"), (0, "0 obchodů")],
)
def test_czech_reader_sees_the_plural_form_czech_grammar_asks_for(count, expected):
    loc = Localizer("cs", "cs-CZ", "Europe/Prague")

    text = loc.n_("%(count)s deal", "%(count)s deals", count)

    assert text == expected


def test_czech_reader_sees_default_stages_and_buttons_in_czech():
    loc = Localizer("cs", "cs-CZ", "Europe/Prague")

    stages = [loc._(name) for name in ("Lead", "Proposal", "Won", "Lost")]
    button = loc._("Next stage: %(stage)s", stage=loc._("Proposal"))

    assert stages == ["Zájemce", "Nabídka", "Vyhráno", "Prohráno"]
    assert button == "Další fáze: Nabídka"


def messages_hidden_from_the_extractor() -> dict[str, str]:
    """Literal msgids marked in the source that the extraction does not find.

    On Python 3.11 pybabel cannot look inside an f-string, so
    ``f"*{loc._('Request')}*"`` never reaches the catalog and stays English.
    """
    marked = {}
    for path, tree in source_trees():
        for msgid in literal_msgids(tree):
            marked.setdefault(msgid, str(path.relative_to(ROOT)))
    return {
        msgid: where
        for msgid, where in marked.items()
        if msgid not in source_messages()
    }


def test_every_marked_message_is_visible_to_the_extractor():
    hidden = messages_hidden_from_the_extractor()

    assert hidden == {}, "Call loc._() outside the f-string so pybabel can extract it."
