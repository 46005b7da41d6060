"""Caching: the bounded result cache, ETag/304, and invalidation on rebuild and on writes.

Real gunicorn servers on small sample stores built with the real store switch-over.
"""
from __future__ import annotations

import pytest
import requests

from conftest import UPDATE_TOKEN
import pyoxigraph as ox

from graph_builder.service.caching import ResultCache, job_key
from serverutil import EX, GRAPH_A, make_sample_store, start_server

COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_A}> {{ ?s <{EX}value> ?v }} }}"


def test_result_cache_is_bounded_by_bytes():
    cache = ResultCache(max_bytes=3 * (1000 + 256))
    for i in range(5):
        assert cache.put(i, {"body": b"x" * 1000})
    assert len(cache) == 3 and cache.size <= cache.max_bytes
    assert cache.get(0) is None and cache.get(4) is not None
    cache.get(2)  # 2 becomes the most recently used: 3 is evicted next
    cache.put(5, {"body": b"y" * 1000})
    assert cache.get(3) is None and cache.get(2) is not None
    assert not cache.put("huge", {"body": b"z" * 10_000})


def test_job_key_names_everything_but_the_read_path():
    plain = {"kind": "query", "text": "ASK {}", "base": "http://h/sparql", "dataset": None,
             "substitutions": None, "results_type": "application/sparql-results+json",
             "graph_type": None, "max_rows": 10000, "read_path": "/a"}
    reordered = dict(reversed(list(plain.items())), read_path="/b")
    assert job_key(plain) == job_key(reordered)  # order and the directory read do not count
    hash(job_key(plain))
    for field, other in (("text", "ASK { ?s ?p ?o }"), ("base", "http://other/sparql"), ("max_rows", 10),
                         ("results_type", "text/csv"), ("graph_type", "text/turtle"),
                         ("dataset", {"default": ["http://g"], "named": []})):
        assert job_key(dict(plain, **{field: other})) != job_key(plain), field
    with_dataset = dict(plain, dataset={"default": ["http://g"], "named": ["http://n"]})
    assert job_key(with_dataset) == job_key(dict(with_dataset, dataset={"named": ["http://n"],
                                                                         "default": ["http://g"]}))
    assert job_key(with_dataset) != job_key(dict(with_dataset, dataset={"default": ["http://n"],
                                                                         "named": ["http://g"]}))
    bound = dict(plain, substitutions={"x": ox.NamedNode("http://a")})
    assert job_key(bound) == job_key(dict(bound, substitutions={"x": ox.NamedNode("http://a")}))
    assert job_key(bound) != job_key(dict(bound, substitutions={"x": ox.Literal("http://a")}))
    hash(job_key(bound))


@pytest.fixture()
def small_server(tmp_path):
    store = make_sample_store(tmp_path / "store", items_a=50, items_b=5)
    server = start_server(store, tmp_path / "server.log", QUERY_TIMEOUT=10, QUERY_PROCESSES=1,
                          CACHE_MAX_AGE=123, CACHE_MAX_BYTES=6000)
    yield server, store
    server.stop()


def _get(server, query, **headers):
    return requests.get(server.sparql, params={"query": query}, headers=headers, timeout=30)


def test_etag_304_and_rebuild(small_server):
    server, store = small_server
    first = _get(server, COUNT)
    assert first.status_code == 200 and first.headers["X-MDKG-Cache"] == "miss"
    assert first.headers["Cache-Control"] == "public, max-age=123"
    assert "Accept" in first.headers["Vary"]
    second = _get(server, COUNT)
    assert second.headers["X-MDKG-Cache"] == "hit" and second.content == first.content
    assert second.headers["ETag"] == first.headers["ETag"]
    other_format = _get(server, COUNT, Accept="text/csv")
    assert other_format.headers["ETag"] != first.headers["ETag"]
    assert other_format.headers["X-MDKG-Cache"] == "miss"
    not_modified = _get(server, COUNT, **{"If-None-Match": first.headers["ETag"]})
    assert not_modified.status_code == 304 and not_modified.content == b""

    make_sample_store(store, items_a=70, items_b=5)  # a rebuild switches the store symlink
    after = _get(server, COUNT, **{"If-None-Match": first.headers["ETag"]})
    assert after.status_code == 200 and after.headers["X-MDKG-Cache"] == "miss"
    assert after.headers["ETag"] != first.headers["ETag"]
    assert after.json()["results"]["bindings"][0]["n"]["value"] == "70"


def test_cache_size_is_bounded_per_worker(small_server):
    server, _ = small_server
    big = [f"SELECT ?s ?v WHERE {{ ?s <{EX}value> ?v FILTER(?v >= {i}) }}" for i in (25, 26, 27)]
    sizes = [len(_get(server, q).content) for q in big]  # each about 3-4 KB; the cache holds 6000 B
    assert all(2500 < s < 6000 for s in sizes), sizes
    assert _get(server, big[2]).headers["X-MDKG-Cache"] == "hit"
    assert _get(server, big[0]).headers["X-MDKG-Cache"] == "miss"  # evicted by the later answers


def test_named_query_and_errors_not_cached(small_server):
    server, _ = small_server
    bad = _get(server, "SELECT nonsense")
    assert bad.status_code == 400 and "ETag" not in bad.headers
    catalogue = requests.get(server.url + "/queries", timeout=30)
    again = requests.get(server.url + "/queries", headers={"If-None-Match": catalogue.headers["ETag"]},
                         timeout=30)
    assert again.status_code == 304
    assert "ETag" not in requests.get(server.url + "/health", timeout=30).headers


def test_writes_invalidate(tmp_path):
    server = start_server(tmp_path / "store", tmp_path / "server.log", UPDATE_TOKEN=UPDATE_TOKEN,
                          QUERY_TIMEOUT=10, QUERY_PROCESSES=1)
    try:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> ?o }}"
        before = _get(server, query)
        assert _get(server, query).headers["X-MDKG-Cache"] == "hit"
        update = requests.post(server.sparql, data={"update": f"INSERT DATA {{ <{EX}a> <{EX}p> 1 }}"},
                               headers={"Authorization": f"Bearer {UPDATE_TOKEN}"}, timeout=30)
        assert update.status_code == 204
        after = _get(server, query, **{"If-None-Match": before.headers["ETag"]})
        assert after.status_code == 200 and after.headers["X-MDKG-Cache"] == "miss"
        assert after.json()["results"]["bindings"][0]["n"]["value"] == "1"
    finally:
        server.stop()
