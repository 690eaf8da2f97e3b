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


_INVISIBLE = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, 0xFEFF, 0x00AD]
)


def tidy_name(text: str | None) -> str:
    """A name as typed, with runs of white space folded and the invisible
    characters (zero-width spaces, direction overrides) removed, so a name that
    shows nothing is empty."""
    return " ".join((text or "").translate(_INVISIBLE).split())
