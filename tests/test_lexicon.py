"""Lexicon classes (lexicons/*.toml): each class finds its forms in sentences of several registers."""
import pytest

from graph_builder.text.word_classes import LexiconError, load, phrases_for, slips_of
from graph_builder.text.tokens import tokenise

LEX = load()


def found(cls, text):
    toks = tokenise(text)
    return [(m.entry.written, toks.surface(m.i, m.j)) for m in LEX.find(toks, cls)]


def test_every_class_documents_itself():
    for cls in LEX.classes():
        assert LEX.docs[cls].strip(), cls


@pytest.mark.parametrize("text, written", [
    ("انطلقت أمس أعمال القمة التاسعة للمنتدى في دكا", "قمة"),                          # Gulf
    ("اختتمت بالرباط أشغال اللقاء الوزاري حول الهجرة", "اللقاء الوزاري"),                # Maghrebi
    ("شارك الوفد في الاجتماع التشاوري الإقليمي", "الاجتماع التشاوري"),                   # Levantine
    ("عقدت الدورة الحادية عشرة للمنتدى", "دورة"),                                       # UN
    ("نظمت الوزارة ورشة عمل حول استقدام العمالة المنزلية", "ورشة عمل"),                  # Gulf
    ("افتتح الوزير فعاليات الندوة الدولية حول الهجرة والمناخ", "ندوة"),                  # Algerian
    ("وفي المؤتمر الوزاري الإقليمي السادس", "المؤتمر الوزاري الإقليمي"),                   # communiqué
])
def test_meeting_nouns(text, written):
    assert written in [w for w, _ in found("meeting_noun", text)]


def test_meeting_noun_is_not_a_body_or_process():
    assert found("meeting_noun", "أنشأت اللجنة فريقا توجيهيا ضمن عملية بالي") == []


@pytest.mark.parametrize("text, written, future", [
    ("استضافت الفلبين الاجتماع الثاني", "استضافت", False),
    ("وستستضيف ألمانيا القمة العاشرة", "تستضيف", True),
    ("احتضنت العاصمة الجزائرية الندوة", "احتضنت", False),
    ("تحتضن بيروت المؤتمر الشهر المقبل", "تحتضن", False),
    ("عقد الاجتماع بضيافة الحكومة المكسيكية", "بضيافة", False),
    ("وباستضافتها للمنتدى أكدت", "باستضافة", False),
])
def test_host_verbs_in_every_form(text, written, future):
    toks = tokenise(text)
    ms = LEX.find(toks, "host_verb")
    assert ms and ms[0].entry.written == written
    assert ms[0].future is future


@pytest.mark.parametrize("text, written", [
    ("ترأس الاجتماع وزير الخارجية", "ترأس"),
    ("عقدت القمة برئاسة بنغلاديش", "برئاسة"),
    ("تولت المملكة رئاسة المنتدى", "رئاسة"),
    ("وتتولى رئاسة المنتدى للعام 2016 بنغلاديش", "تتولى رئاسة"),
    ("تحت الرئاسة المشتركة للمغرب وألمانيا", "تحت الرئاسة المشتركة"),
    ("المؤتمر الذي يترأسه بشكل مشترك البلدان", "يترأسه بشكل مشترك"),
])
def test_chair_verbs(text, written):
    assert written in [w for w, _ in found("chair_verb", text)]


def test_co_chair_feature():
    toks = tokenise("تحت الرئاسة المشتركة للمغرب وألمانيا")
    assert LEX.find(toks, "chair_verb")[0].feature("co") is True


@pytest.mark.parametrize("text", [
    "ومن المقرر أن يعقد الاجتماع في القاهرة",
    "المؤتمر المرتقب في بيروت",
    "الاجتماع المزمع عقده الشهر المقبل",
    "على أن تستضيف برلين القمة العاشرة",
])
def test_planned_markers(text):
    assert found("planned_marker", text)


@pytest.mark.parametrize("text", ["عرضت المكسيك استضافة الاجتماع الرابع",
                                  "أبدت سري لانكا استعدادها لاستضافة الاجتماع المقبل",
                                  "وأعرب عن استعداده لاستضافة الدورة القادمة"])
def test_offer_markers(text):
    assert found("offer_marker", text)


def test_relative_time_carries_its_offset():
    toks = tokenise("التقى الوزير أمس الأربعاء وفدا وسيعود الأسبوع المقبل")
    got = {m.entry.written: (m.feature("unit"), m.feature("offset")) for m in LEX.find(toks, "relative_time")}
    assert got == {"أمس": ("day", -1), "الأسبوع المقبل": ("week", 1)}


def test_negation_and_titles_and_roles():
    assert found("negation", "لم يعقد الاجتماع")
    assert [w for w, _ in found("title", "قالت السفيرة ريجين دي كليرك")] == ["السفيرة"]
    assert "وزير" in [w for w, _ in found("role", "صقر غباش وزير الموارد البشرية")]


def test_known_slips_are_data():
    assert "متدعي" in slips_of("منتدى")
    assert phrases_for("commitment.recommendation")


def test_malformed_lexicon_names_the_file(tmp_path):
    (tmp_path / "bad.toml").write_text('[c]\ndoc = "x"\n[c.entries]\n"قمة" = 3\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.toml"):
        load(tmp_path)
    (tmp_path / "bad.toml").write_text('[c\n', encoding="utf-8")
    load.cache_clear()
    with pytest.raises(LexiconError, match="bad.toml"):
        load(tmp_path)
    load.cache_clear()


@pytest.mark.parametrize("cls, text, written", [
    ("meeting_topic_cue", "وشهد الاجتماع خمس جلسات نوقشت خلالها إعادة إدماج العمالة العائدة", "نوقشت"),   # Gulf
    ("meeting_topic_cue", "وتمحورت أشغال اللقاء حول الهجرة غير النظامية", "تمحورت"),                      # Maghrebi
    ("other_subject_noun", "ويركز الإعلان على منع الهجرة غير النظامية", "الإعلان"),                        # UN
    ("other_subject_noun", "وناقش المشاركون سبل حماية المهاجرين", "المشاركون"),                            # Egyptian
])
def test_topic_cue_classes(cls, text, written):
    assert written in [w for w, _ in found(cls, text)]
