"""The lock that lets a wall-clock test run alone (tests/timing_lock.py), with real processes.

Other processes hold and ask for the lock as pytest workers do; the tests check who gets it and
when. A "not yet" is checked after a short wait (it cannot pass wrongly: a correct lock never lets
the process through); a "now" is waited for with a long deadline.
"""
from __future__ import annotations

import fcntl
import subprocess
import sys
import time
from pathlib import Path

import pytest

import timing_lock

HOLDER = """
import sys, time
sys.path.insert(0, {tests!r})
import timing_lock
from pathlib import Path
prefix, exclusive, flag, release = Path(sys.argv[1]), sys.argv[2] == "x", Path(sys.argv[3]), Path(sys.argv[4])
with timing_lock.held(exclusive, prefix):
    flag.write_text("held")
    while not release.exists():
        time.sleep(0.02)
"""


class Holder:
    """A process that takes the lock (shared or exclusive), says so in a file, and keeps it until released."""

    def __init__(self, prefix: Path, exclusive: bool, name: str):
        self.flag, self.release = prefix.parent / f"{name}.held", prefix.parent / f"{name}.release"
        code = HOLDER.format(tests=str(Path(__file__).parent))
        self.process = subprocess.Popen([sys.executable, "-c", code, str(prefix), "x" if exclusive else "s",
                                         str(self.flag), str(self.release)])

    def holds(self) -> bool:
        return self.flag.exists()

    def wait_holds(self, seconds: float = 30) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.holds():
                return True
            time.sleep(0.02)
        return False

    def end(self) -> None:
        self.release.write_text("go")
        self.process.wait(30)


def test_a_timing_test_waits_for_running_tests_and_goes_before_new_ones(tmp_path):
    prefix = tmp_path / "lock"
    running = Holder(prefix, False, "running")
    assert running.wait_holds()
    other = Holder(prefix, False, "other")            # shared holders run side by side
    assert other.wait_holds()
    timed = Holder(prefix, True, "timed")
    time.sleep(0.5)
    assert not timed.holds()                           # not while other tests run
    later = Holder(prefix, False, "later")
    time.sleep(0.5)
    assert not later.holds()                           # a test asked for after it waits behind it
    running.end()
    other.end()
    assert timed.wait_holds()
    time.sleep(0.5)
    assert not later.holds()                           # and nothing runs beside it
    timed.end()
    assert later.wait_holds()
    later.end()


def _can_take(mode: int) -> bool:
    """Whether another process (as another pytest run would be) could take the checkout's lock now."""
    probe = ("import fcntl, os, sys\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o666)\n"
             "try:\n    fcntl.flock(fd, int(sys.argv[2]) | fcntl.LOCK_NB)\nexcept BlockingIOError:\n    sys.exit(1)\n")
    path = f"{timing_lock.checkout_lock_prefix()}.rw.lock"
    return subprocess.run([sys.executable, "-c", probe, path, str(mode)]).returncode == 0


def test_an_ordinary_test_holds_the_checkout_lock_shared():
    assert _can_take(fcntl.LOCK_SH) and not _can_take(fcntl.LOCK_EX)


@pytest.mark.timing  # the marker under test
def test_a_timing_test_holds_the_checkout_lock_alone():
    assert not _can_take(fcntl.LOCK_SH)
