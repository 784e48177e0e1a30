"""What a sync tells its caller: the report, the error, the progress callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kulturpunkt_desk.domain.danish import count
from kulturpunkt_desk.domain.errors import DeskError

# Danish step text and the fraction done (0..1); the window's progress dialog shows both.
Progress = Callable[[str, float], None]
# Called at each named step; the tests raise from it to play a sync cut off there.
Fault = Callable[[str], None]


@dataclass(frozen=True)
class SyncReport:
    first_copy: bool
    sent: int  # local row changes found
    applied: int  # of those, taken by the server
    conflicts: int  # new conflicts recorded by this sync
    received: int  # rows brought to the laptop
    open_conflicts: int  # open conflicts on the server after the sync

    def summary(self) -> str:
        """What the sync did, in Danish: the window's result and the command line's."""
        if self.first_copy:
            lines = [f"Den bærbare kopi er lavet: {count(self.received, 'post')} hentet."]
        else:
            lines = [
                f"Sendt til serveren: {count(self.sent, 'ændring')}"
                + (f", heraf {self.applied} taget med." if self.sent else "."),
                f"Hentet fra kollegerne: {count(self.received, 'ændring')}.",
            ]
        if self.conflicts:
            lines.append(
                f"Nye konflikter: {self.conflicts}. Serverens udgave gælder, indtil du "
                "vælger; se Konflikter."
            )
        else:
            lines.append("Ingen nye konflikter.")
        if self.open_conflicts:
            lines.append(f"Åbne konflikter i alt: {self.open_conflicts}.")
        return "\n".join(lines)


class SyncError(DeskError):
    """The sync did not happen (or was left to finish next time); the message says why
    in Danish and what to do. Nothing is half done on either side."""
