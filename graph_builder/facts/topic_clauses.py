"""Topics of a process, organisation or body said in a clause that does not start with its name:

* ``topics.pronoun-subject``: a pronoun that takes up the name the sentence is about, before a verb of concern or
  aim (``وأطلقت عملية الخرطوم في روما عام 2014، وهي تعنى بمكافحة الاتجار بالأشخاص``، ``… وهو يهدف إلى …``);
* ``topics.relative-coordinated``: a second verb coordinated inside a relative clause on the name (``العملية
  التشاورية العربية، التي تغطي المنطقة العربية وتتناول الهجرة غير النظامية واللاجئين``).

The name is the process (else organisation, body or commitment) the sentence names before the pronoun; the
topics are those of the clause after the verb (``topic_purpose._topics_after``: to the punctuation that closes
it, another actor, or a run of words with no topic). A future verb gives nothing. It does not read a verb right
after a name (``topics.purpose-after-name``, ``topics.focus-verb``) and mints nothing.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, register_once
from .spans import mentions_starting, negated
from .topic_purpose import _topics_after

PRONOUN_RULE = "topics.pronoun-subject"
COORDINATED_RULE = "topics.relative-coordinated"
register_once(PRONOUN_RULE, ("addresses",), 0.75, ("lex:aim_verb", "lex:purpose_cue", "entity:process", "entity:topic"),
              "NAME … ، وهي/وهو AIM_VERB TOPIC…: the pronoun takes up the process (or organisation) the sentence names",
              "topics")
register_once(COORDINATED_RULE, ("addresses",), 0.75, ("lex:aim_verb", "lex:meeting_topic_cue", "entity:process",
                                                      "entity:topic"),
              "NAME ، التي/الذي VERB … و+FOCUS_VERB TOPIC…: the second verb of the relative clause on the name says what "
              "it works on", "topics")

_PRONOUNS = frozenset(fold(w) for w in ("وهي", "وهو", "فهي", "فهو", "هي", "هو"))
_REL = frozenset(fold(w) for w in ("التي", "الذي", "والتي", "والذي"))
_NAME_KINDS = ("process", "org", "body", "commitment")
RELATIVE_SPAN = 15          # tokens of a relative clause searched for its coordinated focus verb


def _concern_verb(lex, toks, k: int):
    """A verb of concern or aim at ``k`` (تعنى، تهدف إلى، تتناول …), not future, else None."""
    for cls in ("aim_verb", "purpose_cue"):
        m = lex.is_a(toks, k, cls)
        if m is not None and not m.future and (cls == "aim_verb" or m.feature("verb")):
            return m
    return None


def _named_before(toks, lo: int, k: int):
    """The process the sentence names before token ``k`` (the latest), else its first organisation, body or
    commitment, else None."""
    found = [m for j in range(lo, k) for m in mentions_starting(toks, j) if m.entity.kind in _NAME_KINDS]
    process = [m for m in found if m.entity.kind == "process"]
    if process:
        return process[-1]
    return found[0] if found else None


def _start(toks, verb) -> int:
    prep = verb.feature("prep")
    k = verb.j
    if prep and k < len(toks.tokens) and toks.tokens[k].norm == fold(prep):
        k += 1
    return k


def extract(ctx) -> list[Fact]:
    lex = load()
    out: list[Fact] = []
    for src in ctx.paragraphs():
        toks = ctx.tokens(src)
        if not any(m.entity.kind == "topic" for m in toks.mentions):
            continue
        lo = 0
        for k, t in enumerate(toks.tokens):
            if k == 0 or toks.tokens[k - 1].sent != t.sent:
                lo = k
            if t.norm in _PRONOUNS and k + 1 < len(toks.tokens):
                verb = _concern_verb(lex, toks, k + 1)
                name = _named_before(toks, lo, k) if verb is not None else None
                if name is not None:
                    conf = REGISTRY.confidence(PRONOUN_RULE)
                    out.extend(Fact(name.entity, "addresses", e, src, PRONOUN_RULE, conf)
                               for e in _topics_after(toks, _start(toks, verb)))
                continue
            if t.norm not in _REL or k == lo:
                continue
            j = k - 1
            if toks.tokens[j].kind == "punct":
                j -= 1
            name = next((m for m in toks.tokens[j].ents if m.entity.kind in _NAME_KINDS), None) if j >= lo else None
            if name is None:
                continue
            for v in range(k + 2, min(len(toks.tokens), k + RELATIVE_SPAN)):
                tv = toks.tokens[v]
                if tv.sent != t.sent or (tv.kind == "punct" and tv.norm in ".؛;:") or \
                        any(m.entity.kind in _NAME_KINDS for m in tv.ents):
                    break
                verb = lex.is_a(toks, v, "aim_verb") or lex.is_a(toks, v, "meeting_topic_cue")
                if verb is None or verb.future or verb.reading.enc or "و" not in verb.reading.pro or negated(toks, v):
                    continue
                conf = REGISTRY.confidence(COORDINATED_RULE)
                out.extend(Fact(name.entity, "addresses", e, src, COORDINATED_RULE, conf)
                           for e in _topics_after(toks, _start(toks, verb)))
                break
    return out
