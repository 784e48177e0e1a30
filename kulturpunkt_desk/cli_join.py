"""`server join`: a consultant's own file joins the team's database, once.

    kulturpunkt-desk server join --db postgresql+psycopg://login@host/db --from FILE
        [--pair KEY ...] [--keep-both KEY ...] [--dry-run]

It prints what would be copied and the records that look like the team's; each of those is
paired (`--pair`: the same thing) or kept as another (`--keep-both`) before anything is
written (services/joining.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kulturpunkt_desk.domain.errors import DeskError

if TYPE_CHECKING:
    from kulturpunkt_desk.domain.services.joining import Decision, JoinPlan


def register_join(
    server_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    join = server_sub.add_parser(
        "join",
        parents=[common],
        help="flet en konsulents egen databasefil ind i teamets database (én gang)",
    )
    join.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FIL", help="den egen fil"
    )
    join.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="NØGLE",
        help="posten med denne nøgle (fra filen) er den samme som teamets; kan gentages",
    )
    join.add_argument(
        "--keep-both",
        action="append",
        default=[],
        metavar="NØGLE",
        help="posten med denne nøgle er en anden end teamets af samme navn; kan gentages",
    )
    join.add_argument(
        "--dry-run", action="store_true", help="vis kun, hvad der ville ske; intet skrives"
    )
    join.set_defaults(handler=cmd_join)


def cmd_join(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.domain.services.joining import join, plan_join
    from kulturpunkt_desk.storage.startup import start_desk

    if not args.source.is_file():
        raise DeskError(f"Filen {args.source} findes ikke.")
    decisions: dict[str, Decision] = {key: "pair" for key in args.pair}
    decisions.update({key: "keep_both" for key in args.keep_both})
    laptop = start_desk(args.source, create=False, read_only=True)
    try:
        team = open_session(args, writes=not args.dry_run)
        try:
            plan = plan_join(laptop.db, team.db, decisions)
            _print_plan(plan, decisions)
            undecided = plan.undecided(decisions)
            if args.dry_run:
                return 0
            if undecided:
                print(
                    "\nIntet er skrevet. Sig for hver post ovenfor, om den er den samme som "
                    "teamets (--pair NØGLE) eller en anden (--keep-both NØGLE), og kør igen."
                )
                return 1
            done = join(laptop.db, team.db, decisions)
            copied = sum(done.new.values())
            print(f"\nFlettet ind: {copied} poster kopieret til teamets database.")
            for line in done.left_out:
                print(f"Ikke flettet: {line}")
            return 0
        finally:
            team.close()
    finally:
        laptop.close()


def _print_plan(plan: JoinPlan, decisions: dict[str, Decision]) -> None:
    print(f"Fælles poster (samme nøgle): {plan.shared}")
    for table, count in sorted(plan.new.items()):
        print(f"Nye poster i {table}: {count}")
    for label in plan.differing:
        print(f"Ændret på den ene side (teamets udgave gælder): {label}")
    asked = [c for c in plan.candidates if c.asks]
    if asked:
        print("\nPoster, der ligner teamets:")
    for c in asked:
        choice = decisions.get(c.laptop_id)
        if choice == "pair":
            state = "parres med teamets"
        elif choice == "keep_both":
            state = "beholdes som en anden"
        elif c.certain:
            state = "SKAL parres (samme navn): --pair"
        else:
            state = "uafgjort: --pair eller --keep-both"
        print(f"  {c.label}  nøgle {c.laptop_id}  ({state})")
