"""Small helpers every service shares: fetching by id and applying validated values."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..models import Record

R = TypeVar("R", bound=Record)


def get(session: Session, cls: type[R], record_id: int, label: str) -> R:
    obj = session.get(cls, record_id)
    if obj is None:
        raise NotFoundError(f"{label} findes ikke (længere). Den kan være slettet af en kollega.")
    return obj


def apply(obj: Record, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(obj, key, value)
