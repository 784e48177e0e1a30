"""Names for screen readers and keyboard paths that every window shares.

Qt names an input after the label whose buddy it is only when both have the same parent
widget; forms that wrap a field with its error line (widgets/form.py) or lay a label beside
a composite control must name the field themselves. Tables and lists keep Tab for moving
from cell to cell unless told otherwise, which traps a keyboard user inside them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget


def plain_label(text: str) -> str:
    """A label's text as a screen reader should say it: no Alt-letter marker, no colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def label_field(label: QLabel, field: QWidget) -> None:
    """The label's Alt-letter moves to the field, and the field is named by the label."""
    label.setBuddy(field)
    # A composite field (a date with its week beside it) takes the focus with its inner
    # input, and the screen reader reads that one.
    for named in (field, field.focusProxy()):
        if named is not None and not named.accessibleName():
            named.setAccessibleName(plain_label(label.text()))


def name_list(view: QAbstractItemView, name: str) -> QAbstractItemView:
    """A table or list with a name; Tab and Shift+Tab leave it (the arrow keys move inside)."""
    view.setAccessibleName(name)
    view.setTabKeyNavigation(False)
    return view
