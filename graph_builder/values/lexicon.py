"""Reading the value lexicons (``lexicons/*.toml``: months, date words, ordinals, amounts).

:func:`load` reads one lexicon file, found through :func:`graph_builder.resources.data_dir`
(the top-level ``lexicons/`` folder of a checkout, ``graph_builder/_data/lexicons`` in a
wheel), once per process, and returns it read-only. A missing file, a file that is not UTF-8
or not TOML, or a field of the wrong shape raises :class:`LexiconError` naming the file (and
the line, for TOML syntax errors).

It only reads and checks the shapes the grammars need; what the words mean is the grammars' job.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..resources import data_dir


class LexiconError(ValueError):
    """A lexicon file is missing or malformed (the message names the file)."""


def lexicon_path(name: str) -> Path:
    """The path of lexicon ``name`` (``months`` → ``lexicons/months.toml``)."""
    try:
        folder = data_dir("lexicons")
    except FileNotFoundError as err:
        raise LexiconError(str(err)) from None
    return folder / f"{name}.toml"


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def parse(path: Path, text: str) -> MappingProxyType:
    """The parsed, read-only content of lexicon ``text`` read from ``path``."""
    try:
        return _frozen(tomllib.loads(text))
    except tomllib.TOMLDecodeError as err:       # the message carries "(at line N, column M)"
        raise LexiconError(f"{path}: invalid TOML: {err}") from None


@lru_cache(maxsize=None)
def load(name: str) -> MappingProxyType:
    """Lexicon ``name`` as a read-only mapping (cached for the process)."""
    path = lexicon_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    except UnicodeDecodeError as err:
        raise LexiconError(f"{path}: not UTF-8 ({err})") from None
    return parse(path, text)


def field(data, name: str, kind: type, where: str) -> Any:
    """``data[name]`` checked to be a ``kind`` (tuple for arrays, mapping for tables)."""
    value = data.get(name)
    expected = {tuple: tuple, dict: MappingProxyType}.get(kind, kind)
    if not isinstance(value, expected):
        label = {tuple: "an array", dict: "a table", str: "a string", int: "an integer"}.get(kind, kind.__name__)
        raise LexiconError(f"{where}: field {name!r} must be {label}")
    return value


def strings(data, name: str, where: str) -> tuple[str, ...]:
    """``data[name]`` checked to be an array of non-empty strings."""
    value = field(data, name, tuple, where)
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: field {name!r} must be an array of non-empty strings")
    return value


def int_table(data, name: str, where: str) -> MappingProxyType:
    """``data[name]`` checked to be a table of string → integer."""
    value = field(data, name, dict, where)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        raise LexiconError(f"{where}: every value of table {name!r} must be an integer")
    return value
