"""Words a source printed run together are split in the folded form (``text/run_together.py``,
``text/arabic.py``): by rule after a ta marbuta inside a word, and by the known slips of class
``run_together``; the source text is never edited and spans map back to its characters. Sentences
written for these tests in several registers, with what must not be split."""
from __future__ import annotations

import pytest

from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.arabic import fold, normalise
from graph_builder.text.corpus import read_document
from graph_builder.text.run_together import listed, split_run_together
from graph_builder.text.word_classes import LexiconError, load


@pytest.mark.parametrize("text, expected", [
    # UN web page: an organisation's name run into the next organisation's
    ("بمشاركة جامعة الدول العربيةومنظمة العمل الدولية", "بمشاركة جامعة الدول العربية ومنظمة العمل الدولية"),
    # IO press release: an adjective run into a preposition
    ("تبادل الخبرات المتعلقةبحماية العمال المهاجرين", "تبادل الخبرات المتعلقة بحماية العمال المهاجرين"),
    # Levantine press: a capital's nisba run into the city's name, with a case ending on the ta marbuta
    ("في العاصمة اللبنانيةًبيروت", "في العاصمة اللبنانيةً بيروت"),
])
def test_a_ta_marbuta_inside_a_word_ends_it(text, expected):
    assert split_run_together(text) == expected


@pytest.mark.parametrize("text", [
    "تولت رئاستها الدورية وسلمتها إلى المغرب",      # ta marbuta written ت before a pronoun
    "الهجرة، والتنمية. المنظمة",                        # at the end of a word, before punctuation
    "منظمة 2030 ومنظمةIOM",                             # before a digit or a Latin letter
])
def test_nothing_else_is_split(text):
    assert split_run_together(text) == text


def test_listed_run_together_words_are_split_as_whole_words():
    table = listed()
    assert table["كارميلاغودو"] == "كارميلا غودو"
    # Gulf press: a minister's nisba run into his given name
    assert split_run_together("وقال الوزير الجزائريجمال ولد عباس") == "وقال الوزير الجزائري جمال ولد عباس"
    # a longer word that only contains a listed one is left alone
    assert split_run_together("كارميلاغودوس") == "كارميلاغودوس"


def test_a_split_must_keep_the_letters(tmp_path):
    (tmp_path / "slips.toml").write_text(
        '[run_together]\ndoc = "x"\n[run_together.entries]\n"كارميلاغودو" = { split = "كارميلا جودو" }\n',
        encoding="utf-8")
    load.cache_clear()
    try:
        with pytest.raises(LexiconError, match="slips.toml"):
            listed(load(tmp_path))
    finally:
        load.cache_clear()


def test_the_source_text_is_kept_and_the_mentions_point_at_its_characters(tmp_path, matcher):
    raw = ("نظمت جامعة الدول العربيةولجنة الأمم المتحدة الاقتصادية والاجتماعية لغربي آسيا ورشة عمل، "
           "وقالت المديرة الإقليمية كارميلاغودو إن الهجرة فرصة.")
    path = tmp_path / "news.txt"
    path.write_text("منظمات تجتمع\n\n" + raw + "\n", encoding="utf-8")
    doc = read_document(path)
    # the paragraph is exactly what the source printed: no space was inserted into it
    assert [p.text for p in doc.paragraphs] == [raw]
    found = mentions_in(doc, matcher)
    slugs = {m.entity.slug for m in found}
    assert {"las", "escwa"} <= slugs
    for m in found:                   # every span is the source's own characters
        assert m.surface == m.source.text[m.start:m.end]
    las = next(m for m in found if m.entity.slug == "las")
    assert las.surface == "جامعة الدول العربية"
    assert raw[las.end:las.end + 5] == "ولجنة"      # ends between the two letters run together


@pytest.mark.parametrize("text, word, original", [
    # UN web page: the word after the missing space maps to its own letters
    ("بمشاركة جامعة الدول العربيةومنظمة العمل", "ومنظمه", "ومنظمة"),
    # with a case ending on the ta marbuta: the word before keeps its diacritic
    ("في العاصمة اللبنانيةًبيروت اليوم", "اللبنانيه", "اللبنانيةً"),
    # a listed word: both halves map back, and the two together are the word as printed
    ("وقالت المديرة كارميلاغودو إن", "كارميلا غودو", "كارميلاغودو"),
])
def test_the_folded_form_has_the_space_and_maps_to_the_source(text, word, original):
    n = normalise(text)
    assert n.text == fold(text)
    i = n.text.index(word)
    start, end = n.to_original(i, i + len(word))
    assert text[start:end] == original


def test_text_without_a_missing_space_folds_as_before():
    for text in ("تولت رئاستها الدورية وسلمتها إلى المغرب", "منظمة 2030 ومنظمةIOM", "كارميلاغودوس"):
        n = normalise(text)
        assert n.text.count(" ") == text.count(" ")
