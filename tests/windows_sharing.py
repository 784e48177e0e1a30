"""Windows' file sharing, simulated on Linux: a test fixture.

On Windows a file that is open anywhere (SQLite, Explorer's preview, antivirus, our own
log) cannot be renamed, replaced or deleted: the call fails with PermissionError,
WinError 32 ("used by another process"). Linux allows all three, so code that is fine
here can stop the desk there. Under `windows_file_sharing` rename, replace and delete
fail the same way while this process holds the file (or, for a folder, a file in it)
open, read from /proc/self/fd. Storage tests run under it.

Use: `from windows_sharing import windows_file_sharing` and
`pytestmark = pytest.mark.usefixtures("windows_file_sharing")`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

SHARING_VIOLATION = 32  # ERROR_SHARING_VIOLATION
FD_FOLDER = "/proc/self/fd"


def open_files() -> set[str]:
    """The regular files this process has open now (directories left out: shutil.rmtree
    holds its folders open while it empties them, which Windows allows too)."""
    held = set()
    for fd in os.listdir(FD_FOLDER):
        try:
            target = os.readlink(os.path.join(FD_FOLDER, fd))
        except OSError:
            continue
        if os.path.isfile(target):
            held.add(target)
    return held


def _full_path(path: Any, dir_fd: int | None) -> str:
    path = os.fsdecode(path)
    if dir_fd is not None and not os.path.isabs(path):
        path = os.path.join(os.readlink(os.path.join(FD_FOLDER, str(dir_fd))), path)
    return os.path.realpath(path)


def is_held(path: str) -> bool:
    held = open_files()
    if path in held:
        return True
    folder = path.rstrip("/") + "/"
    return os.path.isdir(path) and any(name.startswith(folder) for name in held)


def sharing_violation(path: str) -> PermissionError:
    error = PermissionError(
        13,
        "Processen kan ikke få adgang til filen, fordi den bruges af en anden proces",
        path,
    )
    error.winerror = SHARING_VIOLATION  # type: ignore[attr-defined]
    return error


def _guard_one(original: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(path: Any, *args: Any, dir_fd: int | None = None, **kwargs: Any) -> Any:
        full = _full_path(path, dir_fd)
        if os.path.lexists(full) and is_held(full):
            raise sharing_violation(full)
        if dir_fd is not None:
            kwargs["dir_fd"] = dir_fd
        return original(path, *args, **kwargs)

    return guarded


def _guard_two(original: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(
        src: Any,
        dst: Any,
        *,
        src_dir_fd: int | None = None,
        dst_dir_fd: int | None = None,
    ) -> Any:
        for path, fd in ((src, src_dir_fd), (dst, dst_dir_fd)):
            full = _full_path(path, fd)
            if os.path.lexists(full) and is_held(full):
                raise sharing_violation(full)
        return original(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)

    return guarded


@pytest.fixture
def windows_file_sharing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Rename, replace and delete refuse a file this process has open, as on Windows."""
    if not os.path.isdir(FD_FOLDER):  # pragma: no cover - Linux is where the tests run
        pytest.skip("kræver /proc/self/fd")
    for name in ("unlink", "remove", "rmdir"):
        monkeypatch.setattr(os, name, _guard_one(getattr(os, name)))
    for name in ("replace", "rename"):
        monkeypatch.setattr(os, name, _guard_two(getattr(os, name)))
    yield
