"""Folding text for search that ignores case and accents on every backend."""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """``Příliš Žluťoučký`` → ``prilis zlutoucky``: no accents, case-folded."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with wildcards escaped by ``\\``."""
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# Characters that draw nothing although Unicode files them as letters or symbols.
_BLANK_LOOKING = frozenset("\u115f\u1160\u2800\u3164\uffa0")


def shows_nothing(text: str) -> bool:
    """True when ``text`` would look empty: only spaces, format characters
    (zero-width, direction marks), combining marks and blank-looking fillers."""
    return all(
        unicodedata.category(c) in ("Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me")
        or c in _BLANK_LOOKING
        for c in text
    )


def tidy_name(text: str | None) -> str:
    """A name as typed, its runs of white space folded; empty when it would show
    nothing at all. Joiners inside emoji or Persian words are kept."""
    name = " ".join((text or "").split())
    return "" if shows_nothing(name) else name
