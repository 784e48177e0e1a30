"""Import areas and their primary contacts from the team's spreadsheet: all rows or none.

`preview_import` says what would be created and lists every bad row by its row number as
the spreadsheet shows it (the header is row 1), the column and the Danish reason.
`import_areas` plans again inside one write transaction (the database may have changed
since the preview) and creates everything, or raises ImportRefused and writes nothing.
Each row goes through the same validation as the forms: AreaData, PersonData, and the
contact becomes the area's primary contact (MemberData).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kulturpunkt_desk.storage.engine import Database

from ..errors import ValidationError
from ..models import Area, AreaMember, Person, Programme
from ..spreadsheet import COLUMN_LABELS, REQUIRED_COLUMNS, Sheet, SheetRow, read_sheet
from .areas import AreaData, MemberData
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


@dataclass
class RowProblem:
    row: int
    column: str  # the header as written in the file
    message: str

    def __str__(self) -> str:
        return f"Række {self.row}, kolonne «{self.column}»: {self.message}"


@dataclass
class PlannedArea:
    """One area the import would create, with its primary contact if the row names one."""

    row: int
    area: AreaData
    contact: PersonData | None = None
    member: MemberData | None = None


@dataclass
class ImportPreview:
    source: Path
    areas: list[PlannedArea] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

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

    try:
        area.cleaned()
    except ValidationError as exc:
        report(exc, AREA_FIELD_COLUMN)
    contact = None
    if any(value(k, "") for k in ("contact", "email", "phone")):
        contact = PersonData(
            name=value("contact", ""), email=value("email", ""), phone=value("phone", "")
        )
        try:
            contact.cleaned()
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
    return PlannedArea(row=row.number, area=area, contact=contact, member=member)


def plan(session: Session, programme_id: int, sheet: Sheet, source: Path) -> ImportPreview:
    """What the sheet would create in `programme_id`, and every problem with it."""
    preview = ImportPreview(source=source, ignored_columns=sheet.ignored_columns)
    for key in REQUIRED_COLUMNS:
        if key not in sheet.headers:
            preview.problems.append(
                RowProblem(sheet.header_row, COLUMN_LABELS[key], "Kolonnen mangler i arket.")
            )
    if preview.problems:
        return preview
    # Compared in Python: SQLite's lower() leaves Æ, Ø and Å alone.
    existing = {
        n.casefold()
        for n in session.scalars(select(Area.name).where(Area.programme_id == programme_id))
    }
    first_row_of: dict[str, int] = {}
    for row in sheet.rows:
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
                preview.problems.append(
                    RowProblem(
                        row.number,
                        column,
                        f"Navn: der findes allerede et lokalområde ved navn «{name}» i programmet.",
                    )
                )
                planned = None
        if planned is not None:
            preview.areas.append(planned)
    if not sheet.rows:
        preview.problems.append(
            RowProblem(sheet.header_row, _column(sheet, "name"), "Arket har ingen rækker med data.")
        )
    preview.problems.sort(key=lambda p: p.row)
    return preview


def preview_import(db: Database, programme_id: int, path: Path) -> ImportPreview:
    """Read and check the file; writes nothing. Raises SpreadsheetError for unreadable files."""
    sheet = read_sheet(path)
    with db.read() as s:
        get(s, Programme, programme_id, "Programmet")
        return plan(s, programme_id, sheet, Path(path))


def import_areas(db: Database, programme_id: int, path: Path) -> list[int]:
    """Create every area (and primary contact) in the file in one transaction; ids in order.

    Any bad row raises ImportRefused listing all of them, and nothing is written.
    """
    sheet = read_sheet(path)
    with db.transaction() as s:
        get(s, Programme, programme_id, "Programmet")
        preview = plan(s, programme_id, sheet, Path(path))
        if not preview.ok:
            raise ImportRefused(preview.problems)
        ids = []
        for planned in preview.areas:
            area = Area(programme_id=programme_id, **planned.area.cleaned())
            s.add(area)
            s.flush()
            ids.append(area.id)
            if planned.contact is not None and planned.member is not None:
                person = Person(**planned.contact.cleaned())
                s.add(person)
                s.flush()
                s.add(
                    AreaMember(
                        area_id=area.id,
                        person_id=person.id,
                        role=planned.member.role,
                        in_steering_group=planned.member.in_steering_group,
                        is_primary_contact=planned.member.is_primary_contact,
                    )
                )
        return ids
