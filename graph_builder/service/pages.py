"""Dereferenceable IRIs and their linked-data pages (HTML in Arabic and English, JSON and RDF twins).

The scheme (W3C "Cool URIs for the Semantic Web", 303 variant), with ``BASE`` from the
configuration so that a deployment on another base works by configuration alone:

- ``GET /id/{kind}/{slug}`` names the resource ``{BASE}id/{kind}/{slug}`` (slugs may hold ``/``:
  ``/id/document/{doc}/para/{n}``). It answers **303 See Other** to ``/page/{kind}/{slug}?lang=..``
  when HTML is preferred (also for ``*/*`` or no Accept header) and to
  ``/data/{kind}/{slug}.{ttl|jsonld|rdf|nt}`` when an RDF type is preferred; an IRI the store
  does not know answers a **404** HTML page.
- ``GET /page/{kind}/{slug}`` the HTML page (``?lang=ar`` right-to-left, ``?lang=en``; without
  it the ``Accept-Language`` header decides, English by default); ``/page/{kind}/{slug}.json`` its
  JSON twin (the page model of :mod:`page_model`).
- ``GET /data/{kind}/{slug}.{ext}`` the RDF description: every triple with the resource as
  subject or as object (in any graph); ``/data/{kind}/{slug}`` without extension negotiates.
- Ontology terms ``https://w3id.org/mdkg/ontology#Term`` are hash IRIs of the ontology document:
  ``GET /ontology`` answers 303 to ``/page/ontology`` (each term is the anchor ``#Term``) or to
  ``/data/ontology.{ext}`` (the whole ontology graph).

Queries run through the service's executor (its processes, time limit and row cap). This module
shapes HTTP only; what a page shows is computed in :mod:`page_model`, the IRI/path mapping
lives in :mod:`iri_paths`.
"""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, redirect

from graph_builder.namespaces import Base
from graph_builder.service import frontdata, iri_paths, jobs, page_model
from graph_builder.service.iri_paths import EXTENSION_OF, ONTOLOGY_PATH, RDF_EXTENSIONS
from graph_builder.service.jobs import GraphJob, QueryJob
from graph_builder.service.site import (STRINGS, base_iri, executor_select, html_page, not_found,
                                        page_language, preferred_rdf_type, see_other)
from graph_builder.service.state import current

blueprint = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
                      static_url_path="/assets")

ALTERNATE_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "rdf": "RDF/XML", "nt": "N-Triples"}


# ------------------------------------------------------------------ helpers

def _alternates(iri: str, lang: str, page_path: str) -> list[dict]:
    out = [{"type": "application/json", "name": "JSON", "href": f"{page_path}.json?lang={lang}"}]
    for ext, media in RDF_EXTENSIONS.items():
        out.append({"type": media, "name": ALTERNATE_NAMES[ext],
                    "href": iri_paths.data_url(base_iri(), iri, ext)})
    return out


def _rdf_response(body: bytes, media_type: str, truncated: bool) -> Response:
    response = Response(body, content_type=media_type)
    response.headers["Vary"] = "Accept"
    if truncated:
        response.headers["X-MDKG-Truncated"] = "true"
        response.headers["X-MDKG-Row-Limit"] = str(current().config["MAX_ROWS"])
    return response


def describe_query(iri: str) -> str:
    node = page_model.sparql_iri(iri)
    return (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ {node} ?p ?o BIND({node} AS ?s) }} "
            f"UNION {{ ?s ?p {node} BIND({node} AS ?o) }} }}")


def ontology_graph_iri() -> str:
    return Base(base_iri()).ontology_graph.value


# ------------------------------------------------------------------ routes: instances

@blueprint.route("/id/<path:path>")
def identifier(path: str):
    return see_other(path)


@blueprint.route("/page/<path:path>")
def page(path: str):
    if path in (ONTOLOGY_PATH, ONTOLOGY_PATH + ".json"):
        return ontology_page(as_json=path.endswith(".json"))
    stem, ext = iri_paths.split_extension(path, ("json",))
    iri = iri_paths.iri_of_path(base_iri(), stem)
    if iri is None or not page_model.exists(executor_select, iri):
        return not_found(f"{base_iri()}id/{stem}")
    lang = page_language()
    model = page_model.describe(executor_select, iri, base_iri(), lang)
    cites = frontdata.citations(lang)
    for passage in model["evidence"] + ([model["text"]] if model["text"] else []):
        passage["citation"] = cites.get(passage["paragraph"]["value"])
    if ext == "json":
        response = jsonify(model)
        response.headers["Vary"] = "Accept-Language"
        return response
    return html_page("resource.html", m=model, lang=lang, title=model["label"],
                 alternates=_alternates(iri, lang, f"/page/{stem}"))


@blueprint.route("/data/<path:path>")
def data(path: str):
    if path == ONTOLOGY_PATH or path.startswith(ONTOLOGY_PATH + "."):
        return ontology_data(path)
    stem, ext = iri_paths.split_extension(path, RDF_EXTENSIONS)
    iri = iri_paths.iri_of_path(base_iri(), stem)
    if iri is None or not page_model.exists(executor_select, iri):
        return not_found(f"{base_iri()}id/{stem}")
    media = RDF_EXTENSIONS[ext] if ext else (preferred_rdf_type() or "text/turtle")
    body, truncated = jobs.construct(QueryJob.limited(describe_query(iri), graph_type=media))
    return _rdf_response(body, media, truncated)


# ------------------------------------------------------------------ routes: the ontology

@blueprint.route("/ontology")
def ontology():
    media = preferred_rdf_type()
    if media is not None:
        target = f"/data/{ONTOLOGY_PATH}.{EXTENSION_OF[media]}"
    else:
        target = f"/page/{ONTOLOGY_PATH}?lang={page_language()}"
    response = redirect(target, code=303)
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


def ontology_data(path: str) -> Response:
    _, ext = iri_paths.split_extension(path, RDF_EXTENSIONS)
    if path != ONTOLOGY_PATH and ext is None:
        return not_found(path)
    media = RDF_EXTENSIONS[ext] if ext else (preferred_rdf_type() or "text/turtle")
    answer = jobs.read(GraphJob("get", ontology_graph_iri(), graph_type=media))
    if answer["status"] == 404:
        return not_found(iri_paths.ontology_document())
    jobs.ok(answer)
    return _rdf_response(answer["body"], media, False)


def ontology_page(as_json: bool) -> Response:
    lang = page_language()
    terms = page_model.ontology_terms(executor_select, ontology_graph_iri(), lang)
    if as_json:
        return jsonify(terms)
    doc = iri_paths.ontology_document()
    alternates = [{"type": "application/json", "name": "JSON",
                   "href": f"/page/{ONTOLOGY_PATH}.json?lang={lang}"}]
    alternates += [{"type": media, "name": ALTERNATE_NAMES[ext], "href": f"/data/{ONTOLOGY_PATH}.{ext}"}
                   for ext, media in RDF_EXTENSIONS.items()]
    return html_page("ontology.html", terms=terms, lang=lang, title=STRINGS[lang]["ontology"],
                 iri=doc, alternates=alternates)
