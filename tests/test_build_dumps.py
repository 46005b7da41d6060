"""Dumps written after the switch-over: a served dump always matches the store it describes.

Real builds of the bundled reports, the production server on a free port, real gzip files:
before a build's dumps exist the service answers 404 (503 while a writer holds the lock), never
the previous build's files; once written, the served whole-dataset N-Quads equal the served
store quad for quad; the detached writer of ``mdkg build`` finishes on its own.
"""
from __future__ import annotations

import fcntl
import gzip
import json
import shutil
import time

import pyoxigraph as ox
import pytest
import requests

from graph_builder.build import build_dumps, store as store_mod
from graph_builder.build.pipeline import build
from graph_builder.resources import default_corpus
from serverutil import start_server

SG_REPORT = "2008-sg-report-international-migration-and-development.ar.md"


def _store_quads(store) -> set[str]:
    target = store_mod.resolve(store)
    return set(ox.Store.read_only(str(target)).dump(format=ox.RdfFormat.N_QUADS).decode().splitlines())


def _served_quads(server) -> set[str]:
    r = requests.get(server.url + "/dumps/dataset.nq.gz", timeout=60)
    assert r.status_code == 200, r.text[:300]
    return set(gzip.decompress(r.content).decode().splitlines())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for f in default_corpus().iterdir():
        shutil.copy(f, folder / f.name)
    return folder


def test_served_dump_matches_the_store_across_builds(corpus, tmp_path):
    store = tmp_path / "store"
    first = build(corpus, store, validate=False, dumps="none")
    server = start_server(store, tmp_path / "server.log", workers=1, QUERY_PROCESSES=1)
    try:
        assert requests.get(server.url + "/dumps/", timeout=30).status_code == 404
        lock = open(build_dumps._lock_path(first.build_dir), "ab")      # a writer at work
        fcntl.flock(lock, fcntl.LOCK_EX)
        busy = requests.get(server.url + "/dumps/dataset.nq.gz", timeout=30)
        assert busy.status_code == 503 and busy.headers["Retry-After"]
        lock.close()
        build_dumps.write_build_dumps(first.build_dir)
        assert _served_quads(server) == _store_quads(store)
        old_quads = _store_quads(store)

        (corpus / SG_REPORT).unlink()                                   # a second, smaller build
        second = build(corpus, store, validate=False, dumps="none")
        assert store_mod.resolve(store) == second.build_dir
        assert requests.get(server.url + "/dumps/dataset.nq.gz", timeout=30).status_code == 404
        shutil.copytree(build_dumps.folder_of(first.build_dir), build_dumps.folder_of(second.build_dir))
        assert requests.get(server.url + "/dumps/dataset.nq.gz", timeout=30).status_code == 404, \
            "an index naming another build is not served"
        shutil.rmtree(build_dumps.folder_of(second.build_dir))
        build_dumps.write_build_dumps(second.build_dir)
        new_quads = _served_quads(server)
        assert new_quads == _store_quads(store) and new_quads != old_quads
        index = requests.get(server.url + "/dumps/?format=json", timeout=30).json()
        assert index["build"] == second.build_dir.name
    finally:
        server.stop()


def test_background_writer_finishes_and_matches(corpus, tmp_path):
    store = tmp_path / "store"
    result = build(corpus, store, validate=False, dumps="background")
    deadline = time.monotonic() + 300
    while not build_dumps.ready(result.build_dir):
        assert time.monotonic() < deadline, "the background dumps writer did not finish in 300 s"
        time.sleep(0.5)
    folder = build_dumps.folder_of(result.build_dir)
    index = json.loads((folder / "dumps.json").read_text())
    assert index["build"] == result.build_dir.name
    written = set(gzip.open(folder / "dataset.nq.gz").read().decode().splitlines())
    assert written == _store_quads(store)
    by_file = {e["file"]: e for e in index["files"]}
    assert by_file["dataset.nq.gz"]["quads"] == len(written)
    assert not list(result.build_dir.parent.glob(".*.partial"))
