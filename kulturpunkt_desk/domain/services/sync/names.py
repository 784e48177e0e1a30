"""The desk's own name rules, which no database constraint holds: two records in one
scope may not have names that differ only in case (services/common.same_name_ids folds
them the Danish way on both engines). The merge asks here before it writes a name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, and_, select

# Table -> (the name column, the columns that make its scope).
NAME_RULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "programme": ("name", ()),
    "area": ("name", ("programme_id",)),
    "ekr_partnership": ("name", ()),
    "ekr_member": ("name", ("partnership_id",)),
    "ekr_budget_line": ("name", ("partnership_id", "year")),
}


@dataclass(frozen=True)
class NameClash:
    column: str
    other_id: Any


def name_clash(
    conn: Connection, table: Table, row: dict[str, Any], own_key: Any
) -> NameClash | None:
    """Another record of `row`'s scope on the server with the same name, case folded."""
    rule = NAME_RULES.get(table.name)
    if rule is None or not row.get(rule[0]):
        return None
    column, scope = rule
    folded = str(row[column]).strip().casefold()
    where = and_(*(table.c[c] == row.get(c) for c in scope)) if scope else None
    query = select(table.c.id, table.c[column])
    if where is not None:
        query = query.where(where)
    for other_id, name in conn.execute(query):
        if other_id != own_key and str(name).strip().casefold() == folded:
            return NameClash(column, other_id)
    return None
