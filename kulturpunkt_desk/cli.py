"""The `kulturpunkt-desk` command: opens the desk, or runs the same services without a window.

Topic modules (cli_*.py) add their own sub-commands through `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kulturpunkt_desk import __version__
from kulturpunkt_desk.cli_parser import DanishArgumentParser, check_out_option

if TYPE_CHECKING:
    from kulturpunkt_desk.storage.startup import DeskSession

# Sub-command modules; each has register(subparsers, db_option).
TOPIC_MODULES: list[str] = [
    "kulturpunkt_desk.cli_safety",
    "kulturpunkt_desk.cli_documents",
    "kulturpunkt_desk.cli_ekr",
    "kulturpunkt_desk.cli_week",
    "kulturpunkt_desk.cli_forms",  # after cli_safety: adds `import form`
    "kulturpunkt_desk.cli_rounds",
    "kulturpunkt_desk.cli_people",
]

Handler = Callable[[argparse.Namespace], int]


def db_option() -> argparse.ArgumentParser:
    """The shared --db option (a parent parser), so it works before or after a sub-command."""
    parent = DanishArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="STI",
        help="databasefilen (standard: KULTURPUNKT_DB eller filen i brugerens datamappe)",
    )
    return parent


def resolve_db(args: argparse.Namespace) -> Path:
    from kulturpunkt_desk.storage.paths import default_db_path

    path = getattr(args, "db", None)
    return Path(path) if path else default_db_path()


def open_session(args: argparse.Namespace, *, writes: bool, create: bool = False) -> DeskSession:
    """Open the --db file through the desk's one start-up path, as the window does.

    storage/startup.start_desk recognises the file before anything is written (a damaged
    or foreign file is refused untouched), takes the desk lock and checks the schema. A
    command that only reads may still run beside an open desk: it then reads read-only.
    `create` makes a database only where no file exists.
    """
    from kulturpunkt_desk.storage.desk_lock import DeskLockedError, LockUnavailableError
    from kulturpunkt_desk.storage.startup import start_desk

    path = resolve_db(args)
    try:
        # A backup before a command writes; a file just made needs none.
        return start_desk(path, create=create, startup_backup=writes and path.exists())
    except (DeskLockedError, LockUnavailableError):
        if writes:
            raise
        return start_desk(path, create=False, read_only=True)


def build_parser() -> argparse.ArgumentParser:
    common = db_option()
    parser = DanishArgumentParser(
        prog="kulturpunkt-desk",
        description="Kulturpunkt Desk: lokalområder, tilskud, sparring og evaluering.",
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Kulturpunkt Desk {__version__}",
        help="vis versionsnummeret og afslut",
    )
    # Hidden: the packaged desk's test shows the window once and quits (packaging/test_bundle.sh).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    init = sub.add_parser(
        "init", parents=[common], help="opret en database med Kulturpunkt 2025-26"
    )
    init.add_argument("--demo", action="store_true", help="fyld 11 opdigtede lokalområder på")
    init.set_defaults(handler=cmd_init)

    check = sub.add_parser("check", parents=[common], help="kontrollér databasefilen")
    check.set_defaults(handler=cmd_check)

    for name in TOPIC_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.domain.demo import load_demo
    from kulturpunkt_desk.domain.ekr_demo import load_ekr_demo
    from kulturpunkt_desk.domain.services import programmes
    from kulturpunkt_desk.resources import default_agreement_text

    path = resolve_db(args)
    session = open_session(args, writes=True, create=True)
    db = session.db
    try:
        if programmes.list_programmes(db):
            print(
                f"{path} har allerede et program; intet er ændret. "
                "Vælg en anden fil med --db for at starte forfra.",
                file=sys.stderr,
            )
            return 1
        programme_id = programmes.create_programme(
            db, programmes.kulturpunkt_2025_26(), default_agreement_text()
        )
        if args.demo:
            load_demo(db, programme_id)
            load_ekr_demo(db)  # Europæisk Kulturregion beside Kulturpunkt, in the same file
        what = "med demodata (opdigtede navne)" if args.demo else "uden lokalområder"
        print(f"Oprettede Kulturpunkt 2025-26 {what} i {path}")
        return 0
    finally:
        session.close()


def cmd_check(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.storage.restore import check_and_offer

    report = check_and_offer(resolve_db(args))
    for line in report.lines:
        print(line)
    return 0 if report.sound else 1


def cmd_open(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.ui.app import run

    return run(resolve_db(args), smoke_test=getattr(args, "smoke_test", False))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse (exit 2 on a usage mistake), check --out, run; a user's mistake is told in
    Danish with exit 1 and leaves no half-written --out behind."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", cmd_open)
    out = getattr(args, "out", None)
    new_out = out is not None and not Path(out).exists()
    code = 1
    try:
        check_out_option(args)
        code = handler(args)
        return code
    except Exception as exc:
        print(f"Fejl: {explain_for_cli(exc)}", file=sys.stderr)
        return 1
    finally:
        if code != 0 and new_out and Path(out).is_file():
            Path(out).unlink()  # a failed command leaves no partial file


def explain_for_cli(exc: Exception) -> str:
    """The Danish message for a failure; an unexpected one is logged with its traceback."""
    from kulturpunkt_desk.storage.failures import user_error

    known = user_error(exc)
    if known is not None:
        return str(known)
    import logging

    from kulturpunkt_desk.storage.desk_log import LOGGER_NAME, configure_logging

    try:
        where = f" Detaljerne er skrevet i {configure_logging()}."
    except OSError:
        where = ""
    logging.getLogger(f"{LOGGER_NAME}.cli").error("Uventet fejl", exc_info=exc)
    return f"der skete en uventet fejl ({type(exc).__name__}: {exc}).{where}"


if __name__ == "__main__":
    raise SystemExit(main())
