"""Declarative base and the column types every model shares.

Two types carry the project's rules for time and money so that no model has to
remember them:

* ``UTCDateTime`` stores aware datetimes as UTC and hands them back aware on
  SQLite and PostgreSQL alike (SQLite keeps no zone of its own).
* ``Money`` stores an amount exactly, as an integer count of ten-thousandths, so
  sums in SQL stay exact on both backends; Python sees ``Decimal``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

MONEY_SCALE = Decimal(10_000)
MAX_AMOUNT = Decimal(10) ** 14

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


def get_row(session, model, row_id):
    """``session.get`` for an id that came from a payload: an id no table could
    hold (forged, garbled) finds nothing instead of raising in the driver."""
    if not isinstance(row_id, int) or not 0 < row_id <= MAX_ID:
        return None
    return session.get(model, row_id)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored in UTC; naive values are refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Money(TypeDecorator[Decimal]):
    """A non-float amount kept as an integer number of ten-thousandths."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(value) * MONEY_SCALE).to_integral_value())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)) / MONEY_SCALE
