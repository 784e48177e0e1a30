"""A laptop's file joins the team's database: merged by key, doubles paired by a person."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import SessionForm
from kulturpunkt_desk.domain.services import areas, people, programmes, sparring
from kulturpunkt_desk.domain.services.areas import AreaData, MemberData
from kulturpunkt_desk.domain.services.joining import join, plan_join
from kulturpunkt_desk.domain.services.people import PersonData
from kulturpunkt_desk.domain.services.sparring import SessionData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.storage.migrate import open_database


def _programme(db: Database) -> str:
    current = programmes.current_programme(db)
    assert current is not None
    return current.id


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    """A consultant's own file, begun before the team had a server: its own programme,
    its own «Fjordglimt» with a contact and a sparring session."""
    db = open_database(tmp_path / "min bærbare.sqlite", create=True, user="mette")
    pid = programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "Aftale {område}")
    area = areas.create_area(db, pid, AreaData(name="Fjordglimt", municipality="Aalborg"))
    person = people.create_person(db, PersonData(name="Lars  Fisker", email="lars@fjord.dk"))
    areas.add_member(db, area, person, MemberData(role="Formand", in_steering_group=True))
    sparring.log_session(
        db, area, SessionData(date(2026, 11, 2), SessionForm.PHYSICAL, notes="Havnefest planlagt")
    )
    areas.create_area(db, pid, AreaData(name="Nyby", municipality="Thisted"))
    yield db
    db.dispose()


@pytest.fixture
def team(db: Database) -> Database:
    """The team's database (a file, or the server in the PostgreSQL half of the run)."""
    pid = programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "Aftale {område}")
    area = areas.create_area(db, pid, AreaData(name="Fjordglimt", municipality="Aalborg"))
    person = people.create_person(db, PersonData(name="Lars Fisker", email="LARS@fjord.dk"))
    areas.add_member(db, area, person, MemberData(role="Formand"))
    return db


def test_records_made_twice_are_shown_to_pair_not_copied_silently(
    laptop: Database, team: Database
) -> None:
    plan = plan_join(laptop, team, {})
    asked = {(c.table, c.label, c.certain) for c in plan.candidates if c.asks}
    assert asked == {
        ("programme", "«Kulturpunkt 2025-26» (programmet)", True),
        ("area", "«Fjordglimt» (lokalområdet)", True),
        ("person", "«Lars  Fisker» (personen)", False),
    }
    with pytest.raises(DeskError, match="3 poster ligner poster i holdets database"):
        join(laptop, team, {})
    assert len(areas.list_areas(team, _programme(team))) == 1  # nothing written


def test_paired_records_join_their_children_to_the_teams_record(
    laptop: Database, team: Database
) -> None:
    decisions = {c.laptop_id: "pair" for c in plan_join(laptop, team, {}).candidates if c.asks}
    join(laptop, team, decisions)  # type: ignore[arg-type]

    (programme,) = programmes.list_programmes(team)
    names = sorted(a.name for a in areas.list_areas(team, programme.id))
    assert names == ["Fjordglimt", "Nyby"]  # one Fjordglimt; the laptop's Nyby came along
    fjord = areas.find_area(team, programme.id, "Fjordglimt")
    (session,) = sparring.list_sessions(team, programme.id)
    assert session.area_id == fjord.id and session.notes == "Havnefest planlagt"
    # One Lars, still in the steering group once.
    assert [p.name for p in people.list_people(team)] == ["Lars Fisker"]
    assert len(areas.area_people(team, fjord.id)) == 1


def test_two_different_people_of_one_name_can_both_be_kept(
    laptop: Database, team: Database
) -> None:
    plan = plan_join(laptop, team, {})
    decisions = {c.laptop_id: "pair" for c in plan.candidates if c.asks and c.certain}
    (lars,) = [c for c in plan.candidates if c.table == "person"]
    decisions[lars.laptop_id] = "keep_both"
    join(laptop, team, decisions)  # type: ignore[arg-type]
    assert sorted(p.name for p in people.list_people(team)) == ["Lars  Fisker", "Lars Fisker"]


def _as_file(db: Database, out: Path) -> Path:
    """The team's database as a laptop file (a server's through its SQLite backup)."""
    if db.backend.is_file:
        return db.backend.backup(out)
    from kulturpunkt_desk.domain.services.team_backup import backup_server

    backup_server(db.engine, out)
    return out


def test_a_laptop_copy_of_the_team_joins_by_key_with_only_its_new_work(
    team: Database, tmp_path: Path
) -> None:
    path = _as_file(team, tmp_path / "kopi.sqlite")
    copy = open_database(path, user="mette")
    try:
        fjord = areas.find_area(copy, _programme(copy), "Fjordglimt")
        sparring.log_session(copy, fjord.id, SessionData(date(2026, 11, 20), SessionForm.ONLINE))
        plan = plan_join(copy, team, {})
        assert plan.candidates == [] and plan.new["sparring_session"] == 1
        assert plan.shared > 5
        join(copy, team, {})
    finally:
        copy.dispose()
    assert len(sparring.list_sessions(team, _programme(team))) == 1


def test_the_command_line_shows_the_plan_and_joins_only_when_every_double_is_decided(
    laptop: Database, team: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from kulturpunkt_desk.cli import main

    source = str(laptop.path)
    laptop.close()
    base = ["server", "join", "--db", str(team.target), "--from", source]
    assert main([*base, "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "«Fjordglimt» (lokalområdet)" in printed and "SKAL parres" in printed
    assert "«Lars  Fisker» (personen)" in printed and "uafgjort" in printed

    assert main(base) == 1
    assert "Intet er skrevet" in capsys.readouterr().out
    assert len(areas.list_areas(team, _programme(team))) == 1

    keys = [line.split("nøgle ")[1].split()[0] for line in printed.splitlines() if "nøgle " in line]
    pairs = [arg for key in keys for arg in ("--pair", key)]
    assert main([*base, *pairs]) == 0
    assert "Flettet ind:" in capsys.readouterr().out
    names = sorted(a.name for a in areas.list_areas(team, _programme(team)))
    assert names == ["Fjordglimt", "Nyby"]


def test_the_window_shows_the_plan_and_joins_the_users_choices(
    qtbot: QtBot, laptop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the window (on a file standing in for the server): the dialog lists the doubles,
    a programme can only be paired, and the user keeps the two Lars Fiskers apart."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kulturpunkt_desk.ui import join_dialog
    from kulturpunkt_desk.ui.context import DeskContext
    from kulturpunkt_desk.ui.join_dialog import JoinDialog

    team_db = open_database(tmp_path / "holdet.sqlite", create=True, user="it")
    pid = programmes.create_programme(team_db, programmes.kulturpunkt_2025_26(), "Aftale")
    areas.create_area(team_db, pid, AreaData(name="Fjordglimt", municipality="Aalborg"))
    people.create_person(team_db, PersonData(name="Lars Fisker"))
    source = laptop.path
    laptop.close()
    ctx = DeskContext(team_db)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    seen: list[JoinDialog] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, JoinDialog)
        seen.append(dialog)
        programme = next(c for c in dialog.plan.candidates if c.table == "programme")
        assert not dialog.choices[programme.laptop_id][1].isEnabled()  # only "Den samme"
        lars = next(c for c in dialog.plan.candidates if c.table == "person")
        dialog.choices[lars.laptop_id][1].setChecked(True)  # "To forskellige"
        dialog.accept()

    QTimer.singleShot(0, choose)
    parent = QWidget()
    qtbot.addWidget(parent)
    join_dialog._join(ctx, source, parent)  # the file the user chose
    assert len(seen) == 1
    assert told and "flettet ind" in told[0]
    assert sorted(p.name for p in people.list_people(team_db)) == ["Lars  Fisker", "Lars Fisker"]
    assert sorted(a.name for a in areas.list_areas(team_db, pid)) == ["Fjordglimt", "Nyby"]
    team_db.close()
