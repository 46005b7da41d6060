"""Persons, roles and affiliations in the forms of regional press and agency text (rules actors.role /
actors.affiliation / actors.member-list over ``recognise/role_persons.py`` and ``text_entities.py``):
titles chained with a slash, a dash before the role, a family name with the article before a role,
a role closed by a comma, a role in several comma chunks, a role before and after the name, the
organisation a person signs for, a role with a possessive pronoun, a department's organisation, and
a group named by a head noun before ``الذي يضم``. Sentences written for these tests, with the
negative cases."""
from __future__ import annotations

from pathlib import Path

import pytest

from actor_sentences import actor_facts
from graph_builder.facts import actors
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


_run = actor_facts


@pytest.mark.parametrize("text, name, role, aff", [
    # Arab League site: a rank and a slash before the name, a dash before the role
    ("وافتتحت الجلسة السيدة وزير مفوض/ سلمى النجار – مدير إدارة شؤون اللاجئين والمغتربين والهجرة، "
     "الأمانة العامة لجامعة الدول العربية.", "سلمى النجار", "مدير إدارة شؤون اللاجئين والمغتربين والهجرة", "las"),
    # Egyptian agency: two titles, a slash, a name, a dash and the role
    ("وألقت السيدة الدكتورة/ نادية فهمي - ممثل المفوضية السامية للأمم المتحدة لشؤون اللاجئين لدى مصر "
     "بإلقاء كلمة الافتتاح.", "نادية فهمي", "ممثل المفوضية السامية للأمم المتحدة لشؤون اللاجئين لدى مصر", "unhcr"),
    # Gulf press: a given name and a family name with the article right before the role
    ("وأكدت أميرة الكبيسي مفوضة الشؤون الاجتماعية بالاتحاد الأفريقي أن التعاون مستمر.", "أميرة الكبيسي",
     "مفوضة الشؤون الاجتماعية بالاتحاد الأفريقي", "au"),
    # UN web page: a role whose words are not all role words, closed by a comma
    ("وقالت مديرة برنامج حماية العمال في المنظمة الدولية للهجرة، كلارا بيانكي لـ \"الأنباء\" إن البرنامج يتوسع.",
     "كلارا بيانكي", "مديرة برنامج حماية العمال في المنظمة الدولية للهجرة", "iom"),
    # Levantine press: a rank after the comma that closes the role
    ("واجتمع الوزير مع المدير العام للأمن العام، اللواء رامي حداد، في مكتبه.", "رامي حداد",
     "المدير العام للأمن العام", None),
    # Libyan press: a role in two comma chunks (a participle continues it)
    ("ودعت ممثلة الأمم المتحدة، المعنية بشؤون الهجرة، ماريا سانتوس، الدول إلى التعاون.", "ماريا سانتوس",
     "ممثلة الأمم المتحدة، المعنية بشؤون الهجرة", "un"),
    # Bahraini press: two comma-separated roles of one person before the name
    ("بحث وزير العمل، رئيس مجلس إدارة هيئة تنظيم سوق العمل، سامي الخالدي، سبل التعاون.", "سامي الخالدي",
     "وزير العمل، رئيس مجلس إدارة هيئة تنظيم سوق العمل", None),
    # Gulf agency: a role with ل + the article before the name, then a perfect verb
    ("وبدأت الجلسة بكلمة للوكيل المساعد بوزارة العمل بدولة الكويت فهد المطيري رحب فيها بالوفود.", "فهد المطيري",
     "الوكيل المساعد بوزارة العمل بدولة الكويت", "KWT"),
    # Gulf press: a rank between the role and the name is not part of the role
    ("وقال مدير الإدارة العامة للجوازات اللواء شرطة ماجد الحسن في مؤتمر صحفي إن التحضيرات اكتملت.",
     "ماجد الحسن", "مدير الإدارة العامة للجوازات", None),
    # Egyptian press: a compound given name with the article (عبد ال…) after the role
    ("وبحث وزير الداخلية عبد الرحيم بنعلي، على هامش الاجتماع، ملف الهجرة.", "عبد الرحيم بنعلي", "وزير الداخلية", None),
    # a role that runs into the next one with no person between: one role
    ("ويفتتح وزير العمل والتشغيل الرئيس الحالي للمنتدى خالد الشمري أعمال الدورة.", "خالد الشمري",
     "وزير العمل والتشغيل الرئيس الحالي للمنتدى", None),
    # a role with a possessive pronoun belongs to the organisation named before it
    ("وتسلم المساهمة في المنظمة الدولية للهجرة مديرها العام جون ميلر.", "جون ميلر", "مديرها العام", "iom"),
    # a dual role head
    ("وترأس الاجتماع وزيرتا خارجية إندونيسيا (سارة ويجايا) وأستراليا.", "سارة ويجايا", "وزيرتا خارجية إندونيسيا", "IDN"),
    # Egyptian news site: quoted names, each followed by its role with no comma
    ("وشارك كل من \"ماريا لوبيز\"، المفوضة الأوروبية، و\"كارلا روسي\" القائم بالاعمال بمفوضية الاتحاد الافريقي، "
     "و\"بيتر كوخ\" مدير عام المركز الدولي لتطوير سياسات الهجرة، في الجلسة.", "بيتر كوخ",
     "مدير عام المركز الدولي لتطوير سياسات الهجرة", "icmpd"),
    # Saudi press: title, a five-word name with بن and a family name with the article, then a comma
    ("بمشاركة معالي وزير العمل الدكتور سالم بن حمد الشهري، الذي يترأس الوفد.", "سالم بن حمد الشهري", "وزير العمل", None),
    # Kuwaiti agency: a long role with لدى and في + a city, a rank, a compound name, then a time word
    ("سلم مندوب دولة الكويت الدائم لدى الأمم المتحدة في جنيف السفير جاسم عبد الرزاق بوحمد اليوم المساهمة.",
     "جاسم عبد الرزاق بوحمد", "مندوب دولة الكويت الدائم لدى الأمم المتحدة في جنيف", "KWT"),
    # Jordanian press without hamzas: ان after the name is the particle, not a given name (آن)
    ("وأكد نائب رئيس جمهورية الاكوادور خوليو مورينو ان ما يحدث يفرض التعاون.", "خوليو مورينو",
     "نائب رئيس جمهورية الاكوادور", "ECU"),
])
def test_press_forms_of_names_and_roles(text, name, role, aff, matcher, gazetteer):
    persons, roles, affs, _ = _run(text, matcher, gazetteer)
    assert name in persons
    assert (name, role) in roles
    if aff:
        assert (name, aff) in affs


def test_a_name_before_and_a_role_after_both_roles(matcher, gazetteer):
    _, roles, affs, _ = _run("والتقى الوزير في مكتبه، وزيرة العمل بجمهورية الفلبين، ماريا كروز، رئيسة الدورة "
                             "الحالية للحوار، بحضور السفير.", matcher, gazetteer)
    assert ("ماريا كروز", "رئيسة الدورة الحالية للحوار") in roles
    assert ("ماريا كروز", "وزيرة العمل بجمهورية الفلبين") in roles
    assert ("ماريا كروز", "PHL") in affs


def test_a_role_right_after_another_persons_name_is_that_persons(matcher, gazetteer):
    _, roles, _, _ = _run("التقى السيد أحمد علي، وزير الخارجية، السيد محمود حسن، رئيس الوفد.", matcher, gazetteer)
    assert ("أحمد علي", "وزير الخارجية") in roles
    assert ("محمود حسن", "رئيس الوفد") in roles
    assert ("محمود حسن", "وزير الخارجية") not in roles


@pytest.mark.parametrize("text, name, aff", [
    # Arab League site: the organisation the signatory acts for (ممثلة ب…)
    ("وقعت الأمانة العامة لجامعة الدول العربية ممثلة بمعالي السفيرة/ د. هدى سليمان، الأمين العام المساعد، "
     "مذكرة التفاهم.", "هدى سليمان", "las"),
    # Emirati agency: نيابة عن X, then the titled name
    ("ووقع الاتفاق نيابة عن الأمانة العامة لجامعة الدول العربية السفير يوسف الحمادي، مدير الإدارة.", "يوسف الحمادي",
     "las"),
    # IOM press: وعن X مديرها العام، السيد NAME
    ("ووقع المذكرة عن المنظمة الدولية للهجرة مديرها العام، السيد بيتر هانسن.", "بيتر هانسن", "iom"),
])
def test_the_organisation_a_signatory_acts_for(text, name, aff, matcher, gazetteer):
    persons, _, affs, _ = _run(text, matcher, gazetteer)
    assert name in persons
    assert (name, aff) in affs


def test_about_an_organisation_is_not_acting_for_it(matcher, gazetteer):
    _, _, affs, _ = _run("تحدث عن الأمم المتحدة السيد أحمد علي، رئيس الوفد المصري.", matcher, gazetteer)
    assert ("أحمد علي", "un") not in affs
    assert ("أحمد علي", "EGY") in affs


def test_a_department_gives_its_organisation(matcher, gazetteer):
    _, _, affs, _ = _run("وأكدت ليلى حسن مدير إدارة شؤون اللاجئين والمغتربين والهجرة أهمية الاجتماع.",
                         matcher, gazetteer)
    assert ("ليلى حسن", "las") in affs
    assert ("ليلى حسن", "las-migration-department") not in affs


@pytest.mark.parametrize("text", [
    "وتفتتح الاجتماع السيدة وزير مفوض/ سلمى النجار – مدير الإدارة.",     # وزير is the rank, not the name
    "وأكد بأن المؤتمر ناجح وأن التعاون مستمر.",                           # بأن (folded like بان) is no name
])
def test_no_person_from_a_rank_or_a_particle(text, matcher, gazetteer):
    persons, _, _, _ = _run(text, matcher, gazetteer)
    assert not any(p.startswith(("وزير", "بان", "بأن")) for p in persons)


def test_a_given_name_is_never_a_fuzzy_place(matcher, gazetteer):
    hits = matcher.find("وقالت مانويلا روسي إن الاتفاق مهم.")
    assert not any(h.entity.kind == "place" for h in hits)


def test_a_group_named_by_a_head_noun_before_the_relative(matcher, gazetteer):
    text = ("تستضيف العاصمة أعمال اللقاء الوزاري لحوار أبوظبي بمشاركة وزراء العمل في الدول الأعضاء في الحوار "
            "الذي يضم الإمارات، السعودية، فلبين، نيبال، وقطر.")
    _, _, _, members = _run(text, matcher, gazetteer)
    assert {("ARE", "abu-dhabi-dialogue"), ("PHL", "abu-dhabi-dialogue"), ("QAT", "abu-dhabi-dialogue")} <= members


def test_a_meeting_that_gathers_states_gives_no_membership(matcher, gazetteer):
    _, _, _, members = _run("عقد الاجتماع الذي يضم ممثلين عن مصر والأردن في القاهرة.", matcher, gazetteer)
    assert members == set()


def test_the_state_an_ambassador_is_accredited_to_is_not_his(matcher, gazetteer):
    _, roles, affs, _ = _run("بحضور سعادة محمد سالم بن راشد الكعبي سفير الدولة لدى الجمهورية الإندونيسية.",
                             matcher, gazetteer)
    assert ("محمد سالم بن راشد الكعبي", "سفير الدولة لدى الجمهورية الإندونيسية") in roles
    assert ("محمد سالم بن راشد الكعبي", "IDN") not in affs


def test_a_count_before_a_role_noun_is_no_title(matcher, gazetteer):
    _, roles, _, _ = _run("وترأس الدورة، بمشاركة أكثر من 3000 مندوب من الدول الأعضاء، السيد سمير خوري، وزير العمل "
                          "في لبنان.", matcher, gazetteer)
    assert ("سمير خوري", "وزير العمل في لبنان") in roles
    assert not any(r.startswith("مندوب") for _, r in roles)


def test_a_list_right_after_a_group_named_by_its_head_noun(matcher, gazetteer):
    text = ("أنشئت شبكة الأمم المتحدة المعنية بالهجرة عام ٢٠١٨ وتنسقها المنظمة الدولية للهجرة. وتضم اللجنة التنفيذية "
            "للشبكة منظمة العمل الدولية، واليونيسيف، وبرنامج الأمم المتحدة الإنمائي.")
    _, _, _, members = _run(text, matcher, gazetteer)
    assert {("ilo", "un-network-migration"), ("unicef", "un-network-migration"),
            ("undp", "un-network-migration")} <= members
    assert ("ilo", "iom") not in members                    # the network, not the organisation named last


def test_two_roles_joined_by_waw_before_a_name_the_nearest_is_the_persons(matcher, gazetteer):
    _, roles, affs, _ = _run("ووقع رئيس الجمعية العامة والمدير العام لمنظمة العمل الدولية، بيتر مولر، الاتفاق.",
                             matcher, gazetteer)
    assert ("بيتر مولر", "المدير العام لمنظمة العمل الدولية") in roles
    assert ("بيتر مولر", "ilo") in affs


def _bodies(text, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    para = Paragraph(number=1, text=text, order=1, line=2, section=sec)
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=[para], sections=[sec])
    facts = actors.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer, matcher))
    return {(f.subject.slug, f.object.slug) for f in facts if f.predicate == "bodyOf"}


def test_a_body_whose_name_names_its_process(matcher, gazetteer):
    assert ("bali-process-steering-group", "bali-process") in _bodies(
        "واجتمع الفريق التوجيهي لعملية بالي في بانكوك.", matcher, gazetteer)
    got = _bodies("تولت السويد رئاسة المنتدى العالمي المعني بالهجرة والتنمية، ورحب أصدقاء المنتدى بالعرض، "
                  "وأشادوا بوحدة دعم المنتدى.", matcher, gazetteer)
    assert {("gfmd-friends-of-the-forum", "gfmd"), ("gfmd-support-unit", "gfmd")} <= got


def test_a_body_named_with_a_head_noun_and_no_process_before_it_gives_nothing(matcher, gazetteer):
    assert _bodies("ورحب أصدقاء المنتدى بالعرض.", matcher, gazetteer) == set()


def test_a_relative_list_after_a_perfect_verb_and_a_new_phrase_ends_it(matcher, gazetteer):
    _, _, _, members = _run("وعملت الرئاسة بالتنسيق مع الترويكا، التي ضمت البرتغال بوصفها الرئاسة السابقة، والمغرب، "
                            "وكينيا، ومع الفريق التوجيهي وأصدقاء المنتدى.", matcher, gazetteer)
    assert {("PRT", "gfmd-troika"), ("MAR", "gfmd-troika"), ("KEN", "gfmd-troika")} <= members
    assert not any(s.startswith("gfmd-") for s, _ in members)      # a body is not a member of the troika


def test_the_members_of_a_delegation_belong_to_its_state_or_organisation(matcher, gazetteer):
    _, _, affs, _ = _run("وشارك وفد منظمة التعاون الإسلامي الذي يضم السفير عمر سيسي، مدير الشؤون الاقتصادية، "
                         "والدكتور علي يلماز، باحث في مركز أنقرة.", matcher, gazetteer)
    assert ("عمر سيسي", "oic") in affs
    assert ("علي يلماز", "sesric") in affs and ("علي يلماز", "oic") not in affs   # the role names his own


def test_the_hamza_seat_of_shuun_in_egyptian_spelling(matcher):
    hits = matcher.find("وأكدت المفوضية العليا لشئون اللاجئين دعمها.")
    assert any(h.entity.slug == "unhcr" for h in hits)


@pytest.mark.parametrize("text, name, role", [
    # Egyptian press: a given name, comma and role after a clause that ends in a common word
    ("وافتتح الاجتماع رئيس الوزراء، فيما تترأس أعماله ماريا سانتوس، نائبة وزير الداخلية اليوناني.",
     "ماريا سانتوس", "نائبة وزير الداخلية اليوناني"),
    # Maghrebi agency: an acronym in brackets inside the role
    ("بحضور المدير العام للمنظمة الدولية للهجرة (OIM)، وليام تومسون، والمدير العام لمنظمة العمل الدولية.",
     "وليام تومسون", "المدير العام للمنظمة الدولية للهجرة (OIM)"),
    # a hyphenated family name
    ("والسفير الألماني كارل شميت-هوفمان.", "كارل شميت-هوفمان", "السفير الألماني"),
    # Egyptian press without hamza: بان as printed is a given name
    ("ووقعه بان كي مون الأمين العام للأمم المتحدة.", "بان كي مون", "الأمين العام للأمم المتحدة"),
])
def test_more_press_forms(text, name, role, matcher, gazetteer):
    persons, roles, _, _ = _run(text, matcher, gazetteer)
    assert name in persons
    assert (name, role) in roles
    assert not any(p.startswith(("يما", "ليام")) for p in persons)


def test_the_next_persons_item_gives_no_affiliation(matcher, gazetteer):
    _, _, affs, _ = _run("ويسهر على التنسيق السيد كريم العلوي، الكاتب العام للوزارة، والسفير الألماني كارل مولر.",
                         matcher, gazetteer)
    assert ("كريم العلوي", "DEU") not in affs
    assert ("كارل مولر", "DEU") in affs


def test_a_titled_name_does_not_run_into_a_verb(matcher, gazetteer):
    persons, _, _, _ = _run("وقال السيد أحمد يلقي كلمة في الافتتاح.", matcher, gazetteer)
    assert not any("يلقي" in p for p in persons)


def test_initials_with_their_dots_stay_in_a_titled_name(matcher, gazetteer):
    persons, roles, _, _ = _run("تحت الرئاسة المشتركة لمعالي السيدة سيتي ن. ك. رحمن، وزيرة خارجية ماليزيا.",
                                matcher, gazetteer)
    assert "سيتي ن. ك. رحمن" in persons
    assert ("سيتي ن. ك. رحمن", "وزيرة خارجية ماليزيا") in roles


@pytest.mark.parametrize("text, name, aff", [
    # Iraqi agency: the state that takes part, then its delegation and its head
    ("شارك العراق في أعمال المنتدى الذي احتضنته العاصمة السويدية، بوفد ترأسه وزير الهجرة سامي الربيعي.",
     "سامي الربيعي", "IRQ"),
    # Saudi agency: NAME، الذي يترأس وفد STATE
    ("بمشاركة وزير العمل الدكتور فهد بن سالم العتيبي، الذي يترأس وفد المملكة العربية السعودية، في الاجتماع.",
     "فهد بن سالم العتيبي", "SAU"),
])
def test_the_head_of_a_states_delegation_belongs_to_it(text, name, aff, matcher, gazetteer):
    persons, _, affs, _ = _run(text, matcher, gazetteer)
    assert name in persons
    assert (name, aff) in affs
    assert not any(a == "SWE" for _, a in affs)           # the host named in between is not his state


def test_a_delegation_received_by_a_minister_is_not_his(matcher, gazetteer):
    _, _, affs, _ = _run("استقبل وزير الخارجية المصري سامح علي وفدا برئاسة وزير العمل الأردني نادر خليل.",
                         matcher, gazetteer)
    assert ("نادر خليل", "EGY") not in affs


def test_a_list_named_afterwards_as_the_members_of_a_process(matcher, gazetteer):
    text = ("انعقد الاجتماع الوزاري لعملية بالي. وشاركت فيه 5 منظمات دولية، من بينها المنظمة الدولية للهجرة "
            "ومنظمة العمل الدولية، وهي المنظمات الأعضاء في العملية.")
    _, _, _, members = _run(text, matcher, gazetteer)
    assert {("iom", "bali-process"), ("ilo", "bali-process")} <= members
    _, _, _, members = _run("وشاركت فيه منظمات دولية، من بينها المنظمة الدولية للهجرة.", matcher, gazetteer)
    assert members == set()                                 # taking part is not membership
