"""The desk's views in menu order: one list for the main window and the start-up shell.

Qt-free and SQLAlchemy-free, so the shell can show the navigation before the database
layer is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # Danish source text; translated when shown
    module: str  # under kulturpunkt_desk.ui.views
    class_name: str


VIEWS: list[ViewSpec] = [
    ViewSpec("overview", "Overblik", "overview", "OverviewView"),
    ViewSpec("areas", "Lokalområder", "areas", "AreasView"),
    ViewSpec("sparring", "Sparring", "sparring", "SparringView"),
    ViewSpec("meetings", "Netværksmøder", "meetings", "MeetingsView"),
    ViewSpec("grants", "Tilskud", "grants", "GrantsView"),
    ViewSpec("evaluation", "Evaluering", "evaluation", "EvaluationView"),
    ViewSpec("timeline", "Tidsplan", "timeline", "TimelineView"),
    ViewSpec("people", "Personer og organisationer", "people", "PeopleView"),
    ViewSpec("ekr", "Europæisk Kulturregion", "ekr", "EkrView"),
    # Its title carries the count of open conflicts once the window is up (ui/sync_menu.py).
    ViewSpec("conflicts", "Konflikter", "conflicts", "ConflictsView"),
]
