"""The programme's conditions for an area, as a check list.

Each area must form a broad local partnership, name a steering group and one primary
contact, send an expression of interest and sign a collaboration agreement. The area page
shows this list; the rule for "met" lives here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from kulturpunkt_desk.storage.engine import Database

from ..models import SECTOR_LABELS, Area, InterestDecision
from . import areas

# A partnership is more than one organisation; a steering group is more than one person.
MIN_PARTNERS = 2
MIN_STEERING_GROUP = 2


@dataclass(frozen=True)
class Condition:
    key: str
    label: str  # Danish
    met: bool
    detail: str  # Danish: what is there, or what is missing


def _short(day: object) -> str:
    return f"{day:%d.%m.%Y}" if day is not None else ""


def conditions_for(area: Area) -> list[Condition]:
    """The check list for an area loaded with its members, partners, interest and agreement."""
    partners = [p.organisation for p in area.partners]
    sectors = sorted({SECTOR_LABELS[o.sector] for o in partners})
    steering = [m for m in area.members if m.in_steering_group]
    primary = [m for m in area.members if m.is_primary_contact]
    interest = area.interest
    agreement = area.agreement

    if len(partners) >= MIN_PARTNERS:
        partnership = f"{len(partners)} organisationer ({', '.join(sectors).lower()})"
    elif partners:
        partnership = f"Kun én organisation; mindst {MIN_PARTNERS} danner et partnerskab"
    else:
        partnership = "Ingen organisationer i partnerskabet endnu"

    if len(steering) >= MIN_STEERING_GROUP:
        steering_text = f"{len(steering)} personer i styregruppen"
    elif steering:
        steering_text = f"Kun én person; en styregruppe har mindst {MIN_STEERING_GROUP}"
    else:
        steering_text = "Ingen personer i styregruppen endnu"

    primary_text = primary[0].person.name if primary else "Ingen primær kontaktperson"

    if interest is None:
        interest_met, interest_text = False, "Ikke modtaget"
    elif interest.decision == InterestDecision.DECLINED:
        interest_met, interest_text = False, f"Modtaget {_short(interest.received_on)}, afvist"
    else:
        interest_met, interest_text = True, f"Modtaget {_short(interest.received_on)}"

    if agreement is None:
        agreement_met, agreement_text = False, "Ingen aftale endnu"
    elif agreement.signed_by_area_on and agreement.signed_by_region_on:
        agreement_met = True
        agreement_text = (
            f"Underskrevet af lokalområdet {_short(agreement.signed_by_area_on)} "
            f"og regionen {_short(agreement.signed_by_region_on)}"
        )
    else:
        missing = [
            who
            for who, day in (
                ("lokalområdet", agreement.signed_by_area_on),
                ("regionen", agreement.signed_by_region_on),
            )
            if day is None
        ]
        sent = f"Sendt {_short(agreement.sent_on)}; " if agreement.sent_on else ""
        agreement_met = False
        agreement_text = f"{sent}mangler underskrift fra {' og '.join(missing)}"

    return [
        Condition(
            "partnership", "Bredt lokalt partnerskab", len(partners) >= MIN_PARTNERS, partnership
        ),
        Condition(
            "steering_group",
            "Styregruppe nedsat",
            len(steering) >= MIN_STEERING_GROUP,
            steering_text,
        ),
        Condition("primary_contact", "Primær kontaktperson udpeget", bool(primary), primary_text),
        Condition("interest", "Interessetilkendegivelse modtaget", interest_met, interest_text),
        Condition("agreement", "Samarbejdsaftale underskrevet", agreement_met, agreement_text),
    ]


def area_conditions(db: Database, area_id: int) -> list[Condition]:
    return conditions_for(areas.get_area(db, area_id))
