"""An area's status, derived from facts by one function and never stored.

The statuses follow the programme's path: interest, agreement, money, activity,
evaluation, closing. A declined expression of interest leaves the path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AreaStatus(StrEnum):
    AWAITING_INTEREST = "awaiting_interest"
    INTEREST_RECEIVED = "interest_received"
    DECLINED = "declined"
    AGREEMENT_SENT = "agreement_sent"
    AGREEMENT_SIGNED = "agreement_signed"
    GRANT_PAID = "grant_paid"
    ACTIVE = "active"
    EVALUATION_RECEIVED = "evaluation_received"
    CLOSED = "closed"


STATUS_LABELS: dict[AreaStatus, str] = {
    AreaStatus.AWAITING_INTEREST: "Afventer interessetilkendegivelse",
    AreaStatus.INTEREST_RECEIVED: "Interesse modtaget",
    AreaStatus.DECLINED: "Ikke udvalgt",
    AreaStatus.AGREEMENT_SENT: "Aftale sendt",
    AreaStatus.AGREEMENT_SIGNED: "Aftale underskrevet",
    AreaStatus.GRANT_PAID: "Tilskud udbetalt",
    AreaStatus.ACTIVE: "Aktiv",
    AreaStatus.EVALUATION_RECEIVED: "Evaluering modtaget",
    AreaStatus.CLOSED: "Afsluttet",
}

# The order areas move through; used to sort lists by progress.
STATUS_ORDER = list(AreaStatus)


@dataclass(frozen=True)
class AreaFacts:
    """What is known about an area, gathered by one query per programme."""

    interest_received_on: date | None = None
    interest_declined: bool = False
    agreement_sent_on: date | None = None
    signed_by_area_on: date | None = None
    signed_by_region_on: date | None = None
    paid_instalments: int = 0
    activities: int = 0
    sparring_sessions: int = 0
    evaluations: int = 0
    closed_on: date | None = None


def derive_status(facts: AreaFacts) -> AreaStatus:
    """The one rule for an area's status; later facts win over earlier ones."""
    if facts.closed_on is not None:
        return AreaStatus.CLOSED
    if facts.evaluations:
        return AreaStatus.EVALUATION_RECEIVED
    if facts.interest_declined:
        return AreaStatus.DECLINED
    fully_signed = facts.signed_by_area_on is not None and facts.signed_by_region_on is not None
    if fully_signed and facts.paid_instalments:
        # Money paid: the area is active once it has carried out an activity of its own
        # (sparring is the region's coaching, not the area's activity).
        if facts.activities:
            return AreaStatus.ACTIVE
        return AreaStatus.GRANT_PAID
    if fully_signed:
        return AreaStatus.AGREEMENT_SIGNED
    if facts.agreement_sent_on is not None or facts.signed_by_area_on is not None:
        return AreaStatus.AGREEMENT_SENT
    if facts.interest_received_on is not None:
        return AreaStatus.INTEREST_RECEIVED
    return AreaStatus.AWAITING_INTEREST
