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
