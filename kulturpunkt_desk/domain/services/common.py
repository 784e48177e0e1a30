"""Small helpers every service shares: fetching by id and applying validated values."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
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


def same_name_ids(
    s: Session,
    id_column: InstrumentedAttribute[Any],
    name_column: InstrumentedAttribute[str],
    name: str,
    *scope: ColumnElement[bool],
) -> set[Any]:
    """The ids of records in `scope` named `name`, whatever the case.

    Folded in Python, not in SQL: SQLite's lower() leaves Æ, Ø and Å alone and
    PostgreSQL's depends on the server's locale, while str.casefold is the same
    everywhere. A scope (one programme's areas, one partnership's members) holds at most
    a few hundred names, so reading them costs nothing.
    """
    folded = name.strip().casefold()
    rows = s.execute(select(id_column, name_column).where(*scope))
    return {row_id for row_id, row_name in rows if row_name.strip().casefold() == folded}


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
    """Refuse `name` when another record in `scope` has it; case is folded the Danish way,
    so «Øster Åby» and «øster åby» clash (on either engine: see same_name_ids)."""
    if same_name_ids(s, id_column, name_column, name, *scope) - {own_id}:
        raise ValidationError.single(
            "name", f"Navn: der findes allerede {what} ved navn «{name}»{where}."
        )
