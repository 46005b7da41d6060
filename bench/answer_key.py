"""Read an extraction answer key (``tests/data/extraction_key/<set>/``) into plain objects.

What it does: parses ``set.toml`` and one ``<document>.toml`` per document (format:
``tests/data/extraction_key/README.md``), expands each ``[[fact]]`` table into one
:class:`KeyFact` per (subject, predicate, object item), each ``[[trap]]`` into a :class:`Trap`,
and checks the key: unknown predicates, subject ids that are not declared, ``@id`` references to
undeclared subjects, and malformed values are errors naming the file and the table.

What it does not: open a graph, match anything or score (``bench/extraction_quality.py``).
Nothing here names a document or an answer: all specifics are in the key files.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# predicate local name → family; year and dates follow the kind of the line (see family_of)
FAMILIES = {
    "meetings": ("partOf", "location", "hostedBy", "startDate", "endDate", "year", "chairedBy",
                 "coChairedBy", "participantCount", "participatesIn", "theme"),
    "commitments": ("adoptedBy", "adoptedAt", "dateAdopted", "party", "amount", "fundedBy",
                    "managedBy", "producedBy", "publishedBy"),
    "actors": ("memberOf", "bodyOf", "role", "affiliation"),
    "topics": ("addresses",),
}
FAMILY_OF = {p: fam for fam, preds in FAMILIES.items() for p in preds}
SCORED = frozenset(FAMILY_OF)
# A key's producedBy whose subject is a publication is the graph's publishedBy (the ontology's producedBy is
# Recommendation → Event; publishedBy is Publication → Actor, so an extracted publishedBy is always on a publication).
KEY_PREDICATE = {"publishedBy": "producedBy"}
TIME_PREDICATES = frozenset({"year", "startDate", "endDate"})
COMMITMENT_KINDS = frozenset({"commitment", "agreement", "funding", "initiative"})
RESERVED = frozenset({"line", "kind", "s", "optional", "why", "more"})
SPEC_KEYS = frozenset({"label", "label_contains", "type", "any"})


class KeyError_(ValueError):
    """A malformed key file (the message names the file and the table)."""


def key_predicate(predicate: str) -> str:
    """The name a key gives a graph predicate (``publishedBy`` → ``producedBy``); others unchanged."""
    return KEY_PREDICATE.get(predicate, predicate)


def family_of(predicate: str, kind: str) -> str:
    """The family a key fact is scored in: by predicate; time facts of commitments go to commitments."""
    if predicate in TIME_PREDICATES and kind.split(" ")[0] in COMMITMENT_KINDS:
        return "commitments"
    return FAMILY_OF[predicate]


@dataclass(frozen=True)
class KeyFact:
    """One fact of the key: a subject reference, a predicate, an object item."""

    document: str
    line: str
    kind: str
    subject: object          # a subject id (str starting with no '@'), an item string, or a spec dict
    predicate: str
    item: object             # str ("A|B"), int/float, or dict (object node spec)
    optional: bool
    family: str


@dataclass(frozen=True)
class Trap:
    """A planned/offer line: none of its (subject, predicate, item) checks may be extracted."""

    document: str
    line: str
    checks: tuple             # ((subject reference, predicate, item), ...)


@dataclass
class DocumentKey:
    """The key of one document."""

    slug: str
    path: Path
    subjects: dict = field(default_factory=dict)
    facts: list = field(default_factory=list)
    traps: list = field(default_factory=list)
    unscored: list = field(default_factory=list)
    tables: int = 0


@dataclass
class KeySet:
    """A development set: where its texts are, its aliases, and one key per document."""

    name: str
    root: Path
    corpus_hints: list
    aliases: dict
    documents: list
    stated_facts: int | None = None
    stated_traps: int | None = None
    texts: tuple = ("*",)
    planned_types: tuple = ()
    planned_describes: tuple = ()


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise KeyError_(f"{path}: {exc}") from None


def _check_item(item, where: str, subjects: dict) -> None:
    if isinstance(item, bool) or not isinstance(item, (str, int, float, dict)):
        raise KeyError_(f"{where}: an object must be a string, a number or an inline table, not {item!r}")
    if isinstance(item, str):
        for name in item.split("|"):
            if not name.strip():
                raise KeyError_(f"{where}: empty name in {item!r}")
            if name.startswith("@") and name[1:] not in subjects:
                raise KeyError_(f"{where}: {name} is not a subject declared in [subjects]")
    if isinstance(item, dict):
        _check_spec(item, where, subjects)


def _check_spec(spec: dict, where: str, subjects: dict) -> None:
    for key, value in spec.items():
        if key == "any":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise KeyError_(f"{where}: 'any' takes a list of inline tables")
            for alt in value:
                _check_spec(alt, where, subjects)
        elif key in ("label", "label_contains", "type"):
            if not isinstance(value, str):
                raise KeyError_(f"{where}: {key} takes a string")
        else:
            if not key.isidentifier():
                raise KeyError_(f"{where}: {key!r} is not a predicate local name")
            for v in value if isinstance(value, list) else [value]:
                _check_item(v, f"{where}, {key}", subjects)


def _subjects_of(table: dict, where: str, subjects: dict) -> list:
    if "s" not in table:
        raise KeyError_(f"{where}: no subject 's'")
    refs = table["s"] if isinstance(table["s"], list) else [table["s"]]
    for ref in refs:
        if isinstance(ref, dict):
            _check_spec(ref, where, subjects)
        elif not isinstance(ref, str) or not ref.strip():
            raise KeyError_(f"{where}: a subject is a [subjects] id, an item string or an inline table")
    return refs


def _pairs(table: dict, where: str, subjects: dict):
    for key, value in table.items():
        if key in RESERVED:
            continue
        if key not in SCORED:
            raise KeyError_(f"{where}: {key!r} is not a scored predicate ({', '.join(sorted(SCORED))})")
        for item in value if isinstance(value, list) else [value]:
            _check_item(item, f"{where}, {key}", subjects)
            yield key, item


def load_document(path: Path) -> DocumentKey:
    """Parse one document key file."""
    data = _load(path)
    unknown = set(data) - {"document", "subjects", "fact", "trap", "unscored"}
    if unknown:
        raise KeyError_(f"{path}: unknown top-level keys {sorted(unknown)}")
    doc = DocumentKey(slug=data.get("document", path.stem), path=path, subjects=dict(data.get("subjects", {})))
    for sid, spec in doc.subjects.items():
        if not isinstance(spec, dict):
            raise KeyError_(f"{path}: [subjects] {sid} must be an inline table")
        _check_spec(spec, f"{path}: [subjects] {sid}", doc.subjects)
    for i, table in enumerate(data.get("fact", []), 1):
        where = f"{path}: [[fact]] #{i}"
        kind = str(table.get("kind", ""))
        refs = _subjects_of(table, where, doc.subjects)
        optional = table.get("optional", {})
        if not isinstance(optional, dict):
            raise KeyError_(f"{where}: optional must be an inline table of predicate = object(s)")
        pairs = [(p, o, False) for p, o in _pairs(table, where, doc.subjects)]
        pairs += [(p, o, True) for p, o in _pairs(optional, where + " optional", doc.subjects)]
        if not pairs:
            raise KeyError_(f"{where}: no fact (put a line the vocabulary cannot say in [[unscored]])")
        for ref in refs:
            for p, o, opt in pairs:
                doc.facts.append(KeyFact(doc.slug, table.get("line", ""), kind, ref, p, o, opt, family_of(p, kind)))
        doc.tables += 1
    for i, table in enumerate(data.get("trap", []), 1):
        where = f"{path}: [[trap]] #{i}"
        groups = [table] + list(table.get("more", []))
        if not all(isinstance(g, dict) for g in groups):
            raise KeyError_(f"{where}: 'more' takes a list of inline tables")
        checks = []
        for j, group in enumerate(groups):
            here = where if j == 0 else f"{where} more #{j}"
            refs = _subjects_of(group, here, doc.subjects)
            pairs = list(_pairs(group, here, doc.subjects))
            if not pairs:
                raise KeyError_(f"{here}: a trap needs at least one forbidden fact")
            checks += [(ref, p, o) for ref in refs for p, o in pairs]
        doc.traps.append(Trap(doc.slug, table.get("line", ""), tuple(checks)))
        doc.tables += 1
    for i, table in enumerate(data.get("unscored", []), 1):
        if "line" not in table:
            raise KeyError_(f"{path}: [[unscored]] #{i} has no line")
        doc.unscored.append(table)
        doc.tables += 1
    return doc


def problems(keyset: KeySet, strict: bool = False) -> list:
    """What is inconsistent in a loaded set: counts that differ from the ones ``set.toml`` states;
    with ``strict``, also ``[subjects]`` that no fact or trap uses (a hint, not an error)."""
    out = []
    tables = sum(d.tables for d in keyset.documents)
    traps = sum(len(d.traps) + sum(1 for u in d.unscored if u.get("kind") in ("planned", "offer"))
                for d in keyset.documents)
    if keyset.stated_facts is not None and tables != keyset.stated_facts:
        out.append(f"{keyset.root}: {tables} fact/trap/unscored tables, set.toml states {keyset.stated_facts}")
    if keyset.stated_traps is not None and traps != keyset.stated_traps:
        out.append(f"{keyset.root}: {traps} trap lines (traps + unscored planned/offer), set.toml states {keyset.stated_traps}")
    for d in keyset.documents if strict else ():
        used = repr([f.subject for f in d.facts] + [f.item for f in d.facts] + [t.checks for t in d.traps]
                    + list(d.subjects.values()))
        for sid in d.subjects:
            if f"'{sid}'" not in used and f"@{sid}" not in used:
                out.append(f"{d.path}: subject {sid!r} is never used")
    return out


def load_set(root: Path) -> KeySet:
    """Parse ``root/set.toml`` and every other ``*.toml`` in ``root`` (one per document)."""
    head = _load(root / "set.toml")
    aliases = {}
    for name, more in head.get("aliases", {}).items():
        if not isinstance(more, list) or not all(isinstance(m, str) for m in more):
            raise KeyError_(f"{root / 'set.toml'}: alias {name!r} must list strings")
        aliases[name] = more
    docs = [load_document(p) for p in sorted(root.glob("*.toml")) if p.name != "set.toml"]
    slugs = [d.slug for d in docs]
    if len(set(slugs)) != len(slugs):
        raise KeyError_(f"{root}: two key files name the same document")
    hints = head.get("corpus", [])
    texts = head.get("texts", ["*"])
    planned = head.get("planned", {})
    unknown = set(planned.get("describes", [])) - SCORED
    if unknown:
        raise KeyError_(f"{root / 'set.toml'}: [planned] describes unknown predicates {sorted(unknown)}")
    return KeySet(head.get("name", root.name), root, hints if isinstance(hints, list) else [hints], aliases,
                  docs, head.get("facts"), head.get("traps"), tuple(texts if isinstance(texts, list) else [texts]),
                  tuple(planned.get("types", [])), tuple(planned.get("describes", [])))
