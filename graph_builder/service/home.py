"""The researcher's front door: the home page ``/`` and the browse pages ``/browse/<kind>``.

``/`` (Arabic right-to-left or English, ``?lang=``): a search box (``/search``, Arabic-aware),
what the graph holds (documents, paragraphs, facts, entities per kind, the build's date), entry
points by kind, the pictures and the research questions of the named-query catalogue, each a
link to its answer. ``/browse/<kind>``: the entities of a kind (``frontdoor.toml``) with their
evidence counts, each linking to its entity page, filtered with ``?q=`` and sorted with
``?sort=label|code|type|paragraphs|facts&order=asc|desc``; the same as JSON at
``/browse/<kind>.json`` (or ``format=json``). Everything works without JavaScript. The data are
the named queries ``graph-summary``, ``entity-counts`` and ``entities-of-kind``, computed once
per build (:mod:`frontdata`); shaping is :mod:`overview`'s; this module only shapes HTTP.
"""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, abort, request

from graph_builder.service import frontdata, iri_paths, named_queries, overview
from graph_builder.service.site import STRINGS, base_iri, html_page, page_language

blueprint = Blueprint("home", __name__)


@blueprint.record_once
def _check(setup) -> None:
    """Stop at start-up when the configured catalogue lacks a query the front door reads."""
    folder = named_queries.queries_dir(setup.app.config.get("QUERIES_DIR"))
    known = set(named_queries.load_catalogue(folder))
    missing = [name for name in frontdata.OWN_QUERIES if name not in known]
    if missing:
        raise overview.FrontDoorError(f"{folder}: the front door needs the named queries {missing}")
    overview.load_front(known_queries=known)


def _question_link(query, lang: str) -> str:
    """The answer page of a named query: its first example when it needs parameters."""
    args = [("format", "html"), ("lang", lang)]
    if any(not p.optional for p in query.params) and query.examples:
        return f"/queries/{query.name}?{query.examples[0]}&{urlencode(args)}"
    return f"/queries/{query.name}?{urlencode(args)}"


@blueprint.route("/")
def index() -> Response:
    lang = page_language()
    questions = [{"text": q.question(lang), "href": _question_link(q, lang), "name": q.name}
                 for q in frontdata.catalogue().values() if q.questions]
    return html_page("home.html", lang=lang, title=STRINGS[lang]["front"], s=frontdata.summary(),
                     front=frontdata.front(), questions=questions)


def _kind_or_404(slug: str) -> overview.Kind:
    kind = frontdata.front().kind(slug)
    if kind is None:
        abort(404, description=f"no kind {slug!r}; kinds: {', '.join(k.slug for k in frontdata.front().kinds)}")
    return kind


@blueprint.route("/browse/<slug>")
def browse(slug: str) -> Response:
    as_json = slug.endswith(".json") or request.args.get("format") == "json"
    kind = _kind_or_404(slug.removesuffix(".json"))
    lang = page_language()
    sort = request.args.get("sort", "paragraphs")
    order = request.args.get("order", "desc" if sort in ("paragraphs", "facts") else "asc")
    if order not in ("asc", "desc"):
        abort(400, description=f"order must be asc or desc, got {order!r}")
    words = request.args.get("q", "").strip()
    every = overview.browse_rows(frontdata.rows("entities-of-kind", **{"class": kind.class_iri}), lang)
    try:
        shown = overview.sort_rows(overview.filter_rows(every, words), sort, order == "desc")
    except ValueError as exc:
        abort(400, description=str(exc))
    base = base_iri()
    for row in shown:
        row["href"] = iri_paths.page_url(base, row["iri"], lang)
    if as_json:
        body = {"kind": kind.slug, "class": kind.class_iri, "lang": lang, "total": len(every),
                "query": words, "sort": sort, "order": order, "entities": shown}
        return Response(frontdata.as_json(body), content_type="application/json",
                        headers={"Vary": "Accept-Language"})
    keep = [("q", words)] if words else []

    def sort_href(column: str) -> str:
        flip = "asc" if (sort == column and order == "desc") else "desc"
        if sort != column:
            flip = "desc" if column in ("paragraphs", "facts") else "asc"
        return f"/browse/{kind.slug}?" + urlencode([*keep, ("sort", column), ("order", flip), ("lang", lang)])

    json_href = f"/browse/{kind.slug}.json?" + urlencode([*keep, ("sort", sort), ("order", order), ("lang", lang)])
    return html_page("browse.html", lang=lang, title=kind.label(lang), kind=kind, rows=shown, total=len(every),
                     q=words, sort=sort, order=order, sort_href=sort_href, front=frontdata.front(),
                     alternates=[{"type": "application/json", "name": "JSON", "href": json_href}])
