"""Any file name a user can make works: spaces, #, ?, %, &, æøå, long paths.

No SQLite URI is built by pasting a path into a string (storage/sqlite_files.py builds
the one URI); a `#` once gave an empty backup that reported success.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path, PureWindowsPath

import pytest
from windows_sharing import windows_file_sharing  # noqa: F401

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.services import backups, people
from kulturpunkt_desk.storage.backup import list_backups
from kulturpunkt_desk.storage.sqlite_files import sqlite_uri
from kulturpunkt_desk.storage.startup import start_desk

pytestmark = pytest.mark.usefixtures("windows_file_sharing")

NAMES = {
    "mellemrum": "Kultur punkt 2025.sqlite",
    "havelåge": "Nr. #2.sqlite",
    "spørgsmålstegn": "hvad?mode=ro.sqlite",
    "procent": "100%25 sikker.sqlite",
    "og-tegn": "Region & kommune.sqlite",
    "æøå": "Ærø Østerø Åby.sqlite",
    "klammer": "kopi [1].sqlite",
}


def odd_path(tmp_path: Path, key: str) -> Path:
    if key == "lang sti":
        folder = tmp_path
        for part in range(6):  # a path of about 370 characters
            folder = folder / f"{part} undermappe med et langt navn til projektet #{part}"
        return folder / "kulturpunkt.sqlite"
    return tmp_path / "mappe #1 & æø" / NAMES[key]


def person_names(path: Path) -> list[str]:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM person")]
    finally:
        conn.close()


@pytest.mark.parametrize("key", [*NAMES, "lang sti"])
def test_every_command_works_on_a_database_with_an_odd_name(
    tmp_path: Path, key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = odd_path(tmp_path, key)
    db = str(path)
    assert main(["init", "--db", db]) == 0
    session = start_desk(path)
    try:
        people.create_person(session.db, people.PersonData(name="Åse Ærlig"))
    finally:
        session.close()
    assert main(["backup", "--db", db]) == 0
    newest = list_backups(path)[0]
    assert person_names(newest) == ["Åse Ærlig"]  # the backup holds the file, not nothing
    assert main(["check", "--db", db]) == 0
    out = tmp_path / "ud" / "status.csv"
    assert main(["export", "status", "--db", db, "--out", str(out)]) == 0
    assert main(["ekr", "setup", "--db", db]) == 0
    session = start_desk(path)
    try:
        offered = [info.path for info in backups.list_backup_files(session.db)]
        assert newest in offered
        backups.restore(session.db, newest)
        assert [p.name for p in people.list_people(session.db)] == ["Åse Ærlig"]
    finally:
        session.close()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name
    ], "nothing left beside the file after it is closed"
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (PureWindowsPath(r"C:\Data\Nr #2 50%.sqlite"), "file:///C:/Data/Nr%20%232%2050%25.sqlite"),
        (
            PureWindowsPath(r"\\server\deling\kultur?.sqlite"),
            "file:////server/deling/kultur%3F.sqlite",
        ),
    ],
)
def test_windows_paths_become_sqlite_uris_that_name_the_same_file(
    path: PureWindowsPath, uri: str
) -> None:
    assert sqlite_uri(path) == uri
