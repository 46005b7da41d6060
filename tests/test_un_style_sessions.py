"""Sessions and chairs in the layouts of UN reports (issue 13, chair8): a note dated the year after the meeting whose
report it transmits, a session named again by its kind and number in a numbered paragraph, header lines written as
sentences of a numbered paragraph, a co-chair adverb (بصورة مشتركة) between the chair verb and the chairs, a section
heading whose city names a document (إعلان داكار الصادر عن …، خطة عمل نيروبي) and an ordinal meeting of a dialogue named
in full.
Negatives: the date's year keys no meeting when the title names the meeting; another round table's number names
another session; an adverb is never a chair's name; one chair stays a chair. Every sentence is the author's own, in
the registers of a UN note, a regional process's co-chairs' statement and a press account."""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events, extract_facts
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.recognise.matcher import Matcher, mentions_in
from graph_builder.text.corpus import read_document

NOTE_TITLE = "تقرير عن أعمال الاجتماع الثامن للمنتدى العالمي المعني بالهجرة والتنمية"
NOTE_OPEN = ("١ - يحيل الأمين العام إلى الجمعية العامة تقرير رئاسة المنتدى العالمي المعني بالهجرة والتنمية عن أعمال "
             "الاجتماع الثامن للمنتدى، الذي عقد في كيتو في الفترة من ٢ إلى ٤ تشرين الثاني/نوفمبر ٢٠٣٢.")


@pytest.fixture(scope="module")
def gazetteer():
    gaz = load_gazetteer()
    return gaz, Matcher(gaz)


def note_facts(gazetteer, tmp_path: Path, *blocks: str, date: str = "2033-03-01", title: str = NOTE_TITLE):
    """Facts of a numbered UN note made of ``blocks`` (headings with ##), dated ``date``."""
    path = tmp_path / "note.ar.md"
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    doc = read_document(path, {"date": date, "title_ar": title})
    gaz, matcher = gazetteer
    return extract_facts(FactContext(doc, mentions_in(doc, matcher), gaz, matcher))


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


ROUND_TABLES = (
    "## ثانيا - الموائد المستديرة",
    "### المائدة المستديرة ١-١: الهجرة والتكيف مع تغير المناخ",
    "٢ - ترأس المائدة المستديرة ١-١ بصورة مشتركة ممثلا كولومبيا وتونس. وتناول المشاركون إدماج التنقل في خطط التكيف.",
    "### المائدة المستديرة ١-٢: توظيف العمال على نحو عادل",
    "٣ - الرئيسان المشاركان: الأردن والبرتغال. المقررة: السيدة هالة منصور، لبنان.",
    "٤ - ناقشت المائدة المستديرة ١-٢ رسوم التوظيف، وأشار المشاركون إلى ما خلصت إليه المائدة المستديرة ١-١.",
)


def test_a_note_dated_the_next_year_keys_the_sessions_to_the_meeting_its_title_names(gazetteer, tmp_path):
    facts = triples(note_facts(gazetteer, tmp_path, NOTE_OPEN, *ROUND_TABLES))
    assert ("event/gfmd-2032-roundtable-1-1", "partOf", "event/gfmd-2032") in facts
    assert ("event/gfmd-2032-roundtable-1-2", "year", "2032") in facts
    # the note's own date (2033) keys no meeting and no session
    assert not {t for t in facts if "gfmd-2033" in t[0] or "gfmd-2033" in t[2]}


def test_a_session_named_again_by_its_kind_and_number_gets_its_co_chairs(gazetteer, tmp_path):
    facts = triples(note_facts(gazetteer, tmp_path, NOTE_OPEN, *ROUND_TABLES))
    assert ("event/gfmd-2032-roundtable-1-1", "coChairedBy", "state/COL") in facts
    assert ("event/gfmd-2032-roundtable-1-1", "coChairedBy", "state/TUN") in facts
    # an adverb is no chair's name; the round table's co-chairs are not the meeting's
    assert not {t for t in facts if t[1] in ("chairedBy", "coChairedBy") and t[2].startswith("person/")
                and "1-1" in t[0]}
    assert not {t for t in facts if t[0] == "event/gfmd-2032" and t[1] in ("chairedBy", "coChairedBy")}


def test_header_lines_written_as_sentences_of_a_numbered_paragraph(gazetteer, tmp_path):
    facts = triples(note_facts(gazetteer, tmp_path, NOTE_OPEN, *ROUND_TABLES))
    assert ("event/gfmd-2032-roundtable-1-2", "coChairedBy", "state/JOR") in facts
    assert ("event/gfmd-2032-roundtable-1-2", "coChairedBy", "state/PRT") in facts
    assert any(p == "participatesIn" and o == "event/gfmd-2032-roundtable-1-2" and s.startswith("person/")
               for s, p, o in facts)
    # the rapporteur chairs nothing; round table 1-1 named in 1-2's section gets none of 1-2's chairs
    assert not {t for t in facts if t[1] == "chairedBy" and "1-2" in t[0]}
    assert ("event/gfmd-2032-roundtable-1-1", "coChairedBy", "state/JOR") not in facts


@pytest.mark.parametrize("sentence,chairs", [
    ("اجتمع وزراء الدول الأعضاء في عملية بالي في بالي في ١٠ حزيران/يونيه ٢٠٣١ في المؤتمر الوزاري الإقليمي التاسع، الذي "
     "ترأسه بصورة مشتركة وزيرا خارجية إندونيسيا وأستراليا.", {"state/IDN", "state/AUS"}),
    ("وعقد اجتماع كبار المسؤولين لعملية الخرطوم في أديس أبابا في ٢٤ أيلول/سبتمبر ٢٠٣٠، وترأس الاجتماع بشكل مشترك "
     "كل من إثيوبيا وهولندا.", {"state/ETH", "state/NLD"}),
])
def test_a_co_chair_adverb_makes_co_chairs_and_is_no_name(sentence, chairs):
    facts = triples(facts_of_text(events, sentence, date="2031-07-01"))
    co = {o for s, p, o in facts if p == "coChairedBy"}
    assert chairs <= co
    assert not {o for s, p, o in facts if p in ("chairedBy", "coChairedBy") and o.startswith("person/")}


def test_one_chair_without_the_adverb_stays_a_chair():
    facts = triples(facts_of_text(events, "وعقد المؤتمر الوزاري لعملية الرباط في داكار في ٣ آذار/مارس ٢٠٣٠، وترأس "
                                          "المؤتمر السيد مامادو فال، وزير خارجية السنغال.", date="2030-05-01"))
    assert any(p == "chairedBy" for s, p, o in facts)
    assert not any(p == "coChairedBy" for s, p, o in facts)


REVIEW = (
    "# الأمم المتحدة",
    "## أولا - مقدمة",
    "١ - يستعرض هذا التقرير التطورات التي شهدتها العمليات الإقليمية منذ عام ٢٠٢٦.",
    "## ثانيا - العمليات الإقليمية",
    "### ألف - إعلان داكار الصادر عن المؤتمر الوزاري الرابع لعملية الرباط (٢٠٢٨)",
    "٢ - اعتمد المؤتمر الوزاري الرابع لعملية الرباط، الذي عقد في مدريد في تشرين الأول/أكتوبر ٢٠٢٨، إعلان داكار.",
    "### باء - خطة عمل نيروبي المنبثقة عن الاجتماع السابع لحوار أبو ظبي (٢٠٢٩)",
    "٣ - صدر تقرير الاجتماع في نيروبي. وكان الاجتماع قد عقد في دبي في عام ٢٠٢٩ برئاسة الإمارات العربية المتحدة.",
    "### جيم - تقرير الرئاسة عن الاجتماع الثامن لحوار أبو ظبي (كولومبو، ٢٠٣٠)",
    "٤ - تناول الاجتماع تنقل العمالة الماهرة.",
)


def test_a_heading_whose_city_names_a_document_gives_no_place_to_its_meeting(gazetteer, tmp_path):
    facts = triples(note_facts(gazetteer, tmp_path, *REVIEW, date="2030-08-01", title="الهجرة الدولية والتنمية"))
    assert ("event/rabat-process-2028", "location", "place/madrid") in facts
    assert not {t for t in facts if t[1] == "location" and t[2] in ("place/dakar", "place/nairobi")}
    assert ("event/abu-dhabi-dialogue-2029", "location", "place/dubai") in facts
    # a city set off with the year after the meeting a report's heading names is the meeting's place
    assert ("event/abu-dhabi-dialogue-2030", "location", "place/colombo") in facts


def test_an_ordinal_meeting_of_a_dialogue_named_in_full_is_that_dialogue_s(gazetteer, tmp_path):
    facts = triples(note_facts(gazetteer, tmp_path, *REVIEW, date="2030-08-01", title="الهجرة الدولية والتنمية"))
    assert ("event/abu-dhabi-dialogue-2029", "partOf", "process/abu-dhabi-dialogue") in facts
    # the Rabat Process (a dialogue the text names too) holds no seventh meeting
    assert not {t for t in facts if t[0] == "event/rabat-process-2029"}
