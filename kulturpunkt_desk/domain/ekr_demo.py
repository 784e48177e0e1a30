"""A fictional year of Europæisk Kulturregion, beside the Kulturpunkt demo.

The members are the real partnership's (from the strategy). Everything else is invented:
the population figures are DEMO FIGURES (round numbers, not Danmarks Statistik's), and every
representative, applicant, phone number (10 xx xx xx) and e-mail (@example.com) is made up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kulturpunkt_desk.storage.engine import Database

from .ekr_demo_plan import load_plan_demo
from .models import (
    EngagementLevel,
    EuCaseKind,
    EuCaseStage,
    MemberKind,
    PartnerMember,
    ThemeKind,
)
from .money import kr
from .services import ekr_eu, ekr_funding, ekr_partnership, ekr_themes, ekr_wheel
from .services.ekr_eu import EuCaseData
from .services.ekr_partnership import RepresentativeData
from .services.ekr_setup import establish_ekr, municipality_label

DEMO_NOTE = ekr_funding.DEMO_POPULATION_MARK
DEMO_YEARS = (2025, 2026)
WHEEL_YEAR = 2026

# Demo figures only: round numbers in the right order of size, not real statistics.
DEMO_POPULATION = {
    "Favrskov": 48_000,
    "Hedensted": 46_000,
    "Herning": 88_000,
    "Holstebro": 58_000,
    "Horsens": 90_000,
    "Ikast-Brande": 41_000,
    "Lemvig": 20_000,
    "Norddjurs": 37_000,
    "Odder": 22_000,
    "Randers": 98_000,
    "Ringkøbing-Skjern": 56_000,
    "Samsø": 3_700,
    "Silkeborg": 92_000,
    "Skanderborg": 60_000,
    "Skive": 46_000,
    "Struer": 21_000,
    "Syddjurs": 42_000,
    "Viborg": 96_000,
    "Aarhus": 340_000,
}

_FIRST = ("Ane", "Bo", "Cecilie", "Dorte", "Esben", "Frida", "Gustav", "Hanne", "Ib", "Jonna")
_LAST = ("Bakkegaard", "Engholm", "Fjordlund", "Hedevang", "Klitgaard", "Lyngsø", "Moseby")
# Members left with no representative, or with three, so the desk's warnings show.
_WITHOUT = "Samsø"
_WITH_THREE = "Herning"
_UNPAID_2026 = ("Lemvig", "Struer")

THEMES = {
    1: [
        ("Fælles EU-ansøgninger", ThemeKind.THEME_GROUP),
        ("Europæiske netværk", ThemeKind.INTEREST_GROUP),
    ],
    2: [("Kulturforum 2026", ThemeKind.THEME_GROUP)],
    3: [
        ("Kulturmødet Mors", ThemeKind.THEME_GROUP),
        ("Børn og unge i kulturlivet", ThemeKind.INTEREST_GROUP),
        ("Kompetenceforløb for kulturaktører", ThemeKind.THEME_GROUP),
    ],
}
_LEVELS = (
    EngagementLevel.LEADING,
    EngagementLevel.ACTIVE,
    EngagementLevel.ACTIVE,
    EngagementLevel.FOLLOWING,
    EngagementLevel.FOLLOWING,
    EngagementLevel.NOT_TAKING_PART,
    EngagementLevel.NOT_TAKING_PART,
)


def _person(n: int) -> tuple[str, str, str]:
    first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST) + n) % len(_LAST)]
    email = f"{first}.{last}".lower().replace("ø", "oe").replace("å", "aa").replace("æ", "ae")
    return f"{first} {last}", f"10 {20 + n // 100:02d} {n % 100:02d} {40 + n % 50:02d}", email


def load_ekr_demo(db: Database) -> int:
    """Create the partnership with fictional data; returns its id."""
    pid = establish_ekr(db, contact_email="kulturregion@example.com", contact_phone="12 34 56 78")
    members = ekr_partnership.list_members(db, pid)
    by_name = {m.name: m for m in members}
    _add_representatives(db, members)
    municipality_ids = {name: by_name[municipality_label(name)].id for name in DEMO_POPULATION}
    for year in DEMO_YEARS:
        fy = ekr_funding.create_funding_year(db, pid, year, basis_date=date(2017, 10, 1))
        if year == DEMO_YEARS[0]:
            # Marked as demo figures; every year copied from this one carries the mark.
            ekr_funding.set_populations(
                db, fy, {municipality_ids[n]: p for n, p in DEMO_POPULATION.items()}, demo=True
            )
        ekr_funding.invoice_year(db, fy, date(year, 1, 15), date(year, 3, 1))
        table = ekr_funding.contributions_table(db, pid, year)
        for i, row in enumerate(table.rows):
            if year == WHEEL_YEAR and any(row.name.startswith(n) for n in _UNPAID_2026):
                continue
            assert row.contribution_id is not None
            ekr_funding.record_payment(db, row.contribution_id, date(year, 2, 1 + i))
    _add_wheel(db, pid, [m.id for m in members])
    _add_themes(db, pid, [m.id for m in members])
    _add_eu_cases(db, pid, municipality_ids)
    load_plan_demo(db, pid, ekr_partnership.list_members(db, pid))
    return pid


def _add_representatives(db: Database, members: list[PartnerMember]) -> None:
    n = 0
    for member in members:
        if member.name.startswith(_WITHOUT):
            continue
        titles = ["Kulturchef"]
        if member.kind != MemberKind.MUNICIPALITY or n % 3 == 0:
            titles.append("Kulturkonsulent")
        if member.name.startswith(_WITH_THREE):
            titles += ["Kulturkonsulent", "Projektleder"]
        for title in titles[:3]:
            name, phone, email = _person(n)
            n += 1
            # Every fixed representative has a decision mandate, but the newest one.
            mandate = None if title == "Projektleder" else date(2025, 1, 20)
            ekr_partnership.add_representative(
                db,
                member.id,
                RepresentativeData(name, title, f"{email}{n}@example.com", phone, None, mandate),
            )


def _add_wheel(db: Database, pid: int, member_ids: list[int]) -> None:
    proposal = ekr_wheel.propose_wheel(db, pid, WHEEL_YEAR)
    # The team's adjustment: the spring directors' meeting moved a week.
    proposal[1] = replace(proposal[1], held_on=date(WHEEL_YEAR, 3, 19))
    proposal[0] = replace(proposal[0], agenda="1. Velkomst\n2. Handleplan 2026\n3. Eventuelt")
    meeting_ids = ekr_wheel.create_wheel(db, pid, WHEEL_YEAR, proposal)
    for k, meeting_id in enumerate(meeting_ids[:4]):
        # Every third member misses now and then; the last two stay away most of the time.
        present = {
            m: not (i >= len(member_ids) - 3 and k % 4 != 0) and (i + k) % 7 != 0
            for i, m in enumerate(member_ids)
        }
        ekr_wheel.set_attendance(db, meeting_id, present)


def _add_themes(db: Database, pid: int, member_ids: list[int]) -> None:
    areas = {a.number: a.id for a in ekr_themes.list_focus_areas(db, pid)}
    k = 0
    for number, themes in THEMES.items():
        for name, kind in themes:
            theme_id = ekr_themes.add_theme(db, areas[number], name, kind)
            for i, member_id in enumerate(member_ids):
                level = _LEVELS[(i * 3 + k) % len(_LEVELS)]
                ekr_themes.set_engagement(db, theme_id, member_id, level)
            k += 1


def _add_eu_cases(db: Database, pid: int, municipalities: dict[str, int]) -> None:
    cases = [
        EuCaseData(
            EuCaseKind.JOINT_APPLICATION,
            "Fælles kulturarvsnetværk langs fjordene",
            EuCaseStage.GRANTED,
            applicant="Europæisk Kulturregion (fælles)",
            eu_programme="Et Kreativt Europa - samarbejdsprojekter",
            call_deadline=date(2025, 2, 20),
            amount_sought_ore=kr(1_600_000),
            amount_granted_ore=kr(1_450_000),
            decided_on=date(2025, 8, 15),
        ),
        EuCaseData(
            EuCaseKind.ADVICE,
            "Genvej til Europa: Demo-Teatret på turné",
            EuCaseStage.SUBMITTED,
            applicant="Demo-Teatret (opdigtet)",
            member_id=municipalities["Holstebro"],
            eu_programme="Et Kreativt Europa - mobilitet",
            call_deadline=date(2026, 10, 1),
            amount_sought_ore=kr(300_000),
        ),
        EuCaseData(
            EuCaseKind.FUNDRAISING,
            "Europæisk Kulturbooster: børnekor i Europa",
            EuCaseStage.GRANTED,
            applicant="Koret Demostemmer (opdigtet)",
            member_id=municipalities["Skive"],
            eu_programme="Erasmus+",
            call_deadline=date(2026, 3, 5),
            amount_sought_ore=kr(420_000),
            amount_granted_ore=kr(400_000),
            decided_on=date(2026, 6, 20),
        ),
        EuCaseData(
            EuCaseKind.ADVICE,
            "Genvej til Europa: kunstnerophold på øen",
            EuCaseStage.REJECTED,
            applicant="Ø-værkstedet (opdigtet)",
            member_id=municipalities["Samsø"],
            eu_programme="Et Kreativt Europa - mobilitet",
            call_deadline=date(2025, 11, 12),
            amount_sought_ore=kr(150_000),
        ),
        EuCaseData(
            EuCaseKind.JOINT_APPLICATION,
            "Digital formidling i små museer",
            EuCaseStage.IDEA,
            applicant="Europæisk Kulturregion (fælles)",
            eu_programme="Interreg Nordsøen",
            call_deadline=date(2027, 1, 31),
            amount_sought_ore=kr(2_000_000),
        ),
    ]
    for case in cases:
        ekr_eu.create_case(db, pid, case)
