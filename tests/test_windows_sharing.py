"""Windows' file sharing cannot stop the desk or lose a backup (tests/windows_sharing.py
makes rename, replace and delete fail with WinError 32 while a file is open)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from windows_sharing import SHARING_VIOLATION, windows_file_sharing  # noqa: F401

from kulturpunkt_desk.documents import dossier
from kulturpunkt_desk.domain.services import areas, backups, people, programmes
from kulturpunkt_desk.storage.backup import list_backups, make_backup
from kulturpunkt_desk.storage.desk_log import log_file
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.restore import RestoreError
from kulturpunkt_desk.storage.startup import start_desk

pytestmark = pytest.mark.usefixtures("windows_file_sharing")


def test_the_fixture_refuses_to_delete_or_rename_a_file_held_open(tmp_path: Path) -> None:
    held = tmp_path / "åben.txt"
    held.write_text("x", encoding="utf-8")
    with held.open(encoding="utf-8"):
        with pytest.raises(PermissionError) as refused:
            held.unlink()
        assert refused.value.winerror == SHARING_VIOLATION  # type: ignore[attr-defined]
        with pytest.raises(PermissionError):
            os.replace(held, tmp_path / "andet.txt")
    held.unlink()  # closed: allowed again
    assert not held.exists()


def test_an_old_backup_held_open_is_skipped_by_pruning_and_logged_never_a_failed_start(
    db_path: Path,
) -> None:
    session = start_desk(db_path)
    backups.set_backup_keep(session.db, 3)
    session.close()
    for _ in range(3):
        make_backup(db_path, "manuel", keep=3)
    oldest = list_backups(db_path)[-1]
    with oldest.open("rb"):  # Explorer's preview, or antivirus scanning it
        session = start_desk(db_path)
        session.close()
        assert oldest.exists()
    assert "Kunne ikke slette den gamle kopi" in log_file().read_text(encoding="utf-8")
    make_backup(db_path, "manuel", keep=3)  # released: the next backup prunes it
    assert not oldest.exists() and len(list_backups(db_path)) == 3


def test_a_restore_while_another_desk_has_the_file_open_is_refused_and_leaves_nothing(
    db_path: Path,
) -> None:
    session = start_desk(db_path, user="mette")
    try:
        people.create_person(session.db, people.PersonData(name="Før"))
        chosen = session.backup_now()
        people.create_person(session.db, people.PersonData(name="Efter"))
        reader = Database(db_path, read_only=True)  # a second desk, reading
        try:
            assert len(people.list_people(reader)) == 2
            with pytest.raises(RestoreError, match="åben i et andet program"):
                session.restore(chosen)
        finally:
            reader.dispose()
        leftovers = [p.name for p in db_path.parent.iterdir() if ".gendannes" in p.name]
        assert leftovers == [] and not db_path.with_name(db_path.name + ".erstattes").exists()
        assert sorted(p.name for p in people.list_people(session.db)) == ["Efter", "Før"]
        session.restore(chosen)  # the other desk closed: now it works
        assert [p.name for p in people.list_people(session.db)] == ["Før"]
    finally:
        session.close()


def test_a_finished_dossier_is_kept_when_its_temporary_folder_cannot_be_removed(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = []
    write_zip = dossier._write_zip

    def write_while_antivirus_scans(
        db: Database, area: object, target: Path, work: Path, today: object
    ) -> None:
        write_zip(db, area, target, work, today)  # type: ignore[arg-type]
        held.append((work / "agreement.pdf").open("rb"))  # still scanned at clean-up

    monkeypatch.setattr(dossier, "_write_zip", write_while_antivirus_scans)
    programme = programmes.current_programme(demo_db)
    assert programme is not None
    area = areas.list_areas(demo_db, programme.id)[0]
    out = dossier.build_dossier(demo_db, area.id, tmp_path / "mappe.zip")
    for handle in held:
        handle.close()
    assert out.is_file() and out.stat().st_size > 0
