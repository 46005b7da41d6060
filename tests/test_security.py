"""Security acceptance of the SPARQL service against the real production server.

SERVICE and LOAD never reach a local TCP listener; writes without (or with a wrong) token are
refused and change nothing; a pathological query is stopped at the time limit while simple
queries keep succeeding; 1,000 seeded random and malformed requests never produce a 5xx.
"""
from __future__ import annotations

import random
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
import requests

from conftest import UPDATE_TOKEN
from graph_builder.service import guard
from serverutil import GRAPH_A, Canary

AUTH = {"Authorization": f"Bearer {UPDATE_TOKEN}"}
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CROSS_STAR = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def listener():
    item = Canary()
    yield item
    item.close()


def _count(server) -> int:
    r = requests.get(server.sparql, params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
                     timeout=30)
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_listener_is_reachable(listener):
    """The check below is meaningful: a plain connection to the listener is seen."""
    socket.create_connection(("127.0.0.1", listener.port), timeout=2).close()
    time.sleep(0.5)
    assert listener.connections == 1


def test_parse_only_checks_never_connect(listener):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    assert guard.query_syntax_error(f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", None) is None
    assert guard.query_syntax_error("ASK {", None) is not None
    time.sleep(0.5)
    assert listener.connections == 0


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX r: <{url}/> SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE r:x {{ ?s ?p ?o }} }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
])
def test_service_never_reaches_listener(readonly_server, listener, template):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    response = requests.get(readonly_server.sparql, params={"query": template.format(url=url)}, timeout=30)
    assert response.status_code == 403, response.text
    assert "SERVICE" in response.text
    time.sleep(0.3)
    assert listener.connections == 0


@pytest.mark.parametrize("template", [
    "ASK {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",  # SILENT: the refused call is an empty answer
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",  # pyoxigraph: a 4xx of its own
])
def test_silent_or_variable_service_never_reaches_listener(readonly_server, listener, template):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    response = requests.get(readonly_server.sparql, params={"query": template.format(url=url)}, timeout=30)
    assert response.status_code < 500, response.text
    time.sleep(0.3)
    assert listener.connections == 0


def test_load_and_update_service_refused_with_token(writable_server, listener):
    url = f"http://127.0.0.1:{listener.port}/data.ttl"
    for update in (f"LOAD <{url}>", f"LOAD SILENT <{url}> INTO GRAPH <http://example.org/g>",
                   f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"):
        response = requests.post(writable_server.sparql, data={"update": update}, headers=AUTH, timeout=30)
        # SILENT turns the refused connection into a no-op, as the SPARQL Update spec says
        assert response.status_code == (204 if "SILENT" in update else 403), (update, response.text)
    time.sleep(0.3)
    assert listener.connections == 0


def test_writes_without_token_refused_and_store_unchanged(writable_server):
    requests.put(writable_server.url + "/store", params={"graph": GRAPH_A}, headers={
        **AUTH, "Content-Type": "text/turtle"}, data=b"<http://example.org/s> <http://example.org/p> 1 .",
        timeout=30).raise_for_status()
    before = _count(writable_server)
    assert before >= 1
    attempts = [
        ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"DROP ALL"),
        ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, b"update=CLEAR%20ALL"),
        ("PUT", "/store?default", {"Content-Type": "text/turtle"}, b"<urn:a> <urn:b> <urn:c> ."),
        ("POST", "/store?graph=" + GRAPH_A, {"Content-Type": "text/turtle"}, b"<urn:a> <urn:b> <urn:c> ."),
        ("DELETE", "/store?graph=" + GRAPH_A, {}, None),
    ]
    for method, path, headers, body in attempts:
        none = requests.request(method, writable_server.url + path, headers=headers, data=body, timeout=30)
        assert none.status_code == 401, (method, path, none.text)
        assert "Bearer" in none.headers.get("WWW-Authenticate", "")
        wrong = requests.request(method, writable_server.url + path, data=body, timeout=30,
                                 headers={**headers, "Authorization": "Bearer not-the-token"})
        assert wrong.status_code == 403, (method, path, wrong.text)
    assert _count(writable_server) == before


def test_readonly_service_refuses_writes(readonly_server):
    before = _count(readonly_server)
    response = requests.post(readonly_server.sparql, data=b"DROP ALL", timeout=30, headers={
        "Content-Type": "application/sparql-update", "Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert _count(readonly_server) == before == 3600


@pytest.mark.timing  # wall-clock bounds: runs alone
def test_pathological_query_stopped_while_others_succeed(readonly_server):
    limit = 3.0  # the readonly_server's QUERY_TIMEOUT
    simple = {"query": "SELECT ?s WHERE { ?s a <http://example.org/Item> } LIMIT 5"}
    with ThreadPoolExecutor(max_workers=4) as pool:
        started = time.monotonic()
        slow = pool.submit(requests.get, readonly_server.sparql, params={"query": CROSS}, timeout=30)
        time.sleep(0.3)
        quick = []
        while not slow.done() and time.monotonic() - started < 10:
            response = requests.get(readonly_server.sparql, params=simple, timeout=10)
            quick.append(response.status_code)
            time.sleep(0.1)
        response = slow.result()
        elapsed = time.monotonic() - started
    assert response.status_code == 504, response.text
    assert "time limit" in response.text
    assert limit - 0.5 <= elapsed <= limit + 2
    assert len(quick) >= 5 and set(quick) == {200}
    # and the service is whole again afterwards
    assert requests.get(readonly_server.sparql, params=simple, timeout=10).status_code == 200


@pytest.mark.timing  # wall-clock bound: runs alone
def test_unbounded_select_star_is_cut_at_the_row_cap(readonly_server):
    started = time.monotonic()
    response = requests.get(readonly_server.sparql, params={"query": CROSS_STAR}, timeout=30)
    assert time.monotonic() - started <= 3 + 2
    assert response.status_code == 200
    assert response.headers["X-MDKG-Truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == 1000


FRAGMENTS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", "?x", "?y", "$z",
             "<http://example.org/a>", "<", ">", "\"lit\"", "'x", "\"\"\"", "@en", "^^", "FILTER", "OPTIONAL",
             "UNION", "GRAPH", "SERVICE", "LOAD", "INSERT", "DELETE", "DATA", "PREFIX", "ex:", "ex:a",
             ".", ";", ",", "*", "a", "1", "-2.5e3", "LIMIT", "ORDER BY", "GROUP BY", "COUNT(", "BIND",
             "AS", "VALUES", "#", "\n", "_:b", "[", "]", "!", "||", "&&", "=", "REGEX(", "\\", "\u0627\u0644",
             "\x00", "\ufffd", "%", "FROM", "NAMED", "MINUS", "EXISTS", "NOT", "SILENT", "<<", ">>"]
VALID = ["SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "ASK { ?s a <http://example.org/Item> }",
         "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2"]


def _random_queries(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            text = " ".join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(1, 25)))
        elif kind == 1:
            base = rnd.choice(VALID)
            cut = rnd.randint(0, len(base) - 1)
            text = base[:cut] + rnd.choice(FRAGMENTS) + base[cut + rnd.randint(0, 3):]
        elif kind == 2:
            text = "".join(chr(rnd.randint(1, 0x2FF)) for _ in range(rnd.randint(0, 60)))
        else:
            base = rnd.choice(VALID)
            text = "".join(c for c in base if rnd.random() > 0.15)
        out.append(text)
    return out


def _is_syntax_error(text: str) -> bool:
    try:
        ox.Store().query(text, base_iri="http://127.0.0.1/sparql", default_graph=object())  # the server resolves against its URL
    except SyntaxError:
        return True
    except (ValueError, TypeError):
        return False
    return False


@pytest.mark.timing  # wall-clock bound: runs alone
def test_thousand_random_queries_never_5xx(readonly_server):
    queries = _random_queries(20240501, 1000)

    def send(i_text):
        i, text = i_text
        if i % 3 == 0:
            r = requests.get(readonly_server.sparql, params={"query": text}, timeout=30)
        elif i % 3 == 1:
            r = requests.post(readonly_server.sparql, data=text.encode("utf-8", "surrogatepass"), timeout=30,
                              headers={"Content-Type": "application/sparql-query"})
        else:
            r = requests.post(readonly_server.sparql, data={"query": text}, timeout=30)
        return text, r.status_code

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(send, enumerate(queries)))
    assert time.monotonic() - started < 60
    statuses = [status for _, status in answers]
    assert all(status < 500 for status in statuses), [a for a in answers if a[1] >= 500][:5]
    malformed = [(text, status) for text, status in answers if _is_syntax_error(text)]
    assert len(malformed) > 800
    assert all(400 <= status < 500 for _, status in malformed)


def test_malformed_protocol_requests_are_4xx(readonly_server):
    url = readonly_server.sparql
    cases = [
        requests.post(url, data=b"\xff\xfe\x00bad", headers={"Content-Type": "application/sparql-query"}),
        requests.post(url, data=b"ASK {}", headers={"Content-Type": "application/sparql-query; charset=latin-1"}),
        requests.post(url, data=b"query=ASK%20%7B%7D&query=ASK%20%7B%7D",
                      headers={"Content-Type": "application/x-www-form-urlencoded"}),
        requests.get(url, params={"query": "ASK {}", "default-graph-uri": "not an iri"}),
        requests.get(url, params={"query": "ASK {}", "update": "CLEAR ALL"}),
        requests.post(url, data=b"x" * 10, headers={"Content-Type": "application/json"}),
        requests.get(url, params={"query": "SELECT * {}"}, headers={"Accept": "image/png"}),
        requests.get(readonly_server.url + "/store", params={"graph": "http://example.org/none"}),
        requests.get(readonly_server.url + "/store"),
        requests.request("PATCH", url),
    ]
    assert [c.status_code // 100 for c in cases] == [4] * len(cases), [c.status_code for c in cases]
    assert all("Traceback" not in c.text for c in cases)


def test_body_and_query_length_limits(readonly_server):
    big = b"query=" + b"A" * (1024 * 1024 + 10)
    response = requests.post(readonly_server.sparql, data=big,
                             headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=30)
    assert response.status_code == 413
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 20_000
    response = requests.post(readonly_server.sparql, data=long_query.encode(), timeout=30,
                             headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413
    assert "20000" in response.text
