"""Comparing and storing values that crossed from SQLite to PostgreSQL and back."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

# A record's bookkeeping, never merged column by column: the server sets them itself.
BOOKKEEPING = frozenset({"row_version", "created_at", "updated_at"})


def comparable(value: Any) -> Any:
    """One form for one value on both engines: a time-zone-aware datetime as UTC without
    its zone (SQLite keeps none), an enum as its stored value."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, Enum):
        return value.value
    return value


def same(a: Any, b: Any) -> bool:
    return bool(comparable(a) == comparable(b))


def json_safe(value: Any) -> Any:
    """A value for a JSON column: dates as ISO text, bytes as base64, lists and dicts inside."""
    value = comparable(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {name: json_safe(value) for name, value in row.items()}
