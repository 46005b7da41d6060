"""The named-query catalogue on the web: ``/queries`` and ``/queries/<name>`` (the view).

``/queries`` lists the catalogue (HTML or JSON, negotiated; ``?format=json``); ``/queries/<name>
?param=…`` runs one query in every format ``/sparql`` gives (same negotiation, executor, time
limit and row cap) or as an HTML page with a form and a result table. Unknown parameters and bad
values answer 400. Parsing, typing and binding the parameters is the model's
(:mod:`graph_builder.service.named_queries`, shared with the CLI); the pages are the templates
``queries.html`` and ``query.html``. This module only shapes HTTP.
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, abort, current_app, request, url_for

from graph_builder.service import jobs, negotiation, results
from graph_builder.service.jobs import QueryJob
from graph_builder.service.named_queries import (RESERVED, Lookup, NamedQuery, ParamError, bind, check_args,
                                                 load_catalogue, queries_dir)
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


def _html_page(query: NamedQuery) -> Response:
    given = {k: v for k, v in request.args.items() if k not in RESERVED}
    missing = [p.name for p in query.params if not p.optional and not given.get(p.name, "").strip()]
    table = None
    if not missing:
        args = {k: [v] for k, v in given.items()}
        text, substitutions = query.prepared(_terms_or_400(query, args))
        answer = jobs.ok(jobs.read(QueryJob.limited(text, results_type=results.JSON_RESULTS,
                                                    substitutions=substitutions)))
        if answer["content_type"] == results.JSON_RESULTS:
            data = json.loads(answer["body"])
            table = {"vars": data["head"].get("vars", []),
                     "rows": data.get("results", {}).get("bindings", [])}
    return html_page("query.html", title=query.title, q=query, given=given, table=table, missing=missing)


@blueprint.route("/queries/<name>")
def run(name: str):
    query = loaded().get(name)
    if query is None:
        abort(404, description=f"no named query {name!r}; see /queries")
    if wants_html():
        return _html_page(query)
    fmt = request.args.getlist("format")
    text, substitutions = query.prepared(_terms_or_400(query, request.args.to_dict(flat=False)))
    job = QueryJob.limited(
        text, substitutions=substitutions,
        results_type=negotiation.choose(request.accept_mimetypes, negotiation.RESULTS_TYPES,
                                        results.JSON_RESULTS, fmt, negotiation.RESULTS_PARAM),
        graph_type=negotiation.choose(request.accept_mimetypes, negotiation.GRAPH_TYPES,
                                      "text/turtle", fmt, negotiation.GRAPH_PARAM))
    return jobs.http_response(jobs.read(job), current().config["MAX_ROWS"])
