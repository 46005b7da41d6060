"""Kept-alive connections on the production server (real gunicorn, real query processes): the
thread that answered a request lingers for the connection's next one (``http_worker``). What must
hold whatever the timing: every request on one connection gets its own answer, bodies included;
a client that sends part of its next request head right after an answer and then stalls holds no
thread (ordinary clients are answered meanwhile) and is cut off after the header timeout."""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from urllib.parse import quote, urlsplit

import pytest

from serverutil import start_server


@pytest.fixture(scope="module", params=[2, 0], ids=["linger-2ms", "linger-off"])
def server(request, sample_store, tmp_path_factory):
    srv = start_server(sample_store, tmp_path_factory.mktemp("linger") / "server.log", workers=1,
                       QUERY_PROCESSES=2, HEADER_TIMEOUT=3, ACCESS_LOG=False,
                       LINGER_MS=request.param)  # 6 web threads
    yield srv
    srv.stop()


def _value(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_each_request_on_one_connection_gets_its_own_answer(server):
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    accept = {"Accept": "application/sparql-results+json"}
    try:
        for i in range(300):
            if i % 3 == 2:  # a POST with a body now and then, right after an answer
                conn.request("POST", "/sparql", body=f"SELECT ({i} AS ?n) {{}}".encode(),
                             headers=dict(accept, **{"Content-Type": "application/sparql-query"}))
            else:
                conn.request("GET", "/sparql?query=" + quote(f"SELECT ({i} AS ?n) {{}}"), headers=accept)
            response = conn.getresponse()
            body = response.read()
            assert response.status == 200 and _value(body) == i, (i, response.status, body[:200])
    finally:
        conn.close()


def test_two_requests_in_one_write_are_both_answered(server):
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        one = f"GET /sparql?query={quote('SELECT (1 AS ?n) {}')} HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n\r\n"
        two = f"GET /sparql?query={quote('SELECT (2 AS ?n) {}')} HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n\r\n"
        sock.sendall((one + two).encode())
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    assert data.count(b"HTTP/1.1 200") == 2, data[:400]
    assert b'"value":"1"' in data.replace(b" ", b"") and b'"value":"2"' in data.replace(b" ", b"")


def _read_response(sock) -> bytes:
    """One whole response (head and a Content-Length body) from ``sock``."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:")))
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def _stall_after_answer(url: str, answers: list, stop: threading.Event) -> None:
    """One answered request, then at once the start of the next head, then nothing."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")
            first = _read_response(sock)
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # no blank line
            started = time.monotonic()
            rest = b""
            while not stop.is_set():
                chunk = sock.recv(65536)
                if not chunk:
                    break
                rest += chunk
                if b"408" in rest:
                    break
            answers.append((first, rest, time.monotonic() - started))
    except OSError as exc:
        answers.append((b"", repr(exc).encode(), 0.0))


def test_stalled_next_request_holds_no_thread_and_is_cut_off(server):
    stop, answers = threading.Event(), []
    threads = [threading.Thread(target=_stall_after_answer, args=(server.url, answers, stop), daemon=True)
               for _ in range(12)]  # twice the worker's threads
    for t in threads:
        t.start()
    time.sleep(0.5)
    parts = urlsplit(server.url)
    took = []
    for i in range(20):  # an ordinary client meanwhile
        started = time.monotonic()
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        conn.request("GET", "/sparql?query=" + quote(f"ASK {{ FILTER({i} > 0) }}"))
        response = conn.getresponse()
        response.read()
        conn.close()
        assert response.status == 200
        took.append(time.monotonic() - started)
    for t in threads:
        t.join(15)
    stop.set()
    assert max(took) < 1.0, took
    assert len(answers) == 12
    for first, rest, waited in answers:
        assert first.startswith(b"HTTP/1.1 200"), first[:100]
        assert rest.startswith(b"HTTP/1.1 408") and 2.0 < waited < 6.0, (rest[:100], waited)
