"""Pages of a named query's answer (``limit``, ``offset``, ``limit=all``; ``# page: N`` in a query's header)
through the production app on the real bundled build: the pages of a long answer, read one after the other by
their ``Link: rel="next"``, give exactly the whole answer in its order; the HTML page links the next page and
downloads of every row; bad values are 400; a query without a page size answers every row."""
from __future__ import annotations

import csv
import io
import re

import pytest

from graph_builder.resources import data_dir
from graph_builder.service import named_queries as nq

LONG = ("meeting-timeline", "commitments-by-type", "meeting-sessions", "entity-mentions")


def _get(client, url, **params):
    response = client.get(url, query_string=params or None)
    assert response.status_code == 200, response.text[:500]
    return response


def _bindings(response):
    return response.json["results"]["bindings"]


def _next(response):
    link = response.headers.get("Link")
    if link is None:
        return None
    match = re.fullmatch(r'<([^>]+)>; rel="next"', link)
    assert match, link
    return match.group(1)


def test_the_long_answers_declare_a_page():
    queries = nq.load_catalogue(data_dir("queries"))
    assert {name for name, q in queries.items() if q.page_size} >= set(LONG)
    assert all(queries[name].page_size == 100 for name in LONG)
    assert queries["graph-summary"].page_size is None


def test_pages_followed_by_their_links_give_the_whole_answer_in_order(built_client):
    whole = _bindings(_get(built_client, "/queries/commitments-by-type", limit="all"))
    assert len(whole) > 100                      # longer than the declared page
    first = _get(built_client, "/queries/commitments-by-type")
    assert len(_bindings(first)) == 100 and first.headers["X-MDKG-Truncated"] == "true"
    rows, response, pages = [], first, 0
    while response is not None:
        rows += _bindings(response)
        pages += 1
        url = _next(response)
        response = _get(built_client, url) if url else None
    assert rows == whole and pages == 2
    # a smaller page, in CSV: the same rows, cut at other places
    csv_rows, offset = [], 0
    while True:
        response = _get(built_client, "/queries/commitments-by-type", limit="30", offset=str(offset), format="csv")
        page = list(csv.reader(io.StringIO(response.text)))[1:]
        csv_rows += page
        if _next(response) is None:
            break
        assert len(page) == 30 and f"offset={offset + 30}" in _next(response)
        offset += 30
    assert len(csv_rows) == len(whole)
    assert [r[1] for r in csv_rows] == [b["commitment"]["value"] for b in whole]


def test_a_page_that_ends_the_answer_has_no_next_link(built_client):
    whole = _bindings(_get(built_client, "/queries/meeting-timeline", limit="all"))
    assert 10 < len(whole) < 100
    response = _get(built_client, "/queries/meeting-timeline")
    assert _bindings(response) == whole and "Link" not in response.headers
    assert "X-MDKG-Truncated" not in response.headers
    last = _get(built_client, "/queries/meeting-timeline", limit=str(len(whole)))
    assert _bindings(last) == whole and "Link" not in last.headers     # exactly full: no next page
    tail = _get(built_client, "/queries/meeting-timeline", limit="5", offset=str(len(whole) - 3))
    assert _bindings(tail) == whole[-3:] and "Link" not in tail.headers
    past = _get(built_client, "/queries/meeting-timeline", offset=str(len(whole) + 10))
    assert _bindings(past) == []


def test_a_page_of_a_query_with_a_parameter_keeps_the_parameter(built_client):
    whole = _bindings(_get(built_client, "/queries/entity-mentions", entity="remittances", limit="all"))
    assert len(whole) > 20
    response = _get(built_client, "/queries/entity-mentions", entity="remittances", limit="10")
    assert _bindings(response) == whole[:10]
    url = _next(response)
    assert "entity=remittances" in url and "offset=10" in url and "limit=10" in url
    assert _bindings(_get(built_client, url)) == whole[10:20]


def test_a_query_without_a_page_size_answers_every_row_unless_asked(built_client):
    whole = _bindings(_get(built_client, "/queries/topics"))
    assert len(whole) > 5
    assert _bindings(_get(built_client, "/queries/topics", limit="3", offset="2")) == whole[2:5]


@pytest.mark.parametrize("params,message", [
    ({"limit": "0"}, "'limit'"), ({"limit": "-5"}, "'limit'"), ({"limit": "ten"}, "'limit'"),
    ({"offset": "-1"}, "'offset'"), ({"offset": "1.5"}, "'offset'"), ({"limit": ["5", "6"]}, "given 2 times"),
])
def test_bad_page_values_are_400(built_client, params, message):
    response = built_client.get("/queries/meeting-timeline", query_string=params)
    assert response.status_code == 400 and message in response.text


def test_the_html_page_links_the_next_rows_and_every_row(built_client):
    response = built_client.get("/queries/commitments-by-type", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.text
    assert html.count("<tr>") == 101                       # the header row and one page
    nxt = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "offset=100" in nxt and "limit=100" in nxt
    second = built_client.get(nxt, headers={"Accept": "text/html"}).text
    assert 'rel="prev"' in second and 'rel="next"' not in second and second.count("<tr>") < 101
    downloads = re.findall(r'<a href="([^"]+)" download>', html)
    assert len(downloads) == 2 and all("limit=all" in d for d in downloads)
    whole = _get(built_client, downloads[0].replace("&amp;", "&"))
    assert whole.mimetype == "text/csv" and len(list(csv.reader(io.StringIO(whole.text)))) > 101
    short = built_client.get("/queries/meeting-timeline", headers={"Accept": "text/html"}).text
    assert 'rel="next"' not in short and 'rel="prev"' not in short


def test_a_page_header_must_be_a_number_and_the_text_must_take_a_page(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: T\n# page: many\nSELECT ?s { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(nq.HeaderError, match=r"bad.rq:2: 'page' is a number"):
        nq.parse_query_file(bad)
    bad.write_text("# title: T\nSELECT ?s { ?s ?p ?o } LIMIT 5 OFFSET 2\n", encoding="utf-8")
    with pytest.raises(nq.HeaderError, match=r"bad.rq:2: with LIMIT and OFFSET added"):
        nq.parse_query_file(bad)
