"""An area's status follows from its facts, by one function, and is never stored."""

from __future__ import annotations

from datetime import date

import pytest

from kulturpunkt_desk.domain.models import Area
from kulturpunkt_desk.domain.status import AreaFacts, AreaStatus, derive_status

D = date(2025, 6, 1)
SIGNED = {"agreement_sent_on": D, "signed_by_area_on": D, "signed_by_region_on": D}


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        (AreaFacts(), AreaStatus.AWAITING_INTEREST),
        (AreaFacts(interest_received_on=D), AreaStatus.INTEREST_RECEIVED),
        (AreaFacts(interest_received_on=D, interest_declined=True), AreaStatus.DECLINED),
        (AreaFacts(interest_received_on=D, agreement_sent_on=D), AreaStatus.AGREEMENT_SENT),
        (AreaFacts(agreement_sent_on=D, signed_by_area_on=D), AreaStatus.AGREEMENT_SENT),
        (AreaFacts(**SIGNED), AreaStatus.AGREEMENT_SIGNED),
        (AreaFacts(**SIGNED, paid_instalments=1), AreaStatus.GRANT_PAID),
        (AreaFacts(**SIGNED, paid_instalments=1, sparring_sessions=2), AreaStatus.GRANT_PAID),
        (AreaFacts(**SIGNED, paid_instalments=1, activities=1), AreaStatus.ACTIVE),
        (AreaFacts(**SIGNED, paid_instalments=1, evaluations=1), AreaStatus.EVALUATION_RECEIVED),
        (AreaFacts(**SIGNED, evaluations=1, closed_on=D), AreaStatus.CLOSED),
    ],
)
def test_status_is_derived_from_facts(facts: AreaFacts, status: AreaStatus) -> None:
    assert derive_status(facts) == status


def test_signed_by_only_one_party_is_not_signed() -> None:
    facts = AreaFacts(agreement_sent_on=D, signed_by_region_on=D)
    assert derive_status(facts) == AreaStatus.AGREEMENT_SENT


def test_status_is_not_a_stored_column() -> None:
    assert "status" not in Area.__table__.c
