"""The next round of a programme from the command line:

kulturpunkt-desk programme new-round --db PATH --from NAVN --name NAVN --start DD.MM.ÅÅÅÅ
    [--without-areas]
"""

from __future__ import annotations

import argparse


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    from kulturpunkt_desk.cli_ekr import _date

    programme = sub.add_parser("programme", help="programmer og deres runder")
    what = programme.add_subparsers(dest="programme_command", metavar="HVAD", required=True)
    new = what.add_parser(
        "new-round",
        parents=[common],
        help="næste runde: samme indstillinger og aftaletekst, tidsplanen flyttet",
    )
    new.add_argument(
        "--from", dest="source", required=True, metavar="NAVN", help="den afsluttede runde"
    )
    new.add_argument("--name", required=True, metavar="NAVN", help="den nye rundes navn")
    new.add_argument(
        "--start", type=_date, required=True, metavar="DD.MM.ÅÅÅÅ", help="den nye rundes start"
    )
    new.add_argument(
        "--without-areas", action="store_true", help="tag ikke lokalområderne med som kandidater"
    )
    new.set_defaults(handler=cmd_new_round)


def cmd_new_round(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli import open_session
    from kulturpunkt_desk.domain.dates import short_date
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import areas, programmes
    from kulturpunkt_desk.domain.services.next_round import NewRoundData, new_round

    session = open_session(args, writes=True)  # the one door: checks, lock, schema
    db = session.db
    try:
        wanted = args.source.casefold()
        found = [p for p in programmes.list_programmes(db) if p.name.casefold() == wanted]
        if not found:
            raise DeskError(f"--from: intet program hedder «{args.source}».")
        data = NewRoundData(args.name, args.start, carry_areas=not args.without_areas)
        new_id = new_round(db, found[0].id, data)
        programme = programmes.current_programme(db)
        assert programme is not None and programme.id == new_id
        carried = len(areas.list_areas(db, new_id))
        print(f"Oprettede {programme.name} med {len(programme.milestones)} milepæle:")
        for m in programme.milestones:
            print(f"  {short_date(m.starts_on)}–{short_date(m.ends_on)}  {m.title}")
        print(f"{carried} lokalområder er taget med som kandidater.")
        return 0
    finally:
        session.close()
