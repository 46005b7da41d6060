"""The topic names' variant grammar (recognise/topic_variants.py, lexicons/topic_variants.toml): a writer's wording
of a known topic that no ar_alt lists is recognised, on sentences written for these tests in several registers,
and the grammar's limits hold (a one-word name gets no variant, a construct keeps its definite genitive, a
generated name never moves a phrase to another topic)."""
from __future__ import annotations

import pytest

from graph_builder.recognise.gazetteer import _explicit_arabic
from graph_builder.recognise.topic_variants import TopicVariantError, load_grammar, topic_variants
from graph_builder.text.arabic import fold


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


def _topics(matcher, text: str) -> set[str]:
    return {m.entity.slug for m in matcher.find(text) if m.entity.kind == "topic"}


# --- the grammar on one name -------------------------------------------------------------------------------------


def test_the_preposition_and_the_object_of_trafficking_are_swapped(grammar):
    got = set(topic_variants("الاتجار بالأشخاص", grammar))
    assert {"الاتجار في البشر", "الاتجار بالبشر", "المتاجرة بالأفراد", "الاتجار في الأشخاص"} <= got


def test_the_adjectives_of_irregular_migration_by_gender_article_and_negation(grammar):
    got = set(topic_variants("الهجرة غير القانونية", grammar))
    assert {"الهجرة السرية", "هجرة غير نظامية", "الهجرة الغير شرعية", "الهجرة الغير النظامية"} <= got


def test_a_sound_plural_in_the_other_case_only_outside_a_construct(grammar):
    assert "العمال المهاجرون" in topic_variants("العمال المهاجرين", grammar)
    assert not any(v.endswith("المهاجرون") for v in topic_variants("حقوق العمال المهاجرين", grammar))


def test_a_conjunction_written_apart_and_the_conjuncts_swapped(grammar):
    got = set(topic_variants("العودة وإعادة الإدماج", grammar))
    assert {"العودة و إعادة الإدماج", "إعادة الإدماج والعودة", "العودة وإعادة الاندماج"} <= got


def test_a_one_word_name_gets_no_variant(grammar):
    assert topic_variants("الحوالات", grammar) == []
    assert topic_variants("الاندماج", grammar) == []


def test_a_construct_keeps_its_definite_genitive(grammar):
    assert "حماية حقوق" not in topic_variants("حماية الحقوق", grammar)


def test_a_synonym_group_with_a_context_applies_only_to_names_that_have_it(grammar):
    assert not any("الأشخاص" in v for v in topic_variants("حقوق المهاجرين", grammar))
    assert "تدبير الحدود" in topic_variants("إدارة الحدود", grammar)
    assert "تدبير السياسات" not in topic_variants("اتساق السياسات", grammar)


def test_a_bad_grammar_file_names_the_file(tmp_path):
    bad = tmp_path / "topic_variants.toml"
    bad.write_text('[[synonyms]]\nwords = ["وحيدة"]\n', encoding="utf-8")
    with pytest.raises(TopicVariantError, match="topic_variants.toml"):
        load_grammar(bad)


# --- in the gazetteer and the matcher ----------------------------------------------------------------------------


def test_no_generated_topic_name_is_another_entitys_name(gazetteer):
    explicit = {fold(n): e.key for e in gazetteer.entities for n in _explicit_arabic(e)}
    for e in gazetteer.entities:
        if e.kind != "topic":
            continue
        for v in gazetteer.variants.get(e.key, ()):
            assert explicit.get(fold(v), e.key) == e.key, (v, e.key, explicit.get(fold(v)))


@pytest.mark.parametrize("text, slug", [
    # Egyptian press
    ("وبحث الاجتماع سبل التصدي لظاهرة المتاجرة في البشر عبر الحدود.", "trafficking"),
    # Maghrebi press
    ("وتناول اللقاء تدبير الحدود وتسوية وضعية المهاجرين المقيمين بالمغرب.", "border-management"),
    ("وتناول اللقاء تدبير الحدود وتسوية وضعية المهاجرين المقيمين بالمغرب.", "regularization"),
    # Algerian press
    ("وتطرق الوزيران إلى ملف الهجرة الغير نظامية ومكافحة شبكات الحراقة.", "irregular-migration"),
    # Gulf press
    ("وناقش المشاركون الحوالات النقدية للمغتربين وكلفة إرسالها.", "remittances"),
    # Levantine press
    ("وركزت الندوة على استنزاف العقول من لبنان خلال العقد الأخير.", "brain-drain"),
    # UN style
    ("ويتناول الفرع الثالث العودة و إعادة الإدماج المستدامة للمهاجرين.", "return-reintegration"),
    # institutional pages (IOM, UNHCR): displacement and migration by their environmental cause
    ("وتدعم المنظمة الدول في مواجهة النزوح المناخي والهجرة البيئية في منطقة الساحل.", "climate-environment"),
    ("وتناولت الجلسة ربط العمل المناخي بحماية المجتمعات المعرضة للنزوح.", "climate-environment"),
])
def test_a_new_writers_wording_is_recognised(matcher, text, slug):
    assert slug in _topics(matcher, text)


def test_a_common_word_alone_is_not_a_topic(matcher):
    assert "integration-inclusion" not in _topics(matcher, "وأكد الوزير أن الإدماج في سوق الشغل أولوية.")
    assert "climate-environment" not in _topics(matcher, "وأشاد الوزير بتحسن المناخ الاستثماري وبيئة الأعمال في البلاد.")
    assert "remittances" not in _topics(matcher, "وأعلنت الحكومة عن التحويلات في الميزانية.")


# --- topics6: the unorganised migration of the Maghrebi press; the migrants' rights taken up by a pronoun ----------

@pytest.mark.parametrize("text, slug", [
    # Maghrebi press: غير المنظمة for irregular
    ("وأكد الوزير أن الصندوق موجه لمحاربة الهجرة غير المنظمة نحو الضفة الشمالية.", "irregular-migration"),
    # UN style: غير المنتظمة
    ("ويتناول الفصل الرابع الهجرة غير المنتظمة عبر البحر الأبيض المتوسط.", "irregular-migration"),
    # Levantine press: the rights taken up by a pronoun after a protecting noun
    ("ودعا المؤتمر إلى إدماج اللاجئين والحفاظ على حقوقهم في بلدان الاستقبال.", "human-rights"),
    # Gulf press
    ("وشدد البيان على صون حقوق المهاجرين وكرامتهم.", "human-rights"),
    # Egyptian press
    ("وأشاد الوزير بجهود الجمعيات في الدفاع عن حقوقهم أمام المحاكم.", "human-rights"),
    # Gulf press: the states that send workers
    ("وبحث الاجتماع التعاون مع الدول المصدرة للعمالة في آسيا.", "labour-mobility"),
])
def test_a_protecting_noun_and_an_unorganised_migration_are_recognised(matcher, text, slug):
    assert slug in _topics(matcher, text)


def test_rights_with_a_pronoun_and_no_protecting_noun_are_not_a_topic(matcher):
    # حقوقهم alone is any group's rights; an organised crime is no migration
    assert "human-rights" not in _topics(matcher, "وطالب النواب بحقوقهم في الميزانية الجديدة.")
    assert "irregular-migration" not in _topics(matcher, "وناقش الاجتماع الجريمة المنظمة عبر الحدود الوطنية.")
