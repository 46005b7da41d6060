"""The mapping between resource IRIs and the service's URL paths (the dereferencing scheme).

An instance IRI ``{BASE}id/{kind}/{slug}`` (slugs may hold ``/``) is served at ``/id/{kind}/{slug}``
(303 See Other to ``/page/{kind}/{slug}`` for HTML or ``/data/{kind}/{slug}.{ext}`` for RDF); an
ontology term ``{MDKG}Term`` is a hash IRI of the ontology document ``/ontology``, whose page is
``/page/ontology#Term``. This module only computes strings; it does not check that a resource
exists or talk HTTP.
"""
from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox

from graph_builder.namespaces import MDKG

RDF_EXTENSIONS: dict[str, str] = {  # file extension of /data/... -> media type
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "nt": "application/n-triples",
}
EXTENSION_OF: dict[str, str] = {media: ext for ext, media in RDF_EXTENSIONS.items()}
LANGUAGES = ("en", "ar")
ONTOLOGY_PATH = "ontology"


def ontology_namespace() -> str:
    return str(MDKG)


def ontology_document() -> str:
    """The IRI of the ontology document (the namespace without its ``#``)."""
    return str(MDKG).rstrip("#")


def iri_of_path(base: str, path: str) -> str | None:
    """The instance IRI for ``{kind}/{slug}`` under ``base``; None when it is not a valid IRI."""
    if not path or "/" not in path.strip("/"):
        return None
    iri = f"{base}id/{path}"
    try:
        ox.NamedNode(iri)
    except ValueError:
        return None
    return iri


def path_of_iri(base: str, iri: str) -> str | None:
    """``{kind}/{slug}`` for an instance IRI under ``base``, else None."""
    prefix = f"{base}id/"
    if iri.startswith(prefix) and "/" in iri[len(prefix):]:
        return iri[len(prefix):]
    return None


def split_extension(path: str, extensions) -> tuple[str, str | None]:
    """``("a/b", "ttl")`` for ``"a/b.ttl"`` when ``ttl`` is one of ``extensions``; else ``(path, None)``."""
    stem, dot, ext = path.rpartition(".")
    if dot and ext in extensions and "/" not in ext:
        return stem, ext
    return path, None


def page_url(base: str, iri: str, lang: str | None = None) -> str | None:
    """The local HTML page of ``iri`` (instance or ontology term), or None for other IRIs."""
    suffix = f"?lang={lang}" if lang else ""
    path = path_of_iri(base, iri)
    if path is not None:
        return f"/page/{quote(path, safe='/-._~')}{suffix}"
    if iri == ontology_document():
        return f"/page/{ONTOLOGY_PATH}{suffix}"
    if iri.startswith(ontology_namespace()):
        return f"/page/{ONTOLOGY_PATH}{suffix}#{quote(iri[len(ontology_namespace()):], safe='-._~')}"
    return None


LINKABLE_SCHEMES = ("http://", "https://")


def link(base: str, iri: str, lang: str | None = None) -> str | None:
    """Where a link to ``iri`` goes: its local page, else the IRI itself when it is an http(s)
    IRI, else None (``javascript:``, ``data:``, ``urn:`` ... IRIs are shown, never linked)."""
    local = page_url(base, iri, lang)
    if local is not None:
        return local
    return iri if iri.lower().startswith(LINKABLE_SCHEMES) else None


def data_url(base: str, iri: str, ext: str) -> str | None:
    """The local RDF document describing ``iri`` in the format of ``ext``."""
    path = path_of_iri(base, iri)
    if path is not None:
        return f"/data/{quote(path, safe='/-._~')}.{ext}"
    if iri == ontology_document() or iri.startswith(ontology_namespace()):
        return f"/data/{ONTOLOGY_PATH}.{ext}"
    return None
