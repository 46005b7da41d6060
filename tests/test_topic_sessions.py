"""Topics of a session or meeting named by its noun and ordinal (rule topics.session-ordinal), and the
press variants of the topic lexicon, on sentences written for these tests in several registers, with
negative cases (a future verb, a verb with its own subject, a session the event rules did not find)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.facts import topic_sessions, topics
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def _ctx(paragraphs, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    return FactContext(doc, mentions_in(doc, matcher), gazetteer)


def _session_topics(paragraphs, matcher, gazetteer):
    return {(f.subject.slug, f.object.slug) for f in topic_sessions.extract(_ctx(paragraphs, matcher, gazetteer))}


MEETING = "عقد المنتدى العالمي للهجرة والتنمية اجتماعه السنوي في جنيف في كانون الأول/ديسمبر 2011."


def test_verb_before_the_round_table_and_its_chair_insertion_un_register(matcher, gazetteer):
    got = _session_topics([MEETING + " وتناولت المائدة المستديرة الأولى، التي ترأستها بصورة مشتركة حكومتا "
                           "المكسيك والمغرب، تنقل اليد العاملة وتداول المهارات. وخصصت المائدة الثانية، برئاسة "
                           "مشتركة من الفلبين وفرنسا، لدور المغتربين والتحويلات المالية."], matcher, gazetteer)
    one = {o for s, o in got if s.endswith("roundtable-1")}
    two = {o for s, o in got if s.endswith("roundtable-2")}
    assert one == {"labour-mobility", "skills-recognition"}
    assert two == {"diaspora", "remittances"}


def test_noun_first_with_amma_and_fa_levantine_register(matcher, gazetteer):
    got = _session_topics([MEETING + " أما المائدة المستديرة الثالثة، التي ترأستها غانا وسويسرا، فتناولت صحة "
                           "المهاجرين وحصولهم على الحماية الاجتماعية."], matcher, gazetteer)
    assert {o for s, o in got if s.endswith("roundtable-3")} == {"health", "social-protection"}


def test_discussions_of_the_government_meeting_focused_on_un_register(matcher, gazetteer):
    got = _session_topics(["واستضافت بلجيكا الاجتماع الأول للمنتدى العالمي للهجرة والتنمية في بروكسل في تموز/يوليه "
                           "2007. وخصص اليوم الأول لممثلي المجتمع المدني، في حين تركزت مناقشات الاجتماع الحكومي "
                           "يومي 10 و11 تموز/يوليه على تنقل اليد العاملة وعلى التحويلات المالية."], matcher, gazetteer)
    assert {o for s, o in got if s.endswith("government-meeting")} == {"labour-mobility", "remittances"}


def test_a_future_verb_gives_nothing_gulf_register(matcher, gazetteer):
    got = _session_topics([MEETING + " وستتناول المائدة المستديرة الأولى، التي ترأسها الكويت والفلبين، "
                           "استقدام العمالة."], matcher, gazetteer)
    assert got == set()


def test_a_verb_with_its_own_subject_after_the_session_is_not_the_sessions_egyptian_register(matcher, gazetteer):
    got = _session_topics([MEETING + " وفي المائدة المستديرة الأولى، التي ترأستها بصورة مشتركة حكومتا "
                           "مصر والأردن، ناقش الوزراء مكافحة الهجرة غير الشرعية."], matcher, gazetteer)
    assert got == set()


def test_a_session_no_event_rule_found_gives_nothing_maghrebi_register(matcher, gazetteer):
    # no meeting is named: the round table is no known event, so its topics have no subject
    got = _session_topics(["وتناولت المائدة المستديرة الأولى الهجرة السرية وتسوية وضعية المهاجرين."], matcher, gazetteer)
    assert got == set()


def test_the_session_facts_are_part_of_the_topic_family(matcher, gazetteer):
    ctx = _ctx([MEETING + " وتناولت المائدة المستديرة الأولى، التي ترأستها الفلبين وكندا، تنقل اليد العاملة."],
               matcher, gazetteer)
    rules = {f.rule for f in topics.extract(ctx)}
    assert topic_sessions.RULE in rules


@pytest.mark.parametrize("phrase,slug", [
    ("الهجرة السرية", "irregular-migration"),               # Maghrebi press
    ("الحراقة", "irregular-migration"),
    ("الهجرة الغير شرعية", "irregular-migration"),          # a common press form
    ("التكوين المهني", "skills-recognition"),
    ("التجمع العائلي", "family-unity"),
    ("العمالة المنزلية", "care-workers"),                   # Gulf press
    ("عمال المنازل", "care-workers"),
    ("الاستقدام العادل", "migration-costs"),
    ("المصريين بالخارج", "diaspora"),                      # Egyptian press
    ("الانتشار اللبناني", "diaspora"),                      # Levantine press
    ("التغير المناخي", "climate-environment"),              # UN style and press
    ("التغيرات المناخية", "climate-environment"),
    ("تهريب البشر", "smuggling"),
    ("الاتجار في البشر", "trafficking"),
    ("القصر غير المرافقين", "children"),
    ("صحة المهاجرين", "health"),
    ("عودة النازحين", "return-reintegration"),
    ("حرية تنقل الأشخاص", "regional-integration"),
])
def test_press_variants_of_the_topics(matcher, phrase, slug):
    found = [m.entity.slug for m in matcher.find("وبحث الاجتماع " + phrase + " في المنطقة.") if m.entity.kind == "topic"]
    assert found == [slug]


def test_legal_migration_is_not_labour_mobility(matcher):
    # «الهجرة القانونية» is a topic of its own (no vocabulary term yet), not labour mobility
    assert not [m for m in matcher.find("ويركز الإعلان على الهجرة القانونية.") if m.entity.kind == "topic"]


# ---------------------------------------------------------------- instruments: announced lists, content verbs

def _all_topics(paragraphs, matcher, gazetteer):
    return {(f.subject.slug, f.object.slug, f.rule) for f in topics.extract(_ctx(paragraphs, matcher, gazetteer))}


def test_a_declaration_whose_undertakings_are_listed_after_a_colon_rcp_register(matcher, gazetteer):
    got = _all_topics(["نحن وزراء الدول الأعضاء، وقد اجتمعنا في نيويورك في أيلول/سبتمبر 2016.",
                       "نعتمد إعلان نيويورك هذا، ونتعهد بما يلي:",
                       "تعزيز حماية العمال المهاجرين، مع إيلاء عناية خاصة للعاملات في الخدمة المنزلية.",
                       "خفض تكاليف الاستقدام ومكافحة الممارسات الاحتيالية لوكالات التوظيف.",
                       "ونتفق على إنشاء وحدة للدعم الفني لمتابعة الهجرة غير النظامية."], matcher, gazetteer)
    listed = {o for s, o, r in got if s == "new-york-declaration" and r == "topics.announced-list"}
    assert {"human-rights", "care-workers", "migration-costs"} <= listed
    assert "irregular-migration" not in listed          # the running text goes on with ونتفق: no item


def test_a_colon_without_a_content_verb_announces_no_undertakings(matcher, gazetteer):
    got = _all_topics(["وأشار الوزير إلى إعلان نيويورك، وقال ما يلي:",
                       "تعزيز حماية العمال المهاجرين."], matcher, gazetteer)
    assert not [1 for s, o, r in got if r == "topics.announced-list"]


def test_the_declaration_written_after_a_content_verb_egyptian_register(matcher, gazetteer):
    got = _all_topics(["اعتمدت الجمعية العامة للأمم المتحدة أمس \"إعلان نيويورك من أجل اللاجئين والمهاجرين\".",
                       "ويتضمن الإعلان التزامات بحماية حقوق الإنسان لجميع المهاجرين، ومكافحة الاتجار بالبشر "
                       "وتهريب المهاجرين."], matcher, gazetteer)
    nyd = {o for s, o, r in got if s == "new-york-declaration"}
    assert {"human-rights", "trafficking", "smuggling"} <= nyd
    assert not [1 for s, o, r in got if s == "general-assembly"]     # the adopter does not get the topics


# ---------------------------------------------------------------- a process described by a copula

def test_a_process_described_with_a_pronoun_copula_and_a_purpose_levantine_register(matcher, gazetteer):
    got = _all_topics(["ترأست الوزيرة اجتماع \"عملية بالي\"، وهو منتدى دولي رسمي، أنشئ في عام 2002، لتسهيل "
                       "المناقشة وتبادل المعلومات حول القضايا المتعلقة بتهريب الأشخاص والاتجار بالبشر."],
                      matcher, gazetteer)
    assert {("bali-process", "smuggling"), ("bali-process", "trafficking")} <= {(s, o) for s, o, r in got}


def test_a_process_described_after_a_verb_of_being_gulf_register(matcher, gazetteer):
    got = _all_topics(["ويعتبر «حوار أبوظبي» آلية تشاورية طوعية تهدف إلى توفير منبر للحوار بين الدول "
                       "المرسلة للعمالة والمستقبلة لها."], matcher, gazetteer)
    assert ("abu-dhabi-dialogue", "labour-mobility", "topics.copula-description") in got


def test_a_description_that_names_another_actor_before_the_aim_gives_nothing(matcher, gazetteer):
    got = _all_topics(["وعملية بالي هي منتدى تشارك فيه المنظمة الدولية للهجرة التي تهدف إلى مكافحة "
                       "الاتجار بالبشر."], matcher, gazetteer)
    assert not [1 for s, o, r in got if r == "topics.copula-description"]


def test_a_copula_with_no_aim_gives_nothing_maghrebi_register(matcher, gazetteer):
    got = _all_topics(["ومسار الرباط هو إطار للحوار بين الدول الأوروبية والإفريقية منذ 2006، ويضم الدول المعنية "
                       "بالهجرة السرية."], matcher, gazetteer)
    assert not [1 for s, o, r in got if r == "topics.copula-description"]


# ---------------------------------------------------------------- a meeting said to be about its topics

def test_an_indefinite_meeting_noun_about_topics_gives_the_paragraphs_meeting_algerian_register(matcher, gazetteer):
    ctx = _ctx(["انطلقت أمس بالجزائر العاصمة أشغال الاجتماع الأول للمنتدى العالمي للهجرة والتنمية، وهو لقاء دولي "
                "حول الهجرة غير الشرعية والتغيرات المناخية في الساحل."], matcher, gazetteer)
    facts = {(f.subject.kind, f.object.slug) for f in topic_sessions.titled_meeting_facts(ctx)}
    assert facts >= {("event", "irregular-migration"), ("event", "climate-environment")}


def test_a_definite_meeting_name_may_be_another_meeting_un_register(matcher, gazetteer):
    ctx = _ctx([MEETING + " وذكرت المنسقة المشاركين بالمؤتمر العالمي لمكافحة العنصرية الذي عقد في ديربان."],
               matcher, gazetteer)
    assert topic_sessions.titled_meeting_facts(ctx) == []


# ---------------------------------------------------------------- a platform for dialogue; an agreement's aim

def test_a_platform_for_dialogue_on_topics_un_register(matcher, gazetteer):
    got = _all_topics(["ويتيح الحوار المعني بالهجرة في غرب أفريقيا للدول الأعضاء منبرا للتشاور بشأن حرية تنقل "
                       "الأشخاص وهجرة اليد العاملة والهجرة والصحة."], matcher, gazetteer)
    assert {("midwa", "regional-integration"), ("midwa", "labour-mobility")} <= {(s, o) for s, o, r in got}


def test_an_agreement_that_aims_at_topics_and_not_the_paragraphs_process_iom_register(matcher, gazetteer):
    got = _all_topics(["ويتيح الحوار المعني بالهجرة في غرب أفريقيا للدول الأعضاء منبرا للتشاور بشأن هجرة اليد "
                       "العاملة. وفي أيار/مايو 2016، وقعت المنظمة الدولية للهجرة ومفوضية الاتحاد الأفريقي في أبوجا "
                       "مذكرة تفاهم تهدف إلى دعم حرية تنقل الأشخاص وتحسين إدارة الحدود."], matcher, gazetteer)
    assert ("midwa", "border-management") not in {(s, o) for s, o, r in got}   # the memorandum's aim, not MIDWA's
    mou = {o for s, o, r in got if r == "topics.agreement-fields"}
    assert {"regional-integration", "border-management"} <= mou


def test_a_quoted_title_after_the_meeting_noun_gulf_register(matcher, gazetteer):
    ctx = _ctx(["اختتمت في الكويت أمس أعمال ورشة العمل الإقليمية حول \"الحوكمة الرشيدة لاستقدام العمالة المنزلية، "
                "وحماية العمال\" التي نظمتها الهيئة العامة للقوى العاملة خلال الفترة 14-16 أكتوبر 2015."],
               matcher, gazetteer)
    got = {f.object.slug for f in topic_sessions.titled_meeting_facts(ctx)}
    assert "care-workers" in got



def test_the_ordinal_after_its_own_meeting_picks_the_meeting_un_register(matcher, gazetteer):
    # a paragraph naming two meetings of the process: the ordinal after اجتماعه says which one focused
    from graph_builder.facts.clause_subjects import Text
    from graph_builder.facts.topics import _own_meeting_by_ordinal
    from graph_builder.recognise.findings import Entity
    text = ("وعقد المؤتمر الإقليمي المعني بالهجرة اجتماعه الحادي والعشرين في سان خوسيه عام 2016، وركز على حماية "
            "الأطفال المهاجرين غير المصحوبين.")
    m21, m13 = Entity("event", "rcm-21", "Meeting"), Entity("event", "rcm-13", "Meeting")
    t = Text(text, [])
    cue = text.index("وركز")
    assert _own_meeting_by_ordinal(t, 0, cue, {"21": [m21], "13": [m13]}) == m21
    assert _own_meeting_by_ordinal(t, 0, cue, {"13": [m13]}) is None          # no meeting with that ordinal
    other = Text("وعقد الوزير اجتماعا مع نظيره الحادي عشر، وركز على الهجرة.", [])
    assert _own_meeting_by_ordinal(other, 0, other.original.index("وركز"), {"11": [m13]}) is None   # not its own


# ---------------------------------------------------------------- topics6: a quoted title of an indefinite meeting noun

def test_an_indefinite_meetings_quoted_title_after_a_theme_cue_egyptian_register(matcher, gazetteer):
    ctx = _ctx(["عقدت منظمة العمل العربية في تونس يوم 19 نوفمبر 2014 ندوة قومية تحت عنوان ” هجرة وتنقل العمالة "
                "العربية لدعم فرص التشغيل”، بمشاركة خبراء من 12 دولة."], matcher, gazetteer)
    got = {f.object.slug for f in topic_sessions.titled_meeting_facts(ctx)}
    assert got == {"labour-mobility"}


def test_a_quoted_title_after_a_colon_jordanian_register(matcher, gazetteer):
    ctx = _ctx(["نظمت المنظمة الدولية للهجرة في عمان يوم 3 مارس 2019 لقاء تشاوريا موسعا تحت شعار: «حماية المهاجرين "
                "ومكافحة الاتجار بالبشر» بحضور ممثلي الحكومات."], matcher, gazetteer)
    got = {f.object.slug for f in topic_sessions.titled_meeting_facts(ctx)}
    assert got == {"human-rights", "trafficking"}


def test_a_definite_meetings_theme_and_a_papers_title_give_no_topic_un_register(matcher, gazetteer):
    # the theme of a named forum is its title (the event rules read it); a paper's title is the paper's
    for text in ("افتتح في جنيف يوم 3 مارس 2019 المنتدى العالمي للهجرة والتنمية تحت شعار «حماية المهاجرين».",
                 "عقدت المنظمة الدولية للهجرة في عمان يوم 3 مارس 2019 ندوة قدمت فيها ورقة عمل تحت عنوان "
                 "«مكافحة الاتجار بالبشر»."):
        assert topic_sessions.titled_meeting_facts(_ctx([text], matcher, gazetteer)) == []
