"""Programmes, their timeline and the Kulturpunkt 2025-26 template."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector
from ..models import AgreementTemplate, Milestone, MilestoneKind, Programme, Setting
from ..models.goal_enums import AREAS_TO_DESIGNATE, STRATEGY_GOAL_TEXT
from ..money import check_ore, kr
from .case_file import case_file_values
from .common import apply, check_unique_name, get

CURRENT_PROGRAMME_KEY = "current_programme_uuid"


@dataclass
class ProgrammeData:
    name: str
    start_year: int
    end_year: int
    default_grant_ore: int
    total_budget_ore: int
    contact_organisation: str = ""
    contact_department: str = ""
    contact_street: str = ""
    contact_postcode_city: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_cvr: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    case_number: str = ""
    case_handler_name: str = ""
    case_handler_phone: str = ""
    case_handler_email: str = ""
    retention_years: int = 5
    closed_on: date | None = None
    # "11 lokalområder i Nordjylland udpeges som Kulturpunkt"; the strategy-level goal.
    areas_to_designate: int = AREAS_TO_DESIGNATE
    strategy_goal: str = STRATEGY_GOAL_TEXT

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "name": c.run(v.required, self.name, "name", "Navn"),
            "start_year": c.run(v.year, self.start_year, "start_year", "Startår"),
            "end_year": c.run(v.year, self.end_year, "end_year", "Slutår"),
            "default_grant_ore": c.run(
                check_ore, self.default_grant_ore, "default_grant_ore", "Standardtilskud"
            ),
            "total_budget_ore": c.run(
                check_ore, self.total_budget_ore, "total_budget_ore", "Samlet budget"
            ),
            "contact_organisation": c.run(
                v.optional, self.contact_organisation, "contact_organisation", "Organisation"
            ),
            "contact_department": c.run(
                v.optional, self.contact_department, "contact_department", "Afdeling"
            ),
            "contact_street": c.run(v.optional, self.contact_street, "contact_street", "Adresse"),
            "contact_postcode_city": c.run(
                v.optional, self.contact_postcode_city, "contact_postcode_city", "Postnr. og by"
            ),
            "contact_email": c.run(v.email, self.contact_email, "contact_email", "E-mail"),
            "contact_phone": c.run(v.phone, self.contact_phone, "contact_phone", "Telefon"),
            "contact_cvr": c.run(v.cvr, self.contact_cvr, "contact_cvr", "Regionens CVR-nummer"),
            "signatory_name": c.run(
                v.optional, self.signatory_name, "signatory_name", "Underskriver for regionen"
            ),
            "signatory_title": c.run(
                v.optional, self.signatory_title, "signatory_title", "Underskrivers titel"
            ),
            **case_file_values(
                c,
                self.case_number,
                self.case_handler_name,
                self.case_handler_phone,
                self.case_handler_email,
            ),
            "retention_years": c.run(
                v.non_negative_int, self.retention_years, "retention_years", "Opbevaring (år)"
            ),
            "closed_on": self.closed_on,
            "areas_to_designate": self.areas_to_designate,
            "strategy_goal": c.run(
                v.optional, self.strategy_goal, "strategy_goal", "Mål på strateginiveau", 5_000
            ),
        }
        if not isinstance(self.areas_to_designate, int) or self.areas_to_designate < 1:
            c.add("areas_to_designate", "Lokalområder, der udpeges: skal være mindst 1.")
        years_known = isinstance(self.start_year, int) and isinstance(self.end_year, int)
        if years_known and self.end_year < self.start_year:
            c.add("end_year", "Slutår: kan ikke ligge før startåret.")
        c.raise_if_any()
        return values


@dataclass
class MilestoneData:
    kind: MilestoneKind
    title: str
    starts_on: date
    ends_on: date
    round: int | None = None

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "kind": MilestoneKind(self.kind),
            "title": c.run(v.required, self.title, "title", "Titel"),
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
            "round": self.round,
        }
        c.run(v.dates_in_order, self.starts_on, self.ends_on, "ends_on", "Start", "Slut")
        c.raise_if_any()
        return values


@dataclass
class ProgrammeTemplate:
    data: ProgrammeData
    milestones: list[MilestoneData] = field(default_factory=list)


def _month(year: int, month: int, last: bool = False) -> date:
    if not last:
        return date(year, month, 1)
    return date(year, month, 1) + relativedelta(months=1, days=-1)


def kulturpunkt_2025_26() -> ProgrammeTemplate:
    """The Kulturpunkt 2025-26 round as the region announced it."""
    K = MilestoneKind
    m = _month
    return ProgrammeTemplate(
        data=ProgrammeData(
            name="Kulturpunkt 2025-26",
            start_year=2025,
            end_year=2026,
            default_grant_ore=kr(50_000),
            total_budget_ore=kr(550_000),
            contact_organisation="Region Nordjylland",
            contact_department="Regional Udvikling",
            contact_street="Niels Bohrs Vej 30",
            contact_postcode_city="9220 Aalborg Øst",
            contact_email="kulturpunkt@rn.dk",
            contact_cvr="29190941",
            # The title of the region's signatory; the name is for the team to fill in.
            signatory_title="Kulturchef",
            retention_years=5,
        ),
        milestones=[
            MilestoneData(
                K.DIALOGUE,
                "Dialog: region, kommuner og lokalområder",
                m(2025, 3),
                m(2025, 4, True),
            ),
            MilestoneData(
                K.INTEREST_DEADLINE,
                "Frist for interessetilkendegivelse",
                date(2025, 4, 28),
                date(2025, 4, 28),
            ),
            MilestoneData(
                K.AGREEMENTS,
                "Samarbejdsaftaler mellem region og lokalområder",
                m(2025, 5),
                m(2025, 5, True),
            ),
            MilestoneData(
                K.KICKOFF,
                "Offentliggørelse og opstartsmøde",
                date(2025, 6, 18),
                date(2025, 6, 18),
            ),
            MilestoneData(
                K.SPARRING_ROUND, "Lokale sparringsmøder, 1. runde", m(2025, 6), m(2025, 8, True), 1
            ),
            MilestoneData(
                K.NETWORK_ROUND,
                "Netværks- og inspirationsmøde(r), 1. runde",
                m(2025, 8),
                m(2025, 11, True),
                1,
            ),
            MilestoneData(
                K.SPARRING_ROUND, "Lokale sparringsmøder, 2. runde", m(2026, 1), m(2026, 2, True), 2
            ),
            MilestoneData(
                K.NETWORK_ROUND,
                "Netværks- og inspirationsmøde(r), 2. runde",
                m(2026, 2),
                m(2026, 3, True),
                2,
            ),
            MilestoneData(K.ACTIVITIES, "Aktiviteter gennemført", m(2025, 6), m(2026, 5, True)),
            MilestoneData(
                K.EVALUATION_COLLECTION,
                "Indsamling af evalueringsmateriale",
                m(2026, 5),
                m(2026, 6, True),
            ),
            MilestoneData(K.EVALUATION_REPORT, "Evalueringsrapport", m(2026, 8), m(2026, 8, True)),
            MilestoneData(K.CLOSING, "Afslutningsarrangement", m(2026, 8), m(2026, 8, True)),
        ],
    )


def create_programme(db: Database, template: ProgrammeTemplate, agreement_body: str = "") -> int:
    """Create a programme with its timeline (and a first agreement template); return its id."""
    values = template.data.cleaned()
    milestones = [m.cleaned() for m in template.milestones]
    with db.transaction() as s:
        check_unique_name(s, Programme.id, Programme.name, str(values["name"]), None, "et program")
        programme = Programme(**values)
        programme.milestones = [Milestone(**m) for m in milestones]
        if agreement_body:
            programme.templates = [
                AgreementTemplate(version=1, title="Samarbejdsaftale", body=agreement_body)
            ]
        s.add(programme)
        s.flush()
        _remember_current(s, programme)
        return programme.id


def programme_data(programme: Programme) -> ProgrammeData:
    """The programme's settings as they are stored, for a form to edit (and to undo to)."""
    names = ProgrammeData.__dataclass_fields__
    return ProgrammeData(**{name: getattr(programme, name) for name in names})


def update_programme(db: Database, programme_id: int, data: ProgrammeData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        programme = get(s, Programme, programme_id, "Programmet")
        check_unique_name(
            s, Programme.id, Programme.name, str(values["name"]), programme_id, "et program"
        )
        apply(programme, values)


def _remember_current(s: Session, programme: Programme) -> None:
    s.merge(Setting(key=CURRENT_PROGRAMME_KEY, value=programme.uuid))


def list_programmes(db: Database) -> list[Programme]:
    with db.read() as s:
        return list(s.scalars(select(Programme).order_by(Programme.start_year, Programme.name)))


def current_programme(db: Database) -> Programme | None:
    """The programme last created or chosen, with its timeline loaded."""
    with db.read() as s:
        setting = s.get(Setting, CURRENT_PROGRAMME_KEY)
        query = select(Programme).options(selectinload(Programme.milestones))
        programme = None
        if setting is not None:
            programme = s.scalar(query.where(Programme.uuid == setting.value))
        if programme is None:
            programme = s.scalar(query.order_by(Programme.start_year.desc(), Programme.id.desc()))
        return programme


def choose_programme(db: Database, programme_id: int) -> None:
    with db.transaction() as s:
        _remember_current(s, get(s, Programme, programme_id, "Programmet"))


def add_milestone(db: Database, programme_id: int, data: MilestoneData) -> int:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        milestone = Milestone(programme_id=programme_id, **values)
        s.add(milestone)
        s.flush()
        return milestone.id


def update_milestone(db: Database, milestone_id: int, data: MilestoneData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        apply(get(s, Milestone, milestone_id, "Milepælen"), values)


def delete_milestone(db: Database, milestone_id: int) -> None:
    with db.transaction() as s:
        s.delete(get(s, Milestone, milestone_id, "Milepælen"))
