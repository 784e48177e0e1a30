"""The laptop's changes applied to the server in one transaction, guarded by old values.

What the server takes, and what becomes a conflict a person decides (no clock decides):
- an update, column by column: the server still holds the old value -> the laptop's
  value; it already holds the new one -> nothing; a third value -> SAME_FIELD (the
  server's stands, the laptop's is kept in the conflict). A record gone from the server
  -> EDITED_DELETED with the laptop's whole row.
- a new record with its new children is one group: a unique rule broken -> UNIQUE, a
  parent gone from the server -> MISSING_PARENT; then none of the group goes in.
- a deleted record with the children deleted with it is one group: changed on the
  server, or given children there the laptop did not delete -> DELETED_EDITED, and all
  of it stays (no half-applied deletion).
- audit entries and stored files are only ever added: never a conflict.
The rules are a class (rules.py), so the property tests can put broken ones in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import IntegrityError

from kulturpunkt_desk.domain.models import Base, ConflictKind
from kulturpunkt_desk.domain.models.base import utcnow

from .conflict_log import Conflict, ConflictLog, label_of, open_count
from .groups import ChangeGroups, referencing, touch_nulled_children
from .local_changes import Key, RowChange, key_where, synced_tables
from .names import name_clash
from .rules import MergeReport, MergeRules, Verdict
from .server_lookup import ServerLookup, keys_and_parents
from .values import BOOKKEEPING, same

INSERT_ONLY = frozenset({"audit_entry", "stored_file"})
_ORDER = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
# New records that wait for the deletions (None: nothing waits any more).
Waiting = list[list[RowChange]] | None
_RECEIPT = Base.metadata.tables["sync_receipt"]
# The laptop's whole row of a record, for a conflict that keeps it (None: not there).
LaptopRow = Callable[[str, Key], dict[str, Any] | None]


def apply_changes(
    conn: Connection,
    changes: Sequence[RowChange],
    sync_id: str,
    who: str,
    rules: MergeRules | None = None,
    *,
    laptop_row: LaptopRow | None = None,
    laptop: str = "",
) -> MergeReport:
    """Apply `changes` on the server connection `conn`, inside the caller's transaction;
    the receipt `sync_id` is written too, so the same sync is never applied twice."""
    if conn.execute(select(_RECEIPT.c.id).where(_RECEIPT.c.id == sync_id)).first():
        return MergeReport(already_applied=True, open_conflicts=open_count(conn))
    if not changes:  # nothing to apply twice; no receipt, so idle laptops converge
        return MergeReport(open_conflicts=open_count(conn))
    merger = _Merger(conn, changes, sync_id, who, rules or MergeRules(), laptop_row)
    report = merger.run()
    now = merger.log.now
    conn.execute(
        _RECEIPT.insert().values(
            id=sync_id,
            row_version=1,
            created_at=now,
            updated_at=now,
            laptop=laptop[:200],
            user=who[:100],
            changes=len(changes),
            conflicts=report.conflicts,
        )
    )
    report.open_conflicts = open_count(conn)
    return report


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _record_id(key: Key) -> str:
    return str(key[0]) if len(key) == 1 else "/".join(str(k) for k in key)


class _Merger:
    def __init__(
        self,
        conn: Connection,
        changes: Sequence[RowChange],
        sync_id: str,
        who: str,
        rules: MergeRules,
        laptop_row: LaptopRow | None,
    ) -> None:
        self.conn, self.rules, self.laptop_row = conn, rules, laptop_row
        self.changes = changes
        self.log = ConflictLog(conn, sync_id, who, utcnow(), changes)
        self.report = MergeReport()
        self.lookup = ServerLookup(conn)

    def run(self) -> MergeReport:
        inserts = ChangeGroups(c for c in self.changes if c.op == "insert").groups()
        deletes = ChangeGroups(c for c in self.changes if c.op == "delete").groups()
        updates: dict[str, list[RowChange]] = {}
        for change in self.changes:
            if change.op == "update":
                updates.setdefault(change.table, []).append(change)
        tables = synced_tables()
        # A new row may re-use the unique values of a row this change set deletes (a
        # session's participants written anew): with deletions still to come, such an
        # insert is tried again, whole, after them, and only then is a conflict.
        waiting: Waiting = [] if deletes else None
        for table in tables:  # parents first
            rooted = [g for (root, _key), g in inserts.items() if root == table.name]
            if rooted:
                self._insert(rooted, waiting)
            for change in updates.get(table.name, []):
                self._update(table, change)
        self.lookup.forget()  # deletions change what the server holds
        for table in reversed(tables):  # children first
            for (root_table, _key), group in deletes.items():
                if root_table == table.name:
                    self._delete(group)
        if waiting:
            self._insert(waiting, None)
        self.report.conflicts = self.log.recorded
        return self.report

    # --- helpers -------------------------------------------------------------------------

    def _server_row(self, table: Table, key: Key) -> dict[str, Any] | None:
        row = self.conn.execute(select(table).where(key_where(table, key))).mappings().first()
        return dict(row) if row is not None else None

    def _conflict(self, conflict: Conflict) -> None:
        if conflict.table not in INSERT_ONLY:
            self.log.record(conflict)

    def _applied(self, table: str, count: int = 1) -> None:
        self.report.applied += count
        self.report.tables.add(table)

    def _missing_parents(self, table: Table, values: dict[str, Any], also: set[Any]) -> list[str]:
        """The foreign-key columns in `values` whose record the server does not have."""
        missing = []
        for fk in table.foreign_keys:
            value = values.get(fk.parent.name)
            if value is None or value in also:
                continue
            if not self.lookup.holds(fk.column, value):
                missing.append(fk.parent.name)
        return missing

    def _in_savepoint(self, work: Callable[[], object]) -> IntegrityError | None:
        try:
            with self.conn.begin_nested():
                work()
        except IntegrityError as exc:
            return exc
        return None

    # --- the three kinds of change -------------------------------------------------------

    def _update(self, table: Table, change: RowChange) -> None:
        server = self._server_row(table, change.key)
        record_id = _record_id(change.key)
        if server is None:
            whole = self.laptop_row(table.name, change.key) if self.laptop_row else None
            self._conflict(
                Conflict(
                    ConflictKind.EDITED_DELETED,
                    table.name,
                    record_id,
                    laptop={k: v for k, v in change.new.items() if k not in BOOKKEEPING},
                    rows=[{"table": table.name, "row": whole or change.new}],
                    label=label_of(whole or change.new),
                )
            )
            return
        label = label_of(server)
        keys = {c.name for c in table.primary_key.columns}
        take: dict[str, Any] = {}
        for column, new in change.new.items():
            if column in keys or column in BOOKKEEPING:
                continue
            old = change.old.get(column)
            verdict = self.rules.column(table.name, column, old, new, server.get(column))
            if verdict is Verdict.TAKE:
                take[column] = new
            elif verdict is Verdict.CONFLICT:
                self._conflict(
                    Conflict(
                        ConflictKind.SAME_FIELD,
                        table.name,
                        record_id,
                        column,
                        base=old,
                        server=server.get(column),
                        laptop=new,
                        label=label,
                    )
                )
        for column in self._refused_columns(table, server, take, record_id, label):
            take.pop(column, None)
        if not take:
            return
        if "row_version" in table.c:
            take["row_version"] = (server.get("row_version") or 0) + 1
        if "updated_at" in table.c:
            take["updated_at"] = self.log.now
        statement = table.update().where(key_where(table, change.key)).values(take)
        failed = self._in_savepoint(lambda: self.conn.execute(statement))
        if failed is None:
            self._applied(table.name)
            return
        self._conflict(
            Conflict(
                _kind_of(failed),
                table.name,
                record_id,
                base={k: change.old.get(k) for k in take if k in change.old},
                server={k: server.get(k) for k in take if k in server},
                laptop={k: v for k, v in take.items() if k not in BOOKKEEPING},
                label=label,
            )
        )

    def _refused_columns(
        self,
        table: Table,
        server: dict[str, Any],
        take: dict[str, Any],
        record_id: str,
        label: str,
    ) -> list[str]:
        """Columns of an update that would break a name rule or point to nothing."""
        refused = []
        merged = {**server, **take}
        clash = name_clash(self.conn, table, merged, own_key=server.get("id"))
        if clash and clash.column in take:
            refused.append(clash.column)
            self._conflict(
                Conflict(
                    ConflictKind.UNIQUE,
                    table.name,
                    record_id,
                    clash.column,
                    server=server.get(clash.column),
                    laptop=take[clash.column],
                    label=label,
                )
            )
        for column in self._missing_parents(table, {k: take[k] for k in take}, set()):
            refused.append(column)
            self._conflict(
                Conflict(
                    ConflictKind.MISSING_PARENT,
                    table.name,
                    record_id,
                    column,
                    server=server.get(column),
                    laptop=take[column],
                    label=label,
                )
            )
        return refused

    def _insert(self, groups: list[list[RowChange]], waiting: Waiting) -> None:
        """New records with their new children (groups rooted in one table): checked, the
        server asked in bulk, then written in one savepoint; when that breaks a rule,
        group by group, each whole or refused whole. A unique clash goes to `waiting`
        (when given) instead, to be tried again after the deletions."""
        rows = [c for group in groups for c in group]
        for column, values in keys_and_parents(rows).items():
            self.lookup.ask(column, values)
        ready = [(group, new) for group in groups if (new := self._checked(group, waiting))]
        if len(ready) > 1:
            batch = sorted((c for _group, new in ready for c in new), key=_table_order)
            if self._in_savepoint(partial(self._write, batch)) is None:
                self._inserted(batch)
                return
        for group, new in ready:
            failed = self._in_savepoint(partial(self._write, new))
            if failed is None:
                self._inserted(new)
            else:
                self._refuse(group, new, _kind_of(failed), None, waiting)

    def _checked(self, group: list[RowChange], waiting: Waiting) -> list[RowChange]:
        """The group's rows the server lacks, or none when a rule refuses the group."""
        new_rows = []
        for change in group:
            table = _table(change.table)
            if len(change.key) == 1:
                there = self.lookup.holds(table.primary_key.columns[0], change.key[0])
            else:
                there = self._server_row(table, change.key) is not None
            if not there:  # else already there (a stored file, an entry sent before)
                new_rows.append(change)
        keys_in_group = {c.key[0] for c in group}
        for change in new_rows:
            table = _table(change.table)
            clash = name_clash(self.conn, table, change.new, own_key=change.key[0])
            if clash:
                self._refuse(group, new_rows, ConflictKind.UNIQUE, clash.column, waiting)
                return []
            missing = self._missing_parents(table, change.new, keys_in_group)
            if missing:
                self._refuse(group, new_rows, ConflictKind.MISSING_PARENT, missing[0], waiting)
                return []
        return new_rows

    def _write(self, rows: list[RowChange]) -> None:
        """Insert `rows` (parents first), one statement per run of one table's rows."""
        for table_name, run in groupby(rows, key=lambda c: c.table):
            self.conn.execute(_table(table_name).insert(), [c.new for c in run])

    def _inserted(self, rows: list[RowChange]) -> None:
        for change in rows:
            self._applied(change.table)
            if len(change.key) == 1:
                self.lookup.added(_table(change.table).primary_key.columns[0], change.key[0])

    def _refuse(
        self,
        group: list[RowChange],
        new_rows: list[RowChange],
        kind: ConflictKind,
        field_name: str | None,
        waiting: Waiting,
    ) -> None:
        if kind is ConflictKind.UNIQUE and waiting is not None:
            waiting.append(group)
            return
        root = group[0]
        self._conflict(
            Conflict(
                kind,
                root.table,
                _record_id(root.key),
                field_name,
                laptop=root.new.get(field_name) if field_name else None,
                rows=[{"table": c.table, "row": c.new} for c in new_rows],
                label=label_of(root.new),
            )
        )

    def _delete(self, group: list[RowChange]) -> None:
        root = group[0]
        present: list[tuple[Table, RowChange]] = []
        changed = False
        for change in group:
            table = _table(change.table)
            server = self._server_row(table, change.key)
            if server is None:
                continue  # already gone
            present.append((table, change))
            if any(not same(server.get(k), v) for k, v in change.old.items()):
                changed = True
        if not present:
            return
        deleted = {(c.table, c.key[0]) for c in group}
        children = sum(
            self._children_left(table, change.key[0], deleted) for table, change in present
        )
        if root.table in INSERT_ONLY:
            changed, children = False, 0
        if not self.rules.keep_deleted(changed, children):

            def delete_all() -> None:
                for table, change in reversed(present):
                    touch_nulled_children(self.conn, table, change.key[0])
                    self.conn.execute(table.delete().where(key_where(table, change.key)))

            failed = self._in_savepoint(delete_all)
            if failed is None:
                for table, _change in present:
                    self._applied(table.name)
                return
        self._conflict(
            Conflict(
                ConflictKind.DELETED_EDITED,
                root.table,
                _record_id(root.key),
                rows=[{"table": c.table, "row": c.old} for c in group],
                label=label_of(root.old),
            )
        )

    def _children_left(self, table: Table, key: Any, deleted: set[tuple[str, Any]]) -> int:
        """Rows on the server that a deletion of (table, key) would take along, or that
        would stop it, and that the laptop did not delete itself."""
        count = 0
        for child, column in referencing(table):
            ids = self.conn.execute(select(child.primary_key.columns[0]).where(column == key))
            count += sum(1 for (child_id,) in ids if (child.name, child_id) not in deleted)
        return count


def _table_order(change: RowChange) -> int:
    return _ORDER[change.table]


def _kind_of(exc: IntegrityError) -> ConflictKind:
    """Unique rule or foreign key, by the engine's code (PostgreSQL) or message (SQLite)."""
    code = getattr(exc.orig, "sqlstate", None)
    if code == "23503" or "FOREIGN KEY" in str(exc.orig).upper():
        return ConflictKind.MISSING_PARENT
    return ConflictKind.UNIQUE if code in (None, "23505") else ConflictKind.DELETED_EDITED
