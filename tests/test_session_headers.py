"""The session structure of a chair's report read from its verbless lines (issue 13, chair6): session headings
(``الجلسة 1-2: …``, ``المائدة المستديرة 2: …``, ``جلسة العمل الثالثة - 1: …``), the header lines under them
(``الرئيس المشارك: …``, ``المقررة: …``, ``المتحدثون: …``, ``رئيس الجلسة …، ومقررها …``), the section that carries a
paragraph's session, numbered recommendation lists under a session heading, and numbered round tables in the
account of a held meeting. Negatives: a table of contents, a header line outside any session, a session of a planned
meeting, a round table still to come or owned by another meeting, numbered paragraphs with no list opener.
Every sentence here is the author's own, in the registers of a GFMD chair's summary, a regional process's
report and a UN-style account."""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events, extract_facts
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.recognise.matcher import Matcher, mentions_in
from graph_builder.text.corpus import read_document
from graph_builder.text.header_lines import part_heading, role_label, session_heading

GFMD_TITLE = "موجز الرئيس عن الاجتماع التاسع للمنتدى العالمي المعني بالهجرة والتنمية، أوسلو 2031"
GFMD_OPEN = ("عقد الاجتماع التاسع للمنتدى العالمي المعني بالهجرة والتنمية في أوسلو في الفترة من 3 إلى 5 آذار/مارس 2031، "
             "بضيافة حكومة النرويج.")


@pytest.fixture(scope="module")
def gazetteer():
    gaz = load_gazetteer()
    return gaz, Matcher(gaz)


def document_facts(gazetteer, tmp_path: Path, *blocks: str, name: str = "chair-summary.ar.txt"):
    """(facts, document) of a text made of ``blocks`` separated by blank lines, read as ``mdkg build`` reads it."""
    path = tmp_path / name
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    doc = read_document(path)
    gaz, matcher = gazetteer
    ctx = FactContext(doc, mentions_in(doc, matcher), gaz, matcher)
    return extract_facts(ctx), doc


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


# ------------------------------------------------------------------ the grammar

@pytest.mark.parametrize("line,key,title", [
    ("الجلسة 1-2: حماية المهاجرين في الأزمات", "session-1-2", "حماية المهاجرين في الأزمات"),
    ("جلسة العمل 2 - 3: الهجرة الدائرية", "session-2-3", "الهجرة الدائرية"),
    ("جلسة العمل الثالثة - 1: إدماج الهجرة في التخطيط", "session-3-1", "إدماج الهجرة في التخطيط"),
    ("المائدة المستديرة 2: التحويلات المالية", "roundtable-2", "التحويلات المالية"),
    ("المائدة المستديرة الأولى – العمل اللائق", "roundtable-1", "العمل اللائق"),
    ("حلقة النقاش ٣: الشباب والهجرة", "panel-3", "الشباب والهجرة"),
])
def test_session_heading_lines(line, key, title):
    head = session_heading(line)
    assert head is not None and head.key == key and head.title == title


@pytest.mark.parametrize("line", [
    "الجلسة الافتتاحية",                                   # a session without a number: no numbered key
    "الجلسة 3 التي عقدت في جنيف تناولت سبل التعاون",       # running text, not a heading
    "وفي الجلسة 2: ناقش المشاركون",                        # a proclitic: a sentence
    "جدول الأعمال: الهجرة والتنمية",
])
def test_not_session_headings(line):
    assert session_heading(line) is None


@pytest.mark.parametrize("text,role,bare", [
    ("الرئيسان المشاركان: السيد أ، وزير", "cochair", False),
    ("الرئيسة المشاركة: السيدة ب", "cochair", False),
    ("المقررة:   السيدة ج، مستشارة", "rapporteur", False),
    ("مقرر المجموعة: السيد د", "rapporteur", False),
    ("المتحدثون: السيد هـ، البنك الدولي", "speaker", False),
    ("مديرة الجلسة: السيدة و", "moderator", False),
    ("رئيس الجلسة السيد ز، سفير", "chair", True),
    ("ومقررها السيدة ح، مستشارة", "rapporteur", True),
])
def test_role_labels(text, role, bare):
    assert role_label(text, bare=True)[0] == role
    assert (role_label(text) is None) == bare          # without a colon only a bare label names a role


@pytest.mark.parametrize("text", ["وشكر الرئيس الحكومات على دعمها", "الرئيس السيد أ", "المقرر الخاص المعني بحقوق المهاجرين أشار"])
def test_role_words_in_running_text_are_no_header(text):
    assert role_label(text) is None and role_label(text, bare=True) is None


def test_part_headings():
    assert part_heading("التوصيات") and part_heading("القضايا والملاحظات")
    assert not part_heading("التوصيات المقدمة إلى الحكومات المضيفة") and not part_heading("مقدمة")


# ------------------------------------------------------------------ the document model

def test_header_lines_are_notes_of_the_session_section(gazetteer, tmp_path):
    _, doc = document_facts(gazetteer, tmp_path, GFMD_TITLE, "مقدمة", GFMD_OPEN,
                            "الجلسة 1-1: العمالة الموسمية\nالرئيس المشارك: السيد كارلوس مينديز، وزير العمل، شيلي\n"
                            "المقرر: السيد توماس لي، مستشار أول، سنغافورة",
                            "تناولت الجلسة سبل تنظيم العمالة الموسمية.")
    session = next(s for s in doc.sections if s.heading.startswith("الجلسة 1-1"))
    assert session.notes == ["الرئيس المشارك: السيد كارلوس مينديز، وزير العمل، شيلي",
                             "المقرر: السيد توماس لي، مستشار أول، سنغافورة"]
    assert doc.paragraphs[-1].section is session
    assert not any(p.text.startswith("الرئيس المشارك") for p in doc.paragraphs)


def test_a_table_of_contents_opens_no_section(gazetteer, tmp_path):
    _, doc = document_facts(gazetteer, tmp_path, GFMD_TITLE,
                            "المحتويات\nالجلسة 1-1: العمالة الموسمية\nالجلسة 1-2: حماية المهاجرين في الأزمات",
                            "مقدمة", GFMD_OPEN)
    assert not any(s.heading.startswith("الجلسة") for s in doc.sections)


# ------------------------------------------------------------------ facts: GFMD chair's summary register

SUMMARY = [
    GFMD_TITLE, "مقدمة", GFMD_OPEN,
    "الجلسة 1-1: العمالة الموسمية",
    "الرئيس المشارك: السيد كارلوس مينديز، وزير العمل، شيلي",
    "الرئيسة المشاركة: السيدة آنا بيرغ، مديرة إدارة الهجرة، السويد",
    "المقرر: السيد توماس لي، مستشار أول، سنغافورة",
    "تناولت الجلسة سبل تنظيم العمالة الموسمية وخفض تكاليف التوظيف.",
    "وخلصت الجلسة إلى التوصيات التالية:",
    "1 - تعزيز التعاون بين بلدان المنشأ وبلدان المقصد.",
    "2 - تيسير الاعتراف بالمهارات.",
    "الجلسة 1-2: حماية المهاجرين في الأزمات",
    "رئيس الجلسة السيد بول أوكونور، سفير أيرلندا، ومقررها السيدة ليلى حداد، مستشارة في وزارة الخارجية، لبنان",
    "ناقش المشاركون حماية المهاجرين العالقين في حالات الأزمات.",
    "المائدة المستديرة 2: التحويلات المالية",
    "الرؤساء المشاركون: غانا والمكسيك والفلبين",
    "المتحدثون: السيد جون سميث، البنك الدولي؛ والسيدة ماريا لوبيز، المنظمة الدولية للهجرة",
    "الجلسة الختامية",
    "الرئيس: السيد هنريك لارسن، وزير الخارجية، النرويج",
    "3 - يجب أن تبقى الجلسات مفتوحة للجميع.",
]


@pytest.fixture(scope="module")
def summary(gazetteer, tmp_path_factory):
    facts, _ = document_facts(gazetteer, tmp_path_factory.mktemp("summary"), *SUMMARY)
    return triples(facts)


def test_session_headings_are_parts_of_the_meeting_with_their_theme(summary):
    for key in ("session-1-1", "session-1-2", "roundtable-2"):
        assert (f"event/gfmd-2031-{key}", "partOf", "event/gfmd-2031") in summary
        assert (f"event/gfmd-2031-{key}", "year", "2031") in summary
    assert ("event/gfmd-2031-session-1-1", "theme", "العمالة الموسمية") in summary
    assert ("event/gfmd-2031-roundtable-2", "theme", "التحويلات المالية") in summary


def test_cochair_lines_give_persons_and_their_states(summary):
    s11 = "event/gfmd-2031-session-1-1"
    assert (s11, "coChairedBy", "person/karlws-myndyz") in summary
    assert (s11, "coChairedBy", "person/ana-byrgh") in summary
    assert (s11, "coChairedBy", "state/CHL") in summary and (s11, "coChairedBy", "state/SWE") in summary
    assert ("person/twmas-ly", "participatesIn", s11) in summary          # the rapporteur takes part
    assert (s11, "coChairedBy", "person/twmas-ly") not in summary          # … and co-chairs nothing
    assert (s11, "coChairedBy", "state/SGP") not in summary


def test_states_listed_as_cochairs(summary):
    rt = "event/gfmd-2031-roundtable-2"
    assert {(rt, "coChairedBy", f"state/{c}") for c in ("GHA", "MEX", "PHL")} <= summary


def test_speakers_take_part_and_their_organisation_is_no_role(summary):
    rt = "event/gfmd-2031-roundtable-2"
    assert ("person/jwn-smyth", "participatesIn", rt) in summary
    assert ("person/marya-lwbyz", "participatesIn", rt) in summary
    assert ("person/jwn-smyth", "affiliation", "org/world-bank") in summary
    assert not any(s == "person/jwn-smyth" and p == "role" for s, p, _ in summary)


def test_verbless_chair_and_rapporteur_paragraph(summary):
    s12 = "event/gfmd-2031-session-1-2"
    assert (s12, "chairedBy", "person/bwl-awkwnwr") in summary
    assert ("person/lyly-hdad", "participatesIn", s12) in summary
    assert (s12, "chairedBy", "person/lyly-hdad") not in summary


def test_recommendations_listed_after_an_opener_are_the_sessions(summary):
    s11 = "event/gfmd-2031-session-1-1"
    assert ("commitment/gfmd-2031-session-1-1-rec-1", "producedBy", s11) in summary
    assert ("commitment/gfmd-2031-session-1-1-rec-2", "producedBy", s11) in summary
    assert not any(p == "producedBy" and o != s11 for _, p, o in summary)     # the closing item has no opener


def test_a_header_line_outside_any_numbered_session_gives_nothing(summary):
    assert not any(s.endswith("hnryk-larsn") or o.endswith("hnryk-larsn") for s, p, o in summary
                   if p in ("chairedBy", "coChairedBy", "participatesIn"))


# ------------------------------------------------------------------ other registers and negatives

def test_regional_process_report_with_numbered_working_sessions(gazetteer, tmp_path):
    facts, _ = document_facts(
        gazetteer, tmp_path,
        "تقرير الرئاسة عن الاجتماع الوزاري الخامس لعملية بالي، 2032",
        "خلفية",
        "عقد الاجتماع الوزاري الخامس لعملية بالي في بالي يوم 2 آذار/مارس 2032، برئاسة مشتركة من إندونيسيا وأستراليا.",
        "جلسة العمل الثانية - 1: مكافحة تهريب المهاجرين",
        "الرئيسان المشاركان: السيدة ريتا سوسانتو، مديرة الشؤون القنصلية، إندونيسيا؛ والسيد مارك ويلسون، سفير، أستراليا",
        "المقررة: السيدة نور الهدى، باحثة، ماليزيا",
        "القضايا والملاحظات",
        "أكد المشاركون ضرورة تبادل المعلومات بين أجهزة إنفاذ القانون.",
        "التوصيات",
        "أوصت الجلسة بما يلي:",
        "1 - إنشاء نقاط اتصال وطنية.",
        "2 - تدريب موظفي الحدود.",
        name="bali-report.ar.txt")
    t = triples(facts)
    parts = [(s, o) for s, p, o in t if p == "partOf" and s.endswith("-session-2-1")]
    assert len(parts) == 1
    session, meeting = parts[0]
    assert meeting.startswith("event/bali-process")
    assert (session, "coChairedBy", "state/IDN") in t and (session, "coChairedBy", "state/AUS") in t
    assert {(f"commitment/{session.split('/')[1]}-rec-{n}", "producedBy", session) for n in (1, 2)} <= t


def test_sessions_of_a_planned_meeting_are_not_read(gazetteer, tmp_path):
    facts, _ = document_facts(
        gazetteer, tmp_path,
        "البرنامج المقترح للاجتماع العاشر للمنتدى العالمي المعني بالهجرة والتنمية",
        "مقدمة",
        "من المقرر أن يعقد الاجتماع العاشر للمنتدى العالمي المعني بالهجرة والتنمية في برلين في حزيران/يونيه 2040.",
        "الجلسة 1-1: العمالة الموسمية",
        "الرئيس المشارك: السيد كارلوس مينديز، وزير العمل، شيلي",
        name="programme.ar.txt")
    assert not [f for f in facts if f.predicate in ("coChairedBy", "chairedBy") and "session" in f.subject.slug]


# ------------------------------------------------------------------ numbered round tables in running text

def test_numbered_round_tables_in_the_account_of_a_held_meeting():
    facts = facts_of_text(events,
                          "عقد الاجتماع السابع للمنتدى العالمي المعني بالهجرة والتنمية في كيتو يومي 2 و 3 أيار/مايو 2033.",
                          "وناقشت المائدة المستديرة الأولى سبل الحد من تكاليف التوظيف، أما المائدة المستديرة الثانية "
                          "فتناولت إدماج المهاجرين.", date="")
    t = triples(facts)
    assert ("event/gfmd-2033-roundtable-1", "partOf", "event/gfmd-2033") in t
    assert ("event/gfmd-2033-roundtable-2", "partOf", "event/gfmd-2033") in t


@pytest.mark.parametrize("sentence", [
    "وستتناول المائدة المستديرة الأولى سبل الحد من تكاليف التوظيف.",                    # still to come
    "ومن المقرر أن تناقش المائدة المستديرة الأولى سبل الحد من تكاليف التوظيف.",        # planned
    "واستند المشاركون إلى نتائج المائدة المستديرة الأولى للاجتماع الوزاري السابق.",     # another meeting's
])
def test_round_tables_still_to_come_or_of_another_meeting(sentence):
    facts = facts_of_text(events,
                          "عقد الاجتماع السابع للمنتدى العالمي المعني بالهجرة والتنمية في كيتو يومي 2 و 3 أيار/مايو 2033.",
                          sentence, date="")
    assert not [f for f in facts if "roundtable" in f.subject.slug]


# ------------------------------------------------------------------ a meeting stated by its position in a UN report

UN_OPEN = "عقد الاجتماع التاسع للمنتدى العالمي المعني بالهجرة والتنمية في أوسلو في الفترة من 3 إلى 5 آذار/مارس 2031."


@pytest.mark.parametrize("sentence", [
    "وفي الاجتماع الذي عقد في جنيف في تشرين الأول/أكتوبر 2030، تناول المشاركون التحضير للاجتماع التاسع.",
    "وتناول المشاركون في الاجتماع التحضيري الذي عقد في جنيف في 5 تموز/يوليه 2030 ترتيبات الاجتماع التاسع.",
])
def test_the_date_and_place_of_a_meeting_s_relative_clause_are_not_a_later_meeting_s(sentence):
    facts = facts_of_text(events, "المنتدى العالمي المعني بالهجرة والتنمية عملية تقودها الدول.", UN_OPEN, sentence,
                          date="")
    t = {x for x in triples(facts) if x[0] != "event/meeting-geneva-2030"}
    assert not any(p in ("location", "startDate", "year") and o in ("place/geneva", "2030", "2030-07-05")
                   for s, p, o in t)
    assert ("event/meeting-geneva-2030", "location", "place/geneva") in triples(facts)


def test_a_held_verb_before_the_meeting_still_dates_and_places_it():
    facts = facts_of_text(events, "المنتدى العالمي المعني بالهجرة والتنمية عملية تقودها الدول.", UN_OPEN,
                          "وعقد في جنيف في 5 تموز/يوليه 2030 الاجتماع الثامن.", date="")
    t = triples(facts)
    assert ("event/gfmd-2030", "location", "place/geneva") in t
    assert ("event/gfmd-2030", "startDate", "2030-07-05") in t


# ------------------------------------------------------------------ the meeting a section heading names

UN_SECTIONS = [
    "# الأمم المتحدة", "## تقرير الأمين العام", "## أولا - مقدمة",
    "١ - يستعرض هذا التقرير أعمال المنتدى العالمي المعني بالهجرة والتنمية في الفترة ٢٠٣٠-٢٠٣٢.",
    "## ثانيا - المنتدى العالمي المعني بالهجرة والتنمية",
    "### ألف - الاجتماع السابع للمنتدى (سانتياغو، ٢٠٣١)",
    "٢ - تناول الاجتماع، الذي عقد يومي ٤ و ٥ أيار/مايو ٢٠٣١، تنقل اليد العاملة. وشارك فيه ممثلو ١٢٠ دولة.",
    "٣ - وترأس الاجتماع السفير خوان بيريز، نائب وزير الخارجية في شيلي.",
    "### باء - الاجتماع الثامن للمنتدى (أكرا، ٢٠٣٢)",
    "٤ - وركز الاجتماع على التحويلات المالية. وشارك فيه ممثلو ١٣٥ دولة و ٣٠ منظمة دولية.",
]


def test_a_section_heading_carries_the_meeting_its_paragraphs_report(gazetteer, tmp_path):
    facts, _ = document_facts(gazetteer, tmp_path, *UN_SECTIONS, name="sg-report.ar.md")
    t = triples(facts)
    assert ("event/gfmd-2031", "partOf", "process/gfmd") in t
    assert ("event/gfmd-2031", "location", "place/santiago") in t
    assert ("event/gfmd-2031", "startDate", "2031-05-04") in t
    assert ("event/gfmd-2031", "participantCount", "120") in t
    assert ("event/gfmd-2031", "chairedBy", "person/khwan-byryz") in t
    assert ("event/gfmd-2032", "location", "place/accra") in t
    assert ("event/gfmd-2032", "participantCount", "135") in t
    assert ("event/gfmd-2031", "participantCount", "135") not in t       # the next section's meeting is another


def test_a_heading_naming_a_process_or_a_planned_meeting_carries_none(gazetteer, tmp_path):
    facts, _ = document_facts(
        gazetteer, tmp_path, "# الأمم المتحدة", "## تقرير الأمين العام",
        "## أولا - المنتدى العالمي المعني بالهجرة والتنمية",
        "١ - وشارك في الاجتماع ممثلو ١٢٠ دولة.",
        "## ثانيا - الاجتماع المقبل للمنتدى",
        "٢ - ومن المقرر أن يعقد الاجتماع في أكرا، وسيشارك فيه ممثلو ١٣٥ دولة.",
        name="sg-report-2.ar.md")
    assert not [f for f in facts if f.predicate in ("participantCount", "location") and f.subject.kind == "event"
                and f.rule.startswith("event.heading")]
    assert not [f for f in facts if f.predicate == "participantCount" and str(f.object.lexical) == "135"]


# ------------------------------------------------------------------ a bare session noun in a session's section

def test_the_session_of_a_section_named_by_a_bare_noun(gazetteer, tmp_path):
    facts, _ = document_facts(
        gazetteer, tmp_path, GFMD_TITLE, "مقدمة", GFMD_OPEN,
        "الجلسة 1-1: العمالة الموسمية",
        "ترأست الجلسة السيدة آنا بيرغ، مديرة إدارة الهجرة في السويد، وناقش المشاركون العقود الموسمية.",
        "الجلسة 1-2: حماية المهاجرين في الأزمات",
        "وترأس الجلسة بصورة مشتركة كل من الفلبين والمكسيك.",
        "الجلسة الختامية",
        "وترأس الجلسة السفير خوان بيريز، نائب وزير الخارجية في شيلي.",
        name="summary-running.ar.txt")
    t = triples(facts)
    assert ("event/gfmd-2031-session-1-1", "chairedBy", "person/ana-byrgh") in t
    assert ("event/gfmd-2031-session-1-2", "coChairedBy", "state/PHL") in t
    assert ("event/gfmd-2031-session-1-2", "coChairedBy", "state/MEX") in t
    # the closing session has no number: its chair is no numbered session's, nor the first session's
    assert not any(p in ("chairedBy", "coChairedBy") and o == "person/khwan-byryz" and "session-1" in s
                   for s, p, o in t)


def test_persons_listed_with_their_states_in_brackets(gazetteer, tmp_path):
    facts, _ = document_facts(
        gazetteer, tmp_path, GFMD_TITLE, "مقدمة", GFMD_OPEN,
        "المائدة المستديرة 3: الهجرة والمناخ",
        "الرؤساء المشاركون: السيد كوفي منساه (غانا)، والسيدة لوسيا راميريز (المكسيك)",
        name="summary-brackets.ar.txt")
    t = triples(facts)
    rt = "event/gfmd-2031-roundtable-3"
    assert (rt, "coChairedBy", "state/GHA") in t and (rt, "coChairedBy", "state/MEX") in t
    persons = {o for s, p, o in t if s == rt and p == "coChairedBy" and o.startswith("person/")}
    assert len(persons) == 2 and "person/kwfy-mnsah" in persons


def test_a_transcript_line_is_no_header_line():
    line = "الرئيس: إن الهجرة ظاهرة إنسانية قديمة. ويجب أن نتعاون جميعا من أجل حماية المهاجرين وتعزيز حقوقهم."
    assert role_label(line) is None
    assert role_label("الرئيس: السيد هنريك لارسن، وزير الخارجية، النرويج.")[0] == "chair"


def test_items_under_a_recommendations_heading_need_no_opening_sentence(gazetteer, tmp_path):
    facts, _ = document_facts(
        gazetteer, tmp_path, GFMD_TITLE, "مقدمة", GFMD_OPEN,
        "الجلسة 2-1: الهجرة والمناخ",
        "ناقش المشاركون أثر تغير المناخ في حركة السكان.",
        "التوصيات",
        "1 - إدماج التنقل البشري في خطط التكيف الوطنية.",
        "2 - تحسين جمع البيانات عن النزوح المرتبط بالكوارث.",
        "مقدمة المرفق",
        "1 - قائمة المشاركين متاحة على موقع المنتدى.",
        name="summary-recs.ar.txt")
    produced = {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "producedBy"}
    assert produced == {("commitment/gfmd-2031-session-2-1-rec-1", "event/gfmd-2031-session-2-1"),
                        ("commitment/gfmd-2031-session-2-1-rec-2", "event/gfmd-2031-session-2-1")}
