"""Parsing amounts and currency codes as a user types them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import get_currency_precision, list_currencies

from .base import MAX_AMOUNT
from .errors import N_

_CURRENCIES = frozenset(list_currencies())
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def normalize_currency(code: str | None) -> str | None:
    """An ISO 4217 code in upper case, or None when it is not one."""
    code = (code or "").strip().upper()
    return code if code in _CURRENCIES else None


def parse_amount(text: str, currency: str) -> Decimal:
    """A non-negative amount from ``1250000``, ``1 250 000,50`` or ``12,500.00``.

    Raises ``ValueError`` carrying a msgid when the text is not such an amount.
    """
    cleaned = _SPACES.sub("", text or "")
    if not cleaned:
        raise ValueError(N_("Enter the deal's value, e.g. 12500."))
    if "," in cleaned and "." in cleaned:
        # The later separator is the decimal one: 12,500.00 or 12.500,00.
        thousands = "," if cleaned.rfind(".") > cleaned.rfind(",") else "."
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    if cleaned.count(".") > 1 or not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        raise ValueError(N_("Enter a non-negative amount, e.g. 12500 or 12500.50."))
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(N_("Enter a non-negative amount, e.g. 12500.")) from error
    if amount >= MAX_AMOUNT:
        raise ValueError(N_("That amount is too large."))
    digits = get_currency_precision(currency)
    if -amount.as_tuple().exponent > digits:
        raise ValueError(N_("Too many decimal places for this currency."))
    return amount
