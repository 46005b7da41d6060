"""Fact extraction: one small rule module per family of facts.

Each module in this package exposes ``extract(ctx: FactContext) -> Iterable[Fact]`` and a
``RULES`` dict mapping rule id → (description, confidence). :func:`extract_facts` runs them
all over one document. Rules read the text through the shared Arabic normaliser and the
mentions the matcher found; values (dates, amounts, …) come from ``graph_builder.values``.
Nothing here names a question, an answer or a paragraph number of the corpus.
"""
from __future__ import annotations

import importlib
from typing import Iterable

from ..recognise.findings import Fact
from .context import FactContext

FAMILIES = ("topics", "events", "commitments", "actors")


def family_modules():
    """The rule modules that exist (a family may not be written yet)."""
    mods = []
    for name in FAMILIES:
        try:
            mods.append(importlib.import_module(f"{__name__}.{name}"))
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise
    return mods


def extract_facts(ctx: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    for mod in family_modules():
        facts.extend(ctx.family_facts(mod))
    return dedupe(facts)


def dedupe(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per (subject, predicate, object, evidence, rule)."""
    seen, out = set(), []
    for f in facts:
        key = (f.subject.key, f.predicate, f.object.key if hasattr(f.object, "key") else f.object,
               id(f.evidence), f.rule)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def all_rules() -> dict[str, tuple[str, float]]:
    rules: dict[str, tuple[str, float]] = {}
    for mod in family_modules():
        rules.update(getattr(mod, "RULES", {}))
    return rules
