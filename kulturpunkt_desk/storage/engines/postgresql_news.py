"""News between desks on one server: PostgreSQL's LISTEN/NOTIFY.

A desk that committed a save announces which kinds of records it changed; every other
desk on the database listens on one connection of its own and hears it within a moment,
so its open views reload without the user pressing F5. The news says only what kind of
record changed and who changed it, never the data: each desk reads the data itself, with
its own login's rights.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, text

log = logging.getLogger(__name__)

CHANNEL = "kulturpunkt_desk"
# NOTIFY's payload must stay under 8000 bytes; kinds are table names, a few dozen at most.
MAX_PAYLOAD = 7000
# How long the listener waits for news before it looks whether it should stop.
POLL_S = 0.5
RETRY_S = 5.0

News = Callable[[frozenset[str], str], None]  # the kinds changed, and who changed them


def announce(engine: Engine, kinds: frozenset[str], by: str, desk: str) -> None:
    """Tell the other desks on the database that `by` changed records of `kinds`."""
    payload = json.dumps({"kinds": sorted(kinds), "by": by, "desk": desk}, ensure_ascii=False)
    if len(payload.encode("utf-8")) > MAX_PAYLOAD:
        payload = json.dumps({"kinds": [], "by": by, "desk": desk})  # "everything changed"
    with engine.begin() as conn:
        conn.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
        )


class Listener:
    """A thread holding one connection that LISTENs, calling `on_news` for every other
    desk's announcement (from that thread: the receiver passes it to its own)."""

    def __init__(self, engine: Engine, desk: str, on_news: News) -> None:
        self.engine, self.desk, self.on_news = engine, desk, on_news
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kollegers-ændringer", daemon=True)
        self.listening = threading.Event()  # set once LISTEN is in place (tests wait on it)

    def start(self) -> Listener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2 * POLL_S + 1)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except Exception:  # the server went away: try again, quietly, until stopped
                log.warning("Forbindelsen til kollegernes ændringer er afbrudt; prøver igen")
                self.listening.clear()
                self._stop.wait(RETRY_S)

    def _listen(self) -> None:
        raw: Any = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self.listening.set()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=POLL_S):
                    self._hear(note.payload)
        finally:
            raw.invalidate()  # never handed back to the pool in LISTEN state

    def _hear(self, payload: str) -> None:
        try:
            news = json.loads(payload)
            if news.get("desk") == self.desk:
                return  # our own save: the desk already knows
            kinds = frozenset(str(k) for k in news.get("kinds", []))
            self.on_news(kinds, str(news.get("by", "")))
        except Exception:
            log.exception("En besked om kollegers ændringer kunne ikke læses")
