"""Every setting a team or a user changes, with its type, limits and default, declared once.

Where a setting lives is part of its declaration:

- `Scope.DATABASE`: in the database file's `setting` table, so the whole team (every laptop
  opening the file, the command line, a scheduled `overblik`) sees the same value. The
  region's sender details, CVR and signatories are the programme's own fields
  (`services/programmes.ProgrammeData`, printed in the letter block), edited in the same
  Indstillinger dialog, and are not repeated here.
- `Scope.LAPTOP`: this user's preference on this laptop (Qt's INI file in the user's config
  folder, `ui/preferences.py`): folders, recently used files, window and table layout.

The number of backups kept is a DATABASE setting although the copies lie on the laptop:
`storage/` reads it before any window exists (start-up backup, `kulturpunkt-desk backup`),
and one number per file keeps every laptop's rotation the same; its default is storage's
`DEFAULT_KEEP` (storage cannot import this module).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from kulturpunkt_desk.storage import backup_limits

from .errors import ValidationError

if TYPE_CHECKING:  # the start-up shell reads the laptop's settings before SQLAlchemy loads
    from kulturpunkt_desk.storage.engine import Database


class Scope(StrEnum):
    DATABASE = "database"
    LAPTOP = "laptop"


@dataclass(frozen=True)
class IntSetting:
    key: str
    label: str  # Danish, as the Indstillinger dialog names it
    default: int
    minimum: int
    maximum: int
    scope: Scope

    def checked(self, value: object) -> int:
        """`value` as this setting's int, or a Danish ValidationError naming the field."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError.single(self.key, f"{self.label}: skal være et helt tal.")
        if not self.minimum <= value <= self.maximum:
            raise ValidationError.single(
                self.key,
                f"{self.label}: skal være mellem {self.minimum} og {self.maximum}.",
            )
        return value

    def or_default(self, stored: object) -> int:
        """A stored value that is not valid (edited by hand, an older desk) reads as default."""
        try:
            return self.checked(stored)
        except ValidationError:
            return self.default


@dataclass(frozen=True)
class TextSetting:
    key: str
    label: str
    default: str  # "" for a folder: the user's own Dokumenter folder
    scope: Scope

    def or_default(self, stored: object) -> str:
        return stored if isinstance(stored, str) else self.default


@dataclass(frozen=True)
class ListSetting:
    key: str
    label: str
    limit: int  # the newest this many are kept
    scope: Scope

    def or_default(self, stored: object) -> list[str]:
        if isinstance(stored, str):
            stored = [stored]  # QSettings' INI file gives a one-item list back as a string
        if not isinstance(stored, list):
            return []
        return [str(v) for v in stored if v][: self.limit]


BACKUP_KEEP = IntSetting(
    backup_limits.KEEP_SETTING,
    "Antal sikkerhedskopier",
    backup_limits.DEFAULT_KEEP,
    1,
    backup_limits.MAX_KEEP,
    Scope.DATABASE,
)
COMING_DAYS = IntSetting(
    "overview.coming_days", "Overblikkets kommende dage", 14, 1, 90, Scope.DATABASE
)
DOCUMENTS_FOLDER = TextSetting("folders/documents", "Mappe til dokumenter", "", Scope.LAPTOP)
# The folder a save dialog was last closed in: the next one opens there.
LAST_FOLDER = TextSetting("folders/last", "Sidst brugte mappe", "", Scope.LAPTOP)
RECENT_DATABASES = ListSetting("files/recent", "Seneste databaser", 8, Scope.LAPTOP)

REGISTRY: tuple[IntSetting | TextSetting | ListSetting, ...] = (
    BACKUP_KEEP,
    COMING_DAYS,
    DOCUMENTS_FOLDER,
    LAST_FOLDER,
    RECENT_DATABASES,
)


def _database_scope(spec: IntSetting) -> None:
    if spec.scope is not Scope.DATABASE:
        raise ValueError(f"{spec.key} is kept on the laptop, not in the database")


def read(db: Database, spec: IntSetting) -> int:
    """A team-wide setting's value in this database file (its default when unset)."""
    from .models import Setting

    _database_scope(spec)
    with db.read() as s:
        row = s.get(Setting, spec.key)
        stored: Any = row.value if row is not None else spec.default
    return spec.or_default(stored)


def write(db: Database, spec: IntSetting, value: object) -> int:
    """Store a team-wide setting (one transaction); a Danish message when out of range."""
    from .models import Setting

    _database_scope(spec)
    checked = spec.checked(value)
    with db.transaction() as s:
        s.merge(Setting(key=spec.key, value=checked))
    return checked
