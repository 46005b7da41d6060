"""Tests of graph_builder.values.dates beyond the two reports: month names of every regional
system, numeric dates, day ranges, marked years, Hijri dates, and relative and year-less dates
resolved against an anchor. The sentences are written for these tests in the registers MDKG
reads (UN report, GFMD summary, IOM press release, Maghrebi, Gulf, Egyptian and Levantine
press); none is copied from a third-party text."""
from __future__ import annotations

from datetime import date

import pytest

from graph_builder.values import DateMatch, find_dates, parse_date
from graph_builder.values.dates import HIJRI_MONTHS, MONTHS


def found(text: str, **kw) -> list[tuple[str, date | None, date | None, str]]:
    return [(text[d.start:d.end], d.start_date, d.end_date, d.precision) for d in find_dates(text, **kw)]


# ---------------------------------------------------------------------------------------
# Month names of every regional system

LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EGYPTIAN_GULF = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                 "أكتوبر", "نوفمبر", "ديسمبر"]
MOROCCAN = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
            "نونبر", "دجنبر"]
ALGERIAN_TUNISIAN = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
                     "أكتوبر", "نوفمبر", "ديسمبر"]


@pytest.mark.parametrize("system", [LEVANTINE, EGYPTIAN_GULF, MOROCCAN, ALGERIAN_TUNISIAN],
                         ids=["levantine", "egyptian-gulf", "moroccan", "algerian-tunisian"])
def test_every_month_of_every_system_with_day_and_year(system):
    for number, name in enumerate(system, 1):
        text = f"وانعقد اللقاء يوم 14 {name} 2016 بحضور الوزراء"
        d = parse_date(text)
        assert (text[d.start:d.end], d.start_date, d.precision) == (f"14 {name} 2016", date(2016, number, 14), "day")


@pytest.mark.parametrize("text, surface, day", [
    ("في 3 أبريل 2016", "3 أبريل 2016", date(2016, 4, 3)),
    ("في 3 إبريل 2016", "3 إبريل 2016", date(2016, 4, 3)),
    ("في 9 يونيه 2016", "9 يونيه 2016", date(2016, 6, 9)),
    ("في 9 يوليه 2016", "9 يوليه 2016", date(2016, 7, 9)),
    ("في ٣ أفريل ٢٠١٦", "٣ أفريل ٢٠١٦", date(2016, 4, 3)),               # Arabic-Indic digits
    ("في ۳ جوان ۲۰۱۶", "۳ جوان ۲۰۱۶", date(2016, 6, 3)),                  # Persian digits
])
def test_spelling_variants_and_digit_systems(text, surface, day):
    assert found(text) == [(surface, day, day, "day")]


@pytest.mark.parametrize("text, surface, month", [
    # UN doubled months, either order, with or without spaces round the slash
    ("وعقد الحوار في تشرين الأول/أكتوبر 2013 في نيويورك", "تشرين الأول/أكتوبر 2013", 10),
    ("خلال أكتوبر/تشرين الأول 2013", "أكتوبر/تشرين الأول 2013", 10),
    ("في تموز/ يوليه 2014", "تموز/ يوليه 2014", 7),
    # the Levantine names alone, with the clitics و and ب glued to them
    ("وفي حزيران 2015 أطلقت الحكومة خطتها", "حزيران 2015", 6),
    ("بدأ العمل بآذار 2015", "آذار 2015", 3),
    ("ونيسان 2015 شهد الاجتماع", "نيسان 2015", 4),
    # a month named with شهر
    ("خلال شهر غشت 2018 استقبلت المملكة", "غشت 2018", 8),
    ("في شهر جويلية 2017", "جويلية 2017", 7),
])
def test_month_forms(text, surface, month):
    d = parse_date(text)
    assert (text[d.start:d.end], d.month, d.precision, d.datatype, d.partial) == (surface, month, "month", "gYearMonth", True)


@pytest.mark.parametrize("text", [
    "مارس الوزراء ضغوطا على الحكومات",      # مارس the verb
    "وقال إن ماي قد تتأخر",                 # ماي alone
    "رواية جوان الأخيرة",                   # جوان alone (also a name)
    "تموز/أغسطس 2016",                       # the pair disagrees
    "31 جوان 2016",                          # no 31 June
    "30 فيفري 2016",                         # no 30 February
])
def test_month_names_that_are_not_dates(text):
    assert find_dates(text) == []


def test_month_names_never_conflict_across_systems():
    assert MONTHS["يناير"] == 1 and MONTHS["جانفي"] == 1 and MONTHS["كانون الثاني"] == 1
    assert MONTHS["اب"] == 8 and MONTHS["اوت"] == 8 and MONTHS["غشت"] == 8 and MONTHS["اغسطس"] == 8
    assert MONTHS["ماي"] == 5 and MONTHS["مايو"] == 5 and MONTHS["ايار"] == 5
    assert "رمضان" in HIJRI_MONTHS and "رمضان" not in MONTHS


# ---------------------------------------------------------------------------------------
# The first day, numeric dates, day ranges, years with a bracket or a calendar marker

@pytest.mark.parametrize("text, surface, start, end", [
    ("تخلد المملكة في فاتح ماي 2017 عيد الشغل", "فاتح ماي 2017", date(2017, 5, 1), date(2017, 5, 1)),
    ("ابتداء من الفاتح من يناير 2018", "الفاتح من يناير 2018", date(2018, 1, 1), date(2018, 1, 1)),
    ("دخل القانون حيز التنفيذ في فاتح شهر أكتوبر 2016", "فاتح شهر أكتوبر 2016", date(2016, 10, 1), date(2016, 10, 1)),
    # numeric dates, day first, and ISO order
    ("وقعت الاتفاقية بتاريخ 18/10/2015 في الدوحة", "18/10/2015", date(2015, 10, 18), date(2015, 10, 18)),
    ("نشر البيان في 10.12.2016", "10.12.2016", date(2016, 12, 10), date(2016, 12, 10)),
    ("آخر تحديث: 2016-12-10", "2016-12-10", date(2016, 12, 10), date(2016, 12, 10)),
    ("بتاريخ ١٨/١٠/٢٠١٥م", "١٨/١٠/٢٠١٥م", date(2015, 10, 18), date(2015, 10, 18)),
    # day ranges in every writer's form
    ("تنعقد الدورة في الفترة 14-16 أكتوبر 2019 بمراكش", "14-16 أكتوبر 2019", date(2019, 10, 14), date(2019, 10, 16)),
    ("من 28 إلى 30 يونيو 2016 في القاهرة", "28 إلى 30 يونيو 2016", date(2016, 6, 28), date(2016, 6, 30)),
    ("في الفترة ما بين 2 و 5 نونبر 2017", "2 و 5 نونبر 2017", date(2017, 11, 2), date(2017, 11, 5)),
    ("بين 2 و5 أيار/مايو 2017", "2 و5 أيار/مايو 2017", date(2017, 5, 2), date(2017, 5, 5)),
    ("من 30 نونبر إلى 2 دجنبر 2018", "30 نونبر إلى 2 دجنبر 2018", date(2018, 11, 30), date(2018, 12, 2)),
    ("ما بين 28 جوان و 2 جويلية 2016", "28 جوان و 2 جويلية 2016", date(2016, 6, 28), date(2016, 7, 2)),
    ("في 28 من شهر يونيو 2016", "28 من شهر يونيو 2016", date(2016, 6, 28), date(2016, 6, 28)),
])
def test_first_day_numeric_and_range_forms(text, surface, start, end):
    assert found(text) == [(surface, start, end, "day")]


def test_day_range_between_lists_every_day():
    d = parse_date("بين 2 و 5 نونبر 2017")
    assert d.days == (2, 3, 4, 5) and d.is_range


def test_two_dates_in_different_months_listed_share_the_year():
    text = "زار الوفد الرباط في 28 يونيو و 2 يوليوز 2016"
    assert found(text) == [("28 يونيو", date(2016, 6, 28), date(2016, 6, 28), "day"),
                           ("2 يوليوز 2016", date(2016, 7, 2), date(2016, 7, 2), "day")]


@pytest.mark.parametrize("text, surface, year", [
    ("اعتمد الإعلان الوزاري (2014) خطة عمل", "2014", 2014),
    ("تقرير التنمية البشرية ( 2009 )", "2009", 2009),
    ("صدر القانون سنة 2009م", "2009م", 2009),
    ("أنشئ المرصد عام 2009 ميلادية", "2009 ميلادية", 2009),
    ("صدر في 2011م وعدل لاحقا", "2011م", 2011),
])
def test_years_in_brackets_and_with_a_marker(text, surface, year):
    d = parse_date(text)
    assert (text[d.start:d.end], d.year, d.precision, d.lexical, d.datatype, d.partial) == \
        (surface, year, "year", str(year), "gYear", True)


@pytest.mark.parametrize("text", [
    "12/13/2015",                   # month first (US order) is not read
    "31/06/2016",                   # no such day
    "الدورة 11/12 للجنة",
    "E/CN.9/2009/3",
    "A/RES/61/208",
    "بلغ عدد المهاجرين 2009 مهاجرين",  # a number is not a year
    "(2009 مهاجر)",
    "الساعة 10:12:2016",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


# ---------------------------------------------------------------------------------------
# Hijri dates: recognised, converted (Umm al-Qura), never read as Gregorian

def test_hijri_date_beside_its_gregorian_equivalent():
    text = "وعقد المنتدى يوم الأربعاء 3 رمضان 1437 هـ الموافق 8 يونيو 2016 م في الرياض"
    hijri, greg = find_dates(text)
    assert text[hijri.start:hijri.end] == "3 رمضان 1437 هـ"
    assert (hijri.calendar, hijri.hijri, hijri.start_date) == ("hijri", (1437, 9, 3), date(2016, 6, 8))
    assert text[greg.start:greg.end] == "8 يونيو 2016 م"
    assert (greg.calendar, greg.hijri, greg.start_date) == ("gregorian", None, date(2016, 6, 8))


@pytest.mark.parametrize("text, surface, hijri, start, end", [
    ("في 15 شعبان 1440هـ", "15 شعبان 1440هـ", (1440, 8, 15), date(2019, 4, 20), date(2019, 4, 20)),
    ("خلال ذي الحجة 1439 هـ", "ذي الحجة 1439 هـ", (1439, 12, None), date(2018, 8, 12), date(2018, 9, 10)),
    ("صدر المرسوم عام 1437 هـ", "1437 هـ", (1437, None, None), date(2015, 10, 14), date(2016, 10, 1)),
    ("في 1 ربيع الأول 1438 للهجرة", "1 ربيع الأول 1438 للهجرة", (1438, 3, 1), date(2016, 11, 30), date(2016, 11, 30)),
])
def test_hijri_forms(text, surface, hijri, start, end):
    d = parse_date(text)
    assert (text[d.start:d.end], d.calendar, d.hijri, d.start_date, d.end_date) == (surface, "hijri", hijri, start, end)


@pytest.mark.parametrize("text, surface", [
    ("الرياض 3/9/1437هـ الموافق 8/6/2016م", "3/9/1437هـ"),
    ("صدر بتاريخ 1437/09/03 هـ", "1437/09/03 هـ"),
])
def test_numeric_hijri_dates_need_their_marker(text, surface):
    d = parse_date(text)
    assert (text[d.start:d.end], d.calendar, d.hijri, d.start_date) == (surface, "hijri", (1437, 9, 3), date(2016, 6, 8))
    assert find_dates(text.replace("هـ", "")) == [] or all(
        x.calendar == "gregorian" and x.year == 2016 for x in find_dates(text.replace("هـ", "")))


def test_a_hijri_year_is_never_a_gregorian_year():
    for text in ("عام 1437 هـ", "سنة 1437", "في 3 رمضان 1437"):
        assert all(d.calendar == "hijri" or d.year != 1437 for d in find_dates(text))
    assert find_dates("سنة 1437") == []
    assert find_dates("صام رمضان وحج") == []                      # a Hijri month alone


def test_hijri_day_without_year_takes_the_anchor_hijri_year():
    d = parse_date("في 5 شوال", anchor=date(2016, 6, 8))           # 8 June 2016 = 3 Ramadan 1437
    assert (d.hijri, d.start_date, d.year_inferred) == ((1437, 10, 5), date(2016, 7, 10), True)
    d = parse_date("في 5 شوال")
    assert (d.calendar, d.hijri, d.start_date) == ("hijri", (None, 10, 5), None)


# ---------------------------------------------------------------------------------------
# Relative and year-less dates against the document's date (the anchor)

FRIDAY = date(2016, 3, 4)          # an IOM release dated Friday 4 March 2016
TUESDAY = date(2018, 12, 11)       # a Moroccan daily dated Tuesday 11 December 2018


@pytest.mark.parametrize("text, anchor, surface, day", [
    ("أعلنت المنظمة الدولية للهجرة اليوم الجمعة أن عدد الوافدين", FRIDAY, "اليوم الجمعة", FRIDAY),
    ("اختتمت أمس الخميس في جنيف أشغال الاجتماع", FRIDAY, "أمس الخميس", date(2016, 3, 3)),
    ("انطلقت أمس الاثنين بمراكش أشغال المؤتمر", TUESDAY, "أمس الاثنين", date(2018, 12, 10)),
    ("وصل الوزراء يوم أمس", FRIDAY, "أمس", date(2016, 3, 3)),
    ("انطلقت صباح اليوم أعمال القمة", FRIDAY, "اليوم", FRIDAY),
    ("ويختتم غدا السبت", FRIDAY, "غدا السبت", date(2016, 3, 5)),
    ("كما عقدت أول أمس جلسة", FRIDAY, "أول أمس", date(2016, 3, 2)),
    ("التقى الوزير الأربعاء الماضي نظيره", FRIDAY, "الأربعاء الماضي", date(2016, 3, 2)),
    ("وسيعقد الاجتماع الأحد المقبل", FRIDAY, "الأحد المقبل", date(2016, 3, 6)),
    ("التقى الوفد الجمعة الماضي", FRIDAY, "الجمعة الماضي", date(2016, 2, 26)),
    ("زارت البعثة المخيم الخميس الفائت", FRIDAY, "الخميس الفائت", date(2016, 3, 3)),
    # publication one day after the dateline: the weekday wins over the arithmetic
    ("انطلقت أمس الأحد بالرباط", TUESDAY, "أمس الأحد", date(2018, 12, 9)),
])
def test_relative_days(text, anchor, surface, day):
    d = [d for d in find_dates(text, anchor=anchor) if d.relative][0]
    assert (text[d.start:d.end], d.start_date, d.precision, d.relative) == (surface, day, "day", True)


@pytest.mark.parametrize("text, anchor, surface, start, end", [
    ("وكانت أيام المجتمع المدني قد عقدت يومي الاثنين والثلاثاء الماضيين", date(2009, 11, 5),
     "الاثنين والثلاثاء الماضيين", date(2009, 11, 2), date(2009, 11, 3)),
    ("وتعقد الورشة يومي الأربعاء والخميس المقبلين", date(2009, 11, 5),
     "الأربعاء والخميس المقبلين", date(2009, 11, 11), date(2009, 11, 12)),
    ("يومي السبت والأحد الماضيين", date(2016, 3, 1), "السبت والأحد الماضيين", date(2016, 2, 27), date(2016, 2, 28)),
])
def test_two_weekdays_with_one_direction(text, anchor, surface, start, end):
    d = parse_date(text, anchor=anchor)
    assert (text[d.start:d.end], d.start_date, d.end_date, d.relative) == (surface, start, end, True)


@pytest.mark.parametrize("text, direction, day", [
    ("وعقد الاجتماع يوم الأحد", "past", date(2016, 2, 28)),
    ("وسيعقد الاجتماع يوم الأحد", "future", date(2016, 3, 6)),
    ("يوم الخميس", None, date(2016, 3, 3)),                       # nearest
    ("يوم الجمعة", "past", FRIDAY),                               # the anchor's own day
])
def test_bare_weekday_follows_the_direction(text, direction, day):
    d = parse_date(text, anchor=FRIDAY, direction=direction)
    assert (d.start_date, d.relative) == (day, True)


@pytest.mark.parametrize("text, surface, precision, start, end", [
    ("منذ بداية الشهر الجاري وصل أكثر من ألف مهاجر", "الشهر الجاري", "month", date(2018, 12, 1), date(2018, 12, 31)),
    ("خلال الشهر الماضي", "الشهر الماضي", "month", date(2018, 11, 1), date(2018, 11, 30)),
    ("في الشهر المقبل", "الشهر المقبل", "month", date(2019, 1, 1), date(2019, 1, 31)),
    ("وفي العام الماضي", "العام الماضي", "year", date(2017, 1, 1), date(2017, 12, 31)),
    ("خلال السنة المنصرمة", "السنة المنصرمة", "year", date(2017, 1, 1), date(2017, 12, 31)),
    ("للعام المقبل", "لعام المقبل", "year", date(2019, 1, 1), date(2019, 12, 31)),
    ("هذا العام", "هذا العام", "year", date(2018, 1, 1), date(2018, 12, 31)),
    ("خلال الأسبوع المقبل", "الأسبوع المقبل", "week", date(2018, 12, 15), date(2018, 12, 21)),
    ("الأسبوع الماضي", "الأسبوع الماضي", "week", date(2018, 12, 1), date(2018, 12, 7)),
])
def test_relative_periods(text, surface, precision, start, end):
    d = parse_date(text, anchor=TUESDAY)
    assert (text[d.start:d.end], d.precision, d.start_date, d.end_date, d.relative, d.partial) == \
        (surface, precision, start, end, True, True)


def test_a_week_has_no_xsd_form():
    d = parse_date("الأسبوع الماضي", anchor=TUESDAY)
    assert (d.datatype, d.lexical) == (None, None)


@pytest.mark.parametrize("text, anchor, direction, surface, start", [
    # the year from the anchor
    ("وصل الوفد إلى الدوحة في 26 يناير", date(2017, 1, 10), None, "26 يناير", date(2017, 1, 26)),
    # a month after the anchor's month in a past-tense sentence is last year's
    ("عقد الاجتماع في 26 مارس", date(2017, 1, 10), "past", "26 مارس", date(2016, 3, 26)),
    ("سيعقد الاجتماع في 26 مارس", date(2017, 1, 10), "future", "26 مارس", date(2017, 3, 26)),
    # a month before the anchor's month in a future sentence is next year's
    ("سيعقد المنتدى في 5 يناير", date(2017, 11, 10), "future", "5 يناير", date(2018, 1, 5)),
    # the anchor's own month stays this year either way
    ("عقد في 26 يناير", date(2017, 1, 10), "past", "26 يناير", date(2017, 1, 26)),
    # direction words of the text win over the parameter
    ("في 26 يناير الجاري", date(2017, 1, 10), "past", "26 يناير الجاري", date(2017, 1, 26)),
    ("في دجنبر الماضي", date(2017, 1, 10), None, "دجنبر الماضي", date(2016, 12, 1)),
    ("في 15 أيار الماضي", date(2017, 1, 10), "future", "15 أيار الماضي", date(2016, 5, 15)),
    ("خلال شهر جويلية الماضي", date(2017, 9, 2), None, "جويلية الماضي", date(2017, 7, 1)),
    ("في يناير المقبل", date(2017, 11, 10), None, "يناير المقبل", date(2018, 1, 1)),
    ("في مارس المقبل", date(2017, 1, 10), None, "مارس المقبل", date(2017, 3, 1)),
    ("في كانون الثاني الماضي", date(2017, 1, 10), None, "كانون الثاني الماضي", date(2016, 1, 1)),
    # a range without a year
    ("من 28 إلى 30 يونيو", date(2016, 7, 4), "past", "28 إلى 30 يونيو", date(2016, 6, 28)),
    ("من 28 دجنبر إلى 2 يناير", date(2017, 1, 10), "past", "28 دجنبر إلى 2 يناير", date(2016, 12, 28)),
])
def test_year_less_dates_resolved_against_the_anchor(text, anchor, direction, surface, start):
    d = parse_date(text, anchor=anchor, direction=direction)
    assert (text[d.start:d.end], d.start_date, d.year_inferred, d.relative) == (surface, start, True, False)


def test_year_less_range_across_the_new_year_ends_next_year():
    d = parse_date("من 28 دجنبر إلى 2 يناير", anchor=date(2017, 1, 10), direction="past")
    assert d.end_date == date(2017, 1, 2)


def test_a_written_year_is_never_changed_by_the_anchor():
    d = parse_date("في 26 مارس 2015", anchor=date(2017, 1, 10), direction="past")
    assert (d.start_date, d.year_inferred) == (date(2015, 3, 26), False)


def test_a_weekday_before_a_written_date_only_names_it():
    text = "وعقد يوم الأحد، 3 مارس 2016 الاجتماع الأول"
    assert [text[d.start:d.end] for d in find_dates(text, anchor=date(2016, 3, 8))] == ["3 مارس 2016"]


@pytest.mark.parametrize("text", [
    "أمس الأحد", "الشهر الماضي", "العام المقبل", "يوم الخميس", "دجنبر الماضي",
])
def test_relative_dates_need_an_anchor(text):
    assert [d for d in find_dates(text) if d.year is not None] == []


@pytest.mark.parametrize("text", [
    "يعيش العالم اليوم أكبر موجة نزوح",          # اليوم = nowadays
    "اتفق الاثنان على أن الاثنين متساويان",      # الاثنين = the two
    "ويواجه الجيل المقبل تحديات",                # المقبل after a noun that is no period
    "الاجتماع الماضي للجنة",
    "قد يتغير الوضع غدا",                        # غدا without a weekday or a time word
])
def test_words_that_are_not_relative_dates(text):
    assert find_dates(text, anchor=FRIDAY, direction="past") == []


def test_direction_and_anchor_are_checked():
    with pytest.raises(ValueError, match="direction"):
        find_dates("في 26 يناير", anchor=FRIDAY, direction="backwards")
    with pytest.raises(TypeError, match="anchor"):
        find_dates("في 26 يناير", anchor="2016-03-04")


# ---------------------------------------------------------------------------------------
# A dateline in each register: spans point at the exact characters of the original

@pytest.mark.parametrize("text, surface, day", [
    ("جنيف، 3 آذار/مارس 2016 — أعلنت المنظمة", "3 آذار/مارس 2016", date(2016, 3, 3)),
    ("الرباط - 11 دجنبر 2018 (ومع) - انطلقت", "11 دجنبر 2018", date(2018, 12, 11)),
    ("الجزائر في 12 جانفي 2016 (واج) - أكد", "12 جانفي 2016", date(2016, 1, 12)),
    ("تونس ‏- 3 أفريل 2017 – أشرف", "3 أفريل 2017", date(2017, 4, 3)),
    ("القاهرة في ١٥ يونيه ٢٠١٧ - أكدت", "١٥ يونيه ٢٠١٧", date(2017, 6, 15)),
    ("بيروت - 4 تشرين الثاني 2019 - عقدت", "4 تشرين الثاني 2019", date(2019, 11, 4)),
    ("الدوحة في 18/10/2015 - قنا - أكدت", "18/10/2015", date(2015, 10, 18)),
    ("الرياض، الأربعاء ٣ رمضان ١٤٣٧هـ", "٣ رمضان ١٤٣٧هـ", date(2016, 6, 8)),
])
def test_datelines(text, surface, day):
    d = parse_date(text)
    assert (text[d.start:d.end], d.start_date) == (surface, day)


def test_date_match_is_a_frozen_value():
    d = parse_date("في 3 آذار/مارس 2016")
    assert isinstance(d, DateMatch)
    with pytest.raises(AttributeError):
        d.year = 2017


# ---------------------------------------------------------------------------------------
# Days written as ordinal words (press: في الخامس من مارس)

@pytest.mark.parametrize("text, surface, day", [
    ("عقد الاجتماع في الخامس من مارس 2016 بتونس", "الخامس من مارس 2016", date(2016, 3, 5)),
    ("يحتفل العالم في الثامن عشر من ديسمبر 2019 باليوم الدولي للمهاجرين", "الثامن عشر من ديسمبر 2019",
     date(2019, 12, 18)),
    ("الموافق الحادي والعشرين من يونيو 2017", "الحادي والعشرين من يونيو 2017", date(2017, 6, 21)),
    ("منذ الأول من كانون الثاني 2016", "الأول من كانون الثاني 2016", date(2016, 1, 1)),
    ("حتى الثلاثين من شهر نونبر 2018", "الثلاثين من شهر نونبر 2018", date(2018, 11, 30)),
])
def test_ordinal_days(text, surface, day):
    assert found(text) == [(surface, day, day, "day")]


def test_ordinal_day_without_year_takes_the_anchor():
    text = "يوم الأحد الأول من يوليوز الماضي"
    assert found(text, anchor=date(2017, 9, 1)) == [("الأول من يوليوز الماضي", date(2017, 7, 1), date(2017, 7, 1), "day")]


@pytest.mark.parametrize("text, surface", [
    ("خلال الأسبوع الأول من شهر مارس 2016", "مارس 2016"),      # the first week of March
    ("في النصف الثاني من أكتوبر 2016", "أكتوبر 2016"),          # the second half of October
    ("في الثلاثين من فبراير 2016", "فبراير 2016"),              # no 30 February
])
def test_ordinals_that_are_not_days(text, surface):
    assert [s for s, *_ in found(text)] == [surface]


# ---------------------------------------------------------------------------------------
# Range joins of every region, days of the anchor's month, datelines

@pytest.mark.parametrize("text, surface, start, end", [
    ("للمدة من 14 ولغاية 16 أيار 2014", "14 ولغاية 16 أيار 2014", date(2014, 5, 14), date(2014, 5, 16)),
    ("من 3 لغاية 5 حزيران 2015", "3 لغاية 5 حزيران 2015", date(2015, 6, 3), date(2015, 6, 5)),
    ("من 20 الى 24 كانون الثاني 2020", "20 الى 24 كانون الثاني 2020", date(2020, 1, 20), date(2020, 1, 24)),
    ("من 8 وحتى 10 تشرين الأول 2019", "8 وحتى 10 تشرين الأول 2019", date(2019, 10, 8), date(2019, 10, 10)),
])
def test_range_joins(text, surface, start, end):
    assert found(text) == [(surface, start, end, "day")]


@pytest.mark.parametrize("text, surface, day", [
    ("وتحديدا يوم الأربعاء الحادي عشر من الشهر الجاري", "الحادي عشر من الشهر الجاري", date(2009, 11, 11)),
    ("تعقد الورشة في 20 من الشهر المقبل", "20 من الشهر المقبل", date(2009, 12, 20)),
    ("في الخامس من الشهر الماضي", "الخامس من الشهر الماضي", date(2009, 10, 5)),
])
def test_days_of_the_anchors_months(text, surface, day):
    d = [d for d in find_dates(text, anchor=date(2009, 11, 5)) if d.precision == "day"]
    assert [(text[x.start:x.end], x.start_date, x.relative) for x in d] == [(surface, day, True)]


@pytest.mark.parametrize("text, surface, day", [
    ("عنوان البيان\n\nجنيف، 3 آذار/مارس 2016 — أعلنت المنظمة اليوم", "3 آذار/مارس 2016", date(2016, 3, 3)),
    ("عنوان\n\nالكويت - 18/10/2015 (كونا) - اختتمت", "18/10/2015", date(2015, 10, 18)),
    ("عنوان\n\nأثينا - الخميس 5 نوفمبر 2009\n\nأكدت الوزيرة", "5 نوفمبر 2009", date(2009, 11, 5)),
    ("عنوان\n\nبغداد / 17 أيار 2014 / واع\n\nشارك العراق", "17 أيار 2014", date(2014, 5, 17)),
    ("عنوان\n\nالرباط – 11 دجنبر 2018 (ومع) - انطلقت", "11 دجنبر 2018", date(2018, 12, 11)),
    ("عنوان\n\nنوسا دوا، بالي، 23 آذار/مارس 2016\n\nانعقد المؤتمر", "23 آذار/مارس 2016", date(2016, 3, 23)),
    ("عنوان\n\nدكا في 12 ديسمبر / وام / شاركت", "12 ديسمبر", None),
])
def test_datelines_anchor_the_document(text, surface, day):
    from graph_builder.values import find_dateline
    d = find_dateline(text)
    assert (text[d.start:d.end], d.start_date) == (surface, day)


@pytest.mark.parametrize("text", [
    "تقرير الأمين العام\n\n41 - في 19 أيلول/سبتمبر 2016، اعتمدت الجمعية العامة",   # a numbered paragraph
    "عقد الاجتماع السادس يومي 21 و 22 تشرين الثاني/نوفمبر 2012 في موريشيوس",        # a sentence
    "إعلان دكا الصادر عن المشاورة الوزارية الرابعة للدول الأعضاء (دكا، 20-21 أبريل 2011)",
    "لا تاريخ هنا",
])
def test_no_dateline(text):
    from graph_builder.values import find_dateline
    assert find_dateline(text) is None


# ---------------------------------------------------------------------------------------
# More forms of real press (sentences written for these tests)

@pytest.mark.parametrize("text, surface, start, end", [
    ("انعقد المنتدى يومي 14، 15 مايو 2025 في القاهرة", "14، 15 مايو 2025", date(2025, 5, 14), date(2025, 5, 15)),
    ("عقدت الورشة يومي 29-30/5/2023 بعمان", "29-30/5/2023", date(2023, 5, 29), date(2023, 5, 30)),
    ("في 12 تشرين ثاني/نوفمبر 2015", "12 تشرين ثاني/نوفمبر 2015", date(2015, 11, 12), date(2015, 11, 12)),
    ("وفي 3 كانون أول 2016", "3 كانون أول 2016", date(2016, 12, 3), date(2016, 12, 3)),
    ("اعتمد في 19 سبتمبر أيلول 2016", "19 سبتمبر أيلول 2016", date(2016, 9, 19), date(2016, 9, 19)),
    ("دبي 14 ديسمبر, 2016 - 11:02:00", "14 ديسمبر, 2016", date(2016, 12, 14), date(2016, 12, 14)),
    ("الرباط 12-3-2024 | 10:15", "12-3-2024", date(2024, 3, 12), date(2024, 3, 12)),
    ("بالي (08 أغسطس 2018ء)", "08 أغسطس 2018ء", date(2018, 8, 8), date(2018, 8, 8)),
    ("دخلت حيز النفاذ في الثالث من آب/أغسطس 2020", "الثالث من آب/أغسطس 2020", date(2020, 8, 3), date(2020, 8, 3)),
])
def test_more_press_forms(text, surface, start, end):
    assert found(text) == [(surface, start, end, "day")]


def test_years_between_two_cues_are_a_range_and_a_dual_cue_lists_two():
    assert found("تضاعفت التحويلات بين عامي 2010 و2015") == [("2010 و2015", date(2010, 1, 1), date(2015, 12, 31), "year")]
    assert [s for s, *_ in found("خلال عامي 2016 و2017")] == ["2016", "2017"]


def test_a_day_written_with_the_article():
    assert found("في الـ26 من يناير الجاري", anchor=date(2017, 1, 20)) == [
        ("26 من يناير الجاري", date(2017, 1, 26), date(2017, 1, 26), "day")]


def test_side_by_side_months_that_disagree_are_no_date():
    assert find_dates("في 5 تموز آب") == []


@pytest.mark.parametrize("text, anchor, surface, day", [
    ("اختتم الاجتماع أمس الأول", date(2021, 3, 10), "أمس الأول", date(2021, 3, 8)),
    ("تبنت القمة اليوم (الإثنين) إعلانا", date(2016, 9, 19), "اليوم (الإثنين", date(2016, 9, 19)),
    ("تبدأ فعالياته بعد غد /الثلاثاء/", date(2019, 1, 20), "بعد غد /الثلاثاء", date(2019, 1, 22)),
    ("اختتمت مساء أمس أعمال الدورة", date(2024, 1, 30), "أمس", date(2024, 1, 29)),
    ("وانطلقت صباح اليوم الثلاثاء", date(2019, 1, 22), "اليوم الثلاثاء", date(2019, 1, 22)),
    ("ويختتم غدًا الخميس", date(2019, 1, 23), "غدًا الخميس", date(2019, 1, 24)),
])
def test_more_relative_forms(text, anchor, surface, day):
    d = parse_date(text, anchor=anchor)
    assert (text[d.start:d.end], d.start_date) == (surface, day)


def test_a_weekday_before_al_muwafiq_and_a_date_only_names_it():
    text = "يوم الاثنين الموافق 20 يناير 2020"
    assert [text[d.start:d.end] for d in find_dates(text, anchor=date(2020, 1, 21))] == ["20 يناير 2020"]


def test_levantine_pair_without_slash_takes_the_anchor_with_al_hali():
    text = "من 9 – 10 شباط فبراير الحالي"
    assert found(text, anchor=date(2021, 2, 1)) == [
        ("9 – 10 شباط فبراير الحالي", date(2021, 2, 9), date(2021, 2, 10), "day")]


# ---------------------------------------------------------------------------------------
# Never raising, spans inside the text, with every option

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from graph_builder.values import find_amounts, find_ints, find_ordinals  # noqa: E402

TOKENS = st.sampled_from([
    "١", "2", "9", "0", "1437", "2016", " ", "\n", "/", ".", "-", "(", ")", "،", "و", "في", "من", "إلى", "بين",
    "ما", "فاتح", "الفاتح", "الخامس", "عشر", "الأول", "كانون", "تشرين", "الثاني", "ماي", "غشت", "جانفي", "أوت",
    "دجنبر", "يوليوز", "رمضان", "ذي الحجة", "ربيع", "هـ", "م", "ميلادي", "أمس", "اليوم", "غدا", "يوم", "صباح",
    "الأحد", "الاثنين", "الجمعة", "الماضي", "المقبل", "الجاري", "الشهر", "العام", "الأسبوع", "هذا", "شهر",
    "مليار", "أورو", "درهم", "مغربي", "نحو", "أكثر", "خمسين", "ثلاثة", "وعشرون", "مائة", "آلاف", "الدورة", "الـ",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=60), st.lists(TOKENS, max_size=30).map("".join)),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
       st.sampled_from([None, "past", "future"]))
def test_finders_never_raise_with_every_option(text, anchor, direction):
    for d in find_dates(text, 2011, anchor=anchor, direction=direction):
        assert 0 <= d.start < d.end <= len(text)
        assert d.precision in ("day", "month", "year", "week")
        assert d.start_date is None or d.end_date is None or d.start_date <= d.end_date
    found = find_dates(text, anchor=anchor, direction=direction)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    for finder in (lambda s: find_ints(s, words=True), find_amounts, find_ordinals):
        spans = finder(text)
        assert all(0 <= m.start < m.end <= len(text) for m in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_a_month_of_a_year_named_relative_to_the_anchor():
    # سبتمبر من العام الماضي: last year's September, not the anchor's (a meeting held, not one to come)
    (d,) = find_dates("وكان المؤتمر الأول قد عقد في بروناي في سبتمبر من العام الماضي.", anchor=date(2003, 4, 30))
    assert (d.precision, d.year, d.month, d.end_year, d.relative) == ("month", 2002, 9, 2002, True)
    (d,) = find_dates("ويعقد الاجتماع في 12 مارس من السنة المقبلة.", anchor=date(2003, 4, 30))
    assert (d.year, d.month, d.day) == (2004, 3, 12)
    (d,) = find_dates("عقد يومي 5 و6 سبتمبر من العام الماضي", anchor=date(2003, 4, 30))
    assert (d.year, d.day, d.end_year, d.end_day) == (2002, 5, 2002, 6)


def test_a_written_year_is_not_moved_by_a_later_year_word():
    ds = find_dates("في سبتمبر 2001 من العام", anchor=date(2003, 4, 30))
    assert [(d.year, d.month) for d in ds] == [(2001, 9)]
    ds = find_dates("في سبتمبر من العام الماضي", default_year=2010)     # no anchor: nothing relative is read
    assert all(not d.relative for d in ds)


# ---- numeric dates with slashes set off by spaces (institutional pages)

@pytest.mark.parametrize("text, surface, day", [
    ("عقدت الورشة يوم ١٢ / ٣ / ٢٠١٩ في مقر الوزارة", "١٢ / ٣ / ٢٠١٩", date(2019, 3, 12)),      # ministry page
    ("وقعت المنظمة الاتفاق بتاريخ 5 / 11 / 2031 في جنيف", "5 / 11 / 2031", date(2031, 11, 5)),      # IO release
    ("صدر البيان في ٢٠٣١ / ٤ / ٢٠ عن الأمانة العامة", "٢٠٣١ / ٤ / ٢٠", date(2031, 4, 20)),          # year first
])
def test_a_numeric_date_with_spaced_slashes(text, surface, day):
    assert found(text) == [(surface, day, day, "day")]


@pytest.mark.parametrize("text", [
    "بمشاركة /21 دولة منها / 11 / دولة عربية",        # Gulf agency style: counts between slashes
    "صدر بتاريخ 12 / 3/2031 عن الوزارة",              # mixed spacing: not one date
    "سجل 12 / 3 من المشاركين",                         # no year
])
def test_spaced_slashes_without_a_whole_date_give_none(text):
    assert found(text) == []


# ---------------------------------------------------------------------------------------
# A year glued to its month (نوفمبر2014) or set off by a slash (نوفمبر/2014), as web pages print them

@pytest.mark.parametrize("text, span, start, end, precision", [
    # Maghrebi press: a day range, the year glued to the month
    ("تحتضن الرباط من 14-16 نوفمبر2014 أشغال الندوة الإقليمية", "14-16 نوفمبر2014",
     date(2014, 11, 14), date(2014, 11, 16), "day"),
    # Gulf press: a weekday, then the day and the glued year
    ("افتتح الوزير الخميس 12 نوفمبر2014 المنتدى الخليجي", "12 نوفمبر2014", date(2014, 11, 12), date(2014, 11, 12), "day"),
    # Levantine page: a UN pair, the year glued to the second name
    ("عقد الاجتماع التشاوري في تشرين الثاني/نوفمبر2015 في عمّان", "تشرين الثاني/نوفمبر2015",
     date(2015, 11, 1), date(2015, 11, 30), "month"),
    # an institutional page: the month and year set off by a slash
    ("صدر التقرير الإقليمي في دجنبر/2018 عن المرصد", "دجنبر/2018", date(2018, 12, 1), date(2018, 12, 31), "month"),
    # Algerian press: the first of the month, glued year
    ("ينطلق البرنامج فاتح جويلية2019 في وهران", "فاتح جويلية2019", date(2019, 7, 1), date(2019, 7, 1), "day"),
])
def test_a_year_glued_to_its_month_or_after_a_slash(text, span, start, end, precision):
    assert found(text)[0] == (span, start, end, precision)


def test_digits_glued_to_a_month_that_are_no_year_give_no_year():
    # a count (not a year: five digits, or a number outside the years) glued to a month gives the month alone
    assert found("بلغ عدد الوافدين في نوفمبر20145 شخصا") == [("نوفمبر", None, None, "month")]
    assert found("سجل في 3 مارس250 حالة")[0][1] is None           # the day without a year, no year 250
    # a spaced year after a month with a slash pair is still the month pair's year
    assert found("أيلول/سبتمبر 2014")[0][:3] == ("أيلول/سبتمبر 2014", date(2014, 9, 1), date(2014, 9, 30))
