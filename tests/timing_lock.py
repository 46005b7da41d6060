"""A lock that lets a test which measures wall-clock time run alone, across processes.

Every test holds the lock shared while it runs (setup, call and teardown, so a module's store build
or server start counts too); a test marked ``timing`` holds it exclusively. Any number of pytest
processes on one checkout take part: the workers of ``pytest -n 2`` and the two runs that
``.ci/run`` starts side by side (newest and lowest versions). A timing test therefore waits until no
other test of any of them runs, and none starts until it ends; the others run in parallel.

Two ``flock`` files make it fair to the timing test: whoever asks holds a turnstile until it has the
lock, so while a timing test waits for the running tests to end, no new test slips in before it. ``flock`` locks die with their process: a killed run leaves nothing held.
The lock files live in the temporary directory, named after the checkout's path (another checkout on
the same machine is not held up). This module does not decide which tests are timing tests: the
``timing`` marker on each test does.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def checkout_lock_prefix(root: Path = ROOT) -> Path:
    """Where the lock files of the checkout at ``root`` live (their names add ``.turnstile.lock``, ``.rw.lock``)."""
    key = hashlib.sha1(str(root).encode("utf-8")).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"mdkg-tests-{key}"


@contextmanager
def held(exclusive: bool, prefix: Path | None = None):
    """Hold the lock for one test: exclusively for a timing test, shared for any other."""
    prefix = prefix or checkout_lock_prefix()
    turnstile, rw = (os.open(f"{prefix}.{kind}.lock", os.O_RDWR | os.O_CREAT, 0o666) for kind in ("turnstile", "rw"))
    try:
        fcntl.flock(turnstile, fcntl.LOCK_EX)  # one asker at a time: a waiting timing test keeps the others out
        try:
            fcntl.flock(rw, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        finally:
            fcntl.flock(turnstile, fcntl.LOCK_UN)
        yield
    finally:
        fcntl.flock(rw, fcntl.LOCK_UN)
        os.close(rw)
        os.close(turnstile)
