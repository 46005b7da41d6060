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


# ---------------------------------------------------------------- the normaliser's bulk paths

from hypothesis import given, settings, strategies as st  # noqa: E402

from graph_builder.text import arabic  # noqa: E402
from graph_builder.text.run_together import split_run_together  # noqa: E402


def _one_char_at_a_time(text: str) -> tuple[str, tuple, tuple]:
    """The normaliser's character loop over the whole text: what ``normalise`` did for every text."""
    out, starts, ends = [], [], []
    arabic._normalise_chars(text, 0, len(text), out, starts, ends, [False])
    return "".join(out), tuple(starts), tuple(ends)


def _check(text: str) -> None:
    arabic.normalise.cache_clear()
    arabic.fold.cache_clear()
    plain = arabic._normalise_plain(text)
    assert (plain.text, plain.starts, plain.ends) == _one_char_at_a_time(text), repr(text)
    # words run together: the folded form is the loop's over the text with the missing spaces put back
    n = arabic.normalise(text)
    assert n.text == _one_char_at_a_time(split_run_together(text))[0], repr(text)
    arabic.normalise.cache_clear()
    assert arabic.fold(text) == n.text, repr(text)


def test_normalise_and_fold_equal_the_character_loop_on_the_reports(paragraphs):
    changed = 0
    for text in paragraphs:
        _check(text)
        changed += arabic.fold(text) != text
    assert changed > 100          # the reports do have letters, digits, marks and spaces to fold


# spaces of several kinds, removed marks (tashkeel, tatweel, bidi controls), letters folded one to one,
# ligatures that expand (ﷺ holds spaces), presentation forms that fold to a space, astral characters
_ALPHABET = list(" \t\n\u00a0\u2009ابتةىأإآؤئ،؛؟٣۴xY-–«»\u064b\u064c\u064e\u0651\u0652\u0640\u200b\u200f\u202b"
                 "\ufdfa\ufdfb\ufe70\ufc5e\ufef7") + ["\U0001F600", "\U00010400"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=24).map("".join))
def test_normalise_and_fold_equal_the_character_loop_on_any_mix(text):
    _check(text)


# ---------------------------------------------------------------- memos of the matcher and the dates

def test_the_matchers_memo_gives_what_a_fresh_matcher_gives(corpus_docs, gazetteer):
    """A document's second matcher pass (short forms resolved to its dominant process) reads the memo
    of the first; a matcher with no memo, asked about every text, gives the same mentions."""
    from graph_builder.recognise.matcher import Matcher, document_sources, mentions_in
    kept, fresh = Matcher(gazetteer), Matcher(gazetteer)
    for doc in corpus_docs:
        memo: dict = {}
        sources = [s for s in document_sources(doc) if s[1]]
        counts: dict = {}
        for _, text, _ in sources:
            for m in kept.find(text, (), {}, memo):
                counts[m.entity] = counts.get(m.entity, 0) + 1
        fallback = kept.dominant(counts)
        assert fallback                     # both reports are about a process named often enough
        assert len(memo) > 50
        for _, text, _ in sources:
            assert kept.find(text, (), fallback, memo) == fresh.find(text, (), fallback)
        assert mentions_in(doc, kept) == mentions_in(doc, Matcher(gazetteer))


def test_fuzzy_readings_are_memoised_per_word_and_placed_at_each_offset(matcher):
    """الفليبن (الفلبين with two letters swapped: a slip no gazetteer entry lists) reads as the Philippines
    wherever it stands, after a conjunction too; the memo keeps the reading, not the offsets."""
    a, b = matcher._fuzzy_word("الفليبن", 0), matcher._fuzzy_word("الفليبن", 40)
    assert a.entity.slug == "PHL" and (a.start, a.end, b.start, b.end) == (0, 7, 40, 47)
    c = matcher._fuzzy_word("والفليبن", 7)
    assert (c.start, c.end, c.entity) == (8, 15, a.entity)
    assert "الفليبن" in matcher._fuzzy_memo
    assert matcher._fuzzy_word("المنظمة", 3) is None


def test_find_dates_gives_a_new_list_of_the_same_dates_each_time():
    from graph_builder.values import find_dates
    from graph_builder.values.dates import _find_dates
    text = "عقد الاجتماع في 12 آذار/مارس 2009 ثم في 3 و4 تشرين الأول/أكتوبر من العام نفسه"
    first = find_dates(text)
    first.clear()
    again = find_dates(text)
    assert again == _find_dates(text) and len(again) == 2 and again is not find_dates(text)
    with pytest.raises(TypeError, match="anchor must be a datetime.date"):
        find_dates(text, anchor=["2009"])
