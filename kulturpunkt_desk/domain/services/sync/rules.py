"""The decisions of a merge, and what it reports. A class, so that the property tests
can put deliberately broken rules in (last writer wins, children left without parent)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .values import same


class Verdict(Enum):
    TAKE = "take"  # the server gets the laptop's value
    SAME = "same"  # nothing to do: the server already has it
    CONFLICT = "conflict"


class MergeRules:
    """The decisions of a merge; override a method to try other (or broken) rules."""

    def column(self, table: str, column: str, old: Any, new: Any, server: Any) -> Verdict:
        if same(server, new):
            return Verdict.SAME
        if same(server, old):
            return Verdict.TAKE
        return Verdict.CONFLICT

    def keep_deleted(self, changed_on_server: bool, children_on_server: int) -> bool:
        """True: the laptop's deletion is refused and the whole group stays on the server."""
        return changed_on_server or children_on_server > 0


@dataclass
class MergeReport:
    already_applied: bool = False
    applied: int = 0
    conflicts: int = 0
    open_conflicts: int = 0
    tables: set[str] = field(default_factory=set)  # tables the server changed
