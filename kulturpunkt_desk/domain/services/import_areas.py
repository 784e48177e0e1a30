"""Import areas and their primary contacts from the team's spreadsheet: all rows or none.

`preview_import` says what would be created and lists every bad row by its row number as
the spreadsheet shows it (the header is row 1), the column and the Danish reason.
`import_areas` plans again inside one write transaction (the database may have changed
since the preview) and creates everything, or raises ImportRefused and writes nothing.
Each row goes through the same validation as the forms: AreaData, PersonData, and the
contact becomes the area's primary contact (MemberData).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..errors import ValidationError
from ..models import Area, AreaMember, Person, Programme
from ..spreadsheet import COLUMN_LABELS, REQUIRED_COLUMNS, Sheet, SheetRow, read_sheet
from .areas import AreaData, MemberData
from .audit import insert_created
from .common import get
from .people import PersonData

# Which spreadsheet column a service's field error belongs to.
AREA_FIELD_COLUMN = {
    "name": "name",
    "municipality": "municipality",
    "recipient_name": "recipient",
    "recipient_cvr": "cvr",
}
PERSON_FIELD_COLUMN = {"name": "contact", "email": "email", "phone": "phone"}
CONTACT_ROLE = "Primær kontaktperson"


@dataclass(slots=True)  # one per row: 100,000 of them in a large import
class RowProblem:
    row: int
    column: str  # the header as written in the file
    message: str

    def __str__(self) -> str:
        return f"Række {self.row}, kolonne «{self.column}»: {self.message}"


# Told how far the work has come: (rows done, rows in all, what is being done). The GUI's
# Progress raises there when the user cancels, and the transaction rolls back.
ProgressFn = Callable[[int, int, str], None]
PROGRESS_EVERY = 500  # rows checked between two progress reports
SAVE_CHUNK = 5_000  # areas saved per group of INSERTs (progress and cancel between them)


@dataclass(slots=True)  # one per row: 100,000 of them in a large import
class PlannedArea:
    """One area the import would create, with its primary contact if the row names one."""

    row: int
    area: AreaData
    contact: PersonData | None = None
    member: MemberData | None = None
    # The values as validated (each row is validated once, not again when it is saved).
    area_values: dict[str, Any] = field(default_factory=dict)
    contact_values: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportPreview:
    source: Path
    areas: list[PlannedArea] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # The rows as read for the preview: the import saves exactly what the user saw.
    sheet: Sheet | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.areas)


class ImportRefused(ValidationError):
    """The file has bad rows (or none at all); nothing was imported."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        super().__init__({f"row{p.row}.{p.column}": str(p) for p in problems})
        self.args = (
            f"Intet er importeret: {len(problems)} fejl i arket.\n"
            + "\n".join(str(p) for p in problems),
        )


def _column(sheet: Sheet, key: str) -> str:
    return sheet.headers.get(key, COLUMN_LABELS[key])


def _plan_row(sheet: Sheet, row: SheetRow, problems: list[RowProblem]) -> PlannedArea | None:
    value = row.values.get
    area = AreaData(
        name=value("name", ""),
        municipality=value("municipality", ""),
        recipient_name=value("recipient", ""),
        recipient_cvr=value("cvr", ""),
    )
    before = len(problems)

    def report(error: ValidationError, columns: dict[str, str]) -> None:
        for field_name, message in error.errors.items():
            key = columns.get(field_name, "name")
            problems.append(RowProblem(row.number, _column(sheet, key), message))

    area_values: dict[str, Any] = {}
    try:
        area_values = area.cleaned()
    except ValidationError as exc:
        report(exc, AREA_FIELD_COLUMN)
    contact = None
    contact_values: dict[str, Any] = {}
    if any(value(k, "") for k in ("contact", "email", "phone")):
        contact = PersonData(
            name=value("contact", ""), email=value("email", ""), phone=value("phone", "")
        )
        try:
            contact_values = contact.cleaned()
        except ValidationError as exc:
            if "name" in exc.errors:
                exc.errors["name"] = (
                    "Kontaktperson: skal udfyldes, når der står e-mail eller telefon."
                    if not contact.name.strip()
                    else exc.errors["name"].replace("Navn", "Kontaktperson", 1)
                )
            report(exc, PERSON_FIELD_COLUMN)
    if len(problems) > before:
        return None
    member = MemberData(role=CONTACT_ROLE, is_primary_contact=True) if contact else None
    return PlannedArea(row.number, area, contact, member, area_values, contact_values)


def plan(
    session: Session,
    programme_id: int,
    sheet: Sheet,
    source: Path,
    progress: ProgressFn | None = None,
) -> ImportPreview:
    """What the sheet would create in `programme_id`, and every problem with it."""
    preview = ImportPreview(source=source, ignored_columns=sheet.ignored_columns, sheet=sheet)
    for key in REQUIRED_COLUMNS:
        if key not in sheet.headers:
            preview.problems.append(
                RowProblem(sheet.header_row, COLUMN_LABELS[key], "Kolonnen mangler i arket.")
            )
    if preview.problems:
        return preview
    existing = _existing_names(session, programme_id)
    first_row_of: dict[str, int] = {}
    for n, row in enumerate(sheet.rows):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n, len(sheet.rows), "Kontrollerer rækkerne")
        planned = _plan_row(sheet, row, preview.problems)
        name = row.values.get("name", "").strip()
        if name:
            column = _column(sheet, "name")
            earlier = first_row_of.setdefault(name.casefold(), row.number)
            if earlier != row.number:
                preview.problems.append(
                    RowProblem(row.number, column, f"Navn: «{name}» står også i række {earlier}.")
                )
                planned = None
            elif name.casefold() in existing:
                preview.problems.append(_name_taken(row.number, column, name))
                planned = None
        if planned is not None:
            preview.areas.append(planned)
    if not sheet.rows:
        preview.problems.append(
            RowProblem(sheet.header_row, _column(sheet, "name"), "Arket har ingen rækker med data.")
        )
    preview.problems.sort(key=lambda p: p.row)
    return preview


def _existing_names(session: Session, programme_id: int) -> set[str]:
    # Compared in Python: SQLite's lower() leaves Æ, Ø and Å alone.
    return {
        n.casefold()
        for n in session.scalars(select(Area.name).where(Area.programme_id == programme_id))
    }


def _name_taken(row: int, column: str, name: str) -> RowProblem:
    return RowProblem(
        row, column, f"Navn: der findes allerede et lokalområde ved navn «{name}» i programmet."
    )


def _recheck(session: Session, programme_id: int, preview: ImportPreview) -> ImportPreview:
    """The preview again, against the database as it is now: only the names can have become
    taken since (each row's own checks depend on the sheet alone, which has not changed)."""
    existing = _existing_names(session, programme_id)
    column = _column(preview.sheet, "name") if preview.sheet else COLUMN_LABELS["name"]
    taken = [
        _name_taken(p.row, column, p.area_values["name"])
        for p in preview.areas
        if str(p.area_values["name"]).casefold() in existing
    ]
    if not taken:
        return preview
    return ImportPreview(preview.source, [], taken, preview.ignored_columns, preview.sheet)


def preview_import(
    db: Database, programme_id: int, path: Path, progress: ProgressFn | None = None
) -> ImportPreview:
    """Read and check the file; writes nothing. Raises SpreadsheetError for unreadable files."""
    if progress is not None:
        progress(0, 0, "Læser regnearket")
    sheet = read_sheet(path)
    with db.read() as s:
        get(s, Programme, programme_id, "Programmet")
        return plan(s, programme_id, sheet, Path(path), progress)


def import_areas(
    db: Database,
    programme_id: int,
    path: Path,
    *,
    preview: ImportPreview | None = None,
    progress: ProgressFn | None = None,
) -> list[int]:
    """Create every area (and primary contact) in the file in one transaction; ids in order.

    `preview` is what the user was shown: exactly that is saved, after checking inside the
    transaction that its names are still free. Without it the file is read and checked
    again. Any bad row raises ImportRefused listing all of them, and nothing is written; so
    does a cancel through `progress`.
    """
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        if preview is not None and preview.ok:
            preview = _recheck(s, programme_id, preview)
        else:
            preview = plan(s, programme_id, read_sheet(path), Path(path), progress)
        if not preview.ok:
            raise ImportRefused(preview.problems)
        # Bulk INSERTs (with the same audit entries) in chunks, so progress and cancel work:
        # one object at a time through the unit of work took minutes for 100,000 rows.
        total = len(preview.areas)
        ids: list[int] = []
        for start in range(0, total, SAVE_CHUNK):
            if progress is not None:
                progress(start, total, "Gemmer lokalområderne")
            ids += _save_chunk(s, programme_id, preview.areas[start : start + SAVE_CHUNK])
        return ids


def _save_chunk(s: Session, programme_id: int, chunk: list[PlannedArea]) -> list[int]:
    area_ids = insert_created(
        s, Area, [{"programme_id": programme_id, **p.area_values} for p in chunk]
    )
    with_contact = [(p, a) for p, a in zip(chunk, area_ids, strict=True) if p.member is not None]
    person_ids = insert_created(s, Person, [dict(p.contact_values) for p, _ in with_contact])
    insert_created(
        s,
        AreaMember,
        [
            {
                "area_id": area_id,
                "person_id": person_id,
                "role": planned.member.role,
                "in_steering_group": planned.member.in_steering_group,
                "is_primary_contact": planned.member.is_primary_contact,
            }
            for (planned, area_id), person_id in zip(with_contact, person_ids, strict=True)
            if planned.member is not None
        ],
    )
    return area_ids
