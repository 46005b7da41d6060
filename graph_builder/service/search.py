"""``GET /search?q=…``: Arabic-aware search over paragraph text and entity labels (HTML or JSON).

Paragraphs and footnotes match when every word of the query matches a word of their text as
``mdkg:arMatch`` decides (see :mod:`graph_builder.text.arsearch`: folding of diacritics and letter
forms, proclitics و ف ب ل ك ال لل), computed with plain ``REGEX`` on the stored
``mdkg:searchText`` so that it runs on any engine. Entities match on any label, code or notation
(any language) with ``mdkg:arMatch`` on the embedded store; over a remote engine (no such
function) each query word must be a word of the lower-cased label as written, optionally after
the proclitics and the article (letter forms and diacritics are NOT folded there). Entities whose
label equals the query come first, then by number of paragraphs that mention them. Both searches
run as SPARQL queries through the service's executor (time limit, result cache) with the query's
values bound by ``substitutions`` (the remote entity query's text depends only on the number of
words). The matched words are highlighted
with ``<mark>`` in the HTML and in each paragraph's ``html`` field of the JSON answer (all
other text HTML-escaped); ``highlights`` gives their code-point offsets in ``text``.

``limit`` (default ``SEARCH_LIMIT``) caps each list. ``format=json|html`` or the Accept header
choose the representation (JSON unless HTML is preferred). This module does not rank by
relevance beyond that and does not index anything ahead of time.
"""
from __future__ import annotations

import json
import re

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request
from markupsafe import Markup, escape

from graph_builder.text import arsearch
from graph_builder.text.arabic import PROCLITICS
from graph_builder.namespaces import PREFIXES
from graph_builder.service import frontdata, iri_paths, jobs
from graph_builder.service.jobs import QueryJob
from graph_builder.service.site import STRINGS, base_iri, html_page, page_language, wants_html
from graph_builder.service.state import current

blueprint = Blueprint("search", __name__)
MAX_QUERY = 500

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
PARAGRAPHS = _PREFIXES + """SELECT ?q ?pattern ?paragraph ?kind ?document ?number ?order ?text WHERE {
  ?paragraph mdkg:searchText ?search .
  FILTER(REGEX(?search, ?pattern))
  VALUES ?kind { mdkg:Paragraph mdkg:Footnote }
  ?paragraph a ?kind ; mdkg:text ?text .
  OPTIONAL { ?paragraph mdkg:inDocument ?document }
  OPTIONAL { ?paragraph mdkg:paragraphNumber ?number }
  OPTIONAL { ?paragraph mdkg:order ?order }
} ORDER BY ?document ?kind ?order"""
MAX_WORDS = 12  # words of one entity search over a remote engine (each is one REGEX)
_PROCLITICS = "|".join(sorted(PROCLITICS, key=len, reverse=True))
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


def portable_entities_query(words: int) -> str:
    """The entity search over a remote engine (no mdkg:arMatch): each of ``words`` words, bound
    as ?w0 … (regexes), must be a word of the lower-cased label as written."""
    matches = " && ".join(f"REGEX(?k, ?w{i})" for i in range(words))
    variables = " ".join(f"?w{i}" for i in range(words))
    return _PREFIXES + f"""SELECT ?q {variables} ?entity (SAMPLE(?en) AS ?label_en) (SAMPLE(?ar) AS ?label_ar)
    (SAMPLE(?t) AS ?type) (MAX(?exact) AS ?exact_match) (COUNT(DISTINCT ?paragraph) AS ?mentions) WHERE {{
  {{ SELECT DISTINCT ?q {variables} ?entity ?exact WHERE {{
      ?entity skos:prefLabel|skos:altLabel|skos:notation ?label .
      BIND(LCASE(STR(?label)) AS ?k)
      FILTER({matches})
      BIND(?k = LCASE(?q) AS ?exact) }} }}
  ?entity a ?t . FILTER(STRSTARTS(STR(?t), STR(mdkg:)))
  OPTIONAL {{ ?entity skos:prefLabel ?en FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?entity skos:prefLabel ?ar FILTER(LANG(?ar) = "ar") }}
  OPTIONAL {{ ?paragraph mdkg:mentions ?entity }}
}} GROUP BY ?q {variables} ?entity ORDER BY DESC(?exact_match) DESC(?mentions) ?label_en"""


def word_regex(word: str) -> str:
    """A label word that is ``word`` after optional proclitics and article (``لل`` included)."""
    return f"(^| )({_PROCLITICS})?(ال|ل)?{word}( |$)"


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


def _select(text: str, limit: int, values: dict) -> list[dict]:
    """Rows of a search query (SPARQL JSON bindings), run through the service's executor."""
    return jobs.select(QueryJob(text, max_rows=limit, substitutions=values))  # the row cap is the limit


def _value(row: dict, name: str):
    return row[name]["value"] if name in row else None


def paragraph_hits(query: str, limit: int) -> list[dict]:
    hits = []
    pattern = arsearch.search_pattern(query)
    for row in _select(PARAGRAPHS, limit, {"q": ox.Literal(query), "pattern": ox.Literal(pattern)}):
        text = _value(row, "text")
        spans = arsearch.match_spans(text, query)
        number = _value(row, "number")
        hits.append({"iri": _value(row, "paragraph"), "kind": _value(row, "kind").rsplit("#", 1)[-1],
                     "document": _value(row, "document"), "number": int(number) if number else None,
                     "text": text, "highlights": [list(s) for s in spans],
                     "html": str(highlight(text, spans))})
    return hits


def entity_hits(query: str, limit: int) -> list[dict]:
    values = {"q": ox.Literal(query)}
    text = ENTITIES
    if getattr(current().executor, "remote_store", None) is not None:
        words = [w for w in dict.fromkeys(query.lower().split()) if w][:MAX_WORDS]
        values.update({f"w{i}": ox.Literal(word_regex(re.escape(w))) for i, w in enumerate(words)})
        text = portable_entities_query(len(words))
    return [{"iri": _value(row, "entity"), "label_en": _value(row, "label_en"),
             "label_ar": _value(row, "label_ar"), "type": _value(row, "type"),
             "exact": _value(row, "exact_match") == "true",
             "mentions": int(_value(row, "mentions") or 0)}
            for row in _select(text, limit, values)]


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
    lang = page_language()
    cites = frontdata.citations(lang)
    for hit in paragraphs:  # a hit names its document (title, UN symbol) and paragraph
        hit["citation"] = cites.get(hit["iri"])
    if html:
        title = f"{STRINGS[lang]['search']}: {query}" if query else STRINGS[lang]["search"]
        base = base_iri()
        return html_page("search.html", lang=lang, title=title, q=query, words=words,
                         paragraphs=paragraphs, entities=entities,
                         href=lambda iri: iri_paths.link(base, iri, lang))
    body = {"query": query, "words": words, "entities": entities, "paragraphs": paragraphs}
    return Response(json.dumps(body, ensure_ascii=False), content_type="application/json")
