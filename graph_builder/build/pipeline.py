"""The build pipeline: corpus → document model → mentions → facts → RDF → a fresh store.

:func:`build` writes a new store directory beside the current one, validates it against the
SHACL shapes, and only then switches the store link over (:mod:`graph_builder.build.store`); any
failure (a broken source file, a shape violation, a kill) leaves the previous store untouched
and serving.

Documents are independent of each other, so they are analysed in parallel (one process per
core, the gazetteer and matcher loaded once before the workers fork) and streamed into the
store one document at a time: memory does not grow with the corpus. Each document's quads are
cached under ``<store>.cache/`` keyed by the source's sha256 and a fingerprint of the builder
(the code of the build stages, the gazetteer, lexicon, ontology and shapes files, base IRI, strictness;
not the CLI, the service or the other publishers): a rebuild re-processes only the reports that
changed, and gives the same quads as a full rebuild.

The per-report work done in the workers also covers the report's SHACL check (every report, with
the shapes compiled to SPARQL and run by pyoxigraph: :mod:`graph_builder.validate.shacl_sparql`, checked
against pyshacl in the tests; ``mdkg validate`` runs pyshacl and HermiT on the whole store) and its
downloadable dumps, cached alongside its quads; the build then only checks the static graphs
(ontology, gazetteer) and writes the whole-dataset dumps.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

import shutil

from . import emit, store as store_mod
from ..publish import dumps
from ..text.corpus import corpus_files, load_manifest, read_document
from ..text.readers import source_sha
from ..facts import extract_facts
from ..facts.fact_context import FactContext
from ..recognise.findings import Entity, Fact, Mention
from ..recognise.gazetteer import load_gazetteer
from ..recognise.matcher import Matcher, mentions_in
from ..text.model import Document, SourceError
from ..namespaces import Base
from ..resources import data_dir, ontology_file
from ..validate.shacl_sparql import FastShapes

CACHE_SUFFIX = ".nq.gz"
FRAGMENT = "items.jsonld-items.gz"


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
    graph: str = ""
    shacl: dict = field(default_factory=dict)     # {"checked", "conforms", "text"}
    dumps: list = field(default_factory=list)     # index entries of this report's dump files


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


# ---------------------------------------------------------------- cache keys

# What decides a report's cached quads, SHACL verdict and dumps, relative to graph_builder/: the
# build stages and the modules they use (either form of values: a module or a package). The CLI,
# the web service, review tools and the other publishers do not, so editing them keeps the cache.
BUILD_SOURCES = ("__init__.py", "namespaces.py", "resources.py", "values.py", "values", "text", "recognise",
                 "facts", "build", "validate", "publish/dumps.py")


def fingerprint_files() -> list[Path]:
    """The files :func:`builder_fingerprint` hashes: build sources, the gazetteer, the value
    lexicons and every file of ``ontology/`` (OWL, SHACL shapes, document kinds)."""
    pkg = Path(__file__).resolve().parent.parent
    files = []
    for entry in BUILD_SOURCES:
        path = pkg / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.is_file() else []
    return (files + sorted(data_dir("gazetteer").glob("*.toml")) + sorted(data_dir("lexicons").glob("*.toml"))
            + sorted(p for p in data_dir("ontology").iterdir() if p.is_file()))


def builder_fingerprint(base: Base, strict: bool) -> str:
    """A hash of everything besides the source text that decides a document's quads."""
    h = hashlib.sha256(f"{base.iri}|{strict}".encode())
    for f in fingerprint_files():
        h.update(f"{f.parent.name}/{f.name}".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def cache_key(fingerprint: str, source_sha: str, entry: dict | None) -> str:
    blob = json.dumps(entry or {}, sort_keys=True, default=str)
    return hashlib.sha256(f"{fingerprint}|{source_sha}|{blob}".encode()).hexdigest()[:32]


def cache_dir(store: Path) -> Path:
    store = Path(store)
    return store.parent / (store.name + ".cache")


# ---------------------------------------------------------------- workers

_WORKER: dict = {}   # set in the parent before the pool forks; read-only in workers


def _process(job: tuple) -> dict:
    """Read, analyse and emit one document into its cache files; return its summary as a dict."""
    path, entry, strict, out, check = job
    gazetteer, matcher, base = _WORKER["gazetteer"], _WORKER["matcher"], _WORKER["base"]
    try:
        doc = read_document(Path(path), entry, strict)
    except SourceError as err:
        return {"error": str(err)}
    result = analyse(doc, matcher, gazetteer)
    quads = list(document_quads(result, base))
    shacl = {"checked": False, "conforms": True, "text": ""}
    if check:
        report = _WORKER["shapes"].check_quads(quads)
        shacl = {"checked": True, "conforms": report.conforms, "text": report.render()}
    graph = base.graph(doc.slug)
    folder = Path(out + ".dumps")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    entries = dumps.graph_dump_entries(quads, graph.value, folder, dumps.graph_stem(graph, base),
                                       _WORKER["context"], folder / FRAGMENT)
    tmp = out + ".tmp"
    with gzip.open(tmp, "wb", compresslevel=1) as fh:
        ox.serialize(quads, fh, format=ox.RdfFormat.N_QUADS)
    summary = DocumentSummary(doc.slug, str(doc.path), doc.sha256, len(doc.paragraphs), len(result.mentions),
                              len(result.facts), len(quads), [str(i) for i in doc.issues + doc.notices], graph=graph.value,
                              shacl=shacl, dumps=entries)
    with open(out + ".json", "w", encoding="utf-8") as fh:
        json.dump(summary.__dict__, fh)
    os.replace(tmp, out)
    return {"ok": summary.__dict__}


def _pool_size(jobs: int) -> int:
    return max(1, min(jobs, os.cpu_count() or 1))


def _run_jobs(jobs: list, wrap: Callable) -> Iterable[dict]:
    if len(jobs) <= 1 or _pool_size(len(jobs)) == 1:
        for job in wrap(jobs, desc="analysing", unit="report"):
            yield _process(job)
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(_pool_size(len(jobs))) as pool:
        yield from wrap(pool.imap(_process, jobs, chunksize=1), total=len(jobs), desc="analysing", unit="report")


# ---------------------------------------------------------------- the build

def _source_sha(path: Path) -> str:
    """The file's sha256, after the cheap checks (empty, binary, not UTF-8) that stop a build at once."""
    try:
        return source_sha(path)
    except SourceError as err:
        raise BuildError(str(err)) from None


def build(corpus: Path, store: Path, *, strict: bool = False, base: Base | None = None,
          validate: bool = True, progress: Callable | None = None, use_cache: bool = True) -> BuildResult:
    """Build ``corpus`` into a fresh store and switch ``store`` to it; raise BuildError/SourceError on failure."""
    base = base or Base.from_env()
    wrap = progress or (lambda it, **kw: it)
    t0 = time.perf_counter()
    started = emit.now()
    corpus, store = Path(corpus), Path(store)
    files = corpus_files(corpus)
    if not files:
        raise BuildError(f"{corpus}: no report files found")
    manifest = load_manifest(corpus)

    gazetteer = load_gazetteer()
    onto_quads = ontology_quads(base)   # parsed once: JSON-LD context, SHACL classes, the ontology graph
    onto = ox.Store()
    onto.extend(onto_quads)
    _WORKER.update(gazetteer=gazetteer, matcher=Matcher(gazetteer), base=base, context=dumps.jsonld_context(onto),
                   shapes=FastShapes(ontology_quads=onto_quads) if validate else None)
    fingerprint = builder_fingerprint(base, strict)
    cdir = cache_dir(store)
    cdir.mkdir(parents=True, exist_ok=True)

    plan, jobs = [], []
    for path in files:
        key = cache_key(fingerprint, _source_sha(path), manifest.get(path.name))
        out = cdir / (key + CACHE_SUFFIX)
        plan.append(out)
        if not (use_cache and _cached(out, validate)):
            jobs.append((str(path), manifest.get(path.name), strict, str(out), validate))

    for outcome in _run_jobs(jobs, wrap):
        if "error" in outcome:
            raise BuildError(outcome["error"])
    fresh = {Path(j[3]) for j in jobs}
    summaries = [DocumentSummary(**{**_summary(out), "cached": out not in fresh}) for out in plan]
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
    report = _static_verdict(static, cdir, fingerprint, _WORKER["shapes"]) if validate else None
    if report is not None and not report["conforms"]:
        raise BuildError("the ontology/gazetteer graphs break the SHACL shapes; the previous store is kept\n"
                         + report["text"])
    with store_mod.staged_build(store) as (st, build_dir):
        st.bulk_extend(static)
        for out in wrap(plan, desc="loading", unit="report"):
            with gzip.open(out, "rb") as fh:
                st.bulk_load(input=fh, format=ox.RdfFormat.N_QUADS)
        docs = [_doc_stub(s) for s in summaries]
        st.bulk_extend(emit.build_quads(docs, base, started, emit.now(), build_dir.name))
        prepared = {s.graph: (s.dumps, Path(str(out) + ".dumps"), Path(str(out) + ".dumps") / FRAGMENT)
                    for s, out in zip(summaries, plan)}
        dumps.assemble_dumps(st, build_dir.parent / (build_dir.name + ".dumps"), base, _WORKER["context"], prepared)
        quads = len(st)
    _prune_cache(cdir, plan, fingerprint)
    warnings = [w for s in summaries for w in s.warnings]
    validated = sum(bool(s.shacl.get("checked")) for s in summaries)
    return BuildResult(store, build_dir, summaries, quads, time.perf_counter() - t0, warnings, report, validated)


def _summary(out: Path) -> dict:
    return json.loads(Path(str(out) + ".json").read_text(encoding="utf-8"))


def _cached(out: Path, needs_check: bool) -> bool:
    """A usable cache entry: quads, summary and dumps present, and SHACL-checked when it must be."""
    meta = Path(str(out) + ".json")
    if not (out.exists() and meta.exists() and Path(str(out) + ".dumps").is_dir()):
        return False
    return not needs_check or bool(_summary(out).get("shacl", {}).get("checked"))


def _static_verdict(static: list[ox.Quad], cdir: Path, fingerprint: str, shapes: FastShapes) -> dict:
    """SHACL verdict on the ontology and gazetteer graphs, cached per builder fingerprint."""
    path = cdir / f"static-{fingerprint[:24]}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    report = shapes.check_quads(static)
    verdict = {"conforms": report.conforms, "text": report.render()}
    path.write_text(json.dumps(verdict), encoding="utf-8")
    return verdict


def _doc_stub(s: DocumentSummary) -> Document:
    return Document(path=Path(s.path), slug=s.slug, sha256=s.sha256)


def _prune_cache(cdir: Path, keep: list[Path], fingerprint: str) -> None:
    """Drop cache entries of reports (or builder versions) this build did not use."""
    wanted = {f"static-{fingerprint[:24]}.json"}
    for p in keep:
        wanted |= {p.name, p.name + ".json", p.name + ".dumps"}
    for f in cdir.iterdir():
        if f.name not in wanted:
            shutil.rmtree(f) if f.is_dir() else f.unlink(missing_ok=True)
