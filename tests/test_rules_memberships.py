"""Membership lists after the verb, a colon or a list opener (rule actors.member-list-after), on
sentences written for these tests in several registers, with observers and participation as
negative cases."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import memberships
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def _members(paragraphs, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    facts = memberships.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))
    assert all(f.predicate == "memberOf" for f in facts)
    return {(f.subject.slug, f.object.slug) for f in facts}


def test_verb_then_group_then_count_and_colon_list_un_register(matcher, gazetteer):
    got = _members(["ويضم المؤتمر الإقليمي المعني بالهجرة (عملية بويبلا)، الذي أنشئ عام 1996، في عضويته 5 دول، هي: بليز، "
                    "وبنما، وكندا، والمكسيك، ونيكاراغوا."], matcher, gazetteer)
    assert {(s, "puebla-process") for s in ("BLZ", "PAN", "CAN", "MEX", "NIC")} == got


def test_anaphor_group_and_number_word_with_bracketed_digit_gulf_register(matcher, gazetteer):
    got = _members(["انطلقت أعمال عملية كولومبو في دكا.",
                    "وتضم العملية في عضويتها ثلاث (3) دول منشأ، وهي: الهند، نيبال وسريلانكا."], matcher, gazetteer)
    assert got == {("IND", "colombo-process"), ("NPL", "colombo-process"), ("LKA", "colombo-process")}


def test_member_noun_and_colon_leaves_observers_out_maghrebi_register(matcher, gazetteer):
    got = _members(["الدول الأعضاء في عملية الرباط: المغرب، السنغال، وفرنسا، واليابان بصفة مراقب."],
                   matcher, gazetteer)
    assert ("MAR", "rabat-process") in got and ("FRA", "rabat-process") in got
    assert ("JPN", "rabat-process") not in got


def test_participants_and_a_wish_to_join_are_not_members(matcher, gazetteer):
    got = _members(["بمشاركة 35 دولة، بما في ذلك الأردن ولبنان والعراق، في اجتماع عملية الرباط.",
                    "وجددت الكويت رغبتها في الانضمام إلى عملية بالي بصفة عضو مراقب.",
                    "كما تشارك كل من كندا واليابان بصفة مراقب في عملية بالي."], matcher, gazetteer)
    assert got == set()


def test_states_of_an_organisation_listed_after_wahiya_stop_at_the_guests_gulf_register(matcher, gazetteer):
    got = _members(["بمشاركة ممثلين عن دول مجلس التعاون لدول الخليج العربية الست، وهي الكويت والسعودية وقطر، "
                    "إلى جانب وفود من الفلبين وإندونيسيا."], matcher, gazetteer)
    assert got == {("KWT", "gcc"), ("SAU", "gcc"), ("QAT", "gcc")}


def test_two_lists_joined_by_idafatan_ila_and_a_relative_antecedent(matcher, gazetteer):
    got = _members(["ويضم حوار أبو ظبي في عضويته ثلاث (3) دول مستقبلة، وهي: البحرين، الكويت وقطر، إضافة إلى "
                    "دولتين مرسلتين، وهما: الهند ونيبال."], matcher, gazetteer)
    assert {("BHR", "abu-dhabi-dialogue"), ("IND", "abu-dhabi-dialogue"), ("NPL", "abu-dhabi-dialogue")} <= got
    got = _members(["ورحب الوزراء بعمل الفريق التوجيهي لعملية بالي، الذي يترأسه ممثلو إندونيسيا وأستراليا "
                    "ويضم في عضويته أيضا تايلند ونيوزيلندا."], matcher, gazetteer)
    assert got == {("THA", "bali-process-steering-group"), ("NZL", "bali-process-steering-group")}


def test_list_in_parentheses_after_a_count_gulf_register(matcher, gazetteer):
    got = _members(["يضم مسار كولومبو 4 دول آسيوية مرسلة للعمالة (أفغانستان، بنغلاديش، نيبال، سريلانكا) "
                    "بحضور مراقبين من إيطاليا."], matcher, gazetteer)
    assert got == {(s, "colombo-process") for s in ("AFG", "BGD", "NPL", "LKA")}     # not Italy, after the parenthesis
    # a parenthesis that holds no actor opens no list
    assert _members(["وتضم عملية الرباط (التي أنشئت عام 2006) دولا أفريقية وأوروبية."], matcher, gazetteer) == set()


def test_all_of_right_after_the_group_maghrebi_register(matcher, gazetteer):
    got = _members(["يضم الحوار 5+5 كلا من المغرب والجزائر وتونس من الضفة الجنوبية، وفرنسا وإيطاليا من الضفة الشمالية."],
                   matcher, gazetteer)
    assert got == {(s, "five-plus-five-dialogue") for s in ("MAR", "DZA", "TUN", "FRA", "ITA")}


def test_member_noun_then_group_then_hiya_sahel_press(matcher, gazetteer):
    got = _members(["والدول الأعضاء في مجموعة الساحل الخمس هي موريتانيا ومالي والنيجر وبوركينا فاسو وتشاد."],
                   matcher, gazetteer)
    assert got == {(s, "g5-sahel") for s in ("MRT", "MLI", "NER", "BFA", "TCD")}
    # a member noun far from its هي is not a list: the states after هي are another clause's
    assert _members(["وأكد أعضاء مجموعة الساحل الخمس أن الأولوية في المرحلة المقبلة هي مالي والنيجر."],
                    matcher, gazetteer) == set()
