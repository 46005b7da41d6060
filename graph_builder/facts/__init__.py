"""Fact extraction: one small rule module per family of facts.

Each module in this package exposes ``extract(ctx: FactContext) -> Iterable[Fact]``; its rules are
in the registry of ``rules.py`` (pattern rules from ``lexicons/patterns.toml``, older rules from the
module's ``RULES`` table). ``rules.py`` says how to add a rule; the words rules read are in
``lexicons/`` (``lexicon.py``), the tokens in ``graph_builder/text/``. :func:`extract_facts` runs them
all over one document. Rules read the text through the shared Arabic normaliser and the
mentions the matcher found; values (dates, amounts, …) come from ``graph_builder.values``.
Nothing here names a question, an answer or a paragraph number of the corpus.
"""
from __future__ import annotations

import importlib
from typing import Iterable

from ..recognise.findings import Fact
from . import person_identity
from .fact_context import FactContext

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
    return dedupe(person_identity.unify(facts))


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


def registry():
    """The rule registry (``rules.py``) with every family's rules in it: pattern rules and legacy tables."""
    from .rules import REGISTRY, pattern_rules, register_table
    for mod in family_modules():
        register_table(mod.__name__.rsplit(".", 1)[-1], getattr(mod, "RULES", {}))
    pattern_rules()
    return REGISTRY


def all_rules() -> dict[str, tuple[str, float]]:
    """Rule id → (description, confidence), for every registered rule."""
    return {r.id: (r.description, r.confidence) for r in registry()}
