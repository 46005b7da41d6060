"""A meeting's theme given by a quote right after a cue (meeting_details.quoted_themes): after a subject cue
(حول موضوع: "…") for the meeting the sentence names, and in a sentence that takes the document's meeting up with
a meeting noun (هذه الدورة، المنتدى المنظم، هذه الاجتماعات) before the cue, with « », " " and the Arabic press's
” ” quotes and an opening quote left out. Negative cases: a paper's title, a cue with no quote after it, a
sentence with no meeting noun before the cue, a document with no meeting before. Every sentence is the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events

OPENING = "الرباط، 12 مارس 2031 (ومع) - انطلقت اليوم بمراكش أشغال الدورة الحادية عشرة للمنتدى العالمي للهجرة والتنمية."


def themes(*sentences, date="2031-03-12"):
    facts = facts_of_text(events, *sentences, date=date)
    return {(key_of(f.subject), f.object.lexical) for f in facts if f.predicate == "theme"}


def test_a_subject_cue_with_a_colon_and_a_quote_gives_the_meeting_taken_up_its_theme():
    got = themes(OPENING, 'وهذه الدورة التي نظمت على مدى ثلاثة أيام كانت حول موضوع: "تعزيز الشراكات من أجل التنمية".')
    assert got == {("event/gfmd-2031", "تعزيز الشراكات من أجل التنمية")}


def test_a_forum_taken_up_under_a_slogan_in_angle_quotes():
    got = themes(OPENING, "وتركز اهتمام المنتدى المنظم تحت شعار « نحو عقد اجتماعي للهجرة »، على بحث سبل التعاون.")
    assert got == {("event/gfmd-2031", "نحو عقد اجتماعي للهجرة")}


def test_egyptian_press_quotes_that_open_and_close_alike():
    got = themes(OPENING, "وتعقد هذه الاجتماعات تحت عنوان ”هجرة العمالة العربية وفرص التشغيل” لمدة يومين.")
    assert got == {("event/gfmd-2031", "هجرة العمالة العربية وفرص التشغيل")}


def test_an_opening_quote_left_out_still_ends_at_the_closing_quote():
    got = themes(OPENING, 'وأضاف المصدر أن الندوة الوزارية تنظم تحت شعار العمل معا من أجل مستقبل مستدام" مما يعكس '
                          'الإرادة الفعلية لجعل الحوار "فضاء للتعاون".')
    assert got == {("event/gfmd-2031", "العمل معا من أجل مستقبل مستدام")}


def test_a_papers_title_is_not_the_meetings_theme():
    assert themes(OPENING, 'وقدم الوفد خلال الاجتماع ورقة عمل بعنوان "الهجرة والتنمية في الساحل".') == set()


def test_a_cue_with_no_quote_right_after_it_gives_nothing():
    assert themes(OPENING, 'وكانت هذه الدورة حول موضوع الهجرة والتنمية، وقال الوزير إن "التعاون ضروري".') == set()


def test_a_sentence_with_no_meeting_noun_before_the_cue_gives_nothing():
    assert themes(OPENING, 'وأصدرت الوزارة كتيبا تحت عنوان "دليل المهاجر".') == set()


def test_no_meeting_before_gives_nothing():
    assert themes('وكانت هذه الدورة حول موضوع: "تعزيز الشراكات من أجل التنمية".') == set()
