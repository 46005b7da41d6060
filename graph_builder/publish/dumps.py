"""Compressed downloadable dumps of a build, one set per named graph and one for the whole dataset.

:func:`write_dumps` writes into a folder (:mod:`graph_builder.build.build_dumps` passes
``<build>.dumps`` beside each build, after the switch-over, from the build's read-only store):

- ``{stem}.nq.gz`` N-Quads, ``{stem}.trig.gz`` TriG, ``{stem}.jsonld.gz`` JSON-LD (graph names
  kept) and ``{stem}.ttl.gz`` Turtle (the graph's triples; the union of all graphs for the whole
  dataset), where ``stem`` is ``dataset`` or ``graph-{name}`` (``name`` = the graph IRI after
  ``{base}graph/``, e.g. ``graph-reference``);
- ``context.jsonld``: the JSON-LD context (the vocabulary's prefixes, and one term per ontology
  class and property found in the store);
- ``dumps.json``: the index (file, graph, format, media type, bytes, quads, sha256).

The JSON-LD dumps carry that same context inline and use its prefixes for property names,
types and datatypes (prefix compaction of pyoxigraph's expanded JSON-LD: a document any
JSON-LD processor expands back to exactly the same quads; node IRIs stay absolute). Files are
gzip with a zero timestamp, so the same store gives byte-identical dumps. The whole-dataset
N-Quads, TriG and Turtle files are written by the store itself (``Store.dump``: no Python object
per quad); each graph's files and the dataset files are independent tasks, run by forked
processes when asked. This module does not serve the files or describe them in RDF (see
:mod:`graph_builder.publish.void`).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from ..namespaces import MDKG, OWL, PREFIXES, RDF, RDFS, Base, slugify

INDEX = "dumps.json"
CONTEXT = "context.jsonld"
DATASET_STEM = "dataset"
FORMATS = {  # format → (extension, media type, pyoxigraph format)
    "nquads": (".nq.gz", "application/n-quads", ox.RdfFormat.N_QUADS),
    "trig": (".trig.gz", "application/trig", ox.RdfFormat.TRIG),
    "turtle": (".ttl.gz", "text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": (".jsonld.gz", "application/ld+json", ox.RdfFormat.JSON_LD),
}
CONTEXT_MEDIA_TYPE = "application/ld+json"
GZIP_LEVEL = 6          # zlib's default trade-off; 9 costs twice the time for ~3 % smaller files
_OBJECT_PROPERTY = OWL.iri("ObjectProperty")
_TERM_TYPES = (OWL.iri("Class"), RDFS.iri("Class"), _OBJECT_PROPERTY, OWL.iri("DatatypeProperty"),
               OWL.iri("AnnotationProperty"), RDF.iri("Property"))


# ---------------------------------------------------------------- names

def graph_stem(graph: ox.NamedNode, base: Base) -> str:
    """The file stem of a named graph's dumps: ``graph-{name}`` (IRIs under other bases: slugified)."""
    prefix = base.graph("").value
    name = graph.value[len(prefix):] if graph.value.startswith(prefix) else graph.value
    return "graph-" + (slugify(name.replace("/", "-")) or hashlib.sha256(name.encode()).hexdigest()[:12])


def named_graphs(st: ox.Store) -> list[ox.NamedNode]:
    return sorted((g for g in st.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)


# ---------------------------------------------------------------- JSON-LD

def jsonld_context(st: ox.Store) -> dict:
    """The ``@context``: the vocabulary's prefixes, and a term for each ``mdkg:`` class and property
    the store declares (object properties coerced to ``@id``)."""
    context: dict = dict(sorted(PREFIXES.items()))
    kinds = " ".join(f"<{t}>" for t in _TERM_TYPES)
    query = f"SELECT DISTINCT ?t ?k WHERE {{ VALUES ?k {{ {kinds} }} ?t a ?k }}"
    terms: dict[str, dict] = {}
    for row in st.query(query, use_default_graph_as_union=True):
        iri = row["t"].value if isinstance(row["t"], ox.NamedNode) else ""
        name = iri[len(str(MDKG)):]
        if not iri.startswith(str(MDKG)) or not name or name in PREFIXES or not name.isidentifier():
            continue
        term = terms.setdefault(name, {"@id": f"mdkg:{name}"})
        if row["k"].value == _OBJECT_PROPERTY:
            term["@type"] = "@id"
    for name in sorted(terms):
        context[name] = terms[name] if "@type" in terms[name] else terms[name]["@id"]
    return context


def _compact_iri(iri: str, prefixes: list[tuple[str, str]]) -> str:
    for prefix, ns in prefixes:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def compact(node, prefixes: list[tuple[str, str]]):
    """Prefix-compact expanded JSON-LD: property keys, ``@type`` values (node types, datatypes)."""
    if isinstance(node, list):
        return [compact(item, prefixes) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@type":
            out[key] = ([_compact_iri(v, prefixes) for v in value] if isinstance(value, list)
                        else _compact_iri(value, prefixes))
        elif key.startswith("@"):
            out[key] = compact(value, prefixes)
        else:
            out[_compact_iri(key, prefixes)] = compact(value, prefixes)
    return out


def _jsonld_items(quads: list[ox.Quad], prefixes: list[tuple[str, str]]) -> list:
    if not quads:
        return []
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD))
    return compact(expanded if isinstance(expanded, list) else [expanded], prefixes)


def _item_blobs(parts: Iterable[list[ox.Quad]], counter: list[int]) -> Iterable[bytes]:
    """The prefix-compacted JSON-LD node objects of ``parts``, encoded; ``counter[0]`` counts quads."""
    prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
    for quads in parts:
        counter[0] += len(quads)
        for item in _jsonld_items(quads, prefixes):
            yield json.dumps(item, ensure_ascii=False).encode("utf-8")


def _write_jsonld(parts: Iterable[list[ox.Quad]], context: dict, out, fragment: Path | None = None) -> int:
    """One JSON-LD document ``{"@context": ..., "@graph": [...]}``, written part by part; the quad count.
    With ``fragment``, the ``@graph`` items also go (comma-joined, gzip) to that file."""
    counter = [0]
    out.write(_jsonld_head(context))
    frag = gzip.open(fragment, "wb", compresslevel=1) if fragment else None
    try:
        for i, blob in enumerate(_item_blobs(parts, counter)):
            piece = blob if i == 0 else b",\n" + blob
            out.write(piece)
            if frag:
                frag.write(piece)
    finally:
        if frag:
            frag.close()
    out.write(_JSONLD_TAIL)
    return counter[0]


def _write_fragment(quads: list[ox.Quad], fragment: Path) -> None:
    with gzip.open(fragment, "wb", compresslevel=1) as frag:
        for i, blob in enumerate(_item_blobs([quads], [0])):
            frag.write(blob if i == 0 else b",\n" + blob)


_JSONLD_TAIL = b"]}\n"


def _jsonld_head(context: dict) -> bytes:
    return b'{"@context": ' + json.dumps(context, ensure_ascii=False).encode("utf-8") + b',\n"@graph": ['


def _splice_jsonld(fragments: list[Path], context: dict, out) -> None:
    """A JSON-LD document whose ``@graph`` is the concatenation of per-graph fragments (streamed)."""
    out.write(_jsonld_head(context))
    first = True
    for path in fragments:
        with gzip.open(path, "rb") as fh:
            head = fh.read(1 << 20)
            if not head:
                continue
            out.write((b"" if first else b",\n") + head)
            for block in iter(lambda: fh.read(1 << 20), b""):
                out.write(block)
            first = False
    out.write(_JSONLD_TAIL)


# ---------------------------------------------------------------- writing

def _serialize(items: list, out, fmt: str) -> int:
    """``items`` (a list of quads or triples) in ``fmt`` to ``out``; the number written."""
    prefixes = {} if fmt == "nquads" else {"prefixes": PREFIXES}
    ox.serialize(items, out, format=FORMATS[fmt][2], **prefixes)
    return len(items)


def _write(path: Path, write) -> int:
    """Run ``write(stream)`` into ``path`` (gzip, zero mtime) via a temporary file; its result."""
    tmp = path.with_name("." + path.name + ".tmp")
    try:
        with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL) as gz:
            result = write(gz)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return result


def _entry(folder: Path, stem: str, fmt: str, graph: str | None, write) -> dict:
    ext, media_type, _ = FORMATS[fmt]
    path = folder / (stem + ext)
    count = _write(path, write)
    return {"file": path.name, "graph": graph, "format": fmt, "media_type": media_type,
            "bytes": path.stat().st_size, "quads": count, "sha256": sha256_of(path)}


def _quads(st: ox.Store, graph) -> list[ox.Quad]:
    return list(st.quads_for_pattern(None, None, None, graph))


def graph_dump_entries(quads: list[ox.Quad], graph: str, folder: Path, stem: str, context: dict,
                       fragment: Path | None = None) -> list[dict]:
    """The four dumps of one named graph from its quads; with ``fragment``, also its JSON-LD
    ``@graph`` items (comma-joined, gzip) for the dataset's JSON-LD file to splice in."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    writers = {
        "nquads": lambda out: _serialize(quads, out, "nquads"),
        "trig": lambda out: _serialize(quads, out, "trig"),
        "turtle": lambda out: _serialize(triples, out, "turtle"),
        "jsonld": lambda out: _write_jsonld([quads], context, out, fragment),
    }
    return [_entry(folder, stem, fmt, graph, write) for fmt, write in writers.items()]


def _graphs_of(st: ox.Store) -> list:
    """The default graph (when it holds quads) and every named graph, in file order."""
    default = next(iter(st.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
    return ([ox.DefaultGraph()] if default is not None else []) + named_graphs(st)


def _dataset_entry(st: ox.Store, folder: Path, fmt: str, quad_count: int) -> dict:
    """One whole-dataset file written by the store itself (no Python object per quad). Turtle is the
    union of the graphs written graph by graph: a triple stated in two graphs is written twice,
    which every parser reads as one triple."""
    def write(out):
        if fmt == "nquads":
            st.dump(out, ox.RdfFormat.N_QUADS)
        elif fmt == "trig":
            st.dump(out, ox.RdfFormat.TRIG, prefixes=PREFIXES)
        else:
            for g in _graphs_of(st):
                st.dump(out, ox.RdfFormat.TURTLE, from_graph=g, prefixes=PREFIXES)
        return quad_count
    return _entry(folder, DATASET_STEM, fmt, None, write)


def _jsonld_dataset_entry(folder: Path, context: dict, fragments: list[Path], quad_count: int) -> dict:
    def write(out):
        _splice_jsonld(fragments, context, out)
        return quad_count
    return _entry(folder, DATASET_STEM, "jsonld", None, write)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove_stale(folder: Path, keep: set[str]) -> None:
    old = read_index(folder) if (folder / INDEX).is_file() else {"files": []}
    for entry in old.get("files", []):
        if entry.get("file") not in keep:
            (folder / Path(entry["file"]).name).unlink(missing_ok=True)


# One task of a dumps run: ("graph", graph IRI or "" for the default graph) or ("dataset", format).
_TASK: dict = {}   # the open store, folder, base and context of a worker (set before it runs tasks)


def _run_task(task: tuple[str, str]) -> list[dict]:
    st, folder, base, context = _TASK["store"], _TASK["folder"], _TASK["base"], _TASK["context"]
    kind, name = task
    if kind == "dataset":
        return [_dataset_entry(st, folder, name, _TASK["count"])]
    if not name:
        _write_fragment(_quads(st, ox.DefaultGraph()), _fragment_path(folder, ""))
        return []
    g = ox.NamedNode(name)
    return graph_dump_entries(_quads(st, g), name, folder, graph_stem(g, base), context,
                              _fragment_path(folder, graph_stem(g, base)))


def _open_worker(path: str, folder: Path, base: Base, context: dict, count: int) -> None:
    _TASK.update(store=ox.Store.read_only(path), folder=folder, base=base, context=context, count=count)


def _fragment_path(folder: Path, stem: str) -> Path:
    return folder / ".fragments" / ((stem or "default") + ".jsonld-items.gz")


def _tasks(st: ox.Store) -> list[tuple[str, str]]:
    graphs = _graphs_of(st)
    return ([("dataset", fmt) for fmt in ("nquads", "trig", "turtle")]
            + [("graph", "" if isinstance(g, ox.DefaultGraph) else g.value) for g in graphs])


def write_dumps(st: ox.Store, folder: Path, base: Base, *, processes: int = 1,
                store_path: Path | None = None, build: str | None = None) -> list[Path]:
    """Write every dump of ``st``, the JSON-LD context and the index into ``folder``; return their paths.

    With ``processes`` > 1 and ``store_path`` (the on-disk store ``st`` was opened from), the
    files are written by that many forked processes, each with its own read-only handle;
    ``build`` (the build directory's name) is recorded in the index.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".fragments").mkdir(exist_ok=True)
    context, count = jsonld_context(st), len(st)
    tasks = _tasks(st)
    if processes > 1 and store_path is not None:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(processes, _open_worker,
                                         (str(store_path), folder, base, context, count)) as pool:
            done = pool.map(_run_task, tasks, chunksize=1)
    else:
        _TASK.update(store=st, folder=folder, base=base, context=context, count=count)
        try:
            done = [_run_task(t) for t in tasks]
        finally:
            _TASK.clear()
    fragments = [_fragment_path(folder, "" if not name else graph_stem(ox.NamedNode(name), base))
                 for kind, name in tasks if kind == "graph"]
    entries = [e for part in done[:3] for e in part]
    entries.append(_jsonld_dataset_entry(folder, context, fragments, count))
    entries += [e for part in done[3:] for e in part]
    shutil.rmtree(folder / ".fragments", ignore_errors=True)
    context_path = folder / CONTEXT
    context_path.write_text(json.dumps({"@context": context}, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
    index = {"base": base.iri, "context": {"file": CONTEXT, "media_type": CONTEXT_MEDIA_TYPE,
                                           "bytes": context_path.stat().st_size,
                                           "sha256": sha256_of(context_path)},
             "files": entries}
    if build is not None:
        index["build"] = build
    _remove_stale(folder, {e["file"] for e in entries})
    index_path = folder / INDEX
    tmp = folder / (".tmp-" + INDEX)
    tmp.write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, index_path)
    return [folder / e["file"] for e in entries] + [context_path, index_path]


def read_index(folder: Path) -> dict:
    """The ``dumps.json`` of ``folder``; a clear error naming the file when it is missing or broken."""
    path = Path(folder) / INDEX
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no dumps index (was the store built with dumps?)") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: broken dumps index: {exc.msg}") from None


def dump_path(folder: Path, name: str) -> Path:
    """The path of the dump (or context) called ``name`` in ``folder``; only names the index lists."""
    index = read_index(folder)
    names = {e["file"] for e in index["files"]} | {index["context"]["file"]}
    if name not in names:
        raise FileNotFoundError(f"{Path(folder) / INDEX}: no dump named {name!r}")
    return Path(folder) / name
