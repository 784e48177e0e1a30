"""Killing a process in the middle of its backups never leaves a lie in the rotation.

A child process backs the database up in a loop (keeping 3) and prints each backup only
after make_backup returned. It is killed with SIGKILL at random moments; after every
kill each copy in the rotation must pass SQLite's integrity check, and the newest
confirmed backup must still be there (only a sound, newer copy may push it out).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage.backup import list_backups
from kulturpunkt_desk.storage.check import check_file
from kulturpunkt_desk.storage.migrate import open_database

KILLS = 20
KEEP = 3

BACKER = r"""
import sys
from pathlib import Path
from kulturpunkt_desk.storage.backup import make_backup

path = Path(sys.argv[1])
from kulturpunkt_desk.storage import migrate  # imported before "klar": kills land in copies
print("klar", flush=True)
while True:
    print(make_backup(path, "manuel", keep=int(sys.argv[2])), flush=True)
"""


def kill_while_backing_up(path: Path, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", BACKER, str(path), str(KEEP)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.strip() == "klar", child.stderr.read() if child.stderr else first
    time.sleep(rng.uniform(0.0, 1.0))
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate()
    assert child.returncode == -signal.SIGKILL, err
    return [line for line in out.split("\n")[:-1] if line]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_a_backup_never_leaves_a_damaged_copy_in_the_rotation(db_path: Path) -> None:
    db = open_database(db_path, create=True, user="test")
    for i in range(300):  # about 2 MB, so that a kill often lands inside a copy
        people.create_person(db, people.PersonData(name=f"Person {i}", notes="x" * 6000))
    db.dispose()
    rng = random.Random(13)
    confirmed: list[str] = []
    checked = 0
    for _ in range(KILLS):
        confirmed += kill_while_backing_up(db_path, rng)
        rotation = list_backups(db_path)
        assert len(rotation) <= KEEP + 1  # killed after the rename, before the pruning
        for copy in rotation:
            assert check_file(copy).sound, copy
            checked += 1
        if confirmed:
            assert Path(confirmed[-1]) in rotation
    assert check_file(db_path).sound
    # Printed for the note (pytest -s shows it).
    print(
        f"\n{KILLS} drab under sikkerhedskopiering, {len(confirmed)} bekræftede kopier, "
        f"{checked} kopier i rotationen kontrolleret, ingen beskadiget"
    )
    assert confirmed  # the child really was backing up when killed
