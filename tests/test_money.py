"""Amounts as reps type them, read by the rules of their own locale."""

from decimal import Decimal

import pytest

from models.money import normalize_currency, parse_amount


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("12500", "en_US", "12500"),
        ("12500.50", "cs_CZ", "12500.50"),
        ("12,500.00", "en_US", "12500.00"),
        ("12,500", "en_US", "12500"),
        ("12,5", "cs_CZ", "12.5"),
        ("1 250 000,50", "cs_CZ", "1250000.50"),
        ("1\u00a0250\u00a0000", "cs_CZ", "1250000"),
        ("12.500,00", "de_DE", "12500.00"),
        ("0", "en_US", "0"),
    ],
)
def test_amounts_follow_the_readers_locale(text, locale, expected):
    assert parse_amount(text, "EUR", locale) == Decimal(expected)


@pytest.mark.parametrize(
    "text", ["", "-1", "1e5", "abc", "1.2.3", "12,50.0,0", "∞", "12.500,00"]
)
def test_not_an_amount_in_english(text):
    with pytest.raises(ValueError):
        parse_amount(text, "EUR", "en_US")


def test_more_decimals_than_the_currency_has():
    with pytest.raises(ValueError):
        parse_amount("100.5", "JPY")
    with pytest.raises(ValueError):
        parse_amount("10.555", "EUR")


def test_currency_codes():
    assert normalize_currency(" czk ") == "CZK"
    assert normalize_currency("KČ") is None
    assert normalize_currency("") is None
    assert normalize_currency("XXX") is None
