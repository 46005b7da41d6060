"""The regex prefilter (graph_builder.text.prefilter) never skips a text its pattern matches.

Checked on patterns written here (alternations, optional and repeated groups, lookarounds,
case-insensitive parts) and on every compiled pattern of the rule and recogniser modules against
the folded paragraphs of the bundled reports: wherever ``pattern.search`` finds a match,
``may_match`` must say it may. Also: a View skips a pattern whose literal is absent and gives the
same matches as a plain scan.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import graph_builder.facts
import graph_builder.recognise
import graph_builder.values
from graph_builder.facts.minting import View
from graph_builder.text.arabic import fold
from graph_builder.text.prefilter import may_match, required_literals

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("pattern, expected", [
    (r"abc", {"abc"}),
    (r"(?<![\w])(?:و|ف)?الاجتماع(?![\w])", {"الاجتماع"}),
    (r"(x|y*)z", {"z"}),
    (r"(?:foo)+bar?", {"foo"}),
    # the parser takes the common ال out of each alternation; the longest required part wins
    (r"(?:المنتدى|القمة) (?:العالمي|الاقليمية)", {"عالمي", "اقليمية"}),
    (r"[ab]+", None),
    (r"a?", None),
    (r"(?i)abc", None),
    (r"(a|)b", {"b"}),
    (r"(?:a|b?)", None),
])
def test_required_literals(pattern, expected):
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_may_match_written_cases():
    rx = re.compile(r"(?<![^\W\d_])(?:ال|بال)?(?:هجره|لجوء)(?![^\W\d_])")
    assert may_match(rx, "قضايا الهجره الدوليه") and rx.search("قضايا الهجره الدوليه")
    assert not may_match(rx, "قضايا التنميه") and not rx.search("قضايا التنميه")
    assert may_match(rx, "بالهجرهات")      # the literal inside a longer word: scanned (the scan says no)
    assert not rx.search("بالهجرهات")


def _module_patterns() -> list[re.Pattern]:
    found = {}
    for pkg in (graph_builder.facts, graph_builder.recognise, graph_builder.values):
        for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
            mod = importlib.import_module(info.name)
            for value in vars(mod).values():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found[id(value)] = value
    return list(found.values())


def _paragraphs() -> list[str]:
    out = []
    for path in sorted((REPO / "corpus").glob("*.ar.*")):
        out += [fold(p) for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def test_never_skips_a_match_of_a_rule_pattern():
    patterns = _module_patterns()
    texts = _paragraphs()
    assert len(patterns) > 100 and len(texts) > 100
    filtered = checked = 0
    for rx in patterns:
        if required_literals(rx) is None:
            continue
        filtered += 1
        for text in texts:
            if rx.search(text):
                checked += 1
                assert may_match(rx, text), (rx.pattern, text[:200])
    assert filtered > 50 and checked > 500       # the test reads many patterns that do match


def test_view_skips_absent_patterns_with_the_same_matches():
    text = "عقد المنتدى العالمي اجتماعه في مانيلا. ثم عقد الاجتماع الثاني في أثينا."
    view = View.of(text)
    present = re.compile(fold("الاجتماع"))
    absent = re.compile(fold("القمة"))
    assert [(s, e) for _, s, e in view.finditer(present)] == \
        [(m.start(), m.end()) for m in re.finditer("الاجتماع", text)]
    assert list(view.finditer(absent)) == []
    assert view._chains[id(absent)].absent and not view._chains[id(present)].absent
