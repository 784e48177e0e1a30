"""The team's database on a PostgreSQL server: every command by URL, the schema checked and
created under a lock, and a connection lost mid-save that loses nothing and says so."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from postgres_server import Databases, database_of
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select, text

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import Area
from kulturpunkt_desk.domain.services import areas, programmes
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.engines.postgresql import MIGRATION_LOCK_KEY
from kulturpunkt_desk.storage.migrate import (
    DatabaseFileError,
    head_revision,
    open_database,
    schema_revision,
)
from kulturpunkt_desk.storage.startup import start_desk


@pytest.fixture
def empty_url(postgres_server: Databases) -> Iterator[str]:
    """A new database on the test server with nothing in it, not even the schema."""
    url = postgres_server.fresh()
    yield url
    postgres_server.drop(url)


def raw(databases: Databases, url: str) -> psycopg.Connection[Any]:
    """A plain connection beside the desk's (another desk, or the server's admin)."""
    server = databases.server
    return psycopg.connect(
        host=str(server.socket_dir), user=server.user, dbname=database_of(url), autocommit=True
    )


def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Wait until `condition` holds (a generous limit: the machine may be busy)."""
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.05)


def waiting_for_the_lock(holder: psycopg.Connection[Any]) -> int:
    """How many connections wait for an advisory lock (the migration lock) right now."""
    found = holder.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory'"
    ).fetchone()
    return int(found[0]) if found is not None else 0


@contextmanager
def cut_before_commit(db: Database, databases: Databases) -> Iterator[None]:
    """While inside: the server ends the desk's connection after a save's rows are sent,
    just before the commit, as when the network drops in the middle of a save."""

    def cut_the_line(session: Any) -> None:
        pid = session.connection().execute(text("SELECT pg_backend_pid()")).scalar_one()
        with raw(databases, str(db.target)) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    event.listen(db._sessions, "before_commit", cut_the_line)
    try:
        yield
    finally:
        event.remove(db._sessions, "before_commit", cut_the_line)


def test_init_demo_check_export_and_agreement_work_on_a_server_url(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--db", empty_url, "--demo"]) == 0
    assert "Oprettede Kulturpunkt 2025-26 med demodata" in capsys.readouterr().out
    assert main(["check", "--db", empty_url]) == 0
    out = capsys.readouterr().out
    assert "PostgreSQL-version" in out and "Integritet: ok" in out and "(nyeste)" in out
    status = tmp_path / "status.xlsx"
    assert main(["export", "status", "--db", empty_url, "--out", str(status)]) == 0
    assert status.stat().st_size > 0
    agreement = tmp_path / "aftale.pdf"
    argv = ["agreement", "--db", empty_url, "--area", "fjordglimt", "--out", str(agreement)]
    assert main(argv) == 0
    assert agreement.read_bytes().startswith(b"%PDF")
    # Nothing of the server database was written as a file on the laptop.
    assert not list(tmp_path.glob("**/*.sqlite"))


def test_the_url_can_come_from_the_environment(
    empty_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KULTURPUNKT_DB", empty_url)
    assert main(["init"]) == 0
    assert main(["check"]) == 0
    assert "Skemaversion" in capsys.readouterr().out


def test_the_window_start_up_opens_a_server_database_without_a_lock_file(
    empty_url: str, private_data_dir: Path
) -> None:
    session = start_desk(empty_url, user="ea")
    try:
        assert not session.read_only and session.lock is None
        programmes.create_programme(session.db, programmes.kulturpunkt_2025_26(), "Aftale")
        assert programmes.current_programme(session.db) is not None
        assert "på" in session.db.name  # "kp_… på /tmp/…/socket", never a file name
    finally:
        session.close()
    assert not list(private_data_dir.glob("**/*.lock"))


def test_a_server_database_from_a_newer_desk_is_refused_and_left_alone(
    empty_url: str, postgres_server: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(empty_url).dispose()
    with raw(postgres_server, empty_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_fremtid'")
    with pytest.raises(DatabaseFileError, match="nyere version af Kulturpunkt Desk"):
        open_database(empty_url)
    assert main(["check", "--db", empty_url]) == 1
    assert "skemaversion 0099_fremtid er fra en nyere version" in capsys.readouterr().out
    with raw(postgres_server, empty_url) as conn:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    assert found == [("0099_fremtid",)]


def test_a_server_database_holding_other_tables_is_refused(
    empty_url: str, postgres_server: Databases
) -> None:
    with raw(postgres_server, empty_url) as conn:
        conn.execute("CREATE TABLE kunder (navn text)")
    with pytest.raises(DatabaseFileError, match="ikke fra Kulturpunkt Desk"):
        open_database(empty_url)


def test_an_unreachable_server_is_told_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://ingen@/ingen?host={tmp_path}"  # no server listens there
    assert main(["overblik", "--db", url]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("Fejl: Kunne ikke forbinde til databasen ingen") and "Traceback" not in err
    )


def test_the_schema_is_created_under_the_migration_lock_by_one_desk_only(
    empty_url: str, postgres_server: Databases
) -> None:
    """Two desks start on an empty server database while a third holds the lock: both
    wait, then one creates the schema and the other finds it made."""
    opened: list[Database] = []
    failed: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(open_database(empty_url))
        except BaseException as exc:  # handed to the test thread
            failed.append(exc)

    with raw(postgres_server, empty_url) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
        desks = [threading.Thread(target=start) for _ in range(2)]
        for desk in desks:
            desk.start()

        wait_for(lambda: waiting_for_the_lock(holder) == 2, "two desks waiting for the lock")
        made = holder.execute("SELECT to_regclass('public.alembic_version')").fetchone()
        assert made == (None,)  # nothing created while the lock is held
        holder.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))
    for desk in desks:
        desk.join()
    assert failed == []
    try:
        assert [schema_revision(db) for db in opened] == [head_revision()] * 2
    finally:
        for db in opened:
            db.dispose()


def test_a_connection_lost_during_a_save_rolls_back_and_says_so(
    empty_url: str, postgres_server: Databases
) -> None:
    db = open_database(empty_url, user="ea")
    try:
        programme_id = programmes.create_programme(
            db, programmes.kulturpunkt_2025_26(), "Aftale {område}"
        )

        with cut_before_commit(db, postgres_server), pytest.raises(DeskError) as told:
            areas.create_area(db, programme_id, AreaData("Øster Åby", "Læsø"))
        assert "Forbindelsen til databaseserveren blev afbrudt" in str(told.value)
        assert "Intet er gemt" in str(told.value)
        # Nothing half saved, and the desk goes on working on a new connection.
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Area)) == 0
        areas.create_area(db, programme_id, AreaData("Øster Åby", "Læsø"))
        assert [a.name for a in areas.list_areas(db, programme_id)] == ["Øster Åby"]
    finally:
        db.dispose()


def test_danish_names_clash_whatever_their_case_on_the_server(
    empty_url: str,
) -> None:
    db = open_database(empty_url)
    try:
        programme_id = programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "A")
        areas.create_area(db, programme_id, AreaData("Øster Åby", "Læsø"))
        with pytest.raises(DeskError, match="Navn: der findes allerede"):
            areas.create_area(db, programme_id, AreaData("ØSTER ÅBY", "Læsø"))
        assert areas.find_area(db, programme_id, "øster åby").name == "Øster Åby"
    finally:
        db.dispose()


def test_a_save_is_stamped_in_utc_whatever_the_servers_time_zone(db: Database) -> None:
    """The test server runs in Europe/Copenhagen; the desk's UTC times are not shifted."""
    from datetime import UTC, datetime, timedelta

    from kulturpunkt_desk.domain.models import AuditEntry

    before = datetime.now(UTC).replace(tzinfo=None)
    programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "Aftale")
    with db.read() as s:
        stamped = s.scalars(select(AuditEntry.at)).first()
    assert stamped is not None
    assert abs(stamped.replace(tzinfo=None) - before) < timedelta(minutes=30)


def test_the_window_opens_on_a_server_database_and_names_it(
    qtbot: QtBot, empty_url: str, tmp_path: Path
) -> None:
    from kulturpunkt_desk.ui.app import open_or_explain
    from kulturpunkt_desk.ui.main_window import MainWindow

    db = open_or_explain(empty_url)  # the window's start-up path, with its first programme
    assert db is not None
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle().startswith("Kulturpunkt 2025-26 – ")
        assert db.name in window.windowTitle() and "postgresql" not in window.windowTitle()
        shots = os.environ.get("KULTURPUNKT_SHOTS")
        if shots:  # for looking at it by eye; not part of the check
            window.grab().save(str(Path(shots) / "vindue-server.png"))
        window.close()
    finally:
        db.close()


def test_an_older_server_database_is_migrated_under_the_lock(
    empty_url: str, postgres_server: Databases
) -> None:
    """A server database one migration behind (0008 adds an index) waits for the lock,
    then the migration runs on PostgreSQL and the database is at the newest revision."""
    open_database(empty_url).dispose()
    with raw(postgres_server, empty_url) as conn:
        conn.execute("DROP INDEX ix_meeting_attendance_area_id_meeting_id")
        for table in ("sync_conflict", "sync_receipt", "laptop_sync"):  # made by 0010
            conn.execute(f"DROP TABLE {table}")  # type: ignore[call-overload]
        conn.execute("UPDATE alembic_version SET version_num = '0007'")
    opened: list[Database] = []
    with raw(postgres_server, empty_url) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
        desk = threading.Thread(target=lambda: opened.append(open_database(empty_url)))
        desk.start()

        wait_for(lambda: waiting_for_the_lock(holder) == 1, "the desk waiting for the lock")
        still = holder.execute("SELECT version_num FROM alembic_version").fetchone()
        assert still == ("0007",)
        holder.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))
    desk.join()
    assert len(opened) == 1
    try:
        assert schema_revision(opened[0]) == head_revision()
        with opened[0].engine.connect() as conn:
            index = conn.execute(
                text("SELECT to_regclass('ix_meeting_attendance_area_id_meeting_id')")
            ).scalar_one()
        assert index is not None
    finally:
        opened[0].dispose()


def test_two_desks_saving_the_same_new_name_at_once_make_no_duplicate(
    empty_url: str,
) -> None:
    """Saves run SERIALIZABLE on a server: a desk that checked the names before a
    colleague saved the same one is told to try again; nothing twice."""
    first, second = open_database(empty_url, user="ea"), open_database(empty_url, user="bo")
    try:
        programme_id = programmes.create_programme(first, programmes.kulturpunkt_2025_26(), "A")
        colleague_first = pytest.raises(DeskError, match="En kollega gemte i de samme data")
        with colleague_first, first.transaction() as s:
            taken = {a.name for a in s.scalars(select(Area))}  # the uniqueness check
            assert "Øster Åby" not in taken
            areas.create_area(second, programme_id, AreaData("Øster Åby", "Læsø"))
            # The same name in capitals: no unique index catches it, only the service's check.
            s.add(Area(programme_id=programme_id, name="ØSTER ÅBY", municipality="Læsø"))
        assert [a.name for a in areas.list_areas(first, programme_id)] == ["Øster Åby"]
    finally:
        first.dispose()
        second.dispose()


def test_server_errors_are_sorted_by_sqlstate() -> None:
    from psycopg import errors

    from kulturpunkt_desk.storage.failures import user_error

    def told(exc: Exception) -> str:
        known = user_error(exc)
        return str(known) if known is not None else ""

    assert "blev afbrudt" in told(errors.AdminShutdown("terminating connection"))
    assert "blev afbrudt" in told(psycopg.OperationalError("server closed the connection"))
    assert "En kollega gemte" in told(errors.SerializationFailure("could not serialize"))
    assert "disk er fuld" in told(errors.DiskFull("no space left"))
    assert "kun til læsning" in told(errors.ReadOnlySqlTransaction("read-only"))
    assert user_error(errors.UndefinedColumn("no such column")) is None  # a bug


def test_a_lost_connection_keeps_the_form_open_with_the_input_and_says_why(
    qtbot: QtBot, empty_url: str, postgres_server: Databases
) -> None:
    from kulturpunkt_desk.ui.context import DeskContext
    from kulturpunkt_desk.ui.dialogs.area_dialogs import AreaDialog

    db = open_database(empty_url)
    try:
        programme_id = programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "A")
        dialog = AreaDialog(DeskContext(db))
        qtbot.addWidget(dialog)
        dialog.name.setText("Klithuse")
        dialog.municipality.setCurrentText("Hjørring")
        with cut_before_commit(db, postgres_server):
            dialog.try_save()
        assert dialog.result() == 0  # not accepted: still open
        assert "Forbindelsen til databaseserveren blev afbrudt" in dialog.general_error.text()
        assert "det du har skrevet, står der stadig" in dialog.general_error.text()
        assert dialog.name.text() == "Klithuse"
        assert areas.list_areas(db, programme_id) == []
        dialog.try_save()  # the network is back: the same input saves
        assert [a.name for a in areas.list_areas(db, programme_id)] == ["Klithuse"]
    finally:
        db.dispose()
