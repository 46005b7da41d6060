"""Tests of graph_builder.values.ordinals beyond the two reports: masculine, feminine and compound
ordinals 1-99, digits after a numbered noun, and the words that only look like ordinals, on
sentences written for these tests in the registers MDKG reads."""
from __future__ import annotations

import pytest

from graph_builder.values import find_ordinals, parse_ordinal

MASCULINE = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
FEMININE = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
            "العاشرة"]
UNITS_M = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
UNITS_F = ["الحادية", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"]
TENS_NOM = ["العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"]
TENS_OBL = ["العشرين", "الثلاثين", "الأربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين"]


def test_one_to_ten_in_both_genders():
    for n, (m, f) in enumerate(zip(MASCULINE, FEMININE), 1):
        assert parse_ordinal(f"الاجتماع {m} للمنتدى") == n
        assert parse_ordinal(f"الدورة {f} للجنة") == n


def test_eleven_to_nineteen_in_both_genders():
    for n, (m, f) in enumerate(zip(UNITS_M, UNITS_F), 11):
        assert parse_ordinal(f"الاجتماع {m} عشر") == n
        assert parse_ordinal(f"الدورة {f} عشرة") == n


def test_every_compound_from_twenty_to_ninety_nine():
    for tens, (nom, obl) in enumerate(zip(TENS_NOM, TENS_OBL), 2):
        assert parse_ordinal(f"الدورة {nom}") == tens * 10
        assert parse_ordinal(f"في دورتها {obl}") == tens * 10
        for unit, (m, f) in enumerate(zip(UNITS_M, UNITS_F), 1):
            assert parse_ordinal(f"المؤتمر {m} و{nom}") == tens * 10 + unit
            assert parse_ordinal(f"القمة {f} و{obl}") == tens * 10 + unit


@pytest.mark.parametrize("text, found", [
    # Gulf press: the summit's number in words
    ("انطلقت أعمال القمة الخليجية التاسعة والثلاثين في الرياض", [("التاسعة والثلاثين", 39)]),
    # Maghrebi press: a numbered session in digits
    ("افتتحت الدورة 11 للمنتدى العالمي حول الهجرة والتنمية", [("11", 11)]),
    ("في الدورة الـ11 للمنتدى", [("الـ11", 11)]),
    ("النسخة الـ 3 من الملتقى", [("الـ 3", 3)]),
    ("للقمة 29 للاتحاد الأفريقي", [("29", 29)]),
    ("وفي الاجتماع 12 لمسار الرباط", [("12", 12)]),
    # UN report: a session number in words and a heading in words
    ("الدورة الحادية والسبعون للجمعية العامة", [("الحادية والسبعون", 71)]),
    ("الاجتماع الوزاري الحادي عشر والجلسة الثانية عشرة", [("الحادي عشر", 11), ("الثانية عشرة", 12)]),
    # proclitics stay outside the span
    ("وللمرة الثالثة", [("الثالثة", 3)]),
    ("وللثالثة على التوالي", [("لثالثة", 3)]),
    ("بالدورة الرابعة", [("الرابعة", 4)]),
])
def test_find_ordinals_in_sentences(text, found):
    assert [(text[o.start:o.end], o.value) for o in find_ordinals(text)] == found


@pytest.mark.parametrize("text", [
    "الدول الأعضاء الـ132",                  # after a plural noun, الـ132 is a count
    "بحضور 40 دولة",
    "الدورة 2011/2012",                       # a pair of years
    "الدورة 2019 للمنتدى",                    # a year (four digits)
    "في 1 كانون الأول/ديسمبر وتشرين الثاني",   # month names
    "في 12 ربيع الأول 1438",                   # a Hijri month name
    "في جمادى الأولى",
    "15 في المائة",                            # per cent
    "الحادي",                                  # حادي only in a compound
])
def test_not_ordinals(text):
    assert find_ordinals(text) == []


def test_digits_after_the_callers_nouns():
    text = "الجولة 5 من المفاوضات في الدورة 11"
    assert [(o.value, o.digits) for o in find_ordinals(text, numbered_nouns=("الجولة",))] == [(5, True)]
    assert [o.value for o in find_ordinals(text)] == [11]
    assert find_ordinals(text, numbered_nouns=()) == []


@pytest.mark.parametrize("word, value", [("الـ11", 11), ("الـ 3", 3), ("ال11", 11), ("الحادية عشرة", 11)])
def test_parse_ordinal_alone(word, value):
    assert parse_ordinal(word) == value


@pytest.mark.parametrize("word", ["11", "الـ", "الـ0"])
def test_parse_ordinal_alone_rejects(word):
    assert parse_ordinal(word) is None


@pytest.mark.parametrize("text, found", [
    ("وحضر المؤتمر 303 مندوبين، من بينهم 16 وزيرا", []),       # counts after the noun, not ordinals
    ("وشارك في المؤتمر 12 وزيرا", []),
    ("حضر الاجتماع 40 وفدا", []),
    ("الدورة 11 لمؤتمر العمل", [("11", 11)]),
    ("الدورة 11 في جنيف", [("11", 11)]),
    ("القمة 29، التي عقدت", [("29", 29)]),
    ("الدورة 11 والدورة 12", [("11", 11), ("12", 12)]),
    ("الدورة الـ108 مشاركة واسعة", [("الـ108", 108)]),             # the article marks an ordinal
])
def test_digits_after_a_noun_count_what_follows(text, found):
    assert [(text[o.start:o.end], o.value) for o in find_ordinals(text)] == found
