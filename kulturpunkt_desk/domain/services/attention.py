"""What is overdue in a programme: the items the team should chase first.

- an agreement sent but not signed by both parties after AGREEMENT_REMINDER_DAYS days;
- an instalment whose due date has passed without being paid;
- an evaluation missing after the evaluation-collection milestone has ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..dates import short_date
from ..models import (
    Area,
    CollaborationAgreement,
    EvaluationSubmission,
    ExpressionOfInterest,
    Grant,
    Instalment,
    InterestDecision,
    Milestone,
    MilestoneKind,
)
from ..money import format_kr

AGREEMENT_REMINDER_DAYS = 30


class AttentionKind(StrEnum):
    AGREEMENT_UNSIGNED = "agreement_unsigned"
    INSTALMENT_UNPAID = "instalment_unpaid"
    EVALUATION_MISSING = "evaluation_missing"


ATTENTION_LABELS: dict[AttentionKind, str] = {
    AttentionKind.AGREEMENT_UNSIGNED: "Aftale ikke underskrevet",
    AttentionKind.INSTALMENT_UNPAID: "Rate ikke udbetalt",
    AttentionKind.EVALUATION_MISSING: "Evaluering mangler",
}


@dataclass(frozen=True)
class AttentionItem:
    area_id: int
    area_name: str
    kind: AttentionKind
    due_on: date
    days_overdue: int
    text: str  # Danish, one sentence


def overdue_items(
    db: Database, programme_id: int, today: date | None = None
) -> list[AttentionItem]:
    """Everything overdue on `today` (default: today), the longest overdue first."""
    today = today or date.today()
    items: list[AttentionItem] = []
    with db.read() as s:
        in_programme = Area.programme_id == programme_id
        declined = set(
            s.scalars(
                select(ExpressionOfInterest.area_id)
                .join(Area)
                .where(in_programme, ExpressionOfInterest.decision == InterestDecision.DECLINED)
            )
        )
        for area, agreement in s.execute(
            select(Area, CollaborationAgreement).join(CollaborationAgreement).where(in_programme)
        ).tuples():
            signed = agreement.signed_by_area_on and agreement.signed_by_region_on
            if agreement.sent_on is None or signed or area.closed_on is not None:
                continue
            due = agreement.sent_on + timedelta(days=AGREEMENT_REMINDER_DAYS)
            if due < today:
                items.append(
                    _item(
                        area,
                        AttentionKind.AGREEMENT_UNSIGNED,
                        due,
                        today,
                        f"Aftalen blev sendt {short_date(agreement.sent_on)} og er endnu ikke "
                        "underskrevet af begge parter.",
                    )
                )
        for area, instalment in s.execute(
            select(Area, Instalment)
            .join(Grant, Grant.area_id == Area.id)
            .join(Instalment, Instalment.grant_id == Grant.id)
            .where(in_programme, Instalment.paid_on.is_(None), Instalment.due_on < today)
        ).tuples():
            if area.id in declined:
                continue
            items.append(
                _item(
                    area,
                    AttentionKind.INSTALMENT_UNPAID,
                    instalment.due_on,
                    today,
                    f"Rate på {format_kr(instalment.amount_ore)} forfaldt "
                    f"{short_date(instalment.due_on)} og er ikke udbetalt.",
                )
            )
        collection_end = _collection_end(s, programme_id)
        if collection_end is not None and collection_end < today:
            evaluated = set(s.scalars(select(EvaluationSubmission.area_id)))
            # Only areas that got a grant owe an evaluation.
            for area in s.scalars(select(Area).join(Grant).where(in_programme)):
                if area.id in evaluated or area.id in declined or area.closed_on is not None:
                    continue
                items.append(
                    _item(
                        area,
                        AttentionKind.EVALUATION_MISSING,
                        collection_end,
                        today,
                        f"Evalueringsmaterialet skulle være afleveret senest "
                        f"{short_date(collection_end)}.",
                    )
                )
    return sorted(items, key=lambda i: (-i.days_overdue, i.area_name, i.kind))


def _item(area: Area, kind: AttentionKind, due: date, today: date, text: str) -> AttentionItem:
    return AttentionItem(
        area_id=area.id,
        area_name=area.name,
        kind=kind,
        due_on=due,
        days_overdue=(today - due).days,
        text=text,
    )


def evaluation_states(db: Database, programme_id: int, today: date | None = None) -> dict[int, str]:
    """Each area's evaluation state in Danish: received (when), missing, or when it is due."""
    today = today or date.today()
    with db.read() as s:
        received: dict[int, date] = {}
        for area_id, day in s.execute(
            select(EvaluationSubmission.area_id, EvaluationSubmission.received_on)
            .join(Area)
            .where(Area.programme_id == programme_id)
        ).tuples():
            received[area_id] = max(day, received.get(area_id, day))
        with_grant = set(
            s.scalars(select(Grant.area_id).join(Area).where(Area.programme_id == programme_id))
        )
        deadline = _collection_end(s, programme_id)
        states: dict[int, str] = {}
        for area_id in s.scalars(select(Area.id).where(Area.programme_id == programme_id)):
            if area_id in received:
                states[area_id] = f"Modtaget {short_date(received[area_id])}"
            elif area_id not in with_grant:
                states[area_id] = "Ikke relevant"
            elif deadline is None:
                states[area_id] = "Ikke modtaget"
            elif deadline < today:
                states[area_id] = f"Mangler (frist {short_date(deadline)})"
            else:
                states[area_id] = f"Frist {short_date(deadline)}"
        return states


def _collection_end(s: Session, programme_id: int) -> date | None:
    return s.scalar(
        select(Milestone.ends_on)
        .where(
            Milestone.programme_id == programme_id,
            Milestone.kind == MilestoneKind.EVALUATION_COLLECTION,
        )
        .order_by(Milestone.ends_on.desc())
        .limit(1)
    )
