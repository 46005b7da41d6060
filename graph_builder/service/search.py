"""``GET /search?q=…``: Arabic-aware search over paragraph text and entity labels (HTML or JSON).

Paragraphs and footnotes match when every word of the query matches a word of their text with
``mdkg:arMatch`` (see :mod:`graph_builder.text.arsearch`: folding of diacritics and letter forms,
proclitics و ف ب ل ك ال لل). Entities match on any label, code or notation (any language), the
same way; entities whose label equals the query come first, then by number of paragraphs that
mention them. Both searches run as SPARQL queries in the service's query processes (time limit,
result cache) with the query bound by ``substitutions``. The matched words are highlighted
with ``<mark>`` in the HTML and in each paragraph's ``html`` field of the JSON answer (all
other text HTML-escaped); ``highlights`` gives their code-point offsets in ``text``.

``limit`` (default ``SEARCH_LIMIT``) caps each list. ``format=json|html`` or the Accept header
choose the representation (JSON unless HTML is preferred). This module does not rank by
relevance beyond that and does not index anything ahead of time.
"""
from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request
from markupsafe import Markup, escape

from graph_builder.text import arsearch
from graph_builder.namespaces import PREFIXES
from graph_builder.service import iri_paths, jobs
from graph_builder.service.jobs import QueryJob
from graph_builder.service.site import STRINGS, base_iri, html_page, page_language, wants_html
from graph_builder.service.state import current

blueprint = Blueprint("search", __name__)
MAX_QUERY = 500

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
PARAGRAPHS = _PREFIXES + """SELECT ?q ?paragraph ?kind ?document ?number ?order ?text WHERE {
  VALUES ?kind { mdkg:Paragraph mdkg:Footnote }
  ?paragraph a ?kind ; mdkg:text ?text .
  FILTER(mdkg:arMatch(?text, ?q))
  OPTIONAL { ?paragraph mdkg:inDocument ?document }
  OPTIONAL { ?paragraph mdkg:paragraphNumber ?number }
  OPTIONAL { ?paragraph mdkg:order ?order }
} ORDER BY ?document ?kind ?order"""
ENTITIES = _PREFIXES + """SELECT ?q ?entity (SAMPLE(?en) AS ?label_en) (SAMPLE(?ar) AS ?label_ar)
    (SAMPLE(?t) AS ?type) (MAX(?exact) AS ?exact_match) (COUNT(DISTINCT ?paragraph) AS ?mentions) WHERE {
  { SELECT DISTINCT ?q ?entity ?exact WHERE {
      ?entity skos:prefLabel|skos:altLabel|skos:notation ?label .
      FILTER(mdkg:arMatch(?label, ?q))
      BIND(mdkg:arFold(?label) = mdkg:arFold(?q) AS ?exact) } }
  ?entity a ?t . FILTER(STRSTARTS(STR(?t), STR(mdkg:)))
  OPTIONAL { ?entity skos:prefLabel ?en FILTER(LANG(?en) = "en") }
  OPTIONAL { ?entity skos:prefLabel ?ar FILTER(LANG(?ar) = "ar") }
  OPTIONAL { ?paragraph mdkg:mentions ?entity }
} GROUP BY ?q ?entity ORDER BY DESC(?exact_match) DESC(?mentions) ?label_en"""


def highlight(text: str, spans: list[tuple[int, int]]) -> Markup:
    """``text`` HTML-escaped, with each span wrapped in ``<mark>``."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(str(escape(text[last:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def _select(text: str, query: str, limit: int) -> list[dict]:
    """Rows of a search query (SPARQL JSON bindings), run through the service's executor."""
    return jobs.select(QueryJob(text, max_rows=limit,  # the row cap is the limit
                                substitutions={"q": ox.Literal(query)}))


def _value(row: dict, name: str):
    return row[name]["value"] if name in row else None


def paragraph_hits(query: str, limit: int) -> list[dict]:
    hits = []
    for row in _select(PARAGRAPHS, query, limit):
        text = _value(row, "text")
        spans = arsearch.match_spans(text, query)
        number = _value(row, "number")
        hits.append({"iri": _value(row, "paragraph"), "kind": _value(row, "kind").rsplit("#", 1)[-1],
                     "document": _value(row, "document"), "number": int(number) if number else None,
                     "text": text, "highlights": [list(s) for s in spans],
                     "html": str(highlight(text, spans))})
    return hits


def entity_hits(query: str, limit: int) -> list[dict]:
    return [{"iri": _value(row, "entity"), "label_en": _value(row, "label_en"),
             "label_ar": _value(row, "label_ar"), "type": _value(row, "type"),
             "exact": _value(row, "exact_match") == "true",
             "mentions": int(_value(row, "mentions") or 0)}
            for row in _select(ENTITIES, query, limit)]


@blueprint.route("/search")
def search():
    query = (request.args.get("q") or "").strip()
    if len(query) > MAX_QUERY:
        abort(400, description=f"the search query is longer than {MAX_QUERY} characters")
    limit_arg = request.args.get("limit", str(current().config["SEARCH_LIMIT"]))
    try:
        limit = int(limit_arg)
        if not 1 <= limit <= 1000:
            raise ValueError
    except ValueError:
        abort(400, description=f"limit must be an integer from 1 to 1000, got {limit_arg!r}")
    html = wants_html()
    if not query and not html:
        abort(400, description="give the words to search for as ?q=")
    words = list(arsearch.query_words(query))
    if query and not words:
        abort(400, description=f"the search query {query!r} has no words")
    paragraphs = paragraph_hits(query, limit) if query else []
    entities = entity_hits(query, limit) if query else []
    if html:
        lang = page_language()
        title = f"{STRINGS[lang]['search']}: {query}" if query else STRINGS[lang]["search"]
        base = base_iri()
        return html_page("search.html", lang=lang, title=title, q=query, words=words,
                         paragraphs=paragraphs, entities=entities,
                         href=lambda iri: iri_paths.link(base, iri, lang))
    body = {"query": query, "words": words, "entities": entities, "paragraphs": paragraphs}
    return Response(json.dumps(body, ensure_ascii=False), content_type="application/json")
