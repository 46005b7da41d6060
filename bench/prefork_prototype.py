"""A measurement prototype (not the service): sandboxed query processes that answer HTTP themselves.

Issue 11 asks for a front whose server CPU per cheap answer is close to ``oxigraph
serve-read-only``'s. Today a ``GET /sparql`` crosses two processes: gunicorn's web process parses
the request in Python and hands the job over a pipe to a query process, which wakes up, runs
pyoxigraph and hands the answer back. This prototype measures designs with no hop (the query
processes accept the connections) or a hop without HTTP parsing in Python (handoff, dispatch):

* the parent makes one listening socket, then starts ``--processes`` children (``fork``) and
  supervises them: each child writes the monotonic time at which its current request started
  into a shared array (0 when idle); a child busy for longer than ``--timeout`` is killed and
  replaced (with the connections it holds);
* each child confines itself with the service's own seccomp filter (``sandbox.confine``: no
  ``socket()`` but ``AF_UNIX``) *after* inheriting the listening socket; ``tests/test_ssrf.py``
  shows that such a process can accept on the inherited listener and serve connections passed
  to it over ``AF_UNIX``, and can make no socket and connect nowhere;
* ``--mode accept``: every child runs an event loop (``selectors``) that accepts on the shared
  listener and keeps its connections; a request is read with a C parser (``httptools``, the
  llhttp binding) or, with ``--parser python``, a minimal Python head split, and runs only once
  it has fully arrived (a slow client holds no process);
* ``--mode handoff``: the parent keeps the idle connections and passes a connection that became
  readable to whichever child is idle (``SCM_RIGHTS`` on one shared ``SOCK_SEQPACKET`` socket);
  the child reads and answers the request and passes the connection back (after waiting
  ``--linger-ms`` for its next request);
* ``--mode dispatch``: the parent also reads each request until httptools says it is complete,
  and sends its bytes and its connection to an idle child of its choice (one socket per child),
  which answers and sends the connection back. One process sees every request before it runs,
  so per-client fair use could stay a single in-memory scheduler there, and a child holds one
  connection at a time, so killing it for its time or memory limit loses no one else's request; with
  ``--linger-ms``, the child waits that long for the same connection's next request while no
  other complete request waits for a child (a partial head goes back to the parent with its bytes);
* ``--app plain``: a query is the fast path's job (``jobs.negotiated_query`` once per
  ``Accept`` header) run by the service's ``query_worker.Reader`` in the child, answered with
  the fast path's success headers; ``--app fastpath``: the child runs the service's own
  ``fastpath.FastQueries`` over ``caching.CachingExecutor`` and that reader (ETag, result cache,
  the same headers and error answers as ``mdkg serve``).

What it does not have (so it is a measurement, not a replacement): fair use across clients, the
memory cap (the supervisor could poll each child's RSS as ``query_pool`` does), header and body
timeouts, the security headers, the Flask routes (anything but ``GET /sparql?query=`` is 404),
pipelined requests in dispatch mode, and, in accept mode, head-of-line isolation (a connection
kept by a child waits while that child runs another connection's long query).
``bench/prefork_bench.py`` measures it against ``mdkg serve`` and ``oxigraph serve-read-only``.

    python bench/prefork_prototype.py --store STORE --port 8123 [--processes 2] [--mode dispatch] [--app fastpath]
"""
from __future__ import annotations

import argparse
import ctypes
import multiprocessing
import os
import selectors
import signal
import socket
import sys
import time
import traceback
from pathlib import Path
from urllib.parse import parse_qsl

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph_builder.service import sandbox  # noqa: E402

MAX_QUERY = 100_000
HEAD_LIMIT = 64 * 1024
_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
_BAD = b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
_CORS = b"Access-Control-Allow-Origin: *\r\n"
WAITING = multiprocessing.Value(ctypes.c_int, 0, lock=False)  # dispatch: complete requests no child has yet
LINGER_MS = [0.0]  # dispatch: how long a child waits for its connection's next request


def _receive(sock: socket.socket) -> bytes | None:
    """What a non-blocking socket has for us: None when nothing yet, ``b""`` when it is closed."""
    try:
        return sock.recv(65536)
    except (BlockingIOError, InterruptedError):
        return None
    except OSError:
        return b""


class Conn:
    __slots__ = ("sock", "parser", "url", "accept", "done", "out", "buf", "keep")

    def __init__(self, sock):
        self.sock = sock
        self.parser = None
        self.url = b""
        self.accept = ""
        self.done = False
        self.out = b""
        self.buf = b""
        self.keep = True

    # httptools callbacks
    def on_url(self, url: bytes) -> None:
        self.url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        if name.lower() == b"accept":
            self.accept = value.decode("latin-1")

    def on_message_complete(self) -> None:
        self.done = True


class InProcess:
    """The executor interface ``fastpath``/``caching`` use, answered by this process's own reader
    (``query_pool.Executor`` without the pipe: no time limit here, the parent's supervisor kills)."""

    def __init__(self, reader, store: Path):
        from graph_builder.service.query_pool import Executor
        self.reader = reader
        # the pool's own lookup of the build to read (one readlink while the link is unchanged);
        # an Executor starts no process before its first job, and this one never gets one
        self.read_path = Executor(store, processes=0, timeout=0, writable=False).read_path
        self.worker = None  # set by Child: the query worker's own error handling

    def read(self, job: dict) -> dict:
        return self.worker(job)


class Child:
    """The event loop of one sandboxed child."""

    def __init__(self, listener: socket.socket, store: Path, slot, parser: str, config: dict,
                 app: str = "plain"):
        from graph_builder.service import query_worker
        from graph_builder.service.jobs import negotiated_query
        from werkzeug.datastructures import MIMEAccept
        from werkzeug.http import parse_accept_header
        self.listener = listener
        self.slot = slot
        self.use_httptools = parser == "httptools"
        if self.use_httptools:
            import httptools
            self.httptools = httptools
        self.reader = query_worker.Reader(str(store))
        self.read_path = InProcess(self.reader, store).read_path
        self.network_failure, self.network_answer = query_worker._network_failure, query_worker._network_answer
        self.config = config
        self._jobs: dict[str, dict] = {}
        self._negotiate = lambda accept: negotiated_query(
            "", "", parse_accept_header(accept, MIMEAccept), None, None, config).wire()
        self.sel = selectors.DefaultSelector()
        self.wsgi = None
        if app == "fastpath":  # the service's own fast path and result cache over this process's reader
            from graph_builder.service import caching, fastpath
            inner = InProcess(self.reader, store)
            inner.worker = self._run_job
            self.wsgi = fastpath.FastQueries(lambda environ, start: [], caching.CachingExecutor(
                inner, config["CACHE_MAX_BYTES"]), config, caching.fingerprint({}))

    def _run_job(self, job: dict) -> dict:
        """``query_worker.child_main``'s handling of one job, in this process."""
        started = time.perf_counter()
        try:
            answer = self.reader.run(job)
        except SyntaxError as exc:
            answer = {"status": 400, "message": f"SPARQL syntax error: {exc}"}
        except OSError as exc:  # the sandbox refused SERVICE/LOAD: the worker's own answer (403)
            answer = (self.network_answer(exc, ()) if self.network_failure(exc)
                      else {"status": 503, "message": f"store error: {exc}"})
        except Exception as exc:  # noqa: BLE001 - the prototype answers 400 like the worker
            answer = {"status": 400, "message": f"{type(exc).__name__}: {exc}"}
        answer["engine_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return answer

    def _wsgi_answer(self, method: bytes, url: bytes, accept: str) -> bytes:
        path, _, query_string = url.partition(b"?")
        environ = {"REQUEST_METHOD": method.decode("latin-1"), "PATH_INFO": path.decode("latin-1"),
                   "QUERY_STRING": query_string.decode("latin-1"), "SCRIPT_NAME": "",
                   "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
                   "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1"}
        if accept:
            environ["HTTP_ACCEPT"] = accept
        if not self.wsgi._eligible(environ):
            return _NOT_FOUND
        started: list = []
        body = b"".join(self.wsgi(environ, lambda status, headers, exc_info=None: started.append(
            (status, headers))))
        status, headers = started[0]
        head = "".join(f"{k}: {v}\r\n" for k, v in headers)
        return f"HTTP/1.1 {status}\r\n{head}\r\n".encode("latin-1") + body

    def run(self) -> None:
        self.listener.setblocking(False)
        self.sel.register(self.listener, selectors.EVENT_READ, None)
        while True:
            for key, _ in self.sel.select():
                if key.data is None:
                    self._accept()
                else:
                    self._readable(key.data)

    def _accept(self) -> None:
        try:
            sock, _ = self.listener.accept()
        except (BlockingIOError, InterruptedError):
            return  # another child took it
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = Conn(sock)
        if self.use_httptools:
            conn.parser = self.httptools.HttpRequestParser(conn)
        self.sel.register(sock, selectors.EVENT_READ, conn)

    def _close(self, conn: Conn) -> None:
        self.sel.unregister(conn.sock)
        conn.sock.close()

    def _readable(self, conn: Conn) -> None:
        data = _receive(conn.sock)
        if data is None:
            return
        if not data:
            self._close(conn)
            return
        self._feed(conn, data)

    def _feed(self, conn: Conn, data: bytes) -> bool:
        """Take ``data`` of ``conn``'s request; answer it once it has arrived (then True)."""
        if self.use_httptools:
            try:
                conn.parser.feed_data(data)
            except self.httptools.HttpParserUpgrade:
                conn.done = False
            except self.httptools.HttpParserError:
                self._send(conn, _BAD)
                self._close(conn)
                return False
            if not conn.done:
                return False
            url, accept = conn.url, conn.accept
            conn.keep = conn.parser.should_keep_alive()
            method = conn.parser.get_method()
            conn.url, conn.accept, conn.done = b"", "", False
        else:
            conn.buf += data
            end = conn.buf.find(b"\r\n\r\n")
            if end < 0:
                if len(conn.buf) > HEAD_LIMIT:
                    self._send(conn, _BAD)
                    self._close(conn)
                return False
            head, conn.buf = conn.buf[:end], conn.buf[end + 4:]
            lines = head.split(b"\r\n")
            try:
                method, url, _ = lines[0].split(b" ")
            except ValueError:
                self._send(conn, _BAD)
                self._close(conn)
                return False
            accept = ""
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"accept":
                    accept = value.strip().decode("latin-1")
        self.slot.value = time.monotonic()
        try:
            response = (self._answer if self.wsgi is None else self._wsgi_answer)(method, url, accept)
        finally:
            self.slot.value = 0.0
        self._send(conn, response)
        if not conn.keep:
            self._close(conn)
        return True

    def _send(self, conn: Conn, data: bytes) -> None:
        conn.sock.setblocking(True)  # the prototype writes answers blocking (they are small)
        try:
            conn.sock.sendall(data)
        except OSError:
            pass
        conn.sock.setblocking(False)

    def _answer(self, method: bytes, url: bytes, accept: str) -> bytes:
        path, _, query_string = url.partition(b"?")
        if method != b"GET" or path not in (b"/sparql", b"/sparql/"):
            return _NOT_FOUND
        pairs = parse_qsl(query_string.decode("latin-1").encode("latin-1").decode(), keep_blank_values=True)
        if len(pairs) != 1 or pairs[0][0] != "query" or len(pairs[0][1]) > MAX_QUERY:
            return _NOT_FOUND
        template = self._jobs.get(accept)
        if template is None:
            template = self._jobs[accept] = self._negotiate(accept)
        job = dict(template, text=pairs[0][1], base="http://localhost/sparql", read_path=self.read_path())
        answer = self._run_job(job)
        engine_ms = answer["engine_ms"]
        if answer["status"] != 200:
            body = answer["message"].encode()
            return (f"HTTP/1.1 {answer['status']} Error\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        body = answer["body"]
        head = (f"HTTP/1.1 200 OK\r\nContent-Type: {answer['content_type']}\r\nContent-Length: {len(body)}\r\n"
                f"Vary: Accept\r\nX-MDKG-Query-Time: {engine_ms}\r\n"
                f"Cache-Control: public, max-age=60\r\n").encode()
        return head + _CORS + b"\r\n" + body


class HandoffChild(Child):
    """``--mode handoff``: connections come from the parent one request at a time (``SCM_RIGHTS``)
    and go back to it after the answer unless the next request arrives within ``LINGER``."""

    LINGER_MS = 2

    def __init__(self, jobs: socket.socket, back: socket.socket, *rest):
        super().__init__(None, *rest)
        self.jobs, self.back = jobs, back

    def run(self) -> None:
        import select
        while True:
            _, fds, _, _ = socket.recv_fds(self.jobs, 1, 1)
            if not fds:
                continue
            sock = socket.socket(fileno=fds[0])
            conn = Conn(sock)
            if self.use_httptools:
                conn.parser = self.httptools.HttpRequestParser(conn)
            self.sel = _OneShot(sock)
            while True:
                if not select.select([sock], [], [], 1.0)[0]:  # prototype: a real front hands a
                    break                                       # half-read head back with its bytes
                self._readable(conn)
                if self.sel.closed:
                    break
                if conn.url or conn.buf:  # part of a request: keep reading it
                    continue
                if not self.LINGER_MS or not select.select([sock], [], [], self.LINGER_MS / 1000)[0]:
                    break
            if not self.sel.closed:
                socket.send_fds(self.back, [b"c"], [sock.fileno()])
                sock.close()


class DispatchChild(Child):
    """``--mode dispatch``: the parent sends one complete request (its bytes and its connection,
    ``SCM_RIGHTS``) on this child's own socket; the child answers it and sends the connection
    back (or says it closed it)."""

    def __init__(self, link: socket.socket, *rest):
        super().__init__(None, *rest)
        self.link = link

    def run(self) -> None:
        import select
        while True:
            data, fds, _, _ = socket.recv_fds(self.link, HEAD_LIMIT, 1)
            if not fds:
                if not data:
                    return  # the parent is gone
                continue
            sock = socket.socket(fileno=fds[0])
            self.sel = _OneShot(sock)
            back = b"k"
            while True:
                conn = Conn(sock)
                conn.parser = self.httptools.HttpRequestParser(conn)
                answered = self._feed(conn, data)  # the parent's bytes: a whole request
                if self.sel.closed or not answered:
                    back += b"" if self.sel.closed else data  # a partial request: the parent reads on
                    break
                # linger: the connection's next request, while no other request waits for a child
                if not LINGER_MS[0] or WAITING.value or not select.select([sock], [], [], LINGER_MS[0] / 1000)[0]:
                    break
                data = _receive(sock)
                if data is None:
                    break
                if not data:
                    self._close(conn)
                    break
            if self.sel.closed:
                self.link.send(b"x")
            else:
                socket.send_fds(self.link, [back], [sock.fileno()])
                sock.close()


class Dispatcher:
    """The parent of ``--mode dispatch``: accepts, reads each request until it is complete
    (httptools tells), then gives it to an idle child, oldest waiting request first. A real front
    would apply the fair-use order here (one process sees every request) and the header timeout."""

    def __init__(self, listener: socket.socket):
        import httptools
        self.httptools = httptools
        self.sel = selectors.DefaultSelector()
        listener.setblocking(False)
        self.listener = listener
        self.sel.register(listener, selectors.EVENT_READ, ("accept", None))
        self.links: dict[int, socket.socket] = {}
        self.idle: list[int] = []
        self.waiting: list = []

    def add_child(self, i: int, link: socket.socket) -> None:
        old = self.links.pop(i, None)
        if old is not None:
            self.sel.unregister(old)
            old.close()
        if i in self.idle:
            self.idle.remove(i)
        self.links[i] = link
        self.sel.register(link, selectors.EVENT_READ, ("child", i))
        self.idle.append(i)
        self._dispatch()

    def _watch(self, sock: socket.socket) -> Conn:
        conn = Conn(sock)
        conn.parser = self.httptools.HttpRequestParser(conn)
        self.sel.register(sock, selectors.EVENT_READ, ("conn", conn))
        return conn

    def step(self) -> None:
        for key, _ in self.sel.select(0.05):
            kind, item = key.data
            if kind == "accept":
                try:
                    sock, _ = self.listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self._watch(sock)
            elif kind == "child":
                try:
                    data, fds, _, _ = socket.recv_fds(self.links[item], HEAD_LIMIT + 1, 1)
                except OSError:
                    data, fds = b"", []
                for fd in fds:
                    conn = self._watch(socket.socket(fileno=fd))
                    if len(data) > 1:  # the child read part of the next request while lingering
                        self._take(conn, data[1:])
                if data:
                    self.idle.append(item)
                self._dispatch()
            else:
                self._read(item)

    def _read(self, conn: Conn) -> None:
        data = _receive(conn.sock)
        if data is None:
            return
        if not data:
            self.sel.unregister(conn.sock)
            conn.sock.close()
            return
        self._take(conn, data)

    def _take(self, conn: Conn, data: bytes) -> None:
        conn.buf += data
        try:
            conn.parser.feed_data(data)
        except self.httptools.HttpParserError:
            conn.done = False
            conn.buf = b""
            conn.sock.send(_BAD)
            self.sel.unregister(conn.sock)
            conn.sock.close()
            return
        if conn.done:
            self.sel.unregister(conn.sock)
            self.waiting.append(conn)
            self._dispatch()
        elif len(conn.buf) > HEAD_LIMIT:
            conn.sock.send(_BAD)
            self.sel.unregister(conn.sock)
            conn.sock.close()

    def _dispatch(self) -> None:
        while self.waiting and self.idle:
            conn, i = self.waiting.pop(0), self.idle.pop(0)
            socket.send_fds(self.links[i], [conn.buf], [conn.sock.fileno()])
            conn.sock.close()
        WAITING.value = len(self.waiting)  # lingering children look: nobody else waits


class _OneShot:
    """What ``Child._close`` needs of a selector, for the one connection a handoff child holds."""

    def __init__(self, sock):
        self.closed = False

    def unregister(self, _sock) -> None:
        self.closed = True


def child_main(listener: socket.socket, store: Path, slot, parser: str, pipes=None, app: str = "plain") -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    sandbox.confine(())  # from here on: no socket() but AF_UNIX; accept() on the listener stays
    from graph_builder.service.config import resolve_config
    config = resolve_config({"STORE": str(store)})
    if isinstance(pipes, socket.socket):
        listener.close()
        DispatchChild(pipes, store, slot, "httptools", config, app).run()
    elif pipes is None:
        Child(listener, store, slot, parser, config, app).run()
    else:
        HandoffChild(pipes[0], pipes[1], store, slot, parser, config, app).run()


def handoff_loop(listener: socket.socket, jobs: socket.socket, back: socket.socket, stop: list) -> None:
    """The parent of ``--mode handoff``: accepts, waits for each idle connection's next request,
    and hands the connection to whichever child is idle (no HTTP parsing here)."""
    sel = selectors.DefaultSelector()
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, "accept")
    sel.register(back, selectors.EVENT_READ, "back")
    while not stop:
        for key, _ in sel.select(0.05):
            if key.data == "accept":
                try:
                    sock, _ = listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sel.register(sock, selectors.EVENT_READ, "conn")
            elif key.data == "back":
                _, fds, _, _ = socket.recv_fds(back, 1, 1)
                for fd in fds:
                    sel.register(socket.socket(fileno=fd), selectors.EVENT_READ, "conn")
            else:
                sel.unregister(key.fileobj)
                socket.send_fds(jobs, [b"j"], [key.fileobj.fileno()])
                key.fileobj.close()
        yield


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--parser", choices=("httptools", "python"), default="httptools")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--app", choices=("plain", "fastpath"), default="plain",
                    help="plain: the job and the answer built here; fastpath: the service's own "
                         "fastpath.FastQueries over caching.CachingExecutor (ETag, cache, same headers)")
    ap.add_argument("--linger-ms", type=float, default=HandoffChild.LINGER_MS,
                    help="handoff and dispatch: how long a child waits for its connection's next request "
                         "(dispatch: only while no other request waits for a child)")
    ap.add_argument("--mode", choices=("accept", "handoff", "dispatch"), default="accept",
                    help="accept: children accept and keep connections; handoff: the parent keeps idle "
                         "connections and passes each request's connection to an idle child; dispatch: "
                         "the parent reads each request (httptools) and passes it, bytes and "
                         "connection, to an idle child of its choice")
    args = ap.parse_args(argv)
    sandbox.check(())
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((args.host, args.port))
    listener.listen(1024)
    slots = [multiprocessing.Value(ctypes.c_double, 0.0, lock=False) for _ in range(args.processes)]
    children: dict[int, int] = {}  # slot index -> pid
    pipes = None
    HandoffChild.LINGER_MS = args.linger_ms
    LINGER_MS[0] = args.linger_ms
    if args.mode == "handoff":
        jobs_parent, jobs_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        back_child, back_parent = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pipes = (jobs_child, back_child)

    dispatcher = Dispatcher(listener) if args.mode == "dispatch" else None

    def spawn(i: int) -> None:
        link = None
        if dispatcher is not None:
            link, link_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:
            try:
                child_main(listener, args.store, slots[i], args.parser,
                           pipes if dispatcher is None else link_child, args.app)
            except BaseException:  # noqa: BLE001 - say why before the child ends
                traceback.print_exc()
            finally:
                os._exit(1)
        children[i] = pid
        if dispatcher is not None:
            link_child.close()
            dispatcher.add_child(i, link)

    for i in range(args.processes):
        spawn(i)
    stop = []
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    checked = 0.0
    ticks = handoff_loop(listener, jobs_parent, back_parent, stop) if pipes else None
    while not stop:  # the supervisor: replace children that died or ran past the time limit
        if dispatcher is not None:
            dispatcher.step()
        elif ticks is None:
            time.sleep(0.05)
        else:
            next(ticks, None)
        now = time.monotonic()
        if now - checked < 0.05:
            continue
        checked = now
        for i, pid in list(children.items()):
            started = slots[i].value
            if started and now - started > args.timeout:
                os.kill(pid, signal.SIGKILL)
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                slots[i].value = 0.0
                spawn(i)
    for pid in children.values():
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
