"""The researcher's front door, the model: kinds to browse, pictures, and the shapes of their data.

``load_front(path)`` reads ``frontdoor.toml`` (the kinds a researcher browses, each a class of the
ontology, and the pictures, each drawn from named queries); a malformed file raises
:class:`FrontDoorError` naming the file. The other functions shape SPARQL JSON bindings of the
named queries (``graph-summary``, ``entity-counts``, ``entities-of-kind``) into what the home
and browse pages show: :func:`summary`, :func:`browse_rows` (labels in the page's language,
filtered (every word a part of a label or code after folding, or an Arabic-aware word match)
with the folding of :mod:`graph_builder.text.arsearch`, sorted by a
column). No query runs here and nothing here talks HTTP.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from graph_builder.namespaces import PREFIXES
from graph_builder.text import arsearch

SORT_KEYS = ("label", "code", "type", "paragraphs", "facts")
DEFAULT_FILE = Path(__file__).with_name("frontdoor.toml")


class FrontDoorError(ValueError):
    """A malformed ``frontdoor.toml``; the message names the file."""


@dataclass(frozen=True)
class Kind:
    slug: str
    class_iri: str
    labels: dict

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["en"]


@dataclass(frozen=True)
class Picture:
    slug: str
    queries: tuple[str, ...]
    labels: dict
    notes: dict

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["en"]

    def note(self, lang: str) -> str:
        return self.notes.get(lang) or self.notes.get("en", "")


@dataclass(frozen=True)
class FrontDoor:
    kinds: tuple[Kind, ...]
    pictures: tuple[Picture, ...]

    def kind(self, slug: str) -> Kind | None:
        return next((k for k in self.kinds if k.slug == slug), None)

    def picture(self, slug: str) -> Picture | None:
        return next((p for p in self.pictures if p.slug == slug), None)


def _expand(curie: str, where: str) -> str:
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise FrontDoorError(f"{where}: {curie!r} is not prefix:Name with a known prefix")
    return PREFIXES[prefix] + local


def load_front(path: Path = DEFAULT_FILE, known_queries: set[str] | None = None) -> FrontDoor:
    """The kinds and pictures of ``path``; ``known_queries`` checks the pictures' query names."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FrontDoorError(f"{path}: {exc}") from None
    kinds, pictures = [], []
    try:
        for i, k in enumerate(data.get("kind", [])):
            kinds.append(Kind(k["slug"], _expand(k["class"], f"{path}: kind {i + 1}"),
                              {"en": k["en"], "ar": k["ar"]}))
        for i, p in enumerate(data.get("picture", [])):
            queries = tuple(p["queries"])
            missing = [q for q in queries if known_queries is not None and q not in known_queries]
            if missing:
                raise FrontDoorError(f"{path}: picture {p['slug']!r} names unknown queries {missing}")
            pictures.append(Picture(p["slug"], queries, {"en": p["en"], "ar": p["ar"]},
                                    {"en": p.get("en_note", ""), "ar": p.get("ar_note", "")}))
    except KeyError as exc:
        raise FrontDoorError(f"{path}: an entry lacks the key {exc}") from None
    slugs = [k.slug for k in kinds] + [p.slug for p in pictures]
    if len(set(slugs)) != len(slugs):
        raise FrontDoorError(f"{path}: a slug is repeated")
    return FrontDoor(tuple(kinds), tuple(pictures))


def value(row: dict, name: str, default=None):
    """The value of ``name`` in a SPARQL JSON binding row (``default`` when unbound)."""
    return row[name]["value"] if name in row else default


def summary(totals: list[dict], counts: list[dict], front: FrontDoor) -> dict:
    """What the graph holds: totals (``graph-summary``) and entities per kind (``entity-counts``)."""
    row = totals[0] if totals else {}
    by_class = {value(r, "class"): int(value(r, "entities", 0)) for r in counts}
    return {
        "documents": int(value(row, "documents", 0)),
        "paragraphs": int(value(row, "paragraphs", 0)),
        "footnotes": int(value(row, "footnotes", 0)),
        "facts": int(value(row, "facts", 0)),
        "mentions": int(value(row, "mentions", 0)),
        "built": value(row, "built"),
        "kinds": [{"slug": k.slug, "labels": k.labels, "class": k.class_iri,
                   "entities": by_class.get(k.class_iri, 0)} for k in front.kinds],
    }


def browse_rows(rows: list[dict], lang: str) -> list[dict]:
    """One dict per entity of an ``entities-of-kind`` answer, labels in ``lang`` first."""
    other = "en" if lang == "ar" else "ar"
    out = []
    for r in rows:
        own, second = value(r, f"label_{lang}"), value(r, f"label_{other}")
        iri = value(r, "entity")
        out.append({"iri": iri, "label": own or second or iri.rstrip("/").rsplit("/", 1)[-1],
                    "label_lang": lang if own else other, "other_label": second if own else None,
                    "other_lang": other, "code": value(r, "notation"),
                    "type": (value(r, "type") or "").rsplit("#", 1)[-1],
                    "paragraphs": int(value(r, "paragraphs", 0)), "facts": int(value(r, "facts", 0))})
    return out


def filter_rows(rows: list[dict], words: str) -> list[dict]:
    """The rows whose label, other label or code match every word (Arabic-aware folding)."""
    words = (words or "").strip()
    if not words:
        return rows
    wanted = arsearch.query_words(words)

    def matches(row: dict) -> bool:
        text = " ".join(x for x in (row["label"], row["other_label"], row["code"]) if x)
        folded = arsearch.fold_text(text)
        return all(w in folded for w in wanted) or arsearch.ar_match(text, words)
    return [r for r in rows if matches(r)]


def sort_rows(rows: list[dict], key: str, descending: bool) -> list[dict]:
    """Rows sorted by a column of :data:`SORT_KEYS` (ties by label); ValueError for another key."""
    if key not in SORT_KEYS:
        raise ValueError(f"sort must be one of {', '.join(SORT_KEYS)}, got {key!r}")
    if key in ("paragraphs", "facts"):
        return sorted(rows, key=lambda r: (-r[key] if descending else r[key], _key(r["label"])))
    ordered = sorted(rows, key=lambda r: (_key(r[key] or ""), r["iri"]))
    return ordered[::-1] if descending else ordered


def _key(text: str) -> str:
    return arsearch.fold_text(text)
