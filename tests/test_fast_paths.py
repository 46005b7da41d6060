"""The build's shared fast paths give exactly what the plain computation they replace gives, on the
real reports and on constructed edge cases: ``View.finditer``'s one scan per pattern against a fresh
scan per span (sentences, spans that start inside a match, patterns that match the empty string)."""
from __future__ import annotations

import re

import pytest

from graph_builder.facts.fact_context import sentences
from graph_builder.facts.minting import View, rx
from graph_builder.facts.process_meetings import BARE_ORDINAL_MEETING, ORDINAL_MEETING, YEAR_FORUM
from graph_builder.text.corpus import read_corpus
from graph_builder.resources import default_corpus


def _fresh(v: View, pattern: re.Pattern, start: int, end: int) -> list[tuple]:
    """What ``View.finditer`` did before it kept its scans: one scan from the span's folded start."""
    out = []
    for m in pattern.finditer(v.folded, v.folded_offset(start)):
        s, e = v.orig(m.start(), m.end())
        if s >= end:
            break
        if s >= start and e <= end:
            out.append((m.span(), m.groups(), s, e))
    return out


def _kept(v: View, pattern: re.Pattern, start: int, end: int) -> list[tuple]:
    return [(m.span(), m.groups(), s, e) for m, s, e in v.finditer(pattern, start, end)]


PATTERNS = [ORDINAL_MEETING, BARE_ORDINAL_MEETING, YEAR_FORUM, rx(r"\d+"), rx(r"المنتدى"), rx(r"(?:في )?عام (\d{4})"),
            rx(r"\w*"), rx(r"(?=\s)|،"), re.compile(r"[^ ]+ [^ ]+ [^ ]+")]


@pytest.fixture(scope="module")
def paragraphs():
    return [p.text for d in read_corpus(default_corpus()) for p in d.paragraphs]


def test_one_scan_per_pattern_equals_a_scan_per_sentence(paragraphs):
    found = 0
    for text in paragraphs:
        v = View.of(text)
        spans = sentences(text) + sentences(text, clauses=False) + [(0, len(text))]
        for pattern in PATTERNS:
            for s, e in spans:
                got = _kept(v, pattern, s, e)
                assert got == _fresh(v, pattern, s, e), (pattern.pattern, text[s:e])
                found += len(got)
    assert found > 1000          # the patterns do match the reports


def test_spans_starting_inside_a_match_and_out_of_order(paragraphs):
    """A rule may ask about any span in any order (a later sentence first, a window inside a word)."""
    three_words = re.compile(r"[^ ]+ [^ ]+ [^ ]+")
    for text in paragraphs[:40]:
        v = View.of(text)
        for start in range(len(text) - 1, -1, -7):          # backwards, starts inside matches
            end = min(len(text), start + 60)
            for pattern in (three_words, YEAR_FORUM, rx(r"\w*")):
                assert _kept(v, pattern, start, end) == _fresh(v, pattern, start, end)


def test_constructed_edge_cases():
    v = View.of("عقد المنتدى العالمي لعام 2008 في مانيلا، وعُقد الاجتماع الثاني للمنتدى في عام 2009.")
    for pattern in PATTERNS:
        for start in range(len(v.text) + 1):
            for end in (start, start + 1, start + 12, len(v.text)):
                assert _kept(v, pattern, start, end) == _fresh(v, pattern, start, end), (pattern.pattern, start, end)
    assert [m.group(2) for m, _, _ in v.finditer(YEAR_FORUM)] == ["2008"]
