"""The demo's plan and people for Europæisk Kulturregion: budget lines, the action plan,
the directors' meetings and Kulturforum by person and role, a substitute in the secretariat.

Everything is invented: the people's names are made up (no phone numbers), the amounts
are round figures, and the efforts are examples in the strategy's own words.
"""

from __future__ import annotations

from datetime import date

from kulturpunkt_desk.storage.engine import Database

from .models import ActionStatus, MemberKind, ParticipantRole, PartnerMember, WheelMeetingKind
from .money import kr
from .services import ekr_action_plan, ekr_budget, ekr_forum, ekr_themes, ekr_wheel
from .services.ekr_action_plan import PlanActionData
from .services.ekr_budget import BudgetLineData
from .services.ekr_forum import KulturforumData, ParticipantData

R = ParticipantRole
PLAN_YEAR = 2026

# Planned per year and spent in 2025 (all) and 2026 (so far); 100.000 kr. left unplanned.
BUDGET = (
    ("Regional finansiering af Genvej til Europa", 600_000, 410_000),
    ("Ekstra finansiering af Midtjysk Kulturakademi", 500_000, 500_000),
    ("Kulturforum", 250_000, 238_000),
    ("Fællessekretariatets møder", 150_000, 96_000),
    ("Kommunikation", 300_000, 215_000),
    ("Kompetenceforløb og temaindsatser", 500_000, 520_000),
    ("Kulturmødet Mors", 200_000, 185_000),
)

_FIRST = ("Asger", "Birthe", "Carl", "Ditte", "Egon", "Fie", "Gorm", "Helle", "Iver", "Jytte")
_LAST = ("Kulsø", "Lindebjerg", "Mølleå", "Nørrevang", "Rugholm", "Stenlykke", "Tvedvang")


def _name(n: int) -> str:
    return f"{_FIRST[n % len(_FIRST)]} {_LAST[(n // len(_FIRST) + n) % len(_LAST)]}"


def load_plan_demo(db: Database, pid: str, members: list[PartnerMember]) -> None:
    by_name = {m.name.removesuffix(" Kommune"): m.id for m in members}
    _add_budget(db, pid)
    _add_action_plan(db, pid, by_name)
    _add_people(db, pid, members)


def _add_budget(db: Database, pid: str) -> None:
    for year in (2025, 2026):
        for position, (name, planned, spent) in enumerate(BUDGET, start=1):
            used = planned if year == 2025 else spent  # 2025 is closed, all spent
            ekr_budget.create_line(
                db, pid, year, BudgetLineData(name, kr(planned), kr(used), position=position)
            )


def _add_action_plan(db: Database, pid: str, m: dict[str, str]) -> None:
    areas = {a.number: a.id for a in ekr_themes.list_focus_areas(db, pid)}
    region = m["Region Midtjylland"]
    efforts = [
        (1, "Genvej til Europa: rådgivning af ansøgere", region,
         ("Holstebro", "Skive", "Samsø"), ActionStatus.IN_PROGRESS, date(2026, 11, 30)),
        (1, "Fælles ansøgning til Et Kreativt Europa", m["Aarhus"],
         ("Randers", "Viborg"), ActionStatus.PLANNED, date(2027, 1, 31)),
        (2, "Kulturforum 2026: program og invitationer", region,
         ("Herning", "Silkeborg"), ActionStatus.DONE, date(2026, 9, 15)),
        (3, "Kulturmødet Mors: fælles debat om kulturens vilkår", m["Skive"],
         ("Struer", "Lemvig"), ActionStatus.DONE, date(2026, 8, 20)),
        (3, "Kompetenceforløb om EU-ansøgninger for kulturaktører", m["Horsens"],
         ("Hedensted", "Odder", "Skanderborg"), ActionStatus.IN_PROGRESS, date(2026, 6, 30)),
        (None, "Nyhedsbrev og fælles nyhedsside fire gange om året", region,
         ("Favrskov",), ActionStatus.IN_PROGRESS, date(2026, 12, 15)),
    ]  # fmt: skip
    for area, title, responsible, taking_part, status, deadline in efforts:
        ekr_action_plan.create_action(
            db,
            pid,
            PLAN_YEAR,
            PlanActionData(
                title,
                responsible,
                areas[area] if area else None,
                status,
                deadline,
                tuple(m[n] for n in taking_part),
            ),
        )


def _add_people(db: Database, pid: str, members: list[PartnerMember]) -> None:
    meetings = ekr_wheel.list_wheel(db, pid, PLAN_YEAR)
    spring = next(x for x in meetings if x.kind == WheelMeetingKind.DIRECTORS)
    autumn = next(x for x in meetings if x.kind == WheelMeetingKind.DIRECTORS_KULTURFORUM)
    region = next(x for x in members if x.kind == MemberKind.REGION)
    cdeu = next(x for x in members if x.kind == MemberKind.CDEU)
    municipalities = [x for x in members if x.kind == MemberKind.MUNICIPALITY]
    people = [(R.CULTURE_DIRECTOR, x.id) for x in municipalities[:16]] + [
        (R.CDEU_DIRECTOR, cdeu.id),
        (R.DEVELOPMENT_DIRECTOR, region.id),
        (R.CHIEF_EXECUTIVE, municipalities[4].id),
    ]
    for n, (role, member_id) in enumerate(people):
        ekr_forum.add_participant(
            db, ParticipantData(role, member_id, name=_name(n)), meeting_id=spring.id
        )
    # The same directors in the autumn; every sixth sent word they could not come.
    for k, row in enumerate(ekr_forum.list_participants(db, meeting_id=spring.id)):
        data = ParticipantData(row.role, row.member_id, person_id=row.person_id)
        if k % 6 == 5:
            data = ParticipantData(row.role, row.member_id, row.person_id, present=False)
        ekr_forum.add_participant(db, data, meeting_id=autumn.id)
    n = len(people)
    forum_id = ekr_forum.create_kulturforum(
        db,
        pid,
        KulturforumData(
            autumn.held_on,
            "Demo-Kulturhuset, Herning (opdigtet)",
            "10.00 Velkomst\n10.30 Status på partnerskabets indsatser\n"
            "12.00 Frokost og netværk\n13.00 Værksteder om kommende temaer\n"
            "15.00 Politikernes prioriteringer",
            "Flere fælles EU-ansøgninger i 2027\nBørn og unge i kulturlivet som tema\n"
            "Kulturmødet Mors også i 2027",
            meeting_id=autumn.id,
        ),
    )
    politicians = [(R.CULTURE_COMMITTEE_CHAIR, x.id) for x in municipalities[:12]] + [
        (R.REGIONAL_COMMITTEE_CHAIR, region.id)
    ]
    for role, member_id in politicians:
        ekr_forum.add_participant(
            db, ParticipantData(role, member_id, name=_name(n)), kulturforum_id=forum_id
        )
        person = ekr_forum.list_participants(db, kulturforum_id=forum_id)[-1].person_id
        ekr_forum.add_participant(
            db, ParticipantData(role, member_id, person_id=person), meeting_id=autumn.id
        )
        n += 1
    _add_secretariat_people(db, meetings[0].id, members, n)


def _add_secretariat_people(
    db: Database, meeting_id: str, members: list[PartnerMember], n: int
) -> None:
    """The first secretariat meeting by person: one member sends a stand-in."""
    for member in members:
        if not member.representatives:
            continue
        if member.name.startswith("Favrskov"):
            data = ParticipantData(R.OTHER, member.id, name=_name(n), title="Stedfortræder")
            ekr_forum.add_participant(db, data, meeting_id=meeting_id)
            continue
        for rep in member.representatives[:2]:
            ekr_forum.add_participant(
                db,
                ParticipantData(R.REPRESENTATIVE, member.id, person_id=rep.person_id),
                meeting_id=meeting_id,
            )
