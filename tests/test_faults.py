"""Fault tests against real processes: a killed query process, a rebuild under load, a killed build.

* Killing the query process that runs a long query (SIGKILL) costs that one request (503/504)
  and no other: concurrent clients all get 200, and the pool is back to full size.
* Rebuilding the store (``mdkg build`` of another corpus, then of the first again) while
  clients query loses no request, and every answer's paragraph count is the count of one of
  the complete builds: no query sees a half-built store.
* A build killed mid-way (SIGKILL of the ``mdkg build`` process group) leaves the previous
  store serving unchanged, and the next build succeeds and is served.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph_builder.build import store as store_mod
from graph_builder.resources import default_corpus
from serverutil import REPO, start_server

JSON = {"Accept": "application/sparql-results+json"}
COUNT = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/mdkg/ontology#Paragraph> }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def unique(query: str) -> str:
    """The query with a unique comment, so no result cache can answer it."""
    return f"# {uuid.uuid4().hex}\n{query}"


def count_of(response: requests.Response) -> int:
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def store_count(store: Path) -> int:
    st = ox.Store.read_only(str(store_mod.resolve(store)))
    return int(next(iter(st.query(COUNT, use_default_graph_as_union=True)))["n"].value)


def mdkg_build(corpus: Path, store: Path, *extra: str, wait: bool = True):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    argv = [sys.executable, "-m", "graph_builder", "build", "--corpus", str(corpus), "--store", str(store), *extra]
    if wait:
        return subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    return subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def descendants(pid: int) -> list[int]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def query_processes(server_pid: int) -> list[int]:
    """The service's query processes (spawned multiprocessing children, not the resource tracker)."""
    found = []
    for pid in descendants(server_pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
            found.append(pid)
    return found


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1
    return int(fields[11]) + int(fields[12])


def busy_process(pids: list[int], seconds: float = 0.5) -> int | None:
    before = {p: cpu_ticks(p) for p in pids}
    time.sleep(seconds)
    used = {p: cpu_ticks(p) - before[p] for p in pids}
    pid, ticks = max(used.items(), key=lambda kv: kv[1])
    return pid if ticks >= seconds * 100 * 0.3 else None


class Clients:
    """``n`` threads sending ``make_query()`` in a loop until stopped; every answer is recorded."""

    def __init__(self, url: str, n: int, make_query):
        self.url, self.make_query = url, make_query
        self.answers: list[tuple[int, object]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(n)]
        for t in self._threads:
            t.start()

    def _run(self) -> None:
        session = requests.Session()
        while not self._stop.is_set():
            try:
                r = session.get(self.url, params={"query": self.make_query()}, headers=JSON, timeout=60)
                item = (r.status_code, count_of(r) if r.status_code == 200 else r.text[:200])
            except requests.RequestException as exc:
                item = (-1, repr(exc))
            with self._lock:
                self.answers.append(item)

    def stop(self) -> list[tuple[int, object]]:
        self._stop.set()
        for t in self._threads:
            t.join(90)
        return self.answers


@pytest.fixture(scope="module")
def fault_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("faults") / "store"
    done = mdkg_build(default_corpus(), store)
    assert done.returncode == 0, done.stderr
    return store


@pytest.mark.slow
@pytest.mark.timing  # a query process busy within 0.5 s, 10 answers within 5 s: runs alone
def test_killing_a_query_process_loses_no_other_request(built_store, tmp_path):
    server = start_server(built_store, tmp_path / "server.log", workers=1, QUERY_PROCESSES=3,
                          QUERY_TIMEOUT=30, ACCESS_LOG=False)
    try:
        processes = query_processes(server.process.pid)
        requests.get(server.sparql, params={"query": COUNT}, headers=JSON, timeout=30)  # start the pool
        processes = query_processes(server.process.pid)
        assert len(processes) == 3, processes
        slow: dict = {}
        slow_thread = threading.Thread(target=lambda: slow.update(r=requests.get(
            server.sparql, params={"query": unique(SLOW)}, headers=JSON, timeout=90)))
        slow_thread.start()
        victim = None
        for _ in range(20):
            victim = busy_process(processes)
            if victim:
                break
        assert victim, "no query process became busy with the slow query"
        clients = Clients(server.sparql, 4, lambda: unique(COUNT))
        time.sleep(1.0)
        os.kill(victim, signal.SIGKILL)
        time.sleep(4.0)
        answers = clients.stop()
        slow_thread.join(90)
        assert slow["r"].status_code in (503, 504), slow["r"].status_code
        assert len(answers) >= 10
        failed = [a for a in answers if a[0] != 200]
        assert not failed, failed[:5]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(query_processes(server.process.pid)) < 3:
            time.sleep(0.5)
        now = query_processes(server.process.pid)
        assert len(now) == 3 and victim not in now, now
        assert requests.get(server.sparql, params={"query": unique(COUNT)}, headers=JSON, timeout=30).status_code == 200
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.timing  # the small store must be seen within 1.5 s: runs alone
def test_rebuild_under_load_loses_no_request_and_shows_no_half_store(fault_store, tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    first = sorted(p for p in default_corpus().iterdir() if p.suffix in (".md", ".txt"))[0]
    shutil.copy(first, small / first.name)
    shutil.copy(default_corpus() / "manifest.toml", small / "manifest.toml")
    full_count = store_count(fault_store)
    server = start_server(fault_store, tmp_path / "server.log", workers=2, QUERY_PROCESSES=2,
                          QUERY_TIMEOUT=30, ACCESS_LOG=False)
    try:
        clients = Clients(server.sparql, 4, lambda: unique(COUNT))
        time.sleep(1.0)
        done = mdkg_build(small, fault_store)
        assert done.returncode == 0, done.stderr
        small_count = store_count(fault_store)
        time.sleep(1.5)
        done = mdkg_build(default_corpus(), fault_store)
        assert done.returncode == 0, done.stderr
        time.sleep(1.5)
        answers = clients.stop()
    finally:
        server.stop()
    assert small_count < full_count
    statuses = {status for status, _ in answers}
    assert statuses == {200}, [a for a in answers if a[0] != 200][:5]
    counts = [value for _, value in answers]
    assert set(counts) <= {full_count, small_count}, sorted(set(counts))
    assert small_count in counts and full_count in counts, "the switch-over was not observed"
    assert counts[-1] == full_count


@pytest.mark.slow
def test_killed_build_keeps_the_previous_store_and_next_build_succeeds(fault_store, tmp_path):
    before = store_mod.resolve(fault_store)
    expected = store_count(fault_store)
    server = start_server(fault_store, tmp_path / "server.log", workers=1, QUERY_PROCESSES=1,
                          QUERY_TIMEOUT=30, ACCESS_LOG=False)
    try:
        builds = store_mod.builds_dir(fault_store)
        existing = set(builds.iterdir())
        build = mdkg_build(default_corpus(), fault_store, "--full", wait=False)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and build.poll() is None and not (set(builds.iterdir()) - existing):
            time.sleep(0.02)  # wait until the new build has started writing its store
        assert build.poll() is None, f"the build ended before it could be killed: {build.communicate()}"
        assert set(builds.iterdir()) - existing, "the build never started writing"
        os.killpg(build.pid, signal.SIGKILL)
        build.wait(30)
        assert store_mod.resolve(fault_store) == before
        health = requests.get(server.url + "/health", timeout=30).json()
        assert health["build_id"] == before.name
        answer = requests.get(server.sparql, params={"query": unique(COUNT)}, headers=JSON, timeout=30)
        assert answer.status_code == 200 and count_of(answer) == expected

        done = mdkg_build(default_corpus(), fault_store)
        assert done.returncode == 0, done.stderr
        after = store_mod.resolve(fault_store)
        assert after != before
        health = requests.get(server.url + "/health", timeout=30).json()
        assert health["build_id"] == after.name
        answer = requests.get(server.sparql, params={"query": unique(COUNT)}, headers=JSON, timeout=30)
        assert answer.status_code == 200 and count_of(answer) == expected
    finally:
        server.stop()
