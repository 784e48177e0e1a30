"""The programme's calendar file and the year wheel's: read back with icalendar and with
vobject (a second, independent reader), stable UIDs, SEQUENCE that grows when an event
changes, LAST-MODIFIED, Europe/Copenhagen, Danish text only."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from documents_support import make_area
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.documents.programme_calendar import write_programme_calendar
from kulturpunkt_desk.domain.calendar_event import sequence_number
from kulturpunkt_desk.domain.models import SessionForm
from kulturpunkt_desk.domain.services import meetings, sparring
from kulturpunkt_desk.domain.services.meetings import MeetingData
from kulturpunkt_desk.domain.services.sparring import FollowUpData, SessionData
from kulturpunkt_desk.storage.engine import Database


def _events(path: Path) -> list:  # type: ignore[type-arg]
    from icalendar import Calendar

    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _vobject_events(path: Path) -> list:  # type: ignore[type-arg]
    import vobject

    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    return list(cal.vevent_list)


def _backdate(db: Database, table: str, record_id: int, days: int) -> None:
    """Pretend the record was made `days` ago, so a save now is a later change."""
    with db.transaction() as s:
        then = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")
        s.execute(
            text(f"UPDATE {table} SET created_at = :t, updated_at = :t WHERE id = :i"),
            {"t": then, "i": record_id},
        )


@pytest.fixture
def filled(db: Database, programme_id: int) -> Database:
    area_id = make_area(db, programme_id, "Fjordglimt")
    make_area(db, programme_id, "Østerø Havn")
    sparring.log_session(
        db,
        area_id,
        SessionData(
            held_on=date(2025, 6, 24),
            form=SessionForm.PHYSICAL,
            consultant="Kulturkonsulent Ea",
            follow_ups=[
                FollowUpData("Send foreningslisten", date(2025, 7, 1), "Kulturkonsulent Ea")
            ],
        ),
    )
    meetings.create_meeting(
        db, programme_id, MeetingData("Netværksmøde 1", date(2025, 9, 10), place="Aalborg")
    )
    return db


def test_programme_calendar_reads_back_with_icalendar_and_vobject(
    filled: Database, programme_id: int, tmp_path: Path
) -> None:
    out = write_programme_calendar(filled, programme_id, tmp_path / "kalender.ics")
    events = _events(out)
    summaries = [str(e["SUMMARY"]) for e in events]
    # 12 timeline phases, 4 instalments, 1 session, 1 follow-up, 1 network meeting
    assert len(events) == 19
    assert "Kulturpunkt: Frist for interessetilkendegivelse" in summaries
    assert "Sparringsmøde med Fjordglimt" in summaries
    assert "Opfølgning, Fjordglimt: Send foreningslisten" in summaries
    assert "Netværksmøde: Netværksmøde 1" in summaries
    assert "Rate til Østerø Havn: 40.000 kr." in summaries
    for event in events:
        assert str(event["UID"]).endswith("@kulturpunkt-desk")
        assert int(event["SEQUENCE"]) == 0  # nothing has changed since it was made
        assert event.decoded("LAST-MODIFIED").tzinfo is not None
        assert "DTSTAMP" in event
    assert len({str(e["UID"]) for e in events}) == len(events)
    deadline = next(e for e in events if "Frist" in str(e["SUMMARY"]))
    assert deadline.decoded("DTSTART") == date(2025, 4, 28)
    assert deadline.decoded("DTEND") == date(2025, 4, 29)

    second = _vobject_events(out)
    assert sorted(e.uid.value for e in second) == sorted(str(e["UID"]) for e in events)
    assert {e.summary.value for e in second} == set(summaries)
    assert all(int(e.sequence.value) == 0 for e in second)


def test_every_calendar_file_has_a_danish_time_zone_and_no_english(
    filled: Database, programme_id: int, ekr_db: Database, tmp_path: Path
) -> None:
    from icalendar import Calendar

    from kulturpunkt_desk.documents.ekr_calendar import write_wheel_calendar
    from kulturpunkt_desk.domain.services import ekr_partnership

    partnership = ekr_partnership.current_partnership(ekr_db)
    assert partnership is not None
    files = [
        write_programme_calendar(filled, programme_id, tmp_path / "k.ics"),
        write_wheel_calendar(ekr_db, partnership.id, 2026, tmp_path / "w.ics"),
    ]
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert "This timezone" not in raw and "only works" not in raw
        cal = Calendar.from_ical(raw)
        zones = list(cal.walk("VTIMEZONE"))
        assert [str(z["TZID"]) for z in zones] == ["Europe/Copenhagen"]
        assert "gælder fra" in str(zones[0]["COMMENT"])
        for event in cal.walk("VEVENT"):
            assert "SEQUENCE" in event and "LAST-MODIFIED" in event


def test_a_moved_meeting_keeps_its_uid_and_gets_a_higher_sequence(
    filled: Database, programme_id: int, tmp_path: Path
) -> None:
    meeting = meetings.list_meetings(filled, programme_id)[0]
    _backdate(filled, "network_meeting", meeting.id, days=3)
    before = write_programme_calendar(filled, programme_id, tmp_path / "før.ics")
    meetings.update_meeting(
        filled, meeting.id, MeetingData("Netværksmøde 1", date(2025, 9, 17), place="Hjørring")
    )
    after = write_programme_calendar(filled, programme_id, tmp_path / "efter.ics")

    def the_meeting(path: Path):  # type: ignore[no-untyped-def]
        return next(e for e in _events(path) if str(e["UID"]).startswith(meeting.uuid))

    old, new = the_meeting(before), the_meeting(after)
    assert int(new["SEQUENCE"]) > int(old["SEQUENCE"])
    assert new.decoded("LAST-MODIFIED") > old.decoded("LAST-MODIFIED")
    assert new.decoded("DTSTART") == date(2025, 9, 17) and str(new["LOCATION"]) == "Hjørring"


def test_the_wheel_calendar_shares_the_sequence_rule(ekr_db: Database, tmp_path: Path) -> None:
    from kulturpunkt_desk.documents.ekr_calendar import write_wheel_calendar
    from kulturpunkt_desk.domain.services import ekr_partnership, ekr_wheel

    partnership = ekr_partnership.current_partnership(ekr_db)
    assert partnership is not None
    first = ekr_wheel.list_wheel(ekr_db, partnership.id, 2026)[0]
    _backdate(ekr_db, "ekr_wheel_meeting", first.id, days=1)
    with ekr_db.transaction() as s:
        s.execute(
            text("UPDATE ekr_wheel_meeting SET updated_at = :t WHERE id = :i"),
            {"t": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S"), "i": first.id},
        )
    events = _events(write_wheel_calendar(ekr_db, partnership.id, 2026, tmp_path / "w.ics"))
    moved = next(e for e in events if str(e["UID"]).startswith(first.uuid))
    assert int(moved["SEQUENCE"]) >= 24 * 3600 - 5


def test_one_area_or_one_consultant_gets_only_their_events(
    filled: Database, programme_id: int, tmp_path: Path
) -> None:
    area = tmp_path / "område.ics"
    assert (
        main(["calendar", "--db", str(filled.path), "--out", str(area), "--area", "Østerø Havn"])
        == 0
    )
    assert sorted(str(e["SUMMARY"]) for e in _events(area)) == [
        "Rate til Østerø Havn: 10.000 kr.",
        "Rate til Østerø Havn: 40.000 kr.",
    ]
    mine = tmp_path / "mine.ics"
    assert main(["calendar", "--db", str(filled.path), "--out", str(mine), "--mine", "ea"]) == 0
    assert sorted(str(e["SUMMARY"]) for e in _events(mine)) == [
        "Opfølgning, Fjordglimt: Send foreningslisten",
        "Sparringsmøde med Fjordglimt",
    ]


def test_calendar_cli_refuses_a_wrong_extension_and_writes_nothing(
    filled: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kalender.txt"
    assert main(["calendar", "--db", str(filled.path), "--out", str(out)]) == 1
    assert ".ics" in capsys.readouterr().err and not out.exists()
    nobody = tmp_path / "ingen.ics"
    assert (
        main(["calendar", "--db", str(filled.path), "--out", str(nobody), "--mine", "Ingen"]) == 1
    )
    assert "ingen datoer" in capsys.readouterr().err and not nobody.exists()


@given(
    created=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
    steps=st.lists(
        st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=400)),
        max_size=20,
    ),
)
def test_sequence_grows_with_every_later_change(created: datetime, steps: list[timedelta]) -> None:
    updated, last = created, sequence_number(created, created)
    assert last == 0
    for step in steps:
        updated += step
        now = sequence_number(created, updated)
        assert now > last
        last = now
    assert last < 2**31  # SEQUENCE is a 32-bit integer in Outlook
