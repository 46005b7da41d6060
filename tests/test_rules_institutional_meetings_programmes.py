"""Who takes part in an institutional meeting and which programme frames what an organisation does, as UN, IO,
ministry and NGO pages write them (issue 13, development set ``undev2``): speakers listed after a verb of speaking
at the meeting (``ويتحدث في المؤتمر ممثلون من …``), a workshop named by the organisation a relative clause says
organises it (``ورشة العمل التي تنظمها …``) with the states listed after a count, a series of workshops one
organisation organised, a conference named by its quoted title, and a programme or project named after a frame
word (``عبر برنامج …``, ``في إطار البرنامج الإقليمي لـ… والممول من قبل …``) with its manager and funders. Sentences
written for these tests, with the negative cases (a report that speaks about a meeting, a later phase, a future
organiser, a plural that names no one meeting, a plan of action, an organisation's name, a state's programme)."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import commitments, events


def triples(module, *paragraphs, date=""):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts_of_text(module, *paragraphs, date=date)}


def taking_part(t) -> set:
    return {s for s, p, _ in t if p == "participatesIn"}


def hosts(t) -> set:
    return {o for _, p, o in t if p == "hostedBy"}


def events_of(t) -> set:
    return {s for s, _, _ in t if s.startswith("event/")}


# ---- speakers listed after a verb of speaking at the meeting

def test_representatives_who_speak_at_a_conference_take_part():
    # a library's events page
    t = triples(events, "تنظم مكتبة الإسكندرية مؤتمرا بعنوان \"الهجرة والتنمية في المتوسط\" يومي 3 و4 مايو 2031.",
                "ويتحدث في المؤتمر أيضا ممثلون من جامعة الدول العربية، ومنظمة العمل الدولية، وعدد من الخبراء.")
    assert {"org/las", "org/ilo"} <= taking_part(t)


def test_speakers_before_this_meeting_in_a_un_page():
    t = triples(events, "عقدت المنظمة الدولية للهجرة في تونس يوم 5 مايو 2031 اجتماعا إقليميا حول العمالة.",
                "وتحدث أمام هذا الاجتماع ممثلو المفوضية السامية للأمم المتحدة لشؤون اللاجئين ومنظمة العمل الدولية.")
    assert {"org/unhcr", "org/ilo"} <= taking_part(t)


def test_a_report_that_speaks_about_a_meeting_names_no_participant():
    t = triples(events, "عقدت المنظمة الدولية للهجرة في تونس يوم 5 مايو 2031 اجتماعا إقليميا حول العمالة.",
                "ويتحدث التقرير عن دور منظمة العمل الدولية في الاجتماع.",
                "وتحدثت جامعة الدول العربية عن الهجرة في بيان.")
    assert not {"org/ilo", "org/las"} & taking_part(t)


# ---- a workshop named by the organisation its relative clause says organises it; states after a count

def test_a_workshop_an_organisation_organises_and_the_states_listed_after_a_count():
    # an agency wire: undated, "today", the list in quotes after هي
    t = triples(events, "بدأت في القاهرة اليوم ورشة العمل التي تنظمها جامعة الدول العربية للمسؤولين في الدول "
                        "الأعضاء، بمشاركة خمس دول كمرحلة أولى هي \"الأردن ولبنان والعراق واليمن والسودان\".")
    ws = {e for e in events_of(t) if "workshop" in e}
    assert len(ws) == 1
    ws = ws.pop()
    assert (ws, "hostedBy", "org/las") in t and (ws, "location", "place/cairo") in t
    assert {"state/JOR", "state/LBN", "state/IRQ", "state/YEM", "state/SDN"} <= taking_part(t)


def test_states_of_a_later_phase_do_not_take_part():
    t = triples(events, "بدأت في القاهرة اليوم ورشة العمل التي تنظمها جامعة الدول العربية، على أن تشارك في مرحلة "
                        "ثانية الجزائر والمغرب.")
    assert not {"state/DZA", "state/MAR"} & taking_part(t)


def test_a_workshop_an_organisation_will_organise_has_no_host():
    t = triples(events, "أعلنت الأمانة العامة عن ورشة العمل التي ستنظمها جامعة الدول العربية في القاهرة الشهر المقبل.")
    assert "org/las" not in hosts(t)


# ---- a series of workshops one organisation organised

def test_a_series_of_workshops_the_organisation_closed_is_one_event_it_hosts():
    # a ministry portal; the speaker of the closing ceremony takes part
    t = triples(events, "اختتمت منظمة العمل الدولية، يوم أمس، ورشات العمل التي نظمتها بالتعاون مع وزارة العمل، "
                        "وذلك خلال حفل أقيم في الوزارة برعاية وزير العمل نضال البطاينة. وقد أشار البطاينة في "
                        "خطابه إلى أهمية حماية العمال.")
    assert "org/ilo" in hosts(t)
    assert any(p.startswith("person/") for p in taking_part(t))


def test_workshops_with_no_organiser_clause_are_no_event():
    t = triples(events, "تعقد الوزارة ورش عمل في المحافظات لتدريب المفتشين.",
                "ونظمت الجمعيات ورشات عمل عديدة خلال العام.")
    assert not events_of(t)


# ---- a conference named by its quoted title

def test_a_conference_named_by_its_title_is_hosted_by_its_organiser():
    t2 = triples(events, "تنظم مكتبة الإسكندرية مؤتمرا بعنوان \"الهجرة غير النظامية في المتوسط\"، وذلك يومي 14 و15 "
                         "يوليو 2031.")
    conf = {e for e in events_of(t2)}
    assert len(conf) == 1 and (conf.pop(), "hostedBy", "org/bibliotheca-alexandrina") in t2


# ---- a programme or project named after a frame word

def test_an_io_release_programme_run_through_by_the_organisation():
    t = triples(commitments, "طرابلس، 21 مايو 2031 – ساعدت المنظمة الدولية للهجرة منذ عام 2025 آلاف المهاجرين على "
                             "العودة عبر برنامج العودة الطوعية الإنسانية، إذ قدمت هذه المبادرة الدعم لهم.",
                date="2031-05-21")
    assert any(p == "managedBy" and o == "org/iom" for _, p, o in t)


def test_a_un_page_regional_programme_with_its_owner_and_its_funder():
    t = triples(commitments, "يهدف هذا الحدث، الذي نظم في إطار البرنامج الإقليمي لمكتب الأمم المتحدة المعني "
                             "بالمخدرات والجريمة تحت عنوان \"تفكيك شبكات التهريب في الساحل\" والممول من قبل الاتحاد "
                             "الأوروبي، إلى دعم البلدان المشاركة.")
    prog = {s for s, p, _ in t if p == "managedBy"}
    assert len(prog) == 1
    prog = prog.pop()
    assert (prog, "managedBy", "org/unodc") in t and (prog, "fundedBy", "org/eu") in t


def test_an_ngo_page_project_funded_after_its_quoted_name():
    t = triples(commitments, "نفذ مركز الهجرة المختلطة دراسة ميدانية ضمن إطار مشروع «رصد طرق الهجرة في شمال "
                             "أفريقيا» بتمويل من الاتحاد الأوروبي.")
    proj = {s for s, p, o in t if p == "fundedBy" and o == "org/eu"}
    assert len(proj) == 1 and (proj.pop(), "managedBy", "org/mmc") in t


def test_no_programme_from_a_plan_an_organisation_a_plural_or_a_state():
    t = triples(commitments, "وتعمل المنظمة الدولية للهجرة في إطار برنامج عمل الدوحة.",
                "ونفذت الحكومة المشروع عبر برنامج الأمم المتحدة الإنمائي.",
                "وتدعم المفوضية السامية للأمم المتحدة لشؤون اللاجئين العائدين من خلال برامجها المختلفة.",
                "وقدمت ألمانيا الدعم للعائدين عبر برنامج إعادة الإدماج المجتمعي.")
    assert not any(p == "managedBy" for _, p, _ in t)


def test_a_programme_of_work_is_no_programme_named():
    t = triples(commitments, "نظمت المنظمة الدولية للهجرة ست ورش عمل ضمن برنامج العمل الذي تطبقه الدولة.",
                "وتقوم منظمة العمل الدولية بأنشطة في مجال الهجرة في إطار برنامج عملها العادي.")
    assert not any(p == "managedBy" for _, p, _ in t)



def test_women_migrant_domestic_workers_are_care_workers_not_gender():
    # the feminine plural forms of the gazetteer's migrant domestic workers (an IO release, a ministry page); the
    # longer name is read, not its last word (المهاجرات alone names the gender topic)
    from pathlib import Path

    from gold_facts import real_matcher
    from graph_builder.recognise.matcher import mentions_in
    from graph_builder.text.model import Document, Paragraph
    texts = ("أطلقت منظمة العمل الدولية مشروعا لتعزيز حقوق عاملات المنازل المهاجرات في الأردن.",
             "وناقش المشاركون في الورشة حقوق العاملات المهاجرات في الخدمة المنزلية.",
             "وتحدث التقرير عن أوضاع المهاجرات في المنطقة.")
    doc = Document(path=Path("t.txt"), slug="t", date="", title_ar="",
                   paragraphs=[Paragraph(number=i + 1, text=t, order=i + 1, line=i + 1) for i, t in enumerate(texts)])
    by_para = {}
    for m in mentions_in(doc, real_matcher()):
        if m.entity.kind == "topic":
            by_para.setdefault(m.source.number, set()).add(m.entity.slug)
    assert "care-workers" in by_para[1] and "gender" not in by_para[1]
    assert "care-workers" in by_para[2] and "gender" not in by_para[2]
    assert "gender" in by_para[3]                  # المهاجرات alone stays the gender topic
