"""Persons named without a title and the role written beside them (rules actors.role / actors.affiliation
over ``recognise/role_persons.py``), on sentences written for these tests in several registers, with
the negative cases (no person whose name holds a verb or a function word; a role ends where the next
person begins; an initial و stays in a name)."""
from __future__ import annotations

import pytest

from actor_sentences import actor_facts


def _run(text, matcher, gazetteer):
    return actor_facts(text, matcher, gazetteer)[:3]


@pytest.mark.parametrize("text, name, role, aff", [
    # Maghrebi press: role then name, no comma; the nationality adjective gives the state
    ("وقال وزير الخارجية المغربي ناصر بوريطة إن اللقاء كان ناجحا.", "ناصر بوريطة", "وزير الخارجية المغربي", "MAR"),
    # Gulf press: long role, family name with the article
    ("وأكد وزير الموارد البشرية والتوطين الإماراتي ناصر بن ثاني الهاملي أن الدولة ملتزمة.",
     "ناصر بن ثاني الهاملي", "وزير الموارد البشرية والتوطين الإماراتي", "ARE"),
    # Egyptian press: construct-state role (نائب رئيس جمهورية X) before an unknown foreign name
    ("وقال نائب رئيس جمهورية الإكوادور أرتو سوننهولزنز إن بلاده مستعدة.", "أرتو سوننهولزنز",
     "نائب رئيس جمهورية الإكوادور", "ECU"),
    # IOM press: name, comma, role, colon before the quotation
    ("وقال محمد عبديكير، كبير موظفي المنظمة الدولية للهجرة: إن التعاون سيستمر.", "محمد عبديكير",
     "كبير موظفي المنظمة الدولية للهجرة", "iom"),
    # Levantine press: quoted name, comma, role
    ("«كارلا مونتي»، المفوضة الأوروبية للشؤون الداخلية، قالت إن الشراكة مهمة.", "كارلا مونتي",
     "المفوضة الأوروبية للشؤون الداخلية", None),
    # Levantine press: the name in brackets after the role
    ("وترأس الاجتماع وزيرة خارجية الأردن (ليلى حداد)، ووزيرة خارجية إيطاليا (ماريا روسي).", "ماريا روسي",
     "وزيرة خارجية إيطاليا", "ITA"),
    # Egyptian press: a compound name with the article inside (عبد ال…)
    ("حيث افتتحها الدكتور سامح عبد الرحيم، وزير الخارجية والهجرة.", "سامح عبد الرحيم", "وزير الخارجية والهجرة", None),
    # Gulf agency: title, given name, family name with the article, then the role with no comma
    ("ترأس وفد الدولة سعادة السفير أحمد الكعبي مساعد وزير الخارجية لشؤون حقوق الإنسان.", "أحمد الكعبي",
     "مساعد وزير الخارجية لشؤون حقوق الإنسان", None),
    # a post held by the person: the organisation named in the post, not the post
    ("وحضّ الأمين العام للأمم المتحدة أنطونيو غوتيريش الحكومات على التعاون.", "أنطونيو غوتيريش",
     "الأمين العام للأمم المتحدة", "un"),
    # Maghrebi agency: a post after a preposition stays inside the role (للأمين العام)
    ("أشادت الممثلة الخاصة للأمين العام للأمم المتحدة المكلفة بالهجرة لويز أربور، مساء أمس بمراكش.", "لويز أربور",
     "الممثلة الخاصة للأمين العام للأمم المتحدة المكلفة بالهجرة", None),
    # Gulf press: two stacked roles, the nearest one after the nationality adjective is the person's
    ("والتقى وزير الخارجية الكويتي المدير العام للمنظمة الدولية للهجرة وليام سوينغ.", "وليام سوينغ",
     "المدير العام للمنظمة الدولية للهجرة", "iom"),
])
def test_name_and_role_without_a_title(text, name, role, aff, matcher, gazetteer):
    persons, roles, affs = _run(text, matcher, gazetteer)
    assert name in persons
    assert (name, role) in roles
    if aff:
        assert (name, aff) in affs


def test_after_a_role_set_off_by_a_comma_a_name_with_initial_waw_keeps_it(matcher, gazetteer):
    text = ("وحضر الأمين العام للأمم المتحدة أنطونيو غوتيريش والمدير العام للمنظمة الدولية للهجرة، "
            "وليام لاسي سوينغ.")
    persons, roles, affs = _run(text, matcher, gazetteer)
    assert "وليام لاسي سوينغ" in persons and "ليام لاسي سوينغ" not in persons
    assert ("وليام لاسي سوينغ", "المدير العام للمنظمة الدولية للهجرة") in roles
    assert ("أنطونيو غوتيريش", "الأمين العام للأمم المتحدة") in roles
    assert ("وليام لاسي سوينغ", "iom") in affs
    # the post the person holds is not where he works
    assert ("أنطونيو غوتيريش", "secretary-general") not in affs


def test_a_list_of_persons_joined_by_waw_splits_at_each_name(matcher, gazetteer):
    persons, roles, _ = _run("تحدث سامي عادل مدير الإدارة وليلى يوسف رئيسة القسم ومراد علي مستشار الوزير.",
                             matcher, gazetteer)
    assert {"سامي عادل", "ليلى يوسف", "مراد علي"} <= set(persons)
    assert ("سامي عادل", "مدير الإدارة") in roles
    assert ("ليلى يوسف", "رئيسة القسم") in roles
    assert not any(n.startswith("و") for n in persons)


def test_a_role_after_a_comma_stops_at_the_next_titled_person(matcher, gazetteer):
    _, roles, _ = _run("حضر الدكتور سامي ناصر، مستشار الوزير والسيدة ليلى حداد، مديرة الإدارة.", matcher, gazetteer)
    assert ("سامي ناصر", "مستشار الوزير") in roles
    assert ("ليلى حداد", "مديرة الإدارة") in roles


def test_a_comma_role_that_starts_with_waw_is_the_next_persons(matcher, gazetteer):
    _, roles, _ = _run("بحضور المدير العام لمنظمة العمل الدولية، غاي رايدر، والممثلة الخاصة للأمين العام، "
                       "لويز آربور.", matcher, gazetteer)
    assert ("غاي رايدر", "المدير العام لمنظمة العمل الدولية") in roles
    assert not any(n == "غاي رايدر" and r.startswith("الممثلة") for n, r in roles)


def test_a_title_between_role_and_name_is_not_part_of_the_role(matcher, gazetteer):
    persons, roles, _ = _run("وحضر سعادة مدير إدارة الهجرة الأستاذ سالم العتيبي.", matcher, gazetteer)
    assert "سالم العتيبي" in persons
    assert ("سالم العتيبي", "مدير إدارة الهجرة") in roles


@pytest.mark.parametrize("text", [
    "ألقى رئيس الوزراء كلمة في الافتتاح.",                           # a noun after the role, not a name
    "وقال وزير الخارجية أمس إن الاجتماع ناجح.",                       # a time word
    "وأكد رئيس الوفد يلقي الضوء على الأزمة.",                         # an imperfect verb
    "وقامت الوزارة، ممثلة برئيس القطاع، بتوقيع مذكرة تفاهم محدثة مع المنظمة.",   # a verbal noun after a comma
])
def test_no_person_from_a_verb_a_noun_or_a_function_word(text, matcher, gazetteer):
    persons, _, _ = _run(text, matcher, gazetteer)
    assert persons == []

