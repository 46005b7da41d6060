"""Words a source printed run together are split when the source is read (``text/run_together.py``):
by rule after a ta marbuta inside a word, and by the known slips of class ``run_together``. Sentences
written for these tests in several registers, with what must not be split."""
from __future__ import annotations

import pytest

from graph_builder.recognise.matcher import mentions_in
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


def test_the_reader_splits_before_mentions(tmp_path, matcher):
    path = tmp_path / "news.txt"
    path.write_text("منظمات تجتمع\n\n"
                    "نظمت جامعة الدول العربيةومنظمة العمل الدولية ورشة عمل، وقالت المديرة الإقليمية "
                    "كارميلاغودو إن الهجرة فرصة.\n", encoding="utf-8")
    doc = read_document(path)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "العربية ومنظمة" in text and "كارميلا غودو" in text
    slugs = {m.entity.slug for m in mentions_in(doc, matcher)}
    assert {"las", "ilo"} <= slugs
