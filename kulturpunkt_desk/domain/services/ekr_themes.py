"""Europæisk Kulturregion's focus areas, theme and interest groups, and each member's
engagement per theme ("EKR i flere hastigheder")."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector, ValidationError
from ..models import (
    Engagement,
    EngagementLevel,
    FocusArea,
    PartnerMember,
    Partnership,
    Theme,
    ThemeKind,
)
from .common import get
from .ekr_partnership import list_members


@dataclass(frozen=True)
class GridTheme:
    theme_id: str
    name: str
    focus_area: str
    kind: ThemeKind


@dataclass
class EngagementGrid:
    """Rows are members, columns are themes; a missing cell means not taking part."""

    members: list[tuple[str, str]]
    themes: list[GridTheme]
    levels: dict[tuple[str, str], EngagementLevel] = field(default_factory=dict)

    def level(self, member_id: str, theme_id: str) -> EngagementLevel:
        return self.levels.get((member_id, theme_id), EngagementLevel.NOT_TAKING_PART)


def add_focus_area(
    db: Database, partnership_id: str, number: int, name: str, description: str = ""
) -> str:
    c = Collector()
    number = c.run(v.non_negative_int, number, "number", "Nummer")
    name = c.run(v.required, name, "name", "Navn")
    description = c.run(v.optional, description, "description", "Beskrivelse", 10_000)
    c.raise_if_any()
    with db.transaction() as s:
        get(s, Partnership, partnership_id, "Partnerskabet")
        if s.scalar(
            select(FocusArea.id).where(
                FocusArea.partnership_id == partnership_id, FocusArea.number == number
            )
        ):
            raise ValidationError.single("number", f"Nummer: indsatsområde {number} findes.")
        area = FocusArea(
            partnership_id=partnership_id, number=number, name=name, description=description
        )
        s.add(area)
        s.flush()
        return area.id


def add_theme(
    db: Database, focus_area_id: str, name: str, kind: ThemeKind, description: str = ""
) -> str:
    c = Collector()
    name = c.run(v.required, name, "name", "Navn")
    description = c.run(v.optional, description, "description", "Beskrivelse", 10_000)
    c.raise_if_any()
    with db.transaction() as s:
        area = get(s, FocusArea, focus_area_id, "Indsatsområdet")
        if any(t.name.lower() == name.lower() for t in area.themes):
            raise ValidationError.single("name", f"Navn: «{name}» findes allerede.")
        theme = Theme(
            focus_area_id=focus_area_id, name=name, kind=ThemeKind(kind), description=description
        )
        s.add(theme)
        s.flush()
        return theme.id


def delete_theme(db: Database, theme_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, Theme, theme_id, "Temaet"))


def list_focus_areas(db: Database, partnership_id: str) -> list[FocusArea]:
    with db.read() as s:
        return list(
            s.scalars(
                select(FocusArea)
                .where(FocusArea.partnership_id == partnership_id)
                .options(selectinload(FocusArea.themes))
                .order_by(FocusArea.number)
            )
        )


def set_engagement(db: Database, theme_id: str, member_id: str, level: EngagementLevel) -> None:
    """Set one cell of the grid; 'not taking part' removes the row."""
    level = EngagementLevel(level)
    with db.transaction() as s:
        theme = get(s, Theme, theme_id, "Temaet")
        member = get(s, PartnerMember, member_id, "Medlemmet")
        if member.partnership_id != theme.focus_area.partnership_id:
            raise ValidationError.single("member_id", "Medlem: hører til et andet partnerskab.")
        row = s.scalar(
            select(Engagement).where(
                Engagement.theme_id == theme_id, Engagement.member_id == member_id
            )
        )
        if level == EngagementLevel.NOT_TAKING_PART:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(Engagement(theme_id=theme_id, member_id=member_id, level=level))
        else:
            row.level = level


def engagement_grid(db: Database, partnership_id: str) -> EngagementGrid:
    members = [(m.id, m.name) for m in list_members(db, partnership_id)]
    themes = [
        GridTheme(t.id, t.name, f"{a.number}. {a.name}", t.kind)
        for a in list_focus_areas(db, partnership_id)
        for t in a.themes
    ]
    grid = EngagementGrid(members, themes)
    with db.read() as s:
        rows = s.execute(
            select(Engagement.member_id, Engagement.theme_id, Engagement.level).where(
                Engagement.theme_id.in_([t.theme_id for t in themes])
            )
        ).all()
    grid.levels = {(m, t): level for m, t, level in rows}
    return grid
