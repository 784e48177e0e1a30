"""Europæisk Kulturregion as the strategy sets it up: its members and three focus areas.

These are the partnership's facts (from the strategy), not demo data: Region Midtjylland,
the 19 municipalities of Central Denmark and CDEU, and the strategy's focus areas.
"""

from __future__ import annotations

from sqlalchemy import select

from kulturpunkt_desk.storage.engine import Database

from ..errors import ValidationError
from ..models import FocusArea, MemberKind, PartnerMember, Partnership
from .ekr_partnership import PartnershipData

EKR_NAME = "Europæisk Kulturregion"
REGION = "Region Midtjylland"
CDEU = "CDEU"
MUNICIPALITIES = (
    "Favrskov",
    "Hedensted",
    "Herning",
    "Holstebro",
    "Horsens",
    "Ikast-Brande",
    "Lemvig",
    "Norddjurs",
    "Odder",
    "Randers",
    "Ringkøbing-Skjern",
    "Samsø",
    "Silkeborg",
    "Skanderborg",
    "Skive",
    "Struer",
    "Syddjurs",
    "Viborg",
    "Aarhus",
)
# Where each municipality's town hall is: the contribution letter's address, which the team
# completes (street, department) in the members' view.
TOWN_HALLS = {
    "Favrskov": "8382 Hinnerup",
    "Hedensted": "8722 Hedensted",
    "Herning": "7400 Herning",
    "Holstebro": "7500 Holstebro",
    "Horsens": "8700 Horsens",
    "Ikast-Brande": "7430 Ikast",
    "Lemvig": "7620 Lemvig",
    "Norddjurs": "8500 Grenaa",
    "Odder": "8300 Odder",
    "Randers": "8900 Randers C",
    "Ringkøbing-Skjern": "6950 Ringkøbing",
    "Samsø": "8305 Samsø",
    "Silkeborg": "8600 Silkeborg",
    "Skanderborg": "8660 Skanderborg",
    "Skive": "7800 Skive",
    "Struer": "7600 Struer",
    "Syddjurs": "8400 Ebeltoft",
    "Viborg": "8800 Viborg",
    "Aarhus": "8000 Aarhus C",
}
FOCUS_AREAS = (
    (
        "Styrkelse af det europæiske samarbejde og udsyn",
        "Europæiske netværks- og kulturarrangementer, fælles ansøgninger til europæiske "
        "kulturprogrammer, projektrådgivning og hjælp til fondssøgning.",
    ),
    ("Kulturforum", "Et årligt kulturforum målrettet kulturpolitikere."),
    (
        "Forbedring af kulturaktørernes udviklingsvilkår",
        "Vidensdeling og kompetenceopbygning, temabaserede indsatser på tværs af kommunerne "
        "og Kulturmødet Mors.",
    ),
)


def municipality_label(name: str) -> str:
    """'Aarhus Kommune' (letters and tables name the authority, not the town)."""
    return f"{name} Kommune"


def establish_ekr(db: Database, contact_email: str = "", contact_phone: str = "") -> int:
    """Create the partnership with its 21 members and its three focus areas, in one go."""
    values = PartnershipData(
        name=EKR_NAME,
        contact_organisation=REGION,
        contact_department="Regional Udvikling, Kultur",
        contact_street="Skottenborg 26",
        contact_postcode_city="8800 Viborg",
        contact_email=contact_email,
        contact_phone=contact_phone,
    ).cleaned()
    with db.transaction() as s:
        if s.scalar(select(Partnership.id).where(Partnership.name == EKR_NAME)):
            raise ValidationError.single("name", f"Navn: «{EKR_NAME}» findes allerede.")
        partnership = Partnership(**values)
        partnership.members = [
            PartnerMember(name=REGION, kind=MemberKind.REGION),
            *(
                PartnerMember(
                    name=municipality_label(name),
                    kind=MemberKind.MUNICIPALITY,
                    rotation_order=order,
                    address=f"Rådhuset\n{TOWN_HALLS[name]}",
                )
                for order, name in enumerate(MUNICIPALITIES, start=1)
            ),
            PartnerMember(name=CDEU, kind=MemberKind.CDEU, rotation_order=len(MUNICIPALITIES) + 1),
        ]
        s.add(partnership)
        s.flush()
        for number, (name, description) in enumerate(FOCUS_AREAS, start=1):
            s.add(
                FocusArea(
                    partnership_id=partnership.id,
                    number=number,
                    name=name,
                    description=description,
                )
            )
        return partnership.id
