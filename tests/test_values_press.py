"""Value grammars on the way press text writes dates, counts and session numbers: Arabic-Indic and
Persian digits, ``الـ11`` after a noun and its adjectives, numeric date ranges, a year after في or a
part of the year, compound scales and the qualifiers of a count. Sentences written for these tests in
several registers (Maghrebi, Gulf, Egyptian, Levantine press, UN style), with negative cases."""
from datetime import date

import pytest

from graph_builder.values import find_dates, find_ints, find_ordinals


def dates(text, **kw):
    return [(text[d.start:d.end], d.lexical, d.end_date and d.end_date.isoformat()) for d in find_dates(text, **kw)]


def ordinals(text):
    return [(text[o.start:o.end], o.value) for o in find_ordinals(text)]


def ints(text, **kw):
    return [(text[m.start:m.end], m.value, m.qualifier) for m in find_ints(text, **kw)]


# ---------------------------------------------------------------- digits of every script

@pytest.mark.parametrize("text, expected", [
    ("انعقد اللقاء في الرباط يوم ١٠ ديسمبر ٢٠١٨.", ("١٠ ديسمبر ٢٠١٨", "2018-12-10", "2018-12-10")),     # Arabic-Indic
    ("عقد الاجتماع في عام ۲۰۱۸ بطهران.", ("۲۰۱۸", "2018", "2018-12-31")),                               # Persian digits
    ("يومي ١٤ و١٥ ماي ٢٠١٩ بمراكش", ("١٤ و١٥ ماي ٢٠١٩", "2019-05-14", "2019-05-15")),                  # Maghrebi
    ("الكويت - ١٨/١٠/٢٠١٥ (كونا)", ("١٨/١٠/٢٠١٥", "2015-10-18", "2015-10-18")),                          # Gulf agency
])
def test_dates_in_arabic_indic_and_persian_digits(text, expected):
    assert dates(text) == [expected]


def test_counts_and_session_numbers_in_arabic_indic_digits():
    assert ints("بمشاركة ١٥٠ دولة و۳۰ منظمة") == [("١٥٠", 150, None), ("۳۰", 30, None)]
    assert ordinals("افتتحت الدورة ١١ للمنتدى") == [("١١", 11)]
    assert ordinals("انطلقت القمة الـ١٣ في دبي") == [("الـ١٣", 13)]


# ---------------------------------------------------------------- numbered sessions

@pytest.mark.parametrize("text, expected", [
    ("انطلقت أشغال الدورة الـ11 للمنتدى العالمي بمراكش", [("الـ11", 11)]),          # Maghrebi
    ("وتستضيف دبي القمة الـ 13 للمنتدى", [("الـ 13", 13)]),                          # Gulf, a space after ـ
    ("وافتتحت النسخة الـ12 من المنتدى في جنيف", [("الـ12", 12)]),                     # Levantine
    ("واحتضنت الرباط الاجتماع الوزاري الـ5 لمسار الرباط", [("الـ5", 5)]),            # adjective between
    ("وعقدت القمة العربية الـ29 في الظهران", [("الـ29", 29)]),                        # Egyptian
    ("وعقد المنتدى دورته الـ11 في مراكش", [("الـ11", 11)]),                           # noun with a pronoun
    ("اختتمت نسختها الـ7 أمس", [("الـ7", 7)]),
    ("عقدت الدورة رقم 11 للجنة", [("رقم 11", 11)]),                                   # رقم between
    ("الدورة الحادية عشرة للمنتدى", [("الحادية عشرة", 11)]),
])
def test_numbered_sessions(text, expected):
    assert ordinals(text) == expected


@pytest.mark.parametrize("text", [
    "وأيدت الدول الأعضاء الـ132 الاتفاق",              # الـ132 after a noun that is not numbered: a count
    "حضر الاجتماع الوزاري 150 مندوبا",                # bare digits after an adjective: a count
    "وحضر المؤتمر 303 مندوبين",                       # digits that count the noun after them
    "شارك فيه ممثلو الـ25 دولة",
])
def test_counts_are_not_session_numbers(text):
    assert ordinals(text) == []


# ---------------------------------------------------------------- dates in brackets, ranges, numeric dates

@pytest.mark.parametrize("text, expected", [
    ("مؤتمر مراكش (2018)", [("2018", "2018", "2018-12-31")]),
    ("المؤتمر الحكومي الدولي ( 10 - 11 ديسمبر 2018 )", [("10 - 11 ديسمبر 2018", "2018-12-10", "2018-12-11")]),
    ("ينعقد يومي 10-11 دجنبر بمراكش", [("10-11 دجنبر", "2018-12-10", "2018-12-11")]),
    ("من 10 إلى 12 كانون الأول/ديسمبر 2018", [("10 إلى 12 كانون الأول/ديسمبر 2018", "2018-12-10", "2018-12-12")]),
    ("بتاريخ 10/12/2018", [("10/12/2018", "2018-12-10", "2018-12-10")]),
    ("بتاريخ 2018/12/10", [("2018/12/10", "2018-12-10", "2018-12-10")]),
    ("بتاريخ 10.12.2018", [("10.12.2018", "2018-12-10", "2018-12-10")]),
    ("التاريخ من: 2023/05/29 إلى 2023/05/30", [("2023/05/29 إلى 2023/05/30", "2023-05-29", "2023-05-30")]),
    ("خلال الفترة من 10/12/2018 إلى 12/12/2018", [("10/12/2018 إلى 12/12/2018", "2018-12-10", "2018-12-12")]),
])
def test_brackets_ranges_and_numeric_dates(text, expected):
    assert dates(text, anchor=date(2018, 12, 1)) == expected


def test_two_numeric_dates_joined_by_and_stay_two():
    text = "جولتان في 10/12/2018 و 12/12/2018"
    assert [d for _, d, _ in dates(text)] == ["2018-12-10", "2018-12-12"]
    text = "من 12/12/2018 إلى 10/12/2018"            # an end before its start is not a range
    assert [d for _, d, _ in dates(text)] == ["2018-12-12", "2018-12-10"]


# ---------------------------------------------------------------- years after في, خلال and parts of a year

@pytest.mark.parametrize("text, year", [
    ("وعقد المنتدى في 2018، في مراكش", 2018),              # Maghrebi
    ("عقد الاجتماع في 2017 بمقر الجامعة", 2017),            # Egyptian
    ("وتراجعت التحويلات خلال 2016.", 2016),                 # Gulf
    ("ومن المقرر أن يعقد مطلع 2019 في برلين", 2019),         # Levantine
    ("في نهاية 2016 أطلقت المنظمة", 2016),
])
def test_years_after_weak_cues(text, year):
    assert [d.year for d in find_dates(text)] == [year]


@pytest.mark.parametrize("text", ["سجلت في 2011 حالة", "ارتفع في 2015 مهاجرا", "الفقرة 2011"])
def test_a_year_that_counts_a_noun_is_not_a_date(text):
    assert find_dates(text) == []


# ---------------------------------------------------------------- regional months and relative dates

@pytest.mark.parametrize("text, iso", [
    ("فاتح يوليوز 2019", "2019-07-01"), ("5 شتنبر 2017", "2017-09-05"), ("12 نونبر 2017", "2017-11-12"),
    ("3 غشت 2016", "2016-08-03"), ("9 دجنبر 2018", "2018-12-09"), ("2 ماي 2018", "2018-05-02"),
    ("3 جانفي 2019", "2019-01-03"), ("14 فيفري 2019", "2019-02-14"), ("2 أفريل 2019", "2019-04-02"),
    ("20 جوان 2019", "2019-06-20"), ("5 جويلية 2019", "2019-07-05"), ("15 أوت 2019", "2019-08-15"),
    ("10 كانون الأول/ديسمبر 2018", "2018-12-10"), ("10 كانون الأول / ديسمبر 2018", "2018-12-10"),
    ("10 تشرين ثاني 2018", "2018-11-10"), ("الفاتح من ديسمبر 2018", "2018-12-01"),
])
def test_regional_month_names(text, iso):
    assert [d.lexical for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text, iso", [
    ("اختتمت أمس الأحد أعمال المنتدى", "2018-12-09"),
    ("تنطلق اليوم الاثنين أشغال المؤتمر", "2018-12-10"),
    ("ويعقد الاجتماع غدا الثلاثاء", "2018-12-11"),
    ("في 26 يناير الماضي", "2018-01-26"),
    ("الشهر الجاري", "2018-12"),
])
def test_relative_dates_against_the_document_date(text, iso):
    assert [d.lexical for d in find_dates(text, anchor=date(2018, 12, 10))] == [iso]


@pytest.mark.parametrize("text, expected", [
    ("المنتدى الذي عقد يومي 8 و9 الجاري بالقاهرة", ("8 و9 الجاري", "2018-12-08", "2018-12-09")),    # Egyptian
    ("انطلقت في 3 الجاري أشغال الندوة", ("3 الجاري", "2018-12-03", "2018-12-03")),                 # Maghrebi
    ("الاجتماع المنعقد من 26 إلى 28 الماضي", ("26 إلى 28 الماضي", "2018-11-26", "2018-11-28")),   # Gulf: last month
    ("ويعقد المؤتمر يوم 15 المقبل", ("15 المقبل", "2019-01-15", "2019-01-15")),                    # Levantine: next month
])
def test_days_of_the_month_a_direction_word_implies(text, expected):
    assert dates(text, anchor=date(2018, 12, 10)) == [expected]


@pytest.mark.parametrize("text", [
    "وفق المادة 14 الحالية من القانون",       # a feminine direction word agrees with another noun
    "في 14 الجاري",                             # no document date: nothing to anchor the month on
])
def test_a_day_with_a_direction_word_needs_the_month_and_an_anchor(text):
    kw = {"anchor": date(2018, 12, 10)} if "المادة" in text else {}
    assert find_dates(text, **kw) == []


# ---------------------------------------------------------------- counts

@pytest.mark.parametrize("text, expected", [
    ("يقدر عددهم بنحو مليار و200 مليون شخص", [("مليار و200 مليون", 1_200_000_000, "about")]),
    ("هاجر 3 ملايين و500 ألف شخص", [("3 ملايين و500 ألف", 3_500_000, None)]),
    ("حضر اللقاء 1.500 مشارك", [("1.500", 1500, None)]),               # dot thousands in a count
    ("بلغ عدد المهاجرين 1,5 مليون", [("1,5 مليون", 1_500_000, None)]),  # Maghrebi decimal comma
    ("بمشاركة ما ينيف عن 150 دولة", [("150", 150, "more-than")]),
    ("بحضور ما يربو على 2000 مشارك", [("2000", 2000, "more-than")]),
    ("بحضور عدد يناهز 700 مشارك", [("700", 700, "about")]),
    ("بمشاركة زهاء ١٥٠ دولة", [("١٥٠", 150, "about")]),
    ("أزيد من 160 دولة", [("160", 160, "more-than")]),
])
def test_counts(text, expected):
    assert ints(text) == expected


def test_a_decimal_that_is_not_thousands_is_no_count():
    assert ints("ارتفع المؤشر 1.5 نقطة") == []
    assert ints("مليون و200 مليار") == [("200 مليار", 200_000_000_000, None)]   # the larger scale must come first


# ---------------------------------------------------------------- a web page's publication stamp

@pytest.mark.parametrize("line, iso", [
    ("28 يناير 2021 00:32", "2021-01-28"),                        # Gulf daily, a clock time after the date
    ("السبت 16 يناير 2021 / 14:14", "2021-01-16"),                # a weekday before it
    ("نشر في: 10 ديسمبر 2018", "2018-12-10"),                     # a label
    ("14 ديسمبر, 2016 - 11:02:00", "2016-12-14"),                 # Maghrebi site, English-style comma
    ("الخميس 10 ديسمبر 2018 الساعة 10:30 ص", "2018-12-10"),
])
def test_a_publication_stamp_line_is_the_documents_dateline(line, iso):
    from graph_builder.text.dateline import find_dateline
    found = find_dateline(line)
    assert (found.place, found.iso_date, found.whole_line) == ("", iso, True)


@pytest.mark.parametrize("line", [
    "التاريخ : 14 - 16 أكتوبر 2015",          # a meeting's dates, not a stamp
    "14 - 16 أكتوبر 2015",                    # a range of days
    "10 ديسمبر 12:30",                        # no year
    "في 10 ديسمبر 2018 عقد الاجتماع",          # a sentence
])
def test_dates_that_are_not_a_publication_stamp(line):
    from graph_builder.text.dateline import find_dateline
    assert find_dateline(line) is None


def test_a_stamp_line_anchors_the_relative_dates_of_a_press_text(tmp_path):
    from graph_builder.text.corpus import read_document
    path = tmp_path / "gulf-daily.ar.txt"
    path.write_text("اختتام قمة المنتدى العالمي للهجرة والتنمية\n\n28 يناير 2021 00:32\n\n"
                    "اختتمت مساء أمس أعمال قمة المنتدى العالمي للهجرة والتنمية في دبي.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.date == "2021-01-28"
    assert [p.text for p in doc.paragraphs] == ["اختتمت مساء أمس أعمال قمة المنتدى العالمي للهجرة والتنمية في دبي."]
