"""Fuzzing: the document reader and the value parsers on mutated report text, and the SPARQL
endpoint on 10,000 random and mutated requests.

* ``read_document`` on windows of the real reports, mutated (slices cut, duplicated or moved,
  random text and digits inserted, bytes that are not UTF-8) and written to temporary files,
  either returns a Document or raises the documented ``SourceError``; nothing else.
* every ``find_*``/``parse_*`` value parser on random Arabic-looking text (month names,
  currency words, both digit styles, separators) returns matches within the text, sorted and
  non-overlapping, and never raises.
* the production server answers seeded random and mutated SPARQL requests (GET, form POST,
  direct POST; broken syntax, bad IRIs, bad encodings, odd Accept headers) with 2xx or 4xx
  only, and still answers a plain query afterwards.
"""
from __future__ import annotations

import os
import random
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_builder import values
from graph_builder.text.corpus import read_document
from graph_builder.text.model import Document, SourceError
from graph_builder.resources import default_corpus

REPORTS = sorted(p for p in default_corpus().iterdir() if p.suffix in (".md", ".txt"))
LINES = {p.name: p.read_text(encoding="utf-8").splitlines(keepends=True) for p in REPORTS}

ARABIC_PIECES = ["٢٥ - ", "17 - ", "أولا - ", "ألف - ", "## ", "### ", "<sup>(3)</sup>", "()", "(أ) ", "• ",
                 "تموز/يوليه ٢٠٠٧", "من 2 إلى 5 كانون الأول/ديسمبر 2011", "١٤ و ١٥ أيلول/سبتمبر",
                 "232 155 2 من دولارات الولايات المتحدة", "١٥ مليون يورو", "٢٠٨/٦١", "A/RES/61/208",
                 "\t", "\n", "\n\n", "\u00a0", "\u200f", "ـ", "ّ", "\ufeff", "\r\n", "الدورة الثالثة والستين"]
ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوية ءآأإؤئىـًٌٍَُِّْ0123456789٠١٢٣٤٥٦٧٨٩/-.,،٫٬()\n\t "))
TEXTISH = st.lists(st.one_of(st.sampled_from(ARABIC_PIECES), st.text(ALPHABET, max_size=12)), max_size=30) \
    .map("".join)


@st.composite
def mutated_report(draw) -> tuple[str, bytes]:
    """(file name, bytes): a window of a real report with a few random mutations."""
    name = draw(st.sampled_from(sorted(LINES)))
    lines = LINES[name]
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    window = list(lines[start:start + draw(st.integers(1, 120))])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["cut", "dup", "move", "insert", "truncate", "join"]))
        if not window:
            break
        i = draw(st.integers(0, len(window) - 1))
        if op == "cut":
            del window[i:i + draw(st.integers(1, 5))]
        elif op == "dup":
            window.insert(i, window[i])
        elif op == "move":
            window.insert(draw(st.integers(0, len(window))), window.pop(i))
        elif op == "insert":
            window.insert(i, draw(TEXTISH))
        elif op == "truncate":
            line = window[i]
            window[i] = line[:draw(st.integers(0, len(line)))]
        else:
            window[i] = window[i].rstrip("\n") + (window.pop(i + 1) if i + 1 < len(window) else "")
    data = "".join(window).encode("utf-8")
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at:]  # possibly invalid UTF-8 or NUL
    return name, data


@settings(max_examples=int(os.environ.get("MDKG_FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_report())
def test_reader_raises_only_source_error(case):
    name, data = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except SourceError as err:
            assert str(path) in str(err)  # the error names the file
            return
        assert isinstance(doc, Document)
        assert doc.paragraphs
        assert all(p.line >= 1 for p in doc.paragraphs)


PARSERS = [values.find_dates, values.find_amounts, values.find_ints, values.find_resolutions,
           values.find_symbols, values.find_ordinals]
SINGLE = [values.parse_date, values.parse_amount, values.parse_int, values.parse_ordinal]


@settings(max_examples=int(os.environ.get("MDKG_FUZZ_EXAMPLES", "400")), deadline=None)
@given(TEXTISH, st.one_of(st.none(), st.integers(1900, 2100)))
def test_value_parsers_never_crash(text, default_year):
    for find in PARSERS:
        found = find(text, default_year) if find is values.find_dates else find(text)
        spans = [(m.start, m.end) for m in found]
        assert spans == sorted(spans), find.__name__
        assert all(0 <= a < b <= len(text) for a, b in spans), (find.__name__, spans)
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:])), (find.__name__, spans)
    for parse in SINGLE:
        parse(text)


# ------------------------------------------------------------------ the SPARQL endpoint

SEEDS = [
    "SELECT ?d (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/mdkg/ontology#Paragraph> ; "
    "<https://w3id.org/mdkg/ontology#inDocument> ?d } GROUP BY ?d",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?e ?l WHERE { ?e skos:prefLabel ?l "
    "FILTER(lang(?l) = \"ar\") } LIMIT 20",
    "PREFIX mdkg: <https://w3id.org/mdkg/ontology#> ASK { ?m a mdkg:Meeting }",
    "PREFIX mdkg: <https://w3id.org/mdkg/ontology#> CONSTRUCT { ?s mdkg:location ?o } WHERE "
    "{ ?s mdkg:location ?o } LIMIT 10",
    "DESCRIBE <https://w3id.org/mdkg/id/org/iom>",
    "SELECT * WHERE { GRAPH ?g { ?s ?p \"x\"@ar } } LIMIT 5",
    "PREFIX mdkg: <https://w3id.org/mdkg/ontology#> SELECT ?p WHERE { ?p mdkg:paragraphNumber ?n "
    "FILTER(?n > 10 && ?n < 13) } ORDER BY ?n",
]
TOKENS = ["SELECT", "WHERE", "{", "}", "?x", "*", "FILTER(", ")", "LIMIT", "-1", "OPTIONAL", "UNION", "GRAPH",
          "<http://a b>", "<>", "\"", "'''", "@ar", "^^", "PREFIX", ":", "a", ".", ";", ",", "BIND(", "AS",
          "SERVICE <http://127.0.0.1:1/>", "LOAD <http://127.0.0.1:1/>", "INSERT DATA { <a:b> <a:b> <a:b> }",
          "\\u0000", "\x00", "\ud7ff", "🙂", "VALUES ?x { 1 }", "COUNT(", "GROUP BY", "ORDER BY", "%", "#"]
ACCEPTS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/turtle",
           "*/*", "image/png", "", "application/json;q=0", "text/html, */*;q=0.1", "garbage/"]


def mutate(rng: random.Random, text: str) -> str:
    ops = rng.randint(1, 4)
    for _ in range(ops):
        op = rng.randrange(6)
        i = rng.randint(0, len(text))
        if op == 0:
            text = text[:i] + text[i + rng.randint(1, 8):]
        elif op == 1:
            text = text[:i] + rng.choice(TOKENS) + " " + text[i:]
        elif op == 2:
            text = text[:i]
        elif op == 3:
            words = text.split(" ")
            rng.shuffle(words) if rng.random() < 0.2 else words.insert(rng.randrange(len(words) + 1),
                                                                        rng.choice(words))
            text = " ".join(words)
        elif op == 4:
            text = text[:i] + chr(rng.randint(1, 0x2FFF)) + text[i:]
        else:
            text = text.replace(rng.choice(["SELECT", "WHERE", "{", "?", "LIMIT"]), rng.choice(TOKENS), 1)
    return text


def random_request(rng: random.Random, sparql: str) -> dict:
    """The keyword arguments of one ``requests.request`` call."""
    kind = rng.random()
    text = mutate(rng, rng.choice(SEEDS)) if kind < 0.8 else "".join(
        chr(rng.randint(1, 0x10FF)) for _ in range(rng.randint(0, 80)))
    headers = {"Accept": rng.choice(ACCEPTS)}
    params: dict = {}
    if rng.random() < 0.1:
        params[rng.choice(["default-graph-uri", "named-graph-uri"])] = rng.choice(
            ["http://example.org/g", "not an iri", "<x>", ""])
    style = rng.randrange(4)
    if style == 0:
        return {"method": "GET", "url": sparql, "params": dict(params, query=text), "headers": headers}
    if style == 1:
        return {"method": "POST", "url": sparql, "params": params, "data": {"query": text}, "headers": headers}
    if style == 2:
        headers["Content-Type"] = rng.choice(["application/sparql-query", "application/sparql-query; charset=latin-1",
                                              "text/plain", "application/sparql-update"])
        body = text.encode("utf-8", "surrogatepass") if rng.random() < 0.9 else bytes(
            rng.randrange(256) for _ in range(40))
        return {"method": "POST", "url": sparql, "params": params, "data": body, "headers": headers}
    raw = urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="")
    if rng.random() < 0.3:
        raw += rng.choice(["%", "%ZZ", "%C3", "%FF%FE"])
    return {"method": "GET", "url": f"{sparql}?query={raw}", "headers": headers}


@pytest.mark.slow
def test_ten_thousand_random_requests_get_no_5xx(fuzz_server):
    count = int(os.environ.get("MDKG_FUZZ_REQUESTS", "10000"))
    rng = random.Random(20111202)
    jobs = [random_request(rng, fuzz_server.sparql) for _ in range(count)]
    session_local = __import__("threading").local()

    def send(kwargs: dict) -> tuple[int, str]:
        session = getattr(session_local, "s", None) or requests.Session()
        session_local.s = session
        try:
            response = session.request(timeout=60, **kwargs)
        except requests.RequestException as exc:
            return -1, f"{type(exc).__name__}: {exc}"
        return response.status_code, response.text[:200] if response.status_code >= 500 else ""

    started = time.monotonic()
    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(send, jobs))
    elapsed = time.monotonic() - started
    bad = [(job, status, text) for job, (status, text) in zip(jobs, answers) if not 200 <= status < 500]
    statuses = sorted({status for status, _ in answers})
    assert not bad, f"{len(bad)} of {count} requests failed or got 5xx; first: {bad[:3]}"
    assert any(200 <= s < 300 for s in statuses) and any(400 <= s < 500 for s in statuses), statuses
    ok = requests.get(fuzz_server.sparql, params={"query": SEEDS[0]},
                      headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert ok.status_code == 200 and ok.json()["results"]["bindings"]
    print(f"{count} fuzz requests in {elapsed:.1f} s ({count / elapsed:.0f}/s), statuses {statuses}")


@pytest.fixture(scope="module")
def fuzz_server(built_store, tmp_path_factory):
    from serverutil import start_server
    server = start_server(built_store, tmp_path_factory.mktemp("fuzzlog") / "fuzz.log", workers=2,
                          QUERY_TIMEOUT=30, QUERY_PROCESSES=2, ACCESS_LOG=False)
    yield server
    server.stop()
