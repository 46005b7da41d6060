"""The per-application service state (configuration and executor), kept in ``app.extensions``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app

from graph_builder.service.executor import Executor

EXTENSION = "mdkg"


@dataclass
class ServiceState:
    config: dict[str, Any]
    executor: Executor


def attach(app: Flask, state: ServiceState) -> None:
    app.extensions[EXTENSION] = state


def current() -> ServiceState:
    return current_app.extensions[EXTENSION]
