"""Whether a process still runs on this computer: the desk lock's test for a crashed desk.

Getting it wrong either way costs: a live desk taken for dead loses its lock to a second
desk (two writers), a dead one taken for alive blocks the file until its heartbeat is five
minutes old. So only a clear "no such process" counts as dead; "access denied" means the
process exists and belongs to someone else (another user on the same terminal server).

On Windows the answer comes from OpenProcess/GetExitCodeProcess through ctypes with their
real argument and result types (a HANDLE is pointer-sized; without declared types ctypes
truncates it to a C int on 64-bit Windows). The calls sit behind `WindowsProcessApi` so the
rules can be tested on Linux with a fake.
"""

from __future__ import annotations

import os
import sys
from typing import Protocol

PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
STILL_ACTIVE = 259
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PARAMETER = 87  # OpenProcess's answer for a pid no process has


class WindowsProcessApi(Protocol):
    """The three kernel32 calls the check needs; a handle of 0 means the call failed."""

    def open_process(self, pid: int) -> int: ...

    def exit_code(self, handle: int) -> int | None:
        """GetExitCodeProcess: the code, or None when the call failed."""

    def last_error(self) -> int: ...

    def close(self, handle: int) -> None: ...


def windows_pid_alive(pid: int, api: WindowsProcessApi) -> bool:
    """Alive unless Windows says plainly that no such process exists or it has exited."""
    handle = api.open_process(pid)
    if not handle:
        # Access denied: it exists, it is someone else's. Anything unexpected: assume
        # alive; the heartbeat still frees the file after five minutes.
        return api.last_error() != ERROR_INVALID_PARAMETER
    try:
        code = api.exit_code(handle)
        # A process that exited with code 259 looks alive here; the heartbeat covers it.
        return code is None or code == STILL_ACTIVE
    finally:
        api.close(handle)


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return windows_pid_alive(pid, Kernel32ProcessApi())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, it is just someone else's
        return True
    return True


if sys.platform == "win32":  # mypy checks this branch with --platform win32
    import ctypes
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    _kernel32.OpenProcess.restype = wintypes.HANDLE
    _kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    _kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    _kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    _kernel32.CloseHandle.restype = wintypes.BOOL

    class Kernel32ProcessApi:
        """The real calls. The error code is read with ctypes.get_last_error(), which
        use_last_error=True saves right after each call: a later GetLastError() could see
        a code from Python's own calls in between."""

        def open_process(self, pid: int) -> int:
            handle = _kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
            return int(handle or 0)

        def exit_code(self, handle: int) -> int | None:
            code = wintypes.DWORD()
            if not _kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return None
            return int(code.value)

        def last_error(self) -> int:
            return ctypes.get_last_error()

        def close(self, handle: int) -> None:
            _kernel32.CloseHandle(handle)
