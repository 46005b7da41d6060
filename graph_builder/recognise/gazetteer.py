"""Load and check the gazetteer: ``gazetteer/*.toml`` plus the generated states, as Entity objects.

Each data file is a list of ``[[entity]]`` tables (slug, kind, class, en, ar, en_alt, ar_alt,
acronyms, ar_ambiguous, optional defining links and, for places, ``lat``/``long`` in WGS84 decimal
degrees, kept as the codes ``lat``/``long``; see ``docs`` / the data files). States
come from ``graph_builder.recognise.member_states.state_entities()``; ``gazetteer/states.toml`` completes them
and also gives the nisba adjectives a report uses for a government, which this module keeps
for the matcher (``Gazetteer.adjectives``).

Checks (each a :class:`GazetteerError` naming file, line and entry): a missing required
field, an unknown kind, a duplicate slug within a kind, an Arabic or English label (after
:func:`graph_builder.text.arabic.fold`) shared by two entities, a Latin acronym shared by two
entities, a coordinate that is not a number in range or comes without its pair, a generated name variant
(:mod:`.name_variants`, added when the gazetteer loads, for recognition only) shared by two entities. Short forms in
``ar_ambiguous`` may be shared: the matcher resolves them from context.

It does not match text (``matcher.py``) and does not write RDF (``emit.py``).
"""
from __future__ import annotations

import importlib.util
import inspect
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..text.arabic import fold
from .findings import Entity
from .name_variants import expand
from ..resources import data_dir

KINDS = ("state", "org", "process", "body", "place", "region", "topic", "person", "publication",
         "event", "commitment")
REQUIRED = ("slug", "kind", "class", "en", "ar")
STATES_FILE = "states.toml"

COORDINATES = (("lat", 90.0), ("long", 180.0))   # key, largest absolute value (WGS84 degrees)

# optional defining link key → (property local name, kind of the target)
LINK_KEYS = {
    "in_state": ("inState", "state"),
    "body_of": ("bodyOf", "process"),
    "parent": ("parent", None),                  # org:subOrganizationOf; target kind = the entry's own kind
    "of_state": ("ofState", "state"),
    "covers_region": ("coversRegion", "region"),
    "broader": ("broader", "topic"),
}


class GazetteerError(ValueError):
    """A gazetteer data file that cannot be used; the message names file, line and entry."""


@dataclass(frozen=True)
class Origin:
    """Where an entry was read: file, 1-based line of its ``[[entity]]`` header, slug."""

    path: Path
    line: int
    slug: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} (slug {self.slug!r})" if self.line else f"{self.path} (slug {self.slug!r})"


@dataclass
class Gazetteer:
    """All known entities, with the indexes the matcher and the builder need."""

    entities: list[Entity]
    ambiguous: dict[str, tuple[Entity, ...]] = field(default_factory=dict)   # short form (as written) → entities
    adjectives: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # state key → nisba forms
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    variants: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # generated names (name_variants)
    refused_variants: list = field(default_factory=list)   # (generated name, entity keys that claimed it)
    _by_key: dict[tuple[str, str], Entity] = field(default_factory=dict, init=False, repr=False)
    _by_notation: dict[str, Entity] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self):
        for e in self.entities:
            self._by_key[e.key] = e
            for n in e.notations:
                self._by_notation.setdefault(n, e)

    def get(self, kind: str, slug: str) -> Entity:
        try:
            return self._by_key[(kind, slug)]
        except KeyError:
            raise KeyError(f"no gazetteer entity {kind}/{slug}") from None

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._by_key

    @property
    def by_notation(self) -> dict[str, Entity]:
        return dict(self._by_notation)

    def arabic_names(self, entity: Entity) -> list[str]:
        """Every Arabic surface form of ``entity`` (prefLabel first, then its ``ar_alt``, then the names
        :mod:`.name_variants` generated), short ambiguous forms excluded."""
        names = _explicit_arabic(entity)
        names += [t for t in self.variants.get(entity.key, ()) if t not in names]
        return names


def _explicit_arabic(entity: Entity) -> list[str]:
    names = [entity.label_ar] if entity.label_ar else []
    names += [t for t, lang in entity.alt_labels if lang == "ar" and t not in names]
    return names


# ---------------------------------------------------------------- reading files

def _entry_lines(path: Path, text: str) -> list[int]:
    """1-based line numbers of the ``[[entity]]`` headers, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*entity\s*\]\]", line)]


def _read_entries(path: Path) -> list[tuple[dict, Origin]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise GazetteerError(f"{path}: not UTF-8 ({err})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise GazetteerError(f"{path}: invalid TOML: {err}") from None
    entries = data.get("entity", [])
    if not isinstance(entries, list):
        raise GazetteerError(f"{path}: 'entity' must be an array of tables ([[entity]])")
    lines = _entry_lines(path, text)
    out = []
    for i, entry in enumerate(entries):
        line = lines[i] if i < len(lines) else 0
        out.append((entry, Origin(path, line, str(entry.get("slug", "")))))
    return out


def _strings(entry: dict, key: str, origin: Origin) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GazetteerError(f"{origin}: field {key!r} must be a string or a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _coordinates(entry: dict, origin: Origin) -> tuple[tuple[str, str], ...]:
    """``(("lat", "46.2022"), ("long", "6.1457"))`` from an entry's ``lat``/``long``, or ()."""
    present = [key for key, _ in COORDINATES if key in entry]
    if not present:
        return ()
    if len(present) != len(COORDINATES):
        raise GazetteerError(f"{origin}: 'lat' and 'long' go together (only {present[0]!r} given)")
    out = []
    for key, bound in COORDINATES:
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
            raise GazetteerError(f"{origin}: {key!r} must be a number of degrees in [-{bound:g}, {bound:g}], not {value!r}")
        out.append((key, repr(float(value))))
    return tuple(out)


def entity_from_entry(entry: dict, origin: Origin) -> Entity:
    """One ``[[entity]]`` table as an Entity (raises GazetteerError on a missing/bad field)."""
    required = REQUIRED + (("definition_en",) if entry.get("kind") == "topic" else ())
    for key in required:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise GazetteerError(f"{origin}: missing required field {key!r}")
    kind = entry["kind"].strip()
    if kind not in KINDS:
        raise GazetteerError(f"{origin}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    slug = entry["slug"].strip()
    alt = tuple((t, "en") for t in _strings(entry, "en_alt", origin)) + \
        tuple((t, "ar") for t in _strings(entry, "ar_alt", origin))
    notations = _strings(entry, "acronyms", origin)
    if kind == "topic" and slug not in notations:
        notations = (slug,) + notations
    codes: tuple[tuple[str, str], ...] = ()
    if entry.get("definition_en"):
        codes += (("definition_en", str(entry["definition_en"]).strip()),)
    codes += _coordinates(entry, origin)
    links: list[tuple[str, str, str]] = []
    for key, (prop, target_kind) in LINK_KEYS.items():
        for target in _strings(entry, key, origin):
            links.append((prop, target_kind or kind, target))
    return Entity(kind=kind, slug=slug, cls=entry["class"].strip(), label_en=entry["en"].strip(),
                  label_ar=entry["ar"].strip(), alt_labels=alt, notations=notations, codes=codes,
                  links=tuple(links))


# ---------------------------------------------------------------- states

def _state_supplements(directory: Path) -> list[tuple[dict, Origin]]:
    path = directory / STATES_FILE
    return _read_entries(path) if path.is_file() else []


def _generated_states(directory: Path, default_dir: bool) -> list[Entity] | None:
    """States from ``graph_builder.recognise.member_states`` when that module exists, else None."""
    if importlib.util.find_spec(f"{__package__}.member_states") is None:
        return None
    from . import member_states as states_mod   # noqa: PLC0415 (optional module, written separately)
    fn = getattr(states_mod, "state_entities", None)
    if fn is None:
        return None
    params = inspect.signature(fn).parameters
    if params:
        return list(fn(directory))
    return list(fn()) if default_dir else None


def _states_from_supplements(supplements: list[tuple[dict, Origin]]) -> list[Entity]:
    out = []
    for entry, origin in supplements:
        entry = {"kind": "state", "class": "State", "en": entry.get("slug", ""), **entry}
        out.append(entity_from_entry(entry, origin))
    return out


# ---------------------------------------------------------------- checks

def _en_key(label: str) -> str:
    return re.sub(r"[\W_]+", " ", fold(label).casefold()).strip()


def _claim(table: dict, key, e: Entity, origin: Origin, what: str) -> None:
    """Record that ``key`` names ``e``; a GazetteerError naming both entries if another entity holds it."""
    if key in table and table[key][0].key != e.key:
        other, o2 = table[key]
        raise GazetteerError(f"{what} names two entities: "
                             f"{other.kind}/{other.slug} at {o2} and {e.kind}/{e.slug} at {origin}")
    table[key] = (e, origin)


def _check_variants(entities: list[Entity], variants: dict[tuple[str, str], tuple[str, ...]]) -> None:
    """Stop the load when a generated name (folded) names two entities: the expansion must have refused it."""
    seen: dict[str, tuple[str, str]] = {}
    for e in entities:
        for n in _explicit_arabic(e) + list(variants.get(e.key, ())):
            key = fold(n)
            if seen.setdefault(key, e.key) != e.key:
                raise GazetteerError(f"generated name variant {n!r} names two entities: "
                                     f"{'/'.join(seen[key])} and {e.kind}/{e.slug}")


def _check_unique(items: list[tuple[Entity, Origin]]) -> None:
    slugs: dict[tuple[str, str], Origin] = {}
    labels: dict[tuple[str, str], tuple[Entity, Origin]] = {}
    acronyms: dict[str, tuple[Entity, Origin]] = {}
    for e, origin in items:
        if e.key in slugs:
            raise GazetteerError(f"duplicate slug {e.kind}/{e.slug}: {slugs[e.key]} and {origin}")
        slugs[e.key] = origin
        keys = {("ar", fold(e.label_ar))} | {("en", _en_key(e.label_en))}
        keys |= {("ar", fold(t)) if lang == "ar" else ("en", _en_key(t))
                 for t, lang in e.alt_labels if lang in ("ar", "en")}
        for key in keys:
            if key[1]:
                _claim(labels, key, e, origin, f"label {key[1]!r} ({key[0]})")
        for n in e.notations:
            if not (e.kind in ("topic", "state") and n == e.slug):
                _claim(acronyms, n, e, origin, f"acronym {n!r}")


# ---------------------------------------------------------------- public

def load_gazetteer(directory: Path | str | None = None, *, states: list[Entity] | None = None) -> Gazetteer:
    """Every gazetteer entity: the data files in ``directory`` (default: the project's
    ``gazetteer/``) and the states (``states`` if given, else ``graph_builder.recognise.member_states``, else
    the entries of ``states.toml`` alone)."""
    default_dir = directory is None
    directory = Path(directory) if directory is not None else data_dir("gazetteer")
    if not directory.is_dir():
        raise GazetteerError(f"{directory}: gazetteer folder not found")
    items: list[tuple[Entity, Origin]] = []
    ambiguous: dict[str, list[Entity]] = {}
    raw: list[tuple[dict, Origin, Entity]] = []
    for path in sorted(directory.glob("*.toml")):
        if path.name == STATES_FILE:
            continue
        for entry, origin in _read_entries(path):
            e = entity_from_entry(entry, origin)
            items.append((e, origin))
            raw.append((entry, origin, e))

    supplements = _state_supplements(directory)
    if states is None:
        states = _generated_states(directory, default_dir)
    if states is None:
        states = _states_from_supplements(supplements)
    state_origin = Origin(Path("graph_builder/recognise/member_states.py"), 0, "")
    sup_origins = {str(entry.get("slug", "")): origin for entry, origin in supplements}
    items += [(s, sup_origins.get(s.slug, Origin(state_origin.path, 0, s.slug))) for s in states]

    _check_unique(items)
    entities = [e for e, _ in items]
    by_key = {e.key: e for e in entities}

    for entry, origin, e in raw:
        for short in _strings(entry, "ar_ambiguous", origin):
            ambiguous.setdefault(short, []).append(e)
    adjectives: dict[tuple[str, str], tuple[str, ...]] = {}
    for entry, origin in supplements:
        key = ("state", str(entry.get("slug", "")))
        if key not in by_key:
            raise GazetteerError(f"{origin}: states.toml entry for an unknown state {key[1]!r}")
        adj = _strings(entry, "adjectives", origin)
        if adj:
            adjectives[key] = adj
        for short in _strings(entry, "ar_ambiguous", origin):
            ambiguous.setdefault(short, []).append(by_key[key])
    expansion = expand(entities, _explicit_arabic, ambiguous, adjectives=adjectives)
    _check_variants(entities, expansion.variants)
    return Gazetteer(entities=entities, ambiguous={k: tuple(v) for k, v in ambiguous.items()},
                     adjectives=adjectives, origins={e.key: o for e, o in items},
                     variants=expansion.variants, refused_variants=expansion.refused)
