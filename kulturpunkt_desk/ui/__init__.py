"""The desk's window (PySide6). Views call services; no SQL lives here."""
