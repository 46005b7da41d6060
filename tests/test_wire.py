"""The framing between the web process and its query processes (``graph_builder.service.wire``):
messages of every size arrive whole over a real socket pair, a ``multiprocessing.Connection``
reads what it writes and the other way round, and a closed pipe is ``EOFError``."""
from __future__ import annotations

import multiprocessing
import socket
import threading

import pyoxigraph as ox
import pytest

from graph_builder.service import wire


def _pair():
    a, b = socket.socketpair()
    return a, b


@pytest.mark.parametrize("size", [0, 1, 4090, 4096, 65_530, 65_536, 3_000_000])
def test_messages_of_every_size_arrive_whole(size):
    a, b = _pair()
    message = {"status": 200, "body": bytes(range(256)) * (size // 256) + b"x" * (size % 256),
               "content_type": "application/sparql-results+json", "truncated": False}
    got = []
    reader = threading.Thread(target=lambda: got.append(wire.recv(b.fileno())))
    reader.start()  # a large message fills the socket buffer: the reader must run meanwhile
    wire.send(a.fileno(), message)
    reader.join(30)
    assert got == [message]
    a.close(), b.close()


def test_jobs_with_terms_and_alternating_messages():
    a, b = _pair()
    job = {"kind": "query", "text": "ASK { ?s ?p ?o }", "substitutions": {"s": ox.NamedNode("http://example.org/a"),
                                                                         "o": ox.Literal("x", language="ar")}}
    for i in range(50):
        wire.send(a.fileno(), dict(job, n=i))
        assert wire.recv(b.fileno()) == dict(job, n=i)
        wire.send(b.fileno(), {"status": 200, "n": i})
        assert wire.recv(a.fileno()) == {"status": 200, "n": i}
    a.close(), b.close()


def test_same_framing_as_multiprocessing_connection():
    left, right = multiprocessing.Pipe()
    left.send({"hello": 1})
    assert wire.recv(right.fileno()) == {"hello": 1}
    wire.send(right.fileno(), {"answer": b"y" * 100_000})
    assert left.recv() == {"answer": b"y" * 100_000}
    left.close(), right.close()


def test_closed_pipe_is_eof_even_in_a_message():
    a, b = _pair()
    a.close()
    with pytest.raises(EOFError):
        wire.recv(b.fileno())
    b.close()
    c, d = _pair()
    c.sendall(b"\x00\x00\x01\x00" + b"partial")  # says 256 bytes, sends 7, then closes
    c.close()
    with pytest.raises(EOFError):
        wire.recv(d.fileno())
    d.close()
