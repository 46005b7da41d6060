"""The mention matcher on real report text and on constructed cases (fixture gazetteer)."""
import time

import pytest
from hypothesis import given, settings, strategies as st

from gold_facts import real_matcher
from graph_builder.text.corpus import read_corpus
from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.recognise.matcher import Matcher, mentions_in
from graph_builder.review.mention_view import entity_counts, render_mentions

from entity_fixtures import CORPUS, write_gazetteer


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    return Matcher(load_gazetteer(write_gazetteer(tmp_path_factory.mktemp("gaz"))))


@pytest.fixture(scope="module")
def documents():
    return {d.slug[:4]: d for d in read_corpus(CORPUS)}


def found(matcher, text, previous=()):
    return [(m.surface, f"{m.entity.kind}/{m.entity.slug}") for m in matcher.find(text, previous)]


def test_real_paragraph_states_places_and_ocr_variant(matcher, documents):
    text = documents["2008"].paragraph(2).text
    got = found(matcher, text)
    assert ("بلجيكا", "state/BEL") in got                  # حكومة بلجيكا, twice
    assert got.count(("بلجيكا", "state/BEL")) == 2
    assert ("بروكسل", "place/brussels") in got
    assert ("مانابلا", "place/manila") in got               # the README's OCR slip, an ar_alt variant
    assert ("الفلبين", "state/PHL") in got                 # حكومة الفلبين
    assert ("المنتدى العالمي المعني بالهجرة والتنمية", "process/gfmd") in got


def test_proclitics_are_outside_the_span(matcher):
    cases = {
        "وللمنظمة الدولية للهجرة مكتب": ("لمنظمة الدولية للهجرة", "org/iom"),
        "تقديرهم للمنظمة الدولية للهجرة": ("لمنظمة الدولية للهجرة", "org/iom"),
        "بالمنظمة الدولية للهجرة": ("المنظمة الدولية للهجرة", "org/iom"),
        "وبالمنظمة الدولية للهجرة": ("المنظمة الدولية للهجرة", "org/iom"),
        "الاتفاقية رقم 181 لمنظمة العمل الدولية.": ("منظمة العمل الدولية", "org/ilo"),
        "والاجتماعية، ومنظمة العمل الدولية،": ("منظمة العمل الدولية", "org/ilo"),
        "أصدرت الإسكوا تقريراً": ("الإسكوا", "org/escwa"),
        "للإسكوا": ("لإسكوا", "org/escwa"),
        "المنظمة الدولية للهجرة واليونيسيف والبنك": ("اليونيسيف", "org/unicef"),
        "وسويسرا": ("سويسرا", "state/CHE"),
    }
    for text, expected in cases.items():
        assert expected in found(matcher, text), text


def test_no_article_is_dropped_or_added(matcher):
    assert found(matcher, "منظمة الدولية للهجرة") == []          # not Arabic for the IOM
    assert found(matcher, "المنظمة العمل الدولية") == []         # article added to a construct
    assert found(matcher, "لالمنظمة الدولية للهجرة") == []       # ل before ال is written لل


def test_word_boundaries(matcher):
    assert found(matcher, "وإقامة الشركات") == []
    assert found(matcher, "بلجيكاوية بلجيكاتي") == []            # a longer word that contains a name
    assert found(matcher, "ابلجيكا") == []                      # not a proclitic
    assert found(matcher, "xبروكسل") == []
    assert found(matcher, "(بروكسل)") == [("بروكسل", "place/brussels")]


def test_latin_acronyms_are_whole_tokens(matcher):
    assert found(matcher, "المنظمة (IOM) و ILO.") == [("IOM", "org/iom"), ("ILO", "org/ilo")]
    assert found(matcher, "IOMX xIOM iom BIOM") == []
    assert found(matcher, "وIOM") == []


def test_state_adjectives(matcher):
    assert found(matcher, "بدعوة من الحكومة السويسرية.") == [("السويسرية", "state/CHE")]
    assert found(matcher, "والوفد الفلبينية") == [("الفلبينية", "state/PHL")]
    assert found(matcher, "السويسريات") == []


def test_longest_match_wins(matcher):
    got = found(matcher, "بالنيابة عن المفوضية الأوروبية وبالتعاون", [])
    assert got == [("المفوضية الأوروبية", "org/european-commission")]


def test_ambiguous_short_forms_follow_the_nearest_full_mention(matcher):
    ohchr = "مفوضية الأمم المتحدة السامية لحقوق الإنسان"
    unhcr = "مفوضية الأمم المتحدة لشؤون اللاجئين"
    text = f"تعمل {unhcr} مع {ohchr}. وتتعاون المفوضية مع الشركاء."
    got = found(matcher, text)
    assert got[-1] == ("المفوضية", "org/ohchr")
    text = f"تعمل {ohchr} مع {unhcr}. وتتعاون المفوضية مع الشركاء."
    assert found(matcher, text)[-1] == ("المفوضية", "org/unhcr")
    # no preceding full mention: left out
    assert found(matcher, "وتتعاون المفوضية مع الشركاء.") == []
    # a full mention in an earlier paragraph of the same scope
    iom = load_entity(matcher, "org", "iom")
    assert found(matcher, "ووقعت اللجنة مع المنظمة مذكرة", [iom]) == [("المنظمة", "org/iom")]
    # an adjective after a definite noun is not the short form
    assert found(matcher, "الجريمة المنظمة", [iom]) == []
    # … but after a name (the verb's subject) it is the verb's object (UN register: أقرت الجمعية العامة الاتفاق)
    assert ("المنظمة", "org/iom") in found(matcher, "ودعمت المفوضية الأوروبية المنظمة في برامجها.", [iom])
    assert found(matcher, "ودعمت الحكومة المنظمة في برامجها.", [iom]) == []


def load_entity(matcher, kind, slug):
    return matcher.gazetteer.get(kind, slug)


def test_fuzzy_matching_is_bounded(matcher):
    assert found(matcher, "(\"عملية بويلا\")") == [("بويلا", "process/puebla-process")]
    assert found(matcher, "وتمكنت عملية بوييلا أيضا") == [("بوييلا", "process/puebla-process")]
    # negatives: a short name is never matched fuzzily; a real word near a name is not a slip
    assert found(matcher, "عملية ليمبا") == []                    # ليما has 4 letters
    assert found(matcher, "وكلف خبيرا سويسريا بإجراء") == []       # an adjective, not سويسرا misspelt
    assert found(matcher, "في ألمانيا") == [("ألمانيا", "state/DEU")]
    assert found(matcher, "مانيكو") == []                         # two edits from مانيلا
    assert found(matcher, "تانيلا") == []                         # first letter differs


def test_publications_and_persons_from_text(matcher):
    text = 'أصدرت الإسكوا تقريراً بعنوان "الهجرة الدولية والتنمية" (E/ESCWA/SDD/2007/2) أوردت فيه'
    pubs = [m for m in matcher.find(text) if m.entity.kind == "publication"]
    assert len(pubs) == 1
    pub = pubs[0].entity
    assert pubs[0].surface == "E/ESCWA/SDD/2007/2"
    assert pub.notations == ("E/ESCWA/SDD/2007/2",) and pub.label_ar == "الهجرة الدولية والتنمية"
    assert pub.from_text and pub.cls == "Publication" and pub.slug == "e-escwa-sdd-2007-2"
    other = matcher.find("انظر الوثيقة A/65/203 والقرار (A/RES/61/208)")
    # a resolution symbol is no publication: it is the resolution the commitment rules name (a citation)
    assert [(m.surface, m.entity.kind, m.entity.label_ar) for m in other] == [
        ("A/65/203", "publication", "A/65/203"), ("A/RES/61/208", "commitment", "قرار الجمعية العامة 61/208")]
    people = found(matcher, "وافتتح السفير إدوارد غنسا، المناقشة. وقال السيد غنسا إن")
    assert [s for s, _ in people] == ["إدوارد غنسا", "غنسا"]
    assert found(matcher, "السفير الخاص للتعاون الدولي") == []
    assert [s for s, _ in found(matcher, "وأشار السيد ساذرلاند الضوء على")] == ["ساذرلاند"]
    assert [s for s, _ in found(matcher, "وذكرت السيدة موفو كينغ أن مسألة")] == ["موفو كينغ"]


@pytest.mark.timing  # wall-clock bound: runs alone
def test_mentions_in_documents(matcher, documents):
    started = time.perf_counter()
    all_mentions = {k: mentions_in(d, matcher) for k, d in documents.items()}
    elapsed = time.perf_counter() - started
    print(f"mentions_in both reports: {elapsed:.2f} s, "
          f"{sum(map(len, all_mentions.values()))} mentions")
    assert elapsed < 5
    for ms in all_mentions.values():
        for m in ms:
            text = m.source.heading if hasattr(m.source, "heading") else m.source.text
            assert text[m.start:m.end] == m.surface
    ms = all_mentions["2011"]
    persons = {m.entity for m in ms if m.entity.kind == "person"}
    gnesa = [e for e in persons if e.label_ar == "إدوارد غنسا"]
    assert len(gnesa) == 1
    assert sum(1 for m in ms if m.entity == gnesa[0]) >= 4          # surname-only references unified
    sources = {type(m.source).__name__ for m in all_mentions["2008"]}
    assert {"Paragraph", "Section"} <= sources
    text = render_mentions(documents["2008"], all_mentions["2008"], paragraph=2)
    assert "⟦مانابلا⟧{place/manila}" in text and text.startswith("¶ 2")
    counts = dict(entity_counts(all_mentions["2011"]))
    assert counts[load_entity(matcher, "state", "CHE")] >= 30


NAMES = ["المنظمة الدولية للهجرة", "منظمة العمل الدولية", "بلجيكا", "الفلبين", "الإسكوا", "بروكسل", "IOM",
         "الحكومة السويسرية", "مانيلا"]
FILLER = st.text(alphabet=st.sampled_from(list("ابتسلمنوفكي ،.()\u064e\u0640\u00a0\n-٣x")), max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FILLER, st.sampled_from(NAMES)), min_size=1, max_size=5), FILLER)
def test_offsets_select_exactly_the_surface(matcher, parts, tail):
    text = "".join(f + n for f, n in parts) + tail
    ms = matcher.find(text)
    last = 0
    for m in ms:
        assert text[m.start:m.end] == m.surface and m.surface.strip() == m.surface and m.surface
        assert m.start >= last
        last = m.end
    spaced = " ، ".join(n for _, n in parts)      # a name set off by spaces and commas is always found
    expected = [n.split()[-1] if n.startswith("الحكومة") else n for _, n in parts]
    assert [m.surface for m in matcher.find(spaced)] == expected


def test_short_forms_after_prepositions_and_particles(matcher):
    gfmd = load_entity(matcher, "process", "gfmd")
    got = found(matcher, "وعقد الاجتماع الأول للمنتدى في بروكسل وقدم تقريره إلى المنتدى.", [gfmd])
    assert got == [("لمنتدى", "process/gfmd"), ("بروكسل", "place/brussels"), ("المنتدى", "process/gfmd")]


def test_titles_with_proclitics(matcher):
    assert [s for s, _ in found(matcher, "فسويسرا ممتنة للسير بيتر ساذرلاند، الممثل الخاص")] == \
        ["سويسرا", "بيتر ساذرلاند"]
    assert [s for s, _ in found(matcher, "وتناول السيد كاليباتا بالتفصيل أن")] == ["كاليباتا"]


def test_real_gazetteer_cases():
    real = real_matcher()
    cases = {
        "بدعوة من الحكومة السويسرية.": [("السويسرية", "state/CHE")],
        "مؤتمر الإقليمي للهجرة (\"عملية بويلا\") على": [("عملية بويلا", "process/puebla-process")],
        "(\"عملية ليمبا\")": [("عملية ليمبا", "process/lima-process")],
        "وسيعقد الاجتماع في مانابلا": [("مانابلا", "place/manila")],
        "أصدرت الإسكوا تقريراً": [("الإسكوا", "org/escwa")],
        "تقديرهم للمنظمة الدولية للهجرة": [("لمنظمة الدولية للهجرة", "org/iom")],
        "وإقامة الشركات": [],
    }
    for text, expected in cases.items():
        got = [(m.surface, f"{m.entity.kind}/{m.entity.slug}") for m in real.find(text)
               if m.entity.kind != "topic"]
        assert got == expected, text
