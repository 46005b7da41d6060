"""SSRF closed by construction: SERVICE/LOAD payloads never reach a canary TCP listener, and the
processes that run pyoxigraph cannot connect anywhere unless a host is allow-listed.

The payloads are the two of issue 11 (a ``#`` comment ended by ``\\r``; a ``\\u0022`` inside a
string), ``\\u`` escapes in IRIs, comments in every position, other spellings of the loopback
address, and a generator (hypothesis) that mixes them. They go to ``/sparql`` (GET, form POST,
direct POST), ``/export``, the named queries' parameters, ``/search`` and, with the token, to
updates. A control test shows the payloads are live: an unconfined pyoxigraph does connect.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import UPDATE_TOKEN
from serverutil import REPO, Canary, free_port, start_server

AUTH = {"Authorization": f"Bearer {UPDATE_TOKEN}"}


@pytest.fixture(scope="module")
def canary():
    item = Canary()
    yield item
    item.close()


def payloads(url: str) -> list[str]:
    """Queries that ask pyoxigraph for a SERVICE call to ``url``, spelled to confuse a second parser."""
    host_port = url.split("//")[1].split("/")[0]
    port = host_port.split(":")[1]
    escaped_colon = url.replace(":", "\\u003A", 1)
    escaped_all = "".join(f"\\u{ord(c):04X}" for c in url)
    big_u = url.replace("/", "\\U0000002F")
    base = "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }"
    tokens = base.split(" ")
    commented = []
    for i in range(1, len(tokens)):
        for comment in ("#\r", "# x\r", "#\n", "#}\r", "# SERVICE\r\n"):
            commented.append(" ".join(tokens[:i]) + f" {comment} " + " ".join(tokens[i:]))
    out = [
        "SELECT * WHERE { #\r SERVICE <URL> { ?s ?p ?o } \n }",  # H1
        'SELECT * WHERE { BIND("\\u0022#" AS ?x) SERVICE <URL> { ?s ?p ?o } BIND(1\n AS ?y) }',  # H2
        "SELECT * WHERE { BIND('\\u0027#' AS ?x) SERVICE <URL> { ?s ?p ?o } BIND(1\n AS ?y) }",
        'SELECT * WHERE { BIND("""\\u0022\\u0022\\u0022#""" AS ?x) SERVICE <URL> { ?s ?p ?o } }',
        "ASK { SERVICE <URL> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <URL> { ?s ?p ?o } }",
        "DESCRIBE ?s WHERE { SERVICE <URL> { ?s ?p ?o } }",
        "PREFIX r: <URL#> SELECT * WHERE { SERVICE r:x { ?s ?p ?o } }",
        f"BASE <http://{host_port}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{escaped_colon}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{escaped_all}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{big_u}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://localhost:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://2130706433:{port}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <http://[::ffff:127.0.0.1]:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <URL> { ?s ?p ?o } } } LIMIT 1",
        "SELECT * WHERE { { SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } } } }",
        "SELECT * WHERE { SERVICE SILENT <URL> { ?s ?p ?o } }",
        *commented,
    ]
    return [p.replace("URL", url) for p in out]


def update_payloads(url: str) -> list[str]:
    texts = ["#\r LOAD <URL>",
             'INSERT DATA { <urn:a> <urn:b> "\\u0022#" } ; LOAD <URL>',
             "LOAD <URL> INTO GRAPH <urn:g>",
             "LOAD SILENT <URL>",
             "INSERT { ?s ?p ?o } WHERE { #\r SERVICE <URL> { ?s ?p ?o } \n }"]
    return [t.replace("URL", url) for t in texts] + [f"LOAD <{url.replace(':', chr(92) + 'u003A', 1)}>"]


def _settle(canary: Canary) -> int:
    time.sleep(0.2)
    return canary.connections


def test_payloads_are_live_against_an_unconfined_engine(canary):
    """Control: the issue's two payloads do make plain pyoxigraph connect (so zero below means something)."""
    before = canary.connections
    for text in payloads(canary.url)[:2]:
        try:
            list(ox.Store().query(text))
        except Exception:  # noqa: BLE001 - the canary hangs up; the connection is what counts
            pass
    assert _settle(canary) >= before + 2


def _send_everywhere(server, text: str) -> list[int]:
    s = server.sparql
    answers = [
        requests.get(s, params={"query": text}, timeout=30),
        requests.post(s, data={"query": text}, timeout=30),
        requests.post(s, data=text.encode("utf-8"), timeout=30,
                      headers={"Content-Type": "application/sparql-query"}),
        requests.get(server.url + "/export/cytoscape", params={"query": text}, timeout=30),
        requests.get(server.url + "/search", params={"q": text}, timeout=30),
        requests.get(server.url + "/queries/actors-on-topic", params={"topic": text}, timeout=30),
        requests.get(server.url + "/queries/paragraph-search", params={"q": text, "text": text}, timeout=30),
    ]
    return [r.status_code for r in answers]


def test_ssrf_payloads_never_reach_the_canary(readonly_server, canary):
    before = canary.connections
    for text in payloads(canary.url):
        statuses = _send_everywhere(readonly_server, text)
        assert all(status < 500 for status in statuses), (text, statuses)
        assert _settle(canary) == before, text


def test_ssrf_payloads_refused_with_the_engine_message(readonly_server, canary):
    response = requests.get(readonly_server.sparql, params={"query": payloads(canary.url)[0]}, timeout=30)
    assert response.status_code == 403
    assert "SERVICE" in response.text and "Operation not permitted" in response.text


def test_update_payloads_never_reach_the_canary_with_the_token(writable_server, canary):
    before = canary.connections
    for text in update_payloads(canary.url) + payloads(canary.url)[:3]:
        for body, headers in ((text.encode(), {"Content-Type": "application/sparql-update"}),
                              ({"update": text}, {})):
            response = requests.post(writable_server.sparql, data=body, headers={**AUTH, **headers}, timeout=30)
            assert response.status_code < 500, (text, response.text)
        for query in payloads(canary.url)[:2]:  # the query path of the writable service too
            assert requests.get(writable_server.sparql, params={"query": query}, timeout=30).status_code < 500
    assert _settle(canary) == before


CONFUSERS = ["#\r", "#\n", "# }\r", "\r", "\n", "\t", "  ", '"\\u0022#"', "'\\u0027#'", '"""#"""',
             '"\\"#"', "<urn:x#y>", "\\u0023", "# SERVICE <urn:x> {\r", "#\u2028", "#\r\n"]
SKELETONS = ["SELECT * WHERE { @ BIND(@ AS ?z) SERVICE <URL> { ?s ?p ?o } @ }",
             "ASK { @ OPTIONAL { @ SERVICE <URL> { ?s ?p ?o } } @ }",
             "SELECT * WHERE { @ SERVICE SILENT <URL> { ?s ?p ?o } @ }"]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(skeleton=st.sampled_from(SKELETONS),
       fill=st.lists(st.lists(st.sampled_from(CONFUSERS), max_size=4), min_size=3, max_size=3))
def test_generated_mixes_never_reach_the_canary(readonly_server, canary, skeleton, fill):
    parts = skeleton.replace("URL", canary.url).split("@")
    text = parts[0] + "".join("".join(f) + part for f, part in zip(fill, parts[1:]))
    before = canary.connections
    response = requests.get(readonly_server.sparql, params={"query": text}, timeout=30)
    assert response.status_code < 500, (text, response.text)
    assert _settle(canary) == before, text


# -- the confined processes themselves -------------------------------------------------------

PROBE = textwrap.dedent('''
    import json, os, socket, sys, time
    from multiprocessing import reduction
    from graph_builder.service import sandbox
    allowed, targets = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    parent, child = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        fd = sandbox.confine(tuple(allowed))
        if fd is not None:
            reduction.send_handle(child, fd, os.getppid())
        out = {}
        for host, port in targets:
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            try:
                with socket.socket(family, socket.SOCK_STREAM) as s:
                    s.settimeout(3)
                    s.connect((host, port))
                out[f"tcp {host}:{port}"] = "connected"
            except OSError as exc:
                out[f"tcp {host}:{port}"] = type(exc).__name__
            try:
                with socket.socket(family, socket.SOCK_DGRAM) as s:
                    s.sendto(b"x", (host, port))
                out[f"udp {host}:{port}"] = "sent"
            except OSError as exc:
                out[f"udp {host}:{port}"] = type(exc).__name__
        for name in ("AF_NETLINK", "AF_PACKET"):
            try:
                socket.socket(getattr(socket, name), socket.SOCK_RAW).close()
                out[name] = "made"
            except OSError as exc:
                out[name] = type(exc).__name__
        a, b = socket.socketpair()
        a.send(b"ok")
        out["unix"] = b.recv(2).decode()
        child.send(json.dumps(out).encode())
        os._exit(0)
    if allowed:
        sandbox.Supervisor(reduction.recv_handle(parent), pid, allowed)
    data = parent.recv(65536)
    os.waitpid(pid, 0)
    print(data.decode())
''')


def _probe(allowed: list[str], targets: list[tuple[str, int]]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(allowed), json.dumps(targets)],
                          capture_output=True, text=True, timeout=60, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_confined_process_cannot_connect_anywhere(canary):
    before = canary.connections
    out = _probe([], [("127.0.0.1", canary.port), ("::1", canary.port), ("10.255.255.1", 80)])
    assert out.pop("unix") == "ok"  # the pipe to the parent still works
    assert set(out.values()) == {"PermissionError"}, out
    assert _settle(canary) == before


def test_confined_process_reaches_only_the_allowed_host(canary):
    allowed = Canary("127.0.0.2")
    try:
        out = _probe([f"127.0.0.2:{allowed.port}"],
                     [("127.0.0.2", allowed.port), ("127.0.0.1", canary.port), ("127.0.0.2", canary.port)])
        assert out[f"tcp 127.0.0.2:{allowed.port}"] == "connected"
        assert out[f"tcp 127.0.0.1:{canary.port}"] == "PermissionError"
        assert out[f"tcp 127.0.0.2:{canary.port}"] == "PermissionError"  # the port is part of the entry
        assert out[f"udp 127.0.0.1:{canary.port}"] == "PermissionError"
        assert out["AF_NETLINK"] == out["AF_PACKET"] == "PermissionError"
        assert _settle(allowed) == 1
        assert canary.connections == 0 or _settle(canary) == canary.connections
    finally:
        allowed.close()


class _Endpoint(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
            {"x": {"type": "literal", "value": "from the allowed endpoint"}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_service_reaches_only_the_allow_listed_endpoint(sample_store, tmp_path, canary):
    endpoint = ThreadingHTTPServer(("127.0.0.2", 0), _Endpoint)
    threading.Thread(target=endpoint.serve_forever, daemon=True).start()
    port = endpoint.server_address[1]
    server = start_server(sample_store, tmp_path / "server.log", ALLOWED_SERVICE_HOSTS=f"127.0.0.2:{port}",
                          QUERY_PROCESSES=1, QUERY_TIMEOUT=10)
    try:
        before = canary.connections
        good = requests.get(server.sparql, params={"query": (
            f"SELECT ?x WHERE {{ SERVICE <http://127.0.0.2:{port}/sparql> {{ ?x ?p ?o }} }}")}, timeout=30)
        assert good.status_code == 200, good.text
        assert good.json()["results"]["bindings"][0]["x"]["value"] == "from the allowed endpoint"
        for text in payloads(canary.url)[:3]:
            bad = requests.get(server.sparql, params={"query": text}, timeout=30)
            assert bad.status_code == 403, bad.text
        assert _settle(canary) == before
    finally:
        server.stop()
        endpoint.shutdown()


# -- limits of the query processes -----------------------------------------------------------

DEEP = "ASK {" + " FILTER NOT EXISTS {" * 1000 + "}" * 1000 + "}"
BLOWUP = ('SELECT (STRLEN(?h) AS ?n) WHERE { BIND("0123456789abcdef" AS ?a) '
          + " ".join(f"BIND(CONCAT({', '.join([f'?{p}'] * 8)}) AS ?{n})"
                     for p, n in zip("abcdefgh", "bcdefghi")) + " }")


@pytest.fixture(scope="module")
def limits_server(sample_store, tmp_path_factory):
    """Default limits but a 300 MB memory cap and one query process per web worker."""
    server = start_server(sample_store, tmp_path_factory.mktemp("limits") / "server.log",
                          QUERY_MEMORY_MB=300, QUERY_PROCESSES=1, QUERY_TIMEOUT=20)
    yield server
    server.stop()


def test_deep_nesting_refused_before_parsing(limits_server):
    for _ in range(3):
        response = requests.post(limits_server.sparql, data=DEEP.encode(), timeout=30,
                                 headers={"Content-Type": "application/sparql-query"})
        assert response.status_code == 400, response.text
        assert "nests brackets deeper than the limit of 64" in response.text
    fine = "ASK {" + " FILTER NOT EXISTS {" * 60 + "}" * 60 + "}"
    assert requests.get(limits_server.sparql, params={"query": fine}, timeout=30).status_code == 200


def test_memory_cap_stops_the_query_and_replaces_the_process(limits_server):
    response = requests.get(limits_server.sparql, params={"query": BLOWUP}, timeout=60)
    assert response.status_code == 503, response.text
    assert "memory limit of 300 MB" in response.text
    again = requests.get(limits_server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    assert again.status_code == 200 and again.json()["boolean"] is True


def test_writer_leaves_no_parse_folders(tmp_path, monkeypatch):
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    server = start_server(tmp_path / "store", tmp_path / "server.log", UPDATE_TOKEN=UPDATE_TOKEN,
                          QUERY_PROCESSES=1, QUERY_TIMEOUT=2)
    try:
        rows = " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(300))
        for update in (f"INSERT DATA {{ {rows} }}", "CLEAR XYZ",
                       "INSERT { ?a <urn:q> ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"):
            response = requests.post(server.sparql, data={"update": update}, headers=AUTH, timeout=30)
            assert response.status_code in (204, 400, 504), response.text
        assert response.status_code == 504  # the writer was killed and replaced
        assert requests.post(server.sparql, data={"update": "INSERT DATA { <urn:a> <urn:b> 1 }"},
                             headers=AUTH, timeout=30).status_code == 204
    finally:
        server.stop()
    leftovers = [p.name for p in private_tmp.iterdir() if p.name.startswith("mdkg-parse-")]
    assert leftovers == []


NO_SECCOMP = textwrap.dedent('''
    import errno, sys
    import pyseccomp as sc
    flt = sc.SyscallFilter(sc.ALLOW)
    flt.add_rule(sc.ERRNO(errno.ENOSYS), "seccomp")
    flt.add_rule(sc.ERRNO(errno.EINVAL), "prctl", sc.Arg(0, sc.EQ, 22))  # PR_SET_SECCOMP
    flt.load()  # from here on this process (like a kernel without seccomp) cannot add a filter
    from graph_builder.cli import main
    sys.exit(main(["serve", "--store", sys.argv[1], "--port", sys.argv[2]]))
''')


def test_service_refuses_to_start_without_the_sandbox(sample_store):
    """Where seccomp filters cannot be loaded the service stops at once with a clear error."""
    port = str(free_port())
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", NO_SECCOMP, str(sample_store), port], capture_output=True,
                          text=True, timeout=60, env=env, cwd=REPO)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "refusing to start" in done.stderr and "seccomp" in done.stderr
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/health", timeout=5)


SERVE_PROBE = textwrap.dedent('''
    import json, os, socket, sys
    from graph_builder.service import sandbox
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    report_parent, report_child = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        sandbox.confine(())
        out = {}
        try:
            socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
            out["new socket"] = "made"
        except OSError as exc:
            out["new socket"] = type(exc).__name__
        try:  # the inherited listener cannot be turned into an outgoing connection
            listener.connect((sys.argv[1], int(sys.argv[2])))
            out["listener connect"] = "connected"
        except OSError as exc:
            out["listener connect"] = type(exc).__name__
        conn, _ = listener.accept()  # accept() on the inherited listening socket
        conn.sendall(conn.recv(64).upper())
        try:
            conn.connect((sys.argv[1], int(sys.argv[2])))
            out["accepted connect"] = "connected"
        except OSError as exc:
            out["accepted connect"] = type(exc).__name__
        conn.close()
        _, fds, _, _ = socket.recv_fds(report_child, 1, 1)  # a connection passed over AF_UNIX
        with socket.socket(fileno=fds[0]) as passed:
            passed.sendall(passed.recv(64).upper())
        report_child.send(json.dumps(out).encode())
        os._exit(0)
    with socket.create_connection(listener.getsockname(), timeout=10) as client:
        client.sendall(b"accepted")
        answers = [client.recv(64).decode()]
    passing = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    passing.connect(listener.getsockname())
    served, _ = listener.accept()
    socket.send_fds(report_parent, [b"c"], [served.fileno()])
    served.close()
    passing.settimeout(10)
    passing.sendall(b"passed")
    answers.append(passing.recv(64).decode())
    out = json.loads(report_parent.recv(65536))
    os.waitpid(pid, 0)
    print(json.dumps(dict(out, answers=answers)))
''')


def test_confined_process_serves_inherited_and_passed_connections_only(canary):
    """The premise of a front whose query processes answer HTTP themselves (issue 11, see
    ``bench/prefork_prototype.py``): a confined process accepts on a listening socket made before
    it was confined and serves connections passed to it over AF_UNIX, but can make no socket,
    and neither the listener nor an accepted connection connects anywhere."""
    before = canary.connections
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", SERVE_PROBE, "127.0.0.1", str(canary.port)],
                          capture_output=True, text=True, timeout=60, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["answers"] == ["ACCEPTED", "PASSED"]
    assert out["new socket"] == "PermissionError"
    assert out["listener connect"] != "connected" and out["accepted connect"] != "connected", out
    assert _settle(canary) == before
