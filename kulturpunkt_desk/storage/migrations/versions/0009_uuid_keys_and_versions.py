"""Every key becomes the record's UUID; every record gets a row version; attachments'
content moves into the database.

Until now a record had an integer key (fast joins in one file) and a UUID (its identity
across laptops). A team on one server and laptops that merge need one identity, so the UUID
becomes the primary key and every foreign key holds the referred record's UUID. The audit
log's entries get UUID keys too, and the ids inside their snapshots are rewritten, so an
area's history still finds the records deleted before this version.

Only SQLite files are ever at an earlier version: a database made by this version or later,
on either engine, is created from the models at the newest schema.

SQLite changes a column's type by rebuilding the table. Each table's own CREATE statement
is rewritten (types of the key columns, the UUID column dropped, the version added), so its
constraints, defaults and partial indexes stay exactly as they were. storage/migrate.py runs
migrations with foreign keys off (dropping a parent would otherwise cascade into its
children) and checks every foreign key before the commit.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KEY_TYPE = "VARCHAR(36)"
_TABLE_PART = re.compile(r"^(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\b", re.I)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _split_top_level(body: str) -> list[str]:
    """The parts of a CREATE TABLE body, split at the commas outside brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for n, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"`[":
            quote = "]" if ch == "[" else ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:n].strip())
            start = n + 1
    parts.append(body[start:].strip())
    return [p for p in parts if p]


def _column_name(part: str) -> str:
    first = part.split()[0]
    return first[1:-1] if first[0] in '"`[' else first


def _rewritten(create_sql: str, table: str, keys: set[str], record: bool) -> tuple[str, list[str]]:
    """The table's CREATE statement with key columns as UUID text, and its column names."""
    body = create_sql[create_sql.index("(") + 1 :]
    body = body[: body.rindex(")")]
    parts, columns = [], []
    for part in _split_top_level(body):
        if _TABLE_PART.match(part):
            if re.fullmatch(r"CONSTRAINT \S+ UNIQUE \(uuid\)", part, re.I):
                continue  # the UUID is the key now
            parts.append(part)
            continue
        name = _column_name(part)
        if record and name == "uuid":
            continue
        if name in keys:
            words = part.split()
            words[1] = KEY_TYPE
            part = " ".join(words)
        parts.append(part)
        columns.append(name)
        if record and name == "id":
            parts.append("row_version INTEGER NOT NULL")
    new_name = _quote(f"_new_{table}")
    return f"CREATE TABLE {new_name} (\n\t" + ",\n\t".join(parts) + "\n)", columns


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _convert(conn)
    _attachments_into_the_database(conn)


def _attachments_into_the_database(conn: Connection) -> None:
    """Attachments' content moves from the folder beside the file into `stored_file`.

    A file that is missing, outside the folder or no longer has its recorded hash is not
    copied: its attachment stays listed and shows as missing, as it did before. The folder
    itself is left where it is; nothing the user had is deleted."""
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_stored_file"),
    )
    main = next(row[2] for row in conn.exec_driver_sql("PRAGMA database_list") if row[1] == "main")
    store = Path(main).with_name(Path(main).stem + "-bilag").resolve() if main else None
    rows = conn.exec_driver_sql("SELECT DISTINCT sha256, stored_path FROM attachment").all()
    copied: set[str] = set()
    for digest, stored in rows:
        if store is None or digest in copied:
            continue
        path = (store / stored).resolve()
        if not path.is_relative_to(store) or not path.is_file():
            continue
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            continue
        conn.execute(
            sa.text("INSERT INTO stored_file (sha256, size_bytes, content) VALUES (:d, :n, :c)"),
            {"d": digest, "n": len(content), "c": content},
        )
        copied.add(digest)
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("stored_path")
        batch.create_index("ix_attachment_sha256", ["sha256"])


def _convert(conn: Connection) -> None:
    tables = {
        name: sql
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    }
    columns_of = {
        t: [row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({_quote(t)})")]
        for t in tables
    }
    records = {t for t, cols in columns_of.items() if "uuid" in cols and "id" in cols}
    foreign = {
        t: {row[3]: row[2] for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({_quote(t)})")}
        for t in tables
    }
    indexes = {
        t: [
            sql
            for (sql,) in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL",
                (t,),
            )
        ]
        for t in tables
    }

    # Old integer key -> UUID, per table, for the foreign keys and the audit snapshots.
    conn.exec_driver_sql("CREATE TEMP TABLE _key (tbl TEXT, old INTEGER, new TEXT)")
    for t in sorted(records):
        conn.exec_driver_sql(f"INSERT INTO _key SELECT ?, id, uuid FROM {_quote(t)}", (t,))
    conn.exec_driver_sql("CREATE UNIQUE INDEX temp._key_old ON _key (tbl, old)")

    for t, sql in tables.items():
        record = t in records
        keys = set(foreign[t]) | ({"id"} if record or t == "audit_entry" else set())
        if not keys:
            continue
        create, columns = _rewritten(sql, t, keys, record)
        conn.exec_driver_sql(create)
        values = []
        for c in columns:
            if c == "id" and record:
                values.append("uuid")
            elif c == "id":
                values.append("NULL")  # audit entries: filled below
            elif c in foreign[t]:
                values.append(
                    f"(SELECT new FROM _key WHERE tbl = '{foreign[t][c]}' AND old = {_quote(c)})"
                )
            else:
                values.append(_quote(c))
        names = ", ".join(_quote(c) for c in columns) + (", row_version" if record else "")
        selected = ", ".join(values) + (", 1" if record else "")
        if t == "audit_entry":
            _copy_audit(conn, columns, foreign)
        else:
            conn.exec_driver_sql(
                f"INSERT INTO {_quote('_new_' + t)} ({names}) SELECT {selected} FROM {_quote(t)}"
            )
        conn.exec_driver_sql(f"DROP TABLE {_quote(t)}")
        conn.exec_driver_sql(f"ALTER TABLE {_quote('_new_' + t)} RENAME TO {_quote(t)}")
        for index_sql in indexes[t]:
            if not re.search(r"\(\s*uuid\s*\)", index_sql):
                conn.exec_driver_sql(index_sql)
    conn.exec_driver_sql("DROP TABLE _key")


def _copy_audit(conn: Connection, columns: list[str], foreign: dict[str, dict[str, str]]) -> None:
    """Audit entries get new UUID keys, and the record ids inside their snapshots become the
    records' UUIDs (an id whose record no longer exists keeps its number: it names nothing)."""
    key_of: dict[tuple[str, int], str] = {
        (t, old): new for t, old, new in conn.exec_driver_sql("SELECT tbl, old, new FROM _key")
    }
    names = ", ".join(_quote(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    at = columns.index("changes")
    entity = columns.index("entity")
    rows = []
    for row in conn.exec_driver_sql(f"SELECT {names} FROM audit_entry ORDER BY id"):
        values = list(row)
        values[columns.index("id")] = str(uuid.uuid4())
        values[at] = _with_keys(values[at], foreign.get(values[entity], {}), values[entity], key_of)
        rows.append(tuple(values))
    if rows:
        conn.exec_driver_sql(f"INSERT INTO _new_audit_entry ({names}) VALUES ({marks})", rows)


def _with_keys(
    changes: str, refers: dict[str, str], table: str, key_of: dict[tuple[str, int], str]
) -> str:
    try:
        data: Any = json.loads(changes)
    except (TypeError, ValueError):
        return changes
    if not isinstance(data, dict):
        return changes

    def converted(column: str, value: Any) -> Any:
        target = table if column == "id" else refers.get(column)
        if isinstance(value, int) and not isinstance(value, bool) and target:
            return key_of.get((target, value), value)
        if isinstance(value, list) and len(value) == 2 and column in refers:
            return [converted(column, v) for v in value]  # an update's [old, new]
        return value

    return json.dumps({k: converted(k, v) for k, v in data.items()}, ensure_ascii=False)


def downgrade() -> None:
    raise NotImplementedError("Nøglerne kan ikke gøres til tal igen; brug sikkerhedskopien.")
