"""The linguistic layer: one sentence splitter, tokens with exact original offsets, clitic readings."""
from graph_builder.text.sentences import sentence_at, sentences
from graph_builder.text.tokens import Reading, analyses, tokenise


def test_sentences_split_at_stops_and_clauses_not_in_numbers_or_initials():
    text = "قال د. أحمد إن النسبة بلغت 2.5 في المئة. وأضاف؛ ثم انتهى الاجتماع! هل نجح؟ نعم"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["قال د. أحمد إن النسبة بلغت 2.5 في المئة.", "وأضاف؛", "ثم انتهى الاجتماع!", "هل نجح؟", "نعم"]
    strong = [text[s:e] for s, e in sentences(text, clauses=False)]
    assert "وأضاف؛ ثم انتهى الاجتماع!" in strong
    s, e = sentence_at(text, text.index("انتهى"))
    assert text[s:e] == "ثم انتهى الاجتماع!"


def test_token_offsets_point_at_the_printed_characters():
    text = "استضافـت  المملكةُ المغربية «القمة» يوم 2016-12-10، بمشاركة ١٢٥ دولة."
    toks = tokenise(text)
    words = [toks.text[t.start:t.end] for t in toks]
    assert words[0] == "استضافـت"                 # tatweel kept in the span, folded in norm
    assert toks[0].norm == "استضافت"
    assert "المملكةُ" in words                    # the case vowel belongs to its letter
    assert "2016-12-10" in words
    num = next(t for t in toks if t.kind == "number" and t.norm == "125")
    assert text[num.start:num.end] == "١٢٥"
    assert [t.kind for t in toks][-1] == "punct"


def test_tokens_know_their_sentence():
    toks = tokenise("عقد الاجتماع في جنيف. وسيعقد الاجتماع المقبل في القاهرة")
    assert {t.sent for t in toks if t.norm in ("جنيف",)} == {0}
    assert {t.sent for t in toks if t.norm in ("القاهره",)} == {1}


def test_proclitic_readings():
    assert Reading("ل", "المنظمه") in analyses("للمنظمه")          # لل: article restored
    assert Reading("وب", "التعاون") in analyses("وبالتعاون")
    assert Reading("وس", "تستضيف") in analyses("وستستضيف")        # future سـ before an imperfect
    assert Reading("س", "يعقد") in analyses("سيعقد")
    assert analyses("وزير")[0] == Reading("", "وزير")               # the bare word is read first
    assert not any(r.pro == "س" for r in analyses("سفير"))         # س before ف is not the future prefix


def test_enclitic_readings_restore_ta_marbuta():
    assert Reading("", "استضافت", "ه") in analyses("استضافته")
    assert Reading("ب", "رياسه", "ها") in analyses("برياستها")      # برئاستها: ta marbuta before ها
    assert Reading("", "مشاركت", "هم") in analyses("مشاركتهم")


def test_slips_are_readings_not_rewrites():
    rs = analyses("للمتدعي", (("متدعي", "منتدي"),))
    assert Reading("ل", "المنتدي") in rs or Reading("ل", "منتدي") in rs or any(r.stem.endswith("منتدي") for r in rs)
    toks = tokenise("الاجتماع الأول للمتدعى")
    assert toks.surface(2, 3) == "للمتدعى"


def test_token_range_of_a_character_span():
    text = "عقد الاجتماع في جنيف. وسيعقد المقبل في القاهرة"
    toks = tokenise(text)
    i, j = toks.token_range(0, text.index("."))
    assert [t.norm for t in toks.tokens[i:j]] == ["عقد", "الاجتماع", "في", "جنيف"]
