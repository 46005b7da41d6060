"""The meeting noun-phrase grammar (graph_builder/facts/meeting_phrase.py) and what the written-meeting rule
makes of it: an ordinal in digits or words, who meets, the owner process set in quotes or brackets, an ordinal
written inside a process's name, a numbered meeting of a body the gazetteer lacks, and the negative cases (a
meeting merely named, a planned one, a bilateral talk, digits that count). Every sentence is the author's own,
in several registers (Maghrebi, Gulf, Egyptian, Levantine press, UN style)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_facts import facts_of_text, key_of, real_gazetteer, real_matcher
from graph_builder.facts import events, meeting_phrase
from graph_builder.facts.fact_context import FactContext
from graph_builder.facts.meeting_setting import ordinals_of
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph
from graph_builder.text.word_classes import load

_GAZ, _MATCHER = real_gazetteer(), real_matcher()


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def events_of(facts, cls=None):
    return {key_of(f.subject) for f in facts if f.subject.kind == "event" and (cls is None or f.subject.cls == cls)}


def phrases(text: str):
    """(surface, phrase) of every meeting noun phrase of ``text``."""
    doc = Document(path=Path("t.txt"), slug="t", date="", paragraphs=[Paragraph(number=1, text=text, order=1, line=1)],
                   sections=[])
    ctx = FactContext(doc, mentions_in(doc, _MATCHER), _GAZ, _MATCHER)
    toks = ctx.tokens(doc.paragraphs[0])
    ords = {toks.index_at(o.start): o for o in ordinals_of(toks)}
    out = []
    for m in load().find(toks, "meeting_noun", 0, len(toks.tokens)):
        ph = meeting_phrase.read(toks, m, len(toks.tokens), ords, _MATCHER)
        out.append((toks.surface(m.i, ph.end), ph))
    return out


# ------------------------------------------------------------------ the grammar itself

def test_modifiers_in_a_writers_order_ordinal_members_owner_in_quotes():
    (surface, ph), = phrases('اختتمت الندوة ال16 لوزراء خارجية دول "الحوار 5 + 5" أعمالها.')
    assert ph.ordinal == 16
    assert ph.owner is not None and ph.owner.slug == "five-plus-five-dialogue"
    assert "الحوار 5 + 5" in surface


def test_owner_in_brackets_after_a_qualifier():
    (surface, ph), = phrases("شارك الوفد في أشغال الاجتماع الوزاري (حوار 5+5) بمدينة مراكش.")
    assert ph.owner.slug == "five-plus-five-dialogue"
    assert ph.place is not None and ph.place.slug == "marrakech"


def test_topic_place_and_year_inside_the_phrase():
    (surface, ph), = phrases("توجه الرئيس إلى روما لحضور مؤتمر دولي حول الهجرة والتنمية في روما عام 2031.")
    assert ph.topic and ph.place.slug == "rome" and ph.year == 2031
    assert ph.owner is None and ph.ordinal is None


def test_an_unnamed_body_after_lam_is_the_owner():
    (surface, ph), = phrases("ترأس الوزير الاجتماع الثالث لمجلس أمناء الصندوق الإقليمي للتدريب يوم الخميس.")
    assert ph.ordinal == 3 and ph.owner is None
    assert [w for w in ph.owner_words]                          # مجلس أمناء الصندوق الإقليمي للتدريب


def test_digits_after_the_nouns_adjective_are_its_ordinal_but_a_counted_noun_is_not():
    (_s, ph), = phrases("انعقدت الدورة العادية 41 للجنة في جنيف.")
    assert ph.ordinal == 41
    (_s, ph), = phrases("وحضر المؤتمر الدولي 300 مندوب.")
    assert ph.ordinal is None


def test_digits_after_a_process_noun_are_no_ordinal():
    assert all(ph.ordinal is None for _s, ph in phrases("رحب الاجتماع بجهود الحوار 5 + 5 في المنطقة."))


# ------------------------------------------------------------------ what the rule makes of it

def test_maghrebi_numbered_conference_of_ministers_of_a_process_in_quotes():
    facts = facts_of_text(events, 'ترأس وزير الخارجية، اليوم بتونس، الندوة ال16 لوزراء خارجية دول "الحوار 5 + 5".',
                          date="")
    t = triples(facts)
    assert ("event/five-plus-five-dialogue-meeting-16", "partOf", "process/five-plus-five-dialogue") in t
    assert ("event/five-plus-five-dialogue-meeting-16", "ordinal", "16") in t


def test_levantine_members_of_a_process_between_the_noun_and_the_process():
    facts = facts_of_text(events, 'وأكد الاجتماع الخامس عشر لوزراء خارجية البلدان الأعضاء في حوار "5 + 5" الذي عقد أمس '
                                  "في العاصمة المالطية فاليتا على أهمية التنسيق.", date="")
    t = triples(facts)
    assert ("event/five-plus-five-dialogue-meeting-15", "partOf", "process/five-plus-five-dialogue") in t
    assert ("event/five-plus-five-dialogue-meeting-15", "location", "place/valletta") in t


def test_the_same_meeting_named_two_ways_is_one_entity_and_another_number_is_another():
    facts = facts_of_text(events,
                          'ترأس الوزير الندوة ال15 لوزراء خارجية دول "الحوار 5 + 5" في فاليتا.',
                          'وقال إن الاجتماع الخامس عشر لوزراء خارجية حوار 5+5 جاء بعد الاجتماع الرابع عشر لوزراء خارجية '
                          'حوار 5+5 الذي عقد في الجزائر.', date="")
    evs = events_of(facts)
    assert "event/five-plus-five-dialogue-meeting-15" in evs
    assert "event/five-plus-five-dialogue-meeting-14" in evs
    assert not {e for e in evs if "five-plus-five" in e} - {"event/five-plus-five-dialogue-meeting-15",
                                                          "event/five-plus-five-dialogue-meeting-14"}


def test_egyptian_proceedings_of_a_process_named_with_an_ordinal_inside_its_name():
    facts = facts_of_text(events, "انطلقت اليوم بالعاصمة الأوغندية كمبالا أعمال المنتدى الإفريقي الرابع للهجرة "
                                  "بمشاركة واسعة.", date="")
    t = triples(facts)
    assert ("event/pafom-meeting-4", "partOf", "process/pafom") in t
    assert ("event/pafom-meeting-4", "ordinal", "4") in t
    assert ("event/pafom-meeting-4", "location", "place/kampala") in t


def test_gulf_participation_in_the_proceedings_of_a_process_meeting_named_by_brackets():
    facts = facts_of_text(events, "شارك وزير الخارجية في فعاليات الاجتماع الوزاري (حوار 5+5) الذي عقد الجمعة بمدينة "
                                  "فاليتا.", date="")
    assert ("event/five-plus-five-dialogue-valletta", "partOf", "process/five-plus-five-dialogue") in triples(facts)


def test_numbered_meeting_of_a_board_the_gazetteer_lacks_chaired_by_a_minister():
    facts = facts_of_text(events, "أكد وزير الداخلية، خلال ترؤسه الاجتماع السابع لمجلس إدارة المركز الإقليمي لدراسات "
                                  "الهجرة الخميس، أهمية التعاون.", date="")
    owned = [f for f in facts if f.rule == "event.written-meeting" and f.predicate == "ordinal"]
    assert [key_of(f.object) for f in owned] == ["7"]
    assert owned[0].subject.slug.startswith("meeting-mjls-adarh")
    assert owned[0].subject.cls == "Meeting"


def test_the_same_boards_meeting_keys_alike_across_registers():
    a = facts_of_text(events, "بدأت اليوم أعمال الاجتماع الثاني للجنة المشتركة من خبراء وزارات العدل العرب.", date="")
    b = facts_of_text(events, "وترأست المستشارة أعمال الاجتماع الثاني للجنة المشتركة من خبراء وزارات العدل العرب "
                              "بمقر الجامعة.", date="")
    assert events_of(a) and events_of(a) == events_of(b)


def test_a_boards_meeting_merely_named_is_no_meeting():
    facts = facts_of_text(events, "وأشار التقرير إلى أهمية الاجتماع السادس لمجلس إدارة المعهد في تطوير العمل.", date="")
    assert not events_of(facts)


def test_a_boards_meeting_announced_is_planned_not_held():
    facts = facts_of_text(events, "سيترأس الوزير الأسبوع المقبل أعمال الاجتماع الثامن لمجلس إدارة المعهد التدريبي.",
                          date="")
    assert not events_of(facts, "Meeting")


def test_a_bilateral_meeting_with_a_counterpart_is_not_a_meeting_of_a_body():
    facts = facts_of_text(events, "عقد وزير الخارجية اجتماعا مع نظيره المالطي لبحث العلاقات الثنائية.", date="")
    assert not events_of(facts)


def test_a_seminar_with_a_number_and_a_process_is_the_processs_meeting_not_a_workshop():
    facts = facts_of_text(events, 'افتتحت في الرباط الندوة ال17 لوزراء خارجية دول "الحوار 5 + 5".', date="")
    t = triples(facts)
    assert ("event/five-plus-five-dialogue-meeting-17", "partOf", "process/five-plus-five-dialogue") in t


def test_a_number_of_the_series_the_document_names_is_that_process_meeting():
    facts = facts_of_text(events, 'ترأس الوزير اليوم بالرباط الندوة ال16 لوزراء خارجية دول "الحوار 5 + 5".',
                          "وتأتي هذه الندوة بعد الندوة ال15 المنعقدة في فاليتا في أكتوبر 2031.", date="")
    t = triples(facts)
    assert ("event/five-plus-five-dialogue-2031", "partOf", "process/five-plus-five-dialogue") in t
    assert ("event/five-plus-five-dialogue-meeting-16", "ordinal", "16") in t


def test_a_number_with_its_own_scope_is_not_taken_for_the_documents_series():
    facts = facts_of_text(events, 'ترأس الوزير اليوم بالرباط الندوة ال16 لوزراء خارجية دول "الحوار 5 + 5".',
                          "وكانت القمة العربية الـ29 قد انعقدت في الظهران.", date="")
    assert not [f for f in facts if f.predicate == "partOf" and "meeting-29" in f.subject.slug]


def test_a_definite_ordinal_qualifies_the_noun_before_it_not_the_meeting_after_it():
    facts = facts_of_text(events, "وتحتضن الجزائر للمرة الثانية اجتماع وزراء الخارجية لحوار 5+5 في مدينة وهران.",
                          date="")
    assert not [f for f in facts if f.predicate == "ordinal"]


def test_a_bare_meeting_with_its_own_held_clause_is_not_the_meeting_named_before():
    facts = facts_of_text(events, "انطلقت أشغال الندوة ال14 لوزراء الشؤون الخارجية للحوار 5+5 يوم الأحد بالجزائر.",
                          "ويأتي هذا اللقاء بعد الاجتماع المنعقد بمدينة وهران سنة 2005.", date="")
    t = triples(facts)
    assert ("event/five-plus-five-dialogue-meeting-14", "year", "2005") not in t
    assert any(p == "location" and o == "place/oran" and s.endswith("2005") for s, p, o in t)


def test_un_style_consultations_an_organisation_convenes_in_a_city():
    facts = facts_of_text(events, "تعقد منظمة العمل الدولية في الفترة 4-5 تشرين الأول/أكتوبر ببيروت المشاورات "
                                  "الأقاليمية حول هجرة اليد العاملة.", date="")
    assert ("event/consultation-beirut", "location", "place/beirut") in triples(facts)


def test_consultations_merely_mentioned_are_no_meeting():
    facts = facts_of_text(events, "وتناول التقرير المشاورات الأقاليمية حول هجرة اليد العاملة في بيروت.", date="")
    assert not events_of(facts)


def test_two_numbered_sessions_in_one_city_with_no_year_are_two_meetings():
    facts = facts_of_text(events, "انطلقت أمس بجنيف أعمال الدورة العادية 325.",
                          "وكانت الدورة العادية 323 قد انعقدت بجنيف أيضا.", date="")
    evs = events_of(facts)
    assert {"event/session-geneva-325", "event/session-geneva-323"} <= evs


def test_the_session_another_meeting_was_held_on_the_margins_of_is_not_reported_by_it():
    facts = facts_of_text(events, "بحث الاجتماع التنسيقي للأعضاء العرب، على هامش الدورة العادية 325 بجنيف، برئاسة "
                                  "المدير العام، عددا من القضايا.", date="")
    assert not [f for f in facts if f.predicate == "chairedBy" and "325" in f.subject.slug]


def test_gulf_a_meeting_that_discussed_is_a_held_meeting_named_by_its_phrase():
    facts = facts_of_text(events, "وبحث الاجتماع التنسيقي لوزراء العمل الخليجيين، برئاسة السيد أحمد الكعبي، عددا من "
                                  "القضايا المتعلقة بالعمالة الوافدة.", date="")
    held = events_of(facts, "Meeting")
    assert any(e.startswith("event/meeting-tnsyqy") for e in held)


def test_a_meeting_a_person_stresses_the_importance_of_is_not_held_by_that_sentence():
    facts = facts_of_text(events, "أكد الوزير أهمية الاجتماع التنسيقي لوزراء العمل الخليجيين، برئاسة السيد أحمد "
                                  "الكعبي.", date="")
    assert not events_of(facts)


def test_a_meeting_that_will_discuss_is_not_held():
    facts = facts_of_text(events, "يبحث الاجتماع التنسيقي لوزراء العمل الخليجيين، برئاسة السيد أحمد الكعبي، الأسبوع "
                                  "المقبل ملف العمالة.", date="")
    assert not events_of(facts, "Meeting")


def test_egyptian_date_of_the_decision_a_numbered_meeting_rests_on_is_not_its_date():
    facts = facts_of_text(events, "وقال المستشار إن الاجتماع الثالث للجنة ينعقد بناء على قرار مجلس وزراء العدل العرب "
                                  "الذي عقد سبتمبر 2029، حيث عقد الاجتماع الأول نوفمبر الماضي.", date="")
    owned = [f for f in facts if f.subject.slug.startswith("meeting-ljnh")]
    assert ("ordinal", "3") in {(f.predicate, key_of(f.object)) for f in owned}
    assert not [f for f in owned if f.predicate == "year"]


# ---- who meets, written between the meeting noun and its process (or the process's body)

def test_a_meeting_of_the_ministers_of_a_process_body_is_the_process_meeting():
    t = triples(facts_of_text(events, "وعقد أمس اجتماع وزراء خارجية المجموعة التوجيهية لعملية بالي في جاكرتا.",
                              date="2030-01-01"))
    assert ("event/bali-process-2029", "partOf", "process/bali-process") in t
    assert ("event/bali-process-2029", "location", "place/jakarta") in t


def test_a_meeting_of_the_states_of_a_process_named_in_two_scripts():
    t = triples(facts_of_text(events, "وترأست الوزيرة أمس في جاكرتا اجتماع دول “Bali Process” أو “عملية بالي” بحضور 20 "
                                      "دولة.", date="2030-01-01"))
    assert any(p == "partOf" and o == "process/bali-process" for _, p, o in t)


def test_a_meeting_of_states_to_discuss_a_process_is_not_its_meeting():
    t = triples(facts_of_text(events, "وعقد أمس اجتماع دول الخليج لبحث مسار الرباط في الدوحة.", date="2030-01-01"))
    assert not any(p == "partOf" and o == "process/rabat-process" for _, p, o in t)


def test_a_meeting_of_a_process_body_read_by_the_grammar_is_the_process_meeting():
    (surface, ph), = phrases("وعقد أمس اجتماع وزراء خارجية المجموعة التوجيهية لعملية بالي في جاكرتا.")
    assert ph.owner is not None and ph.owner.slug == "bali-process"
    assert surface.endswith("لعملية بالي في جاكرتا")


# ---- a meeting "held in PLACE" outside a known process: who meets after بين, the held clause set off after the phrase

def test_un_style_joint_meeting_between_members_held_in_a_city_with_a_fronted_date():
    facts = facts_of_text(events, "وفي شباط/فبراير ٢٠٢٩، تم في اجتماع مشترك بين الدول الأعضاء في الاتحاد الأفريقي "
                                  "والاتحاد الأوروبي، عقد في أبوجا، اعتماد خطة عمل بشأن هجرة اليد العاملة.", date="")
    t = triples(facts)
    assert ("event/meeting-abuja-2029", "location", "place/abuja") in t
    assert ("event/meeting-abuja-2029", "year", "2029") in t
    assert ("org/au", "participatesIn", "event/meeting-abuja-2029") in t
    assert ("org/eu", "participatesIn", "event/meeting-abuja-2029") in t


def test_levantine_numbered_summit_between_two_groups_with_a_held_participle():
    facts = facts_of_text(events, "وفي أيار/مايو 2028، جرى في اجتماع القمة الثالث بين الاتحاد الأفريقي ومجلس التعاون "
                                  "لدول الخليج العربية، المنعقد في الدوحة، بحث ملف العمالة الوافدة.", date="")
    t = triples(facts)
    assert ("event/summit-doha-2028", "location", "place/doha") in t
    assert ("event/summit-doha-2028", "ordinal", "3") in t
    assert ("org/au", "participatesIn", "event/summit-doha-2028") in t


def test_the_held_clause_of_the_grammar_reads_a_state_as_the_place():
    (surface, ph), = phrases("واعتمد المؤتمر الإقليمي حول الهجرة، الذي عقد في المغرب، إعلانا ختاميا.")
    assert ph.held and ph.place is not None and ph.place.slug == "MAR"


def test_the_held_clause_reads_a_name_a_state_shares_with_its_capital_as_the_city():
    (surface, ph), = phrases("واعتمد المؤتمر الإقليمي حول الهجرة، الذي عقد في تونس، إعلانا ختاميا.")
    assert ph.held and ph.place is not None and (ph.place.kind, ph.place.slug) == ("place", "tunis")


def test_a_meeting_that_will_be_held_in_a_city_has_no_held_clause():
    (surface, ph), = phrases("ويبحث الاجتماع المشترك بين الاتحاد الأفريقي والاتحاد الأوروبي، الذي سيعقد في أبوجا، "
                             "ملف الهجرة.")
    assert not ph.held
    facts = facts_of_text(events, "وفي آذار/مارس 2031، يبحث اجتماع مشترك بين الاتحاد الأفريقي والاتحاد الأوروبي، الذي "
                                  "سيعقد في أبوجا، ملف الهجرة.", date="2030-01-01")
    assert not [f for f in facts if f.predicate == "participatesIn"]
    assert not events_of(facts, "Meeting")


def test_members_between_with_no_place_and_no_date_give_no_meeting():
    facts = facts_of_text(events, "ودعا الوزير إلى اجتماع مشترك بين الاتحاد الأفريقي والاتحاد الأوروبي لبحث ملف "
                                  "الهجرة.", date="")
    assert not [f for f in facts if f.predicate == "participatesIn"]
    assert not events_of(facts)


def test_a_fronted_date_with_another_meeting_between_is_not_the_held_meetings_date():
    facts = facts_of_text(events, "وفي نيسان/أبريل 2027، وبعد المؤتمر الوزاري لعملية الرباط، جرى في اجتماع مشترك بين "
                                  "الاتحاد الأفريقي والاتحاد الأوروبي، المعقود في أبوجا، بحث ملف الهجرة.", date="")
    assert not [f for f in facts if f.subject.slug.startswith("meeting-abuja") and f.predicate == "year"
                and key_of(f.object) == "2027"]


def test_a_date_after_since_in_a_later_sentence_is_not_the_meetings_year():
    facts = facts_of_text(events, "ترأس الوزير وفد بلاده في الاجتماع الوزاري الثاني لعملية الرباط، الذي عقد اليوم "
                                  "الأربعاء في القاهرة. وأضاف أن الاجتماع شهد تقييم ما تحقق منذ إطلاق المسار في العام "
                                  "2006.", date="2030-05-08")
    years = {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "year"}
    assert ("event/rabat-process-2030", "2030") in years
    assert not any(y == "2006" for _, y in years)


# ---- a meeting launched by its organiser (أطلق X … المنتدى …): the day written between them is its first day

def test_gulf_a_forum_launched_on_a_day_starts_that_day_and_keeps_no_last_day():
    facts = facts_of_text(events, "أطلق الاتحاد الأفريقي، بدعم من المنظمة الدولية للهجرة، يوم 3 أكتوبر 2029، المنتدى "
                                  "الأفريقي السابع حول الهجرة في القاهرة.", date="2029-10-03")
    t = triples(facts)
    assert ("event/pafom-2029", "startDate", "2029-10-03") in t
    assert ("event/pafom-2029", "location", "place/cairo") in t
    assert not [f for f in facts if f.predicate == "endDate"]


def test_a_programme_launched_is_no_meeting():
    facts = facts_of_text(events, "وأطلقت المنظمة الدولية للهجرة أمس برنامجا جديدا لدعم العائدين في تونس.", date="2029-10-03")
    assert not events_of(facts)


def test_a_launch_after_a_meeting_does_not_name_it_again():
    facts = facts_of_text(events, "وعقد المنتدى الأفريقي السابع حول الهجرة في القاهرة يوم 3 أكتوبر 2029. وأطلقت المنظمة "
                                  "الدولية للهجرة في الرباط برنامجا لدعم العائدين.", date="2029-10-05")
    places = {key_of(f.object) for f in facts if f.predicate == "location"}
    assert "place/cairo" in places and "place/rabat" not in places


# ---- a bare definite meeting with a held clause of its own, its place set in brackets

def test_gulf_a_conference_held_in_a_bracketed_state_last_year_is_a_meeting_of_its_own():
    facts = facts_of_text(events, "وفي المؤتمر المنعقد في (تونس) أيار العام الماضي ناقش المشاركون سبل مكافحة تهريب "
                                  "المهاجرين.", date="2030-02-20")
    t = triples(facts)
    # the state keys the meeting (its site) but is no location: a state is an Actor, not a Place (OWL disjoint)
    assert ("event/conference-TUN-2029".lower(), "year", "2029") in {(s.lower(), p, o) for s, p, o in t}
    assert not any(p == "location" for _, p, _ in t)


def test_a_conference_to_be_held_in_a_bracketed_state_is_not_held_there():
    facts = facts_of_text(events, "وفي المؤتمر الذي سيعقد في (تونس) أيار المقبل يناقش المشاركون سبل مكافحة تهريب "
                                  "المهاجرين.", date="2030-02-20")
    assert not [f for f in facts if f.predicate == "location" and f.subject.cls == "Meeting"]


def test_a_state_after_the_held_verb_is_not_the_meetings_location():
    """``، الذي عقد في المغرب``: the meeting was held (in a state), but a state is an Actor, never a Place: no
    location (OWL: mdkg:Actor and mdkg:Place are disjoint); a city there is the location."""
    state = triples(facts_of_text(events, "وحضر الوزير الاجتماع الوزاري لمسار الرباط، الذي عقد في المغرب عام 2006."))
    assert not any(p == "location" for _, p, _ in state)
    assert ("event/rabat-process-2006", "partOf", "process/rabat-process") in state
    city = triples(facts_of_text(events, "وحضر الوزير الاجتماع الوزاري لمسار الرباط، الذي عقد في الرباط عام 2006."))
    assert ("event/rabat-process-2006", "location", "place/rabat") in city


# ------------------------------------------------------------------ where a held clause ends

def _index(text: str, word: str, last: bool = False) -> int:
    """The token index of ``word`` as printed in ``text`` (its last one with ``last``)."""
    doc = Document(path=Path("t.txt"), slug="t", date="", paragraphs=[Paragraph(number=1, text=text, order=1, line=1)],
                   sections=[])
    toks = FactContext(doc, mentions_in(doc, _MATCHER), _GAZ, _MATCHER).tokens(doc.paragraphs[0])
    found = [k for k, t in enumerate(toks.tokens) if toks.text[t.start:t.end] == word]
    return found[-1] if last else found[0]


@pytest.mark.parametrize("text, end", [
    # organiser, partners and the day after the place: the comma before the main verb's object ends it
    ("اختتم الاجتماع الإقليمي حول الهجرة، الذي عقد في تونس بتنظيم من المنظمة الدولية للهجرة وبدعم من الاتحاد "
     "الأوروبي ومنظمة العمل الدولية يوم 4 مايو 2031، أعماله.", ("،", True)),
    ("اختتم الاجتماع الإقليمي حول الهجرة، الذي عقد في تونس، أعماله يوم 6 مايو 2031.", ("،", True)),
    ("واختتم المؤتمر الذي انعقد بالرباط أشغاله يوم 6 مايو 2031.", ("أشغاله", False)),     # the verb's object
])
def test_a_held_clause_runs_over_what_it_says_of_the_meeting_and_ends_at_the_main_clause(text, end):
    (surface, ph), = phrases(text)
    assert ph.held and ph.held_end == _index(text, *end)


@pytest.mark.parametrize("text", [
    # Maghrebi press: organiser and partners between the place and the day, far after the phrase
    "اختتم الاجتماع الإقليمي حول الهجرة، الذي عقد في تونس بتنظيم من المنظمة الدولية للهجرة وبدعم من الاتحاد الأوروبي "
    "ومنظمة العمل الدولية يوم 4 مايو 2031، أعماله.",
    # Levantine press: a participle, the city set off in brackets, partners after بالتعاون مع
    "واختتم المؤتمر الإقليمي حول الهجرة المنعقد في (عمان) بالتعاون مع المفوضية الأوروبية ومنظمة العمل الدولية "
    "والمنظمة الدولية للهجرة في 4 أيار/مايو 2031 أعماله.",
])
def test_a_date_far_inside_a_long_held_clause_is_the_meetings_held_day(text):
    facts = facts_of_text(events, text, date="2031-05-06")
    dates = {(p, o) for s, p, o in triples(facts) if p in ("startDate", "endDate")}
    assert ("startDate", "2031-05-04") in dates and ("endDate", "2031-05-04") in dates, dates


@pytest.mark.parametrize("text", [
    "اختتم الاجتماع الإقليمي حول الهجرة، الذي عقد في تونس، أعماله يوم 6 مايو 2031.",
    "واختتم المؤتمر الإقليمي حول الهجرة الذي انعقد بالرباط أشغاله يوم 6 مايو 2031.",
])
def test_a_date_after_the_held_clauses_end_is_the_closing_verbs_last_day(text):
    facts = facts_of_text(events, text, date="2031-05-07")
    dates = {(p, o) for s, p, o in triples(facts) if p in ("startDate", "endDate")}
    assert dates == {("endDate", "2031-05-06")}, dates
