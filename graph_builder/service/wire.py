"""Jobs and answers between the web process and its query processes: one pickle per message.

The framing is ``multiprocessing.Connection``'s (a 4-byte big-endian length, then the bytes), so
either end may still use a ``Connection`` for the start-up messages; what differs is the cost
per message, which every query pays twice: :func:`send` writes the length and the pickle in one
``writev`` (no copy, plain ``pickle`` rather than ``ForkingPickler``, whose per-call dispatch
table copy is most of a small job's cost), and :func:`recv` reads a message that fits in one
read with one ``read`` (``Connection`` always makes two). One message is in flight each way
at a time (a job, then its answer), so a read never takes bytes of the next message.

This module does not time anything out (the caller polls the descriptor first) and does not
decide what is sent. The pickles come from the service's own processes only.
"""
from __future__ import annotations

import os
import pickle
import struct

_LENGTH = struct.Struct("!i")
_FIRST_READ = 1 << 16
MAX_MESSAGE = 0x7FFFFFFF  # what the 4-byte length can say


def send(fd: int, obj) -> None:
    """Write ``obj`` as one message on the descriptor ``fd`` (blocking)."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    if len(data) > MAX_MESSAGE:
        raise ValueError(f"message of {len(data)} bytes is larger than {MAX_MESSAGE}")
    view = memoryview(_LENGTH.pack(len(data)) + data) if len(data) < 4096 else None
    if view is None:  # large: the header and the pickle without copying the pickle
        written = os.writev(fd, [_LENGTH.pack(len(data)), data])
        view = memoryview(data)[max(0, written - _LENGTH.size):]
        if written < _LENGTH.size:  # not even the header went out: write it first
            _write_all(fd, memoryview(_LENGTH.pack(len(data)))[written:])
    _write_all(fd, view)


def _write_all(fd: int, view: memoryview) -> None:
    while len(view):
        view = view[os.write(fd, view):]


def recv(fd: int):
    """The next message on ``fd``; ``EOFError`` when the other end has closed it."""
    chunk = os.read(fd, _FIRST_READ)
    while len(chunk) < _LENGTH.size:
        if not chunk:
            raise EOFError("the other process closed the pipe")
        more = os.read(fd, _FIRST_READ)
        if not more:
            raise EOFError("the other process closed the pipe in a message")
        chunk += more
    (size,) = _LENGTH.unpack_from(chunk)
    if size < 0:
        raise ValueError("message too large for this framing")
    end = _LENGTH.size + size
    if len(chunk) >= end:
        return pickle.loads(memoryview(chunk)[_LENGTH.size:end])
    buffer = bytearray(size)
    got = len(chunk) - _LENGTH.size
    buffer[:got] = memoryview(chunk)[_LENGTH.size:]
    view = memoryview(buffer)
    while got < size:
        n = os.readv(fd, [view[got:]])
        if not n:
            raise EOFError("the other process closed the pipe in a message")
        got += n
    return pickle.loads(buffer)
