"""Entities a report names that no gazetteer knows: cited publications and titled persons.

* A publication is a UN document symbol (``ECA/SDD/06/01``, ``E/ESCWA/SDD/2007/2``,
  ``ESA/P/WP.197``, ``A/65/203``) printed in parentheses or right after ``الوثيقة``; its
  Arabic label is the quoted title just before the symbol when there is one, else the symbol.
  Resolution symbols (``…/RES/…``) are left to the commitment rules.
* A General Assembly resolution cited by its number (``القرار ٤/٦٨``, ``A/RES/71/1``), read by
  :func:`graph_builder.values.find_resolutions`: the same entity the commitment rules give it.
  Publications and resolutions found here are what a paragraph cites (:data:`CITATION_RULES`).
* A national law or decree cited by its number and year (``القانون رقم 28 لسنة 2012``): its number and
  year are its identity (:func:`find_numbered_laws`).
* A person is a name after a title (``السيد``, ``السيدة``, ``السفير``, ``الدكتور`` …): a name in
  Latin script is its capitalised words (``السيدة Louise Arbour``, ``السيد de Mistura``); the next
  title ends a name (``السيد جون سميث والسيدة …``); else the
  words up to a comma when a comma closes the name within four words (``السيد أليكس زلامي،``),
  else the first word, plus a second one when a function word follows it
  (``السيدة موفو كينغ أن`` → موفو كينغ). :func:`unify_persons` maps a surname-only
  reference to the one full name of the document that ends with it.

Both work on the folded text of :func:`graph_builder.text.arabic.normalise` and report spans in it;
the matcher maps them back to the original. Nothing here knows a name of the corpus.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
import re
from dataclasses import replace

from ..text.arabic import Normalised, fold
from .findings import Entity, Mention
from ..namespaces import slugify

_SYMBOL = r"[A-Z][A-Z0-9]*(?:/[A-Z0-9][A-Z0-9.\-]*)+"
_PUB_PAREN = re.compile(r"\(\s*(" + _SYMBOL + r")\s*\)")
_PUB_AFTER = re.compile(r"(?<![^\W\d_])[وفب]?(?:ال)?وثيقه\s+(" + _SYMBOL + r")")
_QUOTED_BEFORE = re.compile(r"\"([^\"]{3,300})\"\s*$")

TITLES = tuple(fold(t) for t in (
    "السيد", "السيدة", "السفير", "السفيرة", "الدكتور", "الدكتورة", "البروفيسور", "البروفيسورة",
    "الأستاذ", "الأستاذة", "السير", "الشيخ", "الشيخة", "الأمير", "الأميرة",
    "معالي", "سعادة", "الرئيس", "الوزير", "الوزيرة"))
_NAME_TITLES = TITLES[:15]           # titles always followed by a name (not الرئيس/الوزير: often not)
# words that end a name when it is not closed by a comma (prepositions, particles)
_FUNCTION_WORDS = frozenset(fold(w) for w in (
    "أن", "إن", "إلى", "عن", "على", "في", "من", "مع", "بأن", "لأن", "أيضا", "بعد", "قبل", "لدى", "خلال",
    "ثم", "كما", "الذي", "التي", "بين", "حول", "بصفته", "بصفتها", "و", "أو", "أنه", "أنها", "إنه",
    "إنها", "لدى", "عند", "قد", "لقد", "كان", "كانت", "فيما", "بينما", "كما", "حيث", "ذلك", "هذا", "هذه",
    "تلك", "أمس"))
_COMPOUND_HEADS = frozenset(fold(w) for w in ("عبد", "أبو", "ابو", "آل", "بن", "أبي", "ابن"))
_NOUN_PREFIXES = ("ال", "وال", "بال", "فال", "لل", "ولل", "فلل", "وبال")   # not كال: كاليباتا


# Function words written with a final alef maqsura: folded, they look like names written with ya
# (على "on" and the name علي fold alike), so the original spelling decides.
_MAQSURA_WORDS = frozenset(fold(w) for w in ("على", "إلى", "لدى", "حتى", "متى", "سوى"))


def _function_word(folded: str, original: str) -> bool:
    """Is the word a preposition or particle? ``علي`` (a name) is not ``على`` (on)."""
    if folded not in _FUNCTION_WORDS:
        return False
    if folded not in _MAQSURA_WORDS:
        from .role_persons import given_as_written     # noqa: PLC0415 (role_persons imports this module)
        if given_as_written(original):
            return False                          # بان (كي مون) as printed, not بأن
    return not (folded in _MAQSURA_WORDS and original.endswith("ي"))


def _name_word(folded: str, original: str) -> bool:
    """Could the word be part of a transliterated personal name? (The article test is on the
    original spelling: ``ألفاريز`` is a name, ``الضوء`` is not.)"""
    return not _function_word(folded, original) and not original.startswith(_NOUN_PREFIXES)
_WORD = re.compile(r"[^\W\d_]+(?:\s-\s[^\W\d_]+)?")
_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", [
    "a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh",
    "f", "q", "k", "l", "m", "n", "h", "w", "y"]))


def translit(text: str) -> str:
    """An ASCII slug for Arabic (or Latin) text, deterministic; '' for empty text (a key, not a romanisation).

    The one slug function for entities first seen in a report: mentions and fact rules must mint
    the same IRI for the same name.
    """
    out = []
    for ch in fold(text).lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


def publication(symbol: str, title: str = "") -> Entity:
    return Entity(kind="publication", slug=slugify(symbol.replace("/", "-")), cls="Publication",
                  label_ar=title or symbol, notations=(symbol,), from_text=True)


def resolution(symbol: str, label: str) -> Entity:
    """A General Assembly (or Human Rights Council) resolution by its symbol (``A/RES/68/4``)."""
    body = "مجلس حقوق الإنسان" if "/HRC/" in symbol else "الجمعية العامة"
    return Entity(kind="commitment", slug=translit(symbol), cls="Resolution",
                  label_en=f"{'Human Rights Council' if '/HRC/' in symbol else 'General Assembly'} resolution {label}",
                  label_ar=f"قرار {body} {label}", notations=(symbol,), from_text=True)


# Mention rules whose entity the paragraph cites (mdkg:cites): a document symbol, a resolution number.
CITATION_RULES = frozenset({"text-publication", "text-resolution"})


def find_resolutions_cited(norm: Normalised) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in ``norm.text`` of each resolution cited by number or symbol."""
    from ..values import find_resolutions
    out = []
    for r in find_resolutions(norm.original):
        start = bisect.bisect_left(norm.starts, r.start)
        end = bisect.bisect_left(norm.starts, r.end)
        if start < end:
            out.append((start, end, resolution(r.symbol, r.label)))
    return out


# A national law or decree cited by its number and year (القانون رقم 28 لسنة 2012، قانون العمالة المنزلية
# رقم 68 لسنة 2015، المرسوم بقانون رقم 5 لعام 2019، الظهير رقم …): numbers restart each year, so the number
# and the year are its identity. Up to five title words between the head and رقم, no punctuation.
_LAW = re.compile(r"(?<![^\W\d_])(?:[وبلف]|وب|ول)?(?:ال)?(قانون|مرسوم|ظهير)((?: (?!رقم)[^\W\d_]+){0,5}) رقم ?(\d+)"
                  r" ?(?:ل|لعام|لسنه|عام|سنه) ?((?:19|20)\d\d)(?!\d)")
_LAW_EN = {"قانون": "Law", "مرسوم": "Decree", "ظهير": "Dahir"}


def numbered_law(head: str, number: str, year: str, label: str) -> Entity:
    kind = _LAW_EN[head]
    return Entity(kind="commitment", slug=f"{kind.lower()}-{number}-{year}", cls="LegalInstrument",
                  label_ar=label, label_en=f"{kind} No. {number} of {year}", from_text=True)


def find_numbered_laws(norm: Normalised) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in ``norm.text`` of each law or decree cited by number and year."""
    out = []
    for m in _LAW.finditer(norm.text):
        s = m.start(1) - (2 if norm.text[max(0, m.start(1) - 2):m.start(1)] == "ال" else 0)
        os_, oe = norm.to_original(s, m.end())
        out.append((s, m.end(), numbered_law(m.group(1), m.group(3), m.group(4), norm.original[os_:oe])))
    return out


def person(name: str) -> Entity:
    slug = translit(name) or "unnamed"
    return Entity(kind="person", slug=slug, cls="Person", label_ar=name, from_text=True)


def find_publications(norm: Normalised) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in ``norm.text`` of each cited document symbol."""
    out = []
    seen: set[int] = set()
    for rx in (_PUB_PAREN, _PUB_AFTER):
        for m in rx.finditer(norm.text):
            symbol = m.group(1).rstrip(".-")
            if "/RES/" in symbol or not re.search(r"\d", symbol) or m.start(1) in seen:
                continue
            seen.add(m.start(1))
            start, end = m.start(1), m.start(1) + len(symbol)
            title = ""
            q = _QUOTED_BEFORE.search(norm.text, 0, m.start())
            if q and rx is _PUB_PAREN:
                ts, te = norm.to_original(q.start(1), q.end(1))
                title = norm.original[ts:te].strip()
            osym = norm.original.__getitem__(slice(*norm.to_original(start, end)))
            out.append((start, end, publication(osym, title)))
    return out


def _name_after(norm: Normalised, pos: int) -> tuple[int, int] | None:
    """The span of the name that starts at ``pos`` of ``norm.text`` (after a title), or None."""
    text = norm.text
    words = []
    for m in _WORD.finditer(text, pos):
        gap = text[words[-1][1] if words else pos:m.start()]
        if gap.strip() and not (words and gap.strip() == "." and words[-1][1] - words[-1][0] == 1):
            break                       # ريتنو ل. ب. مرصودي: an initial and its dot stay in the name
        dash = m.group().find(" - ")
        if dash > 0 and _role_after_dash(m.group()[dash + 3:]):
            words.append((m.start(), m.start() + dash))     # حمدان - ممثل: a dash before the role, not ألفاريز - لاسو
            break
        words.append((m.start(), m.end()))
        if len(words) == 7:
            break
    if not words or words[0][0] != pos:
        return None
    if _LATIN_WORD.fullmatch(text[words[0][0]:words[0][1]]):
        return _latin_name(text, pos)
    originals = [norm.original.__getitem__(slice(*norm.to_original(s, e))) for s, e in words]
    before_title = False
    for n in range(1, len(words)):          # السيد جون سميث والسيدة …: the next title ends the name
        w = text[words[n][0]:words[n][1]]
        if w in TITLES or (w[:1] in "وف" and w[1:] in TITLES):
            words, originals, before_title = words[:n], originals[:n], True
            break
    names = [_name_word(text[s:e], o) for (s, e), o in zip(words, originals)]
    from .role_persons import given, given_part, is_role_head, name_reach   # noqa: PLC0415 (role_persons imports this module)
    from .role_persons import common_word       # noqa: PLC0415
    for n in range(1, len(words)):          # عبد العاطي، أبو الغيط، آل مكتوم: the article inside a compound name
        if not names[n] and names[n - 1] and (text[words[n - 1][0]:words[n - 1][1]] in _COMPOUND_HEADS
                                              and text[words[n][0]:words[n][0] + 2] == "ال"
                                              or given_part(text[words[n][0]:words[n][1]])):
            names[n] = True                 # … and a compound given name: نور الدين، فاطمة الزهراء
    for n, (s, e) in enumerate(words):
        w = text[s:e]
        if not names[n] and (given(w) and n == 0 or (n >= 2 and w == "الابن")):
            names[n] = True           # السيد الحبيب نضير (a given name with the article); كونيخوس الابن (Jr.)
        elif n and names[n] and common_word(w, norm.original.__getitem__(slice(*norm.to_original(s, e)))):
            names[n] = False          # الأميرة فيكتوريا بحضور …: a common word ends the name
        elif n >= 1 and not names[n] and w.startswith("ال") and all(names[:n]) and not _role_word_strict(w) \
                and text[e:e + 1] == ",":
            names[n] = True           # علي بن ناصر الغفيص،: a family name with the article closed by a comma
    first = text[words[0][0]:words[0][1]]
    if not given(first) and common_word(first, originals[0]) and (len(words) < 2 or not names[1]):
        return None                   # وافتتحت السفيرة أعمال المؤتمر: a common noun and its genitive after the title
    if given(first):
        k = 1
        reach = name_reach([text[s:e] for s, e in words])
        while k < min(reach, len(words)) and names[k] and not (_imperfect(text[words[k][0]:words[k][1]])
                                                               and not _closes_name(text, words, names, k + 1)) \
                and not is_role_head(text[words[k][0]:words[k][1]]) \
                and (not norm.original.__getitem__(slice(*norm.to_original(*words[k]))).endswith("ة")
                     or text[words[k - 1][0]:words[k - 1][1]] in _COMPOUND_HEADS):     # أبو غزالة، آل خليفة
            k += 1
        if 2 <= k < min(reach, len(words) - 1) and not names[k]:
            w, nxt = text[words[k][0]:words[k][1]], text[words[k + 1][0]:words[k + 1][1]]
            if w.startswith("ال") and len(w) > 4 and not _role_word_strict(w) and is_role_head(nxt) \
                    and nxt[:1] not in "لب":
                k += 1                                  # علي بن صميخ المري رئيس اللجنة: a family name with the article
        if k >= 2 and (k == len(words) or not names[k] or is_role_head(text[words[k][0]:words[k][1]])):
            return words[0][0], words[k - 1][1]        # السفير ضرار عبد الرزاق رزوقي اليوم …: a given name anchors it
    if not names[0]:
        return None
    if is_role_head(text[words[0][0]:words[0][1]]):
        return None                             # السيدة وزير مفوض/ NAME: a role, then the name
    reach = name_reach([text[s:e] for s, e in words])
    for n in range(2, min(reach, len(words) - 1) + 1):       # الشيخ صباح خالد الحمد الصباح النائب الأول …
        w = text[words[n][0]:words[n][1]]
        if is_role_head(w) and w[:1] not in "لبوف":
            inner = [text[a:b] for a, b in words[1:n]]
            if any(x.startswith("ال") for x in inner) and all(
                    names[i + 1] or (x.startswith("ال") and len(x) > 3 and not _role_word_strict(x))
                    for i, x in enumerate(inner)):
                return words[0][0], words[n - 1][1]         # family names with the article, up to the role
            break
        if not names[n] and not (w.startswith("ال") and len(w) > 3 and not _role_word_strict(w)):
            break
    for n in range(1, min(4, len(words)) + 1):            # a comma right after word n closes the name
        if not all(names[:n]):
            break
        after = text[words[n - 1][1]:words[n - 1][1] + 1]
        initial = after == "." and words[n - 1][1] - words[n - 1][0] == 1 and n < len(words)
        if after == "," or (after in ".;:()\"" and n <= 2 and not initial) \
                or re.match(r" [-–—] ", text[words[n - 1][1]:words[n - 1][1] + 3]):    # NAME – ROLE
            return words[0][0], words[n - 1][1]
    if len(words) >= 3 and names[1] and _function_word(text[words[2][0]:words[2][1]], originals[2]):
        return words[0][0], words[1][1]
    if before_title and len(words) <= 4 and all(names):    # names running together: up to the next title
        return words[0][0], words[-1][1]
    from .role_persons import given, is_role_head      # noqa: PLC0415 (role_persons imports this module)
    for n in range(2, min(4, len(words) - 1) + 1):        # NAME ROLE / NAME وعن … with no comma
        if not names[n - 1]:
            break
        nxt = text[words[n][0]:words[n][1]]
        after = text[words[n][1]:words[n][1] + 12].split()
        from .role_persons import _role_word    # noqa: PLC0415
        role = is_role_head(nxt) and bool(after) and (after[0].startswith(("ال", "لل")) or _role_word(after[0]))
        if role or (nxt[:1] in "وف" and nxt[1:] in _FUNCTION_WORDS):
            return words[0][0], words[n - 1][1]
    third = text[words[2][0]:words[2][1]] if len(words) > 2 else ""
    if len(words) >= 2 and given(text[words[0][0]:words[0][1]]) and text[words[1][0]:words[1][0] + 2] == "ال" \
            and words[1][1] - words[1][0] > 4 and (text[words[1][1]:words[1][1] + 1] in ".,:;()\""
                                                  or (third and (is_role_head(third) or third in _FUNCTION_WORDS
                                                                 or (third[0] == "و" and third[1:3] != "ال")))):
        return words[0][0], words[1][1]                     # a family name with the article: سالم العتيبي. / أحمد الجرمن مساعد
    return words[0]


def _closes_name(text: str, words, names, n: int) -> bool:
    """Is word ``n`` the last word of a name: a name word without the article right before a comma or
    a full stop (علي يرلي قايا.: يرلي is then a name word, not an imperfect verb)?"""
    return n < len(words) and names[n] and not text[words[n][0]:words[n][1]].startswith("ال") \
        and text[words[n][1]:words[n][1] + 1] in ".,،"


def _imperfect(word: str) -> bool:
    from .role_persons import given             # noqa: PLC0415
    return word[:1] in "يت" and len(word) >= 4 and not given(word)


def _role_word_strict(word: str) -> bool:
    from .role_persons import _role_word_strict as strict     # noqa: PLC0415
    return strict(word)


def _role_after_dash(word: str) -> bool:
    """Is the word after `` - `` a role head or a noun with the article (the role), not a second surname?"""
    from .role_persons import is_role_head      # noqa: PLC0415 (role_persons imports this module)
    return is_role_head(word) or word.startswith(("ال", "لل"))


# A name in Latin script after an Arabic title (السيدة Louise Arbour): its capitalised words, with the
# lower-case particles of European and Arabic names between them (de, van, von, bin, al-).
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*")
_PARTICLE = r"(?:(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el)[ -])*"
_LATIN_NAME = re.compile(_PARTICLE + r"[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*\.?"
                         r"(?: " + _PARTICLE + r"[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*\.?){0,4}")


def _latin_name(text: str, pos: int) -> tuple[int, int] | None:
    """The span of a capitalised Latin-script name at ``pos`` (``William Lacy Swing``), or None."""
    m = _LATIN_NAME.match(text, pos)
    if m is None:
        return None
    end = m.end()
    if text[end - 1] == "." and end - pos > 2 and text[end - 3] != " ":     # a full stop, not an initial (J.)
        end -= 1
    return pos, end


@lru_cache(maxsize=256)
def _title_rx(title: str) -> re.Pattern:
    return re.compile(_title_pattern(title))


def _title_pattern(title: str) -> str:
    """A title as a whole word, with its proclitics (وقال السيد, للسير: ل + السير, alef dropped)."""
    plain = r"(?:[وف]?[بك]?)" + re.escape(title)
    if title.startswith("ال"):
        plain += r"|(?:[وف]?ل)" + re.escape(title[1:])
    return r"(?<![^\W\d_])(?:" + plain + r")(?: ?/ ?| )"


# More titles (and a slash) between a title and the name: ``السيدة الدكتورة/ حنان``, ``السفيرة/ د. هيفاء``.
_MORE_TITLES = re.compile(r"(?:(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                          + r"|د ?\.)(?: ?/ ?| ))*")


def find_persons(norm: Normalised) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in ``norm.text`` of each name that follows a personal title."""
    text = norm.text
    out = []
    for title in _NAME_TITLES:
        if title[1:] not in text:
            continue        # both written forms of the title contain title[1:]: nothing to scan for
        for m in _title_rx(title).finditer(text):
            span = _name_after(norm, _MORE_TITLES.match(text, m.end()).end())
            if span is None:
                continue
            os_, oe = norm.to_original(*span)
            out.append((span[0], span[1], person(norm.original[os_:oe])))
    return out


def _lexicon_words(cls: str) -> tuple[str, ...]:
    from ..text.word_classes import load      # noqa: PLC0415 (the shared lexicon loader)
    return tuple(load().words(cls))


# First words of a title written after a name (``شا زوكانغ، وكيل الأمين العام``), shared with
# the actor rules.
ROLE_HEADS = frozenset(fold(w) for w in (
    "الممثل", "الممثلة", "ممثل", "ممثلة", "رئيس", "رئيسة", "الرئيس", "الرئيسة", "وزير", "وزيرة", "الوزير",
    "الوزيرة", "مدير", "مديرة", "المدير", "المديرة", "مستشار", "مستشارة", "المستشار", "المستشارة", "سفير",
    "السفير", "الأمين", "أمين", "وكيل", "نائب", "نائبة", "الخبير", "خبير", "الخبيرة", "الصحفي", "الصحفية",
    "المنسق", "المنسقة", "منسق", "منسقة", "المقرر", "المقررة", "كبير", "كبيرة", "موظف", "موظفة", "محلل",
    "محللة", "أخصائي", "أخصائية", "المفوض", "المفوضة", "الأستاذ", "أستاذ", "باحث", "باحثة",
    "مسؤول", "مسؤولة", "عضو", "نقطة",
)) | frozenset(fold(w).split()[0] for w in _lexicon_words("role"))     # the reviewed role heads (persons.toml)
# Words that may stand right before an untitled name without being part of it: the copula
# (``المناقش هو X``) and reporting verbs (``قدم X، الممثل الخاص``).
_COPULAS = frozenset(fold(w) for w in ("هو", "هي"))
_VERBS_BEFORE_NAMES = frozenset(fold(w) for w in (
    "قدم", "قدمت", "ذكر", "ذكرت", "أكد", "أكدت", "قال", "قالت", "أشار", "أشارت", "شدد", "شددت", "أوضح",
    "أوضحت", "لاحظ", "لاحظت", "عرض", "عرضت", "افتتح", "افتتحت", "ترأس", "ترأست", "رحب", "رحبت", "تكلم",
    "تكلمت", "تحدث", "تحدثت", "أبرز", "أبرزت", "اقترح", "اقترحت", "دعا", "دعت", "أعلن", "أعلنت", "كان",
    "كانت", "ألقى", "ألقت", "أدلى", "أدلت", "بين", "بينت", "اختتم", "اختتمت", "شكر", "شكرت", "هنأ", "هنأت",
    "يضم", "تضم", "ضم", "ضمت", "وضم", "وضمت", "أدار", "أدارت", "حضر", "حضرت", "مثل", "مثلت", "انضم", "قام",
    "قامت", "يقوم", "تقوم", "سيقوم", "ستقوم"))


def _verb_before_name(folded: str) -> bool:
    """A reporting verb, also with a pronoun object (``قدمه``) or the conjunction (``وقام``)."""
    for w in (folded, folded[1:] if folded[:1] in "وف" else ""):
        if w in _VERBS_BEFORE_NAMES or (w.endswith("ه") and w[:-1] in _VERBS_BEFORE_NAMES) \
                or (w.endswith("ها") and w[:-2] in _VERBS_BEFORE_NAMES):
            return True
    return False
_LETTERS_RX = re.compile(r"[^\W\d_]+")


def _untitled_name_words(norm: Normalised, comma: int) -> list[tuple[int, int]]:
    """The name words (closest first) that end right before the comma at ``comma``, or []."""
    text = norm.text
    words: list[tuple[int, int]] = []
    pos = comma
    while len(words) < 5:
        m = re.search(r"([^\W\d_]+) ?$", text[max(0, pos - 40):pos])
        if not m:
            break
        s, e = pos - len(m.group(0)), pos - len(m.group(0)) + len(m.group(1))
        folded = text[s:e]
        original = norm.original.__getitem__(slice(*norm.to_original(s, e)))
        if folded in _COPULAS or _verb_before_name(folded) or folded in TITLES:
            return words if folded in _COPULAS or len(words) >= 2 else []
        if not _name_word(folded, original) or original.endswith("ة") or len(folded) < 2:
            break
        from .role_persons import given             # noqa: PLC0415 (role_persons imports this module)
        if folded[0] in "وف" and len(folded) > 3 and not given(folded):   # a list item: ؛ وNAME (not وليام)
            prev = re.search(r"([^\W\d_]+) ?$", text[max(0, s - 30):s])
            if prev and _verb_before_name(prev.group(1)):
                words.append((s, e))                # قال فرانسيسكو …: after a verb the word is whole
                break
            words.append((s + 1, e))
            break
        words.append((s, e))
        pos = s
    from .role_persons import common_word, given    # noqa: PLC0415 (role_persons imports this module)
    if words and text[words[-1][0]:words[-1][1]] in _NAME_PARTICLES:
        words = words + _compound_before(text, words[-1][0])    # عبد القادر بن مساهل: the name goes on before بن
    for n, (s, e) in enumerate(words):
        if n and common_word(text[s:e], norm.original.__getitem__(slice(*norm.to_original(s, e)))):
            words = words[:n]                       # تترأس أعماله تيودورا …: a common word ends the name
            break
    firsts = [n for n, (s, e) in enumerate(words) if given(text[s:e])]
    if firsts and firsts[-1] >= 1:
        words = words[:firsts[-1] + 1]              # the name starts at its given name (… تيودورا تساكري)
    return words if len(words) >= 2 and len(words) <= 4 + any(text[s:e] in _NAME_PARTICLES for s, e in words) else []


_NAME_PARTICLES = frozenset(fold(w) for w in ("بن", "ابن", "ولد", "بنت"))


def _compound_before(text: str, pos: int) -> list[tuple[int, int]]:
    """The words (closest first) of a compound given name right before a particle at ``pos``: ``عبد القادر``
    (a compound head and a word with the article) or an article-form given name after a given name
    (``محمد الأمين``); [] when none."""
    from .role_persons import article_given, given    # noqa: PLC0415 (role_persons imports this module)
    m = re.search(r"([^\W\d_]+) ([^\W\d_]+) ?$", text[max(0, pos - 40):pos])
    if not m:
        return []
    base = pos - len(m.group(0))
    a = (base, base + len(m.group(1)))
    b = (base + len(m.group(1)) + 1, base + len(m.group(1)) + 1 + len(m.group(2)))
    first, second = m.group(1), m.group(2)
    if second.startswith("ال") and (first in _COMPOUND_HEADS or given(first) and article_given(second)):
        return [b, a]
    return []


def find_persons_before_roles(norm: Normalised) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in ``norm.text`` of untitled names followed by a comma and a title
    (``شا زوكانغ، وكيل الأمين العام``, ``وكان المناقش هو أظفرخان، أخصائي هجرة``): two to four
    name words (no article, no function word, no feminine ة, not a reporting verb), or one word
    after the copula ``هو/هي``."""
    text = norm.text
    out = []
    for m in re.finditer(r" ?, ?([^\W\d_]+)", text):
        if m.group(1) not in ROLE_HEADS and not (m.group(1)[:1] == "و" and m.group(1)[1:] in ROLE_HEADS):
            continue
        words = _untitled_name_words(norm, m.start())
        if not words:
            continue
        start, end = words[-1][0], words[0][1]
        os_, oe = norm.to_original(start, end)
        out.append((start, end, person(norm.original[os_:oe])))
    return out


def surname(label: str) -> str:
    """The folded family name of a person label (``بيلار ألفاريز - لاسو`` → ``الفاريز - لاسو``)."""
    words = fold(label).split()
    if "-" in words[:-1]:
        i = words.index("-")
        return " ".join(words[max(0, i - 1):])
    return words[-1] if words else ""


def find_known_persons(norm: Normalised, surnames: dict[str, Entity],
                       taken: list[tuple[int, int]]) -> list[tuple[int, int, Entity]]:
    """Untitled references to persons already found with a title in the same document: the
    surname as a whole word, with the one name word before it (``راينر مونز``) when that word
    can be a given name (not a function word, not a noun with the article, not و/ف + verb)."""
    text = norm.text
    out = []
    for name, entity in surnames.items():
        if name not in text:
            continue
        for m in re.finditer(r"(?<![^\W\d_])" + re.escape(name) + r"(?![^\W\d_])", text):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            prev = re.search(r"([^\W\d_]+) $", text[max(0, start - 40):start])
            if prev:
                ps = start - len(prev.group(0))
                word = prev.group(1)
                original = norm.original.__getitem__(slice(*norm.to_original(ps, ps + len(word))))
                if _name_word(word, original) and word[0] not in "وف" and word not in TITLES and len(word) > 2 \
                        and not _verb_before_name(word) \
                        and not (word[0] in "لبك" and _function_word(word[1:], original[1:])):
                    start = ps
            os_, oe = norm.to_original(start, end)
            out.append((start, end, person(norm.original[os_:oe])))
            taken.append((start, end))
    return out


def unify_persons(mentions: list[Mention]) -> list[Mention]:
    """Point a one-word person mention at the single longer name of the same document ending in it."""
    full: dict[str, set[Entity]] = {}
    for m in mentions:
        if m.entity.kind == "person" and m.entity.from_text:
            words = fold(m.entity.label_ar).replace(" - ", "-").split()
            if len(words) > 1:
                full.setdefault(words[-1], set()).add(m.entity)
    labels = {fold(e.label_ar): e for es in full.values() for e in es}
    out = []
    for m in mentions:
        words = fold(m.entity.label_ar).replace(" - ", "-").split() if m.entity.kind == "person" else []
        if len(words) == 1 and len(full.get(words[0], ())) == 1:
            m = replace(m, entity=next(iter(full[words[0]])))
        elif words and words[0][:1] in "لبو" and fold(m.entity.label_ar)[1:] in labels:
            m = replace(m, entity=labels[fold(m.entity.label_ar)[1:]])     # لعلي منصور → علي منصور
        out.append(m)
    return out
