"""The status summary for the directors' meeting carries the rule, the budget lines, the
action plan and the people, from the same functions the window uses (issue 19, 6-11)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kulturpunkt_desk.domain.money import format_kr
from kulturpunkt_desk.domain.services import (
    ekr_action_plan,
    ekr_budget,
    ekr_forum,
    ekr_frame_rule,
    ekr_partnership,
)
from kulturpunkt_desk.storage.engine import Database


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_status_summary_holds_the_plan_the_budget_and_the_rule(
    ekr_db: Database, tmp_path: Path
) -> None:
    """Seed: "På direktørmøderne drøftes rammerne for fællessekretariatets arbejde, herunder
    strategi, handleplan og budget"."""
    from kulturpunkt_desk.documents.ekr_status import render_status_summary

    pid = ekr_partnership.current_partnership(ekr_db).id  # type: ignore[union-attr]
    out = render_status_summary(ekr_db, pid, 2026, tmp_path / "status.pdf", date(2026, 9, 20))
    text = _pdf_text(out)
    rule = ekr_frame_rule.frame_rule(ekr_db, pid, 2026)
    assert rule is not None and " ".join(rule.summary.split()) in text
    assert "DEMOTAL" in text
    overview = ekr_budget.budget_overview(ekr_db, pid, 2026)
    assert "Budgetposter 2026" in text and overview.eu_summary in text
    for line in overview.lines:
        assert line.name in text
    assert format_kr(overview.spent_ore) in text
    plan = ekr_action_plan.action_plan(ekr_db, pid, 2026)
    assert "Handleplan 2026" in text and "Kommunikation (tværgående indsats)" in text
    assert all(" ".join(r.title.split()[:2]) in text for r in plan.rows)
    assert "(overskredet)" in text  # the effort past its deadline
    forum = ekr_forum.kulturforum_of_year(ekr_db, pid, 2026)
    assert forum is not None
    assert all(p in text for p in ekr_forum.priorities_of(forum))
    assert "Kommunaldirektør udpeget af kommunaldirektørnetværket" in text
    assert "Favrskov Kommune sendte" in text
