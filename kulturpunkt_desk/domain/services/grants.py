"""Expression of interest, collaboration agreement, grant, instalments and spending."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..danish import by_name
from ..errors import Collector, ValidationError
from ..models import (
    AgreementTemplate,
    Area,
    CollaborationAgreement,
    ExpressionOfInterest,
    Grant,
    Instalment,
    InterestDecision,
    SelectionCriterion,
    SpendingItem,
)
from ..money import check_ore, format_kr
from .common import apply, get
from .selection import Assessment, assessment_columns


@dataclass
class InterestData:
    received_on: date
    content: str = ""
    decision: InterestDecision = InterestDecision.PENDING
    decided_on: date | None = None
    decision_reason: str = ""
    # The team's assessment of the seed's selection criteria (services/selection.py).
    assessments: dict[SelectionCriterion, Assessment] = field(default_factory=dict)

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "received_on": self.received_on,
            "content": c.run(v.optional, self.content, "content", "Indhold", 50_000),
            "decision": InterestDecision(self.decision),
            "decided_on": self.decided_on,
            "decision_reason": c.run(
                v.optional, self.decision_reason, "decision_reason", "Begrundelse", 5_000
            ),
            **assessment_columns(self.assessments, c),
        }
        c.run(
            v.dates_in_order,
            self.received_on,
            self.decided_on,
            "decided_on",
            "Modtaget",
            "Besluttet",
        )
        c.raise_if_any()
        return values


def record_interest(db: Database, area_id: str, data: InterestData) -> None:
    """Create or replace the area's expression of interest."""
    values = data.cleaned()
    with db.transaction() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        if area.interest is None:
            s.add(ExpressionOfInterest(area_id=area_id, **values))
        else:
            apply(area.interest, values)


def delete_interest(db: Database, area_id: str) -> None:
    with db.transaction() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        if area.interest is not None:
            s.delete(area.interest)


@dataclass
class AgreementData:
    template_id: str | None = None
    sent_on: date | None = None
    signed_by_area_on: date | None = None
    signed_by_region_on: date | None = None
    notes: str = ""

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        values: dict[str, object] = {
            "template_id": self.template_id,
            "sent_on": self.sent_on,
            "signed_by_area_on": self.signed_by_area_on,
            "signed_by_region_on": self.signed_by_region_on,
            "notes": c.run(v.optional, self.notes, "notes", "Noter", 10_000),
        }
        c.run(
            v.dates_in_order,
            self.sent_on,
            self.signed_by_area_on,
            "signed_by_area_on",
            "Sendt",
            "Underskrevet af lokalområdet",
        )
        c.run(
            v.dates_in_order,
            self.sent_on,
            self.signed_by_region_on,
            "signed_by_region_on",
            "Sendt",
            "Underskrevet af regionen",
        )
        c.raise_if_any()
        return values


def latest_template_id(s: Session, programme_id: str) -> str | None:
    return s.scalar(
        select(AgreementTemplate.id)
        .where(AgreementTemplate.programme_id == programme_id)
        .order_by(AgreementTemplate.version.desc())
        .limit(1)
    )


def record_agreement(db: Database, area_id: str, data: AgreementData) -> None:
    """Create or update the area's collaboration agreement.

    A new agreement without a template is tied to the programme's newest template version,
    so reprinting it later gives the text it was sent with.
    """
    values = data.cleaned()
    with db.transaction() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        if values["template_id"] is not None:
            template = get(s, AgreementTemplate, str(values["template_id"]), "Skabelonen")
            if template.programme_id != area.programme_id:
                raise ValidationError.single("template_id", "Skabelon: hører til et andet program.")
        if area.agreement is None:
            if values["template_id"] is None:
                values["template_id"] = latest_template_id(s, area.programme_id)
            s.add(CollaborationAgreement(area_id=area_id, **values))
        else:
            if values["template_id"] is None:
                values["template_id"] = area.agreement.template_id
            apply(area.agreement, values)


def delete_agreement(db: Database, area_id: str) -> None:
    with db.transaction() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        if area.agreement is not None:
            s.delete(area.agreement)


# --- the grant and its instalments ----------------------------------------------------


def award_grant(db: Database, area_id: str, amount_ore: int, awarded_on: date | None) -> str:
    """Set the amount awarded to the area (creating the grant if needed)."""
    amount = check_ore(amount_ore, "amount_ore", "Bevilget beløb")
    with db.transaction() as s:
        area = get(s, Area, area_id, "Lokalområdet")
        if area.grant is None:
            area.grant = Grant(amount_ore=amount, awarded_on=awarded_on)
        else:
            planned = sum(i.amount_ore for i in area.grant.instalments)
            if planned > amount:
                raise ValidationError.single(
                    "amount_ore",
                    f"Bevilget beløb: rater for {format_kr(planned)} er allerede planlagt; "
                    "beløbet kan ikke være mindre.",
                )
            area.grant.amount_ore = amount
            area.grant.awarded_on = awarded_on
        s.flush()
        return area.grant.id


@dataclass
class InstalmentData:
    amount_ore: int
    due_on: date
    paid_on: date | None = None
    note: str = ""


def _validate_instalment(
    s: Session, grant: Grant, data: InstalmentData, own_id: str | None
) -> dict[str, object]:
    c = Collector()
    values: dict[str, object] = {
        "amount_ore": c.run(check_ore, data.amount_ore, "amount_ore", "Beløb"),
        "due_on": data.due_on,
        "paid_on": data.paid_on,
        "note": c.run(v.optional, data.note, "note", "Note", 400),
    }
    if not isinstance(data.due_on, date):
        c.add("due_on", "Forfalder: skal udfyldes.")
    c.raise_if_any()
    others = sum(i.amount_ore for i in grant.instalments if i.id != own_id)
    if others + data.amount_ore > grant.amount_ore:
        raise ValidationError.single(
            "amount_ore",
            f"Beløb: raterne ville blive {format_kr(others + data.amount_ore)}, "
            f"men der er kun bevilget {format_kr(grant.amount_ore)}",
        )
    if data.paid_on is not None:
        agreement = grant.area.agreement
        if (
            agreement is None
            or agreement.signed_by_area_on is None
            or (agreement.signed_by_region_on is None)
        ):
            raise ValidationError.single(
                "paid_on",
                "Udbetalt: tilskuddet kan først udbetales, når samarbejdsaftalen er "
                "underskrevet af begge parter.",
            )
    return values


def _grant_of(s: Session, area_id: str) -> Grant:
    area = get(s, Area, area_id, "Lokalområdet")
    if area.grant is None:
        raise ValidationError.single(
            "amount_ore", "Rate: lokalområdet har endnu ikke fået bevilget et tilskud."
        )
    return area.grant


def add_instalment(db: Database, area_id: str, data: InstalmentData) -> str:
    with db.transaction() as s:
        grant = _grant_of(s, area_id)
        values = _validate_instalment(s, grant, data, None)
        instalment = Instalment(grant_id=grant.id, **values)
        s.add(instalment)
        s.flush()
        return instalment.id


def update_instalment(db: Database, instalment_id: str, data: InstalmentData) -> None:
    with db.transaction() as s:
        instalment = get(s, Instalment, instalment_id, "Raten")
        apply(instalment, _validate_instalment(s, instalment.grant, data, instalment_id))


def mark_paid(db: Database, instalment_id: str, paid_on: date | None) -> None:
    """Register a payment (or undo one with None)."""
    with db.transaction() as s:
        instalment = get(s, Instalment, instalment_id, "Raten")
        data = InstalmentData(instalment.amount_ore, instalment.due_on, paid_on, instalment.note)
        apply(instalment, _validate_instalment(s, instalment.grant, data, instalment_id))


def delete_instalment(db: Database, instalment_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, Instalment, instalment_id, "Raten"))


def plan_instalments(
    db: Database, area_id: str, first_due: date, count: int, months_between: int = 6
) -> list[str]:
    """Split the grant into `count` equal instalments (the remainder on the first)."""
    from dateutil.relativedelta import relativedelta

    if count < 1:
        raise ValidationError.single("count", "Antal rater: mindst én.")
    with db.transaction() as s:
        grant = _grant_of(s, area_id)
        if grant.instalments:
            raise ValidationError.single("count", "Antal rater: der er allerede planlagt rater.")
        share, rest = divmod(grant.amount_ore, count)
        ids = []
        for n in range(count):
            instalment = Instalment(
                grant_id=grant.id,
                amount_ore=share + (rest if n == 0 else 0),
                due_on=first_due + relativedelta(months=months_between * n),
                note=f"{n + 1}. rate",
            )
            s.add(instalment)
            s.flush()
            ids.append(instalment.id)
        return ids


# --- declared spending -------------------------------------------------------------


@dataclass
class SpendingData:
    spent_on: date
    description: str
    amount_ore: int
    evaluation_id: str | None = None


def add_spending(db: Database, area_id: str, data: SpendingData) -> str:
    c = Collector()
    description = c.run(v.required, data.description, "description", "Beskrivelse", 400)
    amount = c.run(check_ore, data.amount_ore, "amount_ore", "Beløb")
    c.raise_if_any()
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        item = SpendingItem(
            area_id=area_id,
            spent_on=data.spent_on,
            description=description,
            amount_ore=amount,
            evaluation_id=data.evaluation_id,
        )
        s.add(item)
        s.flush()
        return item.id


def delete_spending(db: Database, item_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, SpendingItem, item_id, "Forbruget"))


def paid_total(s: Session, area_id: str) -> int:
    return int(
        s.scalar(
            select(func.coalesce(func.sum(Instalment.amount_ore), 0))
            .join(Grant)
            .where(Grant.area_id == area_id, Instalment.paid_on.is_not(None))
        )
        or 0
    )


def area_instalments(db: Database, area_id: str) -> list[Instalment]:
    """The area's instalments by due date (empty when no grant is awarded)."""
    with db.read() as s:
        return list(
            s.scalars(
                select(Instalment)
                .join(Grant)
                .where(Grant.area_id == area_id)
                .order_by(Instalment.due_on, Instalment.created_at)
            )
        )


def grant_overview(db: Database, programme_id: str) -> list[Area]:
    """Every area with its interest, agreement, grant, instalments and spending loaded."""
    with db.read() as s:
        return by_name(
            s.scalars(
                select(Area)
                .where(Area.programme_id == programme_id)
                .options(
                    selectinload(Area.interest),
                    selectinload(Area.agreement),
                    selectinload(Area.grant).selectinload(Grant.instalments),
                    selectinload(Area.spending),
                )
            )
        )
