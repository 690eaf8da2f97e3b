"""Translation and local formats for one reader.

English is the source language; Czech comes from ``locale/cs/LC_MESSAGES/
messages.po``, compiled in memory on first use (no binary catalog in the repo).
A ``Localizer`` bundles the reader's language, CLDR locale and time zone, so a
builder can say ``loc._("Stage")``, ``loc.money(value, "CZK")`` or
``loc.date(deal.close_date)`` without knowing who reads it.
"""

from __future__ import annotations

import gettext
import io
import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

logger = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "cs")
DEFAULT_FORMAT_LOCALE = {"en": "en_US", "cs": "cs_CZ"}


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog for ``language``; English and unknown languages use the source."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == "en" or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def language_of(slack_locale: str | None, fallback: str) -> str:
    """``cs-CZ`` → ``cs``; a language Dealbot does not speak → ``fallback``."""
    language = (slack_locale or "").replace("-", "_").split("_")[0].lower()
    return language if language in LANGUAGES else fallback


def format_locale_of(slack_locale: str | None, language: str) -> Locale:
    """The CLDR locale for numbers and dates: the user's own if Babel knows it."""
    if slack_locale:
        try:
            locale = Locale.parse(slack_locale.replace("-", "_"))
            if locale.language == language:
                return locale
        except (ValueError, UnknownLocaleError):
            logger.debug("Unknown Slack locale %r", slack_locale)
    return Locale.parse(DEFAULT_FORMAT_LOCALE[language])


def zone_of(tz_name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name) if tz_name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning("Unknown time zone %r; using UTC", tz_name)
        return ZoneInfo("UTC")


class Localizer:
    """Language, formats and time zone of one reader."""

    def __init__(self, language="en", slack_locale=None, tz_name=None) -> None:
        self.language = language if language in LANGUAGES else "en"
        self.locale = format_locale_of(slack_locale, self.language)
        self.tz = zone_of(tz_name)
        self._catalog = translations(self.language)

    def _(self, message: str, **params) -> str:
        text = self._catalog.gettext(message)
        return text % params if params else text

    def n_(self, singular: str, plural: str, count: int, **params) -> str:
        text = self._catalog.ngettext(singular, plural, count)
        return text % {"count": self.number(count), **params}

    def number(self, value) -> str:
        return format_decimal(value, locale=self.locale)

    def money(self, amount: Decimal, currency: str) -> str:
        return format_currency(amount, currency, locale=self.locale)

    def percent(self, whole: int) -> str:
        return format_percent(Decimal(whole) / 100, locale=self.locale)

    def date(self, value: date | None) -> str:
        return format_date(value, "medium", locale=self.locale) if value else "—"

    def datetime(self, value: datetime | None) -> str:
        if value is None:
            return "—"
        local = value.astimezone(self.tz)
        pattern = self.locale.datetime_formats["medium"]
        return pattern.format(
            format_time(local, "short", locale=self.locale),
            format_date(local, "medium", locale=self.locale),
        )

    def today(self) -> date:
        return datetime.now(UTC).astimezone(self.tz).date()

    def __repr__(self) -> str:
        return f"<Localizer {self.language} {self.locale} {self.tz.key}>"
