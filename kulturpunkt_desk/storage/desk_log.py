"""The desk's log file in the data folder: start-up checks, backups, locks, restores.

A consultant who calls for help can send this file; it holds no personal data, only
file names, versions and what the checks found.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .paths import data_dir

LOGGER_NAME = "kulturpunkt_desk"
LOG_FILENAME = "kulturpunkt-desk.log"


def log_file() -> Path:
    return data_dir() / "logs" / LOG_FILENAME


def configure_logging() -> Path:
    """Send the package's log records to the log file (once; again if the folder moved)."""
    path = log_file()
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        if getattr(handler, "desk_log", False):
            if Path(getattr(handler, "baseFilename", "")) == path:
                return path
            logger.removeHandler(handler)
            handler.close()
    # Here, not at the top: logging.handlers brings socket, pickle and queue, which the
    # start-up shell's first paint does not need (issue 15).
    from logging.handlers import RotatingFileHandler

    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.desk_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
