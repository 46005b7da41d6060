"""The per-application service state (configuration and executor), kept in ``app.extensions``,
and the build it reads now (for blueprints that read a build directly rather than through a query)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from flask import Flask, current_app

from graph_builder.service.query_pool import Executor

EXTENSION = "mdkg"


@dataclass
class ServiceState:
    config: dict[str, Any]
    executor: Executor


def attach(app: Flask, state: ServiceState) -> None:
    app.extensions[EXTENSION] = state


def current() -> ServiceState:
    return current_app.extensions[EXTENSION]


def read_path() -> str | None:
    """The build directory the service currently reads (None: nothing built)."""
    return current().executor.read_path()


def open_build(path: str | None) -> ox.Store:
    """That build opened read-only (an empty store for None); over a remote SPARQL endpoint, the
    :class:`~graph_builder.service.remote_store.RemoteStore` that reads it."""
    remote = getattr(current().executor, "remote_store", None)
    if remote is not None:
        return remote
    return ox.Store() if path is None else ox.Store.read_only(path)
