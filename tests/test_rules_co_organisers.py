"""Co-organisers of a meeting take part in it (issue 13, rule ``event.co-organiser``): the actors joined to an
organising verb's subject by و or a comma, the partners named after بالشراكة مع / بالتعاون مع / بالتنسيق مع
between the organiser and the meeting or right after the meeting's phrase, and the subjects of a verb of sharing
before في تنظيم MEETING. Negative cases: a planned meeting has no participants yet, a partnership that governs
no meeting joins none, a partner word right after an organising verb is no subject (so no host), a negated
verb gives nothing, and the organiser itself is its meeting's host, not a second participant. Every sentence
here is the author's own."""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_facts import facts_of_text, key_of, real_gazetteer, real_matcher
from graph_builder.facts import events, meeting_organisers
from graph_builder.facts.event_common import Ref
from graph_builder.facts.event_status import HELD
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph


def _name(x) -> str:
    if hasattr(x, "kind"):
        return x.label_ar if x.kind == "person" else f"{x.kind}/{x.slug}"
    return x.lexical


def facts(*paras, date="2031-06-10", preds=("participatesIn", "hostedBy", "plannedHost")):
    return {(_name(f.subject), f.predicate, _name(f.object)) for f in facts_of_text(events, *paras, date=date)
            if f.predicate in preds}


def taking_part(*paras, date="2031-06-10"):
    return {s for s, p, _o in facts(*paras, date=date) if p == "participatesIn"}


def hosts(*paras, date="2031-06-10"):
    return {o for _s, p, o in facts(*paras, date=date) if p in ("hostedBy", "plannedHost")}


# ------------------------------------------------------------------ organisers joined by و or a comma

def test_levantine_three_organisers_joined_by_waw_the_first_hosts_the_others_take_part():
    got = facts("نظم المكتب الإقليمي للمنظمة الدولية للهجرة وجامعة الدول العربية ومنظمة العمل الدولية مؤتمراً "
                "إقليمياً في القاهرة يوم 5 آذار 2031.")
    hosted = {o for _s, p, o in got if p == "hostedBy"}
    part = {s for s, p, _o in got if p == "participatesIn"}
    assert hosted == {"org/iom"}
    assert {"org/las", "org/ilo"} <= part
    assert "org/iom" not in part              # the organiser hosts; it is not listed again as a participant


# ------------------------------------------------------------------ partners after بالشراكة مع / بالتعاون مع

def test_un_register_partners_between_the_organiser_and_the_meeting():
    got = facts("نظمت المنظمة الدولية للهجرة، بالشراكة مع جامعة الدول العربية، ومنظمة العمل الدولية، وبالتعاون "
                "مع وكالات الأمم المتحدة، اجتماعاً تشاورياً إقليمياً في بيروت يوم 3 آذار 2031.")
    assert {"org/las", "org/ilo"} <= {s for s, p, _o in got if p == "participatesIn"}
    assert {o for _s, p, o in got if p == "hostedBy"} == {"org/iom"}



def test_long_aside_after_the_partners_before_the_meeting():
    # the meeting comes after the partners and a long aside about the last of them: still the verb's object
    got = facts("نظمت منظمة العمل الدولية، بالشراكة مع المنظمة الدولية للهجرة، وبالتعاون مع عدد من الهيئات الوطنية "
                "والمحلية المعنية بشؤون العمال المهاجرين وأسرهم في بلدان المنشأ والعبور والمقصد في المنطقة، ندوة "
                "إقليمية في تونس يوم 8 نيسان 2031.")
    assert ("org/iom", "participatesIn") in {(s, p) for s, p, _o in got}
    assert {o for _s, p, o in got if p == "hostedBy"} == {"org/ilo"}

def test_gulf_partners_after_the_meetings_phrase_and_its_date():
    part = taking_part("نظمت الإسكوا ورشة عمل حول إحصاءات الهجرة في بيروت يوم 4 أيار 2031، بالتعاون مع المنظمة "
                       "الدولية للهجرة ومنظمة العمل الدولية.")
    assert {"org/iom", "org/ilo"} <= part


def test_maghrebi_partner_after_bittansiq():
    part = taking_part("نظمت منظمة العمل الدولية ندوة وطنية حول العمال المهاجرين في الرباط يوم 12 أيار 2031 "
                       "بالتنسيق مع المفوضية السامية للأمم المتحدة لشؤون اللاجئين.")
    assert "org/unhcr" in part


# ------------------------------------------------------------------ sharing in organising: تشترك X وY في تنظيم

def test_press_three_co_organisers_of_a_conference():
    part = taking_part("وتشترك منظمة العمل الدولية، والمفوضية السامية للأمم المتحدة لشؤون اللاجئين، وجامعة الدول "
                       "العربية في تنظيم المؤتمر الإقليمي حول العمالة المهاجرة الذي انطلق في عمان يوم 2 حزيران 2031.")
    assert {"org/ilo", "org/unhcr", "org/las"} <= part


def test_mauritanian_register_past_verb_of_cooperation():
    part = taking_part("وتعاونت المفوضية السامية للأمم المتحدة لشؤون اللاجئين والمنظمة الدولية للهجرة في تنظيم "
                       "الندوة الوطنية حول اللجوء التي عقدت في نواكشوط يوم 2 حزيران 2031.")
    assert {"org/unhcr", "org/iom"} <= part


# ------------------------------------------------------------------ negatives

def test_planned_meeting_has_no_co_organisers_yet():
    assert not taking_part("ستنظم المنظمة الدولية للهجرة، بالشراكة مع جامعة الدول العربية، مؤتمرا إقليميا في تونس "
                           "العام المقبل.")
    assert not taking_part("تشترك المنظمة الدولية للهجرة وجامعة الدول العربية في تنظيم المنتدى الإقليمي الثاني "
                           "المقرر عقده في الرباط في تشرين الأول 2031.")


def test_a_partnership_that_governs_no_meeting_joins_none():
    got = facts("وقعت المنظمة الدولية للهجرة بالشراكة مع الاتحاد الأوروبي اتفاقا لدعم العائدين، وذلك على هامش "
                "المؤتمر الإقليمي الذي عقد في تونس يوم 3 آذار 2031.")
    assert "org/eu" not in {s for s, p, _o in got if p == "participatesIn"}
    assert "org/iom" not in {s for s, p, _o in got if p == "participatesIn"}


def test_a_partner_right_after_the_verb_is_not_the_organiser():
    got = facts("وقال المدير العام للمنظمة الدولية للهجرة إن المنظمة نظمت بالتعاون مع الاتحاد الأفريقي حملة "
                "توعية في عدة دول، خلال المؤتمر الإقليمي الذي عقد في أديس أبابا يوم 3 آذار 2031.")
    assert "org/au" not in {o for _s, p, o in got if p == "hostedBy"}
    assert "org/au" not in {s for s, p, _o in got if p == "participatesIn"}


def test_negated_sharing_gives_nothing():
    assert "org/las" not in taking_part("لا تشترك جامعة الدول العربية في تنظيم المؤتمر الإقليمي الذي عقد في عمان "
                                        "يوم 2 حزيران 2031.")


# ------------------------------------------------------------------ organisers written after the meeting (event.organised-by)

def test_levantine_nominal_joint_organisers_the_first_hosts_the_second_takes_part():
    got = facts("عقد في بيروت أمس مؤتمر إقليمي حول الهجرة بتنظيم مشترك بين الإسكوا والمنظمة الدولية للهجرة.")
    assert {o for _s, p, o in got if p == "hostedBy"} == {"org/escwa"}
    assert "org/iom" in taking_part("عقد في بيروت أمس مؤتمر إقليمي حول الهجرة بتنظيم مشترك بين الإسكوا والمنظمة "
                                    "الدولية للهجرة.")


def test_maghrebi_relative_verb_with_the_meetings_pronoun_and_a_partner():
    got = facts("اختتمت أمس في الحمامات أشغال الندوة الإقليمية حول الهجرة التي نظمتها المنظمة الدولية للهجرة "
                "بالشراكة مع المفوضية السامية لشؤون اللاجئين.")
    assert {o for _s, p, o in got if p == "hostedBy"} == {"org/iom"}
    assert "org/unhcr" in {s for s, p, _o in got if p == "participatesIn"}


def test_un_register_under_the_umbrella_of_each_of():
    got = facts("وانطلقت أمس في جنيف أعمال الورشة الإقليمية حول حماية العمال المهاجرين التي تعقد تحت مظلة كل من "
                "منظمة العمل الدولية والمنظمة الدولية للهجرة.")
    assert {o for _s, p, o in got if p == "hostedBy"} == {"org/ilo"}
    assert "org/iom" in {s for s, p, _o in got if p == "participatesIn"}


def test_io_press_joint_organiser_with_an_organising_subject_is_a_partner_only():
    got = facts("نظمت المنظمة الدولية للهجرة أمس في جنيف ندوة حول الهجرة، بتنظيم مشترك مع منظمة العمل الدولية.")
    assert {o for _s, p, o in got if p == "hostedBy"} == {"org/iom"}
    assert "org/ilo" in {s for s, p, _o in got if p == "participatesIn"}


def test_organised_by_negatives():
    # planned: no host and no participant from the organisers
    got = facts("ومن المقرر أن تعقد في بيروت الشهر المقبل ندوة إقليمية حول الهجرة بتنظيم مشترك بين الإسكوا "
                "والمنظمة الدولية للهجرة.")
    assert not {x for x in got if x[1] in ("hostedBy", "participatesIn")}
    # regulating (تنظيم) a flow, not organising a meeting: no actor follows the noun
    got = facts("ناقش المؤتمر الإقليمي الذي عقد أمس في بيروت سبل تعزيز التعاون بتنظيم هجرة العمالة.")
    assert not {x for x in got if x[1] == "participatesIn"}
    # patronage is not organising
    got = facts("واختتمت أمس في الرباط أعمال الندوة الإقليمية حول الهجرة تحت رعاية المنظمة الدولية للهجرة.")
    assert "org/iom" not in {s for s, p, _o in got if p == "participatesIn"}
    # a hosting verb of its own: the organiser after the meeting only takes part
    got = facts("استضافت الأردن أمس ندوة إقليمية حول الهجرة بتنظيم من المنظمة الدولية للهجرة.")
    assert "org/iom" not in {o for _s, p, o in got if p == "hostedBy"}


def test_a_comma_then_another_clause_ends_the_organisers_list():
    # a press report: the organisers' list ends at the comma; states of the next clause are no co-organisers
    facts = facts_of_text(events, "انطلقت في بيروت أمس ورشة العمل التي نظمتها المنظمة الدولية للهجرة بالتعاون مع "
                                  "منظمة العمل الدولية، في حين اعتذرت الأردن والمغرب.", date="")
    taking = {key_of(f.subject) for f in facts if f.predicate == "participatesIn"}
    assert "org/ilo" in taking
    assert not {"state/JOR", "state/MAR"} & taking

# ------------------------------------------------------------------ the sentence's hosts do not also take part

@pytest.mark.parametrize("text, host, partner", [
    # Maghrebi press: the state hosts (تستضيفه) what it shares in organising
    ("وتشترك المغرب والمنظمة الدولية للهجرة في تنظيم المؤتمر الإقليمي حول الهجرة الذي تستضيفه المغرب في الرباط يوم "
     "5 آذار 2031.", "state/MAR", "org/iom"),
    # UN style: a commission hosts the workshop it shares in organising
    ("وتشترك الإسكوا ومنظمة العمل الدولية في تنظيم ورشة العمل الإقليمية حول هجرة العمال التي تستضيفها الإسكوا في "
     "بيروت يوم 5 آذار 2031.", "org/escwa", "org/ilo"),
])
def test_a_co_organiser_the_sentence_names_host_hosts_and_does_not_also_take_part(text, host, partner):
    got = facts(text)
    assert host in {o for _s, p, o in got if p == "hostedBy"}
    assert taking_part(text) == {partner}


def test_without_a_hosting_verb_every_co_organiser_takes_part():
    assert taking_part("وتشترك الإسكوا ومنظمة العمل الدولية في تنظيم ورشة العمل الإقليمية حول هجرة العمال في بيروت "
                       "يوم 5 آذار 2031.") == {"org/escwa", "org/ilo"}


def test_co_organisers_leave_out_the_hosts_they_are_given():
    """The rule itself leaves the sentence's hosts out (no filter after it): given one host of the meeting, only the
    other subject takes part; given a host of another meeting, both do."""
    text = "وتشترك الإسكوا ومنظمة العمل الدولية في تنظيم ورشة العمل الإقليمية حول هجرة العمال في بيروت يوم 5 آذار 2031."
    doc = Document(path=Path("t.txt"), slug="t", date="2031-06-10",
                   paragraphs=[Paragraph(number=1, text=text, order=1, line=1)], sections=[])
    ctx = FactContext(doc, mentions_in(doc, real_matcher()), real_gazetteer(), real_matcher())
    ctx.family_facts(events)
    src = doc.paragraphs[0]
    toks = ctx.tokens(src)
    refs = [Ref(r.start, r.end, r.event, None, "x", HELD) for r in ctx.meetings().refs(src, 0, len(text))]
    assert refs
    escwa = real_gazetteer().get("org", "escwa")
    event = refs[0].event.key

    def part(hosts):
        return {f.subject.slug for f in meeting_organisers.co_organisers(src, toks, refs, 0, len(text), hosts)}

    assert part({event: [escwa]}) == {"ilo"}
    assert part({("event", "another"): [escwa]}) == part(None) == {"escwa", "ilo"}
