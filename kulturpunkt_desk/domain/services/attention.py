"""What needs attention in a programme: the items the team should chase first.

attention_items() is the one rule, for Overblik, the status summary and the `overblik`
command alike:
- an agreement sent but not signed by both parties after AGREEMENT_REMINDER_DAYS days;
- an instalment whose due date has passed without being paid;
- an evaluation missing after the evaluation-collection milestone has ended;
- expressions of interest missing after the deadline, areas without a sparring session in
  the current (or last finished) sparring round, designated areas that came to none of the
  meetings of a network round ending soon or last ended, and follow-up actions due;
each overdue or falling due within a few days. overdue_items() is its overdue part. Each
item names the record that opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from .. import settings
from ..dates import short_date
from ..models import (
    Area,
    CollaborationAgreement,
    EvaluationSubmission,
    ExpressionOfInterest,
    FollowUpAction,
    Grant,
    Instalment,
    InterestDecision,
    Milestone,
    MilestoneKind,
    SparringSession,
)
from ..money import format_kr
from .meetings import absent_in, rounds_in

AGREEMENT_REMINDER_DAYS = 30


class AttentionKind(StrEnum):
    AGREEMENT_UNSIGNED = "agreement_unsigned"
    INSTALMENT_UNPAID = "instalment_unpaid"
    EVALUATION_MISSING = "evaluation_missing"
    INTEREST_MISSING = "interest_missing"
    SPARRING_MISSING = "sparring_missing"
    FOLLOW_UP_DUE = "follow_up_due"
    NETWORK_MISSING = "network_missing"


ATTENTION_LABELS: dict[AttentionKind, str] = {
    AttentionKind.AGREEMENT_UNSIGNED: "Aftale ikke underskrevet",
    AttentionKind.INSTALMENT_UNPAID: "Rate ikke udbetalt",
    AttentionKind.EVALUATION_MISSING: "Evaluering mangler",
    AttentionKind.INTEREST_MISSING: "Interessetilkendegivelse mangler",
    AttentionKind.SPARRING_MISSING: "Intet sparringsmøde i runden",
    AttentionKind.FOLLOW_UP_DUE: "Opfølgning fra sparring",
    AttentionKind.NETWORK_MISSING: "Ikke med til netværksmøde i runden",
}


@dataclass(frozen=True)
class AttentionItem:
    area_id: str
    area_name: str
    kind: AttentionKind
    due_on: date
    days_overdue: int
    text: str  # Danish, one sentence
    # The record the item is about, as (kind, id) for the window's open_record; None: the
    # area. Instalments open in Tilskud, missing evaluations in Evaluering (where they are
    # registered), follow-ups on their sparring session.
    record: tuple[str, str] | None = None

    @property
    def opens(self) -> tuple[str, str]:
        return self.record or ("area", self.area_id)

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def overdue_items(
    db: Database, programme_id: str, today: date | None = None
) -> list[AttentionItem]:
    """Everything overdue on `today` (default: today), the longest overdue first: the
    overdue part of attention_items, so the status summary counts what Overblik shows."""
    items = attention_items(db, programme_id, today or date.today())
    return [i for i in items if i.overdue]


def _late_records(
    s: Session,
    programme_id: str,
    today: date,
    parts: dict[str, tuple[str, date | None]],
    named: Sequence[Row[str, str]],
) -> list[AttentionItem]:
    """Agreements unsigned, instalments unpaid and evaluations missing past their dates.
    `parts`: evaluation_parts_in's answer; `named`: the programme's areas (id and name)."""
    items: list[AttentionItem] = []
    in_programme = Area.programme_id == programme_id
    declined = set(
        s.scalars(
            select(ExpressionOfInterest.area_id)
            .join(Area)
            .where(in_programme, ExpressionOfInterest.decision == InterestDecision.DECLINED)
        )
    )
    # Columns only, here and below: no ORM objects for a list of hundreds.
    for area in s.execute(
        select(
            Area.id,
            Area.name,
            Area.closed_on,
            CollaborationAgreement.sent_on,
            CollaborationAgreement.signed_by_area_on,
            CollaborationAgreement.signed_by_region_on,
        )
        .join(CollaborationAgreement)
        .where(in_programme)
    ):
        signed = area.signed_by_area_on and area.signed_by_region_on
        if area.sent_on is None or signed or area.closed_on is not None:
            continue
        due = area.sent_on + timedelta(days=AGREEMENT_REMINDER_DAYS)
        if due < today:
            items.append(
                _item(
                    area,
                    AttentionKind.AGREEMENT_UNSIGNED,
                    due,
                    today,
                    f"Aftalen blev sendt {short_date(area.sent_on)} og er endnu ikke "
                    "underskrevet af begge parter.",
                )
            )
    for row in _unpaid_instalments(s, programme_id, Instalment.due_on < today):
        if row.id in declined:
            continue
        text = f"Rate på {format_kr(row.amount_ore)} forfaldt {short_date(row.due_on)} og er "
        items.append(_instalment_item(row, today, text + "ikke udbetalt."))
    # Evaluations: the one rule of who owes one (evaluation_parts_in).
    for owing in named:
        state, deadline = parts.get(owing.id, ("", None))
        if state != MISSING or deadline is None:
            continue
        items.append(
            _item(
                owing,
                AttentionKind.EVALUATION_MISSING,
                deadline,
                today,
                f"Evalueringsmaterialet skulle være afleveret senest {short_date(deadline)}.",
                ("evaluation_area", owing.id),
            )
        )
    return items


class _AreaNamed(Protocol):
    """An area or a row holding its id and name."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


def _item(
    area: _AreaNamed,
    kind: AttentionKind,
    due: date,
    today: date,
    text: str,
    record: tuple[str, str] | None = None,
) -> AttentionItem:
    return AttentionItem(
        area_id=area.id,
        area_name=area.name,
        kind=kind,
        due_on=due,
        days_overdue=(today - due).days,
        text=text,
        record=record,
    )


def attention_items(
    db: Database, programme_id: str, today: date, coming_days: int | None = None
) -> list[AttentionItem]:
    """What needs attention on `today`: overdue items, most overdue first, then what falls
    due within `coming_days` (default: the team's setting, 14 days unless changed),
    soonest first."""
    if coming_days is None:
        coming_days = settings.read(db, settings.COMING_DAYS)
    horizon = today + timedelta(days=coming_days)
    with db.read() as s:
        # Asked once for all the rules below.
        skipped = _skipped_areas(s, programme_id)
        parts = evaluation_parts_in(s, programme_id, today, skipped)
        named = s.execute(select(Area.id, Area.name).where(Area.programme_id == programme_id)).all()
        items = _late_records(s, programme_id, today, parts, named)
        items += _coming_money(s, programme_id, today, horizon, skipped, parts, named)
        items += _missing_interest(s, programme_id, today, horizon)
        items += _missing_sparring(s, programme_id, today, skipped)
        items += _follow_ups(s, programme_id, today, horizon)
        items += _missing_network(s, programme_id, today, horizon)
    return sorted(items, key=lambda i: (not i.overdue, -i.days_overdue, i.area_name, i.kind))


def _skipped_areas(s: Session, programme_id: str) -> set[str]:
    """Areas nothing more is asked of: closed, or their interest declined."""
    declined = select(ExpressionOfInterest.area_id).where(
        ExpressionOfInterest.decision == InterestDecision.DECLINED
    )
    return set(
        s.scalars(
            select(Area.id).where(
                Area.programme_id == programme_id,
                (Area.closed_on.is_not(None)) | Area.id.in_(declined),
            )
        )
    )


def _unpaid_instalments(
    s: Session, programme_id: str, *due: ColumnElement[bool]
) -> Sequence[Row[str, str, str, date, int]]:
    """The programme's unpaid instalments due as `due` says, with their area's id and name:
    columns only (a large programme has hundreds)."""
    return s.execute(
        select(
            Area.id,
            Area.name,
            Instalment.id.label("instalment_id"),
            Instalment.due_on,
            Instalment.amount_ore,
        )
        .join(Grant, Grant.area_id == Area.id)
        .join(Instalment, Instalment.grant_id == Grant.id)
        .where(Area.programme_id == programme_id, Instalment.paid_on.is_(None), *due)
    ).all()


def _instalment_item(row: Row[str, str, str, date, int], today: date, text: str) -> AttentionItem:
    """An unpaid instalment (a row of `_unpaid_instalments`), due or coming; opens the rate."""
    record = ("instalment", row.instalment_id)
    return _item(row, AttentionKind.INSTALMENT_UNPAID, row.due_on, today, text, record)


def _coming_money(
    s: Session,
    programme_id: str,
    today: date,
    horizon: date,
    skipped: set[str],
    parts: dict[str, tuple[str, date | None]],
    named: Sequence[Row[str, str]],
) -> list[AttentionItem]:
    items = []
    for row in _unpaid_instalments(
        s, programme_id, Instalment.due_on >= today, Instalment.due_on <= horizon
    ):
        if row.id not in skipped:
            text = f"Rate på {format_kr(row.amount_ore)} forfalder {short_date(row.due_on)}."
            items.append(_instalment_item(row, today, text))
    end = _collection_end(s, programme_id)
    if end is not None and today <= end <= horizon:
        for area in named:
            if parts.get(area.id, ("", None))[0] == DUE:
                text = f"Evalueringsmaterialet skal afleveres senest {short_date(end)}."
                record = ("evaluation_area", area.id)
                items.append(
                    _item(area, AttentionKind.EVALUATION_MISSING, end, today, text, record)
                )
    return items


def _milestones(s: Session, programme_id: str, kind: MilestoneKind) -> list[Milestone]:
    return list(
        s.scalars(
            select(Milestone)
            .where(Milestone.programme_id == programme_id, Milestone.kind == kind)
            .order_by(Milestone.starts_on)
        )
    )


def _missing_interest(
    s: Session, programme_id: str, today: date, horizon: date
) -> list[AttentionItem]:
    deadlines = _milestones(s, programme_id, MilestoneKind.INTEREST_DEADLINE)
    if not deadlines or deadlines[-1].ends_on > horizon:
        return []
    deadline = deadlines[-1].ends_on
    received = select(ExpressionOfInterest.area_id)
    verb = "var" if deadline < today else "er"
    return [
        _item(
            area,
            AttentionKind.INTEREST_MISSING,
            deadline,
            today,
            f"Ingen interessetilkendegivelse; fristen {verb} {short_date(deadline)}.",
        )
        for area in s.execute(
            select(Area.id, Area.name).where(
                Area.programme_id == programme_id,
                Area.closed_on.is_(None),
                ~Area.id.in_(received),
            )
        )
    ]


def _missing_sparring(
    s: Session, programme_id: str, today: date, skipped: set[str]
) -> list[AttentionItem]:
    """Areas with a grant and no session in the current round (or the last one finished)."""
    rounds = _milestones(s, programme_id, MilestoneKind.SPARRING_ROUND)
    current = [r for r in rounds if r.starts_on <= today <= r.ends_on]
    finished = [r for r in rounds if r.ends_on < today]
    chosen = (
        current[0] if current else (max(finished, key=lambda r: r.ends_on) if finished else None)
    )
    if chosen is None:
        return []
    held = select(SparringSession.area_id).where(
        SparringSession.held_on >= chosen.starts_on, SparringSession.held_on <= chosen.ends_on
    )
    name = f"{chosen.round}. runde" if chosen.round else "runden"
    span = f"{short_date(chosen.starts_on)}–{short_date(chosen.ends_on)}"
    text = (
        f"Intet sparringsmøde i {name} ({span})."
        if chosen.ends_on < today
        else f"Intet sparringsmøde endnu i {name}, som slutter {short_date(chosen.ends_on)}."
    )
    return [
        _item(area, AttentionKind.SPARRING_MISSING, chosen.ends_on, today, text)
        for area in s.execute(
            select(Area.id, Area.name)
            .join(Grant)
            .where(Area.programme_id == programme_id, ~Area.id.in_(held))
        )
        if area.id not in skipped
    ]


def _missing_network(
    s: Session, programme_id: str, today: date, horizon: date
) -> list[AttentionItem]:
    """Designated areas that came to none of the meetings of the network round that ends
    within the horizon, or else the one that ended last."""
    ending = [r for r in rounds_in(s, programme_id) if r.ends_on <= horizon]
    if not ending:
        return []
    chosen = max(ending, key=lambda r: r.ends_on)
    span = f"{short_date(chosen.starts_on)}–{short_date(chosen.ends_on)}"
    text = (
        f"Ikke med til noget netværksmøde i {chosen.number}. runde ({span})."
        if chosen.ends_on < today
        else f"Endnu ikke med til noget netværksmøde i {chosen.number}. runde, som slutter "
        f"{short_date(chosen.ends_on)}."
    )
    return [
        _item(area, AttentionKind.NETWORK_MISSING, chosen.ends_on, today, text)
        for area in absent_in(s, programme_id, chosen.number)
    ]


def _follow_ups(s: Session, programme_id: str, today: date, horizon: date) -> list[AttentionItem]:
    items = []
    held: dict[date, str] = {}  # a few hundred follow-ups from far fewer meeting days
    # Columns only: a large programme has hundreds of open follow-ups.
    for row in s.execute(
        select(
            Area.id,
            Area.name,
            SparringSession.id.label("session_id"),
            SparringSession.held_on,
            FollowUpAction.description,
            FollowUpAction.responsible,
            FollowUpAction.due_on,
        )
        .join(SparringSession, SparringSession.area_id == Area.id)
        .join(FollowUpAction, FollowUpAction.session_id == SparringSession.id)
        .where(
            Area.programme_id == programme_id,
            FollowUpAction.done_on.is_(None),
            FollowUpAction.due_on.is_not(None),
            FollowUpAction.due_on <= horizon,
        )
    ):
        due = row.due_on
        assert due is not None  # filtered above
        who = f" (ansvarlig: {row.responsible})" if row.responsible else ""
        if row.held_on not in held:
            held[row.held_on] = short_date(row.held_on)
        text = f"{row.description}{who}; aftalt på sparringsmødet {held[row.held_on]}."
        items.append(
            _item(
                row,
                AttentionKind.FOLLOW_UP_DUE,
                due,
                today,
                text,
                ("sparring_session", row.session_id),
            )
        )
    return items


def evaluation_states(db: Database, programme_id: str, today: date | None = None) -> dict[str, str]:
    """Each area's evaluation state in Danish: received (when), missing, or when it is due."""
    parts = evaluation_state_parts(db, programme_id, today)
    return {area_id: _state_text(state, day) for area_id, (state, day) in parts.items()}


def _state_text(state: str, day: date | None) -> str:
    if day is None:
        return state
    if state == MISSING:
        return f"Mangler (frist {short_date(day)})"
    return f"{state} {short_date(day)}"


# The evaluation states, as every screen and document words them.
RECEIVED, MISSING, DUE, NOT_RECEIVED = "Modtaget", "Mangler", "Frist", "Ikke modtaget"
NO_GRANT, NOT_RELEVANT = "Intet tilskud", "Ikke relevant"


def evaluation_state_parts(
    db: Database, programme_id: str, today: date | None = None
) -> dict[str, tuple[str, date | None]]:
    """Each area's evaluation state and its date apart (received on, or the deadline), for
    spreadsheets that keep one kind of value per column."""
    with db.read() as s:
        return evaluation_parts_in(s, programme_id, today or date.today())


def evaluation_parts_in(
    s: Session, programme_id: str, today: date, skipped: set[str] | None = None
) -> dict[str, tuple[str, date | None]]:
    """The one rule of who owes an evaluation: an area that got a grant (the money is what
    is accounted for), was not declined and is not closed. Overblik, Evaluering, the status
    summary and `overblik` all read it from here. `skipped`: _skipped_areas's answer, when
    the caller has it already."""
    in_programme = Area.programme_id == programme_id
    received: dict[str, date] = {}
    for area_id, day in s.execute(
        select(EvaluationSubmission.area_id, EvaluationSubmission.received_on)
        .join(Area)
        .where(in_programme)
    ):
        received[area_id] = max(day, received.get(area_id, day))
    granted = set(s.scalars(select(Grant.area_id).join(Area).where(in_programme)))
    if skipped is None:
        skipped = _skipped_areas(s, programme_id)
    deadline = _collection_end(s, programme_id)
    states: dict[str, tuple[str, date | None]] = {}
    for area_id in s.scalars(select(Area.id).where(in_programme)):
        if area_id in received:
            states[area_id] = (RECEIVED, received[area_id])
        elif area_id in skipped:
            states[area_id] = (NOT_RELEVANT, None)
        elif area_id not in granted:
            states[area_id] = (NO_GRANT, None)
        elif deadline is None:
            states[area_id] = (NOT_RECEIVED, None)
        elif deadline < today:
            states[area_id] = (MISSING, deadline)
        else:
            states[area_id] = (DUE, deadline)
    return states


def _collection_end(s: Session, programme_id: str) -> date | None:
    return s.scalar(
        select(Milestone.ends_on)
        .where(
            Milestone.programme_id == programme_id,
            Milestone.kind == MilestoneKind.EVALUATION_COLLECTION,
        )
        .order_by(Milestone.ends_on.desc())
        .limit(1)
    )
