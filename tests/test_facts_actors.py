"""Actor-structure facts (graph_builder/facts/actors.py) on the real reports: precision and recall
against the hand-checked gold list, and each rule on real sentences of the reports, with negative cases."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph_builder.corpus import read_corpus
from graph_builder.facts import actors
from graph_builder.facts.context import FactContext
from graph_builder.findings import Value
from graph_builder.gazetteer import load_gazetteer
from graph_builder.matcher import Matcher, mentions_in
from graph_builder.model import Document, Paragraph, Section
from graph_builder.resources import default_corpus

GOLD = Path(__file__).parent / "data" / "facts_gold_actors.json"


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def matcher(gazetteer):
    return Matcher(gazetteer)


@pytest.fixture(scope="module")
def report_facts(gazetteer, matcher):
    out = {}
    for doc in read_corpus(default_corpus()):
        out[doc.slug] = actors.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))
    return out


def _where(evidence) -> str:
    if isinstance(evidence, Paragraph):
        return str(evidence.number)
    return f"section:{evidence.order}" if isinstance(evidence, Section) else f"footnote:{evidence.order}"


def _entity(key: str) -> str:
    """kind/slug; a person by surname (the matcher may key a person by the surname it saw)."""
    kind, slug = key.split("/", 1)
    slug = re.sub(r"-+", "-", slug)
    return f"person/{slug.split('-')[-1]}" if kind == "person" else f"{kind}/{slug}"


def _gold():
    out = []
    for g in json.loads(GOLD.read_text(encoding="utf-8"))["facts"]:
        obj = g["object"]
        key = (g["document"], str(g["paragraph"]), _entity(g["subject"]), g["predicate"])
        out.append((key, obj if isinstance(obj, dict) else _entity(obj)))
    return out


def _matches(fact_key, fact_obj, gold) -> bool:
    for key, obj in gold:
        if key != fact_key:
            continue
        if isinstance(obj, dict):
            if isinstance(fact_obj, Value) and fact_obj.lexical.startswith(obj["value_startswith"]):
                return True
        elif not isinstance(fact_obj, Value) and _entity("/".join(fact_obj.key)) == obj:
            return True
    return False


def test_precision_and_recall_against_gold(report_facts):
    gold = _gold()
    got = []
    for doc, facts in report_facts.items():
        for f in facts:
            key = (doc, _where(f.evidence), _entity("/".join(f.subject.key)), f.predicate)
            if (key, f.object) not in got:
                got.append((key, f.object))
    right = [g for g in got if _matches(g[0], g[1], gold)]
    found = [g for g in gold if any(_matches(k, o, [g]) for k, o in got)]
    precision, recall = len(right) / len(got), len(found) / len(gold)
    print(f"\nactors: {len(got)} facts, {len(gold)} gold, precision {precision:.3f}, recall {recall:.3f}")
    print("false positives:", [g for g in got if g not in right])
    print("missed:", [g for g in gold if g not in found])
    assert precision >= 0.9
    assert recall >= 0.7


def test_troika_members_of_both_reports(report_facts):
    members = {f.subject.slug for facts in report_facts.values() for f in facts
               if f.predicate == "memberOf" and f.object.slug == "gfmd-troika" and f.subject.kind == "state"}
    assert members == {"BEL", "PHL", "GRC", "CHE", "MEX", "SWE", "MUS"}


def test_chair_only_for_processes_events_and_bodies(report_facts):
    for facts in report_facts.values():
        for f in facts:
            if f.predicate == "chairedBy":
                assert f.subject.cls in actors.CHAIRED_CLASSES
            assert f.rule in actors.RULES


# ---------------------------------------------------------------- rules on real sentences

def _facts(text: str, gazetteer, matcher, notes: list[str] | None = None):
    sec = Section(heading="جلسة العمل 1-1: إشراك القطاع الخاص في التخطيط لسوق العمل", level=3, order=1, line=1,
                  notes=notes or [])
    para = Paragraph(number=1, text=text, order=1, line=2, section=sec)
    doc = Document(path=Path("sentence.txt"), slug="sentence", paragraphs=[para] if text else [], sections=[sec])
    return actors.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))


def _triples(facts):
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in facts}


def test_consists_of_lists_the_member_states(gazetteer, matcher):
    text = "وبالتالي تتألف اللجنة الثلاثية في الوقت الحالي من ممثلي بلجيكا والفلبين واليونان."
    got = _triples(_facts(text, gazetteer, matcher))
    assert {("BEL", "memberOf", "gfmd-troika"), ("PHL", "memberOf", "gfmd-troika"),
            ("GRC", "memberOf", "gfmd-troika")} <= got


def test_relative_includes_with_states_named_through_their_presidency(gazetteer, matcher):
    text = ("(أ) اللجنة الثلاثية التي تضم، بالإضافة إلى سويسرا، الرئاسة السابقة للمكسيك والرئاسة القادمة للسويد "
            "ثم الرئاسة الخلف لموريشيوس، التي قدمت توجيها استراتيجيا للرئاسة الحالية؛ و (ب) الفريق التوجيهي الذي "
            "يضم 36 بلدا")
    got = {s for s, p, o in _triples(_facts(text, gazetteer, matcher)) if p == "memberOf" and o == "gfmd-troika"}
    assert got == {"CHE", "MEX", "SWE", "MUS"}


def test_membership_list_skips_a_name_inside_a_genitive(gazetteer, matcher):
    text = ("الفريق العالمي المعني بالهجرة هو هيئة مشتركة بين الوكالات. وفي منتصف عام ٢٠٠٨، كانت عضوية الفريق تشمل "
            "إدارة الشؤون الاقتصادية والاجتماعية، ومنظمة العمل الدولية، والمنظمة الدولية للهجرة، والبنك الدولي إلى "
            "جانب لجان الأمم المتحدة الإقليمية.")
    got = {s for s, p, o in _triples(_facts(text, gazetteer, matcher)) if p == "memberOf" and o == "gmg"}
    assert {"desa", "ilo", "iom", "world-bank"} <= got
    assert "un" not in got


def test_members_of_another_body_are_not_that_body(gazetteer, matcher):
    text = "وذكر بالاتفاق على تقييم المنتدى الذي يشرف عليه فريق التقييم الذي يتكون من أعضاء الفريق التوجيهي المعنيين."
    got = _triples(_facts(text, gazetteer, matcher))
    assert not any(p == "memberOf" and s == "gfmd-steering-group" for s, p, o in got)


def test_name_comma_title_gives_role_and_affiliation(gazetteer, matcher):
    text = ("وتكلمت السيدة بيلار ألفاريز - لاسو، الرئيسة الحالية للفريق العالمي المعني بالهجرة، بالنيابة عن "
            "اليونسكو، وهنأت سويسرا على رئاستها الناجحة لاجتماع منتدى عام 2011.")
    facts = _facts(text, gazetteer, matcher)
    roles = [f.object for f in facts if f.predicate == "role"]
    assert roles and roles[0].lexical == "الرئيسة الحالية للفريق العالمي المعني بالهجرة" and roles[0].lang == "ar"
    assert {f.object.slug for f in facts if f.predicate == "affiliation"} == {"unesco"}
    assert not [f for f in facts if f.predicate == "chairedBy"]      # GMG is an organization, not a body


def test_chair_of_a_process_body(gazetteer, matcher):
    text = ("وأشار رئيس فريق التقييم، دومينيك بارافيسيني من وزارة الخارجية الاتحادية بسويسرا، إلى عمل الفريق في "
            "عام 2011.")
    got = _triples(_facts(text, gazetteer, matcher))
    assert ("gfmd-assessment-team", "chairedBy", "dwmynyk-barafysyny") in got


def test_session_header_line_gives_roles_government_bodies_and_states(gazetteer, matcher):
    note = ("الرئيسان المشاركان: السفير مارتن أهومويبهي، أمين دائم، وزارة الخارجية، نيجيريا؛ والسيد أليكس زلامي، "
            "مستشار وزير العمل، الإمارات العربية المتحدة")
    facts = _facts("", gazetteer, matcher, [note])
    got = _triples(facts)
    assert ("martn-ahwmwybhy", "role", "أمين دائم") in got
    assert ("nga-wzarh-alkharjyh", "ofState", "NGA") in got
    assert ("martn-ahwmwybhy", "affiliation", "nga-wzarh-alkharjyh") in got
    assert ("alyks-zlamy", "affiliation", "ARE") in got
    body = next(f.subject for f in facts if f.predicate == "ofState")
    assert body.cls == "GovernmentBody" and body.from_text and body.label_ar.startswith("وزارة الخارجية")
    assert all(isinstance(f.evidence, Section) for f in facts)


def test_header_line_without_a_name_gives_nothing(gazetteer, matcher):
    assert _facts("", gazetteer, matcher, ["المنظمة الدولية للهجرة/معهد سياسات الهجرة"]) == []


def test_participation(gazetteer, matcher):
    text = ("وتشارك سويسرا بقوة في المنتدى العالمي المعني بالهجرة والتنمية بسبب مصالحها الوطنية. "
            "وشارك ممثلون عن ١٥٦ دولة عضوا في الاجتماع.")
    got = _triples(_facts(text, gazetteer, matcher))
    assert ("CHE", "participatesIn", "gfmd") in got
    assert len([t for t in got if t[1] == "participatesIn"]) == 1
