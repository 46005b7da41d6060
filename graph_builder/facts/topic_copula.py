"""Topics of a process or organisation described by a copula: ``حوار أبو ظبي هو آلية تشاورية طوعية …
تهدف إلى …``, ``ويعتبر «حوار أبوظبي» آلية تشاورية طوعية تهدف إلى …``, ``"عملية بالي"، وهو منتدى دولي
رسمي، أنشئ في عام 2002، لتسهيل المناقشة … حول القضايا المتعلقة بتهريب الأشخاص``.

The name is a process, organisation or body; the copula is a pronoun right after it (هو، هي، وهو، وهي) or
a verb of being right before it (يعتبر، تعد، يشكل …: lexicon class ``copula``), or, for a process, a description
noun with ك a few words after it (``انطلق حوار أبوظبي عام 2008 كآلية تشاورية طوعية تهدف إلى …``: class
``description_noun``); within the description that
follows (a few words, commas allowed, no other actor, no new clause
opened by ، و…) stands a purpose cue (``purpose_cue``: لتسهيل، بهدف،
المعنية ب …) or a verb of aim (``aim_verb``: تهدف إلى، تسعى إلى، تعمل على، تركز على). The topics are those
of the clause after that cue, the first within a few words of it, up to punctuation that closes the clause
or a run of words with no topic.

It does not read a purpose written right after the name (``topic_purpose.py``) nor focus verbs with a
subject after them (``topics.py``).
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.word_classes import load
from .rules import REGISTRY, register_once
from .spans import mentions_starting, sentence_bounds, take_topic

RULE = "topics.copula-description"
register_once(RULE, ("addresses",), 0.8, ("lex:copula", "lex:purpose_cue", "lex:aim_verb", "entity:process",
                                           "entity:org", "entity:topic"),
              "NAME (،) (و)هو/هي DESCRIPTION … (PURPOSE_CUE | AIM_VERB) TOPIC… | COPULA_VERB NAME DESCRIPTION … "
              "AIM_VERB TOPIC…: what a process or organisation is described as working on", "topics")

_SUBJECT_KINDS = frozenset({"process", "org", "body"})
_OTHER_ACTORS = frozenset({"process", "org", "body", "state", "person", "event", "commitment"})
_PRONOUNS = frozenset({"هو", "هي", "وهو", "وهي"})
_QUOTES = frozenset({'"', "«", "»", "“", "”", ",", "،", "(", ")"})
_CLOSE = frozenset("،,.؛;:()")
DESCRIPTION_MAX = 16        # tokens between the copula and the cue
AS_WINDOW = 8               # tokens between a process's name and كآلية / كمنبر …
FIRST_TOPIC_MAX = 10        # words between the cue and the first topic
GAP_MAX = 4                 # words with no topic after a topic before the clause is judged done


def _skip_quotes(toks, k: int, step: int) -> int:
    while 0 <= k < len(toks.tokens) and toks.tokens[k].norm in _QUOTES:
        k += step
    return k


def _topics(toks, k: int, hi: int) -> list:
    out, gap = [], 0
    while k < hi:
        t = toks.tokens[k]
        if t.kind == "punct" and t.norm in _CLOSE and out:
            break
        starting = mentions_starting(toks, k)
        topic = take_topic(out, starting)
        if topic is not None:
            gap = 0
            k = max(k + 1, toks.index_at(topic.end))
            continue
        if any(m.entity.kind in _OTHER_ACTORS for m in starting):
            break
        gap += 1
        if gap > (GAP_MAX if out else FIRST_TOPIC_MAX):
            break
        k += 1
    return out


def _as_description(toks, lex, k: int, hi: int) -> int | None:
    """Token after ``كآلية`` / ``كمنبر`` … (a description noun with the preposition ك, class ``description_noun``)
    standing within AS_WINDOW tokens of ``k`` with no actor, no closing punctuation and no new clause before it;
    else None."""
    for j in range(k, min(hi, k + AS_WINDOW)):
        t = toks.tokens[j]
        if t.kind == "punct" and t.norm in ".؛;:" or any(m.entity.kind in _OTHER_ACTORS for m in t.ents):
            return None
        d = lex.is_a(toks, j, "description_noun")
        if d is not None and d.reading.pro == "ك":
            return d.j
    return None


def _cue_after(toks, lex, k: int, hi: int):
    """The first purpose cue or aim verb within the description from token ``k`` (no other actor before it)."""
    for j in range(k, min(hi, k + DESCRIPTION_MAX)):
        t = toks.tokens[j]
        if t.kind == "punct" and t.norm in ".؛;:":
            return None
        if t.kind == "punct" and t.norm in ",،" and j + 1 < hi and toks.tokens[j + 1].norm.startswith("و"):
            return None             # ، ويضم …: a new clause, no longer the description
        if any(m.entity.kind in _OTHER_ACTORS for m in t.ents):
            return None
        c = lex.is_a(toks, j, "aim_verb") or lex.is_a(toks, j, "purpose_cue")
        if c is not None and not c.future:
            end = c.j
            prep = c.feature("prep")
            if prep and end < hi and toks.tokens[end].norm in (prep, "ال" + prep):
                end += 1
            return end
    return None


def extract(ctx) -> list[Fact]:
    lex = load()
    conf = REGISTRY.confidence(RULE)
    out: list[Fact] = []
    for src in ctx.sources():
        toks = ctx.tokens(src)
        seen = set()
        for m in toks.mentions if hasattr(toks, "mentions") else ():
            if m.entity.kind not in _SUBJECT_KINDS or (m.start, m.entity.key) in seen:
                continue
            seen.add((m.start, m.entity.key))
            i, j = toks.index_at(m.start), toks.index_at(m.end)
            if i is None or j is None or i >= len(toks.tokens):
                continue
            lo, hi = sentence_bounds(toks, i)
            after = _skip_quotes(toks, j, 1)
            before = _skip_quotes(toks, i - 1, -1)
            if after < hi and toks.tokens[after].norm in _PRONOUNS:
                start = after + 1
            elif before >= lo and lex.is_a(toks, before, "copula") and lex.is_a(toks, before, "copula").j == before + 1:
                start = after
            elif m.entity.kind == "process" and (as_noun := _as_description(toks, lex, after, hi)) is not None:
                start = as_noun             # انطلق حوار أبوظبي عام 2008 كآلية تشاورية طوعية تهدف إلى …
            else:
                continue
            k = _cue_after(toks, lex, start, hi)
            if k is None:
                continue
            for t in _topics(toks, k, hi):
                out.append(Fact(m.entity, "addresses", t, src, RULE, conf))
    return out
