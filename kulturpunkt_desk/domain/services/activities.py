"""Activities an area carries out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kulturpunkt_desk.storage.engine import Database

from .. import validation as v
from ..errors import Collector
from ..models import Activity, ActivityOrigin, Area, LocalGoalExample, Sector
from .common import apply, get


@dataclass
class ActivityData:
    held_on: date
    title: str
    description: str = ""
    participants: int = 0
    target_groups: list[str] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    # "Udvikle nye eller videreudvikle eksisterende aktiviteter": None when not stated.
    origin: ActivityOrigin | None = None
    # The seed's examples of local goals the activity serves.
    goal_examples: list[LocalGoalExample] = field(default_factory=list)

    def cleaned(self) -> dict[str, object]:
        c = Collector()
        if not isinstance(self.held_on, date):
            c.add("held_on", "Dato: skal udfyldes.")
        values: dict[str, object] = {
            "held_on": self.held_on,
            "title": c.run(v.required, self.title, "title", "Titel"),
            "description": c.run(
                v.optional, self.description, "description", "Beskrivelse", 20_000
            ),
            "participants": c.run(
                v.non_negative_int, self.participants, "participants", "Deltagere"
            ),
            "target_groups": [g.strip() for g in self.target_groups if g.strip()],
            "sectors": [Sector(s).value for s in dict.fromkeys(self.sectors)],
            "origin": ActivityOrigin(self.origin) if self.origin else None,
            "goal_examples": [
                LocalGoalExample(g).value
                for g in sorted(dict.fromkeys(self.goal_examples), key=list(LocalGoalExample).index)
            ],
        }
        c.raise_if_any()
        return values


def add_activity(db: Database, area_id: str, data: ActivityData) -> str:
    values = data.cleaned()
    with db.transaction() as s:
        get(s, Area, area_id, "Lokalområdet")
        activity = Activity(area_id=area_id, **values)
        s.add(activity)
        s.flush()
        return activity.id


def update_activity(db: Database, activity_id: str, data: ActivityData) -> None:
    values = data.cleaned()
    with db.transaction() as s:
        apply(get(s, Activity, activity_id, "Aktiviteten"), values)


def delete_activity(db: Database, activity_id: str) -> None:
    with db.transaction() as s:
        s.delete(get(s, Activity, activity_id, "Aktiviteten"))


def activity_area_id(db: Database, activity_id: str) -> str:
    """The area an activity belongs to (its page shows the activity)."""
    with db.read() as s:
        return get(s, Activity, activity_id, "Aktiviteten").area_id
