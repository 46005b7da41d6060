"""Helpers for tests that need a real MDKG server: free ports, a small sample store, and the
production server (``server.serve``, i.e. gunicorn) started as a subprocess on localhost.

Reusable by any test module: ``start_server(store, **config)`` returns a :class:`RunningServer`
whose ``url`` is ready (``/health`` answered) and whose ``stop()`` ends only that process tree;
:class:`Canary` is a TCP listener that counts the connections made to it (SSRF tests).
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests

from graph_builder.build import store as store_mod

REPO = Path(__file__).resolve().parent.parent
EX = "http://example.org/"
GRAPH_A = EX + "graph/a"
GRAPH_B = EX + "graph/b"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample_quads(items: int = 1000, graph: str = GRAPH_A, prefix: str = "item") -> list[ox.Quad]:
    """Three quads per item (type, label, value) in ``graph``."""
    g = ox.NamedNode(graph)
    out = []
    for i in range(items):
        s = ox.NamedNode(f"{EX}{prefix}/{i}")
        out += [
            ox.Quad(s, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode(EX + "Item"), g),
            ox.Quad(s, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                    ox.Literal(f"{prefix} {i}", language="en"), g),
            ox.Quad(s, ox.NamedNode(EX + "value"), ox.Literal(str(i), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#integer")), g),
        ]
    return out


def make_sample_store(path: Path, items_a: int = 1000, items_b: int = 200) -> Path:
    """A store symlink at ``path`` with graph A (3*items_a quads) and graph B (3*items_b quads)."""
    with store_mod.staged_build(Path(path)) as (st, _):
        st.extend(sample_quads(items_a, GRAPH_A, "item"))
        st.extend(sample_quads(items_b, GRAPH_B, "thing"))
    return Path(path)


@dataclass
class RunningServer:
    url: str
    process: subprocess.Popen
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start_server(store: Path, log: Path, *, workers: int = 1, ready_timeout: float = 60,
                 **config) -> RunningServer:
    """Start ``server.serve(store, port=<free>, workers=..., **config)`` and wait for /health.

    A free port can be taken by another process between :func:`free_port` and gunicorn's bind
    (other servers start on the same machine): a server that exits because its address is in
    use is started again on another free port, at most ``BIND_TRIES`` times."""
    for attempt in range(BIND_TRIES):
        try:
            return _start_once(store, log, workers, ready_timeout, config)
        except _AddressTaken:
            if attempt == BIND_TRIES - 1:
                raise
    raise AssertionError("unreachable")


BIND_TRIES = 3


class _AddressTaken(RuntimeError):
    pass


def _start_once(store: Path, log: Path, workers: int, ready_timeout: float, config: dict) -> RunningServer:
    port = free_port()
    code = ("import json, sys, server; "
            "server.serve(sys.argv[1], port=int(sys.argv[2]), workers=int(sys.argv[3]), "
            "**json.loads(sys.argv[4]))")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for name in list(env):
        if name.startswith("MDKG_"):
            del env[name]
    handle = open(log, "wb")
    process = subprocess.Popen([sys.executable, "-c", code, str(store), str(port), str(workers),
                                json.dumps(config)], cwd=REPO, env=env, stdout=handle, stderr=handle)
    handle.close()
    server = RunningServer(f"http://127.0.0.1:{port}", process, Path(log))
    deadline = time.monotonic() + ready_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = server.log_text()
            error = _AddressTaken if "Address already in use" in text else RuntimeError
            raise error(f"server exited with {process.returncode}:\n{text}")
        try:
            if requests.get(server.url + "/health", timeout=10).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server not ready within {ready_timeout} s:\n{server.log_text()}")


@contextmanager
def app_client(store: Path, **config):
    """Flask's test client on ``server.create_app`` for ``store`` (no gunicorn, no socket), for
    routing, negotiation and page tests; the app's query processes are real and closed on exit."""
    from server import create_app   # noqa: PLC0415 (the repository root is on sys.path for tests)
    app = create_app({"STORE": str(store), **config})
    try:
        yield app.test_client()
    finally:
        app.extensions["mdkg"].executor.close()


class Canary:
    """A TCP listener on ``host`` that counts the connections made to it."""

    def __init__(self, host: str = "127.0.0.1"):
        self.sock = socket.socket()
        self.sock.bind((host, 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.host, self.port = host, self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/sparql"

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.sock.close()
