"""The dataset's self-description and downloads: ``/.well-known/void``, ``/dumps/``, ``/context.jsonld``.

- ``GET /.well-known/void``: the VoID + DCAT description of the current build
  (:func:`graph_builder.publish.void.void_quads`: counts, licence, SPARQL endpoint, example resources,
  dump links), negotiated among Turtle (default), JSON-LD, RDF/XML, N-Triples, TriG, N-Quads
  (``Accept`` or ``?format=ttl|jsonld|rdfxml|nt|trig|nq``). URLs in it (endpoint, dumps) start
  with ``PUBLIC_URL`` when it is configured, else with the request's own root (right behind any
  host name); either way the description is computed once per build, not once per host.
- ``GET /dumps/``: the index of the current build's compressed dumps (HTML, or its
  ``dumps.json`` for ``Accept: application/json`` / ``?format=json``); ``GET /dumps/{file}``
  one file, only names the index lists (``graph_builder.publish.dumps.dump_path``), sent as
  ``application/gzip``. A build without dumps answers 404 with the reason; while they are
  being written (after the switch-over, :mod:`graph_builder.build.build_dumps`), 503 with
  ``Retry-After``. The folder is the current build's own (``<build>.dumps``) and its index
  must name that build, so a served dump always describes the store being served.
- ``GET /context.jsonld``: the JSON-LD context (the build's ``context.jsonld``, else computed
  from the store).
- ``GET /id/dataset/…`` and ``/id/distribution/…``: the IRIs the VoID description mints (the
  dataset, its subsets and distributions) answer 303 See Other to ``/.well-known/void``.

The description is computed once per build directory and kept on the
application (``app.extensions``), not in module state. The store is opened read-only in the web
process for that; everything here reads, nothing writes.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, request, send_file

from graph_builder.publish import dumps as dumps_mod
from graph_builder.build import build_dumps, store as store_mod
from graph_builder.publish import void as void_mod
from graph_builder.namespaces import Base
from graph_builder.service import negotiation, results
from graph_builder.service.site import STRINGS, base_iri, html_page, page_language, see_other
from graph_builder.service.state import current, open_build, read_path

blueprint = Blueprint("dataset", __name__, template_folder="templates")
CACHE = "mdkg.dataset"


@blueprint.record_once
def _init_cache(setup_state) -> None:
    setup_state.app.extensions[CACHE] = {}


def _cache() -> dict:
    return current_app.extensions[CACHE]


def dumps_folder() -> Path | None:
    """The current build's complete dumps folder; None when it has none (yet)."""
    folder = store_mod.dumps_dir(current().executor.store)
    if folder is None or not (folder / dumps_mod.INDEX).is_file():
        return None
    recorded = dumps_mod.read_index(folder).get("build")
    return folder if recorded in (None, folder.name[:-len(".dumps")]) else None


def _no_dumps(what: str):
    """404, or 503 while the current build's dumps are being written."""
    target = store_mod.resolve(current().executor.store)
    if target is not None and build_dumps.writing(target):
        response = Response(f"{what}: the current build's dumps are being written; try again shortly\n",
                            status=503, mimetype="text/plain", headers={"Retry-After": "30"})
        abort(response)
    abort(404, description=f"{what}: the current build has no dumps")


def _cached(build: str | None, key: tuple, compute):
    """``compute()`` once per build directory and key; entries of older builds are dropped."""
    cache = _cache()
    if cache.get("build", "") != build:
        cache.clear()
        cache["build"] = build
    if key not in cache:
        cache[key] = compute()
    return cache[key]


PLACEHOLDER_ROOT = "http://mdkg-service.invalid/"  # stands for the service's root in the cached description


def service_root() -> str:
    """The root URL the description names: ``PUBLIC_URL`` when configured, else the request's."""
    public = current().config.get("PUBLIC_URL") or ""
    if public:
        return public if public.endswith("/") else public + "/"
    return request.url_root


def _rooted(term, root: str):
    if isinstance(term, ox.NamedNode) and term.value.startswith(PLACEHOLDER_ROOT):
        return ox.NamedNode(root + term.value[len(PLACEHOLDER_ROOT):])
    return term


def void_triples(root: str) -> list[ox.Triple]:
    """The description with ``root`` in its endpoint and dump URLs. It is computed once per build
    (seconds of CPU on a large store) with a placeholder root, which each request replaces; so
    a client that varies the ``Host`` header costs a substitution, not a computation."""
    path = read_path()
    folder = dumps_folder()

    def compute() -> list[ox.Triple]:
        index = dumps_mod.read_index(folder) if folder else None
        urls = void_mod.dump_urls_for(index, PLACEHOLDER_ROOT + "dumps/") if index else {}
        return void_mod.void_quads(open_build(path), Base(base_iri()), PLACEHOLDER_ROOT + "sparql", urls,
                                   index=index)

    template = _cached(path, ("void", str(folder)), compute)
    return [ox.Triple(_rooted(t.subject, root), t.predicate, _rooted(t.object, root)) for t in template]


@blueprint.route("/id/dataset/<path:rest>", defaults={"kind": "dataset"})
@blueprint.route("/id/distribution/<path:rest>", defaults={"kind": "distribution"})
def described_resource(kind: str, rest: str) -> Response:
    iri = f"{base_iri()}id/{kind}/{rest}"
    triples = void_triples(service_root())
    if any(t.subject.value == iri for t in triples if isinstance(t.subject, ox.NamedNode)):
        response = redirect("/.well-known/void", code=303)
        response.headers["Vary"] = "Accept"
        return response
    return see_other(f"{kind}/{rest}")  # an instance of the store with that kind, or 404


@blueprint.route("/.well-known/void")
def void() -> Response:
    media = negotiation.choose(request.accept_mimetypes, negotiation.GRAPH_TYPES, "text/turtle",
                               request.args.get("format"), negotiation.GRAPH_PARAM)
    if media is None:
        abort(406, description="the dataset description is available as RDF only "
                               "(Turtle, JSON-LD, RDF/XML, N-Triples, TriG, N-Quads)")
    triples = void_triples(service_root())
    body, _ = results.triples_bytes(iter(triples), media, None)
    return Response(body, content_type=media, headers={"Vary": "Accept"})


@blueprint.route("/dumps/")
def dumps_index() -> Response:
    folder = dumps_folder()
    if folder is None:
        _no_dumps("/dumps/")
    index = dumps_mod.read_index(folder)
    wants_json = request.args.get("format") == "json" or (
        request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json")
    if wants_json:
        return jsonify(index)
    lang = page_language()
    return html_page("dumps.html", lang=lang, title=STRINGS[lang]["dumps"], index=index,
                 alternates=[{"type": "application/json", "name": "JSON", "href": "/dumps/?format=json"}])


@blueprint.route("/dumps/<name>")
def dump_file(name: str) -> Response:
    folder = dumps_folder()
    if folder is None:
        _no_dumps(f"/dumps/{name}")
    try:
        path = dumps_mod.dump_path(folder, name)
    except FileNotFoundError:
        abort(404, description=f"no dump named {name!r} in the current build")
    if name == dumps_mod.CONTEXT:
        return send_file(path, mimetype=dumps_mod.CONTEXT_MEDIA_TYPE)
    return send_file(path, mimetype="application/gzip", as_attachment=True, download_name=name)


@blueprint.route("/context.jsonld")
def context() -> Response:
    folder = dumps_folder()
    if folder is not None and (folder / dumps_mod.CONTEXT).is_file():
        return send_file(folder / dumps_mod.CONTEXT, mimetype=dumps_mod.CONTEXT_MEDIA_TYPE)
    path = read_path()
    body = _cached(path, ("context",), lambda: json.dumps(
        {"@context": dumps_mod.jsonld_context(open_build(path))}, ensure_ascii=False, indent=1))
    return Response(body, content_type=dumps_mod.CONTEXT_MEDIA_TYPE)
