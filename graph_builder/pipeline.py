"""The build pipeline: corpus → document model → mentions → facts → RDF → a fresh store.

:func:`build` reads and checks every source file first (a broken file stops the build
before anything is written), then writes a new store directory beside the current one,
validates it against the SHACL shapes, and only then switches the store link over
(:mod:`graph_builder.store`). Any failure leaves the previous store untouched and serving.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from . import emit, store as store_mod
from .corpus import read_corpus
from .facts import extract_facts
from .facts.context import FactContext
from .findings import Fact, Mention
from .gazetteer import load_gazetteer
from .matcher import Matcher, mentions_in
from .model import Document
from .namespaces import Base
from .resources import ontology_file


class BuildError(Exception):
    """The build was stopped; the previous store is untouched."""


@dataclass
class DocumentResult:
    document: Document
    mentions: list[Mention]
    facts: list[Fact]


@dataclass
class BuildResult:
    store: Path
    build_dir: Path
    documents: list[DocumentResult]
    quads: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    validation: object = None


def analyse(doc: Document, matcher: Matcher, gazetteer) -> DocumentResult:
    """Mentions and facts of one document (pure: no store, no I/O)."""
    mentions = mentions_in(doc, matcher)
    facts = extract_facts(FactContext(doc, mentions, gazetteer))
    return DocumentResult(doc, mentions, facts)


def document_quads(result: DocumentResult, base: Base):
    doc = result.document
    yield from emit.document_quads(doc, base)
    for e in emit.text_entities(result.mentions, result.facts):
        yield from emit.entity_quads(e, base.graph(doc.slug), base)
    yield from emit.mention_quads(result.mentions, doc, base)
    yield from emit.fact_quads(result.facts, doc, base)


def static_quads(gazetteer, base: Base):
    yield from emit.file_quads(ontology_file("mdkg.ttl"), base.ontology_graph, base)
    yield from emit.gazetteer_quads(gazetteer.entities, base)


def build(corpus: Path, store: Path, *, strict: bool = False, base: Base | None = None,
          validate: bool = True, progress: Callable | None = None) -> BuildResult:
    """Build ``corpus`` into a fresh store and switch ``store`` to it; raise BuildError on failure."""
    base = base or Base.from_env()
    t0 = time.perf_counter()
    started = emit.now()
    docs = read_corpus(Path(corpus), strict=strict)
    if not docs:
        raise BuildError(f"{corpus}: no report files found")
    warnings = [str(i) for d in docs for i in d.issues]
    gazetteer = load_gazetteer()
    matcher = Matcher(gazetteer)
    wrap = progress or (lambda it, **kw: it)
    results = [analyse(d, matcher, gazetteer) for d in wrap(docs, desc="analysing", unit="report")]
    report = None
    with store_mod.staged_build(Path(store)) as (st, build_dir):
        st.bulk_extend(static_quads(gazetteer, base))
        for r in wrap(results, desc="writing", unit="report"):
            st.bulk_extend(document_quads(r, base))
        st.bulk_extend(emit.build_quads(docs, base, started, emit.now(), build_dir.name))
        if validate:
            from .validate import validate_dataset
            report = validate_dataset(st, owl=False)
            if not report.conforms:
                raise BuildError("the new graph breaks the SHACL shapes; previous store kept\n" + report.render())
        quads = len(st)
    return BuildResult(Path(store), build_dir, results, quads, time.perf_counter() - t0, warnings, report)
