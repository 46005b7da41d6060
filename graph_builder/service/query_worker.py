"""What runs inside the service's child processes: query readers and the single writer.

A *reader* opens the directory named in each job read-only (reopening when it changes; None
means an empty dataset) and answers ``query``, ``graph_get`` and ``stats`` jobs. The *writer*
holds the current build directory read-write, answers ``update`` and Graph Store write jobs,
and after every write takes a cheap RocksDB checkpoint (``Store.backup``, hard links) into
``<store>.snapshots/`` that readers then open: pyoxigraph documents opening a directory
read-only while another process writes it as undefined behaviour, so readers never do.

Dataset semantics (queries): with no protocol dataset and no FROM/FROM NAMED in the query the
default graph is the union of all graphs (``use_default_graph_as_union``); FROM/FROM NAMED are
honoured; ``default-graph-uri``/``named-graph-uri`` replace the query's own dataset entirely
(only named graphs given: an empty default graph; only default graphs given: no named graphs).
Updates see the store's real default graph unless ``using-graph-uri`` etc. are given.

Before anything else a child confines itself (``sandbox``): without allow-listed hosts it
cannot make a network socket at all, so SERVICE and LOAD fail inside pyoxigraph with
``PermissionError`` (answered 403) whatever the text says; with an allow-list, the parent
supervises every ``connect``. Syntax errors are pyoxigraph's own, raised by the call that runs
the request (400). A text nested deeper than ``max_nesting`` brackets is refused (400) before
pyoxigraph parses it (its parser overflows the stack on deep nesting; see ``query_text``).

A query job may carry ``substitutions`` (variable name -> pyoxigraph term, bound with
pyoxigraph's ``substitutions``); every query can call ``mdkg:arMatch``/``mdkg:arFold``.

Every job answers a dict: ``status`` and either ``body``/``content_type`` or ``message``. This
module does not talk HTTP and does not time anything out (the parent kills a slow process).
"""
from __future__ import annotations

import errno
import os
import shutil
import time
from multiprocessing import reduction
from pathlib import Path

import pyoxigraph as ox

from graph_builder.text import arsearch
from graph_builder.build import store as store_mod
from graph_builder.service import query_text, results, sandbox, wire
from graph_builder.service.guard import Rejected
from graph_builder.service.update_dataset import with_using

MAX_NESTING = 64  # the default of config MAX_NESTING


def snapshots_dir(store: Path) -> Path:
    store = Path(store)
    return store.parent / (store.name + ".snapshots")


def _graph_node(iri: str | None):
    return ox.DefaultGraph() if iri is None else ox.NamedNode(iri)


def _query_kwargs(job: dict) -> dict:
    kwargs: dict = {"base_iri": job.get("base")}
    dataset = job.get("dataset")
    if dataset is not None:
        default = [ox.NamedNode(i) for i in dataset["default"]] or [ox.BlankNode()]  # fresh = empty
        kwargs.update(default_graph=default, named_graphs=[ox.NamedNode(i) for i in dataset["named"]])
    elif not query_text.has_dataset_clause(job["text"]):
        kwargs["use_default_graph_as_union"] = True
    # Named queries and search bind parameters as terms (never pasted into the text), and
    # every query may call mdkg:arMatch / mdkg:arFold (see graph_builder.text.arsearch).
    if job.get("substitutions"):
        kwargs["substitutions"] = {ox.Variable(name): term for name, term in job["substitutions"].items()}
    kwargs["custom_functions"] = job["custom_functions"]
    return kwargs


def _form_of(answer) -> str:
    """The query form told by the type of pyoxigraph's answer (CONSTRUCT stands for DESCRIBE too)."""
    if isinstance(answer, (bool, ox.QueryBoolean)):
        return "ASK"
    return "SELECT" if isinstance(answer, ox.QuerySolutions) else "CONSTRUCT"


def check_nesting(text: str, limit: int, what: str) -> None:
    if query_text.too_deep(text, limit):
        raise Rejected(400, f"the {what} nests brackets deeper than the limit of {limit} "
                            f"(MDKG_MAX_NESTING); it was not parsed")


# How pyoxigraph's HTTP client reports a failed SERVICE/LOAD call (store errors look different)
_NETWORK_MESSAGES = ("failed to lookup address information", "is not allowed for HTTP(S)",
                     "Connection refused", "timed out", "Network is unreachable", "No route to host")


def _network_failure(exc: OSError) -> bool:
    if isinstance(exc, PermissionError) and (exc.errno == errno.EPERM or "os error 1)" in str(exc)):
        return True  # the sandbox refused the socket or the connection
    return any(marker in str(exc) for marker in _NETWORK_MESSAGES)


def _network_answer(exc: OSError, allowed_hosts: tuple) -> dict:
    if not allowed_hosts:
        return {"status": 403, "message": "SERVICE and LOAD cannot open network connections on this "
                                          f"service (no host is allow-listed): {exc}"}
    if isinstance(exc, PermissionError):
        return {"status": 403, "message": f"SERVICE and LOAD may reach only the allow-listed hosts "
                                          f"{', '.join(allowed_hosts)}: {exc}"}
    return {"status": 502, "message": f"the SERVICE or LOAD endpoint failed: {exc}"}


class Reader:
    """Answers read jobs on a read-only store reopened whenever the job names another directory."""

    def __init__(self, store_path: str, max_nesting: int = MAX_NESTING):
        self.store_path = store_path
        self.max_nesting = max_nesting
        self._path: str | None = None
        self._store: ox.Store = ox.Store()
        self.functions = arsearch.custom_functions()  # mdkg:arMatch etc., with a per-process memo

    def hello(self) -> dict:
        return {}

    def _open(self, path: str | None) -> ox.Store:
        if path != self._path:
            self._store = ox.Store() if path is None else ox.Store.read_only(path)
            self._path = path
        return self._store

    def run(self, job: dict) -> dict:
        store = self._open(job.get("read_path"))
        kind = job["kind"]
        if kind == "query":
            return self._query(store, job)
        if kind == "graph_get":
            return self._graph_get(store, job)
        if kind == "stats":
            return self._stats(store)
        raise ValueError(f"unknown job kind {kind!r}")

    def _query(self, store: ox.Store, job: dict) -> dict:
        check_nesting(job["text"], self.max_nesting, "query")
        answer = store.query(job["text"], **_query_kwargs(dict(job, custom_functions=self.functions)))
        form = _form_of(answer)
        if form in ("SELECT", "ASK"):
            media_type = job.get("results_type")
            if media_type is None:
                return {"status": 406, "message": f"no acceptable format for {form} results"}
            if form == "ASK":
                return {"status": 200, "body": results.boolean_bytes(answer, media_type),
                        "content_type": media_type, "truncated": False}
            body, truncated = results.select_bytes(answer, media_type, job["max_rows"])
        else:
            media_type = job.get("graph_type")
            if media_type is None:
                return {"status": 406, "message": f"no acceptable RDF format for {form} results"}
            body, truncated = results.triples_bytes(answer, media_type, job["max_rows"])
        return {"status": 200, "body": body, "content_type": media_type, "truncated": truncated}

    def _graph_get(self, store: ox.Store, job: dict) -> dict:
        graph = _graph_node(job.get("graph"))
        if isinstance(graph, ox.NamedNode) and not store.contains_named_graph(graph):
            return {"status": 404, "message": f"no graph <{job['graph']}> in the store"}
        triples = (q.triple for q in store.quads_for_pattern(None, None, None, graph))
        body, _ = results.triples_bytes(triples, job["graph_type"], None)
        return {"status": 200, "body": body, "content_type": job["graph_type"], "truncated": False}

    def _stats(self, store: ox.Store) -> dict:
        graphs = {str(s["g"].value): int(s["n"].value) for s in store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
        for graph in store.named_graphs():
            graphs.setdefault(graph.value, 0)
        default = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)
        return {"status": 200, "graphs": graphs, "default_graph_quads": default}


class Writer:
    """Holds the current build read-write; every successful write ends with a fresh snapshot."""

    def __init__(self, store_path: str, max_nesting: int = MAX_NESTING):
        self.store_path = Path(store_path)
        self.max_nesting = max_nesting
        self.snapshots = snapshots_dir(self.store_path)
        shutil.rmtree(self.snapshots, ignore_errors=True)  # leftovers of a previous run
        self.snapshots.mkdir(parents=True, exist_ok=True)
        self._seq = 0
        self._open_current()

    def _open_current(self) -> None:
        target = store_mod.resolve(self.store_path)
        if target is None:
            target = store_mod.new_build_dir(self.store_path)
            ox.Store(str(target)).flush()
            store_mod.switch_to(self.store_path, target)
        store = ox.Store(str(target))  # OSError (e.g. still locked by its builder) keeps the old one
        self.target, self.store = target, store
        self.snapshot = self._take_snapshot()

    def _take_snapshot(self) -> str:
        self._seq += 1
        path = self.snapshots / f"{self.target.name}-{self._seq:06d}-{time.time_ns()}"
        self.store.backup(str(path))
        return str(path)

    def hello(self) -> dict:
        return {"snapshot": self.snapshot, "target": str(self.target)}

    def run(self, job: dict) -> dict:
        if store_mod.resolve(self.store_path) != self.target:
            self._open_current()  # a rebuild switched the symlink
        kind = job["kind"]
        if kind == "sync":
            return {"status": 200}
        handler = {"update": self._update, "graph_put": self._graph_load,
                   "graph_post": self._graph_load, "graph_delete": self._graph_delete}[kind]
        outcome = handler(job)
        if outcome["status"] < 300:
            self.snapshot = self._take_snapshot()
        return outcome

    def _update(self, job: dict) -> dict:
        using, using_named = job.get("using", []), job.get("using_named", [])
        check_nesting(job["text"], self.max_nesting, "update")
        if (using or using_named) and query_text.has_top_level_word(job["text"], {"USING", "WITH"}):
            raise Rejected(400, "using-graph-uri/using-named-graph-uri cannot be combined "
                                "with an update that has its own USING or WITH clause")
        self.store.update(with_using(job["text"], using, using_named), base_iri=job.get("base"))
        return {"status": 204}

    def _graph_load(self, job: dict) -> dict:
        fmt = ox.RdfFormat.from_media_type(job["format"])
        target = job.get("target")  # {"graph": iri|None} or None for a whole-dataset POST
        try:
            quads = list(ox.parse(job["data"], format=fmt, base_iri=job.get("base"),
                                  without_named_graphs=target is not None))
        except SyntaxError as exc:
            return {"status": 400, "message": f"cannot parse the {job['format']} body: {exc}"}
        if target is None:
            self.store.extend(quads)
            return {"status": 204}
        graph = _graph_node(target["graph"])
        existed = isinstance(graph, ox.DefaultGraph) or self.store.contains_named_graph(graph)
        if job["kind"] == "graph_put" and existed:
            self.store.clear_graph(graph)
        if isinstance(graph, ox.NamedNode):
            self.store.add_graph(graph)
        self.store.extend([ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads])
        return {"status": 204 if existed else 201}

    def _graph_delete(self, job: dict) -> dict:
        graph = _graph_node(job["target"]["graph"])
        if isinstance(graph, ox.DefaultGraph):
            self.store.clear_graph(graph)
        elif self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        else:
            return {"status": 404, "message": f"no graph <{job['target']['graph']}> in the store"}
        return {"status": 204}


def child_main(conn, role: str, store_path: str, allowed_hosts: tuple = (),
               max_nesting: int = MAX_NESTING) -> None:
    """Entry point of a child process: confine it, build the engine, say hello, then answer
    jobs until EOF. With allow-listed hosts the seccomp notification descriptor goes to the
    parent first (``{"listener": True}`` then the descriptor), before any job is read."""
    try:
        listener = sandbox.confine(allowed_hosts)
    except sandbox.SandboxUnavailable as exc:
        conn.send({"ready": False, "error": f"sandbox: {exc}"})
        return
    if listener is not None:
        conn.send({"listener": True})
        reduction.send_handle(conn, listener, os.getppid())
        os.close(listener)
    try:
        engine = Writer(store_path, max_nesting) if role == "writer" else Reader(store_path, max_nesting)
    except Exception as exc:
        conn.send({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return
    conn.send({"ready": True, **engine.hello()})
    fd = conn.fileno()  # jobs and answers: one message each way at a time (see ``wire``)
    while True:
        try:
            job = wire.recv(fd)
        except (EOFError, OSError):
            return
        started = time.perf_counter()
        try:
            outcome = engine.run(job)
        except Rejected as exc:
            outcome = {"status": exc.status, "message": exc.message}
        except SyntaxError as exc:
            outcome = {"status": 400, "message": f"SPARQL syntax error: {exc}"}
        except OSError as exc:
            if _network_failure(exc):
                outcome = _network_answer(exc, allowed_hosts)
            else:
                outcome = {"status": 503, "message": f"store error: {exc}"}
        except Exception as exc:  # evaluation errors caused by the request
            outcome = {"status": 400, "message": f"{type(exc).__name__}: {exc}"}
        outcome["engine_ms"] = round((time.perf_counter() - started) * 1000, 2)
        outcome.update(engine.hello())  # the writer reports its latest snapshot
        try:
            wire.send(fd, outcome)
        except (OSError, ValueError):
            return
