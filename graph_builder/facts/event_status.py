"""Whether a meeting named in a clause took place, is planned, or was only offered, as of the text's date.

:func:`clause_status` reads the tokens of one sentence around a meeting reference and returns
``"planned"`` when a planned-event marker governs it (``من المقرر``, ``المرتقب``, ``المزمع``, ``على أن``),
when its verb is in the future (``سيعقد``, ``ستستضيف``, ``سوف``), when a marker of the coming
period follows the meeting (``القمة المقبلة``, ``الأسبوع المقبل``), or when its date is after the
document's date; else ``"held"``. :func:`offered` says whether a hosting verb is the object of an
offer (``عرضت استضافة``, ``أبدت استعدادها لاستضافة``). :func:`document_day` is the document's date.

The words are lexicon classes (``planned_marker``, ``offer_marker``, ``relative_time``,
``negation`` in ``lexicons/modality.toml``). It makes no facts.
"""
from __future__ import annotations

from datetime import date

from ..text.tokens import Tokens
from ..text.word_classes import load

PLANNED, HELD, UNKNOWN = "planned", "held", "unknown"
OFFER_WINDOW = 5            # tokens between an offer word and the hosting noun/verb it governs
AFTER_WINDOW = 4            # tokens after a meeting noun in which المقبل/القادم qualifies it
APPOSITION_WINDOW = 10      # … or, set off by a comma, المزمع عقده / المقرر عقده


def document_day(document) -> date | None:
    """The document's date (``Document.date``, ISO), None when unknown or partial."""
    d = getattr(document, "date", "") or ""
    try:
        return date.fromisoformat(d[:10]) if len(d) >= 10 else None
    except ValueError:
        return None


def _sentence_bounds(toks: Tokens, i: int) -> tuple[int, int]:
    n = toks.tokens[i].sent
    lo = i
    while lo > 0 and toks.tokens[lo - 1].sent == n:
        lo -= 1
    hi = i
    while hi + 1 < len(toks.tokens) and toks.tokens[hi + 1].sent == n:
        hi += 1
    return lo, hi + 1


def _qualifies_other(toks: Tokens, m, lo: int, anchor: int) -> bool:
    """A marker that follows a noun (``المقبلة``) written before the meeting qualifies that noun (اختيار الإمارات
    رئيسا للدورة المقبلة خلال اجتماع عقدته …: the next term, not the meeting), when a past held verb of
    the meeting comes after the meeting's name."""
    if not m.feature("follows") or m.i - 1 < lo or toks.tokens[m.i - 1].kind != "word":
        return False
    lex = load()
    return any(vm.feature("tense") == "past" for vm in lex.find(toks, "held_verb", anchor, min(len(toks.tokens), anchor + 4)))


def clause_status(toks: Tokens, ref_tok: int, verb_tok: int | None = None, dates=(), doc_day: date | None = None) -> str:
    """``"planned"``, ``"held"`` or ``"unknown"`` for the meeting whose name starts at token ``ref_tok``.

    Held needs evidence: a past held/hosting/chairing/participation verb in the sentence, a date of
    the meeting on or before the document's date, or a past relative time word (أمس، الماضي).

    ``verb_tok`` is the token of the verb that governs the meeting when the caller knows it;
    ``dates`` are the meeting's own dates (``values.DateMatch``) compared with ``doc_day``."""
    lex = load()
    lo, hi = _sentence_bounds(toks, ref_tok)
    anchor = min(ref_tok, verb_tok) if verb_tok is not None else ref_tok
    for m in lex.find(toks, "planned_marker", lo, hi):
        if m.i < anchor and not _past_verb_between(toks, m.j, anchor) and not _qualifies_other(toks, m, lo, anchor):
            return PLANNED
        if ref_tok < m.i <= ref_tok + AFTER_WINDOW and m.feature("follows") and not _other_meeting(toks, ref_tok, m.i):
            return PLANNED           # (اجتماعا تحضيريا للقمة المقرر عقدها: the summit's, not the preparatory meeting's)
        if ref_tok < m.i <= ref_tok + APPOSITION_WINDOW and m.feature("follows") and toks.tokens[m.i - 1].norm == "," \
                and not _other_meeting(toks, ref_tok, m.i):
            return PLANNED           # مؤتمر وطني للكفاءات العراقية في الخارج، المزمع عقده في بغداد
        if ref_tok < m.i <= ref_tok + APPOSITION_WINDOW and m.feature("clause") and not any(
                lex.is_a(toks, k, "meeting_noun") for k in range(ref_tok + 1, m.i)):
            return PLANNED           # مؤتمر الاستعراض الإقليمي الثاني في المنطقة العربية المزمع عقده بالقاهرة
    for m in lex.find(toks, "offer_marker", max(lo, ref_tok - OFFER_WINDOW - 2), ref_tok):
        if not m.feature("weak"):
            return PLANNED           # عرضت المكسيك استضافة الاجتماع الرابع: offered, not held
    for m in lex.find(toks, ("host_verb", "held_verb", "chair_verb", "participate_verb"), max(lo, anchor - 6),
                      min(hi, ref_tok + 2)):
        if m.future:
            return PLANNED
    if verb_tok is not None:
        vm = lex.match_at(toks, verb_tok)
        if any(x.future for x in vm):
            return PLANNED
    for m in lex.find(toks, ("held_verb", "host_verb"), max(lo, ref_tok - HELD_BEFORE_WINDOW), ref_tok):
        if m.feature("tense") == "past" and not m.feature("weak"):
            return HELD                 # وعقد الاجتماع …, انطلقت اليوم في جنيف أعمال المنتدى …: it took place (began),
                                        # whatever the dates (… الذي يستمر حتى 18 ديسمبر)
    for m in lex.find(toks, "relative_time", lo, hi):
        if (m.feature("offset") or 0) > 0 and abs(m.i - ref_tok) <= 12:
            return PLANNED
    if doc_day is not None:
        for d in dates:
            if d.start_date is not None and d.precision in ("day", "month") and d.start_date > doc_day:
                return PLANNED
    for m in lex.find(toks, ("held_verb", "host_verb", "chair_verb", "participate_verb"), lo, hi):
        if m.feature("tense") == "past" and not m.future and not m.feature("weak"):
            return HELD
    if (doc_day is not None or not dates) and any(_convened(toks, m, ref_tok) for m in lex.find(toks, "held_verb", ref_tok, hi)):
        return HELD                     # المؤتمر المنعقد في بالي: convened as of the text's date (planned is المزمع عقده);
                                        # an undated text with no date of the meeting: convened as it writes
    if doc_day is not None and any(d.start_date is not None and d.start_date <= doc_day for d in dates):
        return HELD
    if any((m.feature("offset") or 0) < 0 or m.feature("unit") == "day" for m in lex.find(toks, "relative_time", lo, hi)):
        return HELD
    return UNKNOWN


def _other_meeting(toks: Tokens, ref_tok: int, k: int) -> bool:
    """Another meeting noun between the meeting at ``ref_tok`` and token ``k`` (``اجتماعا تحضيريا للقمة العربية
    المقرر …``): a marker at ``k`` qualifies that one."""
    lex = load()
    return any(lex.is_a(toks, x, "meeting_noun") is not None for x in range(ref_tok + 1, k))


def opened(toks: Tokens, ref_tok: int) -> bool:
    """A past held or hosting verb (not weak) right before the meeting at ``ref_tok`` governs it (``انطلقت أمس أعمال
    الاجتماع``, ``تم افتتاح المنتدى``): the text reports that meeting itself taking place, not a past verb of something
    else in its sentence (``شارك في التحضير للاجتماع الثاني``)."""
    lo, _ = _sentence_bounds(toks, ref_tok)
    return any(m.feature("tense") == "past" and not m.future and not m.feature("weak")
               for m in load().find(toks, ("held_verb", "host_verb"), max(lo, ref_tok - HELD_BEFORE_WINDOW), ref_tok))


HELD_BEFORE_WINDOW = 6      # tokens from a past held verb to the meeting it governs (a day and a place between)
CONVENED_WINDOW = 3         # tokens from a meeting's name to the participle that says it is convened


def _convened(toks: Tokens, m, ref_tok: int) -> bool:
    """A held participle right after the meeting's name (``المؤتمر المنعقد``, ``الدورة المعقودة حاليا``): the text
    reports the meeting as convened at its date. Not a verbal noun (``انعقاد``), nor a participle further on
    (another meeting's)."""
    return m.feature("tense") == "participle" and not m.future and (
        m.i - ref_tok <= CONVENED_WINDOW     # … or set off by a comma after the name (قمة قادة دول الاتحاد، المنعقدة في …)
        or (m.i - ref_tok <= APPOSITION_WINDOW and toks.tokens[m.i - 1].norm == ","))


def _past_verb_between(toks: Tokens, i: int, j: int) -> bool:
    """A past held/hosting verb between tokens i and j ends the planned marker's reach
    (``من المقرر أن … ، وقد عقدت …``)."""
    lex = load()
    for m in lex.find(toks, ("held_verb", "host_verb"), i, j):
        if m.feature("tense") == "past" and not m.future and _comma_before(toks, m.i, i):
            return True
    return False


def _comma_before(toks: Tokens, k: int, floor: int) -> bool:
    return any(toks.tokens[x].norm in (",", ";") for x in range(floor, k))


def offered(toks: Tokens, verb_tok: int) -> bool:
    """The hosting word at ``verb_tok`` is what an actor offered (``عرضت … استضافة``, ``استعدادها لاستضافة``)."""
    lex = load()
    lo, _ = _sentence_bounds(toks, verb_tok)
    for m in lex.find(toks, "offer_marker", max(lo, verb_tok - OFFER_WINDOW), verb_tok):
        if not m.feature("weak"):
            return True
    return False


def negated(toks: Tokens, verb_tok: int) -> bool:
    """A negation right before the verb (``لم يعقد``, ``لن تستضيف``, ``ألغيت``)."""
    lo, _ = _sentence_bounds(toks, verb_tok)
    return bool(load().find(toks, "negation", max(lo, verb_tok - 2), verb_tok))
