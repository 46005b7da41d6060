"""The build pipeline: corpus → document model → mentions → facts → RDF → a fresh store.

:func:`build` writes a new store directory beside the current one, validates it against the
SHACL shapes, and only then switches the store link over (:mod:`graph_builder.build.store`); any
failure (a broken source file, a shape violation, a kill) leaves the previous store untouched
and serving.

Documents are independent of each other, so they are analysed in parallel (one process per
core, the gazetteer and matcher loaded once before the workers fork) and streamed into the
store one document at a time: memory does not grow with the corpus. Each document's quads are
cached (:mod:`graph_builder.build.cache`) under ``<store>.cache/`` keyed by the source's sha256 and a fingerprint of every input of
the build stages (their code, gazetteer, lexicons, ontology, shapes; base IRI, strictness), and
its read document and mentions under a key of only the files the mention stage reads
(:mod:`graph_builder.build.stage_inputs` measures them): a rebuild re-processes only the reports
that changed; a change the matcher does not read (a lexicon of the fact rules) re-runs facts,
RDF and SHACL from the cached mentions; a change to code outside the build stages re-runs
nothing. A rebuild gives the same quads as a full rebuild.

The per-report work done in the workers also covers the report's SHACL check (every report, with
the shapes compiled to SPARQL and run by pyoxigraph: :mod:`graph_builder.validate.shacl_sparql`, checked
against pyshacl in the tests; ``mdkg validate`` runs pyshacl and HermiT on the whole store), cached
alongside its quads; the parent bulk-loads each report's quads into the new store as soon as its
worker is done (loading overlaps analysis), then checks the static graphs (ontology, gazetteer).
Each worker also writes its report's statements about entities into the build's facts graph
(:mod:`graph_builder.build.facts_graph`: each fact, type and label once, however many reports restate
it; the store keeps one copy of each quad), which the named queries read; the parent adds the static
graphs', learns which meeting keys of different reports name one meeting (the meeting-identity graph:
:mod:`graph_builder.build.meeting_identity`) and then computes the summary graph's lookup keys and tables
(:mod:`graph_builder.build.summary`).

Downloadable dumps are not in the critical path: they are written from the new store after the
switch-over (:mod:`graph_builder.build.build_dumps`), in this process (``dumps="after"``), in a
detached background process (``dumps="background"``, what ``mdkg build`` does) or not at all.
"""
from __future__ import annotations

import gc
import gzip
import json
import multiprocessing as mp
import os
import pickle
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

from . import emit, store as store_mod
from . import build_dumps, cache, facts_graph, meeting_identity, stage_inputs, summary
from ..text.corpus import corpus_files, load_manifest, read_document
from ..text.readers import source_sha
from ..facts import extract_facts, registry as rule_registry
from ..facts.fact_context import FactContext
from ..recognise.findings import Entity, Fact, Mention
from ..recognise.gazetteer import load_gazetteer
from ..recognise.matcher import Matcher, mentions_in
from ..text.model import Document, SourceError
from ..namespaces import Base
from ..resources import ontology_file
from ..validate.shacl_sparql import FastShapes

WORKER_REPORTS = 20


class BuildError(Exception):
    """The build was stopped; the previous store is untouched."""


@dataclass
class DocumentResult:
    document: Document
    mentions: list[Mention]
    facts: list[Fact]


@dataclass
class DocumentSummary:
    """What the build keeps of one document once its quads are in the store."""

    slug: str
    path: str
    sha256: str
    paragraphs: int
    mentions: int
    facts: int
    quads: int
    warnings: list[str]
    cached: bool = False
    mentions_cached: bool = False
    graph: str = ""
    shacl: dict = field(default_factory=dict)     # {"checked", "conforms", "text"}


@dataclass
class BuildResult:
    store: Path
    build_dir: Path
    documents: list[DocumentSummary]
    quads: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    validation: object = None
    validated_documents: int = 0
    rerun: dict = field(default_factory=dict)   # stage → files changed since the last build (why it re-ran)
    dumps_seconds: float = 0.0      # writing the dumps after the switch (mode "after"), not in ``seconds``

    @property
    def reprocessed(self) -> int:
        return sum(not d.cached for d in self.documents)


# ---------------------------------------------------------------- one document

def analyse(doc: Document, matcher: Matcher, gazetteer) -> DocumentResult:
    """Mentions and facts of one document (pure: no store, no I/O)."""
    mentions = mentions_in(doc, matcher)
    facts = extract_facts(FactContext(doc, mentions, gazetteer, matcher))
    return DocumentResult(doc, mentions, _known_entities(facts, gazetteer))


def _known_entities(facts: list, gazetteer) -> list:
    """Facts whose subject or object a rule minted from text (``ilo-convention-189``) under a key
    the gazetteer also holds, rewritten to the gazetteer's entity: one entity, one set of labels,
    not marked ``fromText``."""
    if gazetteer is None:
        return facts

    def known(e):
        return gazetteer.get(*e.key) if isinstance(e, Entity) and e.from_text and e.key in gazetteer else e

    return [f if known(f.subject) is f.subject and known(f.object) is f.object
            else replace(f, subject=known(f.subject), object=known(f.object)) for f in facts]


def document_quads(result: DocumentResult, base: Base) -> Iterable[ox.Quad]:
    doc = result.document
    yield from emit.document_quads(doc, base)
    for e in emit.text_entities(result.mentions, result.facts):
        yield from emit.entity_quads(e, base.graph(doc.slug), base)
    yield from emit.mention_quads(result.mentions, doc, base)
    yield from emit.fact_quads(result.facts, doc, base)


def ontology_quads(base: Base) -> list[ox.Quad]:
    return list(emit.file_quads(ontology_file("mdkg.ttl"), base.ontology_graph, base))


# ---------------------------------------------------------------- workers

_WORKER: dict = {}   # set in the parent before the pool forks; read-only in workers


def _process(job: tuple) -> dict:
    """Read, analyse and emit one document into its cache files; return its summary as a dict."""
    path, entry, strict, out, check, mention_cache = job
    gazetteer, matcher, base = _WORKER["gazetteer"], _WORKER["matcher"], _WORKER["base"]
    mentions_cached = os.path.exists(mention_cache)
    if mentions_cached:
        with open(mention_cache, "rb") as fh:
            doc, mentions = pickle.load(fh)
    else:
        try:
            doc = read_document(Path(path), entry, strict)
        except SourceError as err:
            return {"error": str(err)}
        mentions = mentions_in(doc, matcher)
        with open(mention_cache + ".tmp", "wb") as fh:
            pickle.dump((doc, mentions), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(mention_cache + ".tmp", mention_cache)
    facts = extract_facts(FactContext(doc, mentions, gazetteer, matcher))
    result = DocumentResult(doc, mentions, _known_entities(facts, gazetteer))
    quads = list(document_quads(result, base))
    shacl = {"checked": False, "conforms": True, "text": ""}
    if check:
        report = _WORKER["shapes"].check_quads(quads)
        shacl = {"checked": True, "conforms": report.conforms, "text": report.render()}
    graph = base.graph(doc.slug)
    tmp = out + ".tmp"
    with gzip.open(tmp, "wb", compresslevel=1) as fh:   # the report's graph, then what it adds to the facts graph
        ox.serialize(quads + facts_graph.report_quads(quads, graph, base), fh, format=ox.RdfFormat.N_QUADS)
    done = DocumentSummary(doc.slug, str(doc.path), doc.sha256, len(doc.paragraphs), len(result.mentions),
                          len(result.facts), len(quads), [str(i) for i in doc.issues + doc.notices],
                          mentions_cached=mentions_cached, graph=graph.value, shacl=shacl)
    with open(out + ".json", "w", encoding="utf-8") as fh:
        json.dump(done.__dict__, fh)
    os.replace(tmp, out)
    return {"ok": done.__dict__, "out": out}


def _pool_size(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1))


# The analysis allocates millions of small objects per report that are freed by reference counting,
# not by the cyclic collector; with the default threshold (700) the collector still runs thousands
# of times a report and each full pass walks the gazetteer and matcher too. Measured on 6 generated
# reports in process (docs/benchmarks.md, build throughput round 4): about 12 % of the analysis CPU. The workers
# therefore collect every GC_THRESHOLD allocations, and the objects loaded before the fork (gazetteer,
# matcher, lexicons) are frozen out of the collector's passes (and their pages stay shared).
GC_THRESHOLD = (100_000, 50, 100)


def _worker_gc() -> None:
    gc.set_threshold(*GC_THRESHOLD)


def _run_jobs(jobs: list, wrap: Callable) -> Iterable[dict]:
    if len(jobs) <= 1 or _pool_size(len(jobs)) == 1:
        before = gc.get_threshold()
        _worker_gc()
        try:
            for job in wrap(jobs, desc="analysing", unit="report"):
                yield _process(job)
        finally:
            gc.set_threshold(*before)
        return
    ctx = mp.get_context("fork")
    gc.collect()
    gc.freeze()        # the parent's objects (gazetteer, matcher) out of every worker's GC passes
    try:
        # A worker is replaced after WORKER_REPORTS reports: one process analysing report after report
        # grows by about 5 MiB a report (measured on the generated corpus: what the analysis memoises),
        # so without this the build's memory grows with the corpus; a fork costs milliseconds.
        with ctx.Pool(_pool_size(len(jobs)), initializer=_worker_gc, maxtasksperchild=WORKER_REPORTS) as pool:
            # unordered: a slow report does not hold the others
            yield from wrap(pool.imap_unordered(_process, jobs, chunksize=1), total=len(jobs), desc="analysing",
                            unit="report")
    finally:
        gc.unfreeze()  # a long-lived process (the service's rebuilds) collects them again afterwards


# ---------------------------------------------------------------- the build

def _source_sha(path: Path) -> str:
    """The file's sha256, after the cheap checks (empty, binary, not UTF-8) that stop a build at once."""
    try:
        return source_sha(path)
    except SourceError as err:
        raise BuildError(str(err)) from None


def build(corpus: Path, store: Path, *, strict: bool = False, base: Base | None = None,
          validate: bool = True, progress: Callable | None = None, use_cache: bool = True,
          dumps: str = "after") -> BuildResult:
    """Build ``corpus`` into a fresh store and switch ``store`` to it; raise BuildError/SourceError on failure.

    ``dumps``: "after" writes the new build's dumps once it serves, "background" leaves that to a
    detached process, "none" writes none (``build_dumps.write_build_dumps`` can later)."""
    if dumps not in ("after", "background", "none"):
        raise ValueError(f"dumps={dumps!r}: expected after, background or none")
    base = base or Base.from_env()
    wrap = progress or (lambda it, **kw: it)
    t0 = time.perf_counter()
    started = emit.now()
    corpus, store = Path(corpus), Path(store)
    files = corpus_files(corpus)
    if not files:
        raise BuildError(f"{corpus}: no report files found")
    manifest = load_manifest(corpus)

    cdir = cache.cache_dir(store)
    cdir.mkdir(parents=True, exist_ok=True)
    fingerprint, report_digest = cache.report_fingerprint(base, strict)
    probed = cache.probed(cdir, fingerprint)
    probe = None if probed.exists() else stage_inputs.Probe()   # runs while the gazetteer loads
    try:
        gazetteer = load_gazetteer()
        onto_quads = ontology_quads(base)   # parsed once: SHACL classes, the ontology graph
        _WORKER.update(gazetteer=gazetteer, matcher=Matcher(gazetteer), base=base,
                       shapes=FastShapes(ontology_quads=onto_quads) if validate else None)
        rule_registry()     # the rule modules imported, pattern rules and lexicons read once, before the fork
        if probe is not None:
            probed.write_text(json.dumps([str(p) for p in probe.result()]), encoding="utf-8")
    finally:
        if probe is not None:
            probe.cancel()
    mention_files_read = [Path(p) for p in json.loads(probed.read_text(encoding="utf-8"))]
    mention_fp, mention_digest = cache.mention_fingerprint(base, strict, mention_files_read)
    inputs = {"report": report_digest, "mentions": mention_digest}

    plan, jobs, mention_files = [], [], []
    for path in files:
        sha = _source_sha(path)
        key = cache.cache_key(fingerprint, sha, manifest.get(path.name))
        out = cdir / (key + cache.CACHE_SUFFIX)
        mention_cache = cdir / (cache.MENTIONS_PREFIX + cache.cache_key(mention_fp, sha, manifest.get(path.name))
                                + ".pickle")
        plan.append(out)
        mention_files.append(mention_cache)
        if not use_cache:
            mention_cache.unlink(missing_ok=True)
        if not (use_cache and cache.usable(out, validate)):
            jobs.append((str(path), manifest.get(path.name), strict, str(out), validate, str(mention_cache)))

    with store_mod.staged_build(store) as (st, build_dir):
        fresh, queued = set(), {Path(j[3]) for j in jobs}
        for out in plan:              # cached reports load while the pool starts
            if out not in queued:
                _load(st, out)
        for outcome in _run_jobs(jobs, wrap):
            if "error" in outcome:
                raise BuildError(outcome["error"])
            fresh.add(Path(outcome["out"]))
            _load(st, Path(outcome["out"]))
        summaries = [DocumentSummary(**{**cache.summary(out), "cached": out not in fresh}) for out in plan]
        seen: dict[str, str] = {}
        for s in summaries:
            if s.slug in seen:
                raise BuildError(f"{s.path}: slug {s.slug!r} is also the slug of {Path(seen[s.slug]).name}")
            seen[s.slug] = s.path
        failed = [s for s in summaries if not s.shacl.get("conforms", True)]
        if failed:
            raise BuildError(f"{failed[0].path}: the report's graph breaks the SHACL shapes; the previous store "
                             f"is kept\n{failed[0].shacl['text']}")
        static = onto_quads + list(emit.gazetteer_quads(gazetteer.entities, base))
        report = cache.static_verdict(static, cdir, fingerprint, _WORKER["shapes"]) if validate else None
        if report is not None and not report["conforms"]:
            raise BuildError("the ontology/gazetteer graphs break the SHACL shapes; the previous store is kept\n"
                             + report["text"])
        st.bulk_extend(static)
        st.bulk_extend(facts_graph.static_quads(static, base))   # the reports' entity statements are in already
        docs = [_doc_stub(s) for s in summaries]
        st.bulk_extend(emit.build_quads(docs, base, started, emit.now(), build_dir.name))
        st.bulk_extend(meeting_identity.quads(st, base))   # one meeting under two texts' keys: the build's table
        summary.write_summary(st, base)     # the lookup keys and tables of the named queries, part by part
        quads = len(st)
        del st   # staged_build's reference is then the last: the store closes before the switch-over
    seconds = time.perf_counter() - t0
    cache.prune(cdir, plan + mention_files, fingerprint)
    rerun = cache.why(cdir, inputs, summaries)
    warnings = [w for s in summaries for w in s.warnings]
    validated = sum(bool(s.shacl.get("checked")) for s in summaries)
    result = BuildResult(store, build_dir, summaries, quads, seconds, warnings, report, validated, rerun)
    if dumps == "after":
        t1 = time.perf_counter()
        build_dumps.write_build_dumps(build_dir, base)
        result.dumps_seconds = time.perf_counter() - t1
    elif dumps == "background":
        build_dumps.start_background(build_dir)
    return result


def _load(st: ox.Store, out: Path) -> None:
    """One report's cached quads into the store being built, streamed from its gzip file by the
    bulk loader (measured: batching several reports per load costs the same CPU time and holds
    up to 4x the memory, 392 MiB for a 64 MiB batch against 89 MiB report by report)."""
    with gzip.open(out, "rb") as fh:
        st.bulk_load(input=fh, format=ox.RdfFormat.N_QUADS)


def _doc_stub(s: DocumentSummary) -> Document:
    return Document(path=Path(s.path), slug=s.slug, sha256=s.sha256)
