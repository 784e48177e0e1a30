"""The one rule for when an area can have a collaboration agreement.

An agreement states a grant as given, so it is made only for an area whose expression of
interest was accepted and that has a grant. Every other area is refused with a Danish
reason; on request the desk prints a draft instead (documents/agreement.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from ..models import Area, InterestDecision


def agreement_refusal(area: Area) -> str | None:
    """Why `area` cannot have an agreement (its interest and grant loaded); None if it can."""
    reasons = []
    interest = area.interest
    if interest is None:
        reasons.append("der er ingen interessetilkendegivelse")
    elif interest.decision == InterestDecision.DECLINED:
        reasons.append("området er ikke udvalgt (interessetilkendegivelsen er afslået)")
    elif interest.decision != InterestDecision.ACCEPTED:
        reasons.append("interessetilkendegivelsen er ikke godkendt endnu")
    if area.grant is None:
        reasons.append("der er ikke bevilget tilskud")
    if not reasons:
        return None
    return f"«{area.name}»: " + ", og ".join(reasons) + "."


def is_declined(area: Area) -> bool:
    return area.interest is not None and area.interest.decision == InterestDecision.DECLINED


@dataclass(frozen=True)
class LeftOut:
    area_id: int
    name: str
    reason: str
    declined: bool


@dataclass(frozen=True)
class AgreementCandidates:
    """A programme's areas split by the rule: ids that get an agreement, and the rest."""

    ready: list[int]
    left_out: list[LeftOut]


def agreement_candidates(db: Database, programme_id: int) -> AgreementCandidates:
    """Every area of the programme by name, sorted into agreements and areas left out."""
    with db.read() as s:
        areas = s.scalars(
            _with_facts().where(Area.programme_id == programme_id).order_by(Area.name)
        ).all()
        ready, left_out = [], []
        for area in areas:
            refusal = agreement_refusal(area)
            if refusal is None:
                ready.append(area.id)
            else:
                left_out.append(LeftOut(area.id, area.name, refusal, is_declined(area)))
        return AgreementCandidates(ready, left_out)


def refusal_for_area(db: Database, area_id: int) -> str | None:
    """`agreement_refusal` for one area read from the file (None if it may have one)."""
    with db.read() as s:
        area = s.scalar(_with_facts().where(Area.id == area_id))
        return None if area is None else agreement_refusal(area)


def _with_facts() -> Select[Area]:
    """Areas with what the rule reads: the expression of interest and the grant."""
    return select(Area).options(selectinload(Area.interest), selectinload(Area.grant))
