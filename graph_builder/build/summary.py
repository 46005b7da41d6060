"""The build's summary graph (``<base>graph/summary``): what the named queries' parameter lookups read,
precomputed from the store so that a lookup is an index access, not a scan.

A named-query parameter such as ``entity=IOM``, ``state=الفلبين`` or ``topic=remittances`` names an
entity by the end of its IRI, a notation or a label compared after Arabic folding
(:mod:`graph_builder.service.named_queries`). Comparing every label of the store with the value
(``mdkg:arFold`` per label) costs a pass over every label on every request, which grows with the
corpus. The summary graph states, once per build, the keys each such comparison would use:

* ``mdkg:slugKey``: the lower-cased IRI after each ``/`` (``…/id/state/phl`` gives ``phl``,
  ``state/phl``, …): the value ``v`` matches when the IRI ends with ``"/" + lower(v)``;
* ``mdkg:notationKey``: the lower-cased string of each ``skos:notation``;
* ``mdkg:labelKey``: each ``skos:prefLabel``, ``skos:altLabel`` and ``rdfs:label`` folded as
  ``mdkg:arFold`` folds it (:func:`graph_builder.text.arsearch.fold_text`).

The keys are a function of the other graphs only (the build's own record left out), computed from the staged store by the build
before the switch-over (:func:`summary_quads`); ``python -m graph_builder.build.summary BUILD_DIR``
(re)computes the graph in a store built before it existed or before its tables did (the same function, nothing
else changes), and adds the facts graph (:mod:`graph_builder.build.facts_graph`) first when the store has none.
The graph also holds the precomputed tables of :mod:`graph_builder.build.summary_tables` (class closure and
counts, one display label per resource and language, the meetings' timeline rows).
It states nothing a document says and is not part of any document's graph.
"""
from __future__ import annotations

import sys
import time
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from . import facts_graph, summary_tables
from ..namespaces import Base, MDKG
from ..text.arsearch import fold_text

NAME = "summary"
CHUNK = 10_000   # quads per bulk write (the bulk loader sorts each write in memory: its size sets the step's peak)
SLUG_KEY, NOTATION_KEY, LABEL_KEY = (MDKG[k] for k in ("slugKey", "notationKey", "labelKey"))
_PREFIXES = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
# Every graph but the build's record (its activity differs from build to build), this one and the facts
# graph (a deduplicated copy of statements of the others: reading it again finds nothing new).
_SKIP = "FILTER(?g NOT IN (?build, ?summary, ?facts))"
_LABELLED = _PREFIXES + f"SELECT DISTINCT ?entity WHERE {{ GRAPH ?g {{ ?entity skos:prefLabel ?any }} {_SKIP} }}"
_NOTATIONS = _PREFIXES + f"SELECT DISTINCT ?entity ?code WHERE {{ GRAPH ?g {{ ?entity skos:notation ?code }} {_SKIP} }}"
_LABELS = _PREFIXES + ("SELECT DISTINCT ?entity ?label WHERE { GRAPH ?g { "
                       f"?entity skos:prefLabel|skos:altLabel|rdfs:label ?label }} {_SKIP} }}")


def slug_keys(iri: str) -> set[str]:
    """The lower-cased IRI after each ``/``: ``v`` is one exactly when the IRI ends with ``"/" + lower(v)``."""
    low = iri.lower()
    return {low[i + 1:] for i, c in enumerate(low) if c == "/" and i + 1 < len(low)}


def summary_parts(store: ox.Store, base: Base) -> Iterator[Iterator[ox.Quad]]:
    """The quads of the summary graph in parts (the lookup keys, then each table), each a generator reading
    every other graph of ``store`` as it goes (none of them reads the summary graph)."""
    yield key_quads(store, base)
    yield from summary_tables.tables(store, base, base.graph(NAME), facts_graph.graph(base))


def summary_quads(store: ox.Store, base: Base) -> list[ox.Quad]:
    """The quads of the summary graph, from every other graph of ``store`` (held in full: for small stores)."""
    return [q for part in summary_parts(store, base) for q in part]


def chunks(quads: Iterable[ox.Quad], size: int = CHUNK) -> Iterator[list[ox.Quad]]:
    """``quads`` in lists of at most ``size``."""
    it = iter(quads)
    while chunk := list(islice(it, size)):
        yield chunk


def write_summary(store: ox.Store, base: Base, chunk: int = CHUNK) -> int:
    """Compute the summary graph and add it to ``store`` in chunks of ``chunk`` quads (each written before the
    next is read, from queries consumed as iterators); the number of quads written (a quad computed twice,
    such as two labels of an entity that fold alike, is counted twice and stored once)."""
    n = 0
    for part in chunks(chain.from_iterable(summary_parts(store, base)), chunk):
        store.bulk_extend(part)
        n += len(part)
    return n


def remove_summary(store: ox.Store, base: Base) -> int:
    """Remove the summary graph's quads one by one, read from a snapshot (``remove_graph`` deletes a graph in
    one transaction, whose size grows with the graph: +55 MiB for the 35,000 quads of the 10-report store);
    the number removed."""
    n = 0
    for quad in store.quads_for_pattern(None, None, None, base.graph(NAME)):
        store.remove(quad)
        n += 1
    return n


@lru_cache(maxsize=1 << 16)
def _folded(label: str) -> str:
    return fold_text(label)


def key_quads(store: ox.Store, base: Base) -> Iterator[ox.Quad]:
    """The lookup keys of the summary graph, as the rows are read (the store drops repeats)."""
    graph = base.graph(NAME)

    def rows(text: str):
        return store.query(text.replace("?build", str(base.build_graph)).replace("?summary", str(graph))
                           .replace("?facts", str(facts_graph.graph(base))))

    for (entity,) in rows(_LABELLED):
        if isinstance(entity, ox.NamedNode):
            yield from (ox.Quad(entity, SLUG_KEY, ox.Literal(k), graph) for k in slug_keys(entity.value))
    for entity, code in rows(_NOTATIONS):
        if isinstance(code, ox.Literal):
            yield ox.Quad(entity, NOTATION_KEY, ox.Literal(code.value.lower()), graph)
    for entity, label in rows(_LABELS):
        if isinstance(label, ox.Literal):
            yield ox.Quad(entity, LABEL_KEY, ox.Literal(_folded(label.value)), graph)


def main(argv: list[str] | None = None) -> int:
    """Add the facts graph to a build directory that has none, and (re)compute its summary graph (nothing
    may hold the store open)."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m graph_builder.build.summary <build-directory>", file=sys.stderr)
        return 2
    base = Base.from_env()
    st = ox.Store(str(Path(argv[0])))
    if not st.contains_named_graph(facts_graph.graph(base)):
        started = time.perf_counter()
        st.bulk_extend(set(facts_graph.from_store(st, base)))   # read in full before writing
        st.flush()
        n = sum(1 for _ in st.quads_for_pattern(None, None, None, facts_graph.graph(base)))
        print(f"{argv[0]}: {n} facts-graph quads in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    remove_summary(st, base)     # none of its parts reads it: removed, then written chunk by chunk
    write_summary(st, base)
    st.flush()
    n = sum(1 for _ in st.quads_for_pattern(None, None, None, base.graph(NAME)))
    print(f"{argv[0]}: {n} summary quads in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
