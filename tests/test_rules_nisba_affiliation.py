"""A person's affiliation from the nisba adjective of a state after the role (``وزير الخارجية الاسترالي``,
``وزيرة العمل المغربية``, ``السفير الفرنسي لدى …``): the nisba adjectives of the gazetteer's states (masculine
and feminine, data in ``gazetteer/states.toml``), a name after a role with ``لدى`` or ``باسم``, and where a role
ends. Negatives: a nisba of a people noun (``رئيس الجالية السورية``, class ``people_noun``) unless the role is
a government office (class ``government_role``), a ministry's topic (``وزير الهجرة واللاجئين``), and a role with
ب after the name (``التقى NAME بوزير …``: the verb's complement, not the person's role). Every sentence here is
the author's own."""
from __future__ import annotations

import pytest

from actor_sentences import actor_facts


@pytest.mark.parametrize("text, name, role, aff", [
    # UN news page: a feminine nisba of a state the gazetteer had no adjective for
    ("وقالت وزيرة الخارجية المالديفية فاطمة ضياء إن بلادها تدعم الاتفاق العالمي.", "فاطمة ضياء",
     "وزيرة الخارجية المالديفية", "MDV"),
    # Gulf agency: a two-word nisba (الكوري الجنوبي) after a deputy minister's role
    ("وقال نائب وزير العدل الكوري الجنوبي كيم سو هيون إن سيول تدعم المسار.", "كيم سو هيون",
     "نائب وزير العدل الكوري الجنوبي", "KOR"),
    # IO press release: an ambassador's nisba, then لدى and the receiving state (not his)
    ("وأشاد السفير الفاتيكاني لدى الأردن جوزيبي روسي بجهود المنظمة.", "جوزيبي روسي",
     "السفير الفاتيكاني لدى الأردن", "VAT"),
    # Levantine press: a spokesman's role with باسم (a preposition, not the given name Basim)
    ("وقال المتحدث باسم الخارجية الأمريكية نيد برايس إن واشنطن تدعم المسار.", "نيد برايس",
     "المتحدث باسم الخارجية الأمريكية", "USA"),
    # Libyan press: a statement of the spokesman (ل + the role head, then باسم)
    ("وقال بيان للمتحدث باسم الحكومة الليبية محمد حمودة اليوم إن الاجتماع ناجح.", "محمد حمودة",
     "المتحدث باسم الحكومة الليبية", "LBY"),
    # Egyptian press: a feminine spokesman
    ("وقالت الناطقة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو تدعم الاتفاق.", "ماريا زاخاروفا",
     "الناطقة باسم وزارة الخارجية الروسية", "RUS"),
    # Maghrebi press: the role with لدى before the name, and ب + a role after it (the verb's complement)
    ("والتقى السفير الفرنسي لدى المغرب كريستوف بيغو بوزير الداخلية.", "كريستوف بيغو",
     "السفير الفرنسي لدى المغرب", "FRA"),
    # Moroccan press: a government office over a people noun keeps its state
    ("وقال عبد الكريم بنعتيق، الوزير المكلف بالجالية المغربية المقيمة بالخارج، إن الجالية مهمة.", "عبد الكريم بنعتيق",
     "الوزير المكلف بالجالية المغربية المقيمة بالخارج", "MAR"),
    # Tunisian press: a minister whose ministry names a people noun, the nisba after it
    ("وقال وزير الشؤون الاجتماعية والجالية بالخارج التونسي محمد الطرابلسي إن الجالية مهمة.", "محمد الطرابلسي",
     "وزير الشؤون الاجتماعية والجالية بالخارج التونسي", "TUN"),
])
def test_nisba_after_a_role_gives_the_state(text, name, role, aff, matcher, gazetteer):
    persons, roles, affs, _ = actor_facts(text, matcher, gazetteer)
    assert name in persons
    assert (name, role) in roles
    assert (name, aff) in affs


@pytest.mark.parametrize("text, name, role, not_aff", [
    # Levantine press: the head of a community is not in its state's government
    ("وقال رئيس الجالية السورية خالد حسن إن العمال المغاربة كثر.", "خالد حسن", "رئيس الجالية السورية", "SYR"),
    # Maghrebi press: a workers' representative, a people noun and a place in the role
    ("وقال ممثل العمال المغاربة في إسبانيا محمد العلمي إن الأجور متدنية.", "محمد العلمي",
     "ممثل العمال المغاربة في إسبانيا", "MAR"),
    ("وقال ممثل العمال المغاربة في إسبانيا محمد العلمي إن الأجور متدنية.", "محمد العلمي",
     "ممثل العمال المغاربة في إسبانيا", "ESP"),
])
def test_nisba_of_a_people_noun_gives_no_state(text, name, role, not_aff, matcher, gazetteer):
    persons, roles, affs, _ = actor_facts(text, matcher, gazetteer)
    assert (name, role) in roles
    assert not any(a == not_aff for n, a in affs if n == name)


def test_a_ministrys_topic_is_no_state(matcher, gazetteer):
    persons, roles, affs, _ = actor_facts("وقال وزير الهجرة واللاجئين نبيل عمرو إن الجالية السورية كبيرة.",
                                          matcher, gazetteer)
    assert ("نبيل عمرو", "وزير الهجرة واللاجئين") in roles
    assert not any(n == "نبيل عمرو" for n, _a in affs)


def test_a_role_with_b_after_the_name_is_not_the_persons(matcher, gazetteer):
    _, roles, _, _ = actor_facts("واجتمعت المديرة العامة للمنظمة إيمي بوب بوزير العمل الأردني أمس.", matcher, gazetteer)
    assert ("إيمي بوب", "المديرة العامة للمنظمة") in roles
    assert not any(r.startswith("بوزير") for _n, r in roles)


@pytest.mark.parametrize("form", ["الأندوري", "البهامية", "الإسواتيني", "الكورية الشمالية", "الفاتيكانية"])
def test_new_nisbas_are_gazetteer_data(form, gazetteer):
    assert any(form in forms for forms in gazetteer.adjectives.values())
