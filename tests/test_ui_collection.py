"""The garbage collector keeps out of a view's refresh and out of start-up's objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import collection
from kulturpunkt_desk.ui.main_window import VIEWS, MainWindow


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    gc.enable()


def test_every_view_refreshes_with_the_collector_held_off_and_restored(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    seen: list[bool] = []
    original = gc.isenabled

    for spec in VIEWS:
        view = window.show_view(spec.key)
        # What a load inside the refresh would find: record the collector's state there.
        monkeypatch.setattr(
            view.ctx.db, "read", _watching(view.ctx.db.read, lambda: seen.append(original()))
        )
        view.refresh()
        monkeypatch.undo()
        assert gc.isenabled(), spec.key
    assert seen and not any(seen)


def _watching(read: object, note: object) -> object:
    def watched(*args: object, **kwargs: object) -> object:
        note()  # type: ignore[operator]
        return read(*args, **kwargs)  # type: ignore[operator]

    return watched


def test_a_refresh_that_fails_still_gives_the_collector_back() -> None:
    @collection.without_collection
    def failing() -> None:
        assert not gc.isenabled()
        raise RuntimeError("brudt")

    with pytest.raises(RuntimeError):
        failing()
    assert gc.isenabled()


def test_after_start_up_its_objects_are_left_out_of_collections(
    restored_collector: None,
) -> None:
    before = gc.get_freeze_count()
    collection.settle_after_start()
    assert gc.get_freeze_count() > before
    assert gc.get_threshold()[0] == collection.YOUNG_THRESHOLD
