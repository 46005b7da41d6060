"""Tests of graph_builder.values.amounts and .numbers beyond the two reports: the decimal comma,
UN بليون and press مليار, currencies of every region in words and symbols to ISO 4217, ranges
and qualifiers, on sentences written for these tests in the registers MDKG reads."""
from __future__ import annotations

from decimal import Decimal

import pytest

from graph_builder.values import find_amounts, find_ints, parse_amount, parse_int


def amounts(text: str) -> list[tuple]:
    return [(text[a.start:a.end], a.value, a.currency, a.end_value, a.qualifier) for a in find_amounts(text)]


@pytest.mark.parametrize("text, surface, value, currency", [
    # Maghrebi press: decimal comma, أورو
    ("خصص الاتحاد الأوروبي 1,8 مليار أورو لدعم الهجرة", "1,8 مليار أورو", Decimal(1_800_000_000), "EUR"),
    ("بغلاف مالي قدره 2,45 مليون درهم مغربي", "2,45 مليون درهم مغربي", Decimal(2_450_000), "MAD"),
    ("ميزانية 1,5 مليون دينار تونسي", "1,5 مليون دينار تونسي", Decimal(1_500_000), "TND"),
    ("رصدت الجزائر 300 مليون دينار جزائري", "300 مليون دينار جزائري", Decimal(300_000_000), "DZD"),
    # UN report: بليون, دولارات الولايات المتحدة
    ("بلغت التحويلات 441 بليون دولار من دولارات الولايات المتحدة", "441 بليون دولار من دولارات الولايات المتحدة",
     Decimal(441_000_000_000), "USD"),
    ("بلغت التحويلات ٤٤١ بليون دولار", "٤٤١ بليون دولار", Decimal(441_000_000_000), "USD"),
    # Gulf press
    ("تبرعت المملكة بمبلغ 50 مليون ريال سعودي", "50 مليون ريال سعودي", Decimal(50_000_000), "SAR"),
    ("منحة قدرها 10 ملايين ريال قطري", "10 ملايين ريال قطري", Decimal(10_000_000), "QAR"),
    ("بقيمة 3 ملايين دينار كويتي", "3 ملايين دينار كويتي", Decimal(3_000_000), "KWD"),
    ("بقيمة 200 ألف دينار بحريني", "200 ألف دينار بحريني", Decimal(200_000), "BHD"),
    ("تكلفة 5 ملايين درهم إماراتي", "5 ملايين درهم إماراتي", Decimal(5_000_000), "AED"),
    ("بقيمة 4 ملايين ريال عماني", "4 ملايين ريال عماني", Decimal(4_000_000), "OMR"),
    # Egyptian and Levantine press
    ("خصصت الحكومة 20 مليار جنيه مصري", "20 مليار جنيه مصري", Decimal(20_000_000_000), "EGP"),
    ("بقيمة 750 ألف دينار أردني", "750 ألف دينار أردني", Decimal(750_000), "JOD"),
    ("بقيمة 5 مليارات ليرة لبنانية", "5 مليارات ليرة لبنانية", Decimal(5_000_000_000), "LBP"),
    ("خسائر بقيمة 100 مليون دولار أميركي", "100 مليون دولار أميركي", Decimal(100_000_000), "USD"),
    # IOM/ILO press release
    ("أطلقت المنظمة نداء بقيمة 25 مليون فرنك سويسري", "25 مليون فرنك سويسري", Decimal(25_000_000), "CHF"),
    ("بدعم من الاتحاد الأوروبي قدره 15 مليون يورو", "15 مليون يورو", Decimal(15_000_000), "EUR"),
    ("نداء بقيمة €2,5 million", "€2,5 million", Decimal(2_500_000), "EUR"),
    ("بقيمة 12 مليون جنيه إسترليني", "12 مليون جنيه إسترليني", Decimal(12_000_000), "GBP"),
    ("بقيمة 40 مليار يوان", "40 مليار يوان", Decimal(40_000_000_000), "CNY"),
    # a currency that names no one currency
    ("بقيمة 10 آلاف دينار", "10 آلاف دينار", Decimal(10_000), None),
    ("بقيمة 10 آلاف ريال", "10 آلاف ريال", Decimal(10_000), None),
    ("بقيمة 10 آلاف درهم", "10 آلاف درهم", Decimal(10_000), None),
])
def test_currencies_of_every_region(text, surface, value, currency):
    assert amounts(text) == [(surface, value, currency, None, None)]


@pytest.mark.parametrize("text, surface, value, end_value", [
    ("تتراوح الكلفة من 5 إلى 10 ملايين يورو", "5 إلى 10 ملايين يورو", Decimal(5_000_000), Decimal(10_000_000)),
    ("بين 2 و 3 مليارات دولار", "2 و 3 مليارات دولار", Decimal(2_000_000_000), Decimal(3_000_000_000)),
    ("ما بين 200 و300 مليون درهم مغربي", "200 و300 مليون درهم مغربي", Decimal(200_000_000), Decimal(300_000_000)),
    ("يحتاج 2-3 مليارات دولار", "2-3 مليارات دولار", Decimal(2_000_000_000), Decimal(3_000_000_000)),
    ("من 500 ألف إلى مليون"  " دولار", "500 ألف إلى مليون دولار", None, None),   # a lone scale ends no range
])
def test_amount_ranges(text, surface, value, end_value):
    found = find_amounts(text)
    if value is None:
        assert all(a.end_value is None for a in found)
        return
    assert [(text[a.start:a.end], a.value, a.end_value) for a in found] == [(surface, value, end_value)]


def test_and_without_between_is_no_range():
    text = "قدمت فرنسا 2 و 3 ملايين دولار"
    assert amounts(text) == [("3 ملايين دولار", Decimal(3_000_000), "USD", None, None)]


@pytest.mark.parametrize("text, surface, qualifier", [
    ("قدرت الكلفة بنحو 20 مليون دولار", "20 مليون دولار", "about"),
    ("حوالي 1,2 مليار أورو", "1,2 مليار أورو", "about"),
    ("ما يقارب 500 ألف دينار", "500 ألف دينار", "about"),
    ("تكلف 7 مليارات دولار تقريبا", "7 مليارات دولار", "about"),
    ("أكثر من 300 مليون فرنك سويسري", "300 مليون فرنك سويسري", "more-than"),
    ("أزيد من 40 مليون درهم مغربي", "40 مليون درهم مغربي", "more-than"),
    ("ما لا يقل عن 100 مليون يورو", "100 مليون يورو", "at-least"),
    ("أقل من 10 ملايين دولار", "10 ملايين دولار", "less-than"),
    ("ما يصل إلى 5 ملايين يورو", "5 ملايين يورو", "up-to"),
])
def test_amount_qualifiers_stay_outside_the_span(text, surface, qualifier):
    a = parse_amount(text)
    assert (text[a.start:a.end], a.qualifier) == (surface, qualifier)


@pytest.mark.parametrize("text", [
    "200 ين",                        # ين alone is too short a word to be a currency
    "فاز بـ 3,4 نقاط",               # a decimal comma without a currency
    "بلغ عدد المهاجرين 1,8 مليون",   # a scaled count
    "قرار الدورة 11 للمجلس",
])
def test_not_amounts(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize("text, value, qualifier", [
    ("شارك نحو 200 مندوب", 200, "about"),
    ("بحضور أكثر من 40 دولة", 40, "more-than"),
    ("بمشاركة زهاء 150 خبيرا", 150, "about"),
    ("بلغ عدد الواصلين 3000 على الأقل", 3000, "at-least"),
    ("وقعت 164 دولة", 164, None),
    ("1,8 مليون لاجئ", 1_800_000, None),
    ("٢٫٥ مليون مهاجر", 2_500_000, None),
])
def test_counts_keep_their_qualifier(text, value, qualifier):
    found = find_ints(text)
    assert [(m.value, m.qualifier) for m in found] == [(value, qualifier)]


@pytest.mark.parametrize("text, value", [
    ("1,500", 1500),               # three digits after the comma: a thousands group
    ("12,345,678", 12_345_678),
    ("1,25 مليون", 1_250_000),
])
def test_decimal_comma_only_before_one_or_two_digits(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("text, found", [
    # press: counts of states, delegations and experts in words
    ("بمشاركة خمسين دولة وثلاثة وفود", [("خمسين", 50), ("ثلاثة", 3)]),
    ("حضر خمسة وعشرون خبيرا", [("خمسة وعشرون", 25)]),
    ("وقعت عليه مائة وخمسون دولة", [("مائة وخمسون", 150)]),
    ("شارك فيه مئتا مندوب", [("مئتا", 200)]),
    ("اثنتي عشرة دولة", [("اثنتي عشرة", 12)]),
    ("ثلاث عشرة منظمة", [("ثلاث عشرة", 13)]),
    ("وصل ثلاثة آلاف مهاجر", [("ثلاثة آلاف", 3000)]),
    ("نحو خمسمائة ألف لاجئ", [("خمسمائة ألف", 500_000)]),
    ("بحضور 40 دولة وسبع منظمات", [("40", 40), ("سبع", 7)]),
])
def test_cardinals_in_words(text, found):
    assert [(text[m.start:m.end], m.value) for m in find_ints(text, words=True)] == found
    assert all(m.spelled == (not text[m.start].isdigit()) for m in find_ints(text, words=True))


@pytest.mark.parametrize("text", [
    "الدورة الحادية عشرة",          # the ordinal holds عشرة
    "الاجتماع الثاني عشر",
    "15 في المائة",                  # per cent: only the digits are a number
    "يوم الثلاثاء",                  # a weekday
    "الجولة الخمسين",                # an ordinal with the article
    "عشرات المهاجرين ومئات الأسر",   # vague plurals
    "ألف - الإطار العام",            # ألف as a section label
])
def test_words_that_are_not_cardinals(text):
    assert [m for m in find_ints(text, words=True) if m.spelled] == []


def test_cardinals_in_words_only_when_asked():
    assert find_ints("خمسين دولة") == []
    assert parse_int("خمسين دولة", words=True) == 50


@pytest.mark.parametrize("regional, dirham, riyal", [
    (None, None, None), ("AED", "AED", None), ("MAD", "MAD", None), ("SAR", None, "SAR"), ("EUR", None, None),
])
def test_a_bare_currency_noun_reads_as_the_regional_currency(regional, dirham, riyal):
    text = "بلغت التحويلات نحو 150 مليار درهم و 5 آلاف ريال و 3 ملايين دولار"
    assert [a.currency for a in find_amounts(text, regional=regional)] == [dirham, riyal, "USD"]
    assert parse_amount("500 درهم مغربي", regional="AED").currency == "MAD"   # written beats regional


@pytest.mark.parametrize("text, surface, value, currency", [
    ("مساهمة بلغت نصف مليون دولار أمريكي", "نصف مليون دولار أمريكي", Decimal(500_000), "USD"),
    ("قدمت مساهمة بلغت ربع مليون دولار أمريكي", "ربع مليون دولار أمريكي", Decimal(250_000), "USD"),
    ("و8 مليارات دولار ومليارا دولار", "مليارا دولار", Decimal(2_000_000_000), "USD"),
    ("بلغت التعهدات 5ر2 مليار دولار", "5ر2 مليار دولار", Decimal(2_500_000_000), "USD"),   # Gulf decimal mark
    ("بقيمة 8ر3 مليار دولار", "8ر3 مليار دولار", Decimal(3_800_000_000), "USD"),
])
def test_fractions_duals_and_the_gulf_decimal_mark(text, surface, value, currency):
    a = find_amounts(text)[-1]
    assert (text[a.start:a.end], a.value, a.currency) == (surface, value, currency)


@pytest.mark.parametrize("text, values", [
    ("بمشاركة /21 دولة منها / 11 / دولة مستقبلة و/ 10 / دول مصدرة", [21, 11, 10]),   # Gulf agency slashes
    ("بمشاركة /15/ دولة", [15]),
    ("A/63/150 و 12/05/2008", []),
    ("سبع (7) من الدول", [7]),
])
def test_numbers_between_slashes_and_brackets(text, values):
    assert [m.value for m in find_ints(text) if not m.spelled] == values


def test_a_fraction_of_a_scale_is_a_count():
    assert [(m.value, m.spelled) for m in find_ints("يستضيف نصف مليون لاجئ", words=True)] == [(500_000, True)]


@pytest.mark.parametrize("text, surface, value", [
    ("بلغت التحويلات مليار و200 مليون دولار", "مليار و200 مليون دولار", Decimal(1_200_000_000)),
    ("نحو 3 مليارات و500 مليون دولار أمريكي", "3 مليارات و500 مليون دولار أمريكي", Decimal(3_500_000_000)),
    ("رصد 2 مليون و 750 ألف درهم مغربي", "2 مليون و 750 ألف درهم مغربي", Decimal(2_750_000)),
])
def test_compound_amounts(text, surface, value):
    assert [(text[a.start:a.end], a.value) for a in find_amounts(text)] == [(surface, value)]


def test_a_smaller_scale_first_is_no_compound():
    text = "5 ملايين و3 مليارات دولار"
    assert [(text[a.start:a.end], a.value) for a in find_amounts(text)] == [("3 مليارات دولار", Decimal(3_000_000_000))]


# ---- a sum written in words (institutional pages: تقدم بموجبها المملكة مساهمة قدرها خمسة ملايين دولار)

@pytest.mark.parametrize("text, surface, value, currency", [
    # UN news page
    ("تقدم بموجبها الحكومة مساهمة بقيمة إجمالية قدرها خمسة ملايين دولار أمريكي للنازحين",
     "خمسة ملايين دولار أمريكي", Decimal(5_000_000), "USD"),
    # IO release
    ("خصص الصندوق منحة قدرها ثلاثة ملايين يورو للمشروع", "ثلاثة ملايين يورو", Decimal(3_000_000), "EUR"),
    # ministry page: a hundred-led cardinal with its scale
    ("بلغت قيمة المنحة مائة وخمسون ألف فرنك سويسري", "مائة وخمسون ألف فرنك سويسري", Decimal(150_000), "CHF"),
    # NGO page: a teen and a plural scale
    ("تلقت الجمعية تبرعات بلغت عشرة آلاف دولار", "عشرة آلاف دولار", Decimal(10_000), "USD"),
])
def test_a_sum_written_in_words(text, surface, value, currency):
    found = amounts(text)
    assert [(f[0], f[1], f[2]) for f in found] == [(surface, value, currency)]


@pytest.mark.parametrize("text", [
    "شارك في الورشة خمسة وعشرون مشاركا على مدى ثلاثة أيام",      # counts, no currency
    "في الدورة الحادية عشرة دولار",                               # an ordinal holds the word عشرة
])
def test_a_cardinal_in_words_without_a_currency_is_no_sum(text):
    assert amounts(text) == []
