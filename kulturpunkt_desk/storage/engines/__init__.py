"""Which engine holds a database, told by what `--db` names: a file path or a server URL.

Every engine-specific part of the desk (how to connect, check, back up, lock) lives in
one module per engine behind `Backend` (backend.py): sqlite.py for a file on the laptop,
postgresql.py for the team's shared server. Everything above storage/ is the same for both.
"""

from __future__ import annotations

from pathlib import Path

from ..paths import SERVER_SCHEMES
from .backend import Backend

__all__ = ["Backend", "backend_for", "is_server_url"]


def is_server_url(target: str | Path) -> bool:
    """True for a PostgreSQL URL, False for anything else (a file path)."""
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def backend_for(target: str | Path | Backend) -> Backend:
    """The backend for a file path or a server URL (a Backend is handed back as it is)."""
    if isinstance(target, Backend):
        return target
    if is_server_url(target):
        from .postgresql import PostgresBackend

        return PostgresBackend(str(target))
    from .sqlite import SqliteBackend

    return SqliteBackend(Path(target))
