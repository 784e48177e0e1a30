"""Errors the services raise. Messages are Danish because they reach the user as they are."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class DeskError(Exception):
    """Base of every error a user may see."""


class ValidationError(DeskError):
    """One or more fields are wrong; nothing was written.

    `errors` maps the field's attribute name to a Danish message that names the field,
    so a form can show each message next to its widget.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class NotFoundError(DeskError):
    pass


class Collector:
    """Gathers field errors so that a form learns all of them at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a validator; on failure record its field errors and return a neutral value."""
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            for field, message in exc.errors.items():
                self.add(field, message)
            return None  # type: ignore[return-value]  # never used: raise_if_any follows

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
