"""What the Indstillinger dialog saves for the whole team: the programme's region details
and signatories (its own fields, also the letter block's) and the team-wide settings of
the registry (`domain/settings.py`, Scope.DATABASE). Every value is checked before any is
written, so a wrong one saves nothing and the dialog shows each message by its field."""

from __future__ import annotations

from dataclasses import dataclass, field

from kulturpunkt_desk.storage.engine import Database

from .. import settings
from ..errors import ValidationError
from . import backups, programmes
from .programmes import ProgrammeData

TEAM_SETTINGS: tuple[settings.IntSetting, ...] = tuple(
    s
    for s in settings.REGISTRY
    if isinstance(s, settings.IntSetting) and s.scope is settings.Scope.DATABASE
)


@dataclass(frozen=True)
class TeamSettings:
    programme: ProgrammeData
    values: dict[str, int] = field(default_factory=dict)  # setting key -> value


def team_settings(db: Database, programme_id: str) -> TeamSettings:
    programme = next(p for p in programmes.list_programmes(db) if p.id == programme_id)
    values = {s.key: settings.read(db, s) for s in TEAM_SETTINGS}
    return TeamSettings(programmes.programme_data(programme), values)


def check_team_settings(data: TeamSettings, more: dict[str, str] | None = None) -> None:
    """Raise one ValidationError naming every wrong field (with `more` from the caller)."""
    errors: dict[str, str] = dict(more or {})
    try:
        data.programme.cleaned()
    except ValidationError as exc:
        errors.update(exc.errors)
    for spec in TEAM_SETTINGS:
        try:
            spec.checked(data.values.get(spec.key, spec.default))
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)


def save_team_settings(db: Database, programme_id: str, data: TeamSettings) -> None:
    """Check everything, then write: the programme, then each setting that changed."""
    check_team_settings(data)
    programmes.update_programme(db, programme_id, data.programme)
    for spec in TEAM_SETTINGS:
        value = data.values.get(spec.key, spec.default)
        if value == settings.read(db, spec):
            continue
        if spec is settings.BACKUP_KEEP:
            backups.set_backup_keep(db, value)  # also prunes to the new number
        else:
            settings.write(db, spec, value)
