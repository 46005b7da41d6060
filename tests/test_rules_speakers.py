"""Who takes part in a meeting by speaking at it or opening it, and the state a delegation named by a
nisba adjective stands for (rules ``event.speaker`` and ``event.delegation-adjective``), on sentences
written for these tests in several registers (Gulf, Egyptian, Maghrebi, Levantine press, UN style),
with the negative cases: a planned speech or delegation, a speech about a meeting elsewhere, a press
statement after the meeting, an interview, a delegation that visits someone. Every sentence here is
the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events


def takers(facts, rule=None):
    return {(key_of(f.subject), key_of(f.object)) for f in facts
            if f.predicate == "participatesIn" and (rule is None or f.rule == rule)}


def by(facts, rule):
    return {s for s, o in takers(facts, rule)}


# ------------------------------------------------------------------ speakers

def test_gulf_opening_verb_with_a_titled_speaker():
    facts = facts_of_text(events, "افتتح معالي الدكتور عبدالرحمن العور أعمال الاجتماع الوزاري السادس لحوار أبوظبي في دبي "
                                  "يوم 3 أبريل 2031.", date="2031-04-04")
    got = takers(facts, "event.speaker")
    assert any(s.startswith("person/") and o == "event/abu-dhabi-dialogue-2031" for s, o in got), got


def test_egyptian_delivering_a_speech_before_a_named_summit():
    facts = facts_of_text(events, "وألقت المديرة العامة للمنظمة الدولية للهجرة كلمة أمام القمة الرابعة عشرة للمنتدى "
                                  "العالمي للهجرة والتنمية في جنيف يوم 3 أكتوبر 2031.", date="2031-10-04")
    assert ("org/iom", "event/gfmd-2031") in takers(facts, "event.speaker")


def test_levantine_speaker_before_his_speech_noun_takes_up_the_paragraphs_meeting():
    facts = facts_of_text(events, "انطلقت في عمان أعمال الاجتماع الوزاري الثالث لعملية الخرطوم يوم 3 أيار 2031.",
                          "وأكدت السفيرة ريم الخطيب في كلمتها الافتتاحية أن قضايا الهجرة تحتاج إلى تعاون أوسع.",
                          date="2031-05-04")
    got = takers(facts, "event.speaker")
    assert any(s.startswith("person/") and o == "event/khartoum-process-2031" for s, o in got), got


def test_un_style_opening_with_the_speech_of_a_named_person():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم 3 مايو 2031.",
                          "وقد تم افتتاح الاجتماع بكلمة السفيرة ريم الخطيب، الأمين العام المساعد لجامعة الدول العربية.",
                          date="2031-05-04")
    got = takers(facts, "event.speaker")
    assert any(s.startswith("person/") and o == "event/khartoum-process-2031" for s, o in got), got


def test_maghrebi_state_speaking_through_its_minister_in_its_speech():
    facts = facts_of_text(events, "وقال المغرب في كلمته أمام المؤتمر الوزاري السابع لمسلسل الرباط بالرباط يوم 3 يونيو 2031 "
                                  "إن الهجرة فرصة.", date="2031-06-04")
    assert ("state/MAR", "event/rabat-process-2031") in takers(facts, "event.speaker")


def test_a_planned_speech_gives_nothing():
    facts = facts_of_text(events, "ومن المقرر أن يلقي الأمين العام لجامعة الدول العربية كلمة أمام الاجتماع الوزاري الثالث "
                                  "لعملية الخرطوم في القاهرة يوم 3 مايو 2031.", date="2031-05-04")
    assert not by(facts, "event.speaker")
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم 3 مايو 2031.",
                          "وسيلقي وزير الخارجية سامح شكري كلمة في الجلسة الختامية.", date="2031-05-04")
    assert not by(facts, "event.speaker")


def test_a_speech_about_a_meeting_elsewhere_gives_nothing():
    facts = facts_of_text(events, "وألقت المنظمة الدولية للهجرة كلمة في جامعة القاهرة حول نتائج الاجتماع الوزاري الثالث "
                                  "لعملية الخرطوم الذي عقد في الخرطوم يوم 3 مايو 2031.", date="2031-06-04")
    assert not by(facts, "event.speaker")


def test_a_press_statement_after_the_meeting_and_an_interview_give_nothing():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم 3 مايو 2031.",
                          "وقال وزير الخارجية سامح شكري في تصريح صحفي عقب الاجتماع إن التعاون مستمر.",
                          "وأوضحت المنظمة الدولية للهجرة في مقابلة مع الصحيفة أن الأرقام في تزايد.", date="2031-05-04")
    assert not by(facts, "event.speaker")


# ------------------------------------------------------------------ delegations named by a state adjective

def test_gulf_definite_delegation_adjective_that_takes_part():
    facts = facts_of_text(events, "وأكد الوفد البحريني المشارك في الاجتماع الوزاري السادس لحوار أبوظبي في دبي يوم 3 "
                                  "أبريل 2031 أهمية حماية العمال.", date="2031-04-04")
    assert ("state/BHR", "event/abu-dhabi-dialogue-2031") in takers(facts, "event.delegation-adjective")


def test_egyptian_indefinite_delegation_adjective():
    facts = facts_of_text(events, "وقدم وفد مصري رفيع المستوى خلال الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم "
                                  "3 مايو 2031 ورقة عن الهجرة غير النظامية.", date="2031-05-04")
    assert ("state/EGY", "event/khartoum-process-2031") in takers(facts, "event.delegation-adjective")


def test_maghrebi_delegation_in_a_sentence_that_takes_up_the_meeting():
    facts = facts_of_text(events, "افتتحت اليوم بالرباط أشغال المؤتمر الوزاري السابع لمسلسل الرباط يوم 3 يونيو 2031.",
                          "وشارك الوفد الموريتاني في هذا المؤتمر بتقديم عرض حول التجربة الوطنية.", date="2031-06-04")
    assert ("state/MRT", "event/rabat-process-2031") in takers(facts)


def test_a_delegation_that_will_take_part_gives_nothing():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم 3 مايو 2031.",
                          "وسيشارك الوفد المغربي في أعمال الاجتماع ابتداء من الغد.", date="2031-05-03")
    assert ("state/MAR", "event/khartoum-process-2031") not in takers(facts)


def test_a_delegation_that_visited_someone_else_gives_nothing():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم 3 مايو 2031، وزار وفد أردني "
                                  "مقر المنظمة الدولية للهجرة بعد الاجتماع.", date="2031-05-04")
    assert ("state/JOR", "event/khartoum-process-2031") not in takers(facts)


def test_object_first_opening_verb_names_the_opener_after_the_meeting():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثالث لعملية الخرطوم في القاهرة يوم 3 مايو 2031.",
                          "وافتتح الاجتماع رئيس الوزراء اليوناني، فيما ترأست الجلسات وزيرة الخارجية.", date="2031-05-04")
    assert ("state/GRC", "event/khartoum-process-2031") in takers(facts, "event.speaker")


def test_a_fronted_speech_with_its_speaker_after_the_comma():
    facts = facts_of_text(events, "انعقدت القمة الرابعة عشرة للمنتدى العالمي للهجرة والتنمية في جنيف يوم 3 أكتوبر 2031.",
                          "وفي كلمته أمام القمة، دعا المدير العام للمنظمة الدولية للهجرة الدول إلى التعاون.",
                          date="2031-10-04")
    assert ("org/iom", "event/gfmd-2031") in takers(facts, "event.speaker")


# ------------------------------------------------------------------ a speech noun opening the sentence after في

def test_press_bare_speech_noun_after_fi_then_the_speaker_after_the_comma():
    facts = facts_of_text(events, "انطلقت في الدوحة يوم 3 حزيران 2031 أعمال الاجتماع الرابع عشر للمنتدى العالمي للهجرة "
                                  "والتنمية.",
                          "وفي كلمة بالمناسبة، شددت سارة الحداد، وزيرة العمل الأردنية، على أن تنظيم هجرة العمالة "
                          "مسؤولية مشتركة.", date="2031-06-10")
    assert any(o == "event/gfmd-2031" and s.startswith("person/") for s, o in takers(facts, "event.speaker"))


def test_maghrebi_bare_speech_noun_with_a_time_before_the_comma():
    facts = facts_of_text(events, "اختتمت بالرباط يوم 5 حزيران 2031 أشغال الاجتماع الوزاري الخامس لعملية الرباط.",
                          "وفي كلمة خلال الجلسة الختامية، دعا عادل بنعيسى، وزير الخارجية المغربي، إلى تعزيز التعاون.",
                          date="2031-06-10")
    assert any(o.startswith("event/rabat-process") and s.startswith("person/")
               for s, o in takers(facts, "event.speaker")), takers(facts)


def test_a_bare_noun_not_after_fi_names_no_speaker():
    # كلمة as "a word" in a slogan: no في before it, so the actor after the comma is no speaker
    facts = facts_of_text(events, "انطلقت في الدوحة يوم 3 حزيران 2031 أعمال الاجتماع الرابع عشر للمنتدى العالمي للهجرة "
                                  "والتنمية.",
                          "كلمة السر هي الشراكة، قالت سارة الحداد، وزيرة العمل الأردنية، في مقابلة مع الصحيفة.",
                          date="2031-06-10")
    assert not by(facts, "event.speaker")


def test_a_bare_speech_noun_about_another_meeting_gives_nothing():
    facts = facts_of_text(events, "انطلقت في الدوحة يوم 3 حزيران 2031 أعمال الاجتماع الرابع عشر للمنتدى العالمي للهجرة "
                                  "والتنمية.",
                          "وفي كلمة بعد الاجتماع، قالت سارة الحداد، وزيرة العمل الأردنية، إن النتائج مشجعة.",
                          date="2031-06-10")
    assert not by(facts, "event.speaker")


# ------------------------------------------------------------------ the theme of a meeting named before the speech

def test_un_register_theme_with_hawla_before_the_speech_is_not_about():
    facts = facts_of_text(events, "تم افتتاح المنتدى الإقليمي الثاني حول هجرة العمالة الذي عقد في الدوحة يوم 3 حزيران "
                                  "2031 بكلمات ألقاها كل من السيدة سارة الحداد، وزيرة العمل الأردنية، والسيد ماهر "
                                  "السعدي، المدير الإقليمي لمنظمة العمل الدولية.", date="2031-06-10")
    assert len(by(facts, "event.speaker")) >= 2


def test_a_speech_after_a_visit_to_the_earlier_meeting_stays_away():
    facts = facts_of_text(events, "وبعد الاجتماع الرابع عشر للمنتدى العالمي للهجرة والتنمية الذي عقد في الدوحة يوم 3 "
                                  "حزيران 2031 عقب زيارة الوزيرة، ألقت سارة الحداد كلمة في جامعة قطر.", date="2031-06-10")
    assert not by(facts, "event.speaker")

