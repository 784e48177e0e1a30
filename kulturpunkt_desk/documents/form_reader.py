"""Read a returned fillable form: its fields' values as text or ticks (pypdf)."""

from __future__ import annotations

from pathlib import Path

from kulturpunkt_desk.domain.errors import DeskError
from kulturpunkt_desk.domain.services.returned_forms import FormValues


def read_form(path: Path) -> FormValues:
    """Every field of the form: text as text, a check box as True/False."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        fields = PdfReader(str(path)).get_fields() or {}
    except (OSError, PdfReadError, ValueError) as exc:
        raise DeskError(f"«{Path(path).name}» kan ikke læses som PDF ({exc}).") from None
    if not fields:
        raise DeskError(f"«{Path(path).name}» har ingen skemafelter; det er ikke et skema.")
    values: FormValues = {}
    for name, spec in fields.items():
        value = spec.get("/V")
        if spec.get("/FT") == "/Btn":
            values[name] = value is not None and str(value) not in ("/Off", "Off", "")
        else:
            values[name] = "" if value is None else str(value)
    return values
