"""Test helper: run one fact family over the real corpus and score it against a hand-checked gold file."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from graph_builder.text.corpus import read_corpus
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.recognise.matcher import Matcher, mentions_in
from graph_builder.text.model import Document, Paragraph, Section
from graph_builder.resources import default_corpus

DATA = Path(__file__).parent / "data"


@cache
def real_gazetteer():
    """The project's gazetteer, loaded once per test process (it is immutable; its load and name-variant
    expansion cost about half a second, which every test that loaded its own paid again)."""
    return load_gazetteer()


@cache
def real_matcher() -> Matcher:
    """The mention matcher over ``real_gazetteer()``, built once per test process."""
    return Matcher(real_gazetteer())


def corpus_facts(module) -> list[tuple[str, object]]:
    """(document slug, fact) for every fact the module finds in the bundled corpus."""
    gaz, matcher = real_gazetteer(), real_matcher()
    out = []
    for doc in read_corpus(default_corpus()):
        ctx = FactContext(doc, mentions_in(doc, matcher), gaz)
        out.extend((doc.slug, f) for f in module.extract(ctx))
    return out


def facts_of_text(module, *paragraphs: str, sections: list[Section] | None = None, date: str = "2011-12-02",
                  title: str = ""):
    """Facts the module finds in a small document made of real sentences (one paragraph each), as its family's
    output leaves it (``FactContext.family_facts``: facts outside their predicate's range dropped)."""
    gaz, matcher = real_gazetteer(), real_matcher()
    paras = [Paragraph(number=i + 1, text=t, order=i + 1, line=10 * (i + 1)) for i, t in enumerate(paragraphs)]
    doc = Document(path=Path("test.txt"), slug="test", date=date, paragraphs=paras, sections=sections or [],
                   title_ar=title)
    ctx = FactContext(doc, mentions_in(doc, matcher), gaz, matcher)
    return list(ctx.family_facts(module))


def key_of(obj) -> str:
    return f"{obj.kind}/{obj.slug}" if hasattr(obj, "kind") else obj.lexical


def where(fact) -> str:
    ev = fact.evidence
    if isinstance(ev, Paragraph):
        return str(ev.number)
    if isinstance(ev, Section):
        return "section:" + ev.heading
    return "footnote"


def score(found: list[tuple[str, object]], gold_file: str, predicates: set[str]) -> tuple[float, float, list, list]:
    """Precision, recall, false positives and misses over the scored predicates."""
    gold = json.loads((DATA / gold_file).read_text(encoding="utf-8"))["facts"]

    def gold_key(g):
        o = g["object"]["value"] if isinstance(g["object"], dict) else g["object"]
        return g["doc"], str(g["para"]), g["predicate"], o

    def matches(g, doc, f):
        gd, gp, gpred, go = gold_key(g)
        if (gd, gpred, go) != (doc, f.predicate, key_of(f.object)):
            return False
        w = where(f)
        if not (w == gp or (gp.startswith("section:") and w.startswith(gp))):
            return False
        return g["subject"] in ("*", key_of(f.subject))

    scored = {}
    for doc, f in found:
        if f.predicate in predicates:
            scored[(doc, where(f), f.predicate, key_of(f.subject), key_of(f.object))] = (doc, f)
    false_pos = [k for k, (doc, f) in scored.items() if not any(matches(g, doc, f) for g in gold)]
    misses = [g for g in gold if g["predicate"] in predicates
              and not any(matches(g, doc, f) for doc, f in scored.values())]
    precision = 1 - len(false_pos) / max(1, len(scored))
    recall = 1 - len(misses) / max(1, len([g for g in gold if g["predicate"] in predicates]))
    return precision, recall, false_pos, misses
