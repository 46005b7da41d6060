"""The remote-engine client without Virtuoso: where parameters go, the time limit, and SERVICE
refused before anything is sent (a real HTTP server on loopback that records what reaches it)."""
from __future__ import annotations

import http.server
import threading
import time

import pyoxigraph as ox
import pytest

from graph_builder.service import guard
from graph_builder.service.remote_store import RemoteError, RemoteStore, RemoteTimeout, query_form, with_values

RESULTS = (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
           b'<variable name="g"/></head><results><result><binding name="g"><bnode>nodeID://b1</bnode>'
           b'</binding></result></results></sparql>')


class _Engine(http.server.BaseHTTPRequestHandler):
    """Answers every POST with one row after ``delay`` seconds; records the bodies it received."""

    delay = 0.0
    received: list = []
    answer = RESULTS
    extra_headers: dict = {}

    def do_POST(self):  # noqa: N802
        self.received.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        time.sleep(self.delay)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+xml")
            for name, value in self.extra_headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(self.answer)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the time-limit test)

    def log_message(self, *args):
        pass


@pytest.fixture()
def engine():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Engine)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Engine.received, _Engine.delay, _Engine.answer, _Engine.extra_headers = [], 0.0, RESULTS, {}
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def test_values_open_the_where_group_past_comments_strings_and_iris():
    text = ('PREFIX ex: <http://ex.org/x#where>\n# where { in a comment\n'
            'SELECT ?x ?n (COUNT(?y) AS ?c) WHERE { ?x ex:p "where {" . ?x ex:q ?y } GROUP BY ?x ?n')
    out = with_values(text, {"x": ox.NamedNode("http://ex.org/a"), "n": ox.Literal('say "hi"', language="en")})
    assert 'WHERE { VALUES (?x ?n) { (<http://ex.org/a> "say \\"hi\\""@en) }  ?x ex:p' in out
    assert guard.query_syntax_error(out, None) is None
    assert query_form(text) == "SELECT"
    assert query_form("PREFIX s: <http://select/> CONSTRUCT { ?s ?p 'select' } WHERE { ?s ?p ?o }") == "CONSTRUCT"


def test_remote_answers_are_pyoxigraph_results(engine):
    remote = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=5)
    rows = list(remote.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", default_graph=[], named_graphs=[]))
    assert isinstance(rows[0]["g"], ox.BlankNode)  # Virtuoso's nodeID:// read as a blank node


@pytest.mark.timing  # wall-clock bound: runs alone
def test_the_time_limit_stops_waiting(engine):
    _Engine.delay = 3.0
    remote = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=0.5)
    started = time.monotonic()
    with pytest.raises(RemoteTimeout) as caught:
        remote.query("SELECT * WHERE { ?s ?p ?o }", default_graph=[], named_graphs=[])
    assert time.monotonic() - started < 2.0 and caught.value.status == 504


def test_a_partial_answer_cut_at_the_engines_own_time_limit_is_refused(engine):
    """Virtuoso past its MaxQueryExecutionTime answers 200 with the rows found so far and marks it
    only in a header (its "anytime" answer, X-SQL-State: S1TAT): that is a 504, not an answer."""
    remote = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=5)
    assert len(list(remote.query("SELECT ?g WHERE { ?s ?p ?g }", default_graph=[], named_graphs=[]))) == 1
    _Engine.extra_headers = {"X-SQL-State": "S1TAT", "X-SQL-Message": "RC...: Returning incomplete results"}
    with pytest.raises(RemoteError) as caught:
        remote.query("SELECT ?g WHERE { ?s ?p ?g }", default_graph=[], named_graphs=[])
    assert caught.value.status == 504 and "S1TAT" in caught.value.message


def test_an_answer_with_one_header_per_graph_is_read(engine):
    """Virtuoso echoes each default-graph-uri as an X-SPARQL-default-graph header: a store of hundreds
    of graphs gets hundreds of headers, past Python's default limit of 100."""
    _Engine.extra_headers = {f"X-SPARQL-default-graph-{i}": f"http://ex.org/graph/report-{i}" for i in range(300)}
    remote = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=5)
    assert len(list(remote.query("SELECT ?g WHERE { ?s ?p ?g }", default_graph=[], named_graphs=[]))) == 1


def test_service_is_refused_before_the_query_leaves(engine):
    remote = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=5)
    with pytest.raises(guard.Rejected) as caught:
        remote.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert caught.value.status == 403
    assert _Engine.received == []  # nothing reached the engine, not even the graph listing


GRAPHS = (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
          b'<variable name="g"/></head><results>'
          b'<result><binding name="g"><uri>http://ex.org/graph/report-1</uri></binding></result>'
          b'<result><binding name="g"><uri>http://ex.org/graph/facts</uri></binding></result>'
          b'</results></sparql>')


def test_the_facts_graph_goes_only_as_a_named_graph(engine):
    """The union default graph lists every MDKG graph but the facts graph, which the queries name with
    GRAPH: sent as a default graph too, it would double every entity triple of the union."""
    from urllib.parse import parse_qs
    _Engine.answer = GRAPHS  # the list of graphs, and the rows of the query
    remote = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=5)
    rows = list(remote.query("SELECT ?g WHERE { ?s ?p ?g }", use_default_graph_as_union=True))
    assert [r["g"].value for r in rows] == ["http://ex.org/graph/report-1", "http://ex.org/graph/facts"]
    sent = parse_qs(_Engine.received[-1].decode())
    assert sent["default-graph-uri"] == ["http://ex.org/graph/report-1"]
    assert sent["named-graph-uri"] == ["urn:mdkg:empty-default-graph"]  # no GRAPH: no named graphs to plan
    remote.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", use_default_graph_as_union=True)
    sent = parse_qs(_Engine.received[-1].decode())
    assert sent["default-graph-uri"] == ["http://ex.org/graph/report-1"]
    assert sorted(sent["named-graph-uri"]) == ["http://ex.org/graph/facts", "http://ex.org/graph/report-1"]
    everything = RemoteStore(engine, graph_prefix="http://ex.org/graph/", timeout=5, named_only=())
    everything.query("SELECT ?g WHERE { ?s ?p ?g }", use_default_graph_as_union=True)
    assert sorted(parse_qs(_Engine.received[-1].decode())["default-graph-uri"]) == [
        "http://ex.org/graph/facts", "http://ex.org/graph/report-1"]
