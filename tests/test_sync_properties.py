"""Issue 12, point 5: laptops that worked offline merge with no lost edit, proved by
property tests against the suite's real PostgreSQL.

Two and three laptop copies and a colleague on the server make random edits through the
domain services (create, edit, delete, move a sparring session to another area, rename an
area to a name another area has) and sync at random, some syncs cut short at a named step.
After every sync (tests/sync_world.py, tests/sync_model.py):
- every change the laptop sent is on the server, or an open conflict keeps its value;
- nothing else changed on the server, and nothing the laptop had not seen was overwritten;
- a sync cut before the server committed left server and laptop exactly as before; one cut
  later left the laptop as before or fully as the server;
and after everyone has synced twice each laptop equals the server table by table, row by
row, and every laptop file, every base and the server's foreign keys are sound.

Deliberately broken merge rules make the same properties fail (the last tests).
Few examples, a small database and a cheap reset of the server keep the file well under a
minute; set KULTURPUNKT_SYNC_EXAMPLES=40 for a longer random search locally (and
KULTURPUNKT_SYNC_SHRINK=1 to shrink what it finds).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, find, given, settings
from postgres_server import Databases
from sync_steps import SYNC, Step, move_session, session_data, steps
from sync_world import run, sync_and_check, team

from kulturpunkt_desk.domain.services import areas, programmes, sparring
from kulturpunkt_desk.domain.services.sync import MergeRules, Verdict

pytestmark = pytest.mark.postgresql_only

EXAMPLES = int(os.environ.get("KULTURPUNKT_SYNC_EXAMPLES", "0"))
SHRINK = os.environ.get("KULTURPUNKT_SYNC_SHRINK") == "1"
# Each example syncs a dozen times against the server: seconds, not milliseconds. A found
# failure is printed as drawn (shrinking it takes many minutes: KULTURPUNKT_SYNC_SHRINK=1).
PROPERTY = settings(
    deadline=None,
    derandomize=not EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate, *([Phase.shrink] if SHRINK else [])],
    database=None,
)


@pytest.fixture
def databases(postgres_server: Databases) -> Databases:
    return postgres_server


@settings(PROPERTY, max_examples=EXAMPLES or 6)
@given(drawn=steps(laptops=2, max_size=16))
def test_two_laptops_merge_with_no_lost_edit(
    databases: Databases, tmp_path: Path, drawn: list[Step]
) -> None:
    with team(databases, tmp_path, laptops=2) as t:
        event(f"conflicts: {sorted(set(run(t, drawn)))}")


@settings(PROPERTY, max_examples=EXAMPLES or 3)
@given(drawn=steps(laptops=3, max_size=18))
def test_three_laptops_merge_with_no_lost_edit(
    databases: Databases, tmp_path: Path, drawn: list[Step]
) -> None:
    with team(databases, tmp_path, laptops=3) as t:
        event(f"conflicts: {sorted(set(run(t, drawn)))}")


SERVER_OF_TWO = 2  # the actor number of the colleague on the server, beside two laptops
# Two laptops change the same field of the first area to different values.
SAME_FIELD = [
    Step(0, "edit_area", pick=0, other=1),  # municipality: Morsø
    Step(1, "edit_area", pick=0, other=3),  # municipality: Hjørring
    Step(0, SYNC),
    Step(1, SYNC),
]
# A colleague logs a sparring session under an area that a laptop deletes offline.
COLLEAGUES_CHILD = [
    Step(SERVER_OF_TWO, "log_session", pick=0, other=1),
    Step(0, "delete_area", pick=0),
    Step(0, SYNC),
]


# A laptop edits a sparring session with participants; nobody else touches the server.
# (The service writes the participants anew: the same people as new rows.)
SESSION_ALONE = [Step(0, "edit_session", pick=0, other=0), Step(0, SYNC)]


def test_a_session_edited_on_one_laptop_alone_merges_without_conflict(
    databases: Databases, tmp_path: Path
) -> None:
    with team(databases, tmp_path, laptops=2) as t:
        assert run(t, SESSION_ALONE) == []


def test_two_syncs_cut_after_the_server_committed_send_nothing_twice(
    databases: Databases, tmp_path: Path
) -> None:
    """Found by the three-laptop property (random search, KULTURPUNKT_SYNC_EXAMPLES=40)."""
    with team(databases, tmp_path, laptops=2) as t:
        area = areas.list_areas(t.desks[0], programmes.list_programmes(t.desks[0])[0].id)[0]
        session = sparring.log_session(t.desks[0], area.id, session_data(1, follow_ups=1))
        sync_and_check(t, 0, "server_committed")
        sync_and_check(t, 0, "server_committed")
        sparring.delete_session(t.server, session)  # a colleague, on the server
        sync_and_check(t, 0)


def test_a_move_refused_on_the_server_leaves_the_laptop_as_the_server(
    databases: Databases, tmp_path: Path
) -> None:
    """Found by the random two-laptop search (KULTURPUNKT_SYNC_EXAMPLES=40, seed
    340024442632376590533661689516515691126): a laptop moves a sparring session with
    follow-ups to another area, which a colleague deletes on the server meanwhile. The move
    is refused (missing parent) and the server keeps the session where it was, with its
    follow-ups; after the sync the laptop must hold the same."""
    with team(databases, tmp_path, laptops=2) as t:
        laptop = t.desks[1]
        programme = programmes.list_programmes(laptop)[0].id
        session = next(s for s in sparring.list_sessions(laptop, programme))
        other = next(a for a in areas.list_areas(laptop, programme) if a.id != session.area_id)
        move_session(laptop, session.id, other.id)
        areas.delete_area(t.server, other.id)  # a colleague, on the server
        sync_and_check(t, 1)


KLITHEDE = 4  # AREA_NAMES[4], a name no area has at the start
# Two laptops each create an area named Klithede.
SAME_NEW_NAME = [
    Step(0, "create_area", other=KLITHEDE),
    Step(1, "create_area", other=KLITHEDE),
    Step(0, SYNC),
    Step(1, SYNC),
]
# One laptop renames an area to Klithede, the other creates a Klithede; either syncs first.
RENAME_THEN_NEW = [
    Step(0, "rename_area", pick=0, other=KLITHEDE),
    Step(1, "create_area", other=KLITHEDE),
    Step(0, SYNC),
    Step(1, SYNC),
]
NEW_THEN_RENAME = [*RENAME_THEN_NEW[:2], Step(1, SYNC), Step(0, SYNC)]


@pytest.mark.parametrize(
    "scenario",
    [SAME_NEW_NAME, RENAME_THEN_NEW, NEW_THEN_RENAME],
    ids=["two_new", "rename_then_new", "new_then_rename"],
)
def test_a_clashing_area_name_is_a_unique_conflict(
    databases: Databases, tmp_path: Path, scenario: list[Step]
) -> None:
    with team(databases, tmp_path, laptops=2) as t:
        assert "unique" in run(t, scenario)


class LastWriterWins(MergeRules):
    """Broken on purpose: the laptop's value overwrites the server's, never a conflict."""

    def column(self, table: str, column: str, old: Any, new: Any, server: Any) -> Verdict:
        return Verdict.TAKE


class ChildrenWithoutParent(MergeRules):
    """Broken on purpose: a parent is deleted although the server has children of it that
    the laptop never saw (they go with it, by the server's cascade)."""

    def keep_deleted(self, changed_on_server: bool, children_on_server: int) -> bool:
        return changed_on_server


@pytest.mark.parametrize(
    "scenario", [SAME_FIELD, COLLEAGUES_CHILD], ids=["same_field", "colleagues_child"]
)
def test_the_sync_s_own_rules_pass_the_fixed_scenarios(
    databases: Databases, tmp_path: Path, scenario: list[Step]
) -> None:
    with team(databases, tmp_path, laptops=2) as t:
        run(t, scenario)


def test_last_writer_wins_is_shown_to_lose_a_colleague_s_edit(
    databases: Databases, tmp_path: Path
) -> None:
    with (
        team(databases, tmp_path, laptops=2, rules=LastWriterWins()) as t,
        pytest.raises(AssertionError, match="a colleague's edit lost"),
    ):
        run(t, SAME_FIELD)


def test_deleting_a_parent_without_its_server_children_is_shown_to_lose_them(
    databases: Databases, tmp_path: Path
) -> None:
    with (
        team(databases, tmp_path, laptops=2, rules=ChildrenWithoutParent()) as t,
        pytest.raises(AssertionError, match="vanished from the server, not deleted"),
    ):
        run(t, COLLEAGUES_CHILD)


def test_the_random_search_itself_finds_last_writer_wins_out(
    databases: Databases, tmp_path: Path
) -> None:
    """Not only the scenario written for it: the drawn edits and syncs catch the broken rule."""

    def loses_an_edit(drawn: list[Step]) -> bool:
        with team(databases, tmp_path, laptops=2, rules=LastWriterWins()) as t:
            try:
                run(t, drawn)
            except AssertionError:
                return True
        return False

    found = find(
        steps(laptops=2, max_size=16),
        loses_an_edit,
        settings=settings(PROPERTY, max_examples=25, phases=[Phase.generate]),
    )
    assert any(step.kind == SYNC for step in found)
