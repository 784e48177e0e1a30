"""One figure, one rule: random programmes (hypothesis) where every figure shown in more than
one place is the same everywhere: Overblik's attention items and money, the area list's
rows, the Tilskud rows, Evaluering's states, the status summary's data and the `overblik`
command's JSON; and names in Danish order wherever they are listed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import itertools
import json
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kulturpunkt_desk.cli import main
from kulturpunkt_desk.documents.status_data import status_data
from kulturpunkt_desk.domain.danish import sort_key
from kulturpunkt_desk.domain.models import InterestDecision, SessionForm
from kulturpunkt_desk.domain.services import (
    areas,
    attention,
    evaluations,
    grants,
    overview,
    programmes,
    sparring,
)
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.evaluations import EvaluationData
from kulturpunkt_desk.domain.services.grants import AgreementData, InstalmentData, InterestData
from kulturpunkt_desk.domain.services.sparring import SessionData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui.models.grant_rows import grant_rows

NAMES = ["Ærø", "Østerø", "Åby", "Aalborg", "Brønderslev", "Skovkanten", "Fjordglimt", "Engholm"]
START = date(2025, 3, 1)  # the demo programme's timeline runs 2025-26
counter = itertools.count()

area_plans = st.fixed_dictionaries(
    {
        "interest": st.sampled_from(["none", "pending", "accepted", "declined"]),
        "agreement": st.sampled_from(["none", "sent", "area", "both"]),
        "grant_kr": st.none() | st.integers(1_000, 80_000),
        # Instalments as parts of the grant (never more than awarded), due on a day
        # offset from START, paid or not (paid only when the agreement allows it).
        "instalments": st.lists(
            st.tuples(st.integers(1, 3), st.integers(0, 700), st.booleans()), max_size=3
        ),
        "sessions": st.lists(st.integers(0, 700), max_size=3),
        "evaluation": st.none() | st.integers(300, 700),
        "closed": st.booleans(),
    }
)
programme_plans = st.lists(
    st.tuples(st.sampled_from(NAMES), area_plans),
    min_size=1,
    max_size=5,
    unique_by=lambda named: named[0],
)


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def build(db: Database, plan: list[tuple[str, dict[str, Any]]]) -> int:
    template = programmes.kulturpunkt_2025_26()
    name = f"Kulturpunkt prøve {next(counter)}"
    template = dataclasses.replace(template, data=dataclasses.replace(template.data, name=name))
    pid = programmes.create_programme(db, template, "Aftale {område}")
    for area_name, p in plan:
        area_id = areas.create_area(db, pid, AreaData(area_name, "Læsø"))
        if p["interest"] != "none":
            decision = InterestDecision(p["interest"])
            decided = day(40) if decision != InterestDecision.PENDING else None
            grants.record_interest(db, area_id, InterestData(day(30), "", decision, decided))
        signed = p["agreement"] == "both"
        if p["agreement"] != "none":
            grants.record_agreement(
                db,
                area_id,
                AgreementData(
                    sent_on=day(60),
                    signed_by_area_on=day(70) if p["agreement"] in ("area", "both") else None,
                    signed_by_region_on=day(80) if signed else None,
                ),
            )
        if p["grant_kr"] is not None:
            grant_ore = p["grant_kr"] * 100
            grants.award_grant(db, area_id, grant_ore, day(50))
            for parts, due, paid in p["instalments"]:
                amount = grant_ore * parts // 10  # at most 9/10 in all
                paid_on = day(due + 5) if paid and signed else None
                grants.add_instalment(db, area_id, InstalmentData(amount, day(due), paid_on))
        for held in p["sessions"]:
            sparring.log_session(db, area_id, SessionData(day(held), SessionForm.PHYSICAL))
        if p["evaluation"] is not None:
            received = EvaluationData(day(p["evaluation"]), declared_spending_ore=1_000_00)
            evaluations.add_evaluation(db, area_id, received)
        if p["closed"]:
            areas.close_area(db, area_id, day(650))
    return pid


def cli_overblik(db: Database, today: date) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["overblik", "--db", str(db.target), "--date", f"{today:%d.%m.%Y}", "--json"])
    assert code == 0
    return dict(json.loads(out.getvalue()))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=programme_plans, offset=st.integers(0, 730))
def test_every_figure_shown_twice_is_the_same_everywhere(
    db: Database, plan: list[tuple[str, dict[str, Any]]], offset: int
) -> None:
    pid = build(db, plan)
    today = day(offset)
    summaries = overview.area_summaries(db, pid)
    by_id = {s.id: s for s in summaries}
    money = overview.money_totals(db, pid)
    items = attention.attention_items(db, pid, today)
    overdue = [i for i in items if i.overdue]
    summary = status_data(db, pid, today)

    # Money: Overblik's totals = the area list's rows = the Tilskud rows = the status summary.
    assert money.awarded_ore == sum(s.awarded_ore for s in summaries)
    assert money.paid_ore == sum(s.paid_ore for s in summaries)
    assert money.left_to_pay_ore == sum(s.left_to_pay_ore for s in summaries)
    for row in grant_rows(grants.grant_overview(db, pid)):
        shown = by_id[row.area.id]
        assert (row.awarded, row.paid, row.left) == (
            shown.awarded_ore,
            shown.paid_ore,
            shown.left_to_pay_ore,
        )
    assert summary.money == money
    figures = dict(summary.key_figures())
    assert figures["Overskredne punkter"] == len(overdue)

    # Status: the area list's and the status summary's, area by area.
    assert [(r.name, r.status) for r in summary.rows] == [(s.name, s.status) for s in summaries]
    assert sum(n for _label, n in summary.status_counts) == len(plan)

    # Who owes an evaluation: Overblik's items = Evaluering's states = the status summary.
    states = attention.evaluation_state_parts(db, pid, today)
    missing = {i.area_id for i in overdue if i.kind == attention.AttentionKind.EVALUATION_MISSING}
    assert missing == {a for a, (state, _) in states.items() if state == attention.MISSING}
    texts = attention.evaluation_states(db, pid, today)
    assert [r.evaluation for r in summary.rows] == [texts[s.id] for s in summaries]

    # The command line's morning check counts what Overblik and the status summary count.
    result = cli_overblik(db, today)
    assert len(result["overdue"]) == len(overdue) == len(summary.overdue)
    assert [o["area"] for o in result["overdue"]] == [i.area_name for i in overdue]

    # Names in Danish order (Ærø, Østerø, Åby, Aalborg) in every list.
    names = [s.name for s in summaries]
    assert names == sorted(names, key=sort_key)
    assert [a.name for a in grants.grant_overview(db, pid)] == names
    assert [a.name for a in evaluations.evaluation_overview(db, pid)] == names
