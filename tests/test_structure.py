"""The document model read from the two real reports of the bundled corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.text.corpus import read_document
from graph_builder.text.readers.plain import read_plain as read_source
from graph_builder.resources import default_corpus
from graph_builder.text.structure import joiner, parse, word_counts

CORPUS = default_corpus()
R2008 = CORPUS / "2008-sg-report-international-migration-and-development.ar.md"
R2011 = CORPUS / "2011-gfmd-swiss-chair-report.ar.txt"


@pytest.fixture(scope="module")
def d2008():
    return read_document(R2008)


@pytest.fixture(scope="module")
def d2011():
    return read_document(R2011)


def source_line(path: Path, lineno: int) -> str:
    return read_source(path)[0].split("\n")[lineno - 1]


# -- paragraphs --------------------------------------------------------------------------

def test_paragraph_counts_and_sequence(d2008, d2011):
    assert [p.number for p in d2008.paragraphs] == list(range(1, 76))
    assert [p.number for p in d2011.paragraphs] == list(range(1, 268))
    assert [p.order for p in d2011.paragraphs] == list(range(1, 268))
    assert d2008.issues == [] and d2011.issues == []


def test_arabic_indic_numbers_read_as_ints(d2008):
    p = d2008.paragraph(25)
    assert isinstance(p.number, int) and p.number == 25
    assert source_line(R2008, p.line).startswith("٢٥ - ")
    assert d2008.paragraph(75).line == 279   # the last line, without a trailing newline


def test_western_numbers_with_tab_and_en_dash(d2011):
    assert source_line(R2011, d2011.paragraph(17).line).startswith("\t17 - ")
    p = d2011.paragraph(213)                    # printed "213 – " with an en dash
    assert p.text.startswith("ولكي تعرض الجمهورية التشيكية")


def test_exact_short_paragraphs(d2011):
    assert d2011.paragraph(71).text == (
        "وتضمن كل فصل من حلقة النقاش عددا من الحكومات والمحاضرين، فضلا عن مُناقش من منظمة دولية.")
    assert d2011.paragraph(189).text == (
        "وأخيرا، لاحظ المندوبون مع التقدير إعلان الحكومة التركية النظر في تولي رئاسة المنتدى في عام 2015.")
    # the trailing space of the line is not part of the text
    assert d2011.paragraph(65).text == (
        "وقدم السيد غويس بيان يومي المجتمع المدني لعام 2011 اللذان عقدا في 29 و 30 تشرين الثاني/نوفمبر 2011.")


def test_no_break_spaces_kept(d2011):
    assert "14\u00a0عضوا()" in d2011.paragraph(25).text


def test_exact_paragraph_1_of_2008(d2008):
    assert d2008.paragraph(1).text == (
        "لقد مثل الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية لحظة حاسمة في تناول الدول الأعضاء "
        "للسبل والوسائل لتعظيم الفوائد الإنمائية للهجرة الدولية وتقليل آثارها السلبية إلى الحد الأدنى. "
        "وحتى عام ٢٠٠٦، لم يكن قد أقيم أي محفل رئيسي في الأمم المتحدة يركز حصرا على الروابط بين الهجرة "
        "الدولية والتنمية. وقد برهن الحوار الرفيع المستوى على أنه من الممكن مناقشة مسألة الهجرة الدولية "
        "والتنمية مناقشة بناءة في الأمم المتحدة.")


def test_page_break_continuation_joined_with_a_space(d2008):
    text = d2008.paragraph(24).text
    assert "ينبغي لأي متابعة تجريها الجمعية العامّة أن تأخذ في الحسبان" in text
    assert text.endswith("التابعة لمنظومة الأمم المتحدة.")
    first = source_line(R2008, 125).removeprefix("٢٤ - ")
    assert text == first + " " + source_line(R2008, 127)


@pytest.mark.parametrize("number,first,rest", [
    (8, 73, [75]), (24, 125, [127]), (26, 135, [139]), (32, 153, [155]), (35, 163, [165]),
    (38, 173, [175]), (41, 183, [185]), (44, 195, [199]), (47, 209, [211]), (67, 257, [259]),
    (71, 269, [271]),
])
def test_every_page_break_of_2008(d2008, number, first, rest):
    head = source_line(R2008, first).split(" - ", 1)[1]
    assert d2008.paragraph(number).text == " ".join([head] + [source_line(R2008, n) for n in rest])


def test_paragraph_with_footnote_inside(d2008):
    p = d2008.paragraph(26)
    assert "وتتولى الشعبة الإحصائية في إدارة الشؤون الاقتصادية والاجتماعية مسؤولية" in p.text
    assert "انظر" not in p.text and "ESA/P/WP.197" not in p.text
    assert p.text.endswith("على وضع المبادئ التوجيهية لتنفيذ آخر مجموعة من التوصيات.")
    assert d2008.paragraph(27).text.startswith("وتمثل حقوق المهاجرين")


def test_sup_markup_removed_and_recorded(d2008):
    p21, p25 = d2008.paragraph(21), d2008.paragraph(25)
    assert p21.footnote_markers == ["١"] and p25.footnote_markers == ["٢"]
    assert "<sup>" not in p21.text and "الأسئلة (انظر الشكل أدناه)" in p21.text
    assert p25.text.endswith("في مجال الهجرة الدولية.")
    assert all("<sup>" not in p.text and "\\" not in p.text for p in d2008.paragraphs)


def test_figure_caption_is_not_paragraph_text(d2008):
    assert d2008.paragraph(21).text.endswith("داخل الأمم المتحدة.")
    assert d2008.paragraph(22).text.startswith("واعتبرت جميع الدول الأعضاء")
    section = d2008.paragraph(21).section
    assert section.notes[0] == "الشكل"
    assert section.notes[2].startswith("ملاحظة: لا تعبر الحدود")


def test_the_line_after_a_bare_figure_label_is_its_caption_not_a_heading():
    """In a plain text without heading marks, the title under a figure label stays a note of the
    section even when a blank line follows it (as in a PDF, where the figure leaves space)."""
    text = ("أولا - مقدمة\n\n١ - عقد الاجتماع الأول في بروكسل.\n\nالشكل ٢\n\n"
            "خريطة تبين الدول الأعضاء التي ردت\n\n\nالمصدر: الأمانة العامة.\n\n٢ - وعقد الثاني في مانيلا.\n")
    parsed = parse(text, Path("some/report.ar.txt"))
    assert [s.heading for s in parsed.sections] == ["أولا - مقدمة"]
    assert parsed.sections[0].notes == ["الشكل ٢", "خريطة تبين الدول الأعضاء التي ردت", "المصدر: الأمانة العامة."]
    assert [p.number for p in parsed.paragraphs] == [1, 2]


def test_restarted_recommendation_list_stays_in_its_paragraph(d2011):
    p = d2011.paragraph(104)
    lines = p.text.split("\n")
    assert lines[0] == "انبثقت النتائج والتوصيات التالية عن جلسة العمل:"
    assert [ln.split(" - ")[0] for ln in lines[1:]] == ["1", "2", "3", "4", "5"]
    assert lines[5] == ("5 - يمكن لمنتدى عام 2012 المضي قدما في مسألة إدماج القطاع الخاص كشريك في الحوار "
                        "بشأن مسائل الهجرة والتنمية.")
    assert d2011.paragraph(105).line == 159
    assert d2011.paragraph(165).text.count("\n") == 10      # a list that reaches "10 - "


def test_lettered_items_and_bullets_stay_in_their_paragraph(d2011):
    p107 = d2011.paragraph(107)
    assert [ln[:3] for ln in p107.text.split("\n")[1:]] == ["(أ)", "(ب)", "(ج)", "(د)", "(هـ", "(و)"]
    p67 = d2011.paragraph(67)
    assert p67.text.count("\n•") == 7
    p178 = d2011.paragraph(178)
    assert "\n(أ) تقييمات الأثر:\n1 - " in p178.text and "\n(ب) إسهام رابطات المهاجرين في التنمية\n1 - " in p178.text


# -- headings ----------------------------------------------------------------------------

def test_2008_headings_and_levels(d2008):
    got = [(s.label, s.level, s.parent.label if s.parent else None) for s in d2008.sections]
    assert got == [
        ("أولا", 1, None), ("ثانياً", 1, None), ("ثالثا", 1, None), ("ألف", 2, "ثالثا"),
        ("باء", 2, "ثالثا"), ("رابعاً", 1, None), ("ألف", 2, "رابعاً"), ("باء", 2, "رابعاً"),
        ("جيم", 2, "رابعاً"), ("دال", 2, "رابعاً"), ("هاء", 2, "رابعاً"), ("واو", 2, "رابعاً"),
        ("زاي", 2, "رابعاً"), ("خامسا", 1, None), ("ألف", 2, "خامسا"), ("باء", 2, "خامسا"),
        ("جيم", 2, "خامسا"), ("سادسا", 1, None)]
    # "### باء" and "## باء" alike are level 2; the heading keeps its text, not its markup
    regional = d2008.sections[15]
    assert regional.heading == "باء - العمليات الاستشارية الإقليمية" and regional.footnote_markers == ["٣"]
    assert d2008.sections[0].line == 55            # the table of contents gave no section


def test_2008_paragraph_links_innermost_section(d2008):
    assert d2008.paragraph(26).section.heading == "ألف - الأمانة العامة للأمم المتحدة"
    assert d2008.paragraph(26).section.parent.label == "رابعاً"
    assert d2008.paragraph(1).section.heading == "أولا - مقدمة"


def test_2011_headings(d2011):
    by_line = {s.line: s for s in d2011.sections}
    assert (by_line[1].label, by_line[1].level, by_line[1].footnote_markers) == ("أولا", 1, ["*"])
    assert by_line[442].heading == "تاسعا - خاتمــة" and by_line[442].level == 1   # tatweel
    assert (by_line[66].label, by_line[66].level, by_line[66].parent.label) == ("ألف", 2, "خامسا")
    for line, heading in [(35, "استقلال عملية المجتمع المدني"), (137, "القضايا والملاحظات"),
                          (147, "النتائج والتوصيات"), (288, "القضايا والملاحظات"),
                          (289, "تقييمات الأثر لسياسات الهجرة والتنمية"),
                          (430, "الاحتفال القصير لتسليم الرئاسة")]:
        assert (by_line[line].heading, by_line[line].level, by_line[line].label) == (heading, 3, "")
    assert by_line[131].heading.startswith("جلسة العمل 1-1:") and by_line[131].parent.line == 126
    assert len([s for s in d2011.sections if s.level == 1]) == 9
    assert sum(s.heading == "النتائج والتوصيات" for s in d2011.sections) == 6


def test_2011_session_header_lines_are_section_notes(d2011):
    by_line = {s.line: s for s in d2011.sections}
    assert by_line[131].notes[0].startswith("الرئيسان المشاركان: عثمان جوهر")
    assert by_line[131].notes[1].startswith("المنسقة:")
    assert by_line[126].notes[0].startswith("مقررة اللجنة: ناهيدا صبحان")
    assert not any(line.startswith(("الرئيسان المشاركان:", "المنسقة:", "المقرر"))
                   for p in d2011.paragraphs for line in p.text.split("\n"))
    assert d2011.paragraph(99).section.line == 137


# -- footnotes ---------------------------------------------------------------------------

def test_2008_footnotes(d2008):
    notes = [(f.marker, f.order, f.line) for f in d2008.footnotes]
    assert notes == [("*", 1, 28), ("١", 2, 117), ("٢", 3, 137), ("٣", 4, 239)]
    assert d2008.footnotes[0].text == "A/63/150."
    assert d2008.footnotes[2].text == 'انظر "خلاصة التوصيات المتعلقة بالهجرة والتنمية" (ESA/P/WP.197).'
    assert d2008.footnotes[1].text == source_line(R2008, 117).removeprefix("(١) ")
    assert d2008.footnotes[3].text.startswith("يستند هذا الفرع إلى ورقة عمل")


def test_2011_lost_footnote_markers(d2011):
    assert d2011.paragraph(2).footnote_markers == [""]
    assert "الختامية()، وهي" in d2011.paragraph(2).text            # kept as printed
    assert d2011.paragraph(21).footnote_markers == ["ـ"]
    assert d2011.paragraph(160).footnote_markers == ["أأ"]
    assert d2011.paragraph(166).footnote_markers == ["ب ب", "ج ج"]
    assert d2011.paragraph(213).footnote_markers == []             # "و(ب)" is an enumeration
    assert all(f.text == "" for f in d2011.footnotes)
    assert [f.marker for f in d2011.footnotes][:2] == ["*", ""]
    assert len(d2011.footnotes) == 33


# -- front matter ------------------------------------------------------------------------

def test_front_matter(d2008, d2011):
    assert d2008.front_matter.startswith("Distr.: General\n11 August 2008")
    assert "البند ٥٤ (ب) من جدول الأعمال المؤقت*" in d2008.front_matter
    assert "٣\tأولا" not in d2008.front_matter and "المحتويات" not in d2008.front_matter
    assert d2011.front_matter == ""


# -- page breaks inside a word -----------------------------------------------------------

def test_page_break_inside_a_word_is_joined_without_space(tmp_path, d2008):
    text = read_source(R2008)[0]
    lines = text.split("\n")
    original = lines[78]                            # paragraph ١٠
    cut = original.index("المنتدى", 200) + len("المنت")
    lines[78:79] = [original[:cut], "", original[cut:]]
    broken = tmp_path / "broken.ar.md"
    broken.write_text("\n".join(lines), encoding="utf-8")
    doc = read_document(broken)
    assert doc.paragraph(10).text == d2008.paragraph(10).text
    assert [p.number for p in doc.paragraphs] == list(range(1, 76))


def test_joiner_decisions():
    words = word_counts("الهجرة الدولية والتنمية الهجرة المنظمة الدولية للهجرة")
    assert joiner("بشأن الهج", "رة الدولية", words) == ""
    assert joiner("مع المنظمة", "الدولية للهجرة", words) == " "
    assert joiner("co-\u00ad", "operation", words) == ""


def test_parse_names_the_file_in_issues():
    text = "1 - أول.\n\n3 - ثالث.\n"
    issues = parse(text, Path("some/report.ar.txt")).issues
    assert [str(i) for i in issues] == ["some/report.ar.txt:3: paragraph number 3 out of sequence (expected 2)"]


@pytest.mark.parametrize("path", [R2008, R2011])
def test_no_printed_line_is_lost(path):
    """Each printed line (but the table of contents and the title headings) ends up in a
    paragraph, heading, section note, footnote or the front matter."""
    import re

    from graph_builder.text.structure import strip_markup, toc_lines

    doc = read_document(path)
    lines = read_source(path)[0].split("\n")
    toc = toc_lines(lines)
    everything = "\n".join([p.text for p in doc.paragraphs] + [s.heading for s in doc.sections]
                           + [n for s in doc.sections for n in s.notes]
                           + [f.text for f in doc.footnotes] + [doc.front_matter])
    missing = []
    for i, line in enumerate(lines):
        if not line.strip() or i in toc or (line.startswith("#") and i < doc.sections[0].line - 1):
            continue
        text = strip_markup(re.sub(r"^#+\s*", "", line.strip()))[0]
        text = re.sub(r"^(?:[0-9٠-٩]+\s*[-–]\s+|\([٠-٩]+\)\s+|\*\s+)", "", text)
        if text not in everything:
            missing.append(i + 1)
    assert missing == []
    assert len(toc) == (20 if path == R2008 else 0)


def test_list_item_that_equals_the_next_paragraph_number(tmp_path):
    ambiguous = tmp_path / "a.ar.txt"
    ambiguous.write_text("\t1 - one:\n\t1 - item\n\t2 - item\n\t3 - item\n\t2 - two.\n", encoding="utf-8")
    plain = tmp_path / "b.ar.txt"
    plain.write_text("\t1 - one:\n\t1 - item\n\t2 - two.\n\t3 - three.\n", encoding="utf-8")
    assert [p.number for p in read_document(ambiguous).paragraphs] == [1, 2]
    doc = read_document(plain)
    assert [p.number for p in doc.paragraphs] == [1, 2, 3] and doc.paragraph(1).text == "one:\n1 - item"


def test_lettered_item_after_page_break_and_uncited_footnote_like_line(tmp_path):
    text = ("## أولا - مقدمة\n\n"
            "١ - نص يذكر<sup>(١)</sup> ما يلي: (أ) الأول؛\n\n"
            "(ب) الثاني.\n\n"
            "(١) نص الحاشية.\n\n"
            "(٢) بند لا حاشية له.\n\n"
            "٢ - فقرة ثانية.")
    path = tmp_path / "r.ar.md"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert doc.paragraph(1).text == "نص يذكر ما يلي: (أ) الأول؛ (ب) الثاني.\n(٢) بند لا حاشية له."
    assert [(f.marker, f.text) for f in doc.footnotes] == [("١", "نص الحاشية.")]
    assert doc.paragraph(1).footnote_markers == ["١"] and doc.issues == []
