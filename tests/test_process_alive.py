"""The lock's test for a crashed desk: only "no such process" counts as dead.

Windows' answers are faked: OpenProcess fails with a given error code or hands out a
handle whose exit code is given, and every handle handed out must be closed again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from kulturpunkt_desk.storage.process_alive import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_PARAMETER,
    STILL_ACTIVE,
    pid_alive,
    windows_pid_alive,
)


@dataclass
class FakeKernel32:
    """OpenProcess fails with `error` when it is set; otherwise the process has `code`."""

    error: int | None = None
    code: int | None = STILL_ACTIVE
    open_handles: set[int] = field(default_factory=set)

    def open_process(self, pid: int) -> int:
        if self.error is not None:
            return 0
        handle = 0x7FFF_0000_0000 + pid  # above 32 bits, as 64-bit Windows hands them out
        self.open_handles.add(handle)
        return handle

    def exit_code(self, handle: int) -> int | None:
        assert handle in self.open_handles
        return self.code

    def last_error(self) -> int:
        return self.error or 0

    def close(self, handle: int) -> None:
        self.open_handles.remove(handle)


def test_windows_process_of_another_user_counts_as_alive() -> None:
    # A colleague's desk on the same terminal server: OpenProcess is refused.
    assert windows_pid_alive(4242, FakeKernel32(error=ERROR_ACCESS_DENIED))


def test_windows_pid_without_a_process_counts_as_dead() -> None:
    assert not windows_pid_alive(4242, FakeKernel32(error=ERROR_INVALID_PARAMETER))


def test_windows_unexpected_error_counts_as_alive() -> None:
    assert windows_pid_alive(4242, FakeKernel32(error=1450))  # ERROR_NO_SYSTEM_RESOURCES


def test_windows_running_process_is_alive_and_its_handle_closed() -> None:
    api = FakeKernel32()
    assert windows_pid_alive(4242, api)
    assert api.open_handles == set()


def test_windows_exited_process_is_dead_and_its_handle_closed() -> None:
    api = FakeKernel32(code=0)
    assert not windows_pid_alive(4242, api)
    assert api.open_handles == set()


def test_windows_exit_code_that_cannot_be_read_counts_as_alive() -> None:
    api = FakeKernel32(code=None)
    assert windows_pid_alive(4242, api)
    assert api.open_handles == set()


def test_this_process_is_alive_and_a_finished_one_is_not() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert pid_alive(os.getpid())
    assert not pid_alive(child.pid)
    assert not pid_alive(0)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission rules")
def test_process_of_another_user_counts_as_alive_on_posix() -> None:
    if os.geteuid() == 0:
        pytest.skip("root may signal every process")
    assert pid_alive(1)  # init belongs to root: kill(1, 0) is refused, not "no such process"
