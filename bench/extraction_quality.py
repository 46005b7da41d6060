"""Fact-level precision and recall of the extraction against answer keys, per relation family.

For each development set under ``tests/data/extraction_key/`` (format: the README there) whose
texts are present locally, it builds the texts with ``mdkg build`` into a temporary store (or
reads a store or an N-Quads export you give), then prints per family (meetings, commitments,
actors, topics) and overall: required key facts found (recall), extracted facts judged and
correct (precision), the trap lines violated (a planned or offered event that became a held
meeting, a host, an adoption), the extracted facts nobody judged (subject not in the key), and
the share of paragraphs that give at least one fact.

    python bench/extraction_quality.py                      # every set whose texts are present
    python bench/extraction_quality.py --set corpus-dev -v  # also list misses and false facts
    python bench/extraction_quality.py --nquads corpus-dev=/tmp/dev.nq --show-unjudged
    python bench/extraction_quality.py --corpus realtext=~/texts --json

Facts are read as researchers query them: from the ``rdf:Statement`` evidence in each
document's named graph, entities matched on their labels after normalisation (as the
competency-question runner does). It names no document and no answer: those are key data. It
writes nothing but its temporary build.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.answer_key import (FAMILIES, FAMILY_OF, SCORED, TIME_PREDICATES, KeySet, key_predicate,  # noqa: E402
                              load_set, problems)

KEYS = ROOT / "tests" / "data" / "extraction_key"
MDKG = "https://w3id.org/mdkg/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
LABELS = ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel",
          "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#notation")
EVENT_TYPES = frozenset({MDKG + "Meeting", MDKG + "Event"})
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def norm(text) -> str:
    """Normalise a label or a text the way the competency-question runner does."""
    text = _DIACRITICS.sub("", str(text))
    text = text.translate(str.maketrans("أإآٱىة", "اااايه"))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text.lower())
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def norm_value(text) -> str:
    s = str(text).strip()
    try:
        return str(Decimal(s.replace(",", "")).normalize())
    except InvalidOperation:
        return norm(s)


# ---------------------------------------------------------------------------------------------
# the graph

@dataclass(frozen=True)
class Extracted:
    """One extracted fact of one document: its evidence statement(s) collapsed."""

    document: str
    s: object
    p: str                   # predicate local name
    o: object
    paragraphs: tuple


class Graph:
    """An in-memory Oxigraph store of a build, indexed for the scorer."""

    def __init__(self, store: ox.Store):
        self.store = store
        self._labels: dict = {}
        self.graph_of = {}
        for g in store.named_graphs():
            if "/graph/" in g.value:
                self.graph_of[g.value.rsplit("/graph/", 1)[1]] = g

    @classmethod
    def from_nquads(cls, path: Path) -> "Graph":
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    def labels(self, node) -> set:
        if node not in self._labels:
            found = set()
            for prop in LABELS:
                for q in self.store.quads_for_pattern(node, ox.NamedNode(prop), None, None):
                    found.add(norm(q.object.value))
            self._labels[node] = found
        return self._labels[node]

    def objects(self, s, p: str) -> set:
        return {q.object for q in self.store.quads_for_pattern(s, ox.NamedNode(p), None, None)}

    def subjects_with(self, p: str) -> set:
        return {q.subject for q in self.store.quads_for_pattern(None, ox.NamedNode(p), None, None)}

    def all_subjects(self) -> set:
        out = set()
        for p in list(SCORED) + ["type"]:
            out |= self.subjects_with((RDF if p == "type" else MDKG) + p)
        for prop in LABELS:
            out |= self.subjects_with(prop)
        return out

    def text(self, node) -> str:
        return next((o.value for o in self.objects(node, MDKG + "text")), "")

    def statements(self, slug: str) -> list:
        """The extracted facts of one document (scored predicates only), evidence collapsed."""
        g = self.graph_of.get(slug)
        if g is None:
            return []
        facts = defaultdict(set)
        for q in self.store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(RDF + "Statement"), g):
            st = q.subject
            parts = {}
            for prop in ("subject", "predicate", "object"):
                hit = next(iter(self.store.quads_for_pattern(st, ox.NamedNode(RDF + prop), None, g)), None)
                parts[prop] = hit.object if hit else None
            if None in parts.values() or not parts["predicate"].value.startswith(MDKG):
                continue
            local = parts["predicate"].value[len(MDKG):]
            pars = {x.object for x in self.store.quads_for_pattern(st, ox.NamedNode(PROV_DERIVED), None, g)}
            facts[(parts["subject"], local, parts["object"])] |= pars
        return [Extracted(slug, s, p, o, tuple(sorted(pars, key=str))) for (s, p, o), pars in facts.items()]

    def paragraphs(self, slug: str) -> set:
        g = self.graph_of.get(slug)
        if g is None:
            return set()
        out = set()
        for kind in ("Paragraph", "Footnote"):
            out |= {q.subject for q in self.store.quads_for_pattern(None, ox.NamedNode(RDF + "type"),
                                                                    ox.NamedNode(MDKG + kind), g)}
        return out

    def typed(self, slug: str, local_names) -> set:
        """The nodes the document's graph types with one of these ``mdkg:`` classes."""
        g = self.graph_of.get(slug)
        if g is None:
            return set()
        return {q.subject for name in local_names
                for q in self.store.quads_for_pattern(None, ox.NamedNode(RDF + "type"), ox.NamedNode(MDKG + name), g)}

    def is_event(self, node) -> bool:
        return bool(self.objects(node, RDF + "type") & {ox.NamedNode(t) for t in EVENT_TYPES})


# ---------------------------------------------------------------------------------------------
# matching key items against graph terms

class Matcher:
    """Resolves subject specs and matches object items for one document key."""

    def __init__(self, graph: Graph, aliases: dict, subjects: dict):
        self.g = graph
        self.aliases = {norm(k): [norm(v) for v in vs] for k, vs in aliases.items()}
        self.subjects = subjects
        self._resolved: dict = {}
        self._candidates = None

    def names(self, item: str) -> set:
        out = set()
        for name in item.split("|"):
            if name.startswith("@"):
                continue
            n = norm(name)
            out.add(n)
            out.update(self.aliases.get(n, ()))
        return out

    def refs(self, item: str) -> set:
        nodes = set()
        for name in item.split("|"):
            if name.startswith("@"):
                nodes |= self.resolve(name[1:])
        return nodes

    def candidates(self) -> set:
        if self._candidates is None:
            self._candidates = self.g.all_subjects()
        return self._candidates

    def resolve(self, ref) -> set:
        """The IRIs a subject reference (id, item string or spec) stands for."""
        key = json.dumps(ref, sort_keys=True, ensure_ascii=False)
        if key in self._resolved:
            return self._resolved[key]
        self._resolved[key] = set()     # a spec that refers to itself resolves to nothing
        if isinstance(ref, dict):
            found = {n for n in self.candidates() if self.satisfies(n, ref)}
        elif ref in self.subjects:
            found = self.resolve(self.subjects[ref])
        else:
            wanted = self.names(ref)
            found = {n for n in self.candidates() if self.g.labels(n) & wanted} | self.refs(ref)
        self._resolved[key] = found
        return found

    def satisfies(self, node, spec: dict) -> bool:
        for key, value in spec.items():
            if key == "any":
                if not any(self.satisfies(node, alt) for alt in value):
                    return False
            elif key == "label":
                if not self.g.labels(node) & self.names(value):
                    return False
            elif key == "label_contains":
                labels, names = self.g.labels(node), self.names(value)
                if not any(n in lab for lab in labels for n in names):
                    return False
            elif key == "type":
                if ox.NamedNode(MDKG + value) not in self.g.objects(node, RDF + "type"):
                    return False
            else:
                objs = self.g.objects(node, MDKG + key)
                for item in value if isinstance(value, list) else [value]:
                    if not any(self.matches(o, item) for o in objs):
                        return False
        return True

    def matches(self, term, item, mode: str = "exact") -> bool:
        """Is the graph term ``term`` the key item ``item``?

        ``mode`` "trap": a key date also matches the dates inside it (``2017-09`` ~ ``2017-09-14``);
        "judge": an extracted date that is a truthful coarser form of a key date (``2016`` for
        ``2016-05``) is right for precision (it does not make the key fact found)."""
        if isinstance(item, dict):
            return not isinstance(term, ox.Literal) and self.satisfies(term, item)
        if isinstance(term, ox.Literal):
            names = [str(item)] if not isinstance(item, str) else [n for n in item.split("|") if not n.startswith("@")]
            if term.language:
                return any(_text_match(term.value, n) for n in names)
            value = norm_value(term.value)
            for n in names:
                if value == norm_value(n):
                    return True
                key, got = n.strip(), term.value.strip()
                if _DATE.match(key) and _DATE.match(got):
                    if mode == "trap" and got.startswith(key):
                        return True
                    if mode == "judge" and key.startswith(got + "-"):
                        return True
            return False
        if not isinstance(item, str):
            return False
        return term in self.refs(item) or bool(self.g.labels(term) & self.names(item))


def _text_match(value: str, name: str) -> bool:
    """A stated text (role, theme) matches a name it contains, not much longer than the name."""
    v, n = norm(value), norm(name)
    if not n or n not in v:
        return False
    return len(v.split()) <= max(len(n.split()) * 3 // 2, len(n.split()) + 3)


# ---------------------------------------------------------------------------------------------
# scoring

@dataclass
class Tally:
    required: int = 0
    found: int = 0
    judged: int = 0
    correct: int = 0

    def add(self, other: "Tally") -> None:
        for f in ("required", "found", "judged", "correct"):
            setattr(self, f, getattr(self, f) + getattr(other, f))

    @property
    def recall(self) -> float | None:
        return self.found / self.required if self.required else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.judged if self.judged else None


@dataclass
class Result:
    name: str
    documents: int = 0
    missing_graphs: list = field(default_factory=list)
    families: dict = field(default_factory=lambda: {f: Tally() for f in FAMILIES})
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    unjudged: list = field(default_factory=list)
    traps: int = 0
    violations: list = field(default_factory=list)
    unscored: int = 0
    refused: list = field(default_factory=list)
    paragraphs: int = 0
    paragraphs_with_facts: int = 0

    @property
    def overall(self) -> Tally:
        t = Tally()
        for x in self.families.values():
            t.add(x)
        return t


def score_document(graph: Graph, keyset: KeySet, doc, result: Result) -> None:
    """Score one document's extracted facts against its key, adding to ``result``."""
    m = Matcher(graph, keyset.aliases, doc.subjects)
    extracted = graph.statements(doc.slug)
    if doc.slug not in graph.graph_of:
        result.missing_graphs.append(doc.slug)
    resolved = [(kf, m.resolve(kf.subject)) for kf in doc.facts]
    trap_nodes = [[(m.resolve(ref), p, item) for ref, p, item in t.checks] for t in doc.traps]
    key_nodes = set().union(*(nodes for _, nodes in resolved))
    by_sp = defaultdict(list)             # by the key's name of the predicate (publishedBy is a key's producedBy)
    for e in extracted:
        by_sp[key_predicate(e.p)].append(e)
    for kf, nodes in resolved:
        if kf.optional:
            continue
        tally = result.families[kf.family]
        tally.required += 1
        if any(e.s in nodes and m.matches(e.o, kf.item) for e in by_sp[key_predicate(kf.predicate)]):
            tally.found += 1
        else:
            result.misses.append((doc.slug, kf))
    planned = graph.typed(doc.slug, keyset.planned_types)
    trapped = set()
    for trap, checks in zip(doc.traps, trap_nodes):
        hits = [e for nodes, p, item in checks for e in by_sp[key_predicate(p)] if e.s in nodes and m.matches(e.o, item, "trap")
                and not (e.s in planned and p in keyset.planned_describes)]
        result.traps += 1
        if hits:
            result.violations.append((doc.slug, trap, hits))
            trapped.update(hits)
    for e in extracted:
        if e.p not in SCORED:
            continue
        if e.s not in key_nodes and e not in trapped:
            result.unjudged.append(e)
            continue
        match = next((kf for kf, nodes in resolved
                      if key_predicate(kf.predicate) == key_predicate(e.p) and e.s in nodes and m.matches(e.o, kf.item, "judge")), None)
        if match is not None and e not in trapped:
            family = match.family
        elif e.p in TIME_PREDICATES:
            family = "meetings" if graph.is_event(e.s) else "commitments"
        else:
            family = FAMILY_OF[e.p]
        tally = result.families[family]
        tally.judged += 1
        if match is not None and e not in trapped:
            tally.correct += 1
        else:
            result.wrong.append(e)
    pars = graph.paragraphs(doc.slug)
    given = {p for e in extracted for p in e.paragraphs}
    result.paragraphs += len(pars)
    result.paragraphs_with_facts += len(given & pars)
    result.unscored += len(doc.unscored)
    result.documents += 1


def score(graph: Graph, keyset: KeySet) -> Result:
    """Score a built graph against a whole key set."""
    result = Result(keyset.name)
    for doc in keyset.documents:
        score_document(graph, keyset, doc, result)
    return result


# ---------------------------------------------------------------------------------------------
# building and reporting

def _run(args: list, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "graph_builder", *args], cwd=ROOT, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit(f"extraction_quality: mdkg {args[0]} failed:\n{proc.stderr.strip() or proc.stdout.strip()}")
    return proc


def build_texts(folder: Path, store: Path) -> list:
    """Build ``folder`` into ``store``; a text the builder refuses (its error names the file) is
    left out and the build retried. Returns ``[(file name, the builder's message), ...]``."""
    refused = []
    while True:
        proc = _run(["build", "--corpus", str(folder), "--store", str(store)], check=False)
        if proc.returncode == 0:
            return refused
        bad = re.search(rf"^mdkg build: {re.escape(str(folder))}/([^/:]+?):(?:\d+:)? (.*)$", proc.stderr, re.M)
        if bad is None or not (folder / bad.group(1)).exists():
            sys.exit(f"extraction_quality: mdkg build failed:\n{proc.stderr.strip() or proc.stdout.strip()}")
        (folder / bad.group(1)).unlink()
        refused.append((bad.group(1), bad.group(2)))


def texts_of(corpus: Path, patterns: tuple, tmp: Path) -> Path:
    """A folder holding links to the set's texts in ``corpus`` (and its manifest), nothing else:
    an answer file or a README beside the texts is not built."""
    out = tmp / "corpus"
    out.mkdir()
    chosen = {p for pattern in patterns for p in corpus.glob(pattern) if p.is_file()}
    chosen |= {p for p in [corpus / "manifest.toml"] if p.is_file()}
    for p in sorted(chosen):
        (out / p.name).symlink_to(p.resolve())
    return out


def graph_from(corpus: Path | None, store: Path | None, nquads: Path | None, tmp: Path,
               patterns: tuple = ("*",)) -> tuple:
    """The graph to score (an N-Quads file, an existing store, or a fresh build of the texts of
    ``corpus`` that match ``patterns``) and the texts the builder refused."""
    refused = []
    if nquads is None:
        if store is None:
            store = tmp / "store"
            refused = build_texts(texts_of(corpus, patterns, tmp), store)
        nquads = tmp / "export.nq"
        _run(["export", "--store", str(store), "--format", "nquads", "--out", str(nquads)])
    return Graph.from_nquads(nquads), refused


def _fmt(x: float | None) -> str:
    return "  –  " if x is None else f"{x:.3f}"


def _term(graph: Graph, node) -> str:
    if isinstance(node, ox.Literal):
        return repr(node.value)
    labels = sorted(graph.labels(node))
    return node.value.rsplit("/id/", 1)[-1] + (f" ({labels[0]})" if labels else "")


def report(graph: Graph, r: Result, verbose: bool, show_unjudged: bool) -> str:
    out = [f"{r.name}: {r.documents} documents scored"
           + (f" (no graph for {len(r.missing_graphs)}: their facts count as missed)" if r.missing_graphs else "")]
    for name, why in r.refused:
        out.append(f"  not built: {name}: {why}")
    if r.missing_graphs and verbose:
        out.append(f"  no graph: {', '.join(r.missing_graphs)}")
    out.append(f"  {'family':<12}{'key':>6}{'found':>7}{'recall':>8}{'judged':>8}{'correct':>8}{'precision':>10}")
    rows = list(r.families.items()) + [("overall", r.overall)]
    for name, t in rows:
        out.append(f"  {name:<12}{t.required:>6}{t.found:>7}{_fmt(t.recall):>8}{t.judged:>8}{t.correct:>8}"
                   f"{_fmt(t.precision):>10}")
    out.append(f"  trap violations: {len(r.violations)} of {r.traps} trap lines")
    for slug, trap, hits in r.violations:
        out.append(f"    {slug}: {trap.line}")
        for e in hits:
            out.append(f"      extracted {_term(graph, e.s)} {e.p} {_term(graph, e.o)}")
    share = r.paragraphs_with_facts / r.paragraphs if r.paragraphs else 0.0
    out.append(f"  paragraphs giving at least one fact: {r.paragraphs_with_facts}/{r.paragraphs} = {share:.3f}")
    out.append(f"  unjudged extracted facts (subject not in the key): {len(r.unjudged)}"
               + ("" if show_unjudged else "  (--show-unjudged lists them)"))
    out.append(f"  key lines not scored (no vocabulary term): {r.unscored}")
    if verbose:
        out.append("  missed key facts:")
        for slug, kf in r.misses:
            out.append(f"    {slug} [{kf.family}] {kf.subject if not isinstance(kf.subject, dict) else json.dumps(kf.subject, ensure_ascii=False)}"
                       f" {kf.predicate} {kf.item}   ← {kf.line[:70]}")
        out.append("  wrong extracted facts:")
        for e in r.wrong:
            out.append(f"    {e.document} {_term(graph, e.s)} {e.p} {_term(graph, e.o)}")
    if show_unjudged:
        out.append("  unjudged extracted facts:")
        for e in r.unjudged:
            out.append(f"    {e.document} {_term(graph, e.s)} {e.p} {_term(graph, e.o)}")
            for p in e.paragraphs:
                out.append(f"      ¶ {graph.text(p)[:300]}")
    return "\n".join(out)


def as_json(r: Result) -> dict:
    fams = {name: {"required": t.required, "found": t.found, "recall": t.recall, "judged": t.judged,
                   "correct": t.correct, "precision": t.precision}
            for name, t in list(r.families.items()) + [("overall", r.overall)]}
    return {"set": r.name, "documents": r.documents, "not_built": [n for n, _ in r.refused],
            "no_graph": r.missing_graphs, "families": fams, "traps": r.traps,
            "trap_violations": [{"document": s, "line": t.line} for s, t, _ in r.violations],
            "unjudged": len(r.unjudged), "paragraphs": r.paragraphs,
            "paragraphs_with_facts": r.paragraphs_with_facts, "unscored_lines": r.unscored}


def _pairs(values: list, flag: str) -> dict:
    out = {}
    for v in values or []:
        name, sep, path = v.partition("=")
        if not sep:
            sys.exit(f"extraction_quality: {flag} takes NAME=PATH, not {v!r}")
        out[name] = Path(path).expanduser()
    return out


def find_corpus(keyset: KeySet) -> Path | None:
    """The first of the set's folders that holds at least one of its texts (a folder left empty,
    or holding only a manifest, counts as absent: the set is skipped)."""
    for hint in keyset.corpus_hints:
        p = Path(hint).expanduser()
        p = p if p.is_absolute() else ROOT / p
        if p.is_dir() and any(f.is_file() and f.name != "manifest.toml"
                              for pattern in keyset.texts for f in p.glob(pattern)):
            return p.resolve()
    return None


def main(argv: list | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keys", type=Path, default=KEYS, help="folder of key sets (default: tests/data/extraction_key)")
    ap.add_argument("--set", action="append", help="only this key set (repeatable)")
    ap.add_argument("--corpus", action="append", metavar="NAME=DIR", help="the texts of set NAME are in DIR")
    ap.add_argument("--store", action="append", metavar="NAME=DIR", help="score this built store for set NAME")
    ap.add_argument("--nquads", action="append", metavar="NAME=FILE", help="score this N-Quads export for set NAME")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed key facts and wrong extracted facts")
    ap.add_argument("--show-unjudged", action="store_true", help="list unjudged extracted facts with their paragraph")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    corpora, stores, dumps = _pairs(args.corpus, "--corpus"), _pairs(args.store, "--store"), _pairs(args.nquads, "--nquads")
    sets = [load_set(d) for d in sorted(args.keys.iterdir()) if (d / "set.toml").is_file()]
    if args.set:
        sets = [s for s in sets if s.name in args.set]
    results, texts = [], []
    for ks in sets:
        for problem in problems(ks, strict=True):
            print(f"extraction_quality: warning: {problem}", file=sys.stderr)
        corpus = corpora.get(ks.name) or find_corpus(ks)
        if ks.name not in stores and ks.name not in dumps and corpus is None:
            texts.append(f"{ks.name}: texts not present locally; skipped (give --corpus {ks.name}=DIR)")
            continue
        with tempfile.TemporaryDirectory(prefix="mdkg-xq-") as tmp:
            graph, refused = graph_from(corpus, stores.get(ks.name), dumps.get(ks.name), Path(tmp), ks.texts)
            r = score(graph, ks)
            r.refused = refused
            results.append(as_json(r))
            texts.append(report(graph, r, args.verbose, args.show_unjudged))
    print(json.dumps(results, indent=1) if args.json else "\n\n".join(texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
