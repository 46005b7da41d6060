"""The UN member and observer states as gazetteer entities, from ISO/M49, CLDR and states.toml.

``state_entities()`` returns one :class:`~graph_builder.recognise.findings.Entity` per entry of
``gazetteer/states.toml`` (193 members and 2 observers): slug and notation = ISO 3166-1
alpha-3, the UN M49 code (``mdkg:m49Code``, the ISO numeric code as a 3-character string),
prefLabels = the UN short names in English and Arabic from ``states.toml``, and alt labels in
the six UN languages (ar, en, fr, es, ru, zh) from Babel/CLDR territory names and pycountry
(name, official and common name), plus the ``ar_alt``/``en_alt`` of ``states.toml``. The
nisba adjectives of ``states.toml`` are kept apart by :func:`state_adjectives` (the matcher
treats them as adjectives); they are not labels.

It does not decide which states are UN members (``states.toml`` does), does not read reports
and does not write RDF.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pycountry
from babel import Locale

from .findings import Entity
from ..resources import data_dir

UN_LANGUAGES = ("ar", "en", "fr", "es", "ru", "zh")
UN_STATUSES = ("member", "observer")
STATES_FILE = "states.toml"


class StatesError(ValueError):
    """``states.toml`` names a state that ISO 3166 does not know, or lacks a field."""


def _states_file(directory: Path | str | None) -> Path:
    folder = Path(directory) if directory is not None else data_dir("gazetteer")
    return folder / STATES_FILE


def _entries(path: Path) -> list[tuple[int, dict]]:
    """The ``[[entity]]`` tables of ``path`` with the 1-based line of each header."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise StatesError(f"{path}: invalid TOML: {err}") from None
    lines = [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[entity]]"]
    entries = data.get("entity", [])
    return [(lines[i] if i < len(lines) else 0, e) for i, e in enumerate(entries)]


def _strings(entry: dict, key: str, where: str) -> list[str]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise StatesError(f"{where}: field {key!r} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _cldr_names(alpha2: str) -> list[tuple[str, str]]:
    """Territory names in the six UN languages from CLDR (Babel)."""
    names = []
    for lang in UN_LANGUAGES:
        name = Locale(lang).territories.get(alpha2)
        if name:
            names.append((name, lang))
    return names


def _iso_names(country) -> list[tuple[str, str]]:
    """English names from ISO 3166 (pycountry): name, official name, common name."""
    return [(getattr(country, attr), "en") for attr in ("name", "official_name", "common_name")
            if getattr(country, attr, None)]


def _entity(line: int, entry: dict, path: Path) -> Entity:
    slug = str(entry.get("slug", "")).strip()
    where = f"{path}:{line} (slug {slug!r})"
    for key in ("slug", "en", "ar", "un_status"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise StatesError(f"{where}: missing required field {key!r}")
    if entry["un_status"] not in UN_STATUSES:
        raise StatesError(f"{where}: un_status must be one of {UN_STATUSES}, not {entry['un_status']!r}")
    country = pycountry.countries.get(alpha_3=slug)
    if country is None:
        raise StatesError(f"{where}: {slug!r} is not an ISO 3166-1 alpha-3 code")
    label_en, label_ar = entry["en"].strip(), entry["ar"].strip()
    alt: list[tuple[str, str]] = []
    candidates = (_cldr_names(country.alpha_2) + _iso_names(country)
                  + [(t, "ar") for t in _strings(entry, "ar_alt", where)]
                  + [(t, "en") for t in _strings(entry, "en_alt", where)])
    for text, lang in candidates:
        if (text, lang) in alt or (lang == "en" and text == label_en) or (lang == "ar" and text == label_ar):
            continue
        alt.append((text, lang))
    return Entity(kind="state", slug=slug, cls="State", label_en=label_en, label_ar=label_ar,
                  alt_labels=tuple(alt), notations=(slug,), codes=(("m49Code", country.numeric),))


def state_entities(directory: Path | str | None = None) -> list[Entity]:
    """Every state of ``states.toml`` (in ``directory``, default the project's gazetteer)."""
    path = _states_file(directory)
    return [_entity(line, entry, path) for line, entry in _entries(path)]


def state_adjectives(directory: Path | str | None = None) -> dict[str, tuple[str, ...]]:
    """ISO3 slug → the nisba adjectives of ``states.toml`` (``السويسرية`` for CHE)."""
    path = _states_file(directory)
    out = {}
    for line, entry in _entries(path):
        adj = _strings(entry, "adjectives", f"{path}:{line}")
        if adj:
            out[str(entry["slug"])] = tuple(adj)
    return out


def un_status(directory: Path | str | None = None) -> dict[str, str]:
    """ISO3 slug → ``member`` or ``observer``."""
    path = _states_file(directory)
    return {str(e["slug"]): str(e["un_status"]) for _, e in _entries(path)}
