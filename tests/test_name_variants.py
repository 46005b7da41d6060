"""The name-variant grammar (lexicons/name_variants.toml, graph_builder.recognise.name_variants) on names
and sentences written for these tests: linkers, level phrases, topic order, scope adjectives and the
indefinite head a writer swaps; the names it must not generate; refused collisions; a malformed grammar.
The ``gazetteer`` and ``matcher`` fixtures (tests/conftest.py) are the project's real ones."""
import pytest

from graph_builder.recognise.gazetteer import GazetteerError, _check_variants, load_gazetteer
from graph_builder.recognise.name_variants import NameVariantError, load_grammar, name_variants


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


def keys(matcher, text):
    return {"/".join(m.entity.key) for m in matcher.find(text)}


@pytest.mark.parametrize("name,variant", [
    ("المنتدى العالمي المعني بالهجرة والتنمية", "المنتدى العالمي الخاص بالتنمية والهجرة"),    # linker + order
    ("المنتدى العالمي المعني بالهجرة والتنمية", "المنتدى الدولي في مجال الهجرة والتنمية"),    # scope + linker
    ("المنتدى العالمي المعني بالهجرة والتنمية", "المنتدى بشأن الهجرة والتنمية"),             # scope left out
    ("المنتدى العالمي المعني بالهجرة والتنمية", "منتدى عالمي معني بالهجرة والتنمية"),         # indefinite
    ("الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية", "الحوار عالي المستوى حول التنمية والهجرة الدولية"),
    ("الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية", "حوار رفيع المستوى بشأن الهجرة الدولية والتنمية"),
    ("اللجنة العالمية للهجرة الدولية", "اللجنة العالمية المعنية بالهجرة الدولية"),           # feminine agreement
    ("المنظمة الدولية للهجرة", "المنظمة الدولية الخاصة بالهجرة"),
])
def test_grammar_gives_the_variant(grammar, name, variant):
    assert variant in name_variants(name, grammar)


@pytest.mark.parametrize("name,not_variant", [
    ("الحوار الدولي بشأن الهجرة", "الحوار بشأن الهجرة"),                 # one topic: any dialogue
    ("اللجنة العالمية للهجرة الدولية", "اللجنة المعنية بالهجرة الدولية"),   # one topic (noun + adjective)
    ("المنتدى العالمي المعني بالهجرة والتنمية", "منتدى بشأن الهجرة والتنمية"),  # a bare indefinite head
    ("المنتدى العالمي المعني بالهجرة والتنمية", "المنتدى العالمي المعنية بالهجرة والتنمية"),  # agreement
    ("اللجنة العالمية للهجرة الدولية", "اللجنة العالمية المعني بالهجرة الدولية"),
])
def test_grammar_does_not_give(grammar, name, not_variant):
    assert not_variant not in name_variants(name, grammar)


def test_a_genitive_with_lam_is_not_a_topic(grammar):
    # للأمم المتحدة is a genitive of the head, not what the body works on
    assert name_variants("المفوضية السامية للأمم المتحدة لشؤون اللاجئين", grammar) == []


@pytest.mark.parametrize("text,expected", [
    ("واختتمت أمس أشغال المنتدى العالمي الخاص بالتنمية والهجرة في الرباط", "process/gfmd"),    # Maghrebi
    ("شارك الوفد في المنتدى الدولي في مجال الهجرة والتنمية المنعقد في دكا", "process/gfmd"),
    ("أمام الحوار عالي المستوى المعني بالهجرة الدولية والتنمية قال الوزير", "process/hld"),       # Levantine
    ("وفي كلمته أمام حوار رفيع المستوى بشأن الهجرة الدولية والتنمية في نيويورك", "process/hld"),  # UN style
])
def test_matcher_recognises_a_generated_variant(matcher, text, expected):
    assert expected in keys(matcher, text)


def test_generated_names_recognise_but_are_not_labels(gazetteer):
    gfmd = gazetteer.get("process", "gfmd")
    generated = gazetteer.variants[gfmd.key]
    assert "المنتدى العالمي الخاص بالتنمية والهجرة" in generated
    assert "المنتدى العالمي الخاص بالتنمية والهجرة" in gazetteer.arabic_names(gfmd)
    assert not set(generated) & {t for t, _ in gfmd.alt_labels}


def _entity(slug, ar, ar_alt=()):
    alt = ", ".join(f'"{a}"' for a in ar_alt)
    return (f'[[entity]]\nslug = "{slug}"\nkind = "process"\nclass = "GlobalProcess"\n'
            f'en = "{slug} en"\nar = "{ar}"\nar_alt = [{alt}]\n\n')


def test_a_variant_that_is_another_entitys_name_is_refused(tmp_path):
    (tmp_path / "processes.toml").write_text(
        _entity("forum-a", "المنتدى العالمي المعني بالهجرة والتنمية")
        + _entity("forum-b", "المنتدى الدولي بشأن الهجرة والتنمية"), encoding="utf-8")
    g = load_gazetteer(tmp_path, states=[])
    a, b = g.get("process", "forum-a"), g.get("process", "forum-b")
    assert "المنتدى الدولي بشأن الهجرة والتنمية" not in g.variants.get(a.key, ())
    refused = {name: set(claimants) for name, claimants in g.refused_variants}
    assert refused["المنتدى الدولي بشأن الهجرة والتنمية"] == {a.key, b.key}
    # a name both generate is refused for both
    assert "المنتدى حول الهجرة والتنمية" not in g.arabic_names(a) + g.arabic_names(b)


def test_a_name_shared_after_generation_stops_the_load_naming_both_slugs(tmp_path):
    (tmp_path / "processes.toml").write_text(_entity("forum-a", "المنتدى الأول") + _entity("forum-b", "المنتدى الثاني"),
                                             encoding="utf-8")
    g = load_gazetteer(tmp_path, states=[])
    a = g.get("process", "forum-a")
    with pytest.raises(GazetteerError, match=r"process/forum-a.*process/forum-b|process/forum-b.*forum-a"):
        _check_variants(g.entities, {a.key: ("المنتدى الثاني",)})


def test_a_malformed_grammar_names_its_file(tmp_path):
    bad = tmp_path / "name_variants.toml"
    bad.write_text('[[linker]]\nwords = "حول"\nglue = "x"\n', encoding="utf-8")
    with pytest.raises(NameVariantError, match="name_variants.toml"):
        load_grammar(bad)
    bad.write_text('level_groups = [\n', encoding="utf-8")
    with pytest.raises(NameVariantError, match="name_variants.toml"):
        load_grammar(bad)


@pytest.mark.parametrize("name,variant", [
    ("ستراسبورغ", "ستراسبورج"),          # Egyptian / Levantine ج for g
    ("هامبورغ", "هامبورج"),
    ("حوار أبو ظبي", "حوار أبوظبي"),      # joined
    ("حوار أبوظبي", "حوار أبو ظبي"),      # set apart
])
def test_regional_spellings(grammar, name, variant):
    from graph_builder.recognise.name_variants import spelling_variants
    assert variant in spelling_variants(name, grammar)


@pytest.mark.parametrize("name", ["بغداد", "برج", "أبوجا", "الهجرة"])
def test_no_spelling_variant_for_short_or_native_words(grammar, name):
    from graph_builder.recognise.name_variants import spelling_variants
    assert spelling_variants(name, grammar) == []


@pytest.mark.parametrize("text,expected", [
    ("وصل وزير الداخلية إلى ستراسبورج للمشاركة في دورة مجلس أوروبا", "place/strasbourg"),      # Egyptian
    ("بقصر الإمارات في أبوظبي انطلق اللقاء الوزاري", "place/abu-dhabi"),                       # Gulf
    ("انطلقت في جنيف أعمال المنتدى العالمي للاجئين بمشاركة وزراء", "process/global-refugee-forum"),
    ("دعت المبادرة الإقليمية للهجرة واللجوء واللاجئين دول البلقان", "process/marri"),
    ("تبنى الوزراء خطة عمل واغادوغو سنة 2006", "commitment/ouagadougou-action-plan"),
    ("وتنفيذا للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية", "commitment/gcm"),
])
def test_added_identities_are_recognised(matcher, text, expected):
    assert expected in keys(matcher, text)


def test_the_refugee_forum_is_not_the_gfmd(matcher):
    assert "process/gfmd" not in keys(matcher, "شاركت المملكة في المنتدى العالمي للاجئين بجنيف")


@pytest.mark.parametrize("text,expected", [
    ("شاركت جانا وأنجولا والسنجال في الاجتماع", {"state/GHA", "state/AGO", "state/SEN"}),   # Egyptian press
    ("وصل الوفد إلى التشاد ثم الجابون", {"state/TCD", "state/GAB"}),                       # Maghrebi article
])
def test_regional_state_spellings(matcher, text, expected):
    assert expected <= keys(matcher, text)


def test_an_arab_states_hard_g_is_never_rewritten(gazetteer, grammar):
    from graph_builder.recognise.name_variants import hard_g_variant
    assert hard_g_variant(gazetteer.get("state", "MAR"), "المغرب", grammar) is None
    assert hard_g_variant(gazetteer.get("place", "baghdad"), "بغداد", grammar) is None
    assert hard_g_variant(gazetteer.get("state", "GHA"), "غانا", grammar) == "جانا"


@pytest.mark.parametrize("text,expected", [
    ("انعقد الاجتماع الإقليمي في العاصمة الأردنية عمان أمس", "place/amman"),     # not Oman
    ("واختتمت بالعاصمة المصرية أعمال المؤتمر العربي", "place/cairo"),            # the capital unnamed
    ("وفي العاصمة القطرية الدوحة، انطلقت أشغال الندوة", "place/doha"),
    ("في العاصمة التونسية تونس", "place/tunis"),                                 # city named like its state
    ("عقد اللقاء في العاصمة التركية إسطنبول", "place/istanbul"),                 # the city the writer names
])
def test_the_capital_of_the_state_whose_nisba_follows(matcher, text, expected):
    assert expected in keys(matcher, text)
    assert "state/OMN" not in keys(matcher, text)


def test_no_capital_phrase_where_the_press_names_another_city(matcher):
    # the seat of Sri Lanka is Kotte, the press's capital Colombo: the phrase names no place by itself
    assert keys(matcher, "عقد في العاصمة السريلانكية (كولومبو)") >= {"place/colombo"}
    assert "place/sri-jayawardenepura-kotte" not in keys(matcher, "عقد في العاصمة السريلانكية أمس")


def test_an_office_named_by_a_person_noun_gets_no_linker_variants(grammar):
    # the press writes it as a person's title (read by the persons lexicons), not as a body
    assert name_variants("الممثلة الخاصة للأمين العام المعنية بالهجرة الدولية", grammar) == []
    assert name_variants("المقرر الخاص المعني بحقوق الإنسان للمهاجرين", grammar) == []


def test_every_capital_of_the_grammar_is_a_place_of_its_state(gazetteer, grammar):
    assert len(grammar.capital_of) > 180
    for iso, slug in grammar.capital_of:
        place = gazetteer.get("place", slug)
        assert ("inState", "state", iso) in place.links, (iso, slug)

