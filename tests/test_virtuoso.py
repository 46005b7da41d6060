"""MDKG beside a real Virtuoso (Debian's virtuoso-opensource) on loopback ports: the bundled build
pushed with HTTP Digest through ``/sparql-graph-crud-auth`` and compared graph by graph."""
from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
import requests

from graph_builder import cli
from graph_builder.build.store import open_read_only
from graph_builder.publish.push import PushError, push_store
import virtuoso_util

pytestmark = pytest.mark.virtuoso

USER, PASSWORD = "mdkg_pusher", "pw-7c1e"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    reason = virtuoso_util.missing()
    if reason:
        pytest.fail(reason)
    server = virtuoso_util.start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        server.add_user(USER, PASSWORD)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pushed(virtuoso, built_store):
    """The bundled build pushed by ``mdkg push --user`` (password from the environment), Digest."""
    old = os.environ.get("MDKG_PUSH_PASSWORD")
    os.environ["MDKG_PUSH_PASSWORD"] = PASSWORD
    try:
        code = cli.main(["push", "--store", str(built_store), "--endpoint", virtuoso.graph_crud_auth,
                         "--user", USER])
    finally:
        if old is None:
            del os.environ["MDKG_PUSH_PASSWORD"]
        else:
            os.environ["MDKG_PUSH_PASSWORD"] = old
    assert code == 0
    return virtuoso


def remote_select(server, query: str) -> list[dict]:
    r = requests.post(server.sparql, data={"query": query},
                      headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert r.status_code == 200, r.text[:500]
    return r.json()["results"]["bindings"]


def local_counts(store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in open_read_only(store):
        key = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else "default"
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_push_with_digest_writes_every_graph(pushed, built_store):
    local = local_counts(built_store)
    assert "default" not in local and len(local) >= 3
    rows = remote_select(pushed, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    remote = {r["g"]["value"]: int(r["n"]["value"]) for r in rows}
    assert {g: remote.get(g, 0) for g in local} == local


def test_push_needs_the_credentials(virtuoso, built_store):
    st = ox.Store()
    st.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                   ox.Literal("o"), ox.NamedNode("http://example.org/auth-check")))
    with pytest.raises(PushError, match="HTTP 401"):
        push_store(st, virtuoso.graph_crud_auth)
    with pytest.raises(PushError, match="HTTP 401"):
        push_store(st, virtuoso.graph_crud_auth, auth=(USER, "wrong-password"))
    assert push_store(st, virtuoso.graph_crud_auth, auth=(USER, PASSWORD)) == {
        "http://example.org/auth-check": 1}
    rows = remote_select(virtuoso, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/auth-check> "
                                   "{ ?s ?p ?o } }")
    assert rows[0]["n"]["value"] == "1"
