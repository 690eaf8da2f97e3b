"""Parsing amounts and currency codes as a user types them."""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    get_currency_precision,
    get_group_symbol,
    list_currencies,
    parse_decimal,
)

from .base import MAX_AMOUNT
from .errors import N_

# XXX ("no currency") and XTS ("for testing") are codes, but not for a deal.
_CURRENCIES = frozenset(list_currencies()) - {"XXX", "XTS"}
_SPACES = re.compile(r"[ \u00a0\u202f]+")
_PLAIN = re.compile(r"\d+(\.\d+)?")
_ALLOWED = re.compile(r"[\d.,'’ \u00a0\u202f]+")


def normalize_currency(code: str | None) -> str | None:
    """An ISO 4217 code in upper case, or None when it is not one."""
    code = (code or "").strip().upper()
    return code if code in _CURRENCIES else None


def parse_amount(text: str, currency: str, locale: Locale | str = "en_US") -> Decimal:
    """A non-negative amount as written in ``locale``, or plainly as ``12500.50``.

    ``12,500`` is twelve thousand five hundred to an English reader and twelve and
    a half to a Czech one; the reader's locale decides, through CLDR's rules.
    Raises ``ValueError`` carrying a msgid when the text is not such an amount.
    """
    text = (text or "").strip()
    if not text:
        raise ValueError(N_("Enter the deal's value, e.g. 12500."))
    if not _ALLOWED.fullmatch(text):
        raise ValueError(N_("Enter a non-negative amount, e.g. 12500 or 12500.50."))

    amount = _parse(text, Locale.parse(locale))
    if amount is None:
        raise ValueError(N_("Enter a non-negative amount, e.g. 12500 or 12500.50."))
    if amount >= MAX_AMOUNT:
        raise ValueError(N_("That amount is too large."))
    if -amount.as_tuple().exponent > get_currency_precision(currency):
        raise ValueError(N_("Too many decimal places for this currency."))
    return amount


def _parse(text: str, locale: Locale) -> Decimal | None:
    group = get_group_symbol(locale=locale)
    if _SPACES.sub("", group) == "":
        # Typed spaces stand for the locale's (non-breaking) group separator.
        localized = _SPACES.sub(group, text)
    else:
        localized = _SPACES.sub("", text)
    try:
        return parse_decimal(localized, locale=locale, strict=True)
    except NumberFormatError:
        pass
    plain = _SPACES.sub("", text)
    return Decimal(plain) if _PLAIN.fullmatch(plain) else None
