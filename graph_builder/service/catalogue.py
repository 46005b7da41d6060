"""The named-query catalogue on the web: ``/queries`` and ``/queries/<name>`` (the view).

``/queries`` lists the catalogue (HTML or JSON, negotiated; ``?format=json``); ``/queries/<name>
?param=…`` runs one query in every format ``/sparql`` gives (same negotiation, executor, time
limit and row cap) or as an HTML page with a form and a result table. Unknown parameters and bad
values answer 400. A long answer comes in pages (``limit``, ``offset``, ``limit=all``; a query's
``# page: N``: :class:`named_queries.Page`): each page is fetched one row long and capped at the page, so
a cut answer says there is a next one (``Link: rel="next"``; links on the HTML page). Parsing, typing and binding the parameters is the model's
(:mod:`graph_builder.service.named_queries`, shared with the CLI); the pages are the templates
``queries.html`` and ``query.html``. This module only shapes HTTP.
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, abort, current_app, request, url_for

from graph_builder.service import jobs, negotiation, results
from graph_builder.service.jobs import QueryJob
from graph_builder.service.named_queries import (RESERVED, Lookup, NamedQuery, Page, ParamError, bind, check_args,
                                                 load_catalogue, page_of, queries_dir)
from graph_builder.service.site import STRINGS, html_page, page_language, wants_html
from graph_builder.service.state import current

EXTENSION = "mdkg.catalogue"
LOOKUP_ROWS = 100

blueprint = Blueprint("queries", __name__)


@blueprint.record_once
def _load(setup) -> None:
    app = setup.app
    app.extensions[EXTENSION] = load_catalogue(queries_dir(app.config.get("QUERIES_DIR")))


def loaded() -> dict[str, NamedQuery]:
    """The catalogue loaded for the current app."""
    return current_app.extensions[EXTENSION]


def service_lookup() -> Lookup:
    """A :data:`Lookup` through the service's executor (time limit and cache included)."""
    def lookup(text: str, substitutions: dict) -> list[str]:
        answer = jobs.ok(jobs.read(QueryJob(text, results_type=results.JSON_RESULTS, max_rows=LOOKUP_ROWS,
                                            substitutions=substitutions)))
        data = json.loads(answer["body"])
        var = data["head"]["vars"][0]
        return [row[var]["value"] for row in data["results"]["bindings"] if var in row]
    return lookup


def _terms_or_400(query: NamedQuery, args) -> dict:
    try:
        return bind(query, check_args(query, args), service_lookup(),
                    portable=getattr(current().executor, "remote_store", None) is not None)
    except ParamError as exc:
        abort(400, description=str(exc))


@blueprint.route("/queries", endpoint="catalogue")
@blueprint.route("/queries/", endpoint="catalogue")
def catalogue_view():
    queries = list(loaded().values())
    if wants_html():
        lang = page_language()
        return html_page("queries.html", lang=lang, title=STRINGS[lang]["queries"], queries=queries,
                         alternates=[{"type": "application/json", "name": "JSON",
                                      "href": url_for("queries.catalogue", format="json")}])
    body = {"queries": [dict(q.as_json(), url=url_for("queries.run", name=q.name, _external=True))
                        for q in queries]}
    return Response(json.dumps(body, ensure_ascii=False, indent=1),
                    content_type="application/json", headers={"Vary": "Accept"})


def _page_or_400(query: NamedQuery) -> Page:
    try:
        return page_of(query, request.args.to_dict(flat=False))
    except ParamError as exc:
        abort(400, description=str(exc))


def _page_url(query: NamedQuery, page: Page, **extra) -> str:
    """This request's URL for ``page`` (its other parameters kept)."""
    args = {k: v for k, v in request.args.items() if k not in ("limit", "offset")}
    args.update({"limit": "all" if page.limit is None else str(page.limit), **extra})
    if page.offset:
        args["offset"] = str(page.offset)
    return url_for("queries.run", name=query.name, **args)


def _paged_job(query: NamedQuery, page: Page, args, **fields) -> tuple[QueryJob, int]:
    """The job for one page of ``query`` (one row more than the page asked, capped at the page: the cap tells
    whether a next page exists), and the rows a full page has."""
    text, substitutions = query.prepared(_terms_or_400(query, args))
    rows = page.rows(current().config["MAX_ROWS"])
    return QueryJob(page.apply(text), max_rows=rows, substitutions=substitutions, **fields), rows


def _html_page(query: NamedQuery) -> Response:
    given = {k: v for k, v in request.args.items() if k not in RESERVED}
    missing = [p.name for p in query.params if not p.optional and not given.get(p.name, "").strip()]
    table = paging = None
    if not missing:
        page = _page_or_400(query)
        job, rows = _paged_job(query, page, {k: [v] for k, v in given.items()}, results_type=results.JSON_RESULTS)
        answer = jobs.ok(jobs.read(job))
        if answer["content_type"] == results.JSON_RESULTS:
            data = json.loads(answer["body"])
            table = {"vars": data["head"].get("vars", []),
                     "rows": data.get("results", {}).get("bindings", [])}
            paging = {"first": page.offset + 1, "last": page.offset + len(table["rows"]),
                      "next": _page_url(query, page.next(current().config["MAX_ROWS"]))
                      if answer.get("truncated") else None,
                      "previous": _page_url(query, Page(page.limit, max(0, page.offset - rows)))
                      if page.offset else None,
                      "downloads": {f: _page_url(query, Page(None), format=f) for f in ("csv", "json")}}
    return html_page("query.html", title=query.title, q=query, given=given, table=table, missing=missing,
                     paging=paging)


@blueprint.route("/queries/<name>")
def run(name: str):
    query = loaded().get(name)
    if query is None:
        abort(404, description=f"no named query {name!r}; see /queries")
    if wants_html():
        return _html_page(query)
    fmt = request.args.getlist("format")
    page = _page_or_400(query)
    job, rows = _paged_job(
        query, page, request.args.to_dict(flat=False),
        results_type=negotiation.choose(request.accept_mimetypes, negotiation.RESULTS_TYPES,
                                        results.JSON_RESULTS, fmt, negotiation.RESULTS_PARAM),
        graph_type=negotiation.choose(request.accept_mimetypes, negotiation.GRAPH_TYPES,
                                      "text/turtle", fmt, negotiation.GRAPH_PARAM))
    answer = jobs.read(job)
    response = jobs.http_response(answer, rows)
    if answer.get("truncated"):   # a next page: the same request from the row after this answer's last
        response.headers["Link"] = f'<{_page_url(query, page.next(current().config["MAX_ROWS"]))}>; rel="next"'
    return response
