"""The on-disk Oxigraph store and its atomic switch-over.

A store path (default ``./data/store``) is a symbolic link to one build directory
``<store>.builds/<build-id>``. A build writes a fresh directory, validates it, and only
then replaces the link atomically (``os.replace`` of a new link over the old one), so a
reader either sees the previous complete store or the new complete one, never a half-built
one; a failed build removes its directory and leaves the link untouched.

Readers call :func:`resolve` (cheap: one ``readlink``) and reopen when the target changed;
:class:`StoreHandle` does that for a long-running service.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

KEEP_BUILDS = 2


def builds_dir(store: Path) -> Path:
    store = Path(store)
    return store.parent / (store.name + ".builds")


def resolve(store: Path) -> Path | None:
    """The directory holding the current build of ``store``; None when there is none yet."""
    store = Path(store)
    try:
        link = os.readlink(store)  # the usual case, in one system call
    except OSError:
        link = None
    if link is not None:
        target = Path(link)
        target = target if target.is_absolute() else store.parent / target
        return target if target.is_dir() else None
    if store.is_dir() and any(store.iterdir()):
        return store  # a plain Oxigraph directory (e.g. made by another tool)
    return None


def dumps_dir(store: Path) -> Path | None:
    """Folder of the compressed dumps that belong to the current build (``<build>.dumps``)."""
    target = resolve(store)
    return None if target is None else target.parent / (target.name + ".dumps")


def open_read_only(store: Path) -> ox.Store:
    """The current build opened read-only; an empty in-memory store when nothing is built."""
    target = resolve(store)
    if target is None:
        return ox.Store()
    return ox.Store.read_only(str(target))


def new_build_dir(store: Path) -> Path:
    """A fresh, empty directory for a new build, beside the current ones."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    path = builds_dir(store) / f"{stamp}-{uuid.uuid4().hex[:8]}"
    path.mkdir(parents=True)
    return path


def switch_to(store: Path, build: Path) -> None:
    """Point ``store`` at ``build`` atomically; a plain directory at ``store`` is moved aside first."""
    store = Path(store)
    store.parent.mkdir(parents=True, exist_ok=True)
    if store.exists() and not store.is_symlink():
        legacy = builds_dir(store) / f"legacy-{uuid.uuid4().hex[:8]}"
        legacy.parent.mkdir(parents=True, exist_ok=True)
        if any(store.iterdir()):
            store.rename(legacy)
        else:
            store.rmdir()
    tmp = store.parent / f".{store.name}.{uuid.uuid4().hex[:8]}.link"
    os.symlink(os.path.relpath(build, store.parent), tmp)
    os.replace(tmp, store)
    prune(store)


def prune(store: Path, keep: int = KEEP_BUILDS) -> None:
    """Remove old build directories, keeping the current one and the ``keep`` newest."""
    current = resolve(store)
    root = builds_dir(store)
    if not root.is_dir():
        return
    builds = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.endswith(".dumps")
                     and not p.name.startswith(".")), key=lambda p: p.name, reverse=True)
    for old in builds[keep:]:
        if current is None or old.resolve() != current.resolve():
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(old.parent / (old.name + ".dumps"), ignore_errors=True)
            shutil.rmtree(old.parent / f".{old.name}.dumps.partial", ignore_errors=True)
            (old.parent / f".{old.name}.dumps.lock").unlink(missing_ok=True)


@contextmanager
def staged_build(store: Path):
    """Yield a writable Store in a fresh directory; switch to it only if the block succeeds.

    On any exception the new directory is deleted and ``store`` keeps its previous target. The
    caller must drop its own reference to the yielded store before the block ends: the store is
    closed (its last reference released) before the switch-over, so no reader ever opens a build
    that a writer still holds (undefined behaviour for RocksDB's read-only mode: files a
    compaction deletes can vanish under the reader).
    """
    path = new_build_dir(store)
    ok = False
    try:
        st = ox.Store(str(path))
        yield st, path
        st.flush()
        st.optimize()
        del st
        ok = True
    finally:
        if not ok:
            shutil.rmtree(path, ignore_errors=True)
    switch_to(store, path)


class StoreHandle:
    """A read-only view of ``store`` for a long-running process, reopened after each switch-over."""

    def __init__(self, store: Path):
        self.path = Path(store)
        self._lock = threading.Lock()
        self._target: Path | None = None
        self._store: ox.Store | None = None

    def get(self) -> ox.Store:
        target = resolve(self.path)
        with self._lock:
            if self._store is None or target != self._target:
                self._store = ox.Store() if target is None else ox.Store.read_only(str(target))
                self._target = target
            return self._store

    @property
    def build_id(self) -> str:
        target = resolve(self.path)
        return target.name if target is not None else "empty"
