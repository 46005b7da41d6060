"""Publications an actor issues: a report, a study or a brief and its publisher (issue 13, rule
``commitment.publication``), ``mdkg:publishedBy``.

The publication is a head noun (class ``publication_noun``: تقرير، دراسة، موجز) and its publisher an organisation or a
state written in one of these ways:

* the subject of a publishing verb right before it (class ``publish_verb``: ``أصدرت X تقريرا``، ``أطلقت X وY اليوم
  تقرير …``، ``أطلقت X تقريرها``): only actors, و, quotes and a time word between the verb and the noun (and a name the gazetteer lacks
  right before an actor's acronym in quotes or brackets: ``لجنة … "الإسكوا"``);
* after a participle or a passive right after the noun or its title (class ``issued_by``: ``التقرير الصادر عن X``;
  ``publish_verb`` form ``passive``: ``تقرير صدر عن X``);
* after a relative verb with a pronoun right after the noun (``دراسة أعدتها X``), else that clause's subject
  organisation (``توقع X، في تقرير أصدره مؤخرا بعنوان …``);
* a genitive right after the noun, or after one adjective (``تقرير X``، ``تقرير X السنوي``), when the publication
  is titled or its topic follows (``تقرير X عن/حول …``).

It is named by its quoted title (right after the noun, or after a theme cue within a few words: ``تقريرا بعنوان «…»``),
else by its head words: the noun and the two or more definite words that follow it (``تقرير الهجرة الدولية لعام 2015``;
not ``تقرير الهجرة``), or the noun, its genitive publisher and the topic after عن/حول. A noun with neither a title nor head words mints nothing
(``أصدرت X تقريرا``: which report?). It gives nothing for a plural, a noun inside a name the gazetteer knows, a report
with a UN document symbol (``text_entities`` cites it), a publisher that is a meeting or a person (``التقرير
الختامي للمؤتمر``; ``قدم الوزير تقريرا``), or a verb the class does not hold. It knows no document.
"""
from __future__ import annotations

from ..namespaces import slugify
from ..recognise.findings import Entity, Fact
from ..recognise.text_entities import translit
from ..text.word_classes import load
from .programme_frames import clause_subject
from .rules import REGISTRY, Rule, register
from .spans import starting

RULE = "commitment.publication"
if RULE not in REGISTRY:
    register(Rule(RULE, ("publishedBy",), 0.75,
                  ("lex:publication_noun", "lex:publish_verb", "lex:issued_by", "lex:theme_cue", "entity:org",
                   "entity:state"),
                  "أصدرت/نشرت/أطلقت X تقريرا/دراسة/موجزا (بعنوان «…»)، التقرير الصادر عن X، تقرير X السنوي عن …، "
                  "دراسة أعدتها X: the publication, named by its title or head words, published by X", "commitments"))

ACTORS = frozenset({"org", "state"})
VERB_REACH = 14             # tokens between a publishing verb and the noun (the actors' names)
TITLE_REACH = 8             # tokens between the noun and a theme cue or an opening quote
HEAD_MAX = 8                # words of a name made of head words
ACRONYM_REACH = 10          # words of an actor's name the gazetteer lacks, before its acronym in quotes
HEAD_MIN = 2                # fewer (تقرير الهجرة) names no one publication
_QUOTES = frozenset({"«", "»", '"', "“", "”", "″"})
_BETWEEN = frozenset({"و", "اليوم", "امس", "مؤخرا", "حديثا", "،", ",", "(", ")"}) | _QUOTES
_ADJECTIVES = frozenset({"السنوي", "السنويه", "الجديد", "الجديده", "الاخير", "الاخيره", "الرئيسي", "الرئيسيه",
                         "الدوري", "الدوريه", "العالمي", "العالميه", "الاقليمي", "الاقليميه"})
_ABOUT = frozenset({"عن", "حول", "بشان"})
_RELATIVES = frozenset({"الذي", "التي", "والذي", "والتي"})
_STOPS = frozenset({"الذي", "التي", "والذي", "والتي", "عن", "حول", "بشان", "الي", "في", "من", "علي", "مع", "اليوم",
                    "امس", "مؤخرا", "حديثا", "ان", "الذين", "حيث", "كما", "وقد", "اكد", "اشار", "اظهر", "بين"})
_NOT_TITLES = frozenset({"الختامي", "الختاميه", "النهائي", "النهائيه", "الاول", "الاولي", "الثاني", "الثانيه"})


def extract_sentence(src, toks, s: int, e: int):
    """The publications of the sentence [s, e) of ``src`` with their publishers: yields (publication, facts)."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence(RULE)
    for nm in lex.find(toks, "publication_noun", lo, hi):
        k, after = nm.i, nm.j
        start = toks.tokens[k].start
        if any(m.entity.kind in ("org", "process", "commitment", "event") and m.start < start < m.end
               or m.entity.kind == "publication" for m in toks.tokens[k].ents):
            continue             # part of a name the gazetteer knows
        if any(m.entity.kind == "publication" for j in range(k, min(hi, k + 2 * TITLE_REACH))
               for m in toks.tokens[j].ents):
            continue             # a report with a document symbol: the citation rules read it
        verb_pubs = [] if nm.reading.enc and nm.reading.enc not in ("ها", "ه") else _verb_publishers(toks, lex, lo, k)
        if nm.reading.enc and not verb_pubs:
            continue             # تقريرها with no publishing verb before: whose?
        genitive = None if nm.reading.enc else _genitive(toks, after, hi)
        title = _title(toks, lex, after if genitive is None else genitive[1], hi)
        name_end = title[1] if title else after
        publishers = (verb_pubs or _issued_after(toks, lex, after, hi) or _issued_after(toks, lex, name_end, hi)
                      or _relative(toks, lex, lo, k, after, hi))
        if not publishers and genitive is not None:
            publishers = [genitive[0]]
        if not publishers:
            continue
        if title:
            name, (a, b) = title[0], (title[2], title[3])
        else:
            span = _head_words(toks, k, after if genitive is None else genitive[1], hi, genitive is not None)
            if span is None:
                continue
            a, b = toks.tokens[k].start + len(nm.reading.pro), toks.tokens[span - 1].end     # not its و/ب/ل
            name = src.text[a:b].strip()
        ent = Entity(kind="publication", slug=slugify(translit(name))[:60].strip("-") or "publication",
                     cls="Publication", label_ar=name, from_text=True)
        yield ent, [Fact(ent, "publishedBy", p, src, RULE, conf) for p in dict.fromkeys(publishers)]


def _verb_publishers(toks, lex, lo: int, k: int) -> list:
    """The actors written between a publishing verb (no pronoun on it) and the noun at token ``k``; [] when a word
    that is not an actor's name, و, a quote or a time word stands between."""
    for v in range(k - 1, max(lo, k - VERB_REACH) - 1, -1):
        vm = lex.is_a(toks, v, "publish_verb")
        if vm is not None and vm.j <= k:
            if vm.reading.enc or vm.feature("form") == "passive":
                return []
            out, j = [], vm.j
            while j < k:
                m = starting(toks, j, ACTORS)
                if m is not None:
                    out.append(m.entity)
                    j = toks.index_at(m.end - 1) + 1
                elif toks.tokens[j].norm in _BETWEEN or any(x.entity.kind in ACTORS for x in toks.tokens[j].ents):
                    j += 1
                else:
                    j = _spelled_out(toks, j, k)
                    if j is None:
                        return []
            return out
    return []


def _spelled_out(toks, j: int, k: int):
    """The token of the quote or bracket that opens the actor's acronym after a name the gazetteer does not know, written
    from token ``j`` (``لجنة … لغربي آسيا "الإسكوا"``), so the name is skipped; None when no actor's acronym in quotes
    or brackets follows within ``ACRONYM_REACH`` words."""
    for x in range(j + 1, min(k, j + ACRONYM_REACH + 1)):
        if toks.tokens[x].norm in _QUOTES | {"("}:
            return x if x + 1 < k and starting(toks, x + 1, ACTORS) is not None else None
        if toks.tokens[x].kind == "punct" or any(m.entity.kind in ACTORS | {"person"} for m in toks.tokens[x].ents):
            return None
    return None


def _genitive(toks, after: int, hi: int):
    """(actor, one past its tokens) of an actor written right after the noun, or after one adjective; else None."""
    for j in (after, after + 1):
        if j >= hi or j > after and toks.tokens[after].norm not in _ADJECTIVES:
            return None
        m = starting(toks, j, ACTORS)
        if m is not None and m.start == toks.tokens[j].start:      # not لـX
            end = toks.index_at(m.end - 1) + 1
            return m.entity, end + int(end < hi and toks.tokens[end].norm in _ADJECTIVES)
    return None


def _title(toks, lex, j: int, hi: int):
    """(title, one past its closing quote, start, end) of a quoted title right after token ``j`` or after a theme cue
    within ``TITLE_REACH`` tokens (no other publication noun, no stop between); else None."""
    for x in range(j, min(hi, j + TITLE_REACH + 1)):
        t = toks.tokens[x]
        cue = lex.is_a(toks, x, "theme_cue")
        q = cue.j if cue is not None else x
        if q < hi and toks.tokens[q].norm == ":":
            q += 1
        if (cue is not None or x == j) and q < hi and toks.tokens[q].norm in _QUOTES:
            close = next((y for y in range(q + 1, hi) if toks.tokens[y].norm in _QUOTES), None)
            if close is None or close == q + 1:
                return None
            a, b = toks.tokens[q + 1].start, toks.tokens[close - 1].end
            return toks.text[a:b].strip(), close + 1, a, b
        if t.kind == "punct" and t.norm not in ("(", ")") or lex.is_a(toks, x, "publication_noun") is not None:
            return None
    return None


def _issued_after(toks, lex, j: int, hi: int) -> list:
    """The actor after ``الصادر عن`` or ``صدر عن`` (optionally after الذي/التي) at token ``j``."""
    if j < hi and toks.tokens[j].norm in _RELATIVES:
        j += 1
    if j >= hi:
        return []
    cue = lex.is_a(toks, j, "issued_by")
    verb = lex.is_a(toks, j, "publish_verb")
    if cue is None and (verb is None or verb.feature("form") != "passive"):
        return []
    m = starting(toks, (cue or verb).j, ACTORS) if (cue or verb).j < hi else None
    return [m.entity] if m is not None else []


def _relative(toks, lex, lo: int, k: int, after: int, hi: int) -> list:
    """A relative publishing verb with a pronoun right after the noun: the actor after it (دراسة أعدتها X), else the
    subject organisation of the clause (توقع X، في تقرير أصدره)."""
    if after >= hi:
        return []
    vm = lex.is_a(toks, after, "publish_verb")
    if vm is None or not vm.reading.enc or vm.feature("form") == "passive":
        return []
    m = starting(toks, vm.j, ACTORS) if vm.j < hi else None
    if m is not None:
        return [m.entity]
    subject = clause_subject(toks, lo, k)
    return [subject] if subject is not None else []


def _head_words(toks, k: int, j: int, hi: int, genitive: bool):
    """One past the head words that name the publication from token ``j`` on: after a genitive publisher, عن/حول and
    the words of its topic; else the definite words right after the noun (not an adjective of a meeting's report).
    None when there are none."""
    if genitive:
        if j >= hi or toks.tokens[j].norm not in _ABOUT:
            return None
        j += 1
    elif j >= hi or not toks.tokens[j].norm.startswith("ال") or toks.tokens[j].norm in _NOT_TITLES | _ADJECTIVES:
        return None
    start = j
    while j < hi and j - start < HEAD_MAX:
        t = toks.tokens[j]
        if t.kind == "punct" or t.norm in _STOPS or t.norm in _QUOTES or starting(toks, j, ACTORS | {"person", "event"}):
            break
        j += 1
    return j if j - start >= HEAD_MIN else None
