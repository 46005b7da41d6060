"""A publication an organisation issues and its publisher (issue 13, ``mdkg:publishedBy``), as press, UN and IO pages
write it: a publishing verb with its subject (``أصدرت X تقريرا بعنوان «…»``, ``أطلقت X وY اليوم تقرير …``), a
participle or passive after the noun (``التقرير الصادر عن X``، ``تقرير صدر عن X``), a relative verb (``دراسة أعدتها
X``، ``توقع X، في تقرير أصدره مؤخرا بعنوان …``) and a genitive with a title or a topic (``وفق تقرير X السنوي عن …``).
Sentences written for these tests, with the negatives: a meeting's final report, a report a minister presents, an
untitled report nothing names, a future report, a Secretary-General report with its document symbol."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import commitments


def published(*paragraphs, date="") -> dict:
    """publication label → the keys of its publishers."""
    out: dict = {}
    for f in facts_of_text(commitments, *paragraphs, date=date):
        if f.predicate == "publishedBy":
            out.setdefault(f.subject.label_ar, set()).add(key_of(f.object))
            assert f.subject.cls == "Publication"
    return out


def test_an_organisation_issues_a_titled_report_press():
    p = published("وأصدرت منظمة العمل الدولية أمس تقريرا بعنوان \"العمال المهاجرون في قطاع البناء\" يرصد ظروف العمل.")
    assert p == {"العمال المهاجرون في قطاع البناء": {"org/ilo"}}


def test_two_organisations_launch_a_report_named_by_its_head_words_and_its_theme():
    p = published("أطلقت المنظمة الدولية للهجرة ومنظمة العمل الدولية اليوم تقرير الهجرة الإقليمية لعام 2030 تحت عنوان "
                  "\"التنقل والعمل في منطقة متغيرة\" في مؤتمر صحفي.")
    assert p == {"التنقل والعمل في منطقة متغيرة": {"org/iom", "org/ilo"}}


def test_an_untitled_report_named_by_its_head_words_io_wording():
    p = published("أطلقت المنظمة الدولية للهجرة اليوم تقرير الهجرة الإقليمية لعام 2030 في جنيف.")
    assert p == {"تقرير الهجرة الإقليمية لعام 2030": {"org/iom"}}


def test_a_name_the_gazetteer_lacks_before_an_actors_acronym_in_quotes_agency_wire():
    p = published("أطلقت هيئة التعاون الإقليمي للتنمية المستدامة \"الإسكوا\" والمنظمة الدولية للهجرة اليوم تقرير الهجرة "
                  "الدولية لعام 2030 تحت عنوان \"الهجرة في منطقة متغيرة\".")
    assert p == {"الهجرة في منطقة متغيرة": {"org/escwa", "org/iom"}}
    # words that no acronym of an actor follows: not the verb's subject
    assert published("أطلقت هيئة جديدة للتنمية اليوم تقريرا بعنوان \"الهجرة في منطقة متغيرة\".") == {}


def test_a_report_issued_by_an_organisation_un_wording():
    p = published("ويتناول التقرير الصادر عن منظمة العمل الدولية بعنوان «تقديرات عالمية بشأن العمال المهاجرين» "
                  "أوضاع العمال في المنطقة.")
    assert p == {"تقديرات عالمية بشأن العمال المهاجرين": {"org/ilo"}}


def test_a_study_an_organisation_prepared_and_a_brief_the_clause_subject_issued():
    p = published("وبحسب دراسة أعدتها المنظمة الدولية للهجرة بعنوان \"الهجرة والمناخ في الساحل\"، فإن آلاف الأسر تنتقل سنويا.")
    assert p == {"الهجرة والمناخ في الساحل": {"org/iom"}}
    p = published("وتوقع البنك الدولي، في موجز أصدره مؤخرا بعنوان \"آفاق التحويلات\"، أن ترتفع التحويلات.")
    assert p == {"آفاق التحويلات": {"org/world-bank"}}


def test_a_genitive_publisher_with_a_title_or_a_topic():
    p = published("وأشار تقرير البنك الدولي بعنوان \"الهجرة والتنمية في المنطقة\" إلى ارتفاع التحويلات.")
    assert set(p) == {"الهجرة والتنمية في المنطقة"}
    p = published("ووفق تقرير منظمة العمل الدولية السنوي عن العمال المهاجرين، ارتفع عدد العمال.")
    assert len(p) == 1 and list(p.values()) == [{"org/ilo"}]
    assert next(iter(p)) == "تقرير منظمة العمل الدولية السنوي عن العمال المهاجرين"
    p = published("ويبين ذلك بالتفصيل لتقرير منظمة العمل الدولية عن العمال المهاجرين في الزراعة.")
    assert list(p) == ["تقرير منظمة العمل الدولية عن العمال المهاجرين"]      # not its لـ; في ends the topic


def test_a_meetings_final_report_a_minister_and_an_untitled_report_publish_nothing():
    assert published("واعتمد المشاركون التقرير الختامي للمؤتمر الإقليمي حول الهجرة.") == {}
    assert published("وقدم وزير العمل تقرير الوزارة بعنوان \"سوق العمل في 2030\" إلى البرلمان.") == {}
    assert published("وأصدرت المنظمة الدولية للهجرة تقريرا يرصد أوضاع المهاجرين.") == {}
    assert published("وستصدر منظمة العمل الدولية تقريرا بعنوان \"العمل اللائق\" العام المقبل.") == {}


def test_an_organisation_launches_its_own_report_and_a_passive_names_the_publisher():
    assert published("وأطلقت اليونيسف تقريرها بعنوان \"أطفال على الطريق\" في جنيف.") == {"أطفال على الطريق": {"org/unicef"}}
    assert published("أكد تقرير صدر عن البنك الدولي بعنوان \"موجز التحويلات\"، أن التحويلات ارتفعت.") == {
        "موجز التحويلات": {"org/world-bank"}}
    # تقريرها with no publishing verb before it: whose report is not said here
    assert published("وأشارت المنظمة في تقريرها بعنوان \"أطفال على الطريق\" إلى المخاطر.") == {}


def test_a_secretary_general_report_with_a_symbol_is_left_to_the_citations():
    assert published("وقد أصدر الأمين العام تقريرا بعنوان \"الهجرة الدولية والتنمية\" (A/71/296).") == {}
