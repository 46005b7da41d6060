"""Extraction quality on the bundled corpus: mention precision/recall against the annotated
paragraphs, and each fact family's precision/recall against its gold file, with timings.

Scoring is the tests' own (``tests/quality_scoring.py`` for mentions, topics and actors,
``tests/gold_facts.score`` for events and commitments), so the figures here are the
figures the tests assert on. ``-v`` also lists the false positives and misses.

    .venv/bin/python bench/quality.py [-v]

It changes nothing and writes no file.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from gold_facts import score as score_ev_com  # noqa: E402
from quality_scoring import score_actors, score_mentions, score_topics  # noqa: E402

from graph_builder.text.corpus import read_corpus  # noqa: E402
from graph_builder.facts import family_modules  # noqa: E402
from graph_builder.facts.fact_context import FactContext  # noqa: E402
from graph_builder.recognise.gazetteer import load_gazetteer  # noqa: E402
from graph_builder.recognise.matcher import Matcher, mentions_in  # noqa: E402
from graph_builder.resources import default_corpus  # noqa: E402

# The gold file and the scored predicates of each family scored by gold_facts: taken from
# that family's own test module, so the figures are the test's.
EV_COM = {"events": "facts_gold_events.json", "commitments": "facts_gold_commitments.json"}


def _ev_com_predicates(family: str) -> set[str]:
    module = importlib.import_module(f"test_facts_{family}")
    return set(module.SCORED)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list false positives and misses")
    args = ap.parse_args(argv)
    gaz = load_gazetteer()
    matcher = Matcher(gaz)
    docs = {d.slug: d for d in read_corpus(default_corpus())}
    t0 = time.perf_counter()
    mentions = {slug: mentions_in(d, matcher) for slug, d in docs.items()}
    t_mentions = time.perf_counter() - t0
    ms = score_mentions(docs, mentions)
    print(f"mentions ({t_mentions:.2f} s for {len(docs)} reports)")
    print("\n".join(ms.lines() if args.verbose else ms.lines()[:3]))
    by_family: dict[str, dict[str, list]] = {}
    timings: dict[str, float] = {}
    for mod in family_modules():
        name = mod.__name__.rsplit(".", 1)[-1]
        t0 = time.perf_counter()
        by_family[name] = {slug: list(mod.extract(FactContext(d, mentions[slug], gaz))) for slug, d in docs.items()}
        timings[name] = time.perf_counter() - t0
    print("\nfacts (time for both reports)")
    for name, facts in by_family.items():
        if name == "topics":
            score = score_topics(facts)
        elif name == "actors":
            score = score_actors(facts)
        else:
            flat = [(slug, f) for slug, fs in facts.items() for f in fs]
            p, r, fp, miss = score_ev_com(flat, EV_COM[name], _ev_com_predicates(name))
            print(f"{name}: precision {p:.3f}, recall {r:.3f}  ({timings[name]:.2f} s)")
            if args.verbose:
                print("  false positives:", fp, "\n  missed:", miss)
            continue
        print(score.line(name) + f"  ({timings[name]:.2f} s)")
        if args.verbose:
            print("  false positives:", score.false_positives, "\n  missed:", score.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
