"""Small helpers every service shares: fetching by id and applying validated values."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..danish import pronoun
from ..errors import NotFoundError, ValidationError
from ..models import Record

R = TypeVar("R", bound=Record)


def not_found_message(label: str) -> str:
    """ "Lokalområdet findes ikke (længere). Det kan være slettet af en kollega." """
    return f"{label} findes ikke (længere). {pronoun(label)} kan være slettet af en kollega."


def get(session: Session, cls: type[R], record_id: int, label: str) -> R:
    obj = session.get(cls, record_id)
    if obj is None:
        raise NotFoundError(not_found_message(label))
    return obj


def apply(obj: Record, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(obj, key, value)


def check_unique_name(
    s: Session,
    id_column: InstrumentedAttribute[int],
    name_column: InstrumentedAttribute[str],
    name: str,
    own_id: int | None,
    what: str,
    *scope: ColumnElement[bool],
    where: str = "",
) -> None:
    """Refuse `name` when another record in `scope` has it; case is folded the Danish way
    (the engine's casefold function), so «Øster Åby» and «øster åby» clash."""
    clash = s.scalar(
        select(id_column).where(
            *scope, func.casefold(name_column) == name.casefold(), id_column != (own_id or -1)
        )
    )
    if clash is not None:
        raise ValidationError.single(
            "name", f"Navn: der findes allerede {what} ved navn «{name}»{where}."
        )
