"""Resolution numbers in either printed order, paragraphs citing symbols and resolutions (mdkg:cites),
and theme cues from the lexicon class ``theme_cue``: sentences written for MDKG in several registers."""
from __future__ import annotations

import pytest

from gold_facts import real_matcher
from graph_builder.facts.meeting_details import THEME_CUE
from graph_builder.text.arabic import fold
from graph_builder.values import find_resolutions
from graph_builder.recognise.text_entities import CITATION_RULES


@pytest.mark.parametrize("text,symbols", [
    ("واعتمدت الدول إعلان الحوار (القرار ٤/٦٨) بتوافق الآراء.", ["A/RES/68/4"]),          # Arabic order, small number
    ("اعتمدت الجمعية العامة إعلان نيويورك (القرار ١/٧١).", ["A/RES/71/1"]),
    ("وفي قرارها 68/4 رحبت الجمعية بالحوار.", ["A/RES/68/4"]),                             # Western, session first
    ("بموجب القرار ٢٠٨/٦١ قررت الجمعية العامة عقد الحوار.", ["A/RES/61/208"]),
    ("وطلبت الجمعية في القرار 61/208 تقريرا.", ["A/RES/61/208"]),
    ("انظر قراري الجمعية العامة ٢٠٨/٦١ و ٢٧٠/٦٢.", ["A/RES/61/208", "A/RES/62/270"]),
    ("القرار ٩٥/٧٣", ["A/RES/73/95"]),            # both numbers could be recent sessions: Arabic-Indic is number/session
    ("القرار 73/95", ["A/RES/73/95"]),            # … and Western digits session/number
    ("القرار ٧/٦٢", ["A/RES/62/7"]),
])
def test_resolution_session_and_number_in_both_orders(text, symbols):
    assert [r.symbol for r in find_resolutions(text)] == symbols


def test_a_ratio_or_date_is_not_a_resolution():
    assert find_resolutions("بلغت النسبة ٤/٦٨ في المائة في عام ٢٠١٣") == []


@pytest.fixture(scope="module")
def matcher():
    return real_matcher()


def _cited(matcher, text):
    return {m.entity.notations[0] for m in matcher.find(text, ()) if m.rule in CITATION_RULES}


def test_a_paragraph_cites_the_resolution_and_the_report_it_names(matcher):
    text = ("ويستند هذا التقرير إلى القرار ١٩٥/٧٣ وإلى تقرير الأمين العام (A/71/728)، "
            "ويكمل الوثيقة ST/ESA/SER.A/438.")
    assert _cited(matcher, text) == {"A/RES/73/195", "A/71/728", "ST/ESA/SER.A/438"}


def test_no_citation_without_a_symbol_or_a_resolution_number(matcher):
    assert _cited(matcher, "وناقشت الجمعية العامة تقرير الأمين العام عن الهجرة الدولية في عام ٢٠١٣.") == set()


@pytest.mark.parametrize("text,cue", [
    ('عقد الاجتماع في إسطنبول تحت عنوان "تعزيز الشراكات".', "تحت عنوان"),     # UN report
    ('انعقد المنتدى تحت شعار "الهجرة من أجل التنمية".', "تحت شعار"),              # press
    ('وجاء الاجتماع بعنوان "نحو عقد اجتماعي".', "بعنوان"),
    ('الملتقى الموسوم "الهجرة والتنمية في المغرب العربي"', "الموسوم"),        # Maghrebi press
    ('وكان الموضوع الرئيسي للاجتماع "الشراكات".', "الموضوع الرئيسي"),
])
def test_theme_cues_come_from_the_lexicon(text, cue):
    m = THEME_CUE.search(fold(text))
    assert m and fold(cue) in m.group(0)


@pytest.mark.parametrize("text", ['عنوانين رئيسيين للنقاش', 'شعارات مختلفة رفعها المتظاهرون', "العناوين"])
def test_words_that_only_start_like_a_cue_are_not_cues(text):
    assert THEME_CUE.search(fold(text)) is None
