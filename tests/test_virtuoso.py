"""MDKG beside a real Virtuoso (Debian's virtuoso-opensource) on loopback ports: the bundled build
pushed with HTTP Digest through ``/sparql-graph-crud-auth`` and compared graph by graph, every named
query's rows compared with the embedded store's, and ``mdkg serve --sparql-endpoint`` serving a
page, a search and a named query from it (compared with the service over the embedded store)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter

import pyoxigraph as ox
import pytest
import requests

from graph_builder import cli
from graph_builder.build.store import open_read_only
from graph_builder.namespaces import DEFAULT_BASE, Base
from graph_builder.publish.push import PushError, push_store
from graph_builder.service import named_queries as nq
from graph_builder.service.remote_store import RemoteStore
from graph_builder.text import arsearch
from serverutil import REPO, RunningServer, free_port
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


# -- the named queries: the same rows on Virtuoso as on the embedded store -------------------------
def _rows(solutions) -> Counter:
    return Counter(tuple(None if s[v] is None else str(s[v]) for v in solutions.variables) for s in solutions)


def _runs(query) -> list[dict[str, str]]:
    """The query's examples, and the run with every parameter unbound when all are optional."""
    runs = [dict(pair.split("=", 1) for pair in example.split("&") if pair) for example in query.examples]
    if all(p.optional for p in query.params):
        runs.append({})
    return runs


def test_every_named_query_answers_the_same_rows(pushed, built_store):
    local = open_read_only(built_store)
    remote = RemoteStore(pushed.sparql, graph_prefix=Base(DEFAULT_BASE).iri + "graph/", timeout=60)
    catalogue = nq.load_catalogue(nq.queries_dir(None))
    compared, empty = 0, []
    for name, query in catalogue.items():
        for args in _runs(query):
            here = _rows(nq.run_local(local, query, args))
            there = _rows(nq.run_local(remote, query, args))
            assert here == there, (name, args, list((here - there).items())[:3], list((there - here).items())[:3])
            compared += 1
            if not here:
                empty.append((name, args))
    assert compared >= len(catalogue)
    assert len(empty) <= compared // 10, empty  # equal empty answers would prove little


def _ordered(solutions) -> list[tuple]:
    return [tuple(None if s[v] is None else str(s[v]) for v in solutions.variables) for s in solutions]


@pytest.mark.xfail(strict=True, reason="Virtuoso 7.2 orders long literals that share a long beginning otherwise "
                   "than by their text ('Office of the United Nations High Commissioner for Refugees' before '... for "
                   "Human Rights', memberships) and sorts unbound values otherwise in some plans (persons-and-roles); "
                   "docs/benchmarks.md")
def test_every_named_query_answers_in_the_same_order(pushed, built_store):
    """The rows in the order each engine gives them: the same on both, so an ORDER BY that leaves ties
    or a MIN that the engine chooses fails here (tests/test_query_order.py checks the texts)."""
    local = open_read_only(built_store)
    remote = RemoteStore(pushed.sparql, graph_prefix=Base(DEFAULT_BASE).iri + "graph/", timeout=60)
    catalogue = nq.load_catalogue(nq.queries_dir(None))
    differ = []
    for name, query in catalogue.items():
        for args in _runs(query):
            here = _ordered(nq.run_local(local, query, args))
            there = _ordered(nq.run_local(remote, query, args))
            if here != there:
                differ.append((name, args, next(((i, a[:3], b[:3]) for i, (a, b) in enumerate(zip(here, there))
                                                 if a != b), len(here) - len(there))))
    assert differ == [], differ


@pytest.mark.xfail(strict=True, reason="Virtuoso 7.2 sorts a page (ORDER BY ... LIMIT/OFFSET) otherwise than the "
                   "whole answer (unbound values last: co-mentions entity=remittances, persons-and-roles unbound); "
                   "docs/benchmarks.md")
def test_a_page_from_the_middle_is_the_same_on_both_engines(pushed, built_store):
    local = open_read_only(built_store)
    remote = RemoteStore(pushed.sparql, graph_prefix=Base(DEFAULT_BASE).iri + "graph/", timeout=60)
    catalogue = nq.load_catalogue(nq.queries_dir(None))
    differ, paged = [], 0
    for name, query in catalogue.items():
        for args in _runs(query):
            here = _ordered(nq.run_local(local, query, args))
            if len(here) >= 6:
                page = nq.Page(3, len(here) // 2 - 1)
                if _ordered(nq.run_local(remote, query, args, page)) != here[page.offset:page.offset + 4]:
                    differ.append((name, args))
                paged += 1
    assert paged >= len(catalogue) // 2
    assert differ == [], differ


def test_commitments_of_one_kind_unbound_lists_commitments_only(pushed, built_store):
    query = nq.load_catalogue(nq.queries_dir(None))["commitments-by-type"]
    local = open_read_only(built_store)
    rows = list(nq.run_local(local, query, {}))
    kinds = {row["kind"].value for row in rows}
    commitment_kinds = {row["k"].value for row in local.query(
        "SELECT ?k WHERE { ?k <http://www.w3.org/2000/01/rdf-schema#subClassOf>* "
        "<https://w3id.org/mdkg/ontology#Commitment> }", use_default_graph_as_union=True)}
    assert rows and kinds <= commitment_kinds
    statements = {row["s"].value for row in local.query(
        "SELECT ?s WHERE { ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }",
        use_default_graph_as_union=True)}
    assert not statements & {row["commitment"].value for row in rows}


def test_paragraph_search_text_does_what_ar_match_does(pushed, built_store):
    """REGEX on mdkg:searchText (any engine) finds exactly the paragraphs mdkg:arMatch finds."""
    local = open_read_only(built_store)
    remote = RemoteStore(pushed.sparql, graph_prefix=Base(DEFAULT_BASE).iri + "graph/", timeout=60)
    by_ar_match = ("SELECT ?q ?p WHERE { ?p <https://w3id.org/mdkg/ontology#text> ?t "
                   "FILTER(<https://w3id.org/mdkg/ontology#arMatch>(?t, ?q)) }")
    by_search_text = ("SELECT ?pattern ?p WHERE { ?p <https://w3id.org/mdkg/ontology#searchText> ?s "
                      "FILTER(REGEX(?s, ?pattern)) }")
    for words in ("التحويلات المالية", "للمهاجرين", "الهجرة والتنمية", "منظمه الدوليه"):
        expected = {r["p"].value for r in local.query(
            by_ar_match, use_default_graph_as_union=True, substitutions={ox.Variable("q"): ox.Literal(words)},
            custom_functions=arsearch.custom_functions())}
        pattern = {ox.Variable("pattern"): ox.Literal(arsearch.search_pattern(words))}
        here = {r["p"].value for r in local.query(by_search_text, use_default_graph_as_union=True,
                                                   substitutions=pattern)}
        there = {r["p"].value for r in remote.query(by_search_text, use_default_graph_as_union=True,
                                                     substitutions=pattern)}
        assert expected and here == expected == there, words


# -- the service over Virtuoso ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def remote_service(pushed, tmp_path_factory):
    """``mdkg serve --sparql-endpoint`` (the CLI, under gunicorn) reading the Virtuoso of ``pushed``."""
    port = free_port()
    log = tmp_path_factory.mktemp("remote-service") / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    env.update(MDKG_MAX_ROWS="10", MDKG_QUERY_TIMEOUT="20", PYTHONPATH=str(REPO))
    with open(log, "wb") as handle:
        process = subprocess.Popen([sys.executable, "-m", "graph_builder", "serve", "--sparql-endpoint",
                                    pushed.sparql, "--port", str(port), "--workers", "1"],
                                   cwd=REPO, env=env, stdout=handle, stderr=handle)
    server = RunningServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"mdkg serve exited with {process.returncode}:\n{server.log_text()}")
        try:
            if requests.get(server.url + "/health", timeout=10).status_code == 200:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"mdkg serve not ready within 60 s:\n{server.log_text()}")
        time.sleep(0.2)
    yield server
    server.stop()


def test_service_over_virtuoso_serves_a_page(remote_service, built_server):
    there = requests.get(remote_service.url + "/page/org/iom", timeout=60)
    here = requests.get(built_server.url + "/page/org/iom", timeout=60)
    assert there.status_code == here.status_code == 200
    assert "International Organization for Migration" in there.text
    assert "المنظمة الدولية للهجرة" in there.text
    health = requests.get(remote_service.url + "/health", timeout=30).json()
    assert health["engine"] == "remote" and "store" not in health and health["build_id"] != "empty"
    assert health["graphs"] == requests.get(built_server.url + "/health", timeout=30).json()["graphs"]


def test_service_over_virtuoso_searches(remote_service, built_server):
    params = {"q": "التحويلات المالية", "format": "json", "limit": "200"}
    there = requests.get(remote_service.url + "/search", params=params, timeout=60)
    here = requests.get(built_server.url + "/search", params=params, timeout=60)
    assert there.status_code == here.status_code == 200
    hits = [(p["iri"], p["highlights"]) for p in there.json()["paragraphs"]]
    assert hits and hits == [(p["iri"], p["highlights"]) for p in here.json()["paragraphs"]]


def test_service_over_virtuoso_runs_a_named_query(remote_service, built_server):
    params = {"year": "2008", "format": "json"}
    there = requests.get(remote_service.url + "/queries/gfmd-meetings", params=params, timeout=60)
    here = requests.get(built_server.url + "/queries/gfmd-meetings", params=params, timeout=60)
    assert there.status_code == here.status_code == 200
    rows = there.json()["results"]["bindings"]
    assert rows and rows == here.json()["results"]["bindings"]
    assert rows[0]["place_en"]["value"] == "Manila"


def test_service_over_virtuoso_keeps_the_row_cap_and_refuses_service(remote_service):
    r = requests.get(remote_service.url + "/sparql", timeout=60, headers={"Accept": "application/sparql-results+json"},
                     params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 50"})
    assert r.status_code == 200 and r.headers["X-MDKG-Truncated"] == "true"
    assert len(r.json()["results"]["bindings"]) == 10
    r = requests.get(remote_service.url + "/sparql", timeout=60, params={
        "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403 and "SERVICE" in r.text
    r = requests.post(remote_service.url + "/sparql", timeout=60, data={"update": "LOAD <http://127.0.0.1:9/x>"})
    assert r.status_code in (401, 403)


def test_service_over_virtuoso_serves_home_browse_lists_and_pictures(remote_service, built_server):
    home = requests.get(built_server.url + "/", timeout=60)
    assert home.status_code == 200
    links = sorted(set(re.findall(r'href="(/(?:browse|pictures)/[^"?#]+)', home.text)))
    assert links, "the home page links no browse list or picture"
    for path in ["/", "/pictures/"] + links:
        here = requests.get(built_server.url + path, timeout=60)
        there = requests.get(remote_service.url + path, timeout=60)
        assert there.status_code == here.status_code == 200, (path, there.status_code, there.text[:300])
