"""A name that is both a state and its capital (تونس، الكويت، جيبوتي، بنما، غواتيمالا، الجزائر): the gazetteer says
which (the state's ``capital_of`` city whose bare name is a name of the state), the mention names the state and
carries the city, and only a slot that asks for a place reads the city (عقد في تونس، الذي عقد في الكويت، وفي
جيبوتي،). Negatives: the same names as a participant, a host, a minister's state, or in a clause of no meeting
keep the state; a fuller name of the state (الجمهورية التونسية) names no city; a state whose capital has another
name (المغرب) names no city. Every sentence here is the author's own, in several registers."""
from __future__ import annotations

from pathlib import Path

from gold_facts import facts_of_text, key_of, real_gazetteer, real_matcher
from graph_builder.facts import actors, events
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def located(facts):
    return {(s, o) for s, p, o in triples(facts) if p == "location"}


def mentions(text: str):
    doc = Document(path=Path("test.txt"), slug="test", date="2031-06-01",
                   paragraphs=[Paragraph(number=1, text=text, order=1, line=10)], sections=[])
    return mentions_in(doc, real_matcher())


# ------------------------------------------------------------------ the data

def test_the_gazetteer_says_which_states_share_their_capitals_name():
    namesakes = {(state[1], capital.slug) for (state, _), capital in real_matcher().namesakes.items()}
    assert {("TUN", "tunis"), ("KWT", "kuwait-city"), ("DJI", "djibouti-city"), ("PAN", "panama-city"),
            ("GTM", "guatemala-city"), ("DZA", "algiers"), ("LUX", "luxembourg-city"), ("SGP", "singapore-city"),
            ("MCO", "monaco-city")} <= namesakes
    assert not any(state in ("MAR", "EGY", "JOR", "OMN", "FRA") for state, _ in namesakes)


def test_a_mention_of_the_shared_name_names_the_state_and_carries_the_city():
    m = next(m for m in mentions("زار وزير خارجية الكويت العاصمة الأردنية أمس.") if m.surface == "الكويت")
    assert key_of(m.entity) == "state/KWT" and key_of(m.city) == "place/kuwait-city"


def test_a_fuller_name_of_the_state_carries_no_city():
    found = [m for m in mentions("أعلنت الجمهورية التونسية عن برنامج جديد للعمال المهاجرين.")
             if key_of(m.entity) == "state/TUN"]
    assert found and all(m.city is None for m in found)


def test_a_state_whose_capital_has_another_name_carries_no_city():
    found = [m for m in mentions("عقدت ورشة العمل في المغرب يوم 3 مارس 2031.") if key_of(m.entity) == "state/MAR"]
    assert found and all(m.city is None for m in found)


# ------------------------------------------------------------------ place slots read the city

def test_maghreb_press_workshop_held_in_tunis():
    facts = facts_of_text(events, "عقدت ورشة عمل إقليمية حول هجرة اليد العاملة في تونس يومي 3 و4 مارس 2031.",
                          date="2031-03-05")
    assert any(o == "place/tunis" for _, o in located(facts))
    assert not any("tun-2031" in s for s, _, _ in triples(facts))     # keyed by the city, not the state


def test_un_style_held_clause_names_kuwait_city():
    facts = facts_of_text(events, "وشارك الوفد في الاجتماع التشاوري الذي عقد في الكويت في 12 نيسان/أبريل 2031 "
                                  "بحضور ممثلي الدول الأعضاء.", date="")
    assert any(o == "place/kuwait-city" for _, o in located(facts))


def test_gulf_press_fronted_city_djibouti():
    facts = facts_of_text(events, "وفي جيبوتي، اختتمت أمس أعمال المؤتمر الإقليمي حول الهجرة المختلطة.",
                          date="2031-05-06")
    assert any(o == "place/djibouti-city" for _, o in located(facts))


def test_communique_held_verb_before_the_meeting_in_panama():
    facts = facts_of_text(events, "انعقد في بنما المنتدى الإقليمي للهجرة في 5 أيار/مايو 2031.", date="")
    assert any(o == "place/panama-city" for _, o in located(facts))


def test_city_state_and_a_second_spelling_read_the_city():
    facts = facts_of_text(events, "وانطلقت في سنغافورة يوم 7 أيلول/سبتمبر 2031 أعمال المؤتمر الإقليمي حول هجرة العمالة.",
                          date="")
    assert any(o == "place/singapore-city" for _, o in located(facts))
    facts = facts_of_text(events, "عقد في لوكسمبورغ الاجتماع الوزاري حول اللجوء في 2 حزيران/يونيو 2031.", date="")
    assert any(o == "place/luxembourg-city" for _, o in located(facts))


def test_glued_preposition_reads_the_city_too():
    facts = facts_of_text(events, "اختتمت بتونس أمس أشغال الندوة الإقليمية حول حماية العمال المهاجرين.",
                          date="2031-04-10")
    assert any(o == "place/tunis" for _, o in located(facts))


# ------------------------------------------------------------------ other slots keep the state

def test_a_participant_state_stays_the_state():
    facts = facts_of_text(events, "شاركت تونس في الاجتماع الإقليمي الذي عقد في الرباط يوم 3 مارس 2031.", date="")
    assert located(facts) and all(o == "place/rabat" for _, o in located(facts))
    assert not any(o == "place/tunis" for _, _, o in triples(facts))


def test_a_hosting_state_stays_the_host():
    facts = facts_of_text(events, "استضافت الجزائر ورشة عمل حول الهجرة غير النظامية في 2031.", date="")
    t = triples(facts)
    assert any(p == "hostedBy" and o == "state/DZA" for _, p, o in t)
    assert not any(o == "place/algiers" for _, _, o in t)


def test_a_ministers_state_stays_the_state():
    facts = facts_of_text(actors, "وأكد السيد ناصر الخالدي، وزير خارجية الكويت، أن بلاده ستدعم الميثاق.",
                          date="2031-06-01")
    objects = {o for _, p, o in triples(facts) if p == "affiliation"}
    assert "state/KWT" in objects and "place/kuwait-city" not in objects


def test_a_state_named_in_no_meeting_clause_gives_no_location():
    facts = facts_of_text(events, "يعمل نحو مليوني عامل مهاجر في الكويت في قطاعات البناء والخدمات.", date="")
    assert not located(facts)
