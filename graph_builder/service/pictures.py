"""Pictures of the graph and the evidence behind a fact: ``/pictures``, ``/pictures/<slug>``, ``/evidence``.

A picture page (``frontdoor.toml``: the process × topic matrix, the timeline of meetings, the map)
is an empty ``<figure>`` that the static script ``mdkg-pictures.js`` (built from ``ui/``, no inline
script, nothing from a CDN) fills with an SVG drawn from the JSON answers of the picture's named
queries (``/queries/NAME?format=json&limit=all``: every row, never one page); the same page links each query's CSV and JSON and its
SPARQL (``/queries/NAME``), and the script offers the drawing as SVG and PNG. The picture's data
is therefore exactly what its SPARQL returns. The network around an entity is the graph view of
the SPARQL editor (``/sparql-editor?entity=IRI``), linked from every entity page.

``/evidence?subject=IRI&predicate=IRI&object=IRI`` lists the paragraphs a fact was extracted from
(named query ``fact-evidence``), each with a citation to paste, the document's ``undocs.org``
link where it has a symbol, and a link to the paragraph page: where a matrix cell leads. Works
without JavaScript. This module only shapes HTTP.
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, request

from graph_builder.service import frontdata, iri_paths
from graph_builder.service.named_queries import ParamError
from graph_builder.service.page_model import labels, pick_label
from graph_builder.service.site import STRINGS, base_iri, executor_select, html_page, page_language

blueprint = Blueprint("pictures", __name__)
EVIDENCE_PARAMS = ("subject", "predicate", "object")


@blueprint.route("/pictures")
@blueprint.route("/pictures/")
def index() -> Response:
    lang = page_language()
    return html_page("pictures.html", lang=lang, title=STRINGS[lang]["pictures"], front=frontdata.front())


@blueprint.route("/pictures/<slug>")
def picture(slug: str) -> Response:
    pic = frontdata.front().picture(slug)
    if pic is None:
        abort(404, description=f"no picture {slug!r}; see /pictures")
    lang = page_language()
    queries = [frontdata.catalogue()[name] for name in pic.queries]
    return html_page("picture.html", lang=lang, title=pic.label(lang), pic=pic, queries=queries)


@blueprint.route("/evidence")
def evidence() -> Response:
    lang = page_language()
    given = {k: request.args[k].strip() for k in EVIDENCE_PARAMS if request.args.get(k, "").strip()}
    if "subject" not in given:
        abort(400, description="give the fact as subject=IRI (and optionally predicate=IRI, object=IRI)")
    try:
        rows = frontdata.run("fact-evidence", **given)
    except ParamError as exc:
        abort(400, description=str(exc))
    base = base_iri()
    cites = frontdata.citations(lang)
    table = labels(executor_select, [r[k]["value"] for r in rows for k in EVIDENCE_PARAMS if r.get(k, {}).get("type") == "uri"]
                   + [given[k] for k in given])
    items, seen = [], set()
    for r in rows:
        para = r["paragraph"]["value"]
        if para in seen:
            continue
        seen.add(para)
        items.append({"paragraph": para, "href": iri_paths.page_url(base, para, lang),
                      "citation": cites.get(para), "text": r.get("text", {}).get("value", ""),
                      "rule": r.get("rule", {}).get("value"), "confidence": r.get("confidence", {}).get("value")})

    def name(iri: str) -> dict:
        return {"iri": iri, "label": pick_label(table.get(iri), lang, iri), "href": iri_paths.page_url(base, iri, lang)}
    fact = {k: name(v) for k, v in given.items()}
    title = " → ".join(fact[k]["label"] for k in EVIDENCE_PARAMS if k in fact)
    return html_page("evidence.html", lang=lang, title=f"{STRINGS[lang]['evidence_for']}: {title}",
                     fact=fact, items=items)
