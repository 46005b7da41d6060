"""Entities named the way press writers name them: a state by its form (المملكة، السلطنة) once named, a capital by
``عاصمة``/``العاصمة`` and its state, and a body the gazetteer lacks by its head noun and a state's nisba or a
person's name (``recognise/text_bodies.py``). Sentences written for these tests, in several registers, with the
readings that must not be made."""
from __future__ import annotations

import pytest

from gold_facts import real_matcher


def found(text: str) -> list[tuple[str, str, str]]:
    """(surface, kind/slug, rule) of each mention the matcher finds in ``text``."""
    return [(m.surface, f"{m.entity.kind}/{m.entity.slug}", m.rule) for m in real_matcher().find(text)]


def entities(text: str) -> list[str]:
    return [e for _, e, _ in found(text)]


# ---------------------------------------------------------------- a state by its form, once named

@pytest.mark.parametrize("text, state", [
    # Gulf press: the kingdom named in full, then by its form
    ("ويضم وفد مملكة البحرين المشارك في الاجتماعات خبراء، وتأتي مشاركة المملكة في إطار تعزيز التعاون.", "state/BHR"),
    # Maghrebi press: the state by its short name, then "the kingdom" represented by a delegation
    ("وأكد المغرب التزامه بالمسار، ويمثل المملكة في هذا الاجتماع وفد يضم عددا من المسؤولين.", "state/MAR"),
    # the antecedent is a nisba (a government named by its adjective)
    ("رحبت الحكومة السعودية بالمبادرة، وتشارك المملكة في المنتدى بوفد رفيع.", "state/SAU"),
    # a sultanate
    ("قدم الوفد العماني مداخلة حول العمالة، وأكدت السلطنة دعمها للحوار.", "state/OMN"),
])
def test_a_state_named_by_its_form_after_the_text_named_it(text, state):
    refs = [(s, e) for s, e, r in found(text) if r == "short-form"]
    assert refs and refs[0][1] == state and refs[0][0] in ("المملكة", "السلطنة")


@pytest.mark.parametrize("text", [
    "وتشارك المملكة في المنتدى بوفد يرأسه مستشار.",                   # no kingdom named before
    "أعلنت مصر مشاركتها، وتشارك المملكة في المنتدى كذلك.",             # only a republic named before
    "استقبلت الجزائر الوفود، وأكدت السلطنة دعمها.",                     # no sultanate named before
])
def test_no_state_for_its_form_without_such_a_state_named_before(text):
    assert not [e for s, e, r in found(text) if r == "short-form" and e.startswith("state/")]


def test_a_nisba_after_the_form_names_the_state_not_the_earlier_kingdom():
    text = "تحدث الوفد المغربي أولا، ثم ألقى ملك المملكة الأردنية كلمة الافتتاح."
    ents = entities(text)
    assert ents == ["state/MAR", "state/JOR"]          # المملكة is not Morocco here


def test_a_kingdom_full_name_is_not_the_form():
    text = "وصل الوفد السعودي إلى المملكة المتحدة للمشاركة في المؤتمر."
    assert entities(text) == ["state/SAU", "state/GBR"]


# ---------------------------------------------------------------- a capital by its state

@pytest.mark.parametrize("text, surface, place", [
    ("انعقد الاجتماع بالعاصمة الجزائر في يناير بحضور الوزراء.", "العاصمة الجزائر", "place/algiers"),   # Algerian press
    ("اجتمع الخبراء في العاصمة تونس أمس لبحث تنقل العمالة.", "العاصمة تونس", "place/tunis"),
    ("عقد اللقاء في عاصمة المغرب بمشاركة خمسين دولة.", "عاصمة المغرب", "place/rabat"),
    ("أشادت الحكومة المغربية باللقاء الذي انعقدت نسخته الأولى بعاصمة المملكة في يوليو.", "عاصمة المملكة",
     "place/rabat"),
])
def test_a_capital_named_by_its_state(text, surface, place):
    assert (surface, place, "capital-of") in found(text)


@pytest.mark.parametrize("text, state", [
    ("التقى الوزير بنظيره في العاصمة، الجزائر ترحب بالضيوف.", "state/DZA"),   # a comma: the state, not apposition
    ("أكدت الجزائر أن العاصمة مستعدة لاستقبال الوفود.", "state/DZA"),         # the state, then another word
    ("شاركت تونس في الاجتماع الذي عقد في جنيف.", "state/TUN"),
])
def test_a_state_not_written_with_the_capital_noun_stays_the_state(text, state):
    assert state in entities(text)
    assert not any(r == "capital-of" for _, _, r in found(text))


# ---------------------------------------------------------------- bodies minted from text

def _body(text: str):
    m = [m for m in real_matcher().find(text) if m.rule == "text-body"]
    return m[0] if m else None


@pytest.mark.parametrize("text, name, state", [
    ("وقالت وزارة الخارجية الجزائرية في بيان لها إن الاجتماع كان ناجحا.", "وزارة الخارجية", "DZA"),    # Algerian press
    ("أعلنت وزارة العمل المغربية الخميس عن برنامج جديد.", "وزارة العمل", "MAR"),                         # a day ends it
    ("وافق مجلس الوزراء العراقي على تخويل الوزير.", "مجلس الوزراء", "IRQ"),
])
def test_a_ministry_with_a_state_nisba_is_a_government_body_of_that_state(text, name, state):
    m = _body(text)
    assert m is not None and m.surface == name
    assert m.entity.cls == "GovernmentBody" and ("ofState", "state", state) in m.entity.links
    assert f"state/{state}" in entities(text)          # the nisba stays a mention of the state


@pytest.mark.parametrize("text, surface, state", [
    ("وأكدت اللجنة الوطنية المصرية لمكافحة الاتجار بالبشر، في بيانها، أهمية التنسيق.",
     "اللجنة الوطنية المصرية لمكافحة الاتجار بالبشر", "EGY"),
    ("شارك مجلس الجالية المغربية بالخارج في اللقاء الأورو-إفريقي.", "مجلس الجالية المغربية بالخارج", "MAR"),
])
def test_a_national_body_named_with_a_nisba_inside_its_name(text, surface, state):
    m = _body(text)
    assert m is not None and m.surface == surface and ("ofState", "state", state) in m.entity.links


def test_a_body_named_after_a_person_is_an_organisation():
    m = _body("ويشرف على مركز الملك سلمان للإغاثة والأعمال الإنسانية منذ سنوات.")
    assert m is not None and m.surface == "مركز الملك سلمان للإغاثة والأعمال الإنسانية"
    assert m.entity.cls == "Organization" and m.entity.from_text


def test_the_same_body_in_two_texts_is_one_entity():
    a = _body("وقالت وزارة الخارجية الجزائرية إن الوفد وصل.")
    b = _body("وأضاف الناطق باسم وزارة الخارجية الجزائرية أن الاجتماع انتهى.")
    c = _body("وفقا للجنة الوطنية المصرية لمكافحة الاتجار بالبشر، فإن …")
    d = _body("وقالت اللجنة الوطنية المصرية لمكافحة الاتجار بالبشر، إن …")
    assert a.entity.key == b.entity.key and c.entity.key == d.entity.key
    assert c.entity.label_ar.startswith("اللجنة")


@pytest.mark.parametrize("text", [
    "وافق مجلس الوزراء على مشروع القانون.",                           # a council of an unnamed state
    "وقال وكيل وزارة العمل والتنمية الاجتماعية إن الاجتماع مهم.",       # a ministry with no state written
    "أشادت المنظمة الدولية بالجهود المبذولة.",                          # common words only
    "عقدت اللجنة اجتماعها الأول أمس.",
    "ويشرف على مركز التدريب الدكتور علي حسن.",                          # a title ends the name; no person in it
])
def test_no_body_without_a_proper_part(text):
    assert _body(text) is None


def test_a_gazetteer_name_is_not_minted_again():
    ents = entities("دعت منظمة العمل الدولية والمنظمة الدولية للهجرة إلى التعاون.")
    assert ents == ["org/ilo", "org/iom"]


@pytest.mark.parametrize("text", [
    "انعقد المنتدى في دكار عاصمة بنغلادش العام الماضي.",          # a gloss of the city before it
    "وصل الوفد إلى مراكش، عاصمة المغرب السياحية، أمس.",
])
def test_a_capital_phrase_glossing_the_city_before_it_keeps_the_state(text):
    assert not any(r == "capital-of" for _, _, r in found(text))


def test_a_ministry_name_ends_at_its_state():
    text = "وقال وكيل وزارة الخارجية الفلبينية لشؤون العمال المهاجرين إن البرنامج مستمر."
    m = _body(text)
    assert m is not None and m.surface == "وزارة الخارجية" and "state/PHL" in entities(text)


# ---------------------------------------------------------------- a short name qualified after an ordinal

def test_a_short_name_with_an_ordinal_then_another_genitive_is_another_forum():
    # the GFMD's short name المنتدى العالمي, an ordinal, then للاجئين: the first Global Refugee Forum, not the GFMD
    assert "process/gfmd" not in entities("بدأت اليوم في جنيف أعمال المنتدى العالمي الأول للاجئين بمشاركة واسعة.")


@pytest.mark.parametrize("text", [
    "انعقد المنتدى العالمي الحادي عشر للهجرة والتنمية في مراكش.",   # the genitive is the forum's own words
    "انعقد المنتدى العالمي الأول في بروكسل عام 2007.",               # an ordinal and no genitive
])
def test_a_short_name_with_an_ordinal_keeps_its_entity(text):
    assert "process/gfmd" in entities(text)


def test_no_state_for_its_form_after_two_such_states():
    text = ("يجمع الحوار المغرب والجزائر وتونس وإسبانيا وفرنسا، ويهدف هذا المؤتمر، الذي تترأسه المملكة، إلى وضع إطار "
            "عمل مشترك.")
    assert not [e for s, e, r in found(text) if r == "short-form" and e.startswith("state/")]
