"""A meeting's topics as press and reports describe its agenda (topic_agenda.py: topics.meeting-relative,
topics.meeting-agenda, topics.meeting-purpose, topics.statement) and the press variants of the topic lexicon,
on sentences written for these tests in several registers, with the negative cases: a negated or future verb, a
document as subject, a topic that belongs to another actor's work or to an instrument named in the statement (a
passing mention), a statement in a paragraph about another meeting."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.facts import topic_agenda
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def _facts(paragraphs, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    return topic_agenda.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))


def _topics(paragraphs, matcher, gazetteer, rule=None):
    return {f.object.slug for f in _facts(paragraphs, matcher, gazetteer) if rule is None or f.rule == rule}


RABAT = "الرباط، 12 مارس 2019 (ومع) - انطلقت اليوم بالرباط أشغال الاجتماع الوزاري الخامس لمسار الرباط، بمشاركة وزراء من 30 دولة."
GENEVA = "جنيف، 3 آذار/مارس 2016 - عقد المنتدى العالمي للهجرة والتنمية اجتماعه السنوي التاسع في جنيف يومي 2 و3 آذار/مارس 2016."
KUWAIT = "الكويت - الأحد 8 نوفمبر 2015 - افتتحت أمس في الكويت أعمال المؤتمر الإقليمي الثالث لحوار أبوظبي بحضور ممثلي 18 دولة."


# --- topics.meeting-relative ----------------------------------------------------------------------------


def test_a_negated_verb_gives_nothing(matcher, gazetteer):
    assert _topics([RABAT, "ولم يتطرق الاجتماع إلى حماية اللاجئين."], matcher, gazetteer) == set()


def test_a_future_verb_gives_nothing(matcher, gazetteer):
    assert _topics([RABAT, "وسيناقش المؤتمر في دورته المقبلة التحويلات المالية."], matcher, gazetteer) == set()


# --- topics.statement ----------------------------------------------------------------------------------


def test_a_documents_content_is_not_a_speakers_statement(matcher, gazetteer):
    got = _topics([RABAT, "وترأس الوزير الجلسة الختامية. وأكد البيان الختامي على أهمية العمالة الوافدة."], matcher, gazetteer,
                  topic_agenda.STATEMENT_RULE)
    assert got == set()


def test_a_statement_with_no_speaker_gives_nothing(matcher, gazetteer):
    got = _topics([RABAT, "وأكدت مصادر متطابقة أن ملف الهجرة غير النظامية حاضر بقوة."], matcher, gazetteer,
                  topic_agenda.STATEMENT_RULE)
    assert got == set()


def test_a_statement_in_a_paragraph_about_another_meeting_gives_that_meeting_nothing(matcher, gazetteer):
    facts = _facts([RABAT, "وكان الوزير قد شارك في الاجتماع الوزاري الرابع لعملية الخرطوم في روما عام 2014، حيث شدد على "
                           "مكافحة الاتجار بالبشر."], matcher, gazetteer)
    assert not [f for f in facts if f.rule == topic_agenda.STATEMENT_RULE]


# Each case: what a writer says of a meeting (after the meeting's own sentence), the rule read, the topics it gives.
CASES = [
    pytest.param([RABAT, "ويهدف هذا اللقاء إلى تعزيز الحوار بين الضفتين. كما يسعى إلى وضع خطة لمكافحة الهجرة " "غير النظامية وتهريب المهاجرين."],
                 topic_agenda.RELATIVE_RULE, {"irregular-migration", "smuggling"}, id="demonstrative_meeting_with_aim_verb_and_a_sentence_going_on_maghrebi_register"),
    pytest.param([KUWAIT, "وصدر بيان ختامي عن المؤتمر الذي يبحث حماية حقوق العمال المهاجرين وتكاليف الاستقدام."],
                 topic_agenda.RELATIVE_RULE, {"human-rights", "migration-costs"}, id="definite_meeting_with_a_relative_focus_verb_press_register"),
    pytest.param([KUWAIT, "وناقش المشاركون سبل خفض تكاليف تحويل الأموال، ودور الجاليات في التنمية."],
                 topic_agenda.AGENDA_RULE, {"remittances", "diaspora"}, id="participants_discussed_gulf_register"),
    pytest.param([KUWAIT, "كما يناقش المشاركون فى القمة كيفية الترويج لقنوات الهجرة الشرعية، وطرق حماية اللاجئين والنازحين."],
                 topic_agenda.AGENDA_RULE, {"refugees"}, id="participants_at_the_summit_egyptian_register"),
    pytest.param([GENEVA, "وتمحورت مناقشات المنتدى حول الاستجابة لحركات الهجرة المختلطة، والخطاب العام حول الهجرة، " "وإدماج الهجرة في التخطيط الإنمائي المحلي."],
                 topic_agenda.AGENDA_RULE, {"irregular-migration", "mainstreaming"}, id="discussions_noun_first_with_a_coordinated_item_without_topic_levantine_register"),
    pytest.param([GENEVA, "وتوزعت أشغال المنتدى على ست موائد مستديرة تناولت تنقل اليد العاملة، ودور الجاليات في التنمية."],
                 topic_agenda.AGENDA_RULE, set(), id="round_tables_between_the_agenda_noun_and_the_verb_are_the_subject"),
    pytest.param([GENEVA, "وتناولت مداولات المنتدى هجرة اليد العاملة، وفق مقاربة تراعي حقوق الإنسان."],
                 topic_agenda.AGENDA_RULE, {"labour-mobility"}, id="agenda_stops_at_an_item_that_is_not_coordinated"),
    pytest.param([RABAT, "وتطرق المشاركون كذلك إلى الصندوق الائتماني الأوروبي للطوارئ لفائدة إفريقيا، الذي يوجه " "موارده لمراقبة الحدود."],
                 None, set(), id="participants_discussing_a_fund_give_the_fund_not_the_meeting_its_topics"),
    pytest.param(["القاهرة - الأربعاء 9 أبريل 2025 - وتستضيف مصر اليوم الاجتماع الوزاري الثاني لعملية الخرطوم، " "وهو اجتماع رفيع المستوى يضم وزراء من نحو 40 دولة لمناقشة سبل التعاون في ملفات الهجرة ومكافحة " "الاتجار بالبشر، ضمن فعاليات الرئاسة المصرية."],
                 topic_agenda.PURPOSE_RULE, {"trafficking"}, id="meeting_held_to_discuss_after_its_description_egyptian_register"),
    pytest.param([RABAT, "وأوضح الوزير أن بلاده أصبحت بلد عبور ووجهة. كما تطرق إلى الهجرة غير الشرعية للشباب عبر البحر، " "أو ما يعرف محليا بالحرقة."],
                 topic_agenda.STATEMENT_RULE, {"irregular-migration"}, id="a_ministers_statement_and_its_continuation_algerian_register"),
    pytest.param([GENEVA, "وأكد هيثم جمعة في مداخلته أن تحويلات المغتربين تجاوزت 7 مليارات دولار، ودعا إلى تسهيل " "الاعتراف المتبادل بالشهادات والمهارات."],
                 topic_agenda.STATEMENT_RULE, {"remittances", "skills-recognition"}, id="a_named_speaker_after_the_verb_levantine_register"),
    pytest.param([RABAT, "وأشار الوزير إلى أن المنظمة الدولية للهجرة رافقت العودة الطوعية لأكثر من ألف مهاجر."],
                 None, set(), id="another_actors_reported_work_is_a_passing_mention"),
    pytest.param([RABAT, "وأكدت المفوضة أهمية مذكرة التفاهم التي تشمل التعاون في مجالات إدارة الحدود وجمع البيانات."],
                 None, set(), id="an_instruments_content_in_a_statement_is_not_the_meetings"),
    pytest.param([RABAT, "وفي كلمة بالمناسبة، أكد الوزير المكلف بالمغاربة المقيمين بالخارج وشؤون الهجرة، السيد عبد الكريم " "بن عتيق، أن المملكة نهجت سياسة هجرة إنسانية، مذكرا بأن المرحلة الأولى من عملية التسوية " "الاستثنائية مكنت سنة 2014 من تسوية الوضعية الإدارية لأزيد من 23 ألف مهاجر."],
                 topic_agenda.STATEMENT_RULE, set(), id="the_speakers_title_and_a_recalled_past_operation_are_passing_mentions_maghrebi_register"),
    pytest.param([KUWAIT, "وكانت قضايا مكافحة تهريب البشر في منطقة آسيا هي محور المؤتمر الإقليمي الثالث."],
                 topic_agenda.AGENDA_RULE, {"smuggling"}, id="topic_named_as_the_centre_of_the_meeting_gulf_register"),
    pytest.param([KUWAIT, "وشهد المؤتمر، الذي عقد عبر تقنية الاتصال المرئي على مدى يومين، مناقشة أوراق عمل تناولت " "تأثيرات التغير المناخي على انتقال العمالة."],
                 topic_agenda.AGENDA_RULE, {"climate-environment", "labour-mobility"}, id="what_the_meeting_saw_discussed_past_a_relative_clause_gulf_register"),
    pytest.param([KUWAIT, "وكان الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية محور المؤتمر."],
                 topic_agenda.AGENDA_RULE, set(), id="a_topic_before_another_instrument_is_not_the_centre_of_the_meeting"),
    pytest.param([RABAT, "ويتضمن جدول أعمال الاجتماع، مناقشة ثلاثة مواضيع رئيسية: ”الهجرة غير النظامية“ و”التحويلات المالية " "للمهاجرين“."],
                 topic_agenda.AGENDA_RULE, {"irregular-migration", "remittances"}, id="the_agenda_contains_maghrebi_register"),
    pytest.param([RABAT, "ويتضمن الوفد خبراء في الهجرة غير النظامية."],
                 topic_agenda.AGENDA_RULE, set(), id="a_verb_of_containing_with_people_as_subject_is_not_an_agenda"),
    pytest.param([KUWAIT, "وأوصى المشاركون في ختام المؤتمر بتوحيد عقود العمل، وإلغاء أي رسوم استقدام يتحملها العامل."],
                 topic_agenda.AGENDA_RULE, {"migration-costs"}, id="what_the_participants_recommended_at_the_close_gulf_register"),
    pytest.param([KUWAIT, "وأوصت الهيئة بإلغاء رسوم الاستقدام."],
                 topic_agenda.AGENDA_RULE, set(), id="a_single_speakers_recommendation_is_not_the_gatherings"),
    pytest.param([GENEVA, "وقد تم خلال الاجتماع - الذي شارك فيه عدد من المتحدثين المختصين من دول المنطقة - مناقشة نطاق " "التقارير عن هجرة اليد العاملة في المنطقة."],
                 topic_agenda.AGENDA_RULE, {"labour-mobility"}, id="an_impersonal_passive_at_the_meeting_levantine_register"),
    pytest.param([KUWAIT, "وأوضحت مديرة الإدارة أن ظاهرة الهجرة غير النظامية تشمل مهاجرين لأسباب اقتصادية."],
                 topic_agenda.STATEMENT_RULE, {"irregular-migration"}, id="explained_with_the_speaker_after_it_iraqi_register"),
    pytest.param([RABAT, "وأكد الوزراء على الأهمية الدائمة لمسار الرباط كمنتدى طوعي للحوار وتبادل المعلومات وبناء القدرات."],
                 topic_agenda.AGENDA_RULE, set(), id="a_process_described_in_what_the_ministers_stressed_is_not_the_meetings_topic"),
]


@pytest.mark.parametrize("paragraphs, rule, expected", CASES)
def test_meeting_topics(paragraphs, rule, expected, matcher, gazetteer):
    assert _topics(paragraphs, matcher, gazetteer, rule) == expected


# --- the lexicon: forms a writer uses -------------------------------------------------------------------

@pytest.mark.parametrize("surface, slug", [
    ("هجرة غير شرعية", "irregular-migration"), ("الهجرة غير الشرعية", "irregular-migration"),
    ("هجرة غير نظامية", "irregular-migration"), ("الهجرة السرية", "irregular-migration"), ("الحراقة", "irregular-migration"),
    ("تهريب مهاجرين", "smuggling"), ("الحوالات", "remittances"), ("حوالات المغتربين", "remittances"),
    ("تحويلات مالية", "remittances"), ("إرساليات المهاجرين", "remittances"), ("الهجرة العمالية", "labour-mobility"),
    ("اليد العاملة الوافدة", "labour-mobility"), ("معاداة الأجانب", "integration-inclusion"),
    ("إشراك الانتشار", "diaspora"), ("إعادة المهجرين", "return-reintegration"),
    ("حلول دائمة للاجئين", "refugees"), ("تحركات غير نظامية", "irregular-migration"),
])
def test_topic_surface_forms(surface, slug, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    para = Paragraph(number=1, text=f"وتحدث الخبراء عن {surface} في المنطقة.", order=1, line=2, section=sec)
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=[para], sections=[sec])
    assert slug in {m.entity.slug for m in mentions_in(doc, matcher) if m.entity.kind == "topic"}


# --- topic_clauses: a pronoun or a coordinated relative verb takes up the name ---------------------------

def _clause_topics(paragraphs, matcher, gazetteer):
    from graph_builder.facts import topic_clauses
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    return {(f.subject.slug, f.object.slug) for f in topic_clauses.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))}


def test_pronoun_takes_up_the_process_un_register(matcher, gazetteer):
    got = _clause_topics(["وأطلقت عملية الخرطوم في المؤتمر الوزاري الذي عقد في روما عام 2014، وهي تعنى بمكافحة "
                          "الاتجار بالأشخاص وتهريب المهاجرين في القرن الأفريقي."], matcher, gazetteer)
    assert got == {("khartoum-process", "trafficking"), ("khartoum-process", "smuggling")}


def test_coordinated_verb_of_a_relative_clause_gulf_register(matcher, gazetteer):
    got = _clause_topics(["وشاركت الإمارات في حوار أبوظبي، الذي يضم 18 دولة ويركز على العمالة التعاقدية المؤقتة."],
                         matcher, gazetteer)
    assert got == {("abu-dhabi-dialogue", "labour-mobility")}


def test_a_pronoun_before_a_verb_that_is_not_of_concern_gives_nothing(matcher, gazetteer):
    assert _clause_topics(["وأطلقت عملية الخرطوم في روما عام 2014، وهي تضم دولا من القرن الأفريقي تعاني من "
                           "الهجرة غير النظامية."], matcher, gazetteer) == set()


def test_a_future_coordinated_verb_gives_nothing(matcher, gazetteer):
    assert _clause_topics(["وشاركت الإمارات في حوار أبوظبي، الذي يضم 18 دولة وسيناقش التحويلات المالية."],
                          matcher, gazetteer) == set()


# --- the centre of a meeting, what it saw discussed, an unmarked relative clause ----------------------------


def test_an_unmarked_relative_clause_on_an_indefinite_meeting_noun_press_register(matcher, gazetteer):
    got = _topics(["دبي في 3 أكتوبر 2025 / وام / عقد حوار أبوظبي اجتماعا وزاريا في دبي عام 2025 لوزراء العمل من 16 دولة، "
                   "ركز على حوكمة استقدام العمالة بين الدول المرسلة والمستقبلة."], matcher, gazetteer,
                  topic_agenda.PURPOSE_RULE)
    assert got == {"labour-mobility"}




def test_an_inserted_theme_is_the_meetings_title_not_a_topic_of_its_agenda(matcher, gazetteer):
    got = _topics([RABAT, 'ويناقش الاجتماع، تحت شعار "إدماج الهجرة في التخطيط الإنمائي"، سبل حماية حقوق المهاجرين.'],
                  matcher, gazetteer)
    assert "human-rights" in got and "mainstreaming" not in got


# --- topics6: the agenda in the future with the meeting or its participants as written subject ------------------


def test_a_future_verb_with_the_meeting_as_its_subject_after_a_reporting_verb_egyptian_register(matcher, gazetteer):
    got = _topics([RABAT, "وقال رئيس الوفد في تصريحات للصحفيين إن الاجتماع سيركز على مكافحة تهريب المهاجرين."],
                  matcher, gazetteer, topic_agenda.RELATIVE_RULE)
    assert got == {"smuggling"}


def test_a_future_verb_with_the_participants_as_its_subject_algerian_register(matcher, gazetteer):
    got = _topics([KUWAIT, "وسيعكف المشاركون على عدة مواضيع لا سيما العودة وإعادة الإدماج والاتجار بالبشر."],
                  matcher, gazetteer, topic_agenda.AGENDA_RULE)
    assert got == {"return-reintegration", "trafficking"}


def test_a_future_verb_of_the_next_meeting_gives_nothing_gulf_register(matcher, gazetteer):
    assert _topics([KUWAIT, "وأوضح أن الاجتماع المقبل سيناقش التحويلات المالية."], matcher, gazetteer) == set()
    assert _topics([KUWAIT, "وسيتطرق المشاركون في الدورة القادمة إلى حماية اللاجئين."], matcher, gazetteer) == set()


def test_a_future_verb_with_another_subject_gives_nothing_un_register(matcher, gazetteer):
    # the minister, not the meeting: a speaker's plans are no agenda
    assert _topics([GENEVA, "وسيناقش الوزير مع نظيره التحويلات المالية الشهر المقبل."], matcher, gazetteer) == set()


def test_an_instrument_as_the_object_gives_the_topics_of_its_name_levantine_register(matcher, gazetteer):
    got = _topics([RABAT, "واستعرض المشاركون في الاجتماع الاتفاق العالمي بشأن اللاجئين الذي اعتمدته الجمعية العامة."],
                  matcher, gazetteer, topic_agenda.AGENDA_RULE)
    assert got == {"refugees"}


def test_an_instrument_named_after_another_object_gives_nothing_of_its_name(matcher, gazetteer):
    # the object is the coordination of the states, the instrument only the frame of it
    got = _topics([RABAT, "واستعرض المشاركون التنسيق بين الدول في إطار الاتفاق العالمي بشأن اللاجئين."],
                  matcher, gazetteer, topic_agenda.AGENDA_RULE)
    assert "refugees" not in got


def test_a_future_verb_of_a_meeting_announced_for_later_gives_nothing_un_register(matcher, gazetteer):
    # a paragraph about a held meeting that announces the next one: what that one will take up is not the held one's
    got = _topics([GENEVA + " ومن المقرر أن تستضيف حكومة المغرب الاجتماع العاشر للمنتدى في مراكش عام 2018. "
                   "وسيتناول الاجتماع الهجرة غير النظامية."], matcher, gazetteer)
    assert "irregular-migration" not in got


def test_a_meeting_held_to_draft_an_instrument_against_a_topic_omani_register(matcher, gazetteer):
    got = _topics(["القاهرة - العمانية: بدأت يوم الأحد 3 مارس 2016 بمقر الأمانة العامة لجامعة الدول العربية بالقاهرة "
                   "أعمال اجتماع لجنة الخبراء المعنية بإعداد مشروع البروتوكول العربي لمكافحة تهريب المهاجرين، بمشاركة "
                   "15 دولة."],
                  matcher, gazetteer, topic_agenda.PURPOSE_RULE)
    assert got == {"smuggling"}


def test_a_meeting_held_to_prepare_something_that_names_no_topic_gives_nothing(matcher, gazetteer):
    got = _topics([KUWAIT, "وعقد الخبراء اجتماعا تحضيريا لإعداد التقرير السنوي، ثم ناقش الوزير ملف الهجرة غير النظامية مع نظيره."],
                  matcher, gazetteer, topic_agenda.PURPOSE_RULE)
    assert got == set()
