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
  JSON twin (the page model of :mod:`resource_view`).
- ``GET /data/{kind}/{slug}.{ext}`` the RDF description: every triple with the resource as
  subject or as object (in any graph); ``/data/{kind}/{slug}`` without extension negotiates.
- Ontology terms ``https://w3id.org/mdkg/ontology#Term`` are hash IRIs of the ontology document:
  ``GET /ontology`` answers 303 to ``/page/ontology`` (each term is the anchor ``#Term``) or to
  ``/data/ontology.{ext}`` (the whole ontology graph).

Queries run through the service's executor (its processes, time limit and row cap). This module
shapes HTTP only; what a page shows is computed in :mod:`resource_view`, the IRI/path mapping
lives in :mod:`iri_paths`.
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, abort, g, jsonify, redirect, render_template, request

from graph_builder.namespaces import Base
from graph_builder.service import iri_paths, resource_view
from graph_builder.service.iri_paths import EXTENSION_OF, LANGUAGES, ONTOLOGY_PATH, RDF_EXTENSIONS
from graph_builder.service.state import current

blueprint = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
                      static_url_path="/assets")

JSON_RESULTS = "application/sparql-results+json"
INTERNAL_ROW_CAP = 200_000  # rows of the service's own page queries (pages are bounded by the data)
HTML_TYPES = ("text/html", "application/xhtml+xml")
SECURITY_HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:",
                    "X-Content-Type-Options": "nosniff"}
ALTERNATE_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "rdf": "RDF/XML", "nt": "N-Triples"}

STRINGS = {
    "en": {"site": "Migration & Development Knowledge Graph", "home": "Query", "ontology": "Ontology",
           "dataset": "Dataset", "dumps": "Downloads", "labels": "Labels", "type": "Type",
           "codes": "Codes", "facts": "Facts", "incoming": "Referenced by", "evidence": "Evidence",
           "text": "Text", "addressed_by": "Addressed by", "paragraph": "paragraph",
           "evidence_more": "Showing {shown} of {total} paragraphs; all of them are in the RDF.",
           "as_data": "This page as data", "not_found": "Not found",
           "not_found_text": "The knowledge graph has no resource with this IRI.",
           "classes": "Classes", "properties": "Properties", "others": "Other terms",
           "rule": "rule", "confidence": "confidence", "network": "Network view",
           "switch": "العربية"},
    "ar": {"site": "الرسم المعرفي للهجرة والتنمية", "home": "الاستعلام", "ontology": "الأنطولوجيا",
           "dataset": "مجموعة البيانات", "dumps": "التنزيلات", "labels": "التسميات", "type": "النوع",
           "codes": "الرموز", "facts": "الحقائق", "incoming": "مشار إليه من", "evidence": "الأدلة",
           "text": "النص", "addressed_by": "يتناوله", "paragraph": "الفقرة",
           "evidence_more": "تُعرض {shown} فقرة من أصل {total}؛ وجميعها موجودة في بيانات RDF.",
           "as_data": "هذه الصفحة كبيانات", "not_found": "غير موجود",
           "not_found_text": "لا يحتوي الرسم المعرفي على مورد بهذا المعرّف.",
           "classes": "الفئات", "properties": "الخصائص", "others": "مصطلحات أخرى",
           "rule": "القاعدة", "confidence": "الثقة", "network": "عرض الشبكة",
           "switch": "English"},
}


# ------------------------------------------------------------------ helpers shared by the service

def base_iri() -> str:
    base = current().config["BASE"]
    return base if base.endswith("/") else base + "/"


def executor_select(text: str) -> list[dict]:
    """Run a SELECT through the executor; SPARQL JSON bindings (aborts with the engine's status)."""
    answer = current().executor.read({
        "kind": "query", "text": text, "base": None, "dataset": None,
        "results_type": JSON_RESULTS, "graph_type": None, "max_rows": INTERNAL_ROW_CAP,
    })
    g.engine_ms = (g.get("engine_ms") or 0) + (answer.get("engine_ms") or 0)
    if answer["status"] != 200:
        abort(answer["status"], description=answer.get("message", "query failed"))
    return json.loads(answer["body"])["results"]["bindings"]


def executor_graph(text: str, media_type: str,
                   on_406: tuple[int, str] | None = None) -> tuple[bytes, bool]:
    """Run a CONSTRUCT/DESCRIBE through the executor with the configured row cap (in a query
    process without network, see ``sandbox``): (body, truncated). ``on_406`` replaces the engine's answer to a SELECT/ASK text."""
    cfg = current().config
    answer = current().executor.read({
        "kind": "query", "text": text, "base": None, "dataset": None, "results_type": None,
        "graph_type": media_type, "max_rows": cfg["MAX_ROWS"],
    })
    g.engine_ms = answer.get("engine_ms")
    if answer["status"] == 406 and on_406 is not None:
        abort(on_406[0], description=on_406[1])
    if answer["status"] != 200:
        abort(answer["status"], description=answer.get("message", "query failed"))
    return answer["body"], bool(answer.get("truncated"))


def page_language() -> str:
    lang = request.args.get("lang")
    if lang in LANGUAGES:
        return lang
    return request.accept_languages.best_match(LANGUAGES, default="en") or "en"


def preferred_rdf_type() -> str | None:
    """The RDF media type the client prefers over HTML, or None when HTML (or anything) will do."""
    fmt = request.args.get("format")
    if fmt in RDF_EXTENSIONS:
        return RDF_EXTENSIONS[fmt]
    accept = request.accept_mimetypes
    if not accept:
        return None
    best = accept.best_match([*HTML_TYPES, *RDF_EXTENSIONS.values(), "application/x-turtle",
                              "text/n3"], default=None)
    if best in ("application/x-turtle", "text/n3"):
        return "text/turtle"
    return best if best in EXTENSION_OF else None


def html_page(template: str, status: int = 200, **context) -> Response:
    lang = context.setdefault("lang", page_language())
    context.setdefault("alternates", [])
    response = Response(render_template(template, t=STRINGS[lang], other_lang="ar" if lang == "en" else "en",
                                        base=base_iri(), **context),
                        status=status, mimetype="text/html")
    response.headers.update(SECURITY_HEADERS)
    response.headers["Vary"] = "Accept, Accept-Language"
    response.headers["Content-Language"] = lang
    return response


def not_found(what: str) -> Response:
    return html_page("notfound.html", status=404, title=STRINGS[page_language()]["not_found"], what=what)


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
    node = resource_view.sparql_iri(iri)
    return (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ {node} ?p ?o BIND({node} AS ?s) }} "
            f"UNION {{ ?s ?p {node} BIND({node} AS ?o) }} }}")


def ontology_graph_iri() -> str:
    return Base(base_iri()).ontology_graph.value


# ------------------------------------------------------------------ routes: instances

@blueprint.route("/id/<path:path>")
def identifier(path: str):
    iri = iri_paths.iri_of_path(base_iri(), path)
    if iri is None or not resource_view.exists(executor_select, iri):
        return not_found(f"{base_iri()}id/{path}")
    media = preferred_rdf_type()
    if media is not None:
        target = iri_paths.data_url(base_iri(), iri, EXTENSION_OF[media])
    else:
        target = iri_paths.page_url(base_iri(), iri, page_language())
    response = redirect(target, code=303)
    response.headers["Vary"] = "Accept, Accept-Language"
    return response


@blueprint.route("/page/<path:path>")
def page(path: str):
    if path in (ONTOLOGY_PATH, ONTOLOGY_PATH + ".json"):
        return ontology_page(as_json=path.endswith(".json"))
    stem, ext = iri_paths.split_extension(path, ("json",))
    iri = iri_paths.iri_of_path(base_iri(), stem)
    if iri is None or not resource_view.exists(executor_select, iri):
        return not_found(f"{base_iri()}id/{stem}")
    lang = page_language()
    model = resource_view.describe(executor_select, iri, base_iri(), lang)
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
    if iri is None or not resource_view.exists(executor_select, iri):
        return not_found(f"{base_iri()}id/{stem}")
    media = RDF_EXTENSIONS[ext] if ext else (preferred_rdf_type() or "text/turtle")
    body, truncated = executor_graph(describe_query(iri), media)
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
    answer = current().executor.read({"kind": "graph_get", "graph": ontology_graph_iri(),
                                      "graph_type": media})
    g.engine_ms = answer.get("engine_ms")
    if answer["status"] == 404:
        return not_found(iri_paths.ontology_document())
    if answer["status"] != 200:
        abort(answer["status"], description=answer.get("message", ""))
    return _rdf_response(answer["body"], media, False)


def ontology_page(as_json: bool) -> Response:
    lang = page_language()
    terms = resource_view.ontology_terms(executor_select, ontology_graph_iri(), lang)
    if as_json:
        return jsonify(terms)
    doc = iri_paths.ontology_document()
    alternates = [{"type": "application/json", "name": "JSON",
                   "href": f"/page/{ONTOLOGY_PATH}.json?lang={lang}"}]
    alternates += [{"type": media, "name": ALTERNATE_NAMES[ext], "href": f"/data/{ONTOLOGY_PATH}.{ext}"}
                   for ext, media in RDF_EXTENSIONS.items()]
    return html_page("ontology.html", terms=terms, lang=lang, title=STRINGS[lang]["ontology"],
                 iri=doc, alternates=alternates)
