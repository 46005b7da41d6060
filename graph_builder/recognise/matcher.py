"""Find mentions of gazetteer entities (and of cited publications and titled persons) in Arabic text.

One Aho-Corasick automaton (pyahocorasick) holds every folded surface form: Arabic names and
variants, Latin acronyms, the nisba adjectives of states, and the ambiguous short forms. A hit
counts only on word boundaries, where the letters glued before it in the same written word
are proclitics (``arabic.PROCLITICS``: و ف ب ل ك and their combinations):

* a name with the article (``المنظمة الدولية للهجرة``) may follow و ف ب ك وب … ; after ل it is
  written ``لل`` (``وللمنظمة``, alef dropped), which is matched too, and a name whose first word starts with
  lam after the article is written with one lam less (``اللاجئين`` → ``للاجئين``, ``اللجنة`` → ``للجنة``);
* a name without the article (``منظمة العمل الدولية``, ``سويسرا``) may follow any proclitic
  (``لمنظمة العمل الدولية``, ``وسويسرا``); the article is never dropped from or added to a name;
* a Latin acronym counts only as a whole token (``IOM``, ``(IOM)``, or after an Arabic article
  or clitic glued with a tatweel: ``الـOIM``, ``وللـIOM``), case as written (topic
  slugs and the ISO codes of states are notations, not acronyms a text uses).

**Span convention**: the span excludes the proclitic letters and covers the name as written;
for the ``لل`` form the first lam is the preposition and the second the article's lam, so
``وللمنظمة الدولية للهجرة`` gives the surface ``لمنظمة الدولية للهجرة``.

Overlaps: the longest span wins (then the earliest). A nisba adjective (``الحكومة السويسرية``
→ the state) gives a mention of the state on the adjective word. An ambiguous short form
(``المفوضية``) goes to the entity, among those listing it, whose full mention came last in the
same scope (earlier in the same text, or ``previous``), else to the candidate that glosses a short form of several words right after it
(``المؤتمر الإقليمي للهجرة ("عملية بويبلا")``, ``(RCM)``: a generic phrase names a process only so qualified), else
(``mentions_in``) to the document's
dominant process when it is a candidate (:meth:`Matcher.dominant`: ``المنتدى`` in a report about
the Global Forum); it is dropped when there is none or when it follows a definite word as an
adjective would (``الجريمة المنظمة``). An untitled name followed by a comma and a title
(``شا زوكانغ، وكيل الأمين العام``) is a person when nothing else matched there. The hamza of ``شؤون``/``مسؤول`` is
matched on either seat (``شئون``, Egyptian press). OCR slips are
matched only by a bounded fuzzy rule: single-word proper names (states, places, processes,
regions) of at least 6 letters, edit distance 1 per 6 letters, same first and last letter,
never a token that is itself a known name or a given name (lexicon class ``given_name``:
``مانويلا`` is a person, not Manila), nor the word right after a given name (``أنجيل لوسادا`` is
a family name, not a slip of Lusaka). Explicit ``ar_alt`` variants are preferred.

A SHORT name (a name of a process, body or instrument that is the first words of a longer name of the
same entity: ``المنتدى العالمي``, ``إعلان نيويورك``) or an ambiguous short form is not a mention when
the text goes on with a qualifier that makes it another name: a link word (``المعني``, ``بشأن``,
``حول``, lexicon class ``name_qualifier_link``) or a definite genitive with ``لل`` (``المنتدى العالمي
للاجئين`` is the Global Refugee Forum, not the GFMD), unless a word of the entity's own longer names
follows within the clause (``المنتدى العالمي حول الهجرة والتنمية``, an unlisted variant) or the لل
word keeps the referent (``للعام``, class ``name_genitive_not_qualifier``). A short form that starts
where such a longer name was refused is refused too, and so is one followed by a definite adjective
that names another body (``المنتدى الإقليمي``, ``الحوار الوطني``, ``المنتدى الأول لاستعراض الهجرة``;
not an ordinal, a state's nisba, a word of a candidate's name or a word of ``short_form_keep_adjective``
such as ``المقبل``). A word
ending in ta marbuta never matches (exactly or fuzzily) a state, place, process or region none
of whose names ends in ta marbuta: folding ة to ه would make the adjective ``مالية``
("financial") the city ``ماليه`` (Malé).

One folded spelling of two entities (``عمّان`` Amman / ``عمان`` Oman: the folding drops the shadda) is read as the
other entity when the writer wrote the diacritic, or when it stands where a city does and the paragraph names the
other's country and not the default's (``homograph`` in ``lexicons/name_variants.toml``).

``mentions_in(document, matcher)`` runs over every heading, paragraph and footnote, with
scope = the enclosing section of level ≤ ``SCOPE_LEVEL`` (2: ألف/باء…; a footnote is its own
scope), then finds untitled references to persons named with a title elsewhere in the document.

It does not extract facts and keeps no state between calls.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

import ahocorasick

from ..text.arabic import PROCLITICS, fold, is_word_char, normalise
from ..text.word_classes import load as load_word_classes
from .findings import Entity, Mention
from .gazetteer import Gazetteer
from .name_variants import load_grammar, namesake_capitals
from ..text.model import Document, Section
from .role_persons import find_role_persons, given
from .text_bodies import find_bodies
from .text_entities import (find_known_persons, find_numbered_laws, find_persons, find_persons_before_roles,
                            find_publications, find_resolutions_cited, surname, unify_persons)

NAME, ELIDED, ACRONYM, ADJECTIVE, SHORT, SHORT_ELIDED = "name", "elided", "acronym", "adjective", "short", "short-elided"
RULES = {NAME: "gazetteer", ELIDED: "gazetteer", ACRONYM: "acronym", ADJECTIVE: "adjective",
         SHORT: "short-form", SHORT_ELIDED: "short-form"}
_LAM_PREFIXES = frozenset(p for p in PROCLITICS if p.endswith("ل"))
_ARTICLE_PREFIXES = frozenset(p for p in PROCLITICS if not p.endswith("ل"))
# the article and clitics a writer glues (with a tatweel the folding drops) to a Latin acronym: الـOIM
_LATIN_ACRONYM_PREFIXES = frozenset({"ال", "لل", "ولل", "فلل"} | {p + "ال" for p in _ARTICLE_PREFIXES})
FUZZY_KINDS = ("state", "place", "process", "region")
# words that start like the article but are particles: إلى, إلا, التي, الذي, …
_NOT_DEFINITE = frozenset(fold(w) for w in ("إلى", "إلا", "ألا", "التي", "الذي", "الذين", "اللذين", "اللتين",
                                             "اللذان", "اللتان", "اللاتي", "اللائي", "الآن"))
FUZZY_MIN_LETTERS = 6
_LETTER_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")   # a word of letters only
SCOPE_LEVEL = 2          # short forms resolve within the enclosing section of this level
# A short form with no antecedent in its scope goes to the document's dominant process (see
# Matcher.dominant): the most-named entity of DOMINANT_KINDS, named in full at least DOMINANT_MIN
# times and DOMINANT_RATIO times as often as any other candidate of the short form.
DOMINANT_MIN, DOMINANT_RATIO, DOMINANT_KINDS = 3, 3, frozenset({"process"})
# Kinds whose short names (the first words of a longer name of theirs) a qualifier can turn into
# another name (المنتدى العالمي للاجئين).
QUALIFIED_KINDS = frozenset({"process", "body", "commitment"})
_CLAUSE_END = re.compile(r"[,.;:!?()\[\]\"'\u060c\n-]")
# between a short form and the name that glosses it: an opening bracket (and quote), or "، أو" / "، أي"
_APPOSITION = re.compile(r"\s*(?:[(\[]\s*[\"'«“]?|[،,]?\s*(?:او|اي)\s+)\s*")
# عاصمة STATE (بعاصمة المملكة) and العاصمة STATE (بالعاصمة الجزائر) name the state's capital
_CAPITAL_NOUN = fold("عاصمة")
_CAPITAL_PREFIXES = frozenset(("", "ال", "لل") + PROCLITICS + tuple(p + "ال" for p in PROCLITICS if not p.endswith("ل"))
                              + tuple(p + "لل" for p in ("و", "ف")))
_FILLER = frozenset(fold(w) for w in ("في", "من", "على", "عن", "إلى", "مع", "و", "أو", "ال"))


@lru_cache(maxsize=65536)
def _cores(word: str) -> frozenset[str]:
    """The word without its proclitics and article, every way it can be read (``للاجئين`` → لاجئين …)."""
    out = set()
    for _, stem in ((("", word),) + tuple((p, word[len(p):]) for p in PROCLITICS if word.startswith(p))):
        for s in (stem, stem[2:] if stem.startswith("ال") else stem, stem[1:] if stem.startswith("ل") else stem):
            if len(s) >= 3:
                out.add(s)
    return frozenset(out)


def _name_words(names: Iterable[str]) -> frozenset[str]:
    return frozenset(c for n in names for w in n.split() for c in _cores(w) if w not in _FILLER)


FUZZY_MEMO = 100_000     # words whose fuzzy reading is kept (the memo is emptied when full)
_UNSEEN = object()


@dataclass(frozen=True)
class Match:
    start: int                    # code points in the ORIGINAL text
    end: int
    entity: Entity
    surface: str                  # original_text[start:end]
    rule: str = "gazetteer"


@dataclass(frozen=True)
class _Hit:                       # a candidate, in normalised offsets
    start: int
    end: int
    entity: Entity | None         # None for a short form not yet resolved
    how: str
    key: str = ""


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# The hamza of شؤون/مسؤول sits on waw or on ya by region (Egyptian press: شئون، مسئول); folding keeps
# the seat (و / ي), so a name is matched in both spellings.
_HAMZA_SEATS = (("شوون", "شيون"), ("مسوول", "مسيول"))


def _spellings(key: str) -> list[str]:
    out = [key]
    for a, b in _HAMZA_SEATS:
        out += [k.replace(a, b) for k in out if a in k]
    return out


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


# Kinds of a name after which a definite short form is the verb's object, not its adjective
NAME_BEFORE_OBJECT = frozenset({"org", "state", "process", "body"})

_HYPHEN = re.compile(r"(?<=\w) ?- ?(?=\w)")


def hyphen_forms(key: str) -> list[str]:
    """A folded name with a joining hyphen (``الاورو-افريقي``) as the press spaces or drops it: ``الاورو -افريقي``,
    ``الاورو- افريقي``, ``الاورو - افريقي``, ``الاورو افريقي`` (a tatweel for the hyphen, folded away),
    ``الاوروافريقي``. A name with no hyphen is itself only."""
    if not _HYPHEN.search(key):
        return [key]
    return list(dict.fromkeys(_HYPHEN.sub(j, key) for j in ("-", " -", "- ", " - ", " ", "")))


_PLUS = re.compile(r"(?<=\w) ?\+ ?(?=\w)")


def plus_forms(key: str) -> list[str]:
    """A folded name with a joining plus (``حوار 5 + 5``) as the press spaces it: ``5+5``, ``5 +5``, ``5+ 5``,
    ``5 + 5``. A name with no plus is itself only."""
    if not _PLUS.search(key):
        return [key]
    return list(dict.fromkeys(_PLUS.sub(j, key) for j in ("+", " +", "+ ", " + ")))


class Matcher:
    """Matches one gazetteer's names in text; build once, call :meth:`find` many times."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, Entity | None]]] = {}

        def add(key: str, how: str, entity: Entity | None) -> None:
            if key and (how, entity) not in table.setdefault(key, []):
                table[key].append((how, entity))

        self._names: set[str] = set()
        for e in gazetteer.entities:
            for name in gazetteer.arabic_names(e):
                for key in dict.fromkeys(s for h in hyphen_forms(fold(name)) for p in plus_forms(h) for s in _spellings(p)):
                    self._names.add(key)
                    add(key, NAME, e)
                    if key.startswith("ال") and len(key) > 3:
                        add(key[1:], ELIDED, e)
                    if key.startswith("الل") and len(key) > 4:
                        add(key[2:], ELIDED, e)     # اللاجئين after ل: للاجئين (the article's lam merges)
            for n in e.notations:
                if n.isascii() and any(c.isalpha() for c in n) and e.kind not in ("topic", "state"):
                    add(n, ACRONYM, e)
        for key_e, forms in gazetteer.adjectives.items():
            e = gazetteer.get(*key_e)
            for form in forms:
                add(fold(form), ADJECTIVE, e)
        for short in gazetteer.ambiguous:
            key = fold(short)
            for form in plus_forms(key):
                add(form, SHORT, None)
            if key.startswith("ال") and len(key) > 3:
                add(key[1:], SHORT_ELIDED, None)
        self._ambiguous = {f: v for k, v in gazetteer.ambiguous.items() for f in plus_forms(fold(k))}
        # names written with a final ta marbuta: only these may match a word that ends in ة (entity key → the
        # numbers of words of such names: العاصمة المالديفية, a two-word name of Malé, lets no lone مالية match it)
        ta: dict = {}
        for e in gazetteer.entities:
            for n in gazetteer.arabic_names(e):
                if n.endswith("ة"):
                    ta.setdefault(e.key, set()).add(len(n.split()))
        self._ta_marbuta = {k: frozenset(v) for k, v in ta.items()}
        for key, values in table.items():
            self._auto.add_word(key, (key, tuple(values)))
        if table:
            self._auto.make_automaton()
        self._fuzzy = self._fuzzy_index(gazetteer)
        lex = load_word_classes()
        self._links = tuple(tuple(fold(w).split()) for w in lex.words("name_qualifier_link"))
        self._keep = tuple(tuple(fold(w).split()) for w in lex.words("name_genitive_not_qualifier"))
        self._link_words = _name_words(w for p in self._links for w in p)
        self._keep_adjectives = frozenset(fold(w) for w in lex.words("short_form_keep_adjective"))
        self._nisbas = frozenset(fold(f) for forms in gazetteer.adjectives.values() for f in forms)
        self._short_names = self._short_name_index(gazetteer)
        self._fuzzy_memo: dict[str, tuple[int, Entity] | None] = {}
        self._homographs = {}
        self.namesakes = namesake_capitals(gazetteer.entities, {e.key: e for e in gazetteer.entities},
                                           gazetteer.arabic_names, load_grammar())
        self._capitals = {iso: gazetteer.get("place", slug) for iso, slug in load_grammar().capital_of
                          if ("place", slug) in gazetteer}
        for hg in load_grammar().homographs:
            kd, ko = tuple(hg.default.split("/", 1)), tuple(hg.other.split("/", 1))
            if kd in gazetteer and ko in gazetteer:
                self._homographs[kd] = (hg, gazetteer.get(*ko))

    # ------------------------------------------------------------ short names
    def _short_name_index(self, gazetteer: Gazetteer) -> dict[tuple[str, object], frozenset[str]]:
        """(folded short name, entity key or None for an ambiguous short form) → the words of the
        entity's longer names (its candidates' names for a short form) that the short name lacks."""
        index: dict[tuple[str, object], frozenset[str]] = {}
        for e in gazetteer.entities:
            if e.kind not in QUALIFIED_KINDS:
                continue
            # sorted, the longer names that start with ``n + " "`` follow ``n`` in one run (a bisect, not a scan
            # of every other name: an entity has hundreds of generated names); each name's words once
            names = sorted({fold(n) for n in gazetteer.arabic_names(e)})
            for n in names:
                prefix = n + " "
                i = j = bisect.bisect_left(names, prefix)
                while j < len(names) and names[j].startswith(prefix):
                    j += 1
                if j > i:
                    index[(n, e.key)] = _name_words(names[i:j]) - _name_words([n]) - self._link_words
        for short, candidates in gazetteer.ambiguous.items():
            key = fold(short)
            index[(key, None)] = _name_words(fold(n) for e in candidates
                                             for n in gazetteer.arabic_names(e)) - _name_words([key]) - self._link_words
        return index

    def _qualified(self, text: str, end: int, own: frozenset[str]) -> bool:
        """True when the words after ``end`` open a qualifier (a link word, a لل genitive) whose
        first word is not one of ``own`` (the words of the short name's longer names)."""
        stop = _CLAUSE_END.search(text, end, end + 160)
        words = text[end:stop.start() if stop else end + 160].split()
        if not words or not text[end:end + 1].isspace():
            return False
        if any(tuple(words[:len(p)]) == p for p in self._keep):
            return False
        link = next((p for p in self._links if tuple(words[:len(p)]) == p), None)
        if link is not None:
            subject = words[len(link)] if len(words) > len(link) else None
        else:
            skip = _ordinal_words(words)          # المنتدى العالمي الأول للاجئين: an ordinal, then the genitive
            subject = words[skip] if len(words) > skip and words[skip].startswith("لل") else None
        return subject is not None and not (_cores(subject) & own)

    # ------------------------------------------------------------ fuzzy index
    def _fuzzy_index(self, gazetteer: Gazetteer) -> dict[str, list[tuple[str, Entity]]]:
        index: dict[str, list[tuple[str, Entity]]] = {}
        for e in gazetteer.entities:
            if e.kind not in FUZZY_KINDS:
                continue
            for name in gazetteer.arabic_names(e):
                key = fold(name)
                core = key[2:] if key.startswith("ال") else key
                if " " in key or len(core) < FUZZY_MIN_LETTERS or not core.isalpha() or core.isascii():
                    continue
                for d in _deletions(key) | {key}:
                    index.setdefault(d, []).append((key, e))
        return index

    def _fuzzy_hits(self, text: str, taken: list[tuple[int, int]]) -> list[_Hit]:
        hits = []
        if not self._fuzzy:
            return hits
        prev, prev_end = "", 0
        for m in _LETTER_WORD.finditer(text):
            i, j = m.span()
            word, before = m.group(), prev if text[prev_end:i].isspace() else ""
            prev, prev_end = word, j
            if before and (given(before) or before[:1] in "وف" and given(before[1:])):
                continue                    # أنجيل لوسادا: the word after a given name is a family name, not a slip of لوساكا
            if j - i >= FUZZY_MIN_LETTERS - 1 and word not in self._names \
                    and not any(s < j and i < e for s, e in taken):
                hit = self._fuzzy_word(word, i)
                if hit:
                    hits.append(hit)
        return hits

    def _fuzzy_word(self, word: str, offset: int) -> _Hit | None:
        """The fuzzy hit of ``word`` at ``offset`` (what a word reads as is memoised per word)."""
        found = self._fuzzy_memo.get(word, _UNSEEN)
        if found is _UNSEEN:
            if len(self._fuzzy_memo) >= FUZZY_MEMO:
                self._fuzzy_memo.clear()
            found = self._fuzzy_memo[word] = self._fuzzy_reading(word)
        if found is None:
            return None
        cut, e = found
        return _Hit(offset + cut, offset + len(word), e, "fuzzy")

    def _fuzzy_reading(self, word: str) -> tuple[int, Entity] | None:
        """(length of the proclitic, entity) of the first reading of ``word`` that is a slip of a name."""
        for prefix in ("",) + PROCLITICS:
            if not word.startswith(prefix):
                continue
            stem = word[len(prefix):]
            if stem in self._names or given(stem):
                return None                 # a known name, or a given name (مانويلا is not مانيلا)
            found = {}
            for d in _deletions(stem) | {stem}:
                for name, e in self._fuzzy.get(d, ()):
                    found[(name, e.key)] = (name, e)
            for name, e in found.values():
                if self._fuzzy_ok(stem, name, prefix):
                    return len(prefix), e
        return None

    @staticmethod
    def _fuzzy_ok(stem: str, name: str, prefix: str) -> bool:
        core = name[2:] if name.startswith("ال") else name
        if name.startswith("ال") and prefix in _LAM_PREFIXES:
            return False
        if stem[0] != name[0] or stem[-1] != name[-1]:
            return False
        if len(stem) == len(name) + 1 and stem[-2] == "ي" and stem[:-2] == name[:-1]:
            return False                    # a nisba adjective (سويسريا), not a slip
        dist = _levenshtein(stem, name)
        return 1 <= dist <= len(core) // FUZZY_MIN_LETTERS

    # ------------------------------------------------------------ exact hits
    def _exact_hits(self, text: str) -> list[_Hit]:
        hits = []
        if not len(self._auto):
            return hits
        for end_idx, (key, values) in self._auto.iter(text):
            start, end = end_idx - len(key) + 1, end_idx + 1
            if end < len(text) and is_word_char(text[end]):
                continue
            ws = start
            while ws > 0 and is_word_char(text[ws - 1]):
                ws -= 1
            prefix = text[ws:start]
            for how, entity in values:
                if self._prefix_ok(how, key, prefix):
                    hits.append(_Hit(start, end, entity, how, key))
        refused: set[int] = set()
        kept = []
        for h in sorted(hits, key=lambda h: h.start - h.end):          # longest first
            own = self._short_names.get(self._short_key(h))
            short = h.how in (SHORT, SHORT_ELIDED)
            if short and h.start in refused or own is not None and (
                    self._qualified(text, h.end, own) or short and self._adjective_after(text, h.end, own)):
                refused.add(h.start)
                continue
            kept.append(h)
        return kept

    def _adjective_after(self, text: str, end: int, own: frozenset[str]) -> bool:
        """True when a short form (المنتدى) is followed by a definite adjective that makes it another
        name: a relative adjective (المنتدى الإقليمي) that is not one of its candidates' name words, a
        state's nisba or a word of ``short_form_keep_adjective``, or an ordinal and a genitive that is
        not a candidate's name word (المنتدى الأول لاستعراض الهجرة)."""
        stop = _CLAUSE_END.search(text, end, end + 80)
        words = text[end:stop.start() if stop else end + 80].split()
        if not words or not text[end:end + 1].isspace() or not words[0].startswith("ال") or len(words[0]) < 4:
            return False
        w = words[0]
        if w in self._keep_adjectives or w in self._nisbas or _cores(w) & own:
            return False
        from ..values import find_ordinals          # noqa: PLC0415 (values imports text, not recognise)
        ordinal = find_ordinals(" ".join(words[:3]), numbered_nouns=())
        if not ordinal or ordinal[0].start != 0:
            # المنتدى الإقليمي: a relative adjective (-ي, -ية) names another forum; any other definite word
            # may start the next phrase (لأعمال المنتدى الموضوع المحوري: the object of the verb)
            return w.endswith(("ي", "يه")) and not w.endswith(("اي", "وي"))
        rest = " ".join(words[:3])[ordinal[0].end:].split()
        # المنتدى الأول لاستعراض الهجرة: an ordinal, then a genitive that names another forum
        return bool(rest) and rest[0].startswith("ل") and len(rest[0]) > 4 \
            and not _cores(rest[0]) & own and not any(tuple(rest[:len(p)]) == p for p in self._keep)

    @staticmethod
    def _short_key(h: _Hit) -> tuple[str, object]:
        key = "ا" + h.key if h.how in (ELIDED, SHORT_ELIDED) else h.key
        return (key, None if h.entity is None else h.entity.key)

    @staticmethod
    def _prefix_ok(how: str, key: str, prefix: str) -> bool:
        if how == ACRONYM:            # الـOIM، للـIOM، والـECOWAS: an Arabic article or clitic on a Latin acronym
            return prefix == "" or key.isascii() and prefix in _LATIN_ACRONYM_PREFIXES
        if how in (ELIDED, SHORT_ELIDED):
            return prefix in _LAM_PREFIXES
        if key.startswith("ال"):
            return prefix == "" or prefix in _ARTICLE_PREFIXES
        return prefix == "" or prefix in PROCLITICS

    # ------------------------------------------------------------ selection
    @staticmethod
    def _select(hits: Iterable[_Hit]) -> list[_Hit]:
        """Longest first, then earliest, then names before short forms; no overlaps."""
        order = {NAME: 0, ELIDED: 0, ACRONYM: 0, ADJECTIVE: 1, SHORT: 2, SHORT_ELIDED: 2, "fuzzy": 3}
        chosen: list[_Hit] = []
        for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, order.get(h.how, 4))):
            if all(h.end <= c.start or c.end <= h.start for c in chosen):
                chosen.append(h)
        return sorted(chosen, key=lambda h: h.start)

    def _resolve_short(self, text: str, hit: _Hit, recent: list[Entity],
                       fallback: Mapping[str, Entity], name_ends: frozenset = frozenset()) -> Entity | None:
        """The entity an ambiguous short form stands for (the latest candidate named in scope, else
        the document's dominant candidate in ``fallback``), or None. A definite word before it is an
        adjective's noun (``الجريمة المنظمة``) unless that word ends a name (``أقرت الجمعية العامة الاتفاق
        العالمي``: the short form is the verb's object): ``name_ends`` are the ends of the names found."""
        if hit.key.startswith("ال") and self._follows_definite(text, hit.start) and text[:hit.start].rstrip() and \
                len(text[:hit.start].rstrip()) not in name_ends:
            return None
        key = hit.key if hit.how == SHORT else "ا" + hit.key
        candidates = self._ambiguous.get(key, ())
        if any(c.kind == "state" for c in candidates):
            # المملكة: the one kingdom named before it; after two (المغرب … وإسبانيا … المملكة) the writer's own
            # state is meant, which the text does not say: none
            named = {e for e in recent if e in candidates}
            return named.pop() if len(named) == 1 else None
        for e in reversed(recent):
            if e in candidates:
                return e
        return fallback.get(key)

    def _apposed(self, text: str, hit: _Hit, following: Sequence[_Hit]) -> Entity | None:
        """The candidate a short form is glossed with right after it: ``المؤتمر الإقليمي للهجرة ("عملية بويبلا")``,
        ``(RCM)``, ``، أو عملية بويبلا،``; else None (a generic phrase is no name unless the text qualifies it). Only
        for a short form of several words: a one-word one (المنظمة) is resolved by what came before."""
        if " " not in hit.key:
            return None                   # a one-word short form (المنظمة) is resolved by what came before only
        nxt = next((f for f in following if f.entity is not None), None)
        if nxt is None or not _APPOSITION.fullmatch(text[hit.end:nxt.start]):
            return None
        key = hit.key if hit.how == SHORT else "ا" + hit.key
        return nxt.entity if nxt.entity in self._ambiguous.get(key, ()) else None

    def dominant(self, counts: Mapping[Entity, int]) -> dict[str, Entity]:
        """Short form (folded) → the document's dominant process, for the short forms that can
        stand for it: the process the document names in full most often (at least
        ``DOMINANT_MIN`` times), when it is also named ``DOMINANT_RATIO`` times as often as any
        other candidate of that short form. (``المنتدى`` in a report about the Global Forum; a
        generic ``الحوار`` is not resolved unless the Dialogue is what the report is about.)"""
        processes = [e for e in counts if e.kind in DOMINANT_KINDS]
        if not processes:
            return {}
        top = max(processes, key=lambda e: (counts[e], e.slug))
        if counts[top] < DOMINANT_MIN:
            return {}
        out = {}
        for key, candidates in self._ambiguous.items():
            if top in candidates and all(counts[top] >= DOMINANT_RATIO * counts.get(e, 0)
                                         for e in candidates if e != top):
                out[key] = top
        return out

    @staticmethod
    def _follows_definite(text: str, start: int) -> bool:
        """True when the word before ``start`` (same clause) is definite and the short form has
        no proclitic: it is then an adjective (``الجريمة المنظمة``) rather than a name."""
        if start > 0 and is_word_char(text[start - 1]):
            return False                  # للمنتدى, والمنظمة: a preposition/conjunction, not an adjective
        ws = start
        while ws > 0 and is_word_char(text[ws - 1]):
            ws -= 1
        if ws == 0 or text[ws - 1] != " ":
            return False
        pe = ws - 1
        ps = pe
        while ps > 0 and is_word_char(text[ps - 1]):
            ps -= 1
        prev = text[ps:pe]
        if prev in _NOT_DEFINITE:
            return False
        for p in ("",) + PROCLITICS:
            stem = prev[len(p):] if prev.startswith(p) else None
            if stem is None:
                continue
            if stem.startswith("ال") and p not in _LAM_PREFIXES:
                return True
            if p in _LAM_PREFIXES and stem.startswith("ل") and len(stem) > 2:
                return True
        return False

    def _feminine_word(self, text: str, norm, hit: _Hit) -> bool:
        """A word ending in ta marbuta (``مالية`` "financial") is a common noun or adjective, not a
        place or state whose name ends in ha (``ماليه`` Malé): folding makes them look alike."""
        if hit.entity is None or hit.how not in (NAME, ELIDED, "fuzzy") or hit.entity.kind not in FUZZY_KINDS:
            return False
        os_, oe = norm.to_original(hit.start, hit.end)
        return text[oe - 1:oe] == "ة" and len(text[os_:oe].split()) not in self._ta_marbuta.get(hit.entity.key, ())

    def _homograph(self, text: str, norm, hit: _Hit) -> _Hit:
        """The other entity of a folded spelling two entities share (عمّان the city, عمان the state: the folding
        drops the shadda), when the writer wrote its diacritic, or when the name stands where a city does and
        the paragraph names the other's country and not the default's (lexicons/name_variants.toml, homograph)."""
        found = self._homographs.get(hit.entity.key) if hit.entity is not None and hit.how == NAME else None
        if found is None:
            return hit
        hg, other = found
        os_, oe = norm.to_original(hit.start, hit.end)
        if text[os_:oe] in hg.written:
            return _Hit(hit.start, hit.end, other, hit.how, hit.key)
        t = norm.text
        ws = hit.start
        while ws > 0 and is_word_char(t[ws - 1]):
            ws -= 1
        before = t[max(0, ws - 30):ws].split()
        dateline = not t[:ws].strip() and hit.end < len(t) and not is_word_char(t[hit.end])
        if not (dateline or t[ws:hit.start] in ("ب", "وب") or before and before[-1] in hg.locative):
            return hit
        words = set(t.split())
        if words & hg.other_context and not words & hg.default_context:
            return _Hit(hit.start, hit.end, other, hit.how, hit.key)
        return hit

    # ------------------------------------------------------------ public
    def find(self, text: str, previous: Sequence[Entity] = (),
             fallback: Mapping[str, Entity] = MappingProxyType({}), memo: dict | None = None) -> list[Match]:
        """Every mention in ``text``, in order, with spans in ``text``'s own code points.

        ``previous``: entities fully named earlier in the same scope (oldest first), used to
        resolve ambiguous short forms; ``fallback``: short form → entity when none of its
        candidates was named in scope (see :meth:`dominant`). ``memo`` (a dict the caller keeps)
        holds what depends on the text alone, for a second pass over the same texts."""
        found = memo.get(text) if memo is not None else None
        if found is None:
            found = self._candidates(text)
            if memo is not None:
                memo[text] = found
        norm, chosen = found
        t = norm.text
        recent = list(previous)
        out = []
        place_end = -1                        # where the last mention ends when it names a place
        name_ends = frozenset(h.end for h in chosen if h.entity is not None and h.entity.kind in NAME_BEFORE_OBJECT)
        for i, h in enumerate(chosen):
            entity, start, rule = h.entity, h.start, RULES.get(h.how, h.how)
            if entity is None:
                if self._nisba_after(t, h, chosen[i + 1:i + 2]):
                    continue                  # المملكة الأردنية: the nisba names the state, not an earlier kingdom
                entity = self._resolve_short(t, h, recent, fallback, name_ends) or self._apposed(t, h, chosen[i + 1:])
                if entity is None:
                    continue
            elif h.how not in (SHORT, SHORT_ELIDED):
                recent.append(entity)
            capital = self._capital_before(t, start, entity, place_end)
            if capital is not None:
                entity, start, rule = capital[0], capital[1], "capital-of"
            os_, oe = norm.to_original(start, h.end)
            out.append(Match(os_, oe, entity, text[os_:oe], rule))
            place_end = h.end if entity.kind == "place" else -1
        return out

    def namesake(self, m: Match) -> Entity | None:
        """The capital a state's name also names as written (``تونس``: Tunis; not ``الجمهورية التونسية``), else None."""
        return self.namesakes.get((m.entity.key, fold(m.surface))) if m.entity.kind == "state" else None

    def _nisba_after(self, text: str, hit: _Hit, following: Sequence[_Hit]) -> bool:
        """True when a short form that may name a state (المملكة) is followed by a state's nisba (المملكة الأردنية):
        the nisba, a mention of its own, names the state."""
        key = hit.key if hit.how == SHORT else "ا" + hit.key
        if not any(c.kind == "state" for c in self._ambiguous.get(key, ())):
            return False
        return bool(following) and following[0].how == ADJECTIVE and text[hit.end:following[0].start] == " "

    def _capital_before(self, text: str, start: int, entity: Entity, place_end: int = -1) -> tuple[Entity, int] | None:
        """(the capital, where its phrase starts) when a state is the genitive of ``عاصمة`` (بعاصمة المملكة، عاصمة
        المغرب) or in apposition to ``العاصمة`` (بالعاصمة الجزائر: the city that shares the state's name), else None;
        None too when the phrase glosses the place named right before it (``place_end``: دكار عاصمة بنغلاديش)."""
        if entity.kind != "state" or entity.slug not in self._capitals or start < 2 or text[start - 1] != " ":
            return None
        ws = start - 1
        while ws > 0 and is_word_char(text[ws - 1]):
            ws -= 1
        word = text[ws:start - 1]
        if not word.endswith(_CAPITAL_NOUN) or word[:-len(_CAPITAL_NOUN)] not in _CAPITAL_PREFIXES:
            return None
        if place_end >= 0 and not text[place_end:ws].strip(" ،,(-–"):
            return None                       # دكار، عاصمة بنغلاديش: a gloss of the city before it, which the state tells
        prefix = word[:-len(_CAPITAL_NOUN)]
        article = 2 if prefix.endswith("ال") else 1 if prefix.endswith("لل") else 0     # the span keeps the article
        return self._capitals[entity.slug], ws + len(prefix) - article

    def _candidates(self, text: str) -> tuple:
        """(the folded text, the hits chosen in it before short forms are resolved): what the text alone decides."""
        norm = normalise(text)
        t = norm.text
        hits = self._exact_hits(t)
        titled = find_persons(norm)
        spans = {(s, e) for s, e, _ in titled}
        hits = [h for h in hits if not (h.entity is not None and h.entity.kind == "place" and (h.start, h.end) in spans)]
        for s, e, ent in find_publications(norm) + titled:     # الأميرة فيكتوريا: a person, not the place
            hits.append(_Hit(s, e, ent, "text-" + ent.kind))
        for s, e, ent in find_resolutions_cited(norm):
            hits.append(_Hit(s, e, ent, "text-resolution"))
        for s, e, ent in find_numbered_laws(norm):
            hits.append(_Hit(s, e, ent, "text-law"))
        chosen = self._select(hits)
        chosen = self._select(chosen + self._fuzzy_hits(t, [(h.start, h.end) for h in chosen]))
        chosen = self._select(chosen + [_Hit(s, e, ent, "text-body") for s, e, ent in
                                        find_bodies(t, chosen, lambda s, e: text.__getitem__(slice(*norm.to_original(s, e))))])
        chosen = self._select(chosen + [_Hit(s, e, ent, "text-person") for s, e, ent in find_persons_before_roles(norm)
                                        if all(e <= c.start or c.end <= s for c in chosen)])
        chosen = [self._homograph(text, norm, h) for h in chosen if not self._feminine_word(text, norm, h)]
        # a one-word place that is also a given name (سانتياغو، فيكتوريا) may start a longer name
        hard = [c for c in chosen if not (c.entity is not None and c.entity.kind == "place" and given(t[c.start:c.end]))]
        chosen = self._select(chosen + [_Hit(s, e, ent, "text-person") for s, e, ent in
                                        find_role_persons(norm, [(c.start, c.end) for c in hard])
                                        if all(e <= c.start or c.end <= s for c in hard)])
        return norm, tuple(chosen)


def _ordinal_words(words: Sequence[str]) -> int:
    """How many of the first ``words`` are a definite ordinal (الأول، الحادي عشر): 0 when they open with none."""
    from ..values import find_ordinals          # noqa: PLC0415 (values imports text, not recognise)
    head = " ".join(words[:3])
    found = find_ordinals(head, numbered_nouns=())
    if not found or found[0].start != 0:
        return 0
    return len(head[:found[0].end].split())


# ---------------------------------------------------------------- documents

def _scope(section: Section | None) -> Section | None:
    while section is not None and section.level > SCOPE_LEVEL and section.parent is not None:
        section = section.parent
    return section


def document_sources(document: Document) -> list[tuple[object, str, object]]:
    """(source, text, scope key) for every heading, paragraph and footnote, in reading order."""
    items = []
    for s in document.sections:
        items.append(((s.line, 0, s.order), s, s.heading, id(_scope(s))))
    for p in document.paragraphs:
        items.append(((p.line, 1, p.order), p, p.text, id(_scope(p.section))))
    for f in document.footnotes:
        items.append(((f.line, 2, f.order), f, f.text, ("footnote", f.order)))
    items.sort(key=lambda it: it[0])
    return [(src, text, scope) for _, src, text, scope in items]


def mentions_in(document: Document, matcher: Matcher) -> list[Mention]:
    """Mentions over every heading, paragraph and footnote of ``document`` (source = that object).

    After the matcher, a second pass finds untitled references to the persons the document
    names with a title (``راينر مونز`` once ``السيد مونز`` is known); then one-word references
    are unified with the full name that ends with them."""
    sources = [s for s in document_sources(document) if s[1]]
    memo: dict = {}                    # text → what the matcher finds in it before short forms (both passes)
    out = _scoped_mentions(sources, matcher, {}, memo)
    counts: dict[Entity, int] = {}
    for m in out:
        if m.rule != "short-form":
            counts[m.entity] = counts.get(m.entity, 0) + 1
    fallback = matcher.dominant(counts)
    if fallback:
        out = _scoped_mentions(sources, matcher, fallback, memo)
    surnames = {surname(m.entity.label_ar): m.entity for m in out
                if m.entity.kind == "person" and m.entity.from_text}
    surnames = {k: v for k, v in surnames.items() if len(k) >= 3}
    if surnames:
        by_source: dict[int, list[Mention]] = {}
        for m in out:
            by_source.setdefault(id(m.source), []).append(m)
        for source, text, _ in sources:
            norm = normalise(text)
            taken = [_normalised_span(norm, m.start, m.end) for m in by_source.get(id(source), [])]
            for s, e, entity in find_known_persons(norm, surnames, taken):
                os_, oe = norm.to_original(s, e)
                out.append(Mention(entity=entity, source=source, start=os_, end=oe,
                                   surface=text[os_:oe], rule="text-person"))
    return unify_persons(out)


def _scoped_mentions(sources, matcher: Matcher, fallback: Mapping[str, Entity], memo: dict | None = None) -> list[Mention]:
    """One pass of the matcher over the sources, short forms resolved within each scope."""
    recent: dict[object, list[Entity]] = {}
    out: list[Mention] = []
    for source, text, scope in sources:
        seen = recent.setdefault(scope, [])
        for m in matcher.find(text, seen, fallback, memo):
            out.append(Mention(entity=m.entity, source=source, start=m.start, end=m.end,
                               surface=m.surface, rule=m.rule, city=matcher.namesake(m)))
            if m.rule != "short-form":
                seen.append(m.entity)
    return out


def _normalised_span(norm, start: int, end: int) -> tuple[int, int]:
    """The folded span covering original [start, end)."""
    s = bisect.bisect_left(norm.starts, start)
    e = bisect.bisect_left(norm.starts, end)
    return s, e
