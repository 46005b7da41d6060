"""Where the project's data files live: ontology, gazetteer, lexicons, named queries, bundled corpus.

In a source checkout (or an editable install) they are the top-level folders of the
repository; in a wheel they are shipped under ``graph_builder/_data``. Nothing here
reads a file: it only returns paths.
"""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``ontology``, ``queries``, ``corpus``, ``gazetteer``, ``lexicons``)."""
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"MDKG data folder {name!r} not found beside {_PKG}")


def ontology_file(name: str = "mdkg.ttl") -> Path:
    return data_dir("ontology") / name


def default_corpus() -> Path:
    return data_dir("corpus")
