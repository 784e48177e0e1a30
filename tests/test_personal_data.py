"""Personal data: export everything about a person; anonymise leaving no trace in the file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import areas, audit, grants, people, programmes, sparring
from kulturpunkt_desk.domain.services.grants import InstalmentData
from kulturpunkt_desk.domain.services.personal_data import (
    anonymise_person,
    export_person_json,
    person_record,
)
from kulturpunkt_desk.domain.services.retention import people_due_for_deletion, retention_date
from kulturpunkt_desk.domain.services.sparring import FollowUpData, SessionData
from kulturpunkt_desk.storage.backup import make_backup
from kulturpunkt_desk.storage.engine import Database

NAME = "Zacharias Testmand"
EMAIL = "zacharias.testmand@example.com"
PHONE = "10 98 76 54"
TRACES = [NAME.encode(), EMAIL.encode(), PHONE.encode(), b"10987654", b"Testmand"]


@dataclass
class World:
    area_id: int
    person_id: int
    other_id: int


@pytest.fixture
def world(db: Database, programme_id: int) -> World:
    area_id = areas.create_area(
        db, programme_id, areas.AreaData(name="Testrup", municipality="Rebild")
    )
    person_id = areas.add_new_person(
        db,
        area_id,
        people.PersonData(name=NAME, email=EMAIL, phone=PHONE, title="Formand", notes="Privat"),
        areas.MemberData(role="Formand", in_steering_group=True, is_primary_contact=True),
    )
    other_id = areas.add_new_person(
        db, area_id, people.PersonData(name="Anna Andensen"), areas.MemberData(role="Kasserer")
    )
    # An edit, so the audit log holds the old and the new value.
    people.update_person(
        db, person_id, people.PersonData(name=NAME, email=EMAIL, phone=PHONE, title="Forkvinde")
    )
    sparring.log_session(
        db,
        area_id,
        SessionData(
            held_on=date(2025, 7, 3),
            form=sparring.SessionForm.PHYSICAL,
            participant_ids=[person_id, other_id],
            notes=f"Aftalt med {NAME.upper()}: ring på 10987654 eller skriv til {EMAIL}.",
            follow_ups=[FollowUpData("Send foreningsliste", responsible=NAME)],
        ),
    )
    grants.award_grant(db, area_id, kr(50_000), date(2025, 5, 15))
    grants.add_instalment(db, area_id, InstalmentData(kr(40_000), date(2025, 6, 30)))
    return World(area_id, person_id, other_id)


def raw_bytes(db: Database) -> bytes:
    data = db.path.read_bytes()
    wal = db.path.with_name(db.path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_export_holds_everything_about_the_person(
    db: Database, world: World, tmp_path: Path
) -> None:
    path = export_person_json(db, world.person_id, tmp_path / "indsigt.json")
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["person"]["navn"] == NAME and record["person"]["telefon"] == PHONE
    assert record["lokalområder"] == [
        {
            "område": "Testrup",
            "program": "Kulturpunkt 2025-26",
            "rolle": "Formand",
            "styregruppe": True,
            "primær kontaktperson": True,
        }
    ]
    assert record["sparringsmøder"] == [{"dato": "2025-07-03", "område": "Testrup"}]
    mentioned = {m["tabel"]: m["felter"] for m in record["nævnt i"]}
    assert mentioned == {"sparring_session": ["notes"], "follow_up_action": ["responsible"]}
    actions = [e["handling"] for e in record["ændringslog"]]
    assert actions[:2] == ["create", "update"] and all(e["bruger"] for e in record["ændringslog"])


@pytest.mark.sqlite_only
def test_anonymising_leaves_no_trace_in_the_raw_file(db: Database, world: World) -> None:
    before = raw_bytes(db)
    assert all(trace in before for trace in TRACES)  # the test can see them when present
    result = anonymise_person(db, world.person_id)
    assert result.file_purged
    after = raw_bytes(db)
    assert [t for t in TRACES if t in after] == []
    assert b"Anna Andensen" in after  # other people are untouched
    conn = sqlite3.connect(db.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_programme_and_financial_records_stay_intact(db: Database, world: World) -> None:
    result = anonymise_person(db, world.person_id)
    assert result.records_scrubbed == 2  # the sparring notes and the follow-up
    assert result.audit_entries_scrubbed >= 3
    members = areas.area_people(db, world.area_id)
    primary = [m for m in members if m.is_primary_contact]
    assert [m.person.name for m in primary] == [f"Anonymiseret person {world.person_id}"]
    assert primary[0].role == "Formand" and primary[0].in_steering_group
    person = people.get_person(db, world.person_id)
    assert (person.email, person.phone, person.title, person.notes) == ("", "", "", "")
    assert person.anonymised_at is not None
    assert [i.amount_ore for i in grants.area_instalments(db, world.area_id)] == [kr(40_000)]
    area = areas.get_area(db, world.area_id)
    assert area.grant is not None and area.grant.amount_ore == kr(50_000)
    session = area.sessions[0]
    assert {p.person_id for p in session.participants} == {world.person_id, world.other_id}
    assert (
        session.notes
        == "Aftalt med [anonymiseret]: ring på [anonymiseret] eller skriv til [anonymiseret]."
    )
    assert session.follow_ups[0].responsible == "[anonymiseret]"


def test_audit_log_keeps_who_and_when_but_not_the_erased_values(db: Database, world: World) -> None:
    person_uuid = people.get_person(db, world.person_id).uuid
    anonymise_person(db, world.person_id)
    entries = audit.history(db, person_uuid)
    assert [e.action for e in entries] == ["create", "update", "anonymise"]
    assert all(e.user == "testbruger" for e in entries)
    assert entries[1].changes["title"] == ["[anonymiseret]", "[anonymiseret]"]
    assert NAME not in json.dumps([e.changes for e in entries] + [e.summary for e in entries])


def test_export_after_anonymising_holds_nothing_personal(db: Database, world: World) -> None:
    anonymise_person(db, world.person_id)
    text = json.dumps(person_record(db, world.person_id), ensure_ascii=False)
    assert NAME not in text and EMAIL not in text and PHONE not in text


@pytest.mark.sqlite_only
def test_anonymise_counts_backups_that_still_hold_the_old_values(
    db: Database, world: World
) -> None:
    make_backup(db.path, "manuel")
    assert anonymise_person(db, world.person_id).backups_with_old_data == 1


# --- retention ------------------------------------------------------------------------


def close_programme(db: Database, programme_id: int, closed_on: date, years: int) -> None:
    current = programmes.list_programmes(db)[0]
    data = programmes.ProgrammeData(
        name=current.name,
        start_year=current.start_year,
        end_year=current.end_year,
        default_grant_ore=current.default_grant_ore,
        total_budget_ore=current.total_budget_ore,
        retention_years=years,
        closed_on=closed_on,
    )
    programmes.update_programme(db, programme_id, data)


def test_retention_date_is_closing_date_plus_the_years(db: Database, programme_id: int) -> None:
    assert retention_date(programmes.list_programmes(db)[0]) is None  # still running
    close_programme(db, programme_id, date(2026, 8, 31), 5)
    assert retention_date(programmes.list_programmes(db)[0]) == date(2031, 8, 31)


def test_people_are_due_for_deletion_when_retention_has_run_out(
    db: Database, programme_id: int, world: World
) -> None:
    assert people_due_for_deletion(db, date(2040, 1, 1)) == []  # programme still open
    close_programme(db, programme_id, date(2026, 8, 31), 5)
    assert people_due_for_deletion(db, date(2031, 8, 30)) == []
    due = people_due_for_deletion(db, date(2031, 8, 31))
    assert sorted(d.name for d in due) == sorted([NAME, "Anna Andensen"])
    assert due[0].due_on == date(2031, 8, 31) and due[0].programmes == ["Kulturpunkt 2025-26"]
    anonymise_person(db, world.person_id)
    assert [d.name for d in people_due_for_deletion(db, date(2031, 8, 31))] == ["Anna Andensen"]


def test_readable_pdf_export_holds_the_same_facts(
    db: Database, world: World, tmp_path: Path
) -> None:
    pypdf = pytest.importorskip("pypdf")
    from kulturpunkt_desk.documents.person_export import write_person_pdf

    path = write_person_pdf(db, world.person_id, tmp_path / "indsigt.pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    for fact in (NAME, EMAIL, PHONE, "Testrup", "Formand", "sparring_session"):
        assert fact in text


@pytest.mark.sqlite_only
def test_a_reader_holding_the_wal_is_reported_and_the_purge_can_be_repeated(
    db: Database, world: World
) -> None:
    from kulturpunkt_desk.domain.services.personal_data import purge_free_pages

    other = sqlite3.connect(db.path)  # e.g. a read-only desk in the middle of a read
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM person").fetchone()
    try:
        result = anonymise_person(db, world.person_id)
        assert not result.file_purged
    finally:
        other.rollback()
        other.close()
    assert purge_free_pages(db)
    assert [t for t in TRACES if t in raw_bytes(db)] == []


def test_export_names_the_persons_seat_in_the_ekr_secretariat(ekr_db: Database) -> None:
    from sqlalchemy import select

    from kulturpunkt_desk.domain.models import Representative

    with ekr_db.read() as s:
        seat = s.scalars(select(Representative)).first()
        assert seat is not None
        person_id, member = seat.person_id, seat.member.name
    record = person_record(ekr_db, person_id)
    assert [r["medlem"] for r in record["europæisk kulturregion"]] == [member]
