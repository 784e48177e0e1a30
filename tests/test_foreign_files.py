"""A file is never changed before it is known to be ours, and every command comes in by the
same door as the window (storage/startup.start_desk: recognise, lock, schema).

Each foreign or damaged file is given to the window's start-up and to every kind of
command; each must be refused in Danish, and the folder holding the file (its bytes, its
journal mode, its neighbours) must be exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import people
from kulturpunkt_desk.storage.backup import list_backups, make_backup
from kulturpunkt_desk.storage.check import check_file
from kulturpunkt_desk.storage.desk_lock import ReadOnlyDatabaseError, lock_path
from kulturpunkt_desk.storage.migrate import DatabaseFileError, open_database
from kulturpunkt_desk.storage.startup import start_desk

pytestmark = pytest.mark.usefixtures("windows_file_sharing")

PAGE = 4096


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def text_file(path: Path) -> None:
    path.write_text("Referat fra mødet\nPunkt 1: kaffe\n", encoding="utf-8")


def other_programs_database(path: Path, journal_mode: str = "DELETE") -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('æbleskiver')")
    conn.commit()
    conn.close()


def other_programs_empty_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # a header, no tables: nothing says it is ours
    conn.commit()
    conn.close()


def our_file_with_a_zeroed_page(path: Path) -> None:
    db = open_database(path, create=True, user="test")
    for i in range(60):
        people.create_person(db, people.PersonData(name=f"Person {i}", notes="x" * 400))
    db.dispose()
    data = bytearray(path.read_bytes())
    page = len(data) // PAGE - 2  # a page of person rows near the end
    data[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)
    path.write_bytes(bytes(data))
    assert not check_file(path).sound  # the damage is real


def a_folder(path: Path) -> None:
    path.mkdir()
    (path / "noget.txt").write_text("ikke en database", encoding="utf-8")


FOREIGN: dict[str, Callable[[Path], None]] = {
    "tom fil (0 byte)": empty_file,
    "tekstfil": text_file,
    "andet programs SQLite-fil": other_programs_database,
    "andet programs SQLite-fil (WAL)": lambda path: other_programs_database(path, "WAL"),
    "andet programs tomme SQLite-fil": other_programs_empty_database,
    "vores fil med en nulstillet side": our_file_with_a_zeroed_page,
    "en mappe": a_folder,
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative name, with a digest of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "mappe"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(params=list(FOREIGN))
def foreign(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    folder = tmp_path / "filer"
    folder.mkdir()
    path = folder / "kulturpunkt.sqlite"
    FOREIGN[request.param](path)
    return path


COMMANDS = [
    ["init"],
    ["backup"],
    ["import", "areas", "OMRÅDER"],
    ["export", "status", "--out", "OUT/status.csv"],
    ["agreement", "--all", "--out", "OUT"],
    ["ekr", "setup"],
    ["ekr", "year", "--year", "2027"],
    ["ekr", "unpaid", "--year", "2027"],
]


def test_the_window_refuses_a_foreign_or_damaged_file_and_leaves_it_as_it_was(
    foreign: Path,
) -> None:
    before = snapshot(foreign.parent)
    with pytest.raises(DatabaseFileError) as refused:
        start_desk(foreign)  # what the window calls, with creation allowed
    assert foreign.name in str(refused.value)  # a Danish sentence naming the file
    assert snapshot(foreign.parent) == before


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_refuses_a_foreign_or_damaged_file_untouched(
    foreign: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    areas = tmp_path / "områder.csv"
    areas.write_text("Lokalområde;Kommune\nFjordby;Thisted\n", encoding="utf-8")
    argv = [
        str(areas) if a == "OMRÅDER" else a.replace("OUT", str(tmp_path / "ud")) for a in command
    ]
    before = snapshot(foreign.parent)
    assert main([*argv, "--db", str(foreign)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fejl: ") and "Traceback" not in err
    assert snapshot(foreign.parent) == before
    assert not list_backups(foreign)


def test_check_reads_a_foreign_file_without_changing_it(foreign: Path) -> None:
    before = snapshot(foreign.parent)
    assert main(["check", "--db", str(foreign)]) == 1
    assert snapshot(foreign.parent) == before


def test_a_backup_of_a_damaged_file_never_pushes_a_sound_backup_out(tmp_path: Path) -> None:
    path = tmp_path / "kulturpunkt.sqlite"
    our_file_with_a_zeroed_page(tmp_path / "skabelon.sqlite")
    open_database(path, create=True).dispose()
    sound = [make_backup(path, "manuel", keep=3) for _ in range(3)]
    path.write_bytes((tmp_path / "skabelon.sqlite").read_bytes())
    for _ in range(5):
        assert main(["backup", "--db", str(path)]) == 1
    assert list_backups(path) == sorted(sound, reverse=True)


@pytest.fixture
def open_desk(tmp_path: Path) -> Path:
    path = tmp_path / "kulturpunkt.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    assert main(["ekr", "setup", "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize(
    "command",
    [["ekr", "year", "--year", "2027"], ["ekr", "setup"], ["init", "--demo"]],
    ids=lambda c: " ".join(c),
)
def test_a_command_that_writes_is_refused_beside_an_open_desk(
    open_desk: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    session = start_desk(open_desk, user="mette")
    try:
        assert main([*command, "--db", str(open_desk)]) == 1
        assert "allerede åben hos mette" in capsys.readouterr().err
    finally:
        session.close()
    assert main(["ekr", "unpaid", "--db", str(open_desk), "--year", "2027"]) == 1  # no year


def test_a_command_that_only_reads_works_beside_an_open_desk_and_leaves_its_lock(
    open_desk: Path, tmp_path: Path
) -> None:
    session = start_desk(open_desk, user="mette")
    try:
        out = tmp_path / "status.csv"
        assert main(["export", "status", "--db", str(open_desk), "--out", str(out)]) == 0
        assert main(["backup", "--db", str(open_desk)]) == 0
        assert session.lock is not None and session.lock.owns()
    finally:
        session.close()


def test_only_a_path_that_does_not_exist_becomes_a_new_database(tmp_path: Path) -> None:
    new = tmp_path / "ny" / "kulturpunkt.sqlite"
    assert main(["init", "--db", str(new)]) == 0
    assert check_file(new).sound
    for kind in ("tom fil (0 byte)", "andet programs tomme SQLite-fil"):
        path = tmp_path / f"{kind}.sqlite"
        FOREIGN[kind](path)
        with pytest.raises(DatabaseFileError):
            open_database(path, create=True)


# --- write-protected: read-only with a message ---------------------------------------
# The tests run as root, for whom chmod protects nothing, and a user without root cannot
# reach this virtual environment; so os.access answers as it would for a normal user.


@pytest.mark.parametrize("protected", ["filen", "mappen"])
def test_a_write_protected_file_or_folder_opens_read_only_with_a_message(
    tmp_path: Path,
    protected: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "beskyttet" / "kulturpunkt.sqlite"
    db = open_database(path, create=True, user="test")
    people.create_person(db, people.PersonData(name="Kun Læses"))
    db.dispose()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    denied = {path} if protected == "filen" else {path, path.parent}
    real_access = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)) in denied:
            return False
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    session = start_desk(path)
    try:
        assert session.read_only
        assert any("skrivebeskyttet" in warning for warning in session.warnings)
        assert [p.name for p in people.list_people(session.db)] == ["Kun Læses"]
        with pytest.raises(ReadOnlyDatabaseError, match="skrivebeskyttet"):
            people.create_person(session.db, people.PersonData(name="Ny"))
    finally:
        session.close()
    assert main(["ekr", "setup", "--db", str(path)]) == 1
    assert "skrivebeskyttet" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not lock_path(path).exists()
