"""The gunicorn worker of ``mdkg serve``: one thread per connection, each request read before it is served.

gunicorn's ``gthread`` worker shares a few threads among all connections: a thread that reads a
request trickled by a slow client is lost to everyone else, and every request costs two thread
hand-offs through its event loop (measured at about 0.3 ms of CPU per request on this project's
2-core machine, more than the rest of a cheap query's path; see ``docs/benchmarks.md``).

:class:`ConnectionWorker` gives each connection its own thread instead, so a slow client
occupies only its own thread and a kept-alive connection's requests are read, answered and
written by one thread without hand-offs. How much work runs at once is bounded where the work is
done: the query processes (``query_pool``) and their admission (``fairness``), not the threads.
At most ``worker_connections`` connections are open per worker (gunicorn's setting); the
accepting thread waits while that many are open.

Each request *head* (request line and headers) must arrive within ``header_timeout`` seconds
of the connection (or of the first byte of a kept-alive connection's next request); a body of
known length up to ``buffer_body`` bytes is read before the application sees the request,
within ``body_timeout`` more; otherwise the connection gets ``408`` and is closed. The bytes
read are then given to gunicorn's own parser (so parsing, limits and error answers are
gunicorn's). Bodies that are not buffered (chunked, or larger: bulk loads with the token) are
read by the application under a total deadline of ``body_timeout``. A head longer than
gunicorn's limits (``limit_request_line``, header fields) is handed over at once, so the parser
refuses it (414/431) as soon as the limit is passed. An idle kept-alive connection is closed
after gunicorn's ``keepalive`` seconds.

Not covered: a client that reads its *response* slowly holds its own thread while it is
written (the response is at most the row cap). HTTP/2 and TLS are not served by this worker
(``mdkg serve`` listens on plain HTTP/1.1 behind a reverse proxy).
"""
from __future__ import annotations

import errno
import os
import re
import select
import selectors
import socket
import sys
import threading
import time
from datetime import datetime

from gunicorn import http, util
from gunicorn.http import wsgi
from gunicorn.workers import base

_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length[ \t]*:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)
_REQUEST_TIMEOUT = (b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                    b"Content-Length: 42\r\n\r\n408 the request did not arrive in time.\n\r\n")
NOTIFY_EVERY = 1.0  # seconds between heartbeats to the arbiter (gunicorn: every loop turn)


class RequestTimeout(Exception):
    """The request head (or its buffered body) did not arrive in time."""


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


def arrived(buf: bytearray | bytes, head_limit: int, buffer_body: int) -> tuple[bool, bool]:
    """(whether ``buf`` holds enough to parse the request, whether its head is complete)."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return len(buf) > head_limit, False  # over gunicorn's limits: its parser answers now
    match = _CONTENT_LENGTH.search(buf, 0, end + 2)
    length = int(match.group(1)) if match else 0
    return (not length or length > buffer_body or len(buf) - (end + 4) >= length), True


def _buffered(unreader) -> int:
    buf = unreader.buf
    buf.seek(0, os.SEEK_END)
    return buf.tell()


class ConnectionWorker(base.Worker):
    """A thread per connection; see the module docstring."""

    header_timeout = 10.0
    body_timeout = 30.0
    buffer_body = 1 << 20

    def init_process(self):
        cfg = self.cfg
        self.head_limit = (cfg.limit_request_line or 8190) + 4 + cfg.limit_request_fields * (
            cfg.limit_request_field_size + 2)
        self.open_conns: dict[socket.socket, bool] = {}  # connection -> idle between requests
        self.conns_lock = threading.Condition()
        self.max_conns = max(1, cfg.worker_connections)
        self._notified = 0.0
        super().init_process()

    def notify(self):
        now = time.monotonic()
        if now - self._notified >= NOTIFY_EVERY:  # one utime() a second, not one per request
            self._notified = now
            super().notify()

    # -- accepting --------------------------------------------------------------------------
    def run(self):
        selector = selectors.DefaultSelector()
        for listener in self.sockets:
            listener.setblocking(False)
            selector.register(listener, selectors.EVENT_READ, listener)
        selector.register(self.PIPE[0], selectors.EVENT_READ, None)
        try:
            while self.alive:
                self.notify()
                with self.conns_lock:
                    if len(self.open_conns) >= self.max_conns:
                        self.conns_lock.wait(1.0)
                        continue
                for key, _ in selector.select(1.0):
                    if key.data is None:
                        try:
                            os.read(self.PIPE[0], 4096)
                        except OSError:
                            pass
                        continue
                    self._accept(key.data)
                if not self.is_parent_alive():
                    break
        finally:
            selector.close()
            self._shutdown()

    def is_parent_alive(self) -> bool:
        return self.ppid == os.getppid()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, addr = listener.accept()
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                    raise
                return
            client.setblocking(True)
            util.close_on_exec(client)
            with self.conns_lock:
                self.open_conns[client] = False
                full = len(self.open_conns) >= self.max_conns
            threading.Thread(target=self._serve, args=(listener.getsockname(), client, addr),
                             daemon=True, name="mdkg-conn").start()
            if full:
                return

    def _shutdown(self) -> None:
        """Close idle kept-alive connections; give busy ones ``graceful_timeout`` to finish."""
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while True:
            with self.conns_lock:
                for conn, idle in self.open_conns.items():
                    if idle:
                        try:
                            conn.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
                if not self.open_conns or time.monotonic() >= deadline:
                    return
                self.conns_lock.wait(0.1)

    # -- one connection ---------------------------------------------------------------------
    def _serve(self, server, client, addr) -> None:
        reader = DeadlineSocket(client, time.monotonic() + self.header_timeout)
        parser = http.get_parser(self.cfg, reader, addr)
        req = None
        try:
            first = True
            while self.alive:
                if not parser.finish_body():  # what the application left of the last body
                    break
                if not first and not _buffered(parser.unreader) and not self._wait_next(client):
                    break
                if not self._read_head(client, parser.unreader):
                    break
                req = next(parser)
                reader.deadline = time.monotonic() + self.body_timeout  # bodies not buffered
                if not self.handle_request(server, req, client, addr):
                    break
                first = False
        except RequestTimeout:
            try:
                client.sendall(_REQUEST_TIMEOUT)
            except OSError:
                pass
        except (http.errors.NoMoreData, StopIteration):
            pass
        except OSError as exc:
            if exc.errno not in (errno.EPIPE, errno.ECONNRESET, errno.ENOTCONN, errno.ETIMEDOUT):
                self.log.exception("Socket error processing request.")
        except Exception as exc:  # noqa: BLE001 - gunicorn answers parse errors (400/414/431)
            self.handle_error(req, client, addr, exc)
        finally:
            util.close_graceful(client)
            with self.conns_lock:
                self.open_conns.pop(client, None)
                self.conns_lock.notify_all()

    def _wait_next(self, client) -> bool:
        """Wait (idle) up to the keep-alive time for the next request's first byte."""
        with self.conns_lock:
            self.open_conns[client] = True
        try:
            return bool(select.select([client], [], [], max(1, self.cfg.keepalive))[0]) and self.alive
        except (OSError, ValueError):
            return False
        finally:
            with self.conns_lock:
                if client in self.open_conns:
                    self.open_conns[client] = False

    def _read_head(self, client, unreader) -> bool:
        """Read the request head (and a small body) into ``unreader``; False at end of stream."""
        buf = bytearray(unreader.take_buffered())
        deadline = time.monotonic() + self.header_timeout
        head_done = False
        while True:
            ready, complete = arrived(buf, self.head_limit, self.buffer_body)
            if ready:
                unreader.unread(bytes(buf))
                return True
            if complete and not head_done:  # the head is complete: the body has its own time
                head_done = True
                deadline = time.monotonic() + self.body_timeout
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([client], [], [], left)[0]:
                raise RequestTimeout()
            data = client.recv(65536)
            if not data:
                if buf:
                    unreader.unread(bytes(buf))  # the parser says what is wrong with it
                    return True
                return False
            buf += data

    def handle_request(self, server, req, client, addr) -> bool:
        """gunicorn's request handling (as in its gthread worker); True: keep the connection."""
        environ: dict = {}
        resp = None
        try:
            self.cfg.pre_request(self, req)
            request_start = datetime.now()
            resp, environ = wsgi.create(req, client, addr, server, self.cfg)
            environ["wsgi.multithread"] = True
            self.nr += 1
            if self.nr >= self.max_requests:
                if self.alive:
                    self.log.info("Autorestarting worker after current request.")
                    self.alive = False
            if not self.alive or not self.cfg.keepalive:
                resp.force_close()
            respiter = self.wsgi(environ, resp.start_response)
            try:
                if isinstance(respiter, environ["wsgi.file_wrapper"]):
                    resp.write_file(respiter)
                else:
                    for item in respiter:
                        resp.write(item)
                resp.close()
            finally:
                self.log.access(resp, req, environ, datetime.now() - request_start)
                if hasattr(respiter, "close"):
                    respiter.close()
            return not resp.should_close()
        except OSError:
            util.reraise(*sys.exc_info())
        except (Exception, SystemExit):
            if resp and resp.headers_sent:  # a second answer on the same socket would corrupt it
                self.log.exception("Error handling request")
                raise StopIteration()
            raise
        finally:
            try:
                self.cfg.post_request(self, req, environ, resp)
            except Exception:  # noqa: BLE001
                self.log.exception("Exception in post_request hook")


def worker_class(header_timeout: float, body_timeout: float, buffer_body: int) -> type:
    """A :class:`ConnectionWorker` subclass with these limits (gunicorn takes the class)."""
    return type("MdkgWorker", (ConnectionWorker,), {
        "header_timeout": float(header_timeout), "body_timeout": float(body_timeout),
        "buffer_body": int(buffer_body)})
