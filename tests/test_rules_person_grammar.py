"""The person noun-phrase grammar (recognise/role_persons.py, text_entities.py) on the shapes regional press
gives a name and its title, and the co-chair frame ``مناصفة مع نظيره …`` (facts/meeting_relations.py):
an article-form given name inside a name (محمد الطاهر …), a compound given name before a particle
(عبد القادر بن …), a joined عبدال… name, a title with ب/ل + a noun in construct (بحكومة الوحدة الوطنية), a
name in quotes after its role, a nationality adjective then a name, a purpose ل-word that ends a name or a
role, and a co-chair reached past a time and place set off by commas. Negative cases: a purpose clause is
no part of a role, a ل-complement is no part of a name, a bare definite title before another role is the
verb's subject, not part of the role. Every sentence here is the author's own."""
from __future__ import annotations

import pytest

from actor_sentences import actor_facts
from test_rules_press_participants import chairs, taking_part


@pytest.mark.parametrize("text, name, role, aff", [
    # Libyan press: a title with ب + a noun in construct, a name with an article-form given name inside
    ("بدأ الاجتماع بمشاركة وزير الخارجية بحكومة الوحدة الوطنية محمد الطاهر الزروق.", "محمد الطاهر الزروق",
     "وزير الخارجية بحكومة الوحدة الوطنية", None),
    # Algerian agency: a compound given name (عبد + the article) and a particle before the family name
    ("يرأس القمة وزير الشؤون الخارجية التونسي عبد الحميد بن سالم، ووزير خارجية إيطاليا ماركو روسي.",
     "عبد الحميد بن سالم", "وزير الشؤون الخارجية التونسي", "TUN"),
    # Jordanian press: the name in quotes right after its role
    ('والتقى الوزير رئيسة بعثة المنظمة الدولية للهجرة "ماريا كوستا" لبحث التعاون.', "ماريا كوستا",
     "رئيسة بعثة المنظمة الدولية للهجرة", "iom"),
    # Gulf agency: name then role with no comma; the purpose clause after the role is not part of it
    ("وعقد الاجتماع برئاسة سالم المنصوري المدير العام لمنظمة العمل العربية لبحث القضايا.", "سالم المنصوري",
     "المدير العام لمنظمة العمل العربية", "arab-labour-organization"),
    # Tunisian press: a ل-complement after the name is not a word of it
    ("وصوتت الدول لاختيار الوزير الإسباني السابق أنطونيو غارسيا لولاية ثانية.", "أنطونيو غارسيا",
     "الوزير الإسباني السابق", None),
    # Lebanese press: a compound given name written joined, a family name with the article
    ("وأوضح ممثل المنظمة في الشرق الأوسط عبدالكريم الناصر في حديث للصحيفة أن الاجتماع ناجح.", "عبدالكريم الناصر",
     None, None),
])
def test_press_shapes_of_a_name_and_its_title(text, name, role, aff, matcher, gazetteer):
    persons, roles, affs, _ = actor_facts(text, matcher, gazetteer)
    assert name in persons
    if role is not None:
        assert (name, role) in roles
        assert not any(n == name and r != role for n, r in roles)
    if aff is not None:
        assert (name, aff) in affs


def test_a_nationality_adjective_then_a_name(matcher, gazetteer):
    persons, _roles, _affs, _ = actor_facts("أصبحت الأميركية جين سميث أول امرأة تتولى المنصب.", matcher, gazetteer)
    assert persons == ["جين سميث"]


def test_a_bare_title_before_another_role_is_the_verbs_subject(matcher, gazetteer):
    _p, roles, _a, _ = actor_facts('والتقى الوزير رئيسة بعثة المنظمة الدولية للهجرة "ماريا كوستا" أمس.',
                                   matcher, gazetteer)
    assert roles == {("ماريا كوستا", "رئيسة بعثة المنظمة الدولية للهجرة")}


def test_a_common_word_after_a_name_is_no_name_word(matcher, gazetteer):
    persons, *_ = actor_facts("وقال وزير الخارجية الجزائري عبد القادر مساهل مناصفة مع نظيره إن الحوار مهم.",
                              matcher, gazetteer)
    assert "عبد القادر مساهل" in persons and not any("مناصفة" in p for p in persons)


def test_co_chair_past_a_time_and_place_and_a_counterpart_adjective():
    got = chairs("ترأس وزير الخارجية التونسي عبد الحميد بن سالم، أمس بالرباط، مناصفة مع نظيره الإسباني كارميلو "
                 "غارسيا الاجتماع الوزاري الثالث لعملية الرباط.", date="2031-05-04")
    assert got == {("coChairedBy", "عبد الحميد بن سالم"), ("coChairedBy", "كارميلو غارسيا")}


def test_states_co_chairing_with_a_counterpart():
    got = chairs("عقد الاجتماع الوزاري الثالث لعملية الرباط في الرباط يوم 3 مايو 2031، والذي ترأسته تونس مناصفة "
                 "مع نظيرتها إسبانيا.", date="2031-05-04")
    assert got == {("coChairedBy", "state/TUN"), ("coChairedBy", "state/ESP")}


def test_a_partnership_after_another_actor_is_no_co_chair():
    got = chairs("ترأس وزير الخارجية التونسي عبد الحميد بن سالم الاجتماع الوزاري الثالث لعملية الرباط، وأعلنت "
                 "المغرب، بالشراكة مع إسبانيا، إطلاق مبادرة جديدة.", date="2031-05-04")
    assert ("coChairedBy", "state/ESP") not in got and ("chairedBy", "state/ESP") not in got


def test_a_participant_named_with_a_government_title():
    got = taking_part("انطلق الاجتماع الوزاري الثالث لعملية الرباط في الرباط يوم 3 مايو 2031 بمشاركة وزير الخارجية "
                      "بحكومة الوحدة الوطنية محمد الطاهر الزروق.", date="2031-05-03")
    assert {s for s, _o in got} == {"محمد الطاهر الزروق"}


# ------------------------------------------------------------------ members of a delegation (event.delegation-members)

_OPENS = "انطلقت في الرباط يوم 3 مايو 2031 أشغال الاجتماع الوزاري الثالث لعملية الرباط. "


def test_maghrebi_delegation_made_of_named_officials_at_this_meeting():
    got = taking_part(_OPENS + "ويمثل المغرب في هذا الاجتماع، وفد يضم السادة سعيد الحارثي مدير التعاون بوزارة "
                      "الخارجية، وكريم العلوي رئيس مصلحة الشؤون القانونية.", date="2031-05-03")
    assert {s for s, _o in got} == {"state/MAR", "سعيد الحارثي", "كريم العلوي"}


def test_gulf_verb_first_delegation_of_a_state_with_its_members():
    got = taking_part(_OPENS + "ويضم وفد مملكة البحرين المشارك في الاجتماع وكيل وزارة العمل، سالم المنصوري، "
                      "ومدير العلاقات الدولية، يوسف الكعبي.", date="2031-05-03")
    assert {s for s, _o in got} == {"state/BHR", "سالم المنصوري", "يوسف الكعبي"}


def test_a_delegation_still_to_come_takes_no_part():
    got = taking_part(_OPENS + "وسيضم وفد مملكة البحرين الذي سيشارك في الاجتماع المقبل وكيل وزارة العمل، "
                      "سالم المنصوري.", date="2031-05-03")
    assert not got


def test_a_delegation_visiting_after_the_meeting_takes_no_part():
    got = taking_part(_OPENS + "وزار وفد يضم وكيل وزارة العمل، سالم المنصوري، الوزارة بعد الاجتماع.", date="2031-05-03")
    assert not got


def test_a_delegation_of_a_planned_meeting_takes_no_part():
    got = taking_part(_OPENS + "ويضم وفد مملكة البحرين المشارك في الاجتماع وكيل وزارة العمل، سالم المنصوري.",
                      date="2031-04-20")
    assert not got


def test_a_former_office_names_no_affiliation(matcher, gazetteer):
    _p, roles, affs, _ = actor_facts("وصوتت الدول لاختيار الوزير الإسباني السابق أنطونيو غارسيا لولاية ثانية.",
                                     matcher, gazetteer)
    assert ("أنطونيو غارسيا", "الوزير الإسباني السابق") in roles
    assert not affs


# ------------------------------------------------------------------ participant counts (event.count): subsets, pairs, the number grammar

def _counts(tail: str, date: str = "2031-05-03"):
    from test_rules_press_participants import rel
    from graph_builder.facts import events
    return {(p, o) for _s, p, o in rel(events, _OPENS.rstrip(". ") + tail, date=date,
                                        preds={"participantCount", "stateCount", "delegateCount"})}


def test_two_coordinated_counts_of_states_are_added():
    assert _counts("، بمشاركة 33 دولة أفريقية و28 دولة أوروبية.") == {("participantCount", "61"), ("stateCount", "61")}


def test_a_count_besides_another_participant_is_a_part_not_the_whole():
    assert not _counts("، ويشارك في الاجتماع الاتحاد الأفريقي إلى جانب 33 من الدول الإفريقية.")
    assert _counts("، بمشاركة 45 دولة من بينها 20 دولة أفريقية.") == {("participantCount", "45"), ("stateCount", "45")}


def test_a_count_after_sawfa_is_a_forecast():
    assert not _counts("، وسوف يشارك في الاجتماع ممثلون عن 40 دولة.")


def test_experts_gathered_and_fi_hudur_counts():
    assert _counts("، ويجمع نحو 250 خبيرا ومسؤولا من الحكومات.") == {("participantCount", "250"), ("delegateCount", "250")}
    assert _counts(" في حضور 135 دولة.") == {("participantCount", "135"), ("stateCount", "135")}


def test_counts_read_by_the_number_grammar():
    from graph_builder.facts.meeting_relations import count_of
    from graph_builder.values import parse_int
    assert count_of("1.500") == 1500 and count_of("1,500") == 1500 and count_of("١٥٠") == 150
    assert parse_int("1.500.000 مهاجر") == 1500000 and count_of("1.500.000") == 1500000
    assert parse_int("12.5") is None and count_of("2.5") == 2
    assert _counts("، بمشاركة 1.500 مندوب.") == {("participantCount", "1500"), ("delegateCount", "1500")}


def test_egyptian_head_of_a_delegation_with_adjectives_chairs_nothing():
    text = ("شاركت وزيرة البيئة ضمن وفد رفيع المستوى برئاسة الدكتور سامي فهمي رئيس مجلس الوزراء في أعمال "
            "الاجتماع الوزاري الثالث لعملية الرباط المنعقد في الرباط يوم 3 مايو 2031.")
    assert not chairs(text, date="2031-05-04")
    assert "سامي فهمي" in {s for s, _o in taking_part(text, date="2031-05-04")}


def test_an_official_and_an_expert_are_role_heads(matcher, gazetteer):
    persons, roles, _a, _ = actor_facts("ويضم الوفد سعيد الحارثي مدير التعاون، ومحمد العلوي مسؤول بالمندوبية السامية "
                                        "للتخطيط. وقال الخبير الدولي سامي فهمي إن الهجرة تتزايد.", matcher, gazetteer)
    assert {"سعيد الحارثي", "محمد العلوي", "سامي فهمي"} <= set(persons)
    assert ("محمد العلوي", "مسؤول بالمندوبية السامية للتخطيط") in roles
    assert ("سامي فهمي", "الخبير الدولي") in roles
    assert not any("مسؤول" in p for p in persons)


# ------------------------------------------------------------------ an office taken (actors.office-taken)

def test_a_person_taking_an_office_holds_its_role(matcher, gazetteer):
    _p, roles, affs, _ = actor_facts("أصبحت الأميركية جين سميث الاثنين أول امرأة تتولى منصب المدير العام للمنظمة "
                                     "الدولية للهجرة خلفا لسلفها.", matcher, gazetteer)
    assert roles == {("جين سميث", "المدير العام للمنظمة الدولية للهجرة")}
    assert affs == {("جين سميث", "iom")}


def test_an_office_in_a_reported_clause_is_not_the_speakers():
    from gold_facts import real_gazetteer, real_matcher
    gaz = real_gazetteer()
    _p, roles, affs, _ = actor_facts("وقال سالم المنصوري إن المرأة التي تتولى منصب الأمين العام للأمم المتحدة "
                                     "ستواجه تحديات.", real_matcher(), gaz)
    assert not roles and not affs


@pytest.mark.parametrize("text, members", [
    # Turkish agency: joined to the membership of the body
    ("انضمت تركيا لعضوية المركز الدولي لتطوير سياسات الهجرة، الذي يحمل صفة مراقب.", {("TUR", "icmpd")}),
    # Levantine press: إلى عضوية
    ("وانضمت اليونان إلى عضوية المنظمة الدولية للهجرة عام 1990.", {("GRC", "iom")}),
    # negative: talks about a membership are no joining
    ("انضمت مصر إلى المحادثات بشأن عضوية المنظمة الدولية للهجرة.", set()),
])
def test_joining_the_membership_of_a_body(text, members, matcher, gazetteer):
    assert actor_facts(text, matcher, gazetteer)[3] == members


def test_a_speech_word_after_the_speakers_name_is_not_part_of_it():
    got = taking_part("انطلقت في الرباط يوم 3 مايو 2031 أشغال الاجتماع الوزاري الثالث لعملية الرباط. وألقى الرئيس "
                      "سامي فهمي كلمة مصر أمام الاجتماع.", date="2031-05-03")
    assert "سامي فهمي" in {s for s, _o in got} and not any("كلمة" in s for s, _o in got)
