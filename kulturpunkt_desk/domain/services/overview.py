"""Programme-wide read models: each area's facts, status and figures in a few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..danish import by_name
from ..models import (
    Activity,
    Area,
    AreaMember,
    CollaborationAgreement,
    EvaluationSubmission,
    ExpressionOfInterest,
    Grant,
    Instalment,
    InterestDecision,
    MeetingAttendance,
    Person,
    Programme,
    SparringSession,
)
from ..status import AreaFacts, AreaStatus, derive_status
from .area_money import left_to_pay


@dataclass(frozen=True)
class AreaSummary:
    """One row of the area list and the status summary."""

    id: str
    name: str
    municipality: str
    primary_contact: str
    status: AreaStatus
    facts: AreaFacts
    awarded_ore: int
    paid_ore: int
    sparring_sessions: int
    meetings_attended: int
    last_session_on: date | None

    @property
    def left_to_pay_ore(self) -> int:
        return left_to_pay(self.awarded_ore, self.paid_ore)


def area_summaries(db: Database, programme_id: str) -> list[AreaSummary]:
    with db.read() as s:
        return summaries_in(s, programme_id)


def summaries_in(s: Session, programme_id: str) -> list[AreaSummary]:
    """All areas of a programme with derived status; one query per fact, not per area."""
    return _summaries_in(s, programme_id, figures=True)


def statuses_in(s: Session, programme_id: str) -> list[AreaStatus]:
    """Each area's status by the same facts and rule as summaries_in, without the figures
    beside it (contact, amounts, meetings attended): the Overblik counts statuses only."""
    return [summary.status for summary in _summaries_in(s, programme_id, figures=False)]


def _summaries_in(s: Session, programme_id: str, figures: bool) -> list[AreaSummary]:
    """summaries_in; without `figures`, the contact, the grant and the meetings attended
    are not read (left empty), for statuses_in."""
    # Columns only: the summary holds plain values, no Area objects to build and track.
    areas = by_name(
        s.execute(
            select(Area.id, Area.name, Area.municipality, Area.closed_on).where(
                Area.programme_id == programme_id
            )
        ).all()
    )
    in_programme = select(Area.id).where(Area.programme_id == programme_id).scalar_subquery()

    def grouped(query: Select[*tuple[Any, ...]]) -> dict[str, Any]:
        return {row[0]: tuple(row[1:]) for row in s.execute(query)}

    interest = grouped(
        select(
            ExpressionOfInterest.area_id,
            ExpressionOfInterest.received_on,
            ExpressionOfInterest.decision,
        ).where(ExpressionOfInterest.area_id.in_(in_programme))
    )
    agreement = grouped(
        select(
            CollaborationAgreement.area_id,
            CollaborationAgreement.sent_on,
            CollaborationAgreement.signed_by_area_on,
            CollaborationAgreement.signed_by_region_on,
        ).where(CollaborationAgreement.area_id.in_(in_programme))
    )
    grants = (
        grouped(select(Grant.area_id, Grant.amount_ore).where(Grant.area_id.in_(in_programme)))
        if figures
        else {}
    )
    paid = grouped(
        select(Grant.area_id, func.count(Instalment.id), func.sum(Instalment.amount_ore))
        .join(Instalment)
        .where(Grant.area_id.in_(in_programme), Instalment.paid_on.is_not(None))
        .group_by(Grant.area_id)
    )
    sessions = grouped(
        select(SparringSession.area_id, func.count(), func.max(SparringSession.held_on))
        .where(SparringSession.area_id.in_(in_programme))
        .group_by(SparringSession.area_id)
    )
    activities = grouped(
        select(Activity.area_id, func.count())
        .where(Activity.area_id.in_(in_programme))
        .group_by(Activity.area_id)
    )
    evaluations = grouped(
        select(EvaluationSubmission.area_id, func.count())
        .where(EvaluationSubmission.area_id.in_(in_programme))
        .group_by(EvaluationSubmission.area_id)
    )
    if not figures:
        meetings: dict[str, Any] = {}
        contacts: dict[str, Any] = {}
    else:
        meetings = grouped(
            select(
                MeetingAttendance.area_id, func.count(func.distinct(MeetingAttendance.meeting_id))
            )
            .where(MeetingAttendance.area_id.in_(in_programme))
            .group_by(MeetingAttendance.area_id)
        )
        contacts = grouped(
            select(AreaMember.area_id, Person.name)
            .join(Person)
            .where(AreaMember.area_id.in_(in_programme), AreaMember.is_primary_contact.is_(True))
        )

    rows = []
    for area in areas:
        i = interest.get(area.id, (None, None))
        a = agreement.get(area.id, (None, None, None))
        p = paid.get(area.id, (0, 0))
        sess = sessions.get(area.id, (0, None))
        facts = AreaFacts(
            interest_received_on=i[0],
            interest_declined=i[1] == InterestDecision.DECLINED,
            agreement_sent_on=a[0],
            signed_by_area_on=a[1],
            signed_by_region_on=a[2],
            paid_instalments=int(p[0] or 0),
            activities=int(activities.get(area.id, (0,))[0]),
            sparring_sessions=int(sess[0] or 0),
            evaluations=int(evaluations.get(area.id, (0,))[0]),
            closed_on=area.closed_on,
        )
        rows.append(
            AreaSummary(
                id=area.id,
                name=area.name,
                municipality=area.municipality,
                primary_contact=str(contacts.get(area.id, ("",))[0]),
                status=derive_status(facts),
                facts=facts,
                awarded_ore=int(grants.get(area.id, (0,))[0]),
                paid_ore=int(p[1] or 0),
                sparring_sessions=facts.sparring_sessions,
                meetings_attended=int(meetings.get(area.id, (0,))[0]),
                last_session_on=sess[1],
            )
        )
    return rows


def area_status(db: Database, area_id: str) -> AreaStatus:
    with db.read() as s:
        area = s.get(Area, area_id)
        if area is None:
            raise LookupError(area_id)
        return next(r.status for r in summaries_in(s, area.programme_id) if r.id == area_id)


@dataclass(frozen=True)
class MoneyTotals:
    budget_ore: int
    awarded_ore: int
    paid_ore: int

    @property
    def left_to_pay_ore(self) -> int:
        return left_to_pay(self.awarded_ore, self.paid_ore)

    @property
    def unallocated_ore(self) -> int:
        return self.budget_ore - self.awarded_ore


def money_totals(db: Database, programme_id: str) -> MoneyTotals:
    """The programme's budget, what is awarded and what is paid: the same sums as adding up
    area_summaries(), in two aggregate queries (Overblik asks for both, so this stays cheap)."""
    with db.read() as s:
        return money_totals_in(s, programme_id)


def money_totals_in(s: Session, programme_id: str) -> MoneyTotals:
    programme = s.get(Programme, programme_id)
    budget = programme.total_budget_ore if programme else 0
    in_programme = select(Area.id).where(Area.programme_id == programme_id).scalar_subquery()
    awarded = s.scalar(
        select(func.coalesce(func.sum(Grant.amount_ore), 0)).where(Grant.area_id.in_(in_programme))
    )
    paid = s.scalar(
        select(func.coalesce(func.sum(Instalment.amount_ore), 0))
        .join(Grant)
        .where(Grant.area_id.in_(in_programme), Instalment.paid_on.is_not(None))
    )
    return MoneyTotals(budget_ore=budget, awarded_ore=int(awarded or 0), paid_ore=int(paid or 0))
