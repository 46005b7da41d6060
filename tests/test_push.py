"""Pushing a store to a real ``oxigraph serve`` through the SPARQL 1.1 Graph Store HTTP Protocol."""
from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph_builder.publish.push import PushError, push_store
from linked_data_sample import G_A, PHL, sample_quads
from serverutil import free_port

EX = "http://example.org/"
OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


@pytest.fixture(scope="module")
def remote(tmp_path_factory):
    """``oxigraph serve`` on a free localhost port, with its own data directory."""
    if OXIGRAPH is None:
        pytest.fail("the oxigraph CLI (PyPI package 'oxigraph') is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("remote")
    log = open(location.parent / f"oxigraph-{port}.log", "wb")
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location / "db"),
                             "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with {proc.returncode}")
        try:
            if requests.get(url + "/query", params={"query": "ASK {}"}, timeout=2).ok:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            proc.terminate()
            raise RuntimeError("oxigraph serve did not start within 30 s")
        time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(10)
    log.close()


def remote_counts(url: str) -> dict[str, int]:
    r = requests.get(url + "/query", params={"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                                                       "GROUP BY ?g"},
                     headers={"Accept": "application/sparql-results+json"}, timeout=10)
    r.raise_for_status()
    return {b["g"]["value"]: int(b["n"]["value"]) for b in r.json()["results"]["bindings"]}


def remote_graph(url: str, graph: str) -> set[str]:
    """The remote graph's triples without blank nodes, as N-Triples lines."""
    r = requests.get(url + "/store", params={"graph": graph}, headers={"Accept": "application/n-triples"},
                     timeout=10)
    r.raise_for_status()
    return {line for line in r.text.splitlines() if line and "_:" not in line}


def local_counts(st: ox.Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in st:
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    return counts


def local_graph(st: ox.Store, graph: str) -> set[str]:
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in st.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
    return {line for line in text.splitlines() if line and "_:" not in line}


def test_push_replaces_each_graph(remote, tmp_path):
    # a graph that only the remote has must survive the push
    requests.put(remote + "/store", params={"graph": EX + "remote-only"},
                 data=f"<{EX}a> <{EX}b> <{EX}c> .\n", headers={"Content-Type": "application/n-triples"},
                 timeout=10).raise_for_status()
    st = ox.Store(str(tmp_path / "local"))
    st.extend(sample_quads())
    sent = push_store(st, remote + "/store")
    assert sent == local_counts(st)
    assert len(sent) == 4
    remote_now = remote_counts(remote)
    assert {g: n for g, n in remote_now.items() if g in sent} == sent
    assert remote_now[EX + "remote-only"] == 1
    for graph in sent:
        assert remote_graph(remote, graph) == local_graph(st, graph)

    # change graph A locally (one quad out, one in) and push again: replaced, not appended
    dropped = next(iter(st.quads_for_pattern(None, None, None, G_A)))
    st.remove(dropped)
    st.add(ox.Quad(PHL, ox.NamedNode(EX + "note"), ox.Literal("second push"), G_A))
    again = push_store(st, remote + "/store")
    assert again == local_counts(st) == {g: n for g, n in remote_counts(remote).items() if g in again}
    assert remote_graph(remote, G_A.value) == local_graph(st, G_A.value)
    assert any("second push" in line for line in remote_graph(remote, G_A.value))


def test_push_error_names_the_graph(remote):
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("o"), ox.NamedNode(EX + "g1")))
    with pytest.raises(PushError, match=r"<http://example.org/g1>.*HTTP 404"):
        push_store(st, remote + "/no-such-path")
    with pytest.raises(PushError, match=r"<http://example.org/g1>.*ConnectionError"):
        push_store(st, f"http://127.0.0.1:{free_port()}/store", timeout=5)


class _GuardedStore(http.server.BaseHTTPRequestHandler):
    """Accepts PUT only with the expected credentials; records what it received."""

    expected = {"Bearer secret-token", "Basic dXNlcjpwYXNz"}  # user:pass
    challenge = 'Basic realm="mdkg-test"'
    received: list = []

    def do_PUT(self):  # noqa: N802 (http.server naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        auth = self.headers.get("Authorization", "")
        self.received.append((self.path, auth, self.headers.get("Content-Type"), body))
        self.send_response(204 if auth in self.expected else 401)
        if auth not in self.expected:
            self.send_header("WWW-Authenticate", self.challenge)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_push_sends_bearer_token_and_basic_auth():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _GuardedStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/store"
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("o"), ox.NamedNode(EX + "g1")))
    try:
        with pytest.raises(PushError, match="HTTP 401"):
            push_store(st, url)
        assert push_store(st, url, token="secret-token") == {EX + "g1": 1}
        bearer = list(_GuardedStore.received)
        _GuardedStore.received.clear()
        st.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("o"), ox.NamedNode(EX + "g2")))
        assert push_store(st, url, auth=("user", "pass")) == {EX + "g1": 1, EX + "g2": 1}
        # no credentials before the server asks; then Basic, as its challenge says, for every graph
        assert [auth for _, auth, _, _ in _GuardedStore.received] == ["", "Basic dXNlcjpwYXNz",
                                                                       "Basic dXNlcjpwYXNz"]
        _GuardedStore.challenge = 'Negotiate'
        with pytest.raises(PushError, match="neither Basic nor Digest"):
            push_store(st, url, auth=("user", "pass"))
    finally:
        _GuardedStore.challenge = 'Basic realm="mdkg-test"'
        server.shutdown()
        server.server_close()
    path, auth, ctype, body = bearer[1]
    assert path == "/store?graph=http%3A%2F%2Fexample.org%2Fg1"
    assert auth == "Bearer secret-token" and ctype == "application/n-triples"
    assert body == b'<http://example.org/s> <http://example.org/p> "o" .\n'
