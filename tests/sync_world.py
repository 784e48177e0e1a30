"""A team for the sync's property tests: the server (the suite's PostgreSQL), two or three
laptop copies, and a colleague working directly on the server; `run` plays steps on them
and checks the properties after every sync (tests/sync_model.py says which).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postgres_server import Databases
from sync_model import (
    State,
    changes,
    check_equal,
    check_every_edit_kept,
    check_no_needless_conflict,
    check_nothing_else,
    check_server_keys,
    check_sqlite_file,
    read_state,
)
from sync_steps import BEFORE_SERVER, SYNC, Step, fill_server, make_edit

from kulturpunkt_desk.domain.services.sync import make_laptop_copy, sync
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database

TEMPLATE = "kp_sync"
_folders = itertools.count(1)


class Interrupted(Exception):
    """The network lost, the lid closed: raised by the fault hook at a named step."""


def cut_at(step: str | None) -> Callable[[str], None] | None:
    if step is None:
        return None

    def fault(reached: str) -> None:
        if reached == step:
            raise Interrupted(reached)

    return fault


def base_of(laptop: Path) -> Path:
    """The laptop copy's base, beside it (the design's `<name>.synk/grundlag.sqlite`)."""
    return laptop.parent / f"{laptop.stem}.synk" / "grundlag.sqlite"


@dataclass
class Team:
    server_url: str
    server: Database
    laptops: list[Path]
    desks: list[Database]  # each laptop's file as the desk has it open
    rules: Any = None  # MergeRules, or None for the sync's own
    seen: list[State] = field(default_factory=list)  # each laptop's base, as the test saw it
    syncs: int = 0

    def desk(self, actor: int) -> Database:
        return self.server if actor == len(self.laptops) else self.desks[actor]


@contextmanager
def team(databases: Databases, root: Path, laptops: int, rules: Any = None) -> Iterator[Team]:
    """The server put back to the small starting database, and `laptops` fresh copies in
    folders whose names have spaces and a `#`."""
    url = databases.work(TEMPLATE, _fill)
    folder = root / f"hold {next(_folders)} #"
    paths = [folder / f"bærbar {n} #" / f"Kulturpunkt {n}.sqlite" for n in range(laptops)]
    for path in paths:
        path.parent.mkdir(parents=True)
        make_laptop_copy(path, url)
    server = open_database(url, user="kollega")
    desks = [open_database(path, user=f"konsulent{n}") for n, path in enumerate(paths)]
    made = Team(url, server, paths, desks, rules)
    made.seen = [read_state(desk) for desk in desks]
    try:
        yield made
    finally:
        for desk in [server, *desks]:
            desk.dispose()


def _fill(url: str) -> None:
    db = open_database(url, user="demo")
    fill_server(db)
    db.dispose()


def sync_and_check(t: Team, n: int, fault: str | None = None) -> None:
    """Laptop `n` syncs (cut short at `fault`); then the properties of that sync hold."""
    who = f"laptop {n}, sync {t.syncs}" + (f" cut at {fault}" if fault else "")
    t.syncs += 1
    desk = t.desks[n]
    before, server_before = read_state(desk), read_state(t.server)
    sent = changes(t.seen[n], before)
    reached = None
    try:
        sync(t.laptops[n], rules=t.rules, fault=cut_at(fault))
    except Interrupted as cut:
        reached = str(cut)
    after, server_after = read_state(desk), read_state(t.server)
    if reached in BEFORE_SERVER:
        # Cut before the server was asked: both exactly as before.
        check_equal(server_after, server_before, f"{who} (server untouched)")
        check_equal(after, before, f"{who} (laptop untouched)")
        return
    check_every_edit_kept(sent, t.seen[n], server_after, who)
    check_nothing_else(sent, server_before, server_after, who)
    check_no_needless_conflict(t.seen[n], server_before, server_after, who)
    t.seen[n] = after
    # The laptop is as before the sync, or fully as the server after it: never between.
    if reached in ("server_committed", "next_base_written"):
        check_equal(after, before, f"{who} (laptop as before)")
    else:
        check_equal(after, server_after, f"{who} (laptop as the server)")


def run(t: Team, steps: list[Step]) -> list[str]:
    """Play `steps`, then everyone syncs twice; the laptops then equal the server and every
    file and the server are sound. Returns the kinds of the open conflicts at the end."""
    for step in steps:
        if step.kind == SYNC:
            sync_and_check(t, step.actor, step.fault)
        else:
            make_edit(t.desk(step.actor), step)
    for _ in range(2):
        for n in range(len(t.laptops)):
            sync_and_check(t, n)
    server = read_state(t.server)
    for n, desk in enumerate(t.desks):
        # Later laptops' receipts arrive at the next sync; everything else is the same.
        check_equal(read_state(desk), server, f"laptop {n} at the end", frozenset({"sync_receipt"}))
        check_sqlite_file(t.laptops[n])
        check_sqlite_file(base_of(t.laptops[n]))
    check_server_keys(server)
    return sorted(
        row["kind"]
        for k, row in server.items()
        if k[0] == "sync_conflict" and not row["resolved_at"]
    )
