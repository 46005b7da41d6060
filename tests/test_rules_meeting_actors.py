"""Chairs and participants of a meeting as press writers put them (rules event.chair-written and
actors.participates): a chair's role set off by commas before the name, a chair verb in a sentence that
takes the meeting up by a demonstrative (``وهذا اللقاء يرأسه …``, ``وهذه النسخة تترأسها كل من …``), and a
participation written with the meeting's own name (``شارك X في المنتدى الأفريقي الخامس للهجرة``) given to that
meeting rather than to its process. Negatives: a comma that opens another clause, a planned meeting, the
chairmanship of an organisation named after the chair, a process taken part in, a state's nisba adjective
on another noun. Every sentence here is the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import actors, events


def chairs(facts):
    """{(meeting key, predicate, chair label or key)}: persons by their Arabic label, others by key."""
    return {(key_of(f.subject), f.predicate, f.object.label_ar if f.object.kind == "person" else key_of(f.object))
            for f in facts if f.predicate in ("chairedBy", "coChairedBy")}


def chair_labels(facts):
    return {c for _s, _p, c in chairs(facts)}


def participations(facts):
    return {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "participatesIn"}


# ------------------------------------------------------------------ a role set off by commas before the name

def test_egyptian_chair_role_then_comma_then_name():
    facts = facts_of_text(events, "افتتحت صباح اليوم أعمال الاجتماع الوزاري الثالث لعملية الخرطوم برئاسة وزير "
                                  "الخارجية السوداني، كمال حسن علي، بمشاركة وفود أفريقية وأوروبية.", date="2031-03-04")
    assert "كمال حسن علي" in chair_labels(facts)


def test_gulf_chair_role_comma_title_and_name():
    facts = facts_of_text(events, "وانطلقت أمس في الدوحة أشغال المنتدى الأفريقي الخامس للهجرة برئاسة وزيرة الدولة "
                                  "للتعاون الدولي، السيدة لولوة الخاطر.", date="2031-05-02")
    assert "لولوة الخاطر" in chair_labels(facts)


def test_a_comma_that_opens_another_clause_gives_no_chair():
    facts = facts_of_text(events, "انطلقت اليوم أعمال الاجتماع الوزاري الثالث لعملية الخرطوم برئاسة وزير الخارجية، "
                                  "بحضور السفير محمود فوزي.", date="2031-03-04")
    assert "محمود فوزي" not in chair_labels(facts)


# ------------------------------------------------------------------ the meeting taken up by a demonstrative

def test_maghrebi_demonstrative_meeting_with_a_present_chair_verb():
    facts = facts_of_text(events, "انطلقت يوم الأحد بتونس أشغال الاجتماع الوزاري الثالث لعملية الخرطوم. ويرأس هذا "
                                  "اللقاء وزير الخارجية التونسي عثمان الجرندي.", date="2031-03-05")
    got = chairs(facts)
    assert any(c == "عثمان الجرندي" and s.startswith("event/khartoum-process") for s, _p, c in got)


def test_levantine_this_edition_chaired_by_each_of_a_list():
    facts = facts_of_text(events, "اختتمت في بيروت أعمال المنتدى الأفريقي الخامس للهجرة، وهذه النسخة تترأسها كل من "
                                  "كينيا والمغرب.", date="2031-06-10")
    got = chairs(facts)
    assert {("state/KEN", "coChairedBy"), ("state/MAR", "coChairedBy")} <= {(c, p) for _s, p, c in got}


def test_a_planned_meeting_taken_up_has_no_chair():
    facts = facts_of_text(events, "ومن المقرر أن تعقد في بيروت أعمال الاجتماع الوزاري الرابع لعملية الخرطوم العام "
                                  "المقبل، وهذا الاجتماع سترأسه مصر.", date="2031-06-10")
    assert not chairs(facts)


def test_the_chairmanship_of_an_organisation_named_after_the_chair_is_not_the_meetings():
    facts = facts_of_text(events, "انطلقت اليوم أشغال المنتدى الأفريقي الخامس للهجرة. ويأتي هذا الحدث الذي ترأسه "
                                  "كينيا للاتحاد الأفريقي في إطار أولويات القارة.", date="2031-06-10")
    assert "state/KEN" not in chair_labels(facts)
    facts = facts_of_text(events, "انطلقت اليوم أشغال المنتدى الأفريقي الخامس للهجرة. ويجمع هذا الحدث الذي ترأسه "
                                  "كينيا خبراء من القارة.", date="2031-06-10")
    assert "state/KEN" in chair_labels(facts)


# ------------------------------------------------------------------ participation in the meeting a text names

def test_participation_in_a_numbered_meeting_named_like_its_process_is_the_meetings():
    facts = facts_of_text(actors, "وشاركت موريتانيا في المنتدى الأفريقي الخامس للهجرة الذي انعقد بالقاهرة.",
                          date="2031-06-10")
    got = participations(facts)
    assert ("state/MRT", "process/pafom") not in got
    assert any(s == "state/MRT" and o.startswith("event/pafom") for s, o in got)


def test_participation_in_the_process_itself_stays_the_processes():
    facts = facts_of_text(actors, "ويشارك الأردن في عملية الخرطوم منذ تأسيسها.", date="2031-06-10")
    assert ("state/JOR", "process/khartoum-process") in participations(facts)


def test_a_planned_meeting_gets_no_participant():
    facts = facts_of_text(actors, "وستشارك تونس في الاجتماع الوزاري الثالث لعملية الخرطوم المقرر عقده العام المقبل.",
                          date="2031-06-10")
    assert not any(s == "state/TUN" for s, _o in participations(facts))


def test_a_nisba_adjective_on_another_noun_is_not_the_participant():
    facts = facts_of_text(actors, "وأشاد الوزير بالخبرة التي اكتسبتها منظمات المجتمع المدني السويسري بفضل مشاركتها "
                                  "في المنتدى الأفريقي الخامس للهجرة.", date="2031-06-10")
    assert not any(s == "state/CHE" for s, _o in participations(facts))


# ------------------------------------------------------------------ an organisation taken up by its head noun in a role

def affiliations(facts):
    return {(f.subject.label_ar, key_of(f.object)) for f in facts if f.predicate == "affiliation"}


def test_egyptian_director_of_the_organisation_named_before():
    facts = facts_of_text(actors, "نظمت منظمة العمل العربية في القاهرة ورشة حول تنقل العمالة. وقال السفير فؤاد "
                                  "الشامي، مدير المنظمة، إن الورشة ناجحة.")
    assert ("فؤاد الشامي", "org/arab-labour-organization") in affiliations(facts)


def test_levantine_representative_of_the_centre_with_a_proclitic_and_an_adjective():
    facts = facts_of_text(actors, "يعمل المركز الدولي لتطوير سياسات الهجرة في المنطقة منذ سنوات.",
                          "وقالت الوزيرة المفوضة بالمركز الإقليمي السيدة ريم حداد إن العمل مستمر.")
    assert ("ريم حداد", "org/icmpd") in affiliations(facts)


def test_a_head_noun_that_names_no_organisation_before_gives_nothing():
    facts = facts_of_text(actors, "وقال وزير الخارجية سامي الحلو إن المنظمة الدولية للهجرة شريك. وأكد مدير الإدارة "
                                  "كريم نصار أن التعاون مستمر.")
    assert not any(name == "كريم نصار" for name, _o in affiliations(facts))


# ------------------------------------------------------------------ counts written as cardinal words

def counts(facts):
    return {(f.predicate, f.object.lexical) for f in facts if f.predicate.endswith("Count")}


def test_maghrebi_count_of_ministers_in_a_tens_word():
    facts = facts_of_text(events, "افتتحت اليوم الثلاثاء بالرباط أشغال الاجتماع الوزاري الثالث لعملية الخرطوم، "
                                  "بمشاركة حوالي ثلاثين وزيرا ومسؤولا حكوميا.", date="2031-03-04")
    assert ("participantCount", "30") in counts(facts)


def test_egyptian_count_of_states_in_a_compound_number_word():
    facts = facts_of_text(events, "وانطلقت أمس أعمال المنتدى الأفريقي الخامس للهجرة بحضور خمسة وعشرين دولة "
                                  "أفريقية.", date="2031-05-02")
    assert ("stateCount", "25") in counts(facts)


def test_levantine_representatives_who_met_counted_after_a_gathering_verb():
    facts = facts_of_text(events, "انطلقت في بيروت أعمال الاجتماع الوزاري الثالث لعملية الخرطوم، واجتمع فيه ممثلو "
                                  "أربعين دولة.", date="2031-05-02")
    assert ("participantCount", "40") in counts(facts)


def test_a_count_of_a_subset_or_of_a_future_meeting_is_not_the_meetings():
    facts = facts_of_text(events, "انطلقت في بيروت أعمال الاجتماع الوزاري الثالث لعملية الخرطوم بمشاركة الاتحاد "
                                  "الأفريقي إلى جانب عشرين من الدول الأفريقية.", date="2031-05-02")
    assert not counts(facts)
    facts = facts_of_text(events, "انطلقت في بيروت أعمال الاجتماع الوزاري الثالث لعملية الخرطوم، وسيشارك في "
                                  "الاجتماع المقبل أربعون دولة.", date="2031-05-02")
    assert ("participantCount", "40") not in counts(facts)


# ------------------------------------------------------------------ a speaker left unsaid after a reporting verb

def test_egyptian_speaker_named_in_the_paragraph_before():
    facts = facts_of_text(events, "عرضت السفيرة هالة يوسف مديرة إدارة الهجرة بجامعة الدول العربية تقرير الأمانة.",
                          "وقالت خلال كلمتها في الاجتماع الوزاري الثالث لعملية الخرطوم، الذي عقد اليوم بالقاهرة، إن "
                          "التعاون ضروري.", date="2031-03-04")
    assert any(f.subject.label_ar == "هالة يوسف" and f.object.key[1].startswith("khartoum-process")
               for f in facts if f.predicate == "participatesIn")


def test_gulf_masculine_speaker_in_the_same_paragraph():
    facts = facts_of_text(events, "وصل وزير العمل سالم المري إلى الدوحة أمس. وأكد في كلمته أمام الاجتماع الوزاري "
                                  "الثالث لعملية الخرطوم المنعقد في الدوحة أن بلاده ملتزمة.", date="2031-05-02")
    assert any(f.subject.label_ar == "سالم المري" for f in facts if f.predicate == "participatesIn")


def test_two_persons_before_or_a_speech_about_another_meeting_give_no_speaker():
    facts = facts_of_text(events, "التقى الوزير سالم المري نظيره كريم نصار أمس.",
                          "وقال في كلمته أمام الاجتماع الوزاري الثالث لعملية الخرطوم المنعقد في الدوحة إن التعاون "
                          "مستمر.", date="2031-05-02")
    assert not any(f.subject.kind == "person" for f in facts if f.predicate == "participatesIn")
    facts = facts_of_text(events, "عرضت السفيرة هالة يوسف تقرير الأمانة.",
                          "وقالت في كلمتها حول نتائج الاجتماع الوزاري الثاني لعملية الخرطوم إن التعاون مستمر.",
                          date="2031-05-02")
    assert not any(f.subject.kind == "person" for f in facts if f.predicate == "participatesIn")


def test_the_person_talked_with_is_not_the_one_whose_participation_is_named():
    facts = facts_of_text(actors, "وأشادت المسؤولة الأممية خلال المباحثات التي أجرتها مع وزير الداخلية كريم نصار، على "
                                  "هامش مشاركتها في المنتدى الأفريقي الخامس للهجرة الذي انعقد بالرباط، بسياسة المغرب.",
                          date="2031-06-10")
    assert not any(f.subject.label_ar == "كريم نصار" for f in facts if f.predicate == "participatesIn")
    facts = facts_of_text(actors, "وأشاد وزير الداخلية كريم نصار، بمناسبة مشاركته في المنتدى الأفريقي الخامس للهجرة "
                                  "الذي انعقد بالرباط، بسياسة المغرب.", date="2031-06-10")
    assert any(f.subject.label_ar == "كريم نصار" for f in facts if f.predicate == "participatesIn")


def test_a_meeting_named_as_the_time_of_another_is_not_taken_up_by_a_later_speech():
    facts = facts_of_text(events, "ترأس وزير الخارجية التونسي عثمان الجرندي، اليوم ببيروت، الاجتماع الوزاري الرابع "
                                  "لعملية الخرطوم. وأوضح البيان أن هذا اللقاء يأتي بعد الاجتماع الوزاري الثالث لعملية "
                                  "الخرطوم المنعقد بالقاهرة في يناير 2030 والذي سمح بتعزيز الحوار. وقال الجرندي في "
                                  "مداخلته إن التعاون ضروري.", date="2031-10-20")
    spoke = {f.object.key[1] for f in facts if f.predicate == "participatesIn" and f.subject.label_ar == "عثمان الجرندي"}
    assert spoke and all("2030" not in k for k in spoke)
