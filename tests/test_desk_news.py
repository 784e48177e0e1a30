"""Desks on one server hear each other's saves within moments (PostgreSQL LISTEN/NOTIFY)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.domain.services import areas
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.postgresql_only


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    other = Database(db.backend.target, user="søren")
    yield other
    other.close()


class Heard:
    def __init__(self) -> None:
        self.news: list[tuple[frozenset[str], str]] = []
        self.arrived = threading.Event()

    def __call__(self, kinds: frozenset[str], who: str) -> None:
        self.news.append((kinds, who))
        self.arrived.set()


def test_a_colleagues_save_is_heard_and_a_desk_does_not_hear_itself(
    db: Database, colleague: Database, programme_id: str
) -> None:
    mine, theirs = Heard(), Heard()
    assert db.listen(mine) and colleague.listen(theirs)
    area_id = areas.create_area(colleague, programme_id, AreaData("Fjordglimt", "Aalborg"))
    assert mine.arrived.wait(10)
    ((kinds, who),) = mine.news
    assert "area" in kinds and who == "søren"

    areas.update_area(db, area_id, AreaData("Fjordglimt", "Hjørring"))
    assert theirs.arrived.wait(10)
    assert "area" in theirs.news[-1][0] and theirs.news[-1][1] == "testbruger"
    assert len(mine.news) == 1  # its own save is not news to the desk that made it
    db.close()


def test_the_window_shows_a_colleagues_new_area_without_a_refresh(
    qtbot: QtBot, db: Database, colleague: Database, programme_id: str
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("areas")
    areas.create_area(colleague, programme_id, AreaData("Skovkanten", "Morsø"))

    def shown() -> None:
        names = [row.name for row in view.model.rows]  # type: ignore[attr-defined]
        assert "Skovkanten" in names

    qtbot.waitUntil(shown, timeout=10_000)
    assert "søren har gemt ændringer" in window.statusBar().currentMessage()
    db.close()
