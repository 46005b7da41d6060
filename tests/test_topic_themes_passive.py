"""A meeting's topics written the way institutional pages and the press write them (issue 13, topics8), on sentences
written for these tests in several registers, with the negatives:

* ``topics.meeting-theme`` (topic_themes.py): the quoted theme the event rules gave a meeting of no process names its
  topics; a standing forum's yearly slogan, a paper's title and a theme that names no topic give nothing;
* ``topics.meeting-agenda`` (topic_agenda.py): an impersonal passive whose discussion noun comes first (``وتم التركيز في
  المؤتمر على …``، ``تم تخصيص يومين من المناقشات لـ…``، ``وجرت مناقشة …``), not money allotted, not a speaker's
  account, not another meeting's talk; a content verb whose subject is the meeting (``ويتضمن المؤتمر حلقات نقاش حول
  …``), not an instrument; a clause set off by dashes after ``تم خلال الاجتماع`` is passed over.
A topic mentioned only as background (``في ظل تفاقم أزمة …``) gives nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.facts import topics
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section

THEME = "topics.meeting-theme"
AGENDA = "topics.meeting-agenda"


def _facts(paragraphs, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    return topics.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer, matcher))


def _topics(paragraphs, matcher, gazetteer, rule):
    return {(f.subject.kind, f.object.slug) for f in _facts(paragraphs, matcher, gazetteer) if f.rule == rule}


RABAT = "الرباط، 12 مارس 2019 (ومع) - افتتحت أمس بالرباط أشغال المؤتمر الإقليمي حول الهجرة والتنمية بحضور وزراء من 20 دولة."
AMMAN = "عمان، 4 أيار/مايو 2015 - نظمت منظمة العمل الدولية في عمان اجتماعا تشاوريا لمسؤولي وسائل الإعلام."
NEWYORK = "افتتحت الجمعية العامة الحوار الرفيع المستوى بشأن الهجرة والتنمية اليوم في نيويورك بحضور رؤساء دول."


# --- topics.meeting-theme ------------------------------------------------------------------------------------

THEMES = [
    pytest.param(["استضافت منظمة العمل الدولية ورشة عمل فنية إقليمية في بيروت بلبنان بعنوان \"العمل اللائق والعمل المنزلي "
                  "في الدول العربية\" يومي 3 و4 نيسان/أبريل 2016."], {"care-workers", "human-rights"},
                 id="an_ilo_press_release_with_a_long_meeting_phrase_before_the_title"),
    pytest.param(["احتضنت مدينة طنجة، يوم 5 ماي 2019، ندوة وطنية تحت عنوان «الهجرة السرية وتهريب المهاجرين: "
                  "أي مقاربة؟» بمشاركة خبراء وجمعيات."], {"irregular-migration", "smuggling"},
                 id="a_maghrebi_seminar_with_guillemets"),
    pytest.param(["احتضنت العاصمة العمانية مسقط يوم 10 أكتوبر 2022 ملتقى خليجيا موسعا تحت شعار \"نحو استقدام عادل وحماية "
                  "للعمالة المنزلية\" بحضور ممثلي الدول الأعضاء."], {"migration-costs", "care-workers"},
                 id="a_gulf_forum_with_a_slogan"),
]


@pytest.mark.parametrize("paragraphs,expected", THEMES)
def test_a_meeting_of_no_process_addresses_the_topics_of_its_quoted_theme(paragraphs, expected, matcher, gazetteer):
    got = _topics(paragraphs, matcher, gazetteer, THEME)
    assert {t for _, t in got} >= expected and {k for k, _ in got} == {"event"}


def test_a_standing_forums_yearly_slogan_is_its_title_not_its_topics(matcher, gazetteer):
    text = ("انطلقت اليوم في مراكش أشغال الاجتماع الحادي عشر للمنتدى العالمي للهجرة والتنمية تحت شعار \"الوفاء بالالتزامات "
            "الدولية لإطلاق إمكانات جميع المهاجرين من أجل التنمية وحماية حقوق المهاجرين\" بمشاركة 135 دولة.")
    assert _topics([text], matcher, gazetteer, THEME) == set()


def test_a_papers_title_is_not_the_meetings_theme(matcher, gazetteer):
    text = ("نظمت منظمة العمل العربية في القاهرة ندوة إقليمية يوم 2 مايو 2018 قدمت فيها ورقة عمل بعنوان \"التحويلات المالية "
            "للعمالة العربية\".")
    assert _topics([text], matcher, gazetteer, THEME) == set()


def test_a_theme_naming_no_topic_gives_nothing(matcher, gazetteer):
    text = "نظمت المنظمة الدولية للهجرة في تونس يوم 3 مايو 2022 ورشة عمل بعنوان \"معا من أجل غد أفضل\"."
    assert _topics([text], matcher, gazetteer, THEME) == set()


# --- topics.meeting-agenda: a passive whose discussion noun comes first ----------------------------------------

PASSIVES = [
    pytest.param([RABAT, "وتم التركيز في المؤتمر على حماية الأطفال المهاجرين وتسوية الأوضاع."], {"children", "regularization"},
                 id="focus_with_the_meeting_after_the_noun_maghrebi_register"),
    pytest.param(["جنيف، 12 كانون الأول/ديسمبر 2018 - اختتم في جنيف حوار المفوض السامي بشأن تحديات الحماية لعام 2018.",
                  "وقد تم تخصيص يومين من المناقشات لحماية اللاجئين في المناطق الحضرية."], {"refugees"},
                 id="days_of_discussion_allotted_un_page_register"),
    pytest.param([NEWYORK, "وجرت مناقشة سبل خفض تكاليف التحويلات ودور الجاليات في التنمية."], {"remittances", "diaspora"},
                 id="a_feminine_auxiliary_un_news_register"),
    pytest.param([AMMAN, "وقد تم خلال الاجتماع - الذي شارك فيه عدد من المتحدثين من المنطقة - مناقشة نقل المعلومات عن هجرة "
                         "اليد العاملة."], {"labour-mobility"},
                 id="a_clause_between_dashes_passed_over_levantine_register"),
]


@pytest.mark.parametrize("paragraphs,expected", PASSIVES)
def test_an_impersonal_passive_of_discussion_gives_the_meetings_agenda(paragraphs, expected, matcher, gazetteer):
    got = _topics(paragraphs, matcher, gazetteer, AGENDA)
    assert {t for _, t in got} == expected and {k for k, _ in got} == {"event"}


@pytest.mark.parametrize("sentence", [
    pytest.param("وتم تخصيص مبلغ خمسة ملايين دولار لدعم اللاجئين.", id="money_allotted"),
    pytest.param("وقال الوزير إنه تم التركيز خلال السنوات الماضية على مكافحة الهجرة غير النظامية.", id="a_speakers_account"),
    pytest.param("وتم التركيز في لقاء ثنائي مع السفير على التحويلات المالية.", id="another_meetings_talk"),
    pytest.param("وتم تقديم مساعدات إنسانية للاجئين.", id="giving_is_not_discussing"),
    pytest.param("وسبق المؤتمر عقد اجتماع لكبار المسؤولين أمس، وتم استعراض مبادرات الدول في مجال العمالة المنزلية.",
                 id="another_meeting_named_before_in_the_sentence"),
])
def test_what_is_no_discussion_of_the_meeting_gives_nothing(sentence, matcher, gazetteer):
    assert _topics([RABAT, sentence], matcher, gazetteer, AGENDA) == set()


# --- topics.meeting-agenda: a content verb whose subject is the meeting ------------------------------------------

CONTENTS = [
    pytest.param([RABAT, "ويتضمن المؤتمر حلقات نقاش حول قضايا محددة مثل انتقال العمالة وتغير المناخ."],
                 {"labour-mobility", "climate-environment"}, id="the_conference_maghrebi_register"),
    pytest.param([NEWYORK, "ويتضمن الحدث عروضا من الدول الأعضاء وحلقات نقاش حول الروابط بين الهجرة والتنمية المستدامة، وانتقال "
                           "العمالة."], {"labour-mobility"}, id="the_event_un_news_register"),
    pytest.param([AMMAN, "وتضمن الاجتماع جلسات عن العمالة المنزلية وحماية الأجور."], {"care-workers", "human-rights"},
                 id="the_meeting_levantine_register"),
]


@pytest.mark.parametrize("paragraphs,expected", CONTENTS)
def test_a_content_verb_with_the_meeting_as_subject_gives_its_programme(paragraphs, expected, matcher, gazetteer):
    got = _topics(paragraphs, matcher, gazetteer, AGENDA)
    assert {t for _, t in got} == expected


@pytest.mark.parametrize("sentence", [
    pytest.param("وتتضمن الاتفاقية أحكاما بشأن حماية العمال المهاجرين.", id="an_instrument_is_the_subject"),
    pytest.param("ويتضمن برنامج الحكومة إجراءات لمكافحة الهجرة غير النظامية.", id="a_governments_programme"),
])
def test_a_content_verb_with_another_subject_gives_the_meeting_nothing(sentence, matcher, gazetteer):
    assert _topics([RABAT, sentence], matcher, gazetteer, AGENDA) == set()


def test_a_topic_named_as_background_gives_nothing(matcher, gazetteer):
    text = ("افتتحت في الرباط أمس أشغال المؤتمر الإقليمي حول التنمية بحضور وزراء من 20 دولة، في ظل تفاقم أزمة اللاجئين "
            "في المنطقة.")
    got = {f.object.slug for f in _facts([text], matcher, gazetteer) if f.subject.kind == "event"}
    assert "refugees" not in got


# --- topics.meeting-agenda: a meeting's objectives ---------------------------------------------------------------

KUWAIT = "الكويت - الأحد 8 نوفمبر 2015 - افتتحت أمس في الكويت أعمال المؤتمر الإقليمي الثالث لحوار أبوظبي."
TUNIS = "تونس، 3 مايو 2022 - نظمت المنظمة الدولية للهجرة في تونس ورشة عمل إقليمية لفائدة المسؤولين."

OBJECTIVES = [
    pytest.param([TUNIS, "ومن أهداف الورشة تبادل الخبرات حول العودة الطوعية وإعادة الإدماج."], {"return-reintegration"},
                 id="among_the_aims_ngo_page_register"),
    pytest.param([TUNIS, "وتمثلت أهداف الورشة في تعزيز التعاون بشأن تهريب المهاجرين وحماية الأطفال غير المصحوبين."],
                 {"smuggling", "children"}, id="the_aims_consisted_in_maghrebi_register"),
    pytest.param([KUWAIT, "وكان الهدف من المؤتمر هو خفض تكاليف الاستقدام وتحسين حماية الأجور."], {"migration-costs", "human-rights"},
                 id="the_aim_of_the_meeting_gulf_register"),
]


@pytest.mark.parametrize("paragraphs,expected", OBJECTIVES)
def test_a_meetings_objectives_are_its_agenda(paragraphs, expected, matcher, gazetteer):
    got = _topics(paragraphs, matcher, gazetteer, AGENDA)
    assert {t for _, t in got} == expected and {k for k, _ in got} == {"event"}


@pytest.mark.parametrize("sentence", [
    pytest.param("وتنسجم الورشة مع أهداف التنمية المستدامة المتعلقة بالهجرة غير النظامية.", id="goals_of_no_meeting"),
    pytest.param("ومن أهداف المنظمة مكافحة الاتجار بالبشر.", id="an_organisations_goals"),
    pytest.param("وستكون من أهداف الاجتماع المقبل مكافحة الاتجار بالبشر.", id="the_next_meetings_goals"),
])
def test_objectives_of_something_else_give_the_meeting_nothing(sentence, matcher, gazetteer):
    assert _topics([TUNIS, sentence], matcher, gazetteer, AGENDA) == set()


# --- topics.objectives: a named process's, organisation's or instrument's aims and fields of work ----------------

from graph_builder.facts import topic_objectives  # noqa: E402

OWNED = [
    pytest.param("تتمثل أهداف عملية الرباط في مكافحة الهجرة غير النظامية وتعزيز الهجرة النظامية.",
                 {("rabat-process", "irregular-migration")}, id="a_process_page_register"),
    pytest.param("ومن أهداف عملية الخرطوم مكافحة الاتجار بالبشر وتهريب المهاجرين عبر القرن الأفريقي.",
                 {("khartoum-process", "trafficking"), ("khartoum-process", "smuggling")}, id="among_the_aims_press_register"),
    pytest.param("وتشمل مجالات عمل المنظمة الدولية للهجرة في مصر إدارة الحدود والعودة الطوعية وإعادة الإدماج.",
                 {("iom", "border-management"), ("iom", "return-reintegration")}, id="fields_of_work_institutional_register"),
    pytest.param("يتمحور عمل عملية بودابست حول الهجرة غير النظامية وإدارة الحدود.",
                 {("budapest-process", "irregular-migration"), ("budapest-process", "border-management")},
                 id="work_centred_on_with_a_frame_verb"),
]


def _owned(text, matcher, gazetteer):
    sec = Section(heading="صفحة", level=1, order=1, line=1)
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=[Paragraph(number=1, text=text, order=1, line=2, section=sec)],
                   sections=[sec])
    facts = topic_objectives.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer, matcher))
    return {(f.subject.slug, f.object.slug) for f in facts}


@pytest.mark.parametrize("text,expected", OWNED)
def test_the_stated_aims_of_a_named_one_are_what_it_works_on(text, expected, matcher, gazetteer):
    assert _owned(text, matcher, gazetteer) == expected


@pytest.mark.parametrize("text", [
    pytest.param("ودعا الوزير إلى تحقيق أهداف الاتفاق العالمي من خلال مكافحة الاتجار بالبشر.", id="aims_governed_by_another_act"),
    pytest.param("وتنسجم الخطة مع أهداف التنمية المستدامة المتعلقة بالهجرة غير النظامية.", id="no_name_after_the_noun"),
    pytest.param("ولا تشمل أهداف عملية الرباط تسوية أوضاع المهاجرين.", id="a_negated_clause"),
    pytest.param("وأشاد الوزير بعمل عملية الرباط في مجال مكافحة الهجرة غير النظامية.", id="work_without_a_frame_verb"),
])
def test_aims_that_are_not_stated_as_the_named_ones_give_nothing(text, matcher, gazetteer):
    assert _owned(text, matcher, gazetteer) == set()


# --- a topic set as the background of what is said -----------------------------------------------------------------

@pytest.mark.parametrize("paragraphs,rule,expected", [
    pytest.param([RABAT, "وتم التركيز في المؤتمر على التحويلات المالية، في ظل تفاقم أزمة اللاجئين في المنطقة."], AGENDA,
                 {"remittances"}, id="after_a_passive"),
    pytest.param([TUNIS, "ومن أهداف الورشة تعزيز دور الجاليات وسط تزايد الهجرة غير النظامية."], AGENDA, {"diaspora"},
                 id="after_a_meetings_objective"),
    pytest.param(["تتمثل أهداف عملية الرباط في مكافحة الهجرة غير النظامية، على خلفية تدفق اللاجئين عبر المتوسط."],
                 "topics.objectives", {"irregular-migration"}, id="after_a_processs_objective"),
])
def test_a_topic_set_as_background_is_not_read(paragraphs, rule, expected, matcher, gazetteer):
    assert {t for _, t in _topics(paragraphs, matcher, gazetteer, rule)} == expected
