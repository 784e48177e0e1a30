"""Sub-commands for the week ahead: the calendar file and what needs attention.

kulturpunkt-desk calendar --db PATH --out FIL.ics [--area NAVN] [--mine [NAVN]]
kulturpunkt-desk overblik --db PATH [--date DD.MM.YYYY] [--json]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kulturpunkt_desk.storage.engine import Database


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    from kulturpunkt_desk.cli_parser import add_out_option

    cal = sub.add_parser(
        "calendar",
        parents=[common],
        help="programmets datoer som kalenderfil til Outlook og Thunderbird (.ics)",
    )
    add_out_option(cal, "kalenderfilen (.ics)", suffixes=(".ics",))
    cal.add_argument("--area", metavar="NAVN", help="kun ét lokalområdes begivenheder")
    cal.add_argument(
        "--mine",
        nargs="?",
        const="",
        metavar="NAVN",
        help="kun sparringsmøder og opfølgninger med dette navn (standard: dit brugernavn)",
    )
    cal.set_defaults(handler=cmd_calendar)

    from kulturpunkt_desk.cli_ekr import _date

    look = sub.add_parser(
        "overblik",
        parents=[common],
        help="det, der kræver opmærksomhed, og de kommende 14 dage (til en morgentjek)",
    )
    look.add_argument("--date", type=_date, metavar="DD.MM.ÅÅÅÅ", help="dagen (standard: i dag)")
    look.add_argument("--json", action="store_true", help="ét JSON-objekt til et planlagt job")
    look.set_defaults(handler=cmd_overblik)

    mail = sub.add_parser("mail", help="e-mailkladder (.eml) til dit mailprogram; intet sendes")
    kinds = mail.add_subparsers(dest="mail_kind", metavar="HVAD", required=True)
    agreement = kinds.add_parser(
        "agreement",
        parents=[common],
        help="samarbejdsaftalen til lokalområdets primære kontaktperson",
    )
    agreement.add_argument("--area", required=True, metavar="NAVN", help="lokalområdets navn")
    reminder = kinds.add_parser(
        "reminder", parents=[common], help="påmindelse til lokalområder, der mangler evaluering"
    )
    reminder.add_argument(
        "--date", type=_date, metavar="DD.MM.ÅÅÅÅ", help="dagen (standard: i dag)"
    )
    invitation = kinds.add_parser(
        "invitation", parents=[common], help="invitation til et netværksmøde til alle lokalområder"
    )
    invitation.add_argument(
        "--meeting", required=True, metavar="TITEL", help="netværksmødets titel"
    )
    for parser in (agreement, reminder, invitation):
        add_out_option(parser, "e-mailkladden (.eml)", suffixes=(".eml",))
        parser.set_defaults(handler=cmd_mail)


def cmd_calendar(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli_documents import _with_programme
    from kulturpunkt_desk.documents.programme_calendar import write_programme_calendar
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import areas, calendar
    from kulturpunkt_desk.storage.engine import current_user

    out = Path(args.out)  # checked by cli_parser before the command runs
    mine = None if args.mine is None else (args.mine.strip() or current_user())

    def work(db: Database, programme_id: int) -> int:
        area_id = areas.find_area(db, programme_id, args.area).id if args.area else None
        if not calendar.programme_events(db, programme_id, area_id, mine):
            raise DeskError("Der er ingen datoer at gemme; ingen fil er skrevet.")
        print(f"Gemt: {write_programme_calendar(db, programme_id, out, area_id, mine)}")
        return 0

    return _with_programme(args, work)


def cmd_overblik(args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from kulturpunkt_desk.cli_documents import _with_programme
    from kulturpunkt_desk.domain.dates import short_date
    from kulturpunkt_desk.domain.services import week
    from kulturpunkt_desk.domain.services.attention import ATTENTION_LABELS, overdue_items

    today: date = args.date or date.today()

    def work(db: Database, programme_id: int) -> int:
        overdue = [
            {
                "group": ATTENTION_LABELS[i.kind],
                "area": i.area_name,
                "due_date": i.due_on.isoformat(),
                "days_overdue": i.days_overdue,
                "text": i.text,
            }
            for i in overdue_items(db, programme_id, today)
        ]
        upcoming = [
            {
                "group": i.group,
                "area": i.area_name,
                "due_date": i.due_on.isoformat(),
                "text": i.text,
            }
            for i in week.ahead(db, programme_id, today)
        ]
        if args.json:
            result = {"date": today.isoformat(), "overdue": overdue, "upcoming": upcoming}
            print(json.dumps(result, ensure_ascii=False, indent=2))
            return 0
        print(f"Overblik {short_date(today)}")
        for title, items in (
            (f"Overskredet: {len(overdue)}", overdue),
            (f"De næste {week.COMING_DAYS} dage: {len(upcoming)}", upcoming),
        ):
            print(f"\n{title}")
            groups: dict[str, list[dict[str, object]]] = {}
            for item in items:
                groups.setdefault(str(item["group"]), []).append(item)
            for group, members in groups.items():
                print(f"  {group} ({len(members)})")
                for item in members:
                    day = short_date(date.fromisoformat(str(item["due_date"])))
                    area = f"{item['area']}: " if item["area"] else ""
                    print(f"    {day}  {area}{item['text']}")
        return 0

    return _with_programme(args, work)


def cmd_mail(args: argparse.Namespace) -> int:
    import sys
    from datetime import date

    from kulturpunkt_desk.cli_documents import _with_programme
    from kulturpunkt_desk.documents.mail_draft import write_draft
    from kulturpunkt_desk.domain.errors import DeskError
    from kulturpunkt_desk.domain.services import areas, mail, meetings

    out = Path(args.out)  # checked by cli_parser before the command runs

    def work(db: Database, programme_id: int) -> int:
        if args.mail_kind == "agreement":
            draft = mail.agreement_mail(db, areas.find_area(db, programme_id, args.area).id)
        elif args.mail_kind == "reminder":
            draft = mail.evaluation_reminder(db, programme_id, args.date or date.today())
        else:
            wanted = args.meeting.casefold()
            found = [
                m for m in meetings.list_meetings(db, programme_id) if m.title.casefold() == wanted
            ]
            if not found:
                raise DeskError(f"--meeting: intet netværksmøde hedder «{args.meeting}».")
            draft = mail.meeting_invitation(db, found[0].id)
        print(f"Gemt: {write_draft(db, draft, out)} (åbn den i dit mailprogram; intet er sendt)")
        if draft.without_address:
            print("Uden e-mailadresse: " + ", ".join(draft.without_address), file=sys.stderr)
        return 0

    return _with_programme(args, work)
