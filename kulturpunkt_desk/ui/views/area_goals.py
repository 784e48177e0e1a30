"""What the area page's first tab says about goals and selection: the three levels of goals
(the area's own, the project's, the strategy's) and the team's assessment of the criteria."""

from __future__ import annotations

from html import escape

from kulturpunkt_desk.domain.models import (
    ASSESSMENT_LABELS,
    PROJECT_GOAL_LABELS,
    SELECTION_CRITERION_LABELS,
    STRATEGY_SOURCE,
    Area,
    ExpressionOfInterest,
)
from kulturpunkt_desk.domain.services.selection import assessments_of

NOT_FILLED = "(ikke udfyldt)"


def goal_levels_html(area: Area) -> str:
    """Local level (the area's), project level (the programme's four), strategy level."""

    def text(value: str) -> str:
        return escape(value).replace("\n", "<br>") if value else f"<i>{NOT_FILLED}</i>"

    local = [
        ("Udfordringer", area.local_challenges),
        ("Potentialer", area.local_potentials),
        ("Ambitioner", area.local_ambitions),
        ("Lokale mål", area.local_goals),
    ]
    project = "".join(f"<li>{escape(label)}</li>" for label in PROJECT_GOAL_LABELS.values())
    return (
        "<p><b>Lokalt niveau</b> (lokalområdets egne mål)</p>"
        + "".join(f"<p>{escape(label)}: {text(value)}</p>" for label, value in local)
        + "<p><b>Projektniveau</b>: gennem kunst og kultur styrkes</p>"
        + f"<ul style='margin-top:0'>{project}</ul>"
        + f"<p><b>Strateginiveau</b> ({escape(STRATEGY_SOURCE)})</p>"
        + f"<p>{text(area.programme.strategy_goal)}</p>"
    )


def assessment_lines(interest: ExpressionOfInterest) -> list[str]:
    """The team's assessment, one line per criterion, and the reason for the decision."""
    lines = ["", "Teamets vurdering:"]
    for criterion, given in assessments_of(interest).items():
        score = (
            f"{given.score} {ASSESSMENT_LABELS[given.score].lower()}"
            if given.score is not None
            else "ikke vurderet"
        )
        note = f" – {given.note}" if given.note else ""
        lines.append(f"• {SELECTION_CRITERION_LABELS[criterion]}: {score}{note}")
    lines += ["", f"Begrundelse: {interest.decision_reason or '(ingen)'}"]
    return lines
