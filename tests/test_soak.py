"""Soak: 64 concurrent clients on loopback against the real server (gunicorn, 2 web workers, query
processes) for ``MDKG_SOAK_SECONDS`` (default 60): zero failed requests and zero 5xx.

Half the clients repeat the named-query mix (the result cache may answer), half send each
query with a unique comment (every request reaches a query process). The 5-minute run is
``python bench/soak.py``.
"""
from __future__ import annotations

import os

import pytest
import requests

from bench.query_mix import query_mix
from bench.soak import soak
from graph_builder.resources import data_dir
from serverutil import start_server


@pytest.mark.slow
def test_soak_64_clients_no_failures(built_store, tmp_path):
    seconds = float(os.environ.get("MDKG_SOAK_SECONDS", "60"))
    _, queries = query_mix(data_dir("queries"))
    server = start_server(built_store, tmp_path / "soak.log", workers=2, QUERY_PROCESSES=2, QUERY_TIMEOUT=30,
                          ACCESS_LOG=False)
    try:
        result = soak(server.sparql, queries, 64, seconds)
        health = requests.get(server.url + "/health", timeout=30)
    finally:
        server.stop()
    print({k: v for k, v in result.items() if k != "parts"})
    assert result["failed"] == 0, result
    assert result["server_errors"] == 0, result
    assert result["ok"] >= 64, result  # every client got answers, not just a few
    assert result["parts"]["uncached"]["ok"] > 0 and result["parts"]["cached"]["ok"] > 0
    assert health.status_code == 200 and health.json()["status"] == "ok"
