"""Topics stated as the purpose or concern of a name (rules topics.purpose-after-name and
topics.purpose-verb-first), on sentences written for these tests, with negative cases (a purpose of
something else named between; a cue with no topic)."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import topic_purpose
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def _topics(text, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    para = Paragraph(number=1, text=text, order=1, line=2, section=sec)
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=[para], sections=[sec])
    return {(f.subject.slug, f.object.slug) for f in topic_purpose.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))}


def test_process_then_purpose_egyptian_register(matcher, gazetteer):
    got = _topics("وتتولى مصر رئاسة عملية الخرطوم لمكافحة تهريب المهاجرين والاتجار بالبشر منذ أبريل.", matcher, gazetteer)
    assert got == {("khartoum-process", "smuggling"), ("khartoum-process", "trafficking")}


def test_place_between_name_and_purpose(matcher, gazetteer):
    got = _topics("أطلقت عملية الخرطوم في روما لمكافحة تهريب المهاجرين.", matcher, gazetteer)
    assert got == {("khartoum-process", "smuggling")}


def test_verb_of_concern_before_the_name_rcp_register(matcher, gazetteer):
    got = _topics("وتعنى عملية بالي بمكافحة تهريب الأشخاص والاتجار بهم في المنطقة.", matcher, gazetteer)
    assert ("bali-process", "smuggling") in got and ("bali-process", "trafficking") in got


def test_a_purpose_of_something_else_named_between_is_not_the_names(matcher, gazetteer):
    got = _topics("وتتولى المنظمة الدولية للهجرة، في إطار برنامجها الرامي إلى دعم العائدين، إعادة الإدماج.",
                  matcher, gazetteer)
    assert got == set()


def test_a_cue_with_no_topic_after_it_gives_nothing(matcher, gazetteer):
    assert _topics("وعقدت عملية بالي اجتماعها بهدف تقييم ما تحقق خلال العام.", matcher, gazetteer) == set()


def _doc_topics(paragraphs, matcher, gazetteer):
    from graph_builder.facts import topics
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    return {(f.subject.slug, f.object.slug, f.rule) for f in topics.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))}


def test_fields_of_a_memorandum_in_a_later_sentence_that_refers_back_iom_register(matcher, gazetteer):
    got = _doc_topics(["وقعت المنظمة الدولية للهجرة ومفوضية الأمم المتحدة لشؤون اللاجئين مذكرة تفاهم في جنيف.",
                       "وتلزم المذكرة الطرفين بالتعاون في ثلاثة مجالات: إشراك المغتربين، وتحسين جمع البيانات المتعلقة "
                       "بالهجرة، ودعم المهاجرين العائدين وإعادة إدماجهم."], matcher, gazetteer)
    fields = {(s, o) for s, o, r in got if r == "topics.agreement-fields"}
    assert {o for s, o in fields} >= {"diaspora", "return-reintegration"}
    assert all(s.startswith("mou-") for s, o in fields)


def test_fields_cue_without_an_agreement_gives_nothing(matcher, gazetteer):
    got = _doc_topics(["وتعمل الحكومة في مجالات إشراك المغتربين ودعم المهاجرين العائدين."], matcher, gazetteer)
    assert not [x for x in got if x[2] == "topics.agreement-fields"]


# ---------------------------------------------------------------- an instrument's written name (topics.instrument-name)

def test_an_instruments_written_name_states_its_subject_un_register(matcher, gazetteer):
    got = _doc_topics(["ودخلت اتفاقية العمال المنزليين رقم 189 حيز النفاذ في أيلول/سبتمبر 2013."], matcher, gazetteer)
    assert ("ilo-convention-189", "care-workers", "topics.instrument-name") in got


def test_an_instruments_long_name_in_gulf_press(matcher, gazetteer):
    got = _doc_topics(["ورحبت الدولة باعتماد إعلان نيويورك من أجل اللاجئين والمهاجرين في القمة."], matcher, gazetteer)
    assert ("new-york-declaration", "refugees", "topics.instrument-name") in got


def test_a_short_name_says_nothing_of_the_subject(matcher, gazetteer):
    got = _doc_topics(["وأشار الوزير إلى إعلان نيويورك في كلمته أمام المؤتمر."], matcher, gazetteer)
    assert not [x for x in got if x[2] == "topics.instrument-name"]


# ---------------------------------------------------------------- the meeting noun as the subject of a focus verb

def test_the_meeting_discusses_a_list_past_an_inserted_theme_egyptian_register(matcher, gazetteer):
    got = _doc_topics(["انطلقت أمس في أثينا أعمال الاجتماع الثالث للمنتدى العالمي للهجرة والتنمية بمشاركة 150 دولة.",
                       "ويناقش الاجتماع، تحت شعار \"الهجرة من أجل الجميع\"، سبل حماية المهاجرين، والهجرة الدائرية، "
                       "ودور المغتربين في تنمية بلدانهم."], matcher, gazetteer)
    meeting = {(s, o) for s, o, r in got if r == "topics.meeting-verb"}
    assert {o for s, o in meeting} == {"human-rights", "circular-migration", "diaspora"}, got
    assert all(s.startswith("gfmd") for s, o in meeting)


def test_the_list_ends_at_an_item_with_no_topic(matcher, gazetteer):
    got = _doc_topics(["انطلقت أمس في أثينا أعمال الاجتماع الثالث للمنتدى العالمي للهجرة والتنمية.",
                       "وناقش الاجتماع الهجرة الدائرية، وجدول أعمال الدورة المقبلة، ثم أشاد الوزير بدور المغتربين."],
                      matcher, gazetteer)
    meeting = {o for s, o, r in got if r == "topics.meeting-verb"}
    assert meeting == {"circular-migration"}, got


# ---------------------------------------------------------------- purpose past an inserted chair; a meeting's object

def test_an_inserted_chair_does_not_take_the_purpose_levantine_register(matcher, gazetteer):
    got = _doc_topics(["افتتح في الخرطوم الاجتماع الوزاري الثالث لـ«عملية الخرطوم» برئاسة مصر، لمكافحة الاتجار بالبشر."],
                      matcher, gazetteer)
    assert ("khartoum-process", "trafficking", "topics.purpose-after-name") in got
    assert not any(s == "egypt" or s.startswith("state") for s, o, r in got), got


def test_a_meeting_focused_on_an_instrument_addresses_what_the_instrument_is_about_un_register(matcher, gazetteer):
    got = _doc_topics(["افتتح في القاهرة الاجتماع التاسع لعملية التشاور العربية الإقليمية حول الهجرة واللجوء.",
                       "يركز الاجتماع على آخر المستجدات بشأن متابعة الاتفاق العالمي بشأن اللاجئين."], matcher, gazetteer)
    meeting = {(s, o) for s, o, r in got if r == "topics.meeting-verb"}
    assert ("refugees" in {o for s, o in meeting}), got
    assert all(s.startswith("arcp") for s, o in meeting)


def test_an_instrument_adopted_is_not_a_topic_the_meeting_discussed(matcher, gazetteer):
    got = _doc_topics(["افتتح في القاهرة الاجتماع التاسع لعملية التشاور العربية الإقليمية حول الهجرة واللجوء.",
                       "وأشاد الوزير بالاتفاق العالمي بشأن اللاجئين الذي اعتمد عام 2018."], matcher, gazetteer)
    assert not any(r == "topics.meeting-verb" for s, o, r in got), got


def test_a_declaration_written_after_the_focus_verb_is_its_subject_not_the_meeting(matcher, gazetteer):
    got = _doc_topics(["وفي براغ، اعتمد المؤتمر الوزاري المعقود يومي 27 و 28 نيسان/أبريل 2009 إعلانا مشتركا. "
                       "ويركز الإعلان على منع الهجرة غير النظامية ومكافحتها."], matcher, gazetteer)
    assert not any(r == "topics.meeting-verb" for s, o, r in got), got


def test_mixed_migration_is_irregular_migration_gulf_register(matcher, gazetteer):
    got = _doc_topics(["انطلق في مسقط الاجتماع الثالث لعملية التشاور العربية الإقليمية حول الهجرة واللجوء.",
                       "وناقش الاجتماع الهجرة المختلطة في البحر المتوسط."], matcher, gazetteer)
    assert {o for s, o, r in got if r == "topics.meeting-verb"} == {"irregular-migration"}, got


def test_the_meeting_discusses_an_instrument_named_after_the_verb_gulf_register(matcher, gazetteer):
    got = _doc_topics(["افتتح في القاهرة يوم 5 مايو 2021 الاجتماع السابع لعملية التشاور العربية الإقليمية حول الهجرة "
                       "واللجوء، وناقش الاتفاق العالمي بشأن اللاجئين وسبل تنفيذه."], matcher, gazetteer)
    assert {(s, o) for s, o, r in got if r == "topics.meeting-verb"} == {("arcp-2021", "refugees")}, got


def test_the_meeting_adopting_an_instrument_does_not_discuss_its_subject(matcher, gazetteer):
    got = _doc_topics(["افتتح في القاهرة يوم 5 مايو 2021 الاجتماع السابع لعملية التشاور العربية الإقليمية حول الهجرة "
                       "واللجوء، واعتمد الاتفاق العالمي بشأن اللاجئين."], matcher, gazetteer)
    assert not any(r == "topics.meeting-verb" for s, o, r in got), got


# ---------------------------------------------------------------- a meeting of a process (topics.process-meeting; not from the process name alone)

def test_the_meeting_of_a_process_with_a_purpose_egyptian_register(matcher, gazetteer):
    got = _doc_topics(["بدأت اليوم في القاهرة أعمال الاجتماع الوزاري الثاني لـ\"عملية الخرطوم\" لمكافحة تهريب المهاجرين "
                       "والاتجار بالبشر، بمشاركة ممثلي 50 دولة."], matcher, gazetteer)
    meeting = {(s, o) for s, o, r in got if r == "topics.process-meeting"}
    assert {o for s, o in meeting} == {"smuggling", "trafficking"}, got
    assert all(s.startswith("khartoum-process") for s, o in meeting)


def test_no_meeting_noun_before_the_process_gives_the_process_only(matcher, gazetteer):
    got = _doc_topics(["وتتولى مصر رئاسة عملية الخرطوم لمكافحة تهريب المهاجرين منذ أبريل."], matcher, gazetteer)
    assert not [x for x in got if x[2] == "topics.process-meeting"]


def test_a_process_name_with_its_subject_is_no_purpose_of_the_meeting_gulf_register(matcher, gazetteer):
    got = _doc_topics(["شاركت الدولة في أعمال المؤتمر الوزاري السابع لعملية بالي بشأن تهريب البشر والاتجار بالأشخاص "
                       "في نوسا دوا في 7 أغسطس 2018."], matcher, gazetteer)
    assert not [x for x in got if x[2] == "topics.process-meeting"]


# ---------------------------------------------------------------- المؤتمر / المنتدى: the paragraph's meeting, or a process

def test_the_conference_as_subject_is_the_paragraphs_meeting_un_register(matcher, gazetteer):
    got = _doc_topics(["ويضم المؤتمر الإقليمي المعني بالهجرة في عضويته 11 دولة.",
                       "واستضافت حكومة سوازيلند المؤتمر الوزاري للحوار المعني بالهجرة في الجنوب الأفريقي في إيزولويني "
                       "في تموز/يوليه 2016، وتناول المؤتمر هجرة اليد العاملة وتحسين البيانات المتعلقة بالهجرة."],
                      matcher, gazetteer)
    assert not any(s == "puebla-process" for s, o, r in got), got
    assert {o for s, o, r in got if s.startswith("midsa-2016")} >= {"labour-mobility", "data-research"}, got


def test_a_process_that_held_its_own_meeting_and_focused_gives_the_meeting_and_the_process(matcher, gazetteer):
    got = _doc_topics(["ويضم المؤتمر الإقليمي المعني بالهجرة (عملية بويبلا) في عضويته 11 دولة. وعقد المؤتمر اجتماعه الحادي والعشرين "
                       "في سان خوسيه يومي 17 و 18 تشرين الثاني/نوفمبر 2016، وركز على حماية الأطفال المهاجرين."],
                      matcher, gazetteer)
    # the verb's subject is the process (المؤتمر), which focused on it at its meeting: both address the topic
    assert any(s == "puebla-process" and o == "children" for s, o, r in got), got
    assert any(s.startswith("puebla-process-") and o == "children" for s, o, r in got), got


# ---------------------------------------------------------------- topics6: which meeting the noun takes up; a fronted part

def test_the_meeting_noun_takes_up_the_meeting_named_before_not_one_named_later_rcp_register(matcher, gazetteer):
    got = _doc_topics(["افتتح في القاهرة يوم 14 مايو 2025 الاجتماع الحادي عشر لعملية التشاور العربية الإقليمية حول "
                       "الهجرة واللجوء.",
                       "يركز الاجتماع على الاتفاق العالمي بشأن اللاجئين، وتحضير الدول الأعضاء للمشاركة في المنتدى "
                       "العالمي الثاني للاجئين الذي سيعقد بجنيف في ديسمبر 2025."], matcher, gazetteer)
    meeting = {(s, o) for s, o, r in got if r == "topics.meeting-verb"}
    assert meeting and all(s.startswith("arcp") for s, o in meeting), got


def test_a_part_fronted_by_amma_takes_its_own_verb_un_register(matcher, gazetteer):
    got = _doc_topics(["عقد المنتدى العالمي للهجرة والتنمية اجتماعه الرابع في بويرتو فالارتا في تشرين الثاني/نوفمبر 2010. "
                       "أما المائدة المستديرة الثالثة فخصصت لاتساق السياسات."], matcher, gazetteer)
    assert not any(r == "topics.meeting-verb" and o == "policy-coherence" for s, o, r in got), got
