"""Two desks on one file: the second is told who has it and may only read; no lost update.

How lost updates are prevented (documented here because the tests are the specification):
the desk lock beside the database lets one desk write at a time; every write transaction
first checks that the lock file still carries this desk's token; and SQLite's
BEGIN IMMEDIATE plus a busy timeout queue any write that still meets another one, ending
in a Danish "optaget" error rather than a half-saved change.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.domain.models import Person
from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage import engine as engine_module
from kulturpunkt_desk.storage.desk_lock import (
    DeskLock,
    DeskLockedError,
    LockLostError,
    LockUnavailableError,
    ReadOnlyDatabaseError,
    lock_path,
    read_holder,
    this_host,
)
from kulturpunkt_desk.storage.engine import Database, DatabaseBusyError
from kulturpunkt_desk.storage.migrate import open_database
from kulturpunkt_desk.storage.startup import start_desk

# Windows refuses to rename or delete a file open anywhere; the storage tests hold to that.
pytestmark = pytest.mark.usefixtures("windows_file_sharing")


def write_lock(db_path: Path, *, host: str, pid: int, age: timedelta) -> None:
    then = (datetime.now(UTC) - age).isoformat()
    lock = lock_path(db_path)
    lock.write_text(
        json.dumps(
            {
                "host": host,
                "user": "kollega",
                "pid": pid,
                "token": "fremmed",
                "started": then,
                "heartbeat": then,
            }
        ),
        encoding="utf-8",
    )
    stamp = (datetime.now(UTC) - age).timestamp()
    os.utime(lock, (stamp, stamp))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def existing(db_path: Path) -> Path:
    open_database(db_path, create=True).dispose()
    return db_path


def test_second_desk_is_told_who_has_the_file_in_danish(existing: Path) -> None:
    first = start_desk(existing, user="mette")
    try:
        with pytest.raises(DeskLockedError) as err:
            start_desk(existing, user="jonas")
        message = str(err.value)
        assert "mette" in message and this_host() in message
        assert "skrivebeskyttet" in message
    finally:
        first.close()
    start_desk(existing, user="jonas").close()  # free once the first desk closed


def test_second_desk_may_read_but_every_write_is_refused(existing: Path) -> None:
    first = start_desk(existing, user="mette")
    try:
        people.create_person(first.db, people.PersonData(name="Synlig Person"))
        second = start_desk(existing, user="jonas", read_only=True)
        try:
            assert second.read_only
            assert [p.name for p in people.list_people(second.db)] == ["Synlig Person"]
            with pytest.raises(ReadOnlyDatabaseError, match=r"skrivebeskyttet.*mette"):
                people.create_person(second.db, people.PersonData(name="Tabt Ændring"))
            assert second.startup_backup is None
        finally:
            second.close()
        assert lock_path(existing).exists()  # the read-only desk left the lock alone
    finally:
        first.close()
    assert not lock_path(existing).exists()


def test_lock_left_by_a_crashed_desk_on_this_computer_does_not_block(existing: Path) -> None:
    write_lock(existing, host=this_host(), pid=dead_pid(), age=timedelta(seconds=5))
    session = start_desk(existing, user="mette")
    try:
        holder = read_holder(existing)
        assert holder is not None and holder.user == "mette" and holder.pid == os.getpid()
    finally:
        session.close()


def test_lock_from_another_computer_without_heartbeat_is_stale(existing: Path) -> None:
    write_lock(existing, host="anden-baerbar", pid=1234, age=timedelta(minutes=10))
    start_desk(existing, user="mette").close()


def test_fresh_lock_from_another_computer_blocks(existing: Path) -> None:
    write_lock(existing, host="anden-baerbar", pid=1234, age=timedelta(seconds=30))
    with pytest.raises(DeskLockedError, match="kollega på computeren anden-baerbar"):
        start_desk(existing, user="mette")


def test_unreadable_lock_file_does_not_block(existing: Path) -> None:
    lock_path(existing).write_bytes(b"\x00garbage")
    start_desk(existing, user="mette").close()


def test_desk_whose_lock_was_taken_over_cannot_write(existing: Path) -> None:
    session = start_desk(existing, user="mette")
    try:
        # Another desk took over while this one slept (e.g. a laptop lid closed for hours).
        write_lock(existing, host="anden-baerbar", pid=1234, age=timedelta(0))
        with pytest.raises(LockLostError, match="Intet er gemt"):
            people.create_person(session.db, people.PersonData(name="Ville Gå Tabt"))
        assert people.list_people(session.db) == []
        assert session.lock is not None and not session.lock.heartbeat()
    finally:
        session.close()
    assert read_holder(existing) is not None  # the other desk's lock stays


def test_heartbeat_refreshes_the_timestamp(existing: Path) -> None:
    lock = DeskLock.acquire(existing, "mette")
    try:
        before = lock.holder.heartbeat
        assert lock.heartbeat()
        holder = read_holder(existing)
        assert holder is not None and holder.heartbeat >= before
    finally:
        lock.release()


def test_write_meeting_another_write_gets_a_danish_busy_error(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    first, second = Database(existing, user="a"), Database(existing, user="b")
    try:
        with first.transaction() as s:
            s.add(Person(name="Første"))
            s.flush()  # first now holds SQLite's write lock
            with pytest.raises(DatabaseBusyError, match=r"optaget.*Intet er gemt"):
                people.create_person(second, people.PersonData(name="Anden"))
        people.create_person(second, people.PersonData(name="Anden"))  # queued, not lost
        assert sorted(p.name for p in people.list_people(first)) == ["Anden", "Første"]
    finally:
        first.dispose()
        second.dispose()


def test_closing_the_database_lets_go_of_the_lock_but_dispose_does_not(existing: Path) -> None:
    session = start_desk(existing, user="mette")
    session.db.dispose()  # only connections: a restore does this mid-way
    assert read_holder(existing) is not None
    session.db.close()
    assert not lock_path(existing).exists()
    start_desk(existing, user="jonas").close()


def test_a_lock_file_that_vanished_is_taken_again_on_the_next_save(existing: Path) -> None:
    session = start_desk(existing, user="mette")
    try:
        lock_path(existing).unlink()  # e.g. a sync client or a tidy colleague
        people.create_person(session.db, people.PersonData(name="Gemt Alligevel"))
        holder = read_holder(existing)
        assert holder is not None and holder.user == "mette"
    finally:
        session.close()


def test_check_command_names_the_desk_that_has_the_file_open(
    existing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kulturpunkt_desk.cli import main

    session = start_desk(existing, user="mette")
    try:
        assert main(["check", "--db", str(existing)]) == 0
        assert "Åben lige nu hos mette" in capsys.readouterr().out
    finally:
        session.close()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX rights")
def test_a_folder_where_no_lock_can_be_written_is_offered_read_only(existing: Path) -> None:
    existing.parent.chmod(0o555)
    try:
        with pytest.raises(LockUnavailableError, match="skrivebeskyttet"):
            start_desk(existing, user="mette")
    finally:
        existing.parent.chmod(0o755)


def test_an_unwritable_lock_file_gives_a_danish_error(
    existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(LockUnavailableError, match="låsefilen"):
        DeskLock.acquire(existing, "mette")
