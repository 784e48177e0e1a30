"""Offline laptops and the team's server: a laptop copy, and a sync that merges both ways.

    report = sync(Path("Kulturpunkt.sqlite"), "postgresql+psycopg://anne@db/kulturpunkt")
    report = sync(Path("Kulturpunkt.sqlite"))          # the server the copy remembers

The laptop's changes are SQLite's own diff of the file against its base (the session
extension, local_changes.py), applied to the server guarded by their old values
(merge.py: what the server takes, what becomes a conflict), then the laptop and its base
are brought to the server's state (refresh.py). protocol.py orders the steps so that an
interruption anywhere leaves both sides as before or as after.
"""

from __future__ import annotations

from .laptop_files import is_laptop_copy, laptop_server
from .merge import apply_changes
from .outcome import Fault, Progress, SyncError, SyncReport
from .protocol import make_laptop_copy, sync
from .rules import MergeReport, MergeRules, Verdict

__all__ = [
    "Fault",
    "MergeReport",
    "MergeRules",
    "Progress",
    "SyncError",
    "SyncReport",
    "Verdict",
    "apply_changes",
    "is_laptop_copy",
    "laptop_server",
    "make_laptop_copy",
    "sync",
]
