"""How many start-up backups a file keeps: the setting's key and its bounds.

A module of its own so the settings registry, which the start-up shell imports before its
first paint, does not bring in the backup machinery (sqlite3, the file checks)."""

from __future__ import annotations

DEFAULT_KEEP = 20
# The Setting row (in the database itself) that says how many backups to keep.
KEEP_SETTING = "backup.keep"
MAX_KEEP = 1000

__all__ = ["DEFAULT_KEEP", "KEEP_SETTING", "MAX_KEEP"]
