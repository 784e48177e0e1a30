"""A fictional Kulturpunkt programme in mid-flight, for trying the desk and for screenshots.

It follows the seed's timeline ("Tidsplan"): expressions of interest by 28 April 2025, the
11 areas designated and their agreements sent and signed in May 2025, so all are in by the
kick-off on 18 June 2025; sparring, network meetings, activities and evaluations in their
rounds. The areas have come different distances since. (A declined applicant would be
stage 0; the demo has none, so that its 11 areas are the programme's 11.)
tests/test_demo_timeline.py checks every date against the programme's milestones.

Every name, address, phone number and CVR number here is invented. Phone numbers use the
unassigned 10 xx xx xx range; e-mails use example.com.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kulturpunkt_desk.storage.engine import Database

from .models import (
    ActivityOrigin,
    CoreElement,
    InterestDecision,
    LocalGoalExample,
    MeetingKind,
    ProjectGoal,
    Sector,
    SelectionCriterion,
    SessionForm,
)
from .money import kr
from .services import activities, areas, evaluations, grants, meetings, people, sparring
from .services.activities import ActivityData
from .services.areas import AreaData, MemberData
from .services.evaluations import EvaluationData, GoalAnswer
from .services.grants import AgreementData, InstalmentData, InterestData, SpendingData
from .services.meetings import MeetingData
from .services.people import OrganisationData, PersonData
from .services.selection import Assessment
from .services.sparring import FollowUpData, SessionData
from .validation import CVR_WEIGHTS


@dataclass(frozen=True)
class DemoArea:
    name: str
    municipality: str
    recipient: str
    vision: str
    idea: str
    # 0 = declined; 1 = designated, agreement signed; 2-3 = grant planned; 4 = paid, with
    # sparring; 5 = activities; 6 = evaluation received; 7 = closed
    stage: int


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
    DemoArea(
        "Bakkekammen",
        "Vesthimmerland",
        "Bakkekammen Lokalforum",
        "Bakkerne skal samle de små landsbyer.",
        "Fælles sangaftener på skift i landsbyerne.",
        1,
    ),
]

# The team's assessment of the seed's three criteria (energy, will, ildsjæle), by stage.
ASSESSED = {0: (2, 1, 1), 1: (2, 3, 2)}
REASONS = {
    0: "Ansøgningen handler om anlæg, ikke kulturelle aktiviteter, og få står bag.",
    1: "Bredt partnerskab og tydelig energi; opfylder kriterierne.",
}
EXAMPLES = list(LocalGoalExample)
GOAL_RATINGS = {
    ProjectGoal.COMMUNITIES: 5,
    ProjectGoal.DRIVE: 4,
    ProjectGoal.COLLABORATION: 3,
    ProjectGoal.AMBITIONS: 4,
}

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
                local_challenges="Få mødesteder og foreninger, der arbejder hver for sig"
                if demo.stage
                else "",
                local_potentials="Stærke traditioner og mange frivillige" if demo.stage else "",
                local_ambitions=demo.vision if demo.stage else "",
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
        if not demo.stage:  # the declined applicant takes no part in the network
            del area_people[area_id]

    _meetings(db, programme_id, area_people)


def _advance(
    db: Database, area_id: int, stage: int, person_ids: list[int], kickoff: date, index: int
) -> None:
    # Every applicant was in before the deadline (28 April 2025); decided on 2 May.
    scores = ASSESSED[min(stage, 1)]
    grants.record_interest(
        db,
        area_id,
        InterestData(
            received_on=date(2025, 4, 10) + timedelta(days=index),
            content="Vi ønsker at blive Kulturpunkt, fordi energien er her.",
            decision=InterestDecision.ACCEPTED if stage else InterestDecision.DECLINED,
            decided_on=date(2025, 5, 2),
            decision_reason=REASONS[min(stage, 1)],
            assessments={
                c: Assessment(score, "Set på borgermødet" if n == 0 else "")
                for n, (c, score) in enumerate(zip(SelectionCriterion, scores, strict=True))
            },
        ),
    )
    if stage >= 1:
        # "Samarbejdsaftale mellem region og lokalområder: Maj 2025".
        grants.record_agreement(
            db,
            area_id,
            AgreementData(
                sent_on=date(2025, 5, 12),
                signed_by_area_on=date(2025, 5, 14) + timedelta(days=index),
                signed_by_region_on=date(2025, 5, 28),
            ),
        )
    if stage >= 2:
        grants.award_grant(db, area_id, kr(50_000), date(2025, 5, 28))
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
                    origin=[ActivityOrigin.EXISTING, ActivityOrigin.NEW][(n + index) % 2],
                    goal_examples=[EXAMPLES[(n + index) % 4], EXAMPLES[(n + 2) % 4]][: 1 + n % 2],
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
                goals={
                    goal: GoalAnswer(rating - index % 2, "Flere mødes på tværs af foreningerne.")
                    for goal, rating in GOAL_RATINGS.items()
                },
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


# (title, date, place, agenda, kind, which areas came (by position), who: first or last person)
MEETINGS = [
    (
        "Netværks- og inspirationsmøde 1",
        date(2025, 9, 24),
        "Kulturhuset, Aalborg",
        "Velkomst\nErfaringer fra sparringen\nInspirationsoplæg\nNetværk",
        MeetingKind.NETWORK,
        range(0, 8),
        0,
    ),
    # A second meeting in the first round, in the north, for those who could not come.
    (
        "Netværksmøde 1, nord",
        date(2025, 11, 13),
        "Kulturhuset, Thisted",
        "Erfaringer fra sparringen\nNetværk",
        MeetingKind.NETWORK,
        range(8, 10),
        0,
    ),
    (
        "Netværks- og inspirationsmøde 2",
        date(2026, 3, 5),
        "Biblioteket, Hjørring",
        "Status fra lokalområderne\nForankring efter projektet",
        MeetingKind.INSPIRATION,
        range(0, 6),
        -1,
    ),
]


def _meetings(db: Database, programme_id: int, area_people: dict[int, list[int]]) -> None:
    """The network meetings, each in its round (the round follows from the date)."""
    for title, held_on, place, agenda, kind, came, who in MEETINGS:
        meeting_id = meetings.create_meeting(
            db, programme_id, MeetingData(title, held_on, place, agenda, kind=kind)
        )
        meetings.set_attendance(
            db,
            meeting_id,
            [(a, ids[who]) for n, (a, ids) in enumerate(area_people.items()) if n in came],
        )
