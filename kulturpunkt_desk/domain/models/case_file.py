"""The letter block of Danish public administration, shared by both kinds of programme.

Every letter from a region names its case number (sagsnummer) in the region's case and
document system and the case handler with a direct phone and e-mail.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column


class CaseFile:
    """Columns mixed into Programme and Partnership (migration 0007)."""

    case_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    case_handler_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    case_handler_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    case_handler_email: Mapped[str] = mapped_column(String(200), default="", server_default="")
