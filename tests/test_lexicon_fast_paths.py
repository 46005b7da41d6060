"""The lexicon's and token patterns' fast paths give what the full walks they replace give.

On the paragraphs of the bundled reports (tokens with the matcher's mentions attached):
``Lexicon.find`` (which visits only the tokens where a wanted class starts) against the walk over
every token; ``Lexicon.is_a`` against the first of ``match_at``'s matches of the class; and every
pattern rule's ``patterns.matches`` (which skips texts lacking a required class or entity kind
and tries only the tokens its first spec can match at) against trying every token.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_facts import real_matcher
from graph_builder.facts import patterns as P
from graph_builder.facts.rules import pattern_rules

from graph_builder.text.tokens import tokenise
from graph_builder.text.word_classes import load

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def texts():
    matcher = real_matcher()
    out = []
    for path in sorted((REPO / "corpus").glob("*.ar.*")):
        paras = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
        for text in paras[::3]:
            out.append(tokenise(text).attach(matcher.find(text)))
    return out


def walk_find(lex, toks, classes, start=0, end=None):
    """The walk ``Lexicon.find`` replaced: every token from ``start``, the first wanted match or one on."""
    end = len(toks.tokens) if end is None else end
    out, i = [], start
    while i < end:
        m = next((m for m in lex.match_at(toks, i) if m.entry.cls in classes and m.j <= end), None)
        if m is not None:
            out.append(m)
            i = m.j
        else:
            i += 1
    return out


def test_find_equals_the_walk(texts):
    lex = load()
    classes = lex.classes()
    compared = found = 0
    for toks in texts[:25]:
        n = len(toks.tokens)
        for k, cls in enumerate(classes):
            wanted = (cls,) if k % 3 else (cls, classes[(k * 7) % len(classes)])
            for start, end in ((0, None), (n // 3, n - n // 4)):
                fresh = tokenise(toks.text).attach(toks.mentions)     # an empty memo: the fast path computes
                got = [(m.i, m.j, m.entry.written) for m in lex.find(fresh, wanted, start, end)]
                ref = [(m.i, m.j, m.entry.written) for m in walk_find(lex, toks, set(wanted), start, end)]
                assert got == ref, (wanted, start, end, toks.text[:80])
                compared += 1
                found += bool(ref)
    assert compared > 500 and found > 50


def test_is_a_is_the_first_match_of_its_class(texts):
    lex = load()
    seen = 0
    for toks in texts[:20]:
        for i in range(len(toks.tokens)):
            for cls in {m.entry.cls for m in lex.match_at(toks, i)}:
                ref = lex.match_at(toks, i, (cls,))[0]
                assert lex.is_a(toks, i, cls) is ref
                seen += 1
            assert lex.is_a(toks, i, "no-such-class-here") is None
    assert seen > 100


def all_starts(pattern, toks, lexicon):
    """``patterns.matches`` as it was: a match tried at every token."""
    c = P._Ctx(toks, lexicon, [])
    out, i, end = [], 0, len(toks.tokens)
    while i < end:
        res = [r for r in P._match(pattern, 0, c, i, toks.tokens[i].sent, {}) if i < r[0] <= end]
        if res:
            j, caps = max(res, key=lambda r: r[0])
            out.append((i, j, sorted(caps)))
            i = j
        else:
            i += 1
    return out


def test_pattern_prefilter_keeps_every_match(texts):
    lex = load()
    rules = [r for r in pattern_rules() if not any("VALUE" in s for s in r.pattern)]
    assert rules
    matched = 0
    for toks in texts:
        for rule in rules:
            pattern = list(rule.pattern)
            got = [(m.start, m.end, sorted(m.captures)) for m in P.matches(pattern, toks, lex)]
            assert got == all_starts(pattern, toks, lex), (rule.id, toks.text[:80])
            matched += len(got)
    written = tokenise("استضافت المغرب المنتدى العالمي في مراكش").attach([])
    assert P._candidate_starts([{"ENT": "state"}], written, lex) == []     # no mention attached: nothing to try
    assert matched > 10          # the rules do match on these paragraphs: the comparison has matches to lose
