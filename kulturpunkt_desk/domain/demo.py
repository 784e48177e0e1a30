"""A fictional Kulturpunkt programme in mid-flight, for trying the desk and for screenshots.

Every name, address, phone number and CVR number here is invented. Phone numbers use the
unassigned 10 xx xx xx range; e-mails use example.com.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kulturpunkt_desk.storage.engine import Database

from .models import CoreElement, InterestDecision, MeetingKind, Sector, SessionForm
from .money import kr
from .services import activities, areas, evaluations, grants, meetings, people, sparring
from .services.activities import ActivityData
from .services.areas import AreaData, MemberData
from .services.evaluations import EvaluationData
from .services.grants import AgreementData, InstalmentData, InterestData, SpendingData
from .services.meetings import MeetingData
from .services.people import OrganisationData, PersonData
from .services.sparring import FollowUpData, SessionData
from .validation import CVR_WEIGHTS


@dataclass(frozen=True)
class DemoArea:
    name: str
    municipality: str
    recipient: str
    vision: str
    idea: str
    stage: int  # 0 = awaiting interest ... 7 = closed


AREAS = [
    DemoArea(
        "Fjordglimt",
        "Aalborg",
        "Fjordglimt Borgerforening",
        "Vi vil samle unge og ældre om fjorden og dens historie.",
        "Fortællevandringer og en årlig fjordfest med lokale kor.",
        7,
    ),
    DemoArea(
        "Lyngbakken",
        "Brønderslev",
        "Lyngbakken Lokalråd",
        "Flere tilflyttere skal føle sig hjemme i byens fællesskaber.",
        "Velkomstaftener med musik og fællesspisning hver måned.",
        6,
    ),
    DemoArea(
        "Havnestrøget",
        "Frederikshavn",
        "Foreningen Havnestrøget",
        "Havnen skal igen være et mødested for hele byen.",
        "Sommerscene på kajen drevet af foreninger og erhvervsliv.",
        5,
    ),
    DemoArea(
        "Vesterhede",
        "Hjørring",
        "Vesterhede Forsamlingshus",
        "Forsamlingshuset skal blive byens kulturelle hjerte.",
        "Kunstnerophold og workshops for skolebørn i forsamlingshuset.",
        4,
    ),
    DemoArea(
        "Sandager Klit",
        "Jammerbugt",
        "Sandager Klit Beboerforening",
        "Klitlandskabet som fælles scene for kultur og natur.",
        "Land art-festival med lokale skoler og dagtilbud.",
        4,
    ),
    DemoArea(
        "Østerø Havn",
        "Læsø",
        "Østerø Havns Venner",
        "Øens traditioner skal leve videre hos de unge.",
        "Værksteder i saltsydning og tang med øens ældre.",
        3,
    ),
    DemoArea(
        "Møllehøj",
        "Mariagerfjord",
        "Møllehøj Landsbylaug",
        "Den gamle mølle skal fyldes med liv året rundt.",
        "Møllecafé med koncerter og fortælleaftener.",
        3,
    ),
    DemoArea(
        "Skovkanten",
        "Morsø",
        "Skovkantens Kulturforening",
        "Skoven skal forbinde de tre landsbyer.",
        "Fælles skovteater med amatører fra alle tre byer.",
        2,
    ),
    DemoArea(
        "Engholm",
        "Rebild",
        "Engholm Idræts- og Kulturforening",
        "Idræt og kultur skal mødes i ét fællesskab.",
        "Kulturdage i hallen med foreningerne sammen.",
        1,
    ),
    DemoArea(
        "Klitbyen Nord",
        "Thisted",
        "Klitbyen Nords Borgerforening",
        "Vi vil skabe et mødested for surfere og fastboende.",
        "Kulturnat ved havet.",
        1,
    ),
    DemoArea("Bakkekammen", "Vesthimmerland", "Bakkekammen Lokalforum", "", "", 0),
]

FIRST = [
    "Mette",
    "Jens",
    "Anne",
    "Lars",
    "Sofie",
    "Peter",
    "Camilla",
    "Henrik",
    "Ida",
    "Søren",
    "Louise",
    "Mikkel",
    "Karen",
    "Thomas",
    "Line",
    "Rasmus",
    "Birgit",
    "Ole",
    "Maja",
    "Niels",
    "Hanne",
    "Kasper",
]
LAST = [
    "Kjærgaard",
    "Bundgaard",
    "Thygesen",
    "Fogh",
    "Sønderby",
    "Lykke",
    "Vestergaard",
    "Bech",
    "Holm",
    "Krogh",
    "Dalsgaard",
    "Riis",
    "Overgaard",
    "Brix",
]
ROLES = ["Formand", "Næstformand", "Kasserer", "Medlem"]
PARTNER_KINDS = [
    (Sector.ASSOCIATION, "{name} Idrætsforening"),
    (Sector.SCHOOL, "{name} Skole"),
    (Sector.BUSINESS, "Købmanden i {name}"),
    (Sector.DAYCARE, "Børnehuset {name}"),
]


def demo_cvr(seed: int) -> str:
    """An invented 8-digit number that passes the modulus-11 check."""
    n = 30_000_000 + seed * 7919
    while True:
        digits = f"{n:08d}"
        if sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS, strict=True)) % 11 == 0:
            return digits
        n += 1


def load_demo(db: Database, programme_id: int, today: date | None = None) -> None:
    """Fill the programme with 11 fictional areas at different stages."""
    person_no = 0
    area_people: dict[int, list[int]] = {}
    kickoff = date(2025, 6, 18)
    for index, demo in enumerate(AREAS):
        area_id = areas.create_area(
            db,
            programme_id,
            AreaData(
                name=demo.name,
                municipality=demo.municipality,
                vision=demo.vision,
                idea=demo.idea,
                local_goals="Samarbejde på tværs af foreninger; nye målgrupper"
                if demo.stage
                else "",
                recipient_name=demo.recipient,
                recipient_cvr=demo_cvr(index + 1),
                recipient_address=f"Foreningsvej {index + 3}, {demo.municipality}",
            ),
        )
        ids = []
        for n in range(4 if demo.stage else 1):
            first, last = FIRST[person_no % len(FIRST)], LAST[(person_no * 5) % len(LAST)]
            person_no += 1
            ids.append(
                areas.add_new_person(
                    db,
                    area_id,
                    PersonData(
                        name=f"{first} {last}",
                        email=f"{first}.{last}@example.com".lower()
                        .replace("æ", "ae")
                        .replace("ø", "oe")
                        .replace("å", "aa"),
                        phone=f"10 {index:02d} {n:02d} {person_no % 100:02d}",
                    ),
                    MemberData(
                        role=ROLES[n] if demo.stage else "Kontaktperson",
                        in_steering_group=bool(demo.stage),
                        is_primary_contact=n == 0,
                    ),
                )
            )
        area_people[area_id] = ids
        for sector, pattern in PARTNER_KINDS[: 1 + demo.stage % 4]:
            org_id = people.create_organisation(
                db,
                OrganisationData(
                    name=pattern.format(name=demo.name),
                    sector=sector,
                    municipality=demo.municipality,
                ),
            )
            areas.add_partner(db, area_id, org_id)
        _advance(db, area_id, demo.stage, ids, kickoff, index)

    _meetings(db, programme_id, area_people)


def _advance(
    db: Database, area_id: int, stage: int, person_ids: list[int], kickoff: date, index: int
) -> None:
    if stage >= 1:
        grants.record_interest(
            db,
            area_id,
            InterestData(
                received_on=date(2025, 4, 10) + timedelta(days=index),
                content="Vi ønsker at blive Kulturpunkt, fordi energien er her.",
                decision=InterestDecision.ACCEPTED if stage >= 2 else InterestDecision.PENDING,
                decided_on=date(2025, 5, 2) if stage >= 2 else None,
            ),
        )
    if stage >= 2:
        signed = stage >= 3
        grants.record_agreement(
            db,
            area_id,
            AgreementData(
                sent_on=date(2025, 5, 20),
                signed_by_area_on=date(2025, 6, 2) + timedelta(days=index) if signed else None,
                signed_by_region_on=date(2025, 6, 10) if signed else None,
            ),
        )
        grants.award_grant(db, area_id, kr(50_000), date(2025, 5, 15))
        grants.add_instalment(db, area_id, InstalmentData(kr(40_000), date(2025, 6, 30)))
        grants.add_instalment(
            db, area_id, InstalmentData(kr(10_000), date(2026, 9, 1), note="Efter evaluering")
        )
    if stage >= 4:
        first = grants.area_instalments(db, area_id)[0].id
        grants.mark_paid(db, first, date(2025, 6, 27))
    if stage >= 4:
        elements = list(CoreElement)
        for n, held in enumerate(
            [
                date(2025, 7, 3) + timedelta(days=index * 3),
                date(2026, 1, 20) + timedelta(days=index * 2),
            ][: stage - 3]
        ):
            sparring.log_session(
                db,
                area_id,
                SessionData(
                    held_on=held,
                    form=[SessionForm.PHYSICAL, SessionForm.ONLINE, SessionForm.PHONE][n % 3],
                    participant_ids=person_ids[:2],
                    core_elements=[elements[(index + n) % 5], elements[(index + n + 2) % 5]],
                    notes="Gennemgang af idéen og hvem der kan tages med i partnerskabet.",
                    consultant="Kulturkonsulent",
                    follow_ups=[
                        FollowUpData(
                            "Send liste over lokale foreninger",
                            due_on=held + timedelta(days=14),
                            responsible="Styregruppen",
                            done_on=held + timedelta(days=10) if n == 0 else None,
                        )
                    ],
                ),
            )
    if stage >= 5:
        for n in range(2 + index % 3):
            activities.add_activity(
                db,
                area_id,
                ActivityData(
                    held_on=date(2025, 9, 6) + timedelta(days=40 * n + index),
                    title=["Fællesspisning", "Fortælleaften", "Koncert", "Workshop"][n % 4],
                    participants=35 + 10 * n,
                    target_groups=["børnefamilier", "seniorer"][: 1 + n % 2],
                    sectors=[Sector.ASSOCIATION, Sector.SCHOOL][: 1 + n % 2],
                ),
            )
    if stage >= 6:
        evaluations.add_evaluation(
            db,
            area_id,
            EvaluationData(
                received_on=date(2026, 6, 12),
                answers={
                    CoreElement.ANCHORING: "Styregruppen fortsætter som fast forum.",
                    CoreElement.COMMUNITY: "Nye frivillige er kommet til.",
                },
                summary="Et år med mange nye fællesskaber.",
                activities_held=4,
                participants_total=310,
                volunteers=24,
                new_partners=3,
                declared_spending_ore=kr(48_250),
            ),
        )
        grants.add_spending(
            db, area_id, SpendingData(date(2026, 5, 30), "Leje af lyd og scene", kr(18_000))
        )
    if stage >= 7:
        last = grants.area_instalments(db, area_id)[-1].id
        grants.mark_paid(db, last, date(2026, 9, 3))
        areas.close_area(db, area_id, date(2026, 9, 15))


def _meetings(db: Database, programme_id: int, area_people: dict[int, list[int]]) -> None:
    first = meetings.create_meeting(
        db,
        programme_id,
        MeetingData(
            title="Netværks- og inspirationsmøde 1",
            held_on=date(2025, 9, 24),
            place="Kulturhuset, Aalborg",
            agenda="Velkomst\nErfaringer fra sparringen\nInspirationsoplæg\nNetværk",
            kind=MeetingKind.NETWORK,
        ),
    )
    attendees = [(area_id, ids[0]) for n, (area_id, ids) in enumerate(area_people.items()) if n < 8]
    meetings.set_attendance(db, first, attendees)
    second = meetings.create_meeting(
        db,
        programme_id,
        MeetingData(
            title="Netværks- og inspirationsmøde 2",
            held_on=date(2026, 3, 5),
            place="Biblioteket, Hjørring",
            agenda="Status fra lokalområderne\nForankring efter projektet",
            kind=MeetingKind.INSPIRATION,
        ),
    )
    meetings.set_attendance(
        db, second, [(a, ids[-1]) for n, (a, ids) in enumerate(area_people.items()) if n < 6]
    )
