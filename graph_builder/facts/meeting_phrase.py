"""The meeting noun-phrase grammar: what a meeting noun and the modifiers a writer puts after it name.

A meeting noun (lexicon class ``meeting_noun``) is read with the modifiers that follow it, in any order a
writer uses them (word classes in ``lexicons/classes/meeting_phrase.toml`` and ``events.toml``):

* qualifiers and scope words (``الوزاري``، ``الإقليمي``، ``رفيع المستوى``، ``تشاوريا``);
* an ordinal (``الرابع عشر``، ``ال15``، ``رقم 3``، ``العادية 325``) or an edition (``في نسخته الثانية``);
* who meets (``لوزراء خارجية الدول الأعضاء في``، ``لخبراء``), skipped on the way to the owner;
* the owner: the process, body or organisation whose meeting it is, after ل/لل/من, in quotes or brackets
  (``لحوار "5 + 5"``، ``(حوار 5+5 )``); or a body the gazetteer lacks, named by its own words after ل
  (``لمجلس إدارة المعهد التدريبي …``، ``للجنة المشتركة من خبراء …``: class ``meeting_owner_noun``);
* who meets, after ``بين`` (``اجتماع مشترك بين الدول الأفريقية والاتحاد الأوروبي``): its states, organisations
  and bodies, up to the comma;
* a topic (``حول الهجرة والتنمية``، ``المعني بالهجرة الدولية``), a place (``في/ب`` + city) and a year
  (``عام 2009``، ``(2011)``، or the bare year after a city: ``منتدى إسطنبول 2015``);
* a held clause set off after the phrase that gives the place (``، المعقود في ليما``، ``، الذي عقد في المغرب``،
  ``، عقد في طرابلس``): a past verb or a participle, never a present or future one; the phrase keeps where the
  clause ends (``Phrase.held_end``: past its dates, organiser and partners), so a rule tells a date of the clause
  from one of the main verb after it.

:func:`read` returns a :class:`Phrase`: the tokens it spans and what each modifier gave. :func:`owner_key`
makes the stable key of a meeting of an unnamed body (its words and its ordinal), so the same meeting
named the same way in two texts gets one IRI.

It does not decide whether the text reports the phrase as an event (held, planned, taken part in): the
rules (``written_meetings.py``) do, nor does it read anything outside the phrase (dates, hosts and places
elsewhere in the sentence are ``meeting_setting.py``'s).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.tokens import Tokens, strip_article
from ..text.word_classes import load
from .meeting_setting import after, dates_of, mention_at, place_at
from .minting import translit

PHRASE_REACH = 16            # tokens after the meeting noun the phrase may span
OWNER_WORDS = 8              # words of an unnamed body's own name
KEY_WORDS = 5                # of them, the words its key is made of
_QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "(", ")"})
_STOP = frozenset({"الذي", "التي", "والذي", "والتي", "الذين", "منذ", "خلال", "يوم", "يومي", "على", "مع", "بين",
                   "وذلك", "عن", "الى", "الي", "لمده", "بمشاركه", "بحضور", "برئاسه", "تحت", "حيث", "وقد", "كما"})
_OWNER_KINDS = ("process", "body", "org")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Phrase:
    """A meeting noun phrase: tokens [head, end) and what its modifiers name."""

    head: int
    end: int
    ordinal: int | None = None
    ordinal_at: int | None = None        # the ordinal's first token
    owner: object = None                 # the process/body/organisation (entity) whose meeting it is
    owner_end: int = 0                   # the token after the owner's name
    owner_words: tuple = ()              # tokens of an unnamed body's name (after ل)
    place: object = None                 # place entity written in the phrase
    year: int | None = None
    topic: tuple = ()                    # tokens of the topic after حول/بشأن/المعني ب
    scope: tuple = ()                    # tokens of qualifier and scope words
    members: tuple = ()                  # states, organisations and bodies that meet (بين X و Y)
    held_end: int | None = None          # the token after a held clause set off after the phrase that gave its place
                                         # (، المعقود في ليما يوم 4 مايو 2031: its dates and organiser are in it)

    @property
    def held(self) -> bool:
        """A held clause after the phrase gave its place."""
        return self.held_end is not None


def _ordinal_at(toks: Tokens, k: int, ordinals: dict):
    o = ordinals.get(k)
    if o is None:
        return None, k
    j = k
    while j < len(toks.tokens) and toks.tokens[j].start < o.end:
        j += 1
    return o.value, j


def _lam_before(toks: Tokens, mention) -> bool:
    """The mention's token carries the preposition ل before it (لـ، لل، ول، ولل)."""
    t = toks.tokens[toks.index_at(mention.start)]
    return toks.text[t.start:mention.start] in ("ل", "لل", "ول", "ولل")


def _words_until_stop(toks: Tokens, k: int, hi: int, limit: int) -> tuple:
    """Tokens from ``k`` that go on a name or a topic: words, not punctuation, a relative pronoun, a
    held/hosting verb, a time word, a meeting noun, a place after في/ب or a number."""
    lex = load()
    out = []
    while k < hi and len(out) < limit:
        t = toks.tokens[k]
        if t.kind != "word" or t.norm in _STOP or lex.is_a(toks, k, "held_verb") or lex.is_a(toks, k, "host_verb") \
                or lex.is_a(toks, k, "relative_time") or lex.is_a(toks, k, "meeting_noun") \
                or lex.is_a(toks, k, "participate_verb") or lex.is_a(toks, k, "chair_verb") \
                or mention_at(toks, k, ("place", "person", "state")) is not None \
                or (t.norm in ("في", "ب") and k + 1 < hi and mention_at(toks, k + 1, ("place",)) is not None):
            break
        out.append(k)
        k += 1
    return tuple(out)


def _before_name(toks: Tokens, k: int, hi: int) -> int:
    """The token where a name begins after who meets: quotation marks, words in Latin letters and أو may stand
    before it (``اجتماع دول “Bali Process” أو “عملية بالي”``), unless a process is named in them."""
    while k < hi and (toks.tokens[k].norm in _QUOTES or toks.tokens[k].norm == "او"
                      or (toks.tokens[k].kind == "word" and not any("\u0600" <= c <= "\u06ff" for c in toks.tokens[k].norm))):
        if mention_at(toks, k, ("process",)) is not None:
            break
        k += 1
    return k


def _owning_process(entity, matcher):
    """The process a body belongs to (the gazetteer's ``bodyOf`` link: المجموعة التوجيهية → عملية بالي), else the
    entity itself: the meeting of a process's body is the process's meeting."""
    gaz = getattr(matcher, "gazetteer", None)
    if entity.kind != "body" or gaz is None:
        return entity
    for rel, kind, slug in entity.links:
        if rel == "bodyOf" and kind == "process":
            try:
                return gaz.get("process", slug)
            except KeyError:
                return entity
    return entity


def _unquoted_owner(toks: Tokens, k: int, hi: int, matcher):
    """(process, token after its name) when the words from token ``k`` with the quotation marks a writer set
    inside a name taken out (``لحوار "5 + 5"``، ``دول «حوار 5+5»``) name a known process; else None."""
    if matcher is None or toks.tokens[k].kind != "word":
        return None
    last = min(hi, k + 10)
    pieces, ends = [], []
    for x in range(k, last):
        t = toks.tokens[x]
        if t.norm in (",", ".", ";", ":"):
            break
        if t.norm not in _QUOTES:
            pieces.append(toks.text[t.start:t.end])
        ends.append((len(" ".join(pieces)), x + 1))
    text = " ".join(pieces)
    if not any(toks.tokens[x].norm in _QUOTES for x in range(k, min(last, k + 4))):
        return None
    for mention in matcher.find(text, ()):
        if mention.start <= 3 and mention.entity.kind == "process":
            end = next((x for n, x in ends if n >= mention.end), None)
            if end is not None:
                while end < hi and toks.tokens[end].norm in _QUOTES:
                    end += 1
                return mention.entity, end
        break
    return None


_SITE = frozenset({"مدينه", "العاصمه", "عاصمه", "المدينه"})


def _place_at(toks: Tokens, k: int, hi: int):
    """(place, token after it) for ``في/ب`` + city at token ``k``, a site noun allowed between (``بمدينة مراكش``,
    ``في العاصمة فاليتا``); else None."""
    t = toks.tokens[k]
    pm = place_at(toks, k)                              # بتونس: the capital a state's name also names
    if pm is not None and t.norm.startswith("ب") and pm.start > t.start:
        return pm.entity, after(toks, pm)              # بفاليتا
    x = k + 1                                           # في فاليتا، بمدينة مراكش
    if t.norm == "في" and x < hi and toks.tokens[x].norm in _SITE:
        x += 1                                          # في العاصمة فاليتا
    elif t.norm not in ("في", "ب") and t.norm[1:] not in _SITE:
        return None
    pm = place_at(toks, x) if x < hi else None
    return (pm.entity, after(toks, pm)) if pm is not None else None


def read(toks: Tokens, m, hi: int, ordinals: dict, matcher=None) -> Phrase:
    """The noun phrase a meeting noun (lexicon match ``m``) heads, up to ``hi`` (the sentence's end); ``matcher``
    (the gazetteer's) reads a process's name a writer set quotation marks in."""
    lex = load()
    k = m.j
    n = n_at = owner = place = year = None
    between: tuple = ()
    owner_end = members_end = 0
    owner_words: tuple = ()
    topic: tuple = ()
    scope: list = []
    limit = min(hi, m.j + PHRASE_REACH)
    while k < limit:
        t = toks.tokens[k]
        if t.norm in _QUOTES:
            if t.norm == "(" and k + 2 < hi and toks.tokens[k + 2].norm == ")" and _YEAR.fullmatch(toks.tokens[k + 1].norm):
                year = year or int(toks.tokens[k + 1].norm)          # قمة الكويت (2009)
                k += 3
                continue
            k += 1
            continue
        if t.kind == "word" and not any("\u0600" <= c <= "\u06ff" for c in t.norm):
            k += 1              # an acronym in Latin letters written after the name (GFMD، PAFoM)
            continue
        q = lex.is_a(toks, k, "meeting_qualifier") or lex.is_a(toks, k, "meeting_scope")
        if q is not None and not lex.is_a(toks, k, "meeting_topic_marker"):
            scope.extend(range(k, q.j))
            k = q.j
            continue
        if t.norm.startswith("ال") and len(t.norm) > 3 and k not in ordinals and not t.ents and (k + 1 in ordinals or (
                k + 1 < hi and toks.tokens[k + 1].kind == "number" and re.fullmatch(r"[0-9]{1,3}", toks.tokens[k + 1].norm))):
            scope.append(k)         # الدورة العادية 325، القمة العربية الـ29: an adjective before the ordinal
            k += 1
            continue
        value, j = _ordinal_at(toks, k, ordinals)
        if value is not None:
            if n is None:
                n, n_at = value, k
            k = j
            continue
        if n is None and t.kind == "number" and re.fullmatch(r"[0-9]{1,3}", t.norm) and k - 1 in (m.j - 1, *scope) \
                and (k + 1 >= hi or toks.tokens[k + 1].kind == "punct" or toks.tokens[k + 1].ents):
            n, n_at = int(t.norm), k    # الدورة العادية 325 بجنيف: digits the place (not a counted noun) follows
            k += 1
            continue
        if t.norm == "في" and k + 1 < hi and lex.is_a(toks, k + 1, "meeting_edition") is not None:
            value, j = _ordinal_at(toks, k + 2, ordinals)
            if value is not None:                    # في نسخته الثانية، في دورتها الـ29
                n = n if n is not None else value
                k = j
                continue
        if owner is None and not owner_words:
            members = lex.is_a(toks, k, "meeting_members_of")
            if members is not None:                  # لوزراء خارجية الدول الأعضاء في …: who meets
                k = members.j
                while k < limit and (more := lex.is_a(toks, k, "meeting_members_of")
                                     or lex.is_a(toks, k, "meeting_members_portfolio")) is not None:
                    k = more.j                       # لوزراء الشؤون الخارجية، لوزراء العدل والداخلية العرب
                k = _before_name(toks, k, limit)     # دول “Bali Process” أو “عملية بالي”
                members_end = k
                continue
            om = mention_at(toks, k, _OWNER_KINDS)
            joined = _joined_actors(toks, k, limit) if not between and (
                (om is not None and om.entity.kind != "process" and (_lam_before(toks, om) or k == members_end))
                or (k == members_end and mention_at(toks, k, ("state",)) is not None)) else None
            if joined is not None:                   # قمة رؤساء دول وحكومات الاتحاد الأفريقي والاتحاد الأوروبي،
                k, between = joined                  # الاجتماع المشترك للاتحاد الأفريقي والاتحاد الأوروبي: who meets
                continue
            if om is not None and (om.entity.kind == "process" or _lam_before(toks, om) or k in (m.j, members_end)
                                   or toks.tokens[k - 1].norm in _QUOTES or toks.tokens[k - 1].norm == "من"):
                owner, owner_end = _owning_process(om.entity, matcher), after(toks, om)
                k = owner_end                        # وزراء خارجية المجموعة التوجيهية لعملية بالي: the body's process
                if om.entity.kind == "body" and owner.kind == "process":
                    pm = mention_at(toks, k, ("process",)) if k < hi else None
                    k = owner_end = after(toks, pm) if pm is not None and pm.entity == owner else k
                continue
            quoted = _unquoted_owner(toks, k, hi, matcher)
            if quoted is not None:
                owner, owner_end = quoted
                k = owner_end
                continue
            if t.norm == "من" and k + 1 < limit and mention_at(toks, k + 1, ("process",)) is not None:
                k += 1                               # جلسة جديدة من عملية الخرطوم
                continue
            on = lex.is_a(toks, k, "meeting_owner_noun")
            if on is not None and on.reading.pro.endswith("ل"):                       # لمجلس إدارة المعهد التدريبي …: a body the gazetteer lacks
                owner_words = _words_until_stop(toks, k, hi, OWNER_WORDS)
                k = owner_words[-1] + 1 if owner_words else k + 1
                continue
        if t.norm == "بين" and not between and owner is None and not owner_words:
            k, between = _between(toks, k + 1, hi)
            continue
        tm = lex.is_a(toks, k, "meeting_topic_marker")
        if tm is not None and not topic:
            topic = _words_until_stop(toks, tm.j, hi, OWNER_WORDS)
            k = topic[-1] + 1 if topic else tm.j
            continue
        if place is None and k == m.j and (pm := mention_at(toks, k, ("place",))) is not None \
                and pm.start == t.start:
            place, k = pm.entity, after(toks, pm)    # قمة فاليتا، منتدى إسطنبول: the city names the meeting
            continue
        if place is None and (t.norm in ("في", "ب") or t.norm.startswith("ب")):
            found = _place_at(toks, k, hi)
            if found is not None:
                place, k = found
                continue
        yw = lex.is_a(toks, k, "meeting_year_word")
        if yw is not None and yw.j < hi and _YEAR.fullmatch(toks.tokens[yw.j].norm):
            year = year or int(toks.tokens[yw.j].norm)
            k = yw.j + 1
            continue
        if year is None and t.kind == "number" and _YEAR.fullmatch(t.norm) and k > m.j \
                and mention_at(toks, k - 1, ("place",)) is not None and not _range_after(toks, k, hi):
            year = int(t.norm)                       # منتدى إسطنبول 2015، قمة فاليتا 2015: the year after the name
            k += 1
            continue
        break
    held = None if place is not None else (held_clause(toks, k, hi) or held_clause(toks, _aside_end(toks, k, hi), hi))
    return Phrase(m.i, k, n, n_at, owner, owner_end, owner_words, held[0] if held else place, year, topic, tuple(scope),
                  between, held[1] if held else None)


def _range_after(toks: Tokens, k: int, hi: int) -> bool:
    """The year at token ``k`` opens a range (``2026 - 2027``، ``2026/2027``): a term, not a meeting's year."""
    return k + 2 < hi and toks.tokens[k + 1].norm in ("-", "–", "/", "الى", "إلى") and bool(_YEAR.fullmatch(toks.tokens[k + 2].norm))


BETWEEN_REACH = 14           # tokens of who meets after بين
ASIDE_REACH = 14             # tokens of an aside set off between a meeting's phrase and its held clause


def _joined_actors(toks: Tokens, k: int, hi: int) -> tuple[int, tuple] | None:
    """(token after them, entities) of who meets written as a genitive list at token ``k``: a state (``وزراء خارجية مصر
    والأردن``), or two or more states, organisations or bodies joined by و (``للاتحاد الأفريقي والاتحاد الأوروبي
    والأمم المتحدة``); None for one organisation or body alone (the meeting's owner: ``لمجلس وزراء الاتحاد الأفريقي``)
    and for a list that names a process (the process owns the meeting)."""
    found = []
    while k < hi:
        om = mention_at(toks, k, ("state", "org", "body", "process"))
        if om is None or om.entity.kind == "process":
            if om is not None:
                return None
            break
        if om.entity not in found:
            found.append(om.entity)
        nxt = after(toks, om)
        if nxt < hi and toks.tokens[nxt].norm in (",", "،") and nxt + 1 < hi and toks.tokens[nxt + 1].norm.startswith("و"):
            nxt += 1                                 # مصر، والأردن، والعراق
        if nxt >= hi or not toks.tokens[nxt].norm.startswith("و") or mention_at(toks, nxt, ("state", "org", "body",
                                                                                              "process")) is None:
            k = nxt
            break
        k = nxt
    if not found or (len(found) == 1 and found[0].kind != "state"):
        return None
    return k, tuple(found)


def _aside_end(toks: Tokens, k: int, hi: int) -> int:
    """The token of the comma that closes an aside set off after a meeting's phrase at token ``k`` (``، بتنظيم من المغرب
    والاتحاد الأفريقي، الذي عقد في الرباط``، ``(بدعم من المنظمة الدولية للهجرة)، المعقود في …``), where its held clause
    may start; ``k`` when there is none (no comma or bracket, a full stop, a held verb or another meeting inside)."""
    if k >= hi or toks.tokens[k].norm not in (",", "،", "("):
        return k
    lex = load()
    close = ")" if toks.tokens[k].norm == "(" else None
    for x in range(k + 1, min(hi, k + 1 + ASIDE_REACH)):
        t = toks.tokens[x]
        if t.norm in (".", ";", "؛", ":") or lex.is_a(toks, x, "held_verb") or lex.is_a(toks, x, "meeting_noun"):
            return k
        if close is None and t.norm in (",", "،"):
            return x
        if close is not None and t.norm == close:
            return x + 1
    return k


def _between(toks: Tokens, k: int, hi: int) -> tuple[int, tuple]:
    """(token after them, entities) of who meets after ``بين`` (``بين الاتحاد الأوروبي ودول منطقة أمريكا اللاتينية``):
    the states, organisations and bodies named up to punctuation, a held verb or a place after في/ب."""
    lex = load()
    found = []
    last = min(hi, k + BETWEEN_REACH)
    while k < last:
        t = toks.tokens[k]
        if (t.kind == "punct" and t.norm not in _QUOTES) or lex.is_a(toks, k, "held_verb") \
                or (t.norm in ("في", "ب") and k + 1 < hi and mention_at(toks, k + 1, ("place",)) is not None):
            break
        om = mention_at(toks, k, ("state", "org", "body"))
        if om is not None:
            if om.entity not in found:
                found.append(om.entity)
            k = max(k + 1, after(toks, om))
            continue
        k += 1
    return k, tuple(found)


_HELD_TENSES = ("past", "participle")
_OPENING = frozenset({"(", "«", '"', "“"})        # what a writer sets a city's name off with


def held_clause(toks: Tokens, k: int, hi: int):
    """(place, token after the clause) of a held clause set off after a meeting's phrase at token ``k``: a comma,
    ``الذي/التي``, a past held verb or participle, ``مؤخرا``, then ``في/ب`` + a city or a state (``، المعقود في ليما``،
    ``، الذي عُقد في المغرب``، ``، عقد في طرابلس``، ``المنعقد في (بروناي)``) and what the clause goes on to say after
    the place (:func:`clause_end`); else None. A present or future verb (``الذي سيعقد في``) reports no meeting held."""
    lex = load()
    if k < hi and toks.tokens[k].norm in (",", "،"):
        k += 1
    if k < hi and toks.tokens[k].norm in ("الذي", "التي"):
        k += 1
    vm = lex.is_a(toks, k, "held_verb") if k < hi else None
    if vm is None or vm.reading.enc or vm.future or vm.feature("tense") not in _HELD_TENSES or vm.feature("met"):
        return None
    k = vm.j
    if k < hi and toks.tokens[k].norm == "مؤخرا":
        k += 1
    if k >= hi:
        return None
    found = _place_at(toks, k, hi)
    if found is None and toks.tokens[k].norm in ("في", "ب") and k + 1 < hi:
        x = k + 2 if toks.tokens[k + 1].norm in _OPENING and k + 2 < hi else k + 1    # في (بروناي)
        sm = mention_at(toks, x, ("state", "place"))
        found = (sm.entity, after(toks, sm)) if sm is not None else None
    elif found is None and toks.tokens[k].norm.startswith("ب"):
        sm = mention_at(toks, k, ("state",))
        found = (sm.entity, after(toks, sm)) if sm is not None and sm.start > toks.tokens[k].start else None
    return (found[0], clause_end(toks, found[1], hi)) if found is not None else None


_CLOSING = frozenset({")", "»", '"', "”"})       # what closes a city set off after في


def clause_end(toks: Tokens, k: int, hi: int) -> int:
    """The token after a held clause whose place ends before token ``k``: the clause runs on over its dates, the
    words that introduce them, its organiser and partners and a fuller place (class ``held_clause_word``, never with
    an enclitic) and the entities they name (``بتنظيم من المنظمة الدولية للهجرة وبدعم من الاتحاد الأوروبي يوم 4 مايو
    2031``), and ends at the first other token: a comma, a verb, the main clause's object (``… أعماله``)."""
    lex = load()
    spans = [(d.start, d.end) for d in dates_of(toks, None)]
    if k < hi and toks.tokens[k].norm in _CLOSING:
        k += 1
    while k < hi:
        t = toks.tokens[k]
        date = next((e for s, e in spans if s <= t.start < e), None)
        if date is not None:
            while k < hi and toks.tokens[k].start < date:
                k += 1
            continue
        em = mention_at(toks, k, _CLAUSE_ENTITIES)
        if em is not None:
            k = max(k + 1, after(toks, em))
            continue
        w = lex.is_a(toks, k, "held_clause_word")
        if w is None or w.reading.enc:
            return k
        k = w.j
    return k


_CLAUSE_ENTITIES = ("state", "org", "body", "process", "place", "person", "region")


def owner_key(toks: Tokens, phrase: Phrase, kind: str) -> tuple[str, str]:
    """(slug, English label) of the n-th meeting of a body the gazetteer lacks, from the body's own words (the
    article dropped: ``لمجلس إدارة المعهد`` and ``مجلس الإدارة`` differ, ``للجنة المشتركة`` and ``اللجنة المشتركة``
    do not): ``meeting-mjls-adart-almhd-…-6``."""
    words = []
    lex = load()
    for k in phrase.owner_words[:KEY_WORDS]:
        head = lex.is_a(toks, k, "meeting_owner_noun") if k == phrase.owner_words[0] else None
        w = head.reading.bare if head is not None else toks.tokens[k].norm
        w = "ال" + w[2:] if head is None and w.startswith("لل") else w        # لشراكات → شراكات is left as written
        words.append(strip_article(w))
    body = translit(" ".join(words))
    return f"{kind}-{body}-{phrase.ordinal}", f"{kind.replace('-', ' ').capitalize()} {phrase.ordinal} of {body.replace('-', ' ')}"


CUE_REACH = 3                # tokens before a meeting noun where a participation or chair word may report it


def reported_as_event(toks: Tokens, lo: int, i: int) -> bool:
    """The meeting noun at token ``i`` is written as an event taking place: right after one of its event cues
    (``أعمال``، ``فعاليات``، ``على هامش``، ``خلال``: class ``meeting_event_cue``), or within a few words after a
    participation or chair word (``شارك في``، ``لحضور``، ``خلال ترؤسه``). Whether it is held or planned is the
    clause's status, not this."""
    lex = load()
    if margin_of_another(toks, lo, i):
        return False
    if i > lo and lex.is_a(toks, i - 1, "meeting_event_cue") is not None:
        return True
    return any(lex.is_a(toks, k, "participate_verb") is not None or lex.is_a(toks, k, "chair_verb") is not None
               for k in range(max(lo, i - CUE_REACH), i))


def margin_of_another(toks: Tokens, lo: int, i: int) -> bool:
    """The meeting noun at token ``i`` is the frame another meeting of the sentence was held on the margins of
    (``أول قمة …، عقدت … على هامش أعمال الدورة الحادية والسبعين للجمعية العامة``, ``بحث الاجتماع التنسيقي …، على
    هامش الدورة العادية 325``): a meeting noun stands before ``هامش`` in the sentence. The frame is named, not reported
    by this sentence."""
    lex = load()
    for k in range(max(lo, i - 3), i):
        if toks.tokens[k].norm.endswith("هامش"):
            return any((x := lex.is_a(toks, x_i, "meeting_noun")) is not None and not x.feature("plural")
                       for x_i in range(lo, k))
    return False


def deliberated(toks: Tokens, lo: int, i: int) -> bool:
    """The meeting noun at token ``i`` is the subject of a past verb of what a meeting does, written right before it
    (``بحث الاجتماع التنسيقي``، ``وأكدت القمة``: class ``meeting_deliberation_verb``): the meeting was held."""
    if i <= lo:
        return False
    vm = load().is_a(toks, i - 1, "meeting_deliberation_verb")
    return vm is not None and not vm.reading.enc
