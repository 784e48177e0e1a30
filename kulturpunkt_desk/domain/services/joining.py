"""A laptop's own database joins the team's: records merged by key, doubles paired by a person.

Records carry UUID keys, so a record the laptop already shares with the team (both copies
came from one file) is recognised by its key; the team's version stands. What the laptop
made on its own is copied in. Two records made separately for the same thing (the same
programme or area created on two laptops, the same person typed in twice) have different
keys: they are found and put to the user, never duplicated silently.

- A record that would break one of the team's unique rules (a programme's name, an area's
  name in its programme, a funding year...) is the same thing by the desk's own definition:
  it is paired with the team's record, and the user confirms the pairing.
- A person or organisation with the same name (or e-mail) is only probably the same: the
  user says "the same" (pair) or "two different" (keep both).

A pair means: the laptop's record is not copied, and everything of the laptop that pointed
to it points to the team's record instead. The join is one transaction on the team's
database: all of it, or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, Table, UniqueConstraint, and_, select

from kulturpunkt_desk.storage.engine import Database

from ..errors import DeskError
from ..models import Base

Decision = Literal["pair", "keep_both"]
# Bookkeeping that differs between two copies of one record without its content differing.
_BOOKKEEPING = {"row_version", "created_at", "updated_at"}
# Tables whose rows may be the same thing under two keys although no rule says so.
_LOOKALIKES: dict[str, tuple[str, ...]] = {"person": ("email", "name"), "organisation": ("name",)}
_LABEL_COLUMNS = ("name", "title", "filename", "key")
_KIND = {
    "programme": "programmet",
    "area": "lokalområdet",
    "person": "personen",
    "organisation": "organisationen",
    "ekr_partnership": "partnerskabet",
    "ekr_member": "medlemmet",
}
# The same names where other services name a record ("«Fjordglimt» (lokalområdet)").
RECORD_NOUNS = _KIND


@dataclass(frozen=True)
class Candidate:
    """A laptop record that looks like a team record with another key."""

    table: str
    laptop_id: str
    team_id: str
    label: str  # Danish: «Fjordglimt» (lokalområdet)
    certain: bool  # True: a unique rule says it is the same thing; it can only be paired

    @property
    def asks(self) -> bool:
        """Put to the user; the rest (a paired area's grant, say) follow their parent."""
        return self.table in _KIND or not self.certain


@dataclass
class JoinPlan:
    new: dict[str, int] = field(default_factory=dict)  # table -> rows to copy
    shared: int = 0  # records both already hold under one key
    differing: list[str] = field(default_factory=list)  # shared, changed on one side
    candidates: list[Candidate] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # rows that cannot be joined, why

    def undecided(self, decisions: dict[str, Decision]) -> list[Candidate]:
        return [c for c in self.candidates if c.asks and c.laptop_id not in decisions]


def _label(table: Table, row: dict[str, Any]) -> str:
    text = next((str(row[c]) for c in _LABEL_COLUMNS if row.get(c)), row.get("id"))
    return f"«{text}» ({_KIND.get(table.name, table.name)})"


def _key_columns(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _unique_sets(table: Table) -> list[list[str]]:
    sets = [
        [c.name for c in u.columns] for u in table.constraints if isinstance(u, UniqueConstraint)
    ]
    sets += [[c.name] for c in table.columns if c.unique]
    # Partial unique indexes (one primary contact per area) are left to the savepoint below.
    return [s for s in sets if s]


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    for row in conn.execute(select(table)).mappings():
        yield dict(row)


def _content(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in _BOOKKEEPING}


class _Join:
    """One pass over the laptop's rows, parents first; with `write`, it copies."""

    def __init__(self, laptop: Connection, team: Connection, decisions: dict[str, Decision]):
        self.laptop, self.team, self.decisions = laptop, team, decisions
        self.plan = JoinPlan()
        self.pairs: dict[str, str] = {}  # laptop key -> team key
        self.skipped: set[str] = set()  # laptop keys not joined (their children follow)
        self._values: dict[tuple[str, str], dict[str, str]] = {}

    def run(self, write: bool) -> JoinPlan:
        for table in Base.metadata.sorted_tables:
            for row in _rows(self.laptop, table):
                self._one(table, row, write)
        return self.plan

    def _remapped(self, table: Table, row: dict[str, Any]) -> dict[str, Any] | None:
        out = dict(row)
        for fk in table.foreign_keys:
            value = out.get(fk.parent.name)
            if value is None:
                continue
            if value in self.skipped:
                return None
            out[fk.parent.name] = self.pairs.get(value, value)
        return out

    def _one(self, table: Table, row: dict[str, Any], write: bool) -> None:
        keys = _key_columns(table)
        laptop_key = str(row[keys[0]]) if len(keys) == 1 else ""
        remapped = self._remapped(table, row)
        if remapped is None:
            self.skipped.add(laptop_key)
            self.plan.left_out.append(f"{_label(table, row)}: hører til noget, der ikke kom med")
            return
        where = and_(*(table.c[k] == remapped[k] for k in keys))
        existing = self.team.execute(select(table).where(where)).mappings().first()
        if existing is not None:
            self.plan.shared += 1
            if _content(dict(existing)) != _content(remapped) and table.name != "audit_entry":
                self.plan.differing.append(_label(table, dict(existing)))
            return
        twin = self._twin(table, remapped)
        if twin is not None:
            team_key, certain = twin
            candidate = Candidate(table.name, laptop_key, team_key, _label(table, row), certain)
            self.plan.candidates.append(candidate)
            # Planned as paired until the user says otherwise, so the whole plan shows.
            if self.decisions.get(laptop_key, "pair") == "pair":
                self.pairs[laptop_key] = team_key
                return
        self.plan.new[table.name] = self.plan.new.get(table.name, 0) + 1
        if write:
            self._insert(table, remapped, laptop_key, row)

    def _twin(self, table: Table, row: dict[str, Any]) -> tuple[str, bool] | None:
        """The team's record this one duplicates: by a unique rule, or by look-alike."""
        if len(_key_columns(table)) != 1 or "id" not in table.c:
            return None
        for columns in _unique_sets(table):
            if any(row.get(c) is None for c in columns):
                continue
            clash = self.team.execute(
                select(table.c.id).where(and_(*(table.c[c] == row[c] for c in columns)))
            ).scalar()
            if clash is not None:
                return str(clash), True
        for column in _LOOKALIKES.get(table.name, ()):
            value = " ".join(str(row.get(column) or "").split()).casefold()
            found = self._team_values(table, column).get(value) if value else None
            if found is not None:
                return found, False
        return None

    def _team_values(self, table: Table, column: str) -> dict[str, str]:
        """The team's records by a column's folded text (Danish letters fold in Python,
        not in every engine's lower())."""
        if (table.name, column) not in self._values:
            rows = self.team.execute(select(table.c.id, table.c[column])).all()
            self._values[(table.name, column)] = {
                " ".join(str(text).split()).casefold(): str(key) for key, text in rows if text
            }
        return self._values[(table.name, column)]

    def _insert(
        self, table: Table, row: dict[str, Any], key: str, original: dict[str, Any]
    ) -> None:
        savepoint = self.team.begin_nested()
        try:
            self.team.execute(table.insert().values(**row))
            savepoint.commit()
        except Exception as exc:  # a rule of the team's database the plan could not see
            savepoint.rollback()
            if not hasattr(exc, "orig"):
                raise
            self.skipped.add(key)
            self.plan.left_out.append(f"{_label(table, original)}: strider mod holdets data")


def plan_join(laptop: Database, team: Database, decisions: dict[str, Decision]) -> JoinPlan:
    """What joining `laptop` into `team` would do, with the user's decisions so far."""
    with laptop.read() as ls, team.read() as ts:
        return _Join(ls.connection(), ts.connection(), decisions).run(write=False)


def join(laptop: Database, team: Database, decisions: dict[str, Decision]) -> JoinPlan:
    """Copy the laptop's records into the team's database, in one transaction.

    Refused (DeskError, nothing written) while a look-alike is undecided or a pairing the
    unique rules demand was declined."""
    plan = plan_join(laptop, team, decisions)
    undecided = plan.undecided(decisions)
    if undecided:
        names = "; ".join(c.label for c in undecided)
        raise DeskError(
            f"{len(undecided)} poster ligner poster i holdets database: {names}. "
            "Sig for hver, om det er den samme (par dem) eller to forskellige."
        )
    forced = [
        c for c in plan.candidates if c.certain and c.asks and decisions.get(c.laptop_id) != "pair"
    ]
    if forced:
        raise DeskError(
            f"{forced[0].label} findes allerede i holdets database og kan kun parres med den: "
            "to af samme navn kan ikke stå side om side."
        )
    with laptop.read() as ls, team.transaction() as ts:
        return _Join(ls.connection(), ts.connection(), decisions).run(write=True)
