"""Persons named without a title, found by the role written beside the name (no comma needed).

Three constructions of news and UN text (the titled ones are ``text_entities.py``'s):

* **role, then name**: ``وزير الخارجية المغربي ناصر بوريطة``, ``الأمين العام للأمم المتحدة أنطونيو
  غوتيريش``, ``المدير العام للمنظمة، وليام سوينغ`` — a role head (lexicon class ``role``), then role
  words (class ``role_word``, any word with the article, any gazetteer name), then the name;
* **name, then role**: ``سامي عادل مدير الإدارة وليلى يوسف رئيسة القسم`` — a name that starts with a
  known given name, right before a role head;
* **reporting verb, then name**: ``وقال محمد عبديكير: …`` — a given name after قال/أكد/أوضح/صرح …,
  closed by punctuation or إن/أن.

A name is two to four words, none with the article (one family name with the article, such as
``الهاملي``, may close a name that starts with a given name), none a function word, a role or title
word, a time word or other common word (class ``not_name``), none an imperfect verb. A name that
does not start with a known given name needs a hard boundary after it (punctuation, إن/أن, a
preposition, a role head).

**An initial و.** ``وليام`` is a name, ``وليلى`` is و + ليلى. A word that starts with و keeps its
first letter when the whole word is a known given name; the و is read as the conjunction only
when the rest is a known given name (class ``given_name``); otherwise the word is kept whole. A
proclitic split must leave a plausible name: we chose the gazetteer of given names over a rule on
the name's length or shape because shape cannot tell ``وليد`` from ``و + ليد``, and a wrong split
mints a wrong person, while a missing given name only costs a name after no comma.

It reads the folded text and the spans the matcher already chose (gazetteer names inside a role
are role words, never name words), mints :func:`text_entities.person` entities, and makes no facts:
``facts/actors.py`` reads the role beside the name with :func:`role_before` / :func:`role_after`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.arabic import Normalised, fold
from .findings import Entity
from .text_entities import ROLE_HEADS, TITLES, _FUNCTION_WORDS, _VERBS_BEFORE_NAMES, person

_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_DEFINITE = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل)")
_HARD_AFTER = frozenset(fold(w) for w in ("إن", "أن", "ان", "بأن", "إنه", "أنه", "على", "في", "عن", "إلى",
                                          "الى", "من", "مع", "خلال", "الذي", "التي", "لدى", "أمام", "حول"))
_PREP_MASDAR = frozenset({"بت", "لت"})
_CLITIC_PAIRS = frozenset({"وب", "ول", "فب", "فل", "وك"})
_OPEN_QUOTES = frozenset("«\"“")
_CLOSE_QUOTES = frozenset("»\"”")
_COMMAS = frozenset("،,")
_CLOSE_NAME = frozenset("،,:؛;.(«\"»”–—-")
_SAYS = frozenset(fold(w) for w in ("إن", "أن", "ان", "بأن", "إنه", "أنه", "بأنه", "بأنها", "أنها", "إنها", "بأنهم"))
_PUNCT_BOUNDARY = frozenset("،,:؛;.()\"«»“”!؟?-–—/")
MAX_NAME = 4


@lru_cache(maxsize=1)
def _words():
    from ..text.word_classes import load          # the shared lexicon loader (lexicons/classes/*.toml)
    lex = load()
    given = frozenset(fold(w) for w in lex.words("given_name"))
    role_heads = frozenset(fold(w).split()[0] for w in lex.words("role")) | ROLE_HEADS
    role_words = frozenset(fold(w) for w in lex.words("role_word"))
    not_name = frozenset(fold(w) for w in lex.words("not_name"))
    titles = frozenset(fold(w) for w in lex.words("title")) | frozenset(TITLES)
    verbs = frozenset(fold(w) for w in lex.words("reporting_verb")) | _VERBS_BEFORE_NAMES
    return given, role_heads, role_words, not_name, titles, verbs


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    """The verbs of lexicon class ``reporting_verb`` only (قال، أكد …), not every verb a name may follow."""
    from ..text.word_classes import load
    return frozenset(fold(w) for w in load().words("reporting_verb"))


@lru_cache(maxsize=1)
def _given_written() -> frozenset[str]:
    from ..text.word_classes import load
    return frozenset(load().words("given_name"))


def given_as_written(original: str) -> bool:
    """Is the word, exactly as printed, a given name of the lexicon (بان، not ان for آن or أن)?"""
    return bool(original) and original in _given_written()


@lru_cache(maxsize=1)
def _spelled_not_names() -> frozenset[str]:
    """The common words (class ``not_name``) as written, hamza and all."""
    from ..text.word_classes import load
    return frozenset(load().words("not_name"))


def _strip_conj(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


@lru_cache(maxsize=65536)
def is_role_head(w: str) -> bool:
    _, heads, _, _, _, _ = _words()
    if w in heads:
        return True
    for p in ("و", "ف", "ل", "ب", "ول", "وب", "فل"):
        if w.startswith(p) and w[len(p):] in heads:
            return True
        if p.endswith("ل") and w.startswith(p + "ل") and "ال" + w[len(p) + 1:] in heads:
            return True                                   # للمدير: ل + المدير
    return False


@lru_cache(maxsize=65536)
def _prep_head(w: str) -> bool:
    """A role head after a preposition (للأمين العام، بالمدير): a genitive inside a role, not a new role."""
    heads = _words()[1]
    return w not in heads and (w[:1] in "لب" or w[:2] in ("ول", "وب", "فل")) and is_role_head(w)


@lru_cache(maxsize=65536)
def _role_word(w: str) -> bool:
    _, heads, role_words, _, _, _ = _words()
    bare = w[1:] if len(w) > 3 and w[0] in "وفلب" else w
    return bool(_DEFINITE.match(w)) or w in role_words or bare in role_words or is_role_head(w)


def common_word(w: str, original: str = "") -> bool:
    """A word of class ``not_name`` (بحضور، أمس، كلمة), also after و/ف and after ب/ل (بجهود، لبذل); a
    given name printed otherwise than the common word it folds like (بان, not بأن) is not one."""
    nn = _words()[3]
    if given_as_written(original) and original not in _spelled_not_names():
        return False
    bare = _strip_conj(w)
    return w in nn or bare in nn or (len(bare) > 3 and bare[0] in "بل" and not given(bare) and bare[1:] in nn)


@lru_cache(maxsize=1)
def _given_parts() -> frozenset[str]:
    from ..text.word_classes import load
    return frozenset(fold(w) for w in load().words("given_name_part"))


def given_part(w: str) -> bool:
    """The second word, with the article, of a compound given name (نور الدين، فاطمة الزهراء)."""
    return w in _given_parts()


_PARTICLES = frozenset(fold(w) for w in ("بن", "ابن", "آل", "أبو", "ابو", "ولد"))


def name_reach(words: list[str]) -> int:
    """How many words a name may have: four, one more for each particle inside it (محمد عبدالله بن
    مطلق الغفلي، خالد بن أحمد آل خليفة), at most six."""
    return min(6, MAX_NAME + sum(w in _PARTICLES for w in words[1:MAX_NAME + 1]))


_JOINED_ABD = re.compile(r"^(?:عبد|ابو)ال\w{3,}$")


def given(w: str) -> bool:
    """A given name of the lexicon, or a compound one written joined (عبدالمولى، عبدالكريم، أبوالقاسم)."""
    return w in _words()[0] or bool(_JOINED_ABD.match(w))


def article_given(w: str) -> bool:
    """A given name written with the article as the middle word of a name (محمد الطاهر سيالة، محمد الأمين
    ولد …، عبد الله الحبيب …): the article + a given name of the lexicon."""
    return w.startswith("ال") and len(w) > 4 and w[2:] in _words()[0]


def _purpose_word(w: str) -> bool:
    """ل + a noun with no article that is no given name (لولاية، لبحث، لمناقشة): after a name or a role, the
    purpose or complement that follows it, never a word of it."""
    return len(w) > 3 and w[0] == "ل" and not w.startswith("لل") and not given(w) and not given(w[1:]) \
        and (w[1:].endswith("ه") or common_word(w[1:])) and w[1:] not in _words()[2] and not is_role_head(w)


def _name_word(w: str, first: bool, original: str = "") -> bool:
    _, heads, role_words, not_name, titles, verbs = _words()
    if len(w) < 2 or not w.isalpha() or (_DEFINITE.match(w) and not hamza_name(original)):
        return False
    if w in titles or (w in _SAYS and not given_as_written(original)):
        return False
    if w in _FUNCTION_WORDS and not (given(w) and (original.endswith("ي") or given_as_written(original))):
        return False                  # على (on) is not علي (a name), بأن is not بان (كي مون): the spelling decides
    bare = w[1:] if w[0] in "وفلب" and len(w) > 3 else w
    if bare in role_words or (bare in not_name and bare != w):
        return False                                      # لمركز، ووزراء: a proclitic on a common noun
    if w in not_name and not (given_as_written(original) and original not in _spelled_not_names()):
        return False                                      # بأن is common, بان (كي مون) as printed a name
    if w in role_words or w in titles or w in verbs or is_role_head(w):
        return False
    if given(w):
        return True
    if w[0] in "يتن" and len(w) >= 4 and first:        # an imperfect verb (يلقي، تعقد، نعمل)
        return False
    if first and w[:2] in _PREP_MASDAR:                   # a preposition + verbal noun (بتوقيع، لتعزيز)
        return False
    if not first and _prep_noun(w):
        return False                                      # NAME بمخطط عمل، NAME بتوقيع: ب + a noun after the name
    return True


def _prep_noun(w: str) -> bool:
    """ب + a noun of the mim or ta patterns (بمخطط، بمناسبة، بتوقيع): after a name, the words after it, not its end."""
    return len(w) > 4 and w[:2] in ("بم", "بت") and not given(w)


def hamza_name(original: str) -> bool:
    """A word printed with a hamza on its first alif before lam (ألفانو، إلياس، ألبرتو): a foreign name
    that folds like the article, not the article (which is written without hamza)."""
    return len(original) > 3 and original[0] in "أإ" and original[1] == "ل"


def _after_nisba(ws: "_Words", j: int) -> bool:
    """The word before ``j`` is a state's nisba adjective the matcher chose (وزير الخارجية الإيطالي NAME):
    a role that ends in a nationality is followed by a name, so an unknown name may end at any hard boundary."""
    if j < 1 or not ws.in_taken(j - 1):
        return False
    w = ws.items[j - 1][2]
    return bool(_DEFINITE.match(w)) and w.endswith(("ي", "يه")) and len(w) > 5


class _Words:
    """The words of a folded text: (start, end, word) and a lookup of spans the matcher chose."""

    def __init__(self, text: str, taken: list[tuple[int, int]], norm: Normalised | None = None):
        self.items = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        self.taken = sorted(taken)
        self.norm = norm

    def original(self, k: int) -> str:
        """The word as printed (folding makes على and علي alike)."""
        if self.norm is None:
            return self.items[k][2]
        s, e = self.norm.to_original(self.items[k][0], self.items[k][1])
        return self.norm.original[s:e]

    def in_taken(self, k: int) -> bool:
        """Is word ``k`` inside a span the matcher chose, a proclitic before it allowed (لحقوق الإنسان)?"""
        s, e, w = self.items[k]
        return any(ts <= s + (2 if w[:2] in _CLITIC_PAIRS else 1 if w[:1] in "وفبلك" else 0) and ts >= s and e <= te
                   or ts <= s and e <= te for ts, te in self.taken)

    def punct(self, k: int) -> bool:
        return k < len(self.items) and self.items[k][2] in _PUNCT_BOUNDARY

    def boundary(self, k: int) -> bool:
        """Is word ``k`` a hard end of a name (end, punctuation, إن/أن, a preposition, a role head)?"""
        if k >= len(self.items):
            return True
        w = self.items[k][2]
        return (w in _PUNCT_BOUNDARY or w in _HARD_AFTER or w in _SAYS or _prep_noun(w) or _purpose_word(w) or is_role_head(w) or bool(_DEFINITE.match(w))
                or (w[0] == "و" and len(w) > 2)          # و + the next item or clause (وبحضور، وليلى)
                or _verb(w) or common_word(w) or _verb_and_object(self.items, k) or _construct_noun(self.items, k))          # NAME رحب فيها … / NAME أعمال الدورة / NAME لبذل (a common word)


def _construct_noun(items, k: int) -> bool:
    """Word ``k`` ends in ta marbuta, is no given name, and a definite word that is no role head follows
    (``صلاحية التفاوض``): a noun in construct with its genitive, not a third word of a name."""
    w = items[k][2]
    return w.endswith("ه") and w.isalpha() and not given(w) and k + 1 < len(items) \
        and bool(_DEFINITE.match(items[k + 1][2])) and not is_role_head(items[k + 1][2])


def _verb_and_object(items, k: int) -> bool:
    """Word ``k`` ends in ت (a feminine perfect: سحبت، أعلنت), is no given name, and a definite word
    that is no role head follows (its object): the clause after a name, not a family name (طلعت،)."""
    w = items[k][2]
    return w.endswith("ت") and w.isalpha() and not given(w) and k + 1 < len(items) \
        and bool(_DEFINITE.match(items[k + 1][2])) and not is_role_head(items[k + 1][2])


@lru_cache(maxsize=1)
def _admin_units() -> frozenset[str]:
    from ..text.word_classes import load
    return frozenset(fold(w) for w in load().words("admin_unit"))


def _admin_unit(w: str) -> bool:
    units = _admin_units()
    return w in units or (w[:1] in "وف" and w[1:] in units)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """One-word relative dates (اليوم، أمس، غدا): after a role and a name, they close the name."""
    from ..text.word_classes import load
    return frozenset(fold(w) for w in load().words("relative_time") if " " not in w)


def _construct_prep(ws: _Words, j: int) -> bool:
    """Word ``j`` is ب/ل + a noun with no article and a definite genitive follows (بحكومة الوحدة، لمنظمة العمل):
    inside a role, a complement that belongs to the title (not a purpose clause: لبحث القضايا has no article after)."""
    w = ws.items[j][2]
    return w.isalpha() and len(w) > 3 and w[0] in "بل" and not w.startswith("لل") and not given(w) \
        and j + 1 < len(ws.items) and bool(_DEFINITE.match(ws.items[j + 1][2])) \
        and not article_given(ws.items[j + 1][2]) and not _verbal_noun(w) \
        and not _prep_head(ws.items[j + 1][2])


def _verbal_noun(w: str) -> bool:
    """ل/ب + a verbal noun of a purpose (لبحث، لمناقشة، لتعزيز، باستعراض): the clause after a role."""
    bare = w[1:]
    return bare[:1] in "تا" and len(bare) >= 4 or bare in _PURPOSE_NOUNS


_PURPOSE_NOUNS = frozenset(fold(w) for w in ("بحث", "مناقشة", "دراسة", "متابعة", "مراجعة", "اختيار", "انتخاب", "حضور",
                                             "مشاركة", "إلقاء", "افتتاح", "توقيع", "تقديم", "بذل", "دعم"))


_IN_NAME_OF = fold("باسم")


def _role_run(ws: _Words, k: int) -> int:
    """One past the last word of the role that starts with the role head at ``k``."""
    j = k + 1
    while j < len(ws.items):
        w = ws.items[j][2]
        if _admin_unit(w) or _admin_unit(ws.items[j - 1][2]) and w.isalpha():
            j += 1                        # وزير داخلية إقليم كوردستان: the unit's own name stays in the role
            continue
        if ws.in_taken(j) or (w.isalpha() and _role_word(w) and not given(w)) \
                or (w == "في" and j + 1 < len(ws.items) and ws.in_taken(j + 1)):
            j += 1                        # … لشؤون التنقل البشري في الإكوادور NAME
            continue
        if _construct_prep(ws, j):
            j += 1                        # وزير الخارجية بحكومة الوحدة الوطنية NAME: ب/ل + a noun in construct
            continue
        if w == fold("لدى") and j + 1 < len(ws.items) and ws.in_taken(j + 1):
            j += 1                        # سفير المملكة لدى لبنان NAME
            continue
        if w == _IN_NAME_OF and is_role_head(ws.items[j - 1][2]):
            j += 1                        # المتحدث باسم الخارجية الأمريكية NAME: باسم after a role head is no given name
            continue
        if w == "(" and j + 2 < len(ws.items) and ws.items[j + 2][2] == ")" and ws.items[j + 1][2].isascii():
            j += 3                        # المدير العام للمنظمة الدولية للهجرة (OIM)، NAME
            continue
        break
    return j


def _name_at(ws: _Words, j: int, need_boundary: bool, role_closes: bool = False) -> tuple[int, int, int] | None:
    """(first word, one past the last word, char offset into the first word) of a name at ``j``."""
    items = ws.items
    if j >= len(items) or ws.in_taken(j):
        return None
    first = items[j][2]
    skip = 0
    if first[0] in "ولب" and not given(first) and given(first[1:]) and not common_word(first):
        skip, first = 1, first[1:]                        # و/ل/ب + a given name: وليلى, لعلي (بيان is no ب + يان)
    if not _name_word(first, True, ws.original(j)[skip:]):
        return None
    if not given(first) and ws.original(j).endswith("ة"):
        return None                                       # مصحوبة، جديدة: a feminine participle or adjective, not a name
    if not skip and first[0] in "وف" and not given(first) and first.endswith("ت") and len(first) > 4:
        return None                                       # ، وعقدت تحت شعار …: و + a feminine perfect opens a clause
    if first == "علي" and j + 2 < len(items) \
            and not given(items[j + 1][2]) and _DEFINITE.match(items[j + 2][2]) and not is_role_head(items[j + 2][2]):
        return None                                       # علي هامش الاجتماع، علي نوع الجنس: على (on) spelt with ya
    k = j + 1
    longest = name_reach([items[n][2] for n in range(j, min(j + MAX_NAME + 2, len(items)))])
    while k < len(items) and k - j < longest and not ws.in_taken(k):     # محمد عبدالله بن مطلق الغفلي
        w = items[k][2]
        if given_part(w) and _name_word(items[k - 1][2], False, ws.original(k - 1)):
            k += 1                                        # نور الدين، فاطمة الزهراء: a compound given name
            continue
        if w[0] == "و" and len(w) > 2 and not given(w) and (given(w[1:]) or is_role_head(w) or k - j >= 2):
            break                                         # و + the next person, role or item (باراك أوباما وقادة)
        if w == "-" and k + 1 < len(items) and items[k - 1][1] == items[k][0] and items[k][1] == items[k + 1][0] \
                and items[k + 1][2].isalpha():
            k += 2                                        # شميت-بريمه: a hyphenated family name
            continue
        if items[k - 1][2] in _COMPOUND_HEADS and w.startswith("ال") and len(w) > 3 and not _role_word_strict(w):
            k += 1                                        # عبد الوافي، عبد الرزاق، أبو الغيط: the article inside a compound
            continue
        if k == j + 1 and article_given(w) and k + 1 < len(items) and not ws.in_taken(k + 1) \
                and (_name_word(items[k + 1][2], False, ws.original(k + 1))
                     or items[k + 1][2].startswith("ال") and not _role_word_strict(items[k + 1][2])):
            k += 1                                        # محمد الطاهر سيالة: an article-form given name inside
            continue
        if _purpose_word(w):
            break                                         # NAME لولاية ثانية: a complement after the name
        if not _name_word(w, False, ws.original(k)):
            break
        if k - j >= 2 and _verb_and_object(items, k):
            break                                         # دونالد ترامب سحبت الولايات …: a feminine perfect verb and its object
        if k - j >= 2 and _construct_noun(items, k):
            break                                         # هوشيار زيباري صلاحية التفاوض: a noun and its genitive, after the name
        k += 1
    if given(first) and k - j < longest and k < len(items) and not ws.in_taken(k):
        w = items[k][2]                                   # a family name with the article: الهاملي
        nxt = items[k + 1][2] if k + 1 < len(items) else ""
        if w.startswith("ال") and (len(w) > 4 or is_role_head(nxt)) and not _role_word_strict(w) \
                and w not in _time_words() \
                and not w.endswith(("ات", "ون", "ين")) \
                and not (w.endswith("ه") and w.startswith(("الاست", "الان", "الات"))) \
                and (not nxt or nxt in _CLOSE_NAME or nxt in _SAYS or nxt in _HARD_AFTER or _verb(nxt)
                     or nxt in _words()[3]
                     or (nxt[0] == "و" and len(nxt) > 2 and not _DEFINITE.match(nxt[1:]))
                     or (is_role_head(nxt) and nxt[:1] not in "لب")):
            k += 1              # … الفرجاني، / إن / في / وعدد / رحب / مدير إدارة …: a name, not an adjective
    if k - j < 2:
        return None
    if (need_boundary or not given(first)) and not ws.boundary(k):
        return None
    if not given(first) and not (k >= len(items) or items[k][2] in _SAYS or items[k][2] in _CLOSE_NAME
                                 or need_boundary and k - j == 2 and items[k][2] in _time_words()
                                 or need_boundary and k - j <= 3 and _after_nisba(ws, j) and ws.boundary(k)
                                 or need_boundary and k - j == 2 and _construct_noun(items, k)
                                 or role_closes and k - j <= 3 and is_role_head(items[k][2]) and not _prep_head(items[k][2])
                                 and items[k][2][:1] not in "وف" and k + 1 < len(items)
                                 and bool(_DEFINITE.match(items[k + 1][2]))):
        return None                                       # an unknown first word needs a comma, colon or إن after the name
                                                          # (or, after a reporting verb, a role: وقالت NAME نائبة المدير …)
    return j, k, skip


_ROLE_COMMA_REACH = 12


def _name_after_role_comma(ws: _Words, k: int) -> tuple[int, int, int] | None:
    """``مديرة مكتب إدارة ظروف العمل في المنظمة، مانويلا توميي``: a role whose words are not all role
    words, closed by a comma within a few words, then a name that starts with a known given name."""
    items = ws.items
    verbs, titles = _words()[5], _words()[4]
    chunks = 0
    limit = min(len(items), k + _ROLE_COMMA_REACH)
    j = k
    while j + 1 < limit:
        j += 1
        w = items[j][2]
        if w in _COMMAS:
            n = j + 1
            while n < len(items) and items[n][2] in titles:
                n += 1                                    # المدير العام، اللواء حسن شقير
            span = _name_at(ws, n, need_boundary=False)
            if span and given(items[span[0]][2][span[2]:]):
                return span
            nxt = items[n][2] if n < len(items) else ""
            if chunks < 2 and nxt.isalpha() and (is_role_head(nxt) or _DEFINITE.match(nxt)) and not _verb(nxt):
                chunks += 1                               # ممثلة الأمم المتحدة، المعنية بالهجرة، NAME
                limit = min(len(items), j + _ROLE_COMMA_REACH)
                continue
            return None
        if w in _PUNCT_BOUNDARY or w in _SAYS or _strip_conj(w) in verbs or w in verbs \
                or (w[0] == "ي" and len(w) >= 4 and not _role_word(w)):
            return None                                   # a clause, not a role: يلقي، قال (تنظيم is a noun)
    return None


_COMPOUND_HEADS = frozenset(fold(w) for w in ("عبد", "أبو", "ابو", "آل", "بن", "ابن", "أبي"))


def _verb(w: str) -> bool:
    """A reporting verb or a verb that often follows a name (رحب، أكد، وقال)."""
    verbs = _words()[5]
    return w in verbs or _strip_conj(w) in verbs


def _role_word_strict(w: str) -> bool:
    _, _, role_words, not_name, _, _ = _words()
    return w in role_words or w in not_name or is_role_head(w) or w in _FUNCTION_WORDS


def find_role_persons(norm: Normalised, taken: list[tuple[int, int]]) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in ``norm.text`` of names written beside a role or after a reporting verb."""
    text = norm.text
    ws = _Words(text, taken, norm)
    items = ws.items
    verbs = _words()[5]
    out: list[tuple[int, int, Entity]] = []
    used_until = -1

    def emit(span):
        nonlocal used_until
        j, k, skip = span
        s, e = items[j][0] + skip, items[k - 1][1]
        os_, oe = norm.to_original(s, e)
        out.append((s, e, person(norm.original[os_:oe])))
        used_until = k

    for i, (s, e, w) in enumerate(items):
        if i < used_until:
            continue
        if w in _OPEN_QUOTES and i + 1 < len(items) and not ws.in_taken(i + 1):            # «NAME»، ROLE
            close = next((k for k in range(i + 1, min(i + 6, len(items))) if items[k][2] in _CLOSE_QUOTES), None)
            if close is not None and close - i - 1 >= 2 \
                    and all(_name_word(items[k][2], k == i + 1) for k in range(i + 1, close)):
                k = close + 1 + (close + 1 < len(items) and items[close + 1][2] in _COMMAS)
                if k < len(items) and is_role_head(items[k][2]):
                    emit((i + 1, close, 0))
                    continue
        if not w.isalpha():
            continue
        if ws.in_taken(i) and i + 1 < len(items) and _after_nisba(ws, i + 1) and given(items[i + 1][2]) \
                and not ws.in_taken(i + 1) and (i == 0 or not ws.in_taken(i - 1) and not is_role_head(items[i - 1][2])):
            span = _name_at(ws, i + 1, need_boundary=True)        # الأميركية جين سميث: a nationality, then the name
            if span:
                emit(span)
                continue
        if is_role_head(w) and not (i > 0 and items[i - 1][2] in TITLES):
            j = _role_run(ws, i)
            if j + 1 < len(items) and items[j][2] in _OPEN_QUOTES:
                close = next((n for n in range(j + 1, min(j + 6, len(items))) if items[n][2] in _CLOSE_QUOTES), None)
                if close is not None and 2 <= close - j - 1 <= MAX_NAME \
                        and all(_name_word(items[n][2], n == j + 1, ws.original(n)) for n in range(j + 1, close)):
                    emit((j + 1, close, 0))               # رئيسة بعثة المنظمة "NAME": the name in quotes after the role
                    continue
            comma = j < len(items) and (items[j][2] in _COMMAS or items[j][2] == "/")   # وزير مفوض/ NAME
            bracket = j < len(items) and items[j][2] == "("          # وزيرة خارجية أستراليا (بيني وونغ)
            span = None if not (comma or bracket) and j < len(items) and items[j][2][:1] == "و" \
                and not given(items[j][2]) else _name_at(ws, j + 1 if comma or bracket else j, need_boundary=not comma)
            if bracket and span and not (span[1] < len(items) and items[span[1]][2] == ")"):
                span = None
            if span is None and not bracket:
                span = _name_after_role_comma(ws, i)
            if span:
                emit(span)
                continue
        if _strip_conj(w) in verbs or w in verbs:
            span = _name_at(ws, i + 1, need_boundary=True, role_closes=_strip_conj(w) in _reporting() or w in _reporting())
            if span and (given(items[span[0]][2][span[2]:]) or span[1] < len(items) and is_role_head(items[span[1]][2])):
                emit(span)
                continue
        if i >= used_until and (given(w) or (w[0] == "و" and given(w[1:]))) and not ws.in_taken(i):
            span = _name_at(ws, i, need_boundary=False)
            if span and span[1] < len(items) and (is_role_head(items[span[1]][2]) or (
                    items[span[1]][2] in _COMMAS | {"("} and span[1] + 1 < len(items)
                    and is_role_head(items[span[1] + 1][2]) and not _prep_head(items[span[1] + 1][2]))):
                emit(span)                                # NAME ROLE / NAME، ROLE / NAME (ROLE)
    return out


def _folded_index(norm: Normalised, pos: int) -> int:
    import bisect
    return bisect.bisect_left(norm.starts, pos)


def role_before(norm: Normalised, start: int, taken: list[tuple[int, int]],
                states: list[tuple[int, int]] = (), persons: list[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The original span of the role written right before the name at original offset ``start``
    (no comma between: ``وزير الخارجية المغربي`` before ``ناصر بوريطة``), or None."""
    fpos = _folded_index(norm, start)
    ws = _Words(norm.text, [(_folded_index(norm, s), _folded_index(norm, e)) for s, e in taken])
    st = _Words(norm.text, [(_folded_index(norm, s), _folded_index(norm, e)) for s, e in states])
    items = ws.items
    k = next((n for n, it in enumerate(items) if it[0] >= fpos), len(items)) - 1
    if k >= 0 and (items[k][2] in _COMMAS or items[k][2] == "(" or items[k][2] in _OPEN_QUOTES):
        k -= 1
    while k >= 0 and items[k][2] in _words()[4]:             # a title between the role and the name
        k -= 1
    last = k
    head = None
    prep_head = None
    while k >= 0 and items[k][2].isalpha() and (ws.in_taken(k) or _role_word(items[k][2]) or _admin_unit(items[k][2])
                                               or _construct_prep(ws, k)
                                               or k > 0 and _admin_unit(items[k - 1][2])
                                               or (items[k][2] == "في" and ws.in_taken(k + 1))):
        w = items[k][2]                   # … لشؤون التنقل البشري في الإكوادور NAME: the state inside the role
        if _prep_head(w):
            prep_head = k
        if is_role_head(w) and not _prep_head(w):
            head = k
            prev = items[k - 1][2] if k > 0 else ""
            if k == 0 or st.in_taken(k - 1) and not ws.in_taken(k):
                break
            if not _DEFINITE.match(w) and _DEFINITE.match(prev) and is_role_head(prev) and not _prep_head(prev):
                break                     # والتقى الوزير رئيسة بعثة المنظمة NAME: a definite title ends a noun phrase
            if _DEFINITE.match(w) and _DEFINITE.match(prev) and not is_role_head(prev):
                earlier = _earlier_role(ws, k - 1, persons and [_folded_index(norm, e) for _, e in persons])
                if earlier is not None and earlier < k - 1:     # (a bare الوزير before it is the verb's subject)
                    head = earlier        # يفتتح وزير الموارد البشرية والتوطين الرئيس الحالي للمنتدى NAME
                break                     # the start of the nearest role (… الكويتي المدير العام …: المدير)
        k -= 1
    bare_l = False
    if head is None and prep_head is not None and prep_head == k + 1 and items[prep_head][2][:2] in ("لل", "لا"):
        head = prep_head                  # بكلمة للوكيل المساعد … NAME: the role opens with ل + its head
    elif head is None and prep_head is not None and prep_head == k + 1 and items[prep_head][2][:1] == "ل" \
            and items[prep_head][2][1:] in _words()[1]:
        head, bare_l = prep_head, True    # سياسة صارمة لرئيس وزراء أستراليا (NAME): ل + a head with no article
    if head is None:
        return None
    end = max(n for n in range(head, last + 1) if items[n][2].isalpha())
    w = items[head][2]
    off = 1 if (w[0] in "وف" and w not in _words()[1]) or bare_l else 0
    return norm.to_original(items[head][0] + off, items[end][1])


def _earlier_role(ws: _Words, k: int, person_ends) -> int | None:
    """The head of a role that runs right into the next one (``وزير … والتوطين الرئيس …``), when no
    person's name stands before it (``صباح الصباح النائب الأول … الكويتي المدير العام``: that one is
    the other person's role)."""
    items = ws.items
    head = None
    while k >= 0 and items[k][2].isalpha() and (ws.in_taken(k) or _role_word(items[k][2])):
        if is_role_head(items[k][2]) and not _prep_head(items[k][2]):
            head = k
        k -= 1
    if head is None or k < 0 or person_ends is None:
        return None
    if any(abs(e - items[k][1]) <= 1 for e in person_ends) or given(items[k][2]):
        return None
    w = items[k][2]
    return head if _verb(w) or w in _PUNCT_BOUNDARY or not w.isalpha() or _strip_conj(w)[0] in "يت" else None


def _next_persons_role(ws: _Words, k: int, j: int) -> int:
    """Where the role that starts at ``k`` ends when the next person's name starts at ``j``: before
    the last role head that opens the words right before that name (the next person's own role,
    ``ROLE NAME``), else ``j``."""
    items = ws.items
    for h in range(j - 1, k + 1, -1):
        w = items[h][2]
        if not (ws.in_taken(h) or _role_word(w)):
            return j
        if is_role_head(w) and not _prep_head(w) and w[:1] not in "وف" and not ws.in_taken(h) \
                and not is_role_head(items[h - 1][2]):
            return h
    return j


def role_after(norm: Normalised, end: int, taken: list[tuple[int, int]],
               stops: list[int] = ()) -> tuple[int, int] | None:
    """The original span of the role written right after the name ending at original ``end``
    (no comma: ``سامي عادل مدير الإدارة``): from the role head to the next punctuation, the next
    person (``stops``: original offsets where names begin) or و + a given name or title."""
    fpos = _folded_index(norm, end)
    ws = _Words(norm.text, [(_folded_index(norm, s), _folded_index(norm, e)) for s, e in taken])
    items = ws.items
    k = next((n for n, it in enumerate(items) if it[0] >= fpos), len(items))
    if k < len(items) and items[k][2] in _CLOSE_QUOTES:
        k += 1                                            # "NAME" ROLE: the closing quote of the name
    elif k + 1 < len(items) and items[k][2] == "(" and is_role_head(items[k + 1][2]):
        k += 1                                            # NAME (ROLE): the role in parentheses, up to ")"
    if k >= len(items) or not is_role_head(items[k][2]) or items[k][2][0] in "وف" and items[k][2] not in _words()[1]:
        return None                                       # و + a role: the next item, not this name's role
    if _prep_head(items[k][2]):
        return None                                       # التقى NAME بوزير الداخلية: ب/ل + a role is the verb's complement
    fstops = {_folded_index(norm, s) for s in stops}
    titles = _words()[4]
    j = k + 1
    while j < len(items):
        s, e, w = items[j]
        if w in _PUNCT_BOUNDARY:
            break
        if s in fstops or s + 1 in fstops:
            j = _next_persons_role(ws, k, j)  # … وزير الخارجية الكويتي المدير العام للمنظمة NAME2: NAME2's role
            break
        if w[0] == "و" and (given(w[1:]) or w[1:] in titles) and not ws.in_taken(j):
            break
        if not ws.in_taken(j) and (w in _HARD_AFTER - {fold("في"), fold("من"), fold("لدى")} or w in _words()[5]):
            break
        if not ws.in_taken(j) and not _role_word(w) and (w in titles or _strip_conj(w) in _words()[3] or w in _words()[3]):
            break                         # بحضور، وبمشاركة، سعادة …: the role is over
        if w[0] == "و" and not ws.in_taken(j) and not _role_word(w) and not _role_word(w[1:]):
            break                         # و + a new clause (وبحضور، وأكد)
        if not ws.in_taken(j) and w[0] == "ل" and not _DEFINITE.match(w) and (_verbal_noun(w) or _purpose_word(w)):
            break                         # … لمنظمة العمل العربية لبحث القضايا: the purpose, not the role
        j += 1
    w = items[k][2]
    off = 1 if w[0] in "وف" and w not in _words()[1] else 0
    return norm.to_original(items[k][0] + off, items[j - 1][1])
