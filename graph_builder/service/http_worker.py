"""The gunicorn worker of ``mdkg serve``: gthread, but a request reaches a thread only once it has arrived.

gunicorn's ``gthread`` worker hands a connection to one of its few threads as soon as the
first byte arrives; the thread then reads the request line, headers and body with blocking
reads and no deadline, so a client that trickles one header line every few seconds holds a
thread for as long as it likes (six such sockets stopped a service with six threads).

:func:`worker_class` makes a :class:`~gunicorn.workers.gthread.ThreadWorker` whose event loop
(the worker's main thread, which holds no request) reads each request *head* (request line and
headers) without blocking, into a buffer, and for a body of known length up to
``buffer_body`` bytes the body too. Only a complete request is handed to a thread, with the
bytes read so far given back to gunicorn's own parser (so parsing, limits and error answers are
gunicorn's). The head must arrive within ``header_timeout`` seconds of the connection (or of the
first byte of a kept-alive connection's next request), a buffered body within
``body_timeout`` more; otherwise the connection gets ``408`` and is closed, without ever
having used a thread. Bodies that are not buffered (chunked, or larger: bulk loads with the
token) are read by the thread under a total deadline of ``body_timeout``. A head longer than
gunicorn's limits (``limit_request_line``, header fields) is handed over at once, so the
parser refuses it (414/431) as soon as the limit is passed, not when the client is done.

After a kept-alive connection's response, the thread that wrote it *lingers*: it waits up to
``linger`` seconds (2 ms) for the client's next request, if at most half of the worker's
threads are in use at that moment (requests of other connections then find idle threads; at 16
busy clients the worker behaves as plain gthread). A closed-loop client's next request usually arrives within that time, and is then
read and served by the same thread: no hand-off back to the event loop, no new poller
registration, no hand-off to another thread (each hand-off is a thread wake-up, the dearest part
of a cheap request on this machine; see ``docs/benchmarks.md``). The lingering thread reads at
most what has arrived: a request head that is not complete goes to the event loop with the bytes
read so far, under the same ``header_timeout``, so a slow client holds a thread for at most
``linger`` per request it sends.

Not covered: a client that reads its *response* slowly holds the thread while it is written
(the response is at most the row cap). This module changes only how requests are read.
"""
from __future__ import annotations

import errno
import math
import re
import select
import selectors
import threading
import time
from functools import partial

from gunicorn.workers.gthread import TConn, ThreadWorker

_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length[ \t]*:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)
_REQUEST_TIMEOUT = (b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                    b"Content-Length: 42\r\n\r\n408 the request did not arrive in time.\n\r\n")
_PARTIAL = object()  # handle()'s answer: part of the next request head was read while lingering
NOTIFY_EVERY = 1.0  # seconds between heartbeats to the arbiter (its timeout is the query limit + 60 s)


class DeadlineSocket:
    """A socket whose reads end (``TimeoutError``) when ``deadline`` (monotonic) has passed."""

    def __init__(self, sock, deadline: float):
        self.sock = sock
        self.deadline = deadline

    def recv(self, size: int) -> bytes:
        left = self.deadline - time.monotonic()
        if left <= 0 or not select.select([self.sock], [], [], left)[0]:
            raise TimeoutError(errno.ETIMEDOUT, "the request body did not arrive in time")
        return self.sock.recv(size)

    def __getattr__(self, name: str):
        return getattr(self.sock, name)


class HeadBufferingWorker(ThreadWorker):
    """gthread with request heads (and small bodies) read by the event loop; see the module."""

    header_timeout = 10.0
    body_timeout = 30.0
    buffer_body = 1 << 20
    linger = 0.002  # seconds a thread waits for a kept-alive connection's next request

    def notify(self):
        """gunicorn's heartbeat (an ``os.utime``), at most once a second: gunicorn calls it on every
        turn of the event loop, several times a request (a third of the loop thread's time, py-spy)."""
        now = time.monotonic()
        if now - self._notified >= NOTIFY_EVERY:
            self._notified = now
            super().notify()

    def init_process(self):
        self._notified = 0.0
        self._active = 0  # threads in handle(), lingering ones included
        self._active_lock = threading.Lock()
        self.reading: set = set()
        cfg = self.cfg
        self.head_limit = (cfg.limit_request_line or 8190) + 4 + cfg.limit_request_fields * (
            cfg.limit_request_field_size + 2)
        super().init_process()

    # -- where connections come from ------------------------------------------------------
    def accept(self, listener):
        try:
            client_sock, client_addr = listener.accept()
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self._read_head(TConn(self.cfg, client_sock, client_addr, listener.getsockname()))

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection's next request is starting: read it here first."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._read_head(conn)
        self._on_readable(conn, client)

    # -- reading in the event loop --------------------------------------------------------
    def _read_head(self, conn) -> None:
        conn.head = bytearray()
        conn.body_wait = False
        conn.read_deadline = time.monotonic() + self.header_timeout
        conn.sock.setblocking(False)
        self.reading.add(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))

    def _on_readable(self, conn, _client) -> None:
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(conn)
            return
        if not data:
            self._drop(conn)
            return
        conn.head += data
        if self._arrived(conn):
            self._dispatch(conn)

    def _arrived(self, conn) -> bool:
        """Whether ``conn`` has sent enough to give it a thread."""
        buf = conn.head
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            return len(buf) > self.head_limit  # over gunicorn's limits: its parser answers now
        match = _CONTENT_LENGTH.search(buf, 0, end + 2)
        length = int(match.group(1)) if match else 0
        if not length or length > self.buffer_body or len(buf) - (end + 4) >= length:
            return True
        if not conn.body_wait:  # the head is complete: the body has its own time
            conn.body_wait = True
            conn.read_deadline = time.monotonic() + self.body_timeout
        return False

    def _dispatch(self, conn) -> None:
        self._forget(conn)
        conn.sock.setblocking(True)
        self._hand_parser(conn)
        self.enqueue_req(conn)

    def _hand_parser(self, conn) -> None:
        """Give the bytes read (``conn.head``) to gunicorn's parser, with the body's deadline."""
        conn.init()
        unreader = conn.parser.unreader
        unreader.unread(bytes(conn.head))
        conn.head = None
        raw = getattr(unreader.sock, "sock", unreader.sock)
        unreader.sock = DeadlineSocket(raw, time.monotonic() + self.body_timeout)
        conn.data_ready = True

    # -- lingering in the thread after a response -----------------------------------------
    def handle(self, conn):
        """gunicorn's ``handle``, then, while the connection is kept alive and no other request
        waits for a thread, the next request of the same connection when it arrives within
        ``linger`` (see the module docstring)."""
        with self._active_lock:
            self._active += 1
        try:
            return self._handle_lingering(conn)
        finally:
            with self._active_lock:
                self._active -= 1

    def _may_linger(self) -> bool:
        """Whether a thread may wait for its connection's next request: only while at most half of
        the worker's threads are in use (this one included), so requests of other connections find
        idle threads even when a loaded machine wakes the lingering ones late. (Allowing it up to
        the last idle thread collapsed throughput at 16 clients in some rounds at load 30.)"""
        return self.linger > 0 and self.alive and self._active <= self.cfg.threads // 2

    def _handle_lingering(self, conn):
        result = super().handle(conn)
        while result is True and self._may_linger() and not conn.parser.unreader.buf.getvalue():
            started = self._linger_read(conn)
            if started is None:  # nothing arrived: the event loop keeps the connection alive
                return True
            if started is False:  # the client closed the connection
                return False
            if not self._arrived(conn):
                return _PARTIAL  # the event loop reads the rest (finish_request)
            self._hand_parser(conn)
            result = super().handle(conn)
        return result

    def _linger_read(self, conn):
        """None when nothing arrives within ``linger``; False when the client closed the
        connection; True when bytes arrived (in ``conn.head``, one read: never more waiting)."""
        poller = select.poll()
        poller.register(conn.sock, select.POLLIN)
        if not poller.poll(math.ceil(self.linger * 1000)):
            return None
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:
            return False
        if not data:
            return False
        conn.head = bytearray(data)
        conn.body_wait = False
        conn.read_deadline = time.monotonic() + self.header_timeout
        return True

    def finish_request(self, conn, fs):
        """gunicorn's, except that a connection whose next request head was partly read while
        lingering goes on being read by the event loop, bytes and deadline kept."""
        if not fs.cancelled() and fs.exception() is None and fs.result() is _PARTIAL:
            if not self.alive:
                self.nr_conns -= 1
                conn.close()
                return
            conn.sock.setblocking(False)
            self.reading.add(conn)
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))
            return
        super().finish_request(conn, fs)

    def _forget(self, conn) -> None:
        self.reading.discard(conn)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass

    def _drop(self, conn) -> None:
        self._forget(conn)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self):
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.reading if c.read_deadline <= now]:
            try:
                conn.sock.send(_REQUEST_TIMEOUT)
            except OSError:
                pass
            self._drop(conn)


def worker_class(header_timeout: float, body_timeout: float, buffer_body: int,
                 linger: float = HeadBufferingWorker.linger) -> type:
    """A :class:`HeadBufferingWorker` subclass with these limits (gunicorn takes the class)."""
    if linger < 0:
        raise ValueError("LINGER_MS must be >= 0")
    return type("MdkgWorker", (HeadBufferingWorker,), {
        "header_timeout": float(header_timeout), "body_timeout": float(body_timeout),
        "buffer_body": int(buffer_body), "linger": float(linger)})
