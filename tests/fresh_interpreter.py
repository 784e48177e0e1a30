"""Code run in a fresh interpreter, for what the test process itself has long imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run_json(code: str, *args: str) -> Any:
    """Run `code` with `args` in a new Python (Qt offscreen); the JSON of its last line."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
