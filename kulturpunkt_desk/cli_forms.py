"""Fillable forms out and back in:

    kulturpunkt-desk form interest|evaluation --db PATH --area NAVN --out FIL.pdf
    kulturpunkt-desk import form FIL.pdf --db PATH [--dry-run]

`import form` prints what will change; a bad value (named by its field), or a form made
for another area or programme, means nothing is written and exit 1.
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

    form = sub.add_parser("form", help="skema til udfyldning (PDF) for et lokalområde")
    kinds = form.add_subparsers(dest="form_kind", metavar="HVILKET", required=True)
    for kind, text in (
        ("interest", "interessetilkendegivelse"),
        ("evaluation", "evaluering"),
    ):
        one = kinds.add_parser(kind, parents=[common], help=f"{text} som udfyldeligt PDF-skema")
        one.add_argument("--area", required=True, metavar="NAVN", help="lokalområdets navn")
        add_out_option(one, "skemaet (.pdf)", suffixes=(".pdf",))
        one.set_defaults(handler=cmd_form)

    # `import` is registered by cli_safety (import areas); the form joins it.
    imports = sub.choices["import"]
    what = next(a for a in imports._actions if isinstance(a, argparse._SubParsersAction))
    back = what.add_parser(
        "form", parents=[common], help="et udfyldt skema (PDF) tilbage i Kulturpunkt Desk"
    )
    back.add_argument("file", type=Path, metavar="FIL", help="det udfyldte skema (PDF)")
    back.add_argument("--dry-run", action="store_true", help="vis kun, hvad der ville ændres")
    back.set_defaults(handler=cmd_import_form)


def cmd_form(args: argparse.Namespace) -> int:
    from kulturpunkt_desk.cli_documents import _with_programme
    from kulturpunkt_desk.documents.fillable_forms import render_form
    from kulturpunkt_desk.domain.form_fields import FormKind
    from kulturpunkt_desk.domain.services import areas

    out = Path(args.out)  # checked by cli_parser before the command runs

    def work(db: Database, programme_id: int) -> int:
        area = areas.find_area(db, programme_id, args.area)
        print(f"Gemt: {render_form(db, area.id, FormKind(args.form_kind), out)}")
        return 0

    return _with_programme(args, work)


def cmd_import_form(args: argparse.Namespace) -> int:
    import sys

    from kulturpunkt_desk.cli_documents import _with_programme
    from kulturpunkt_desk.documents.form_reader import read_form
    from kulturpunkt_desk.domain.errors import DeskError, ValidationError
    from kulturpunkt_desk.domain.form_fields import FORM_TITLES
    from kulturpunkt_desk.domain.services import returned_forms

    path = Path(args.file)
    if path.suffix.lower() != ".pdf" or not path.is_file():
        raise DeskError(f"FIL: «{path}» er ikke en PDF-fil, der findes.")
    values = read_form(path)

    def work(db: Database, programme_id: int) -> int:
        try:
            preview = returned_forms.preview_form(db, programme_id, values)
        except ValidationError as exc:
            print("Skemaet er ikke indlæst; ret disse felter:", file=sys.stderr)
            for message in exc.errors.values():
                print(f"  {message}", file=sys.stderr)
            return 1
        print(f"{FORM_TITLES[preview.kind]} fra {preview.area_name}:")
        for change in preview.changes:
            before = f"«{change.before}» -> " if change.before else ""
            print(f"  {change.label}: {before}«{change.after}»")
        if args.dry_run:
            print("Intet er gemt (--dry-run).")
            return 0
        returned_forms.import_form(db, programme_id, values, path)
        print(f"Indlæst; skemaet er gemt som bilag til {preview.area_name}.")
        return 0

    return _with_programme(args, work, writes=not args.dry_run)
