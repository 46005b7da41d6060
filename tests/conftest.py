"""Shared fixtures: a small sample store, real MDKG servers (gunicorn) on free localhost ports, and\nFlask test clients on the same application for tests that need no server process; and the hook\nthat runs a test marked ``timing`` alone (tests/timing_lock.py)."""
from __future__ import annotations

import pytest

import timing_lock
from serverutil import app_client, make_sample_store, start_server

UPDATE_TOKEN = "test-token-3f9a"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """A test marked ``timing`` runs alone (no other test of any run on this checkout beside it)."""
    with timing_lock.held(exclusive=item.get_closest_marker("timing") is not None):
        yield


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store symlink with 3,000 quads in graph A and 600 in graph B."""
    return make_sample_store(tmp_path_factory.mktemp("sample") / "store")


@pytest.fixture(scope="session")
def readonly_server(sample_store, tmp_path_factory):
    """The production server on the sample store: no token, 3 s limit, 1,000-row cap."""
    server = start_server(sample_store, tmp_path_factory.mktemp("logs") / "readonly.log", workers=2,
                          QUERY_TIMEOUT=3, MAX_ROWS=1000, QUERY_PROCESSES=2, MAX_QUERY_LENGTH=20_000)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def readonly_client(sample_store):
    """Flask's test client on the application with ``readonly_server``'s configuration."""
    with app_client(sample_store, QUERY_TIMEOUT=3, MAX_ROWS=1000, QUERY_PROCESSES=2,
                    MAX_QUERY_LENGTH=20_000) as client:
        yield client


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory):
    """The production server on a fresh empty store, writes enabled with ``UPDATE_TOKEN``."""
    root = tmp_path_factory.mktemp("writable")
    server = start_server(root / "store", root / "server.log", UPDATE_TOKEN=UPDATE_TOKEN,
                          QUERY_TIMEOUT=10, QUERY_PROCESSES=1)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory):
    """The bundled corpus built once by the real pipeline (SHACL-validated) into a store symlink."""
    from graph_builder.build.pipeline import build
    from graph_builder.resources import default_corpus
    store = tmp_path_factory.mktemp("built") / "store"
    build(default_corpus(), store)
    return store


@pytest.fixture(scope="session")
def built_server(built_store, tmp_path_factory):
    """The production server (read-only) on the built bundled corpus."""
    server = start_server(built_store, tmp_path_factory.mktemp("logs") / "built.log", workers=1,
                          QUERY_TIMEOUT=10, QUERY_PROCESSES=2)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def built_client(built_store):
    """Flask's test client on the application serving the built bundled corpus (read-only)."""
    with app_client(built_store, QUERY_TIMEOUT=10, QUERY_PROCESSES=2) as client:
        yield client


@pytest.fixture(scope="session")
def gazetteer():
    """The real gazetteer, loaded once."""
    from gold_facts import real_gazetteer
    return real_gazetteer()


@pytest.fixture(scope="session")
def matcher(gazetteer):
    """The real mention matcher over the real gazetteer."""
    from gold_facts import real_matcher
    return real_matcher()


@pytest.fixture(scope="session")
def corpus_docs():
    """The bundled reports read into the document model, once."""
    from graph_builder.text.corpus import read_corpus
    from graph_builder.resources import default_corpus
    return read_corpus(default_corpus())


@pytest.fixture(scope="session")
def facts_of(corpus_docs, matcher, gazetteer):
    """``facts_of(module)``: that rule family's facts for each bundled report, by document slug."""
    from graph_builder.facts.fact_context import FactContext
    from graph_builder.recognise.matcher import mentions_in
    contexts = {d.slug: FactContext(d, mentions_in(d, matcher), gazetteer) for d in corpus_docs}
    return lambda module: {slug: list(module.extract(ctx)) for slug, ctx in contexts.items()}
