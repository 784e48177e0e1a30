"""A large database for the benchmarks: 50 programmes, 550 areas, 20,000 sparring sessions and
100,000 meeting attendance rows, all fictional.

The current programme (the one the desk opens on) is the biggest: 110 of the 550 areas and
their share of sessions and attendance, ten times a real Kulturpunkt round, so its lists
and its Overblik carry the weight. The other 49 programmes are past rounds of 8-9 areas.

Programmes are made through the service (timeline, agreement template); the bulk rows go
in with SQLAlchemy Core executemany inside one transaction. The file is cached under
benchmarks/.cache, keyed by VERSION and the schema's head revision, so reruns are fast.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from kulturpunkt_desk.domain import models as m  # noqa: E402
from kulturpunkt_desk.domain.demo import demo_cvr  # noqa: E402
from kulturpunkt_desk.domain.money import kr  # noqa: E402
from kulturpunkt_desk.domain.services import programmes  # noqa: E402
from kulturpunkt_desk.resources import default_agreement_text  # noqa: E402
from kulturpunkt_desk.storage.migrate import head_revision, open_database  # noqa: E402

VERSION = 2  # raise when the generated content changes (2: UUID keys)
CACHE = Path(__file__).resolve().parent / ".cache"

PROGRAMMES = 50
AREAS = 550
CURRENT_AREAS = 110
SESSIONS = 20_000
ATTENDANCE = 100_000
MEETINGS_PER_PROGRAMME = 40
PEOPLE_PER_AREA = 6
STAMP = datetime(2026, 1, 1, tzinfo=UTC)

PLACES = ["Fjord", "Lyng", "Havne", "Vester", "Klit", "Mølle", "Skov", "Eng", "Bakke", "Sø"]
ENDINGS = ["glimt", "bakken", "strøget", "hede", "byen", "høj", "kanten", "holm", "dal", "vang"]
MUNICIPALITIES = ["Aalborg", "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø"]
MUNICIPALITIES += ["Mariagerfjord", "Morsø", "Rebild", "Thisted", "Vesthimmerland"]


def split(total: int, weights: list[int]) -> list[int]:
    """`total` shared in proportion to `weights`, as whole numbers that add up exactly."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    for n in range(total - sum(shares)):
        shares[n % len(shares)] += 1
    return shares


def _ids(start: int) -> Iterator[int]:
    n = start
    while True:
        yield n
        n += 1


def _record(row_id: int, rng: random.Random, **values: Any) -> dict[str, Any]:
    """A row numbered `row_id` for now; `_keyed` gives it (and its references) UUID keys."""
    return {"id": row_id, "row_version": 1, "created_at": STAMP, "updated_at": STAMP, **values}


def key(table: str, n: int) -> str:
    """Row `n` of `table` as a UUID key: random-looking like the desk's own (uuid4), so the
    indexes see what they see in use, and the same on every build."""
    return str(uuid.UUID(bytes=hashlib.md5(f"{table}:{n}".encode()).digest(), version=4))


def _keyed(table: Any, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with their numbers turned into UUID keys, references too."""
    refers = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
    for row in batch:
        if isinstance(row.get("id"), int):
            row["id"] = key(table.name, row["id"])
        for column, target in refers.items():
            if isinstance(row.get(column), int):
                row[column] = key(target, row[column])
    return batch


def build(path: Path | str, seed: int = 2026) -> dict[str, int]:
    """Make the large database at `path` (a new file, or an empty server database's URL);
    return the row counts."""
    rng = random.Random(seed)
    db = open_database(path, create=True, user="benchmark")
    try:
        body = default_agreement_text()
        programme_ids: list[str] = []
        for n in range(PROGRAMMES):
            # Oldest first, so the newest (2025-26) is created last and becomes current.
            # Two rounds a year (the desk accepts years from 2000), 2001 to 2025.
            back = PROGRAMMES - 1 - n
            year = 2025 - (back + 1) // 2
            region = " Vest" if back % 2 else ""
            template = programmes.kulturpunkt_2025_26()
            data = replace(
                template.data,
                name=f"Kulturpunkt{region} {year}-{(year + 1) % 100:02d}",
                start_year=year,
                end_year=year + 1,
                total_budget_ore=kr(50_000) * (CURRENT_AREAS if back == 0 else 11),
                closed_on=date(year + 1, 9, 1) if back else None,
            )
            shift = relativedelta(years=year - 2025)
            template.data = data
            template.milestones = [
                replace(ms, starts_on=ms.starts_on + shift, ends_on=ms.ends_on + shift)
                for ms in template.milestones
            ]
            programme_ids.append(programmes.create_programme(db, template, body))
        current = programme_ids[-1]
        rows = _rows(db, programme_ids, current, rng)
        with db.engine.begin() as conn:
            for table, batch in rows.items():
                if batch:
                    conn.execute(insert(table), _keyed(table, batch))
        counts = {table.name: len(batch) for table, batch in rows.items()}
    finally:
        db.dispose()
    if isinstance(path, str):
        return counts  # a server URL (benchmarks/postgresql.py): no file, no WAL
    # Fold the WAL into the file, so the cached copy is one self-contained file.
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return counts


def _rows(db: Any, programme_ids: list[str], current: str, rng: random.Random) -> dict[Any, list]:
    with db.engine.connect() as conn:
        # Keys as text: PostgreSQL hands a raw query's uuid back as a uuid.UUID.
        rows = conn.execute(text("SELECT programme_id, id FROM agreement_template")).all()
        templates = {str(p): str(t) for p, t in rows}
        years = {str(k): y for k, y in conn.execute(text("SELECT id, start_year FROM programme"))}
    area_counts = [*split(AREAS - CURRENT_AREAS, [1] * (len(programme_ids) - 1)), CURRENT_AREAS]
    ids = {name: _ids(1) for name in ("area", "person", "org", "misc")}
    out: dict[Any, list] = {
        t: []
        for t in (
            m.Organisation.__table__,
            m.Person.__table__,
            m.Area.__table__,
            m.AreaMember.__table__,
            m.PartnershipMember.__table__,
            m.ExpressionOfInterest.__table__,
            m.CollaborationAgreement.__table__,
            m.Grant.__table__,
            m.Instalment.__table__,
            m.SpendingItem.__table__,
            m.Activity.__table__,
            m.EvaluationSubmission.__table__,
            m.SparringSession.__table__,
            m.SessionParticipant.__table__,
            m.FollowUpAction.__table__,
            m.NetworkMeeting.__table__,
            m.MeetingAttendance.__table__,
        )
    }
    T = {t.name: t for t in out}
    add = lambda name, row: out[T[name]].append(row)  # noqa: E731

    area_people: dict[int, list[int]] = {}
    programme_areas: dict[int, list[int]] = {}
    cvr_seed = 0
    for pid, count in zip(programme_ids, area_counts, strict=True):
        year = years[pid]
        kickoff = date(year, 6, 18)
        for n in range(count):
            area_id = next(ids["area"])
            programme_areas.setdefault(pid, []).append(area_id)
            stage = 8 - (n % 9) if pid == current else 7  # past rounds are all closed
            cvr_seed += 1
            name = f"{PLACES[n % 10]}{ENDINGS[(n // 10) % 10]}" + (
                f" {n // 100 + 1}" if n >= 100 else ""
            )
            add(
                "area",
                _record(
                    area_id,
                    rng,
                    programme_id=pid,
                    name=name,
                    municipality=MUNICIPALITIES[n % len(MUNICIPALITIES)],
                    vision="Et stærkere fællesskab gennem kultur.",
                    idea="Fællesspisning, koncerter og fortælleaftener.",
                    local_goals="Samarbejde på tværs af foreninger",
                    recipient_name=f"{name} Borgerforening",
                    recipient_cvr=demo_cvr(cvr_seed),
                    recipient_address=f"Byvej {n + 1}, 9000 Aalborg",
                    notes="",
                    closed_on=date(year + 1, 8, 31) if stage >= 8 else None,
                ),
            )
            people = []
            for k in range(PEOPLE_PER_AREA):
                person_id = next(ids["person"])
                people.append(person_id)
                add(
                    "person",
                    _record(
                        person_id,
                        rng,
                        name=f"Deltager {person_id:05d}",
                        email=f"deltager{person_id}@example.com",
                        phone=f"10 {person_id % 100:02d} {(person_id // 100) % 100:02d} {k:02d}",
                        title="",
                        organisation_id=None,
                        notes="",
                        anonymised_at=None,
                    ),
                )
                add(
                    "area_member",
                    _record(
                        next(ids["misc"]),
                        rng,
                        area_id=area_id,
                        person_id=person_id,
                        role="Formand" if k == 0 else "Medlem",
                        in_steering_group=k < 4,
                        is_primary_contact=k == 0,
                    ),
                )
            area_people[area_id] = people
            for k, sector in enumerate((m.Sector.ASSOCIATION, m.Sector.SCHOOL)):
                org_id = next(ids["org"])
                add(
                    "organisation",
                    _record(
                        org_id,
                        rng,
                        name=f"{name} {'Idrætsforening' if k == 0 else 'Skole'} {org_id}",
                        cvr="",
                        sector=sector,
                        municipality=MUNICIPALITIES[n % len(MUNICIPALITIES)],
                        notes="",
                    ),
                )
                add(
                    "partnership_member",
                    _record(
                        next(ids["misc"]),
                        rng,
                        area_id=area_id,
                        organisation_id=org_id,
                        contribution="Lokaler og frivillige",
                    ),
                )
            if stage >= 1:
                add(
                    "expression_of_interest",
                    _record(
                        next(ids["misc"]),
                        rng,
                        area_id=area_id,
                        received_on=date(year, 4, 20),
                        content="Vi vil gerne være med.",
                        decision=m.InterestDecision.ACCEPTED
                        if stage >= 2
                        else m.InterestDecision.PENDING,
                        decided_on=date(year, 4, 30) if stage >= 2 else None,
                    ),
                )
            if stage >= 2:
                add(
                    "collaboration_agreement",
                    _record(
                        next(ids["misc"]),
                        rng,
                        area_id=area_id,
                        template_id=templates[pid],
                        sent_on=date(year, 5, 10),
                        signed_by_area_on=date(year, 5, 20) if stage >= 3 else None,
                        signed_by_region_on=date(year, 5, 25) if stage >= 3 else None,
                        notes="",
                    ),
                )
            if stage >= 3:
                grant_id = next(ids["misc"])
                add(
                    "grant",
                    _record(
                        grant_id,
                        rng,
                        area_id=area_id,
                        amount_ore=kr(50_000),
                        awarded_on=date(year, 5, 25),
                    ),
                )
                for k, due in enumerate((date(year, 6, 1), date(year + 1, 3, 1))):
                    add(
                        "instalment",
                        _record(
                            next(ids["misc"]),
                            rng,
                            grant_id=grant_id,
                            amount_ore=kr(25_000),
                            due_on=due,
                            paid_on=due if stage >= 4 + k else None,
                            note="",
                        ),
                    )
            if stage >= 5:
                for k in range(3):
                    add(
                        "activity",
                        _record(
                            next(ids["misc"]),
                            rng,
                            area_id=area_id,
                            held_on=kickoff + timedelta(days=40 * (k + 1)),
                            title=f"Kulturaften {k + 1}",
                            description="",
                            participants=40 + k * 10,
                            target_groups=["børnefamilier"],
                            sectors=["association"],
                        ),
                    )
                    add(
                        "spending_item",
                        _record(
                            next(ids["misc"]),
                            rng,
                            area_id=area_id,
                            evaluation_id=None,
                            spent_on=kickoff + timedelta(days=40 * (k + 1)),
                            description="Honorar og leje",
                            amount_ore=kr(8_000),
                        ),
                    )
            if stage >= 6:
                add(
                    "evaluation_submission",
                    _record(
                        next(ids["misc"]),
                        rng,
                        area_id=area_id,
                        received_on=date(year + 1, 6, 1),
                        summary="Et godt år.",
                        activities_held=3,
                        participants_total=150,
                        volunteers=12,
                        new_partners=2,
                        declared_spending_ore=kr(24_000),
                    ),
                )

    all_areas = [a["id"] for a in out[T["area"]]]
    area_programme = {a["id"]: a["programme_id"] for a in out[T["area"]]}
    forms = list(m.SessionForm)
    elements = [e.value for e in m.CoreElement]
    for n in range(SESSIONS):
        area_id = all_areas[n % len(all_areas)]
        year = years[area_programme[area_id]]
        held = date(year, 6, 1) + timedelta(days=(n * 7) % 420)
        session_id = next(ids["misc"])
        add(
            "sparring_session",
            _record(
                session_id,
                rng,
                area_id=area_id,
                held_on=held,
                form=forms[n % 3],
                consultant="Kulturkonsulent",
                core_elements=elements[: 1 + n % 5],
                notes="Gennemgang af planer og økonomi.",
            ),
        )
        add(
            "session_participant",
            _record(
                next(ids["misc"]), rng, session_id=session_id, person_id=area_people[area_id][n % 2]
            ),
        )
        if n % 4 == 0:
            add(
                "follow_up_action",
                _record(
                    next(ids["misc"]),
                    rng,
                    session_id=session_id,
                    description="Send budgetudkast",
                    responsible="Formand",
                    due_on=held + timedelta(days=21),
                    done_on=held + timedelta(days=14) if n % 8 else None,
                ),
            )

    weights = [len(programme_areas[pid]) for pid in programme_ids]
    for pid, rows in zip(programme_ids, split(ATTENDANCE, weights), strict=True):
        people = [(a, p) for a in programme_areas[pid] for p in area_people[a]]
        per_meeting = split(rows, [1] * MEETINGS_PER_PROGRAMME)
        year = years[pid]
        for k, count in enumerate(per_meeting):
            meeting_id = next(ids["misc"])
            add(
                "network_meeting",
                _record(
                    meeting_id,
                    rng,
                    programme_id=pid,
                    kind=m.MeetingKind.NETWORK if k % 2 else m.MeetingKind.INSPIRATION,
                    title=f"Netværksmøde {k + 1}",
                    held_on=date(year, 8, 1) + timedelta(days=9 * k),
                    place="Kulturhuset",
                    agenda="",
                    notes="",
                ),
            )
            for area_id, person_id in rng.sample(people, count):
                add(
                    "meeting_attendance",
                    _record(
                        next(ids["misc"]),
                        rng,
                        meeting_id=meeting_id,
                        area_id=area_id,
                        person_id=person_id,
                    ),
                )
    return out


def cached_large_db() -> Path:
    """The cached large database, made (about half a minute) when missing or out of date."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"large-v{VERSION}-schema{head_revision()}.sqlite"
    if not path.exists():
        for old in CACHE.glob("large-*.sqlite*"):
            old.unlink()
        building = path.with_suffix(".building")
        for leftover in building.parent.glob(building.name + "*"):
            leftover.unlink()
        build(building)
        for suffix in ("-wal", "-shm"):
            Path(str(building) + suffix).unlink(missing_ok=True)
        shutil.move(building, path)
    return path


if __name__ == "__main__":
    import time

    start = time.perf_counter()
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if target is None:
        print(cached_large_db())
    else:
        counts = build(target)
        print(counts)
    print(f"{time.perf_counter() - start:.1f} s")
