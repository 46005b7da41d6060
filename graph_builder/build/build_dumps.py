"""The downloadable dumps of one build, written after the switch-over, outside the build's critical path.

A build's dumps live in ``<build>.dumps`` beside its store directory (see
:func:`graph_builder.build.store.dumps_dir`): they are named after the build they describe, so
a served dump always matches the store it was read from. :func:`write_build_dumps` reads the
build's store read-only, writes into a hidden partial folder (``.<build>.dumps.partial``) under
an exclusive lock (``.<build>.dumps.lock``: two writers of one build never race) and renames
it into place in one step: a reader sees either no dumps folder or a complete one.

:func:`start_background` runs the same in a detached process (``python -m
graph_builder.build.build_dumps <store-dir>``), so ``mdkg build`` returns as soon as the new
store serves; :func:`writing` says whether a writer holds the lock (the service answers 503
"being written" then). This module does not decide what a dump contains
(:mod:`graph_builder.publish.dumps` does) and does not serve files.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import Base
from ..publish import dumps


def folder_of(build_dir: Path) -> Path:
    build_dir = Path(build_dir)
    return build_dir.parent / (build_dir.name + ".dumps")


def _lock_path(build_dir: Path) -> Path:
    build_dir = Path(build_dir)
    return build_dir.parent / f".{build_dir.name}.dumps.lock"


def ready(build_dir: Path) -> bool:
    return (folder_of(build_dir) / dumps.INDEX).is_file()


def writing(build_dir: Path) -> bool:
    """True while a writer holds the lock of ``build_dir``'s dumps."""
    path = _lock_path(build_dir)
    if not path.exists():
        return False
    try:
        with open(path, "rb") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            return False
    except OSError:
        return False


def write_build_dumps(build_dir: Path, base: Base | None = None, processes: int | None = None) -> Path:
    """The dumps folder of ``build_dir``, written now unless it exists (another writer's is awaited)."""
    build_dir = Path(build_dir)
    base = base or Base.from_env()
    final = folder_of(build_dir)
    if ready(build_dir):
        return final
    with open(_lock_path(build_dir), "ab") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)      # released when the file closes (also on a crash)
        if ready(build_dir):
            return final
        partial = build_dir.parent / f".{build_dir.name}.dumps.partial"
        shutil.rmtree(partial, ignore_errors=True)
        st = ox.Store.read_only(str(build_dir))
        dumps.write_dumps(st, partial, base, processes=processes or os.cpu_count() or 1,
                          store_path=build_dir, build=build_dir.name)
        del st
        shutil.rmtree(final, ignore_errors=True)   # a folder without an index is incomplete
        os.rename(partial, final)
    return final


def start_background(build_dir: Path, log: Path | None = None) -> subprocess.Popen:
    """Write ``build_dir``'s dumps in a detached process (its own session); the process handle."""
    out = open(log, "ab") if log else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-m", "graph_builder.build.build_dumps", str(build_dir)],
                            stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True,
                            cwd=os.getcwd())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m graph_builder.build.build_dumps <build-directory>", file=sys.stderr)
        return 2
    write_build_dumps(Path(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
