"""Offline edits for the sync's property tests, made through the desk's domain services,
and the hypothesis strategies that draw them.

A step names who acts (a laptop, or a colleague working directly on the server), what kind
of edit, and two small numbers that pick the record and the value. Records are picked
among those the actor's database holds at that moment, so every drawn step means something
on any database; an edit the services refuse (a clashing name on the same laptop) is no
edit, as it would be no edit in the window.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta

from hypothesis import strategies as st
from sqlalchemy import select

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.models import (
    Area,
    AreaMember,
    FollowUpAction,
    Person,
    Programme,
    SparringSession,
)
from kulturpunkt_desk.domain.models.enums import CoreElement, SessionForm
from kulturpunkt_desk.domain.services import areas, people, programmes, sparring
from kulturpunkt_desk.storage.engine import Database

# Few names, so that two laptops often give two areas the same one.
AREA_NAMES = ["Fjordglimt", "Lyngbakken", "Havnestrøget", "fjordglimt", "Klithede"]
TEXTS = ["", "Ny tekst", "Aftalt med formanden", "Flyttet til foråret", "Se referat"]
MUNICIPALITIES = ["Thisted", "Morsø", "Læsø", "Hjørring"]
FIRST_DAY = date(2025, 9, 1)

SYNC = "sync"
EDITS = [
    "create_area",
    "rename_area",
    "edit_area",
    "delete_area",
    "create_person",
    "edit_person",
    "delete_person",
    "log_session",
    "edit_session",
    "follow_up_done",
    "move_session",
    "delete_session",
]
# Where a sync can be cut short (the protocol's named steps); None: it runs to its end.
FAULTS: list[str | None] = [
    None,
    "changes_found",
    "pending_written",
    "server_committed",
    "next_base_written",
    "laptop_committed",
]
BEFORE_SERVER = frozenset({"changes_found", "pending_written"})


@dataclass(frozen=True)
class Step:
    actor: int  # a laptop's number; `laptops` (one past the last) is the server
    kind: str
    pick: int = 0
    other: int = 0
    fault: str | None = None

    def __str__(self) -> str:
        if self.kind == SYNC:
            return f"laptop {self.actor}: sync (fault at {self.fault})"
        return f"actor {self.actor}: {self.kind}({self.pick}, {self.other})"


# Edits that touch the same record (or its parent) when they pick the same number.
FAMILIES = [
    ["rename_area", "edit_area", "delete_area", "log_session", "create_person", "create_area"],
    ["edit_session", "move_session", "delete_session", "follow_up_done"],
    ["edit_person", "delete_person"],
]


def steps(laptops: int, max_size: int) -> st.SearchStrategy[list[Step]]:
    """Random offline edits of `laptops` laptops and the server, and random syncs, some
    interrupted at a named step. Half the edits come in contested pairs: two actors edit
    the same record (or one deletes what the other edits) before either has synced."""
    actor = st.integers(0, laptops)
    # Small numbers: the actors often pick the same record and the same field.
    pick, other = st.integers(0, 3), st.integers(0, 5)
    edit = st.builds(Step, actor=actor, kind=st.sampled_from(EDITS), pick=pick, other=other)
    contested = st.builds(
        _contested,
        actors=st.lists(actor, min_size=2, max_size=2, unique=True),
        kinds=st.sampled_from(FAMILIES).flatmap(lambda f: st.tuples(*[st.sampled_from(f)] * 2)),
        pick=pick,
        other=other,
        # 6 keeps every field choice (value % 2, % 3) with another value; 10 keeps the
        # area name (value % 5): two new areas of the same name.
        shift=st.sampled_from([6, 10]),
    )
    sync = st.builds(
        Step, actor=st.integers(0, laptops - 1), kind=st.just(SYNC), fault=st.sampled_from(FAULTS)
    )
    chunk = st.one_of(edit.map(lambda s: [s]), contested, sync.map(lambda s: [s]))
    return st.lists(chunk, min_size=3, max_size=max_size // 2).map(
        lambda chunks: [s for c in chunks for s in c]
    )


def _contested(
    actors: list[int], kinds: tuple[str, str], pick: int, other: int, shift: int
) -> list[Step]:
    return [Step(actors[0], kinds[0], pick, other), Step(actors[1], kinds[1], pick, other + shift)]


# --- the small demo-like database every example starts from ----------------------------


def fill_server(db: Database) -> None:
    """One programme, three areas with two people each, and sparring sessions with
    follow-ups: small, but with parents, children and grandchildren."""
    pid = programmes.create_programme(db, programmes.kulturpunkt_2025_26(), "Aftale {område}")
    for n, name in enumerate(["Fjordglimt", "Lyngbakken", "Havnestrøget"]):
        area = areas.create_area(db, pid, areas.AreaData(name=name, municipality="Thisted"))
        for p in range(2):
            areas.add_new_person(
                db,
                area,
                people.PersonData(name=f"Person {n}.{p}"),
                areas.MemberData(role="Formand"),
            )
        for s in range(n):
            data = session_data(s, follow_ups=s + 1, held_on=FIRST_DAY + timedelta(s))
            data.participant_ids = _members(db, area)[: s + 1]
            sparring.log_session(db, area, data)


def session_data(
    value: int, follow_ups: int = 0, held_on: date = FIRST_DAY
) -> sparring.SessionData:
    return sparring.SessionData(
        held_on=held_on,
        form=list(SessionForm)[value % 3],
        core_elements=[list(CoreElement)[value % 5]],
        notes=TEXTS[value % len(TEXTS)],
        follow_ups=[
            sparring.FollowUpData(description=f"Opfølgning {n}", due_on=held_on + timedelta(7))
            for n in range(follow_ups)
        ],
    )


# --- making one step's edit ----------------------------------------------------------------


def _ids(db: Database, model: type, *where: object) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(model.id).where(*where)))  # type: ignore[attr-defined]


def _pick(db: Database, model: type, n: int) -> str | None:
    found = _ids(db, model)
    return found[n % len(found)] if found else None


def _members(db: Database, area_id: str) -> list[str]:
    with db.read() as s:
        found = s.scalars(select(AreaMember.person_id).where(AreaMember.area_id == area_id))
        return sorted(found)


def _area_data(area: Area, **changed: str) -> areas.AreaData:
    values = {f.name: getattr(area, f.name) for f in fields(areas.AreaData)}
    return areas.AreaData(**{**values, **changed})


def _session_data(db: Database, session_id: str, value: int) -> sparring.SessionData:
    session = sparring.get_session(db, session_id)
    data = sparring.SessionData(
        held_on=session.held_on,
        form=session.form,
        participant_ids=[p.person_id for p in session.participants],
        core_elements=[CoreElement(e) for e in session.core_elements],
        notes=session.notes,
        consultant=session.consultant,
        follow_ups=[
            sparring.FollowUpData(a.description, a.due_on, a.responsible, a.done_on)
            for a in session.follow_ups
        ],
    )
    if value % 3 == 0:
        data.notes = TEXTS[value % len(TEXTS)] + f" ({value})"
    elif value % 3 == 1:
        data.held_on = FIRST_DAY + timedelta(value)
    else:
        data.form = list(SessionForm)[(value // 3) % 3]
    return data


def move_session(db: Database, session_id: str, area_id: str) -> None:
    """Move a sparring session to another area (logged under the wrong one): the desk has
    no service for it yet, so this is the one edit the tests make in a transaction of their
    own, as a service would."""
    with db.transaction() as s:
        session = s.get(SparringSession, session_id)
        assert session is not None
        session.participants.clear()  # people of the old area
        session.area_id = area_id


def make_edit(db: Database, step: Step) -> bool:
    """Make `step`'s edit on `db`; False when there is nothing to edit or the desk refuses."""
    try:
        return _edit(db, step)
    except DeskError:
        return False


def _edit(db: Database, step: Step) -> bool:
    kind, n, value = step.kind, step.pick, step.other
    area_id = _pick(db, Area, n)
    if kind == "create_area":
        programme_id = _pick(db, Programme, 0)
        assert programme_id is not None
        name = f"{AREA_NAMES[value % len(AREA_NAMES)]}"
        areas.create_area(db, programme_id, areas.AreaData(name=name, municipality="Morsø"))
        return True
    if kind == "create_person" and area_id is not None:
        person = people.PersonData(name=f"Ny person {value}", email=f"p{value}@example.dk")
        if value % 2:
            people.create_person(db, person)
        else:
            areas.add_new_person(db, area_id, person, areas.MemberData(role="Kasserer"))
        return True
    if kind == "log_session" and area_id is not None:
        data = session_data(value, follow_ups=value % 3)
        data.participant_ids = _members(db, area_id)[: value % 3]
        sparring.log_session(db, area_id, data)
        return True
    if kind in ("rename_area", "edit_area") and area_id is not None:
        area = areas.get_area(db, area_id)
        if kind == "rename_area":
            data = _area_data(area, name=AREA_NAMES[value % len(AREA_NAMES)])
        elif value % 2:
            data = _area_data(area, municipality=MUNICIPALITIES[value % len(MUNICIPALITIES)])
        else:
            data = _area_data(area, notes=TEXTS[value % len(TEXTS)])
        areas.update_area(db, area_id, data)
        return True
    if kind == "delete_area" and area_id is not None:
        areas.delete_area(db, area_id)
        return True
    person_id = _pick(db, Person, n)
    if kind == "edit_person" and person_id is not None:
        person = people.get_person(db, person_id)
        changed = (
            {"phone": str(20_000_000 + value * 1111)} if value % 2 else {"title": TEXTS[value % 5]}
        )
        people.update_person(
            db,
            person_id,
            people.PersonData(
                **{
                    "name": person.name,
                    "email": person.email,
                    "phone": person.phone,
                    "title": person.title,
                    "organisation_id": person.organisation_id,
                    "notes": person.notes,
                    **changed,
                }
            ),
        )
        return True
    if kind == "delete_person" and person_id is not None:
        people.delete_person(db, person_id)
        return True
    session_id = _pick(db, SparringSession, n)
    if session_id is None:
        return False
    if kind == "edit_session":
        sparring.update_session(db, session_id, _session_data(db, session_id, value))
        return True
    if kind == "follow_up_done":
        action_id = _pick(db, FollowUpAction, n + value)
        if action_id is None:
            return False
        sparring.set_follow_up_done(db, action_id, FIRST_DAY + timedelta(30 + value))
        return True
    if kind == "move_session":
        target = _pick(db, Area, value)
        if target is None:
            return False
        move_session(db, session_id, target)
        return True
    if kind == "delete_session":
        sparring.delete_session(db, session_id)
        return True
    return False
