"""Topic facts (graph_builder/facts/topics.py) on the real reports: precision and recall against the
hand-checked gold list, and each rule on real sentences of the reports, with negative cases."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.facts import registry, topics
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section
from quality_scoring import score_topics

D08 = "2008-sg-report-international-migration-and-development"


@pytest.fixture(scope="module")
def report_facts(facts_of):
    return facts_of(topics)


def test_precision_and_recall_against_gold(report_facts):
    score = score_topics(report_facts)
    print("\n" + score.line("topics"))
    print("false positives:", score.false_positives)
    print("missed:", score.misses)
    assert score.precision >= 0.9
    assert score.recall >= 0.8


RULE_REGISTRY = registry()


def test_every_fact_is_addresses_from_an_allowed_class_with_a_known_rule(report_facts):
    for facts in report_facts.values():
        for f in facts:
            assert f.predicate == "addresses" and f.object.kind == "topic"
            assert f.subject.cls in topics.SUBJECT_CLASSES
            # every rule is in the registry (legacy RULES tables and pattern rules alike)
            assert f.rule in RULE_REGISTRY and f.confidence == RULE_REGISTRY.confidence(f.rule)


def test_regional_processes_of_the_2008_report(report_facts):
    got = {(f.subject.slug, f.object.slug, f.evidence.number) for f in report_facts[D08]}
    for process in ("midsa", "midwa"):
        assert (process, "health", 58) in got
    for process in ("puebla-process", "lima-process", "soderkoping-process", "igc"):
        assert any(s == process and t == "remittances" for s, t, _ in got)


# ---------------------------------------------------------------- rules on real sentences

def _facts(text: str, gazetteer, matcher, section: Section | None = None):
    para = Paragraph(number=1, text=text, order=1, line=1, section=section)
    doc = Document(path=Path("sentence.txt"), slug="sentence", paragraphs=[para],
                   sections=[section] if section else [])
    return topics.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))


def _pairs(facts):
    return {(f.subject.slug, f.object.slug, f.rule) for f in facts}


def test_focus_verb_with_coordinated_subjects(gazetteer, matcher):
    text = ("ومن بين العمليات التي تقوم بذلك، تركّز عمليتا حوار الهجرة في الجنوب الأفريقي وحوار الهجرة في غرب "
            "أفريقيا على مسائل الهجرة والصحة، وبناء القدرات، وتحقيق الفوائد الإنمائية للهجرة.")
    got = _pairs(_facts(text, gazetteer, matcher))
    assert ("midsa", "health", "topics.focus-verb") in got
    assert ("midwa", "health", "topics.focus-verb") in got
    assert ("midwa", "capacity-building", "topics.focus-verb") in got


def test_relative_clause_gives_the_subject(gazetteer, matcher):
    text = ("وقامت في الآونة الأخيرة \"عملية بودابست\"، التي تركز في المقام الأول على مراقبة الهجرة، بما في ذلك "
            "إدارة الحدود وإعادة المهاجرين ذوي الأوضاع غير القانونية والسماح لهم بدخول بلدانهم الأصلية.")
    got = _pairs(_facts(text, gazetteer, matcher))
    assert ("budapest-process", "border-management", "topics.focus-verb") in got


def test_head_noun_refers_back_to_the_named_fund(gazetteer, matcher):
    text = ("ويسهّل صندوق الأمم المتحدة للسكان إجراء الحوار المتعلق بالسياسة العامة. وبالإضافة إلى ذلك، يعمل "
            "الصندوق حالياً على منع الاتجار بالفتيات والنساء ومساعدة ضحايا الاتجار.")
    got = {(s, t) for s, t, _ in _pairs(_facts(text, gazetteer, matcher))}
    assert ("unfpa", "trafficking") in got


def test_pronoun_subject_takes_the_entity_of_the_sentence(gazetteer, matcher):
    text = ("وتتعاون المفوضية السامية لحقوق الإنسان مع الوكالات الشريكة، وتعمل على تعزيز فهم ما لحقوق الإنسان من "
            "أهمية في تحقيق فوائد الهجرة الدولية.")
    got = _pairs(_facts(text, gazetteer, matcher))
    assert ("ohchr", "human-rights", "topics.paragraph-subject") in got


def test_area_of_interest_takes_the_topics_before_it(gazetteer, matcher):
    text = "وتمثل حقوق المهاجرين وروابطهما بالتنمية مجال اهتمام مفوضية الأمم المتحدة لحقوق الإنسان."
    assert ("ohchr", "human-rights", "topics.interest") in _pairs(_facts(text, gazetteer, matcher))


def test_session_head_noun_resolves_to_the_session_of_the_section(report_facts):
    # "تناولت هذه الجلسة …" under the heading "جلسة العمل 1-2 …" of the 2011 report
    got = {(f.subject.slug, f.object.slug, f.rule) for f in report_facts["2011-gfmd-swiss-chair-report"]
           if getattr(f.evidence, "number", None) == 105}
    assert ("gfmd-2011-session-1-2", "migration-costs", "topics.anaphor") in got


def test_other_subject_of_a_focus_verb_blocks_the_fact(gazetteer, matcher):
    text = ("وتدعم المفوضية السامية لحقوق الإنسان عمل المقرر الخاص المعني بحقوق الإنسان للمهاجرين. ويركز كلا "
            "المقررين الخاصين على الأسباب الجذرية للهجرة، ومسألة الهجرة والتمييز، وحماية المهاجرات والقصر غير "
            "المصحوبين والعمال المنزليين.")
    got = {(s, t) for s, t, _ in _pairs(_facts(text, gazetteer, matcher))}
    assert not {("ohchr", "gender"), ("ohchr", "children"), ("ohchr", "care-workers")} & got


def test_cooccurrence_without_a_cue_gives_nothing(gazetteer, matcher):
    text = ("في الاتحاد الأوروبي، كان تسهيل هجرة مواطني الاتحاد فيما بين بلدان الجماعة دوما عنصرا رئيسيا في "
            "التكامل الاقتصادي.")
    assert _facts(text, gazetteer, matcher) == []


def test_verbal_noun_in_a_reported_clause_is_not_the_speakers(gazetteer, matcher):
    text = ("وذكر الأمين العام المساعد أن رئيس الجمعية العامة نظم في 19 أيار/مايو 2011 مناقشة مواضيعية غير "
            "رسمية حول الهجرة الدولية والتنمية، وعرض مبادرات وطنية مختلفة مصممة لتخفيض تكاليف نقل التحويلات.")
    assert not [f for f in _facts(text, gazetteer, matcher) if f.object.slug == "remittances"]


def test_supporting_a_body_named_after_a_topic(gazetteer, matcher):
    text = ("وتدعم المفوضية عمل المقرر الخاص المعني بحقوق الإنسان للمهاجرين والمقررة الخاصة المعنية بالاتجار "
            "بالبشر، وبخاصة النساء والأطفال.")
    got = _pairs(_facts("وتقدم مفوضية الأمم المتحدة لحقوق الإنسان الخدمات. " + text, gazetteer, matcher))
    assert ("ohchr", "trafficking", "topics.support") in got


# ---------------------------------------------------------------- commitments, sessions (second pass)

D11 = "2011-gfmd-swiss-chair-report"


def _by(report_facts, doc, where_):
    from quality_scoring import where
    return {(f.subject.slug, f.object.slug, f.rule) for f in report_facts[doc] if where(f.evidence) == where_}


def test_a_declaration_named_for_a_topic_takes_it_not_its_adopter(report_facts):
    # ¶49: "قامت مجموعة دول أفريقيا والبحر الكاريبي والمحيط الهادئ … باعتماد إعلان بشأن اللجوء والهجرة والتنقل"
    got = _by(report_facts, D08, "49")
    assert ("acp", "refugees") not in {(s, t) for s, t, _ in got}
    assert any(t == "refugees" and r == "topics.name" for _, t, r in got)


def test_a_commitment_is_a_subject_for_its_head_noun_and_resumptive_clause(report_facts):
    got = _by(report_facts, D08, "49")
    facility = {t for s, t, r in got if s == "acp-migration-facility" and r == "topics.support"}
    assert {"data-research", "capacity-building"} <= facility          # "وسيدعم المرفق …"، "وسيساعد أيضا على …"
    assert any(t == "climate-environment" and r == "topics.commitment-clause" for _, t, r in got)  # "وجهوا فيه"


def test_a_framework_takes_what_it_urges_in_its_clause(report_facts):
    # ¶50: "اعتمد الاتحاد الأفريقي … إطارا لسياسات الهجرة أهاب فيه بالدول الأعضاء …"
    got = {t for s, t, r in _by(report_facts, D08, "50") if r == "topics.commitment-clause"}
    assert {"diaspora", "mainstreaming", "brain-drain", "remittances", "poverty-mdgs"} <= got
    assert not {s for s, _, _ in _by(report_facts, D08, "50")} & {"au"}


def test_session_headings_and_stated_purpose(report_facts):
    heads = {(s, t) for doc in (D11,) for f in report_facts[doc] if f.rule == "topics.heading"
             for s, t in [(f.subject.slug, f.object.slug)]}
    assert ("gfmd-2011-session-1-1", "private-sector") in heads
    assert ("gfmd-2011-session-3-1", "migration-profiles") in heads
    assert ("gfmd-2011-session-3-2", "diaspora") in heads          # a sub-heading of the session's issues
    assert ("gfmd-2011-session-3-2", "impact-assessment", "topics.purpose") in _by(report_facts, D11, "166")


def test_recommendations_take_their_own_topics_but_not_examples(report_facts):
    got = _by(report_facts, D11, "146")
    assert ("gfmd-2011-cluster-2-rec-7", "return-reintegration", "topics.recommendation") in got
    # "(على سبيل المثال من خلال التحويلات المالية وتنمية المهارات)" only illustrates
    assert not {t for s, t, _ in got if s == "gfmd-2011-cluster-2-rec-2"} & {"remittances", "skills-recognition"}


def test_fronted_topic_and_adjective_clause(gazetteer, matcher):
    text = ("وبالنسبة للمشاكل الناجمة عن نزوح العمالة الماهرة من البلدان النامية، ركّز المنتدى العالمي المعني "
            "بالهجرة والتنمية على الجهود الرامية إلى وضع ممارسات أخلاقية في التوظيف.")
    assert ("gfmd", "brain-drain") in {(s, t) for s, t, _ in _pairs(_facts(text, gazetteer, matcher))}
    text = ("فقد قامت عملية التعاون عبر الحدود (\"عملية سودر كوبنغ\")، المعنية في المقام الأول بتحسين إدارة "
            "الحدود في أوروبا الوسطى والشرقية، بمناقشة مسألة التحويلات المالية.")
    got = _pairs(_facts(text, gazetteer, matcher))
    assert ("soderkoping-process", "border-management", "topics.adjective") in got
    assert ("soderkoping-process", "remittances", "topics.focus-verb") in got


def test_a_relative_clause_verb_does_not_cut_the_object(gazetteer, matcher):
    text = ("ويركز حوار أبو ظبي، الذي أُعلن عنه مؤخرا لكي يجتمع المشاركون في عملية كولومبو بأعضاء مجلس التعاون "
            "الخليجي، على سبل تعظيم الأثر الإنمائي للهجرة المؤقتة للعمالة.")
    assert ("abu-dhabi-dialogue", "labour-mobility") in {(s, t) for s, t, _ in _pairs(_facts(text, gazetteer, matcher))}


# --- topics6: a definite noun written before the verb is its own subject -----------------------------------------

def test_a_meeting_noun_before_the_verb_after_anna_is_not_the_paragraphs_organisation_egyptian_register(gazetteer, matcher):
    # a comma glued to the word before أن, as the press writes it
    text = ("عقدت منظمة العمل العربية في تونس ندوة. وأوضح مدير المنظمة،أن الندوة ناقشت موضوعات عديدة منها تنقل "
            "العمالة العربية.")
    assert not any(r == "topics.paragraph-subject" for s, o, r in _pairs(_facts(text, gazetteer, matcher)))


def test_a_verb_with_no_written_subject_still_gives_the_paragraphs_organisation_gulf_register(gazetteer, matcher):
    text = "تأسست منظمة العمل العربية عام 1965. وتعمل على تنقل العمالة العربية بين الدول الأعضاء."
    assert ("arab-labour-organization", "labour-mobility", "topics.paragraph-subject") in _pairs(_facts(text, gazetteer, matcher))


def test_a_mechanism_noun_before_the_process_name_gulf_register(gazetteer, matcher):
    # "the mechanism of the Abu Dhabi Dialogue aims at …": آلية is a head before the name, like مسار
    text = "تهدف آلية مسار \"حوار أبو ظبي\" إلى توفير منبر للحوار بين الدول المرسلة والمستقبلة للعمالة."
    assert ("abu-dhabi-dialogue", "labour-mobility", "topics.focus-verb") in _pairs(_facts(text, gazetteer, matcher))


def test_a_mechanism_noun_before_no_name_gives_nothing(gazetteer, matcher):
    text = "وتعمل آلية التنسيق الوطنية على تنقل العمالة بين الوزارات."
    assert not any(r == "topics.focus-verb" for s, o, r in _pairs(_facts(text, gazetteer, matcher)))
