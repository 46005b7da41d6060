"""Topics a process puts first, as press and communiqués list them: ``topics.process-priorities``.

``… وتحديد أولويات المرحلة المقبلة، التي تركز على مكافحة الاتجار بالبشر وتهريب المهاجرين …``، ``أولويات مسار الرباط
تتمثل في …``، ``وحدد الاجتماع أولويات العملية: …``: a priority noun (class ``priority_noun``) whose owner is a process
(named right after it, a process noun that takes the document's process up, or a phase of its work: class
``phase_noun``), followed within a few words by a clause that lists them (a relative clause with a focus or aim verb,
a verb of listing, class ``list_verb``, or a colon). The process addresses the topics of the list to the end of the
sentence (``topic_agenda._topics``: it stops at an instrument, another meeting or an adjunct set off by a comma).

The document's process is the process of the meeting the paragraph is about (its ``partOf``), else the one process
the document names. A pronoun owner (أولوياته، أولويات عمله) is the actor the sentence names last before it, and counts only when that is
a process. A priority noun whose owner is a state, a person or an organisation (أولويات الحكومة، أولوياتها after a
minister),
a future or negated verb, and a list with no topic give nothing. It mints nothing.
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, register_once
from .spans import negated
from .topic_agenda import _sentence_end, _topics

RULE = "topics.process-priorities"
register_once(RULE, ("addresses",), 0.75, ("lex:priority_noun", "lex:phase_noun", "lex:process_noun", "lex:list_verb",
                                          "lex:meeting_topic_cue", "lex:aim_verb", "events:partOf", "entity:process",
                                          "entity:topic"),
              "PRIORITY_NOUN (PROCESS | PROCESS_NOUN | PHASE_NOUN) ،? (التي FOCUS_VERB | LIST_VERB | :) TOPIC…: the topics "
              "a process puts first", "topics")

_REL = frozenset(fold(w) for w in ("التي", "والتي", "الذي", "والذي"))
LIST_WINDOW = 10            # tokens between the owner and the verb (or colon) that opens the list
_WORK = frozenset(fold(w) for w in ("عمله", "عملها"))     # أولويات عمله: the work of the process named before
_OWNER_KINDS = frozenset({"process", "state", "org", "body", "person"})


def _process_of_document(ctx, meeting_of, src):
    """The process of the paragraph's meeting (its partOf), else the one process the document names, else None."""
    held = meeting_of(src) if meeting_of is not None else []
    for ev in held:
        p = meeting_of.part_of.get(ev.key)
        if p is not None:
            return p
    procs = {m.entity.key: m.entity for m in ctx.mentions if m.entity.kind == "process"}
    return next(iter(procs.values())) if len(procs) == 1 else None


def _named_before(toks, i: int):
    """The actor (process, state, organisation, body or person) named last before token ``i`` in its sentence."""
    sent = toks.tokens[i].sent
    for k in range(i - 1, -1, -1):
        if toks.tokens[k].sent != sent:
            return None
        found = [m.entity for m in toks.tokens[k].ents if m.entity.kind in _OWNER_KINDS]
        if found:
            return found[0]
    return None


def _opener(lex, toks, k: int, hi: int):
    """Token where the list starts when an opener stands at ``k`` (، التي تركز على …، وتتمثل في …، :), else None."""
    if k < hi and toks.tokens[k].norm in ",،":
        k += 1
    if k < hi and toks.tokens[k].norm == ":":
        return k + 1
    if k < hi and toks.tokens[k].norm in _REL:
        k += 1
    for cls in ("list_verb", "meeting_topic_cue", "aim_verb"):
        v = lex.is_a(toks, k, cls) if k < hi else None
        if v is not None and not v.future and not v.reading.enc and not negated(toks, k):
            j = v.j
            prep = v.feature("prep")
            if prep and j < hi and toks.tokens[j].norm == fold(prep):
                j += 1
            return j
    return None


class _MeetingProcess:
    """MeetingOf (the commitments family's reader of a paragraph's meeting) with the meetings' processes."""

    def __init__(self, ctx):
        from .adoption import MeetingOf            # noqa: PLC0415
        from . import events as events_mod         # noqa: PLC0415
        self.reader = MeetingOf(ctx)
        self.part_of = {f.subject.key: f.object for f in ctx.family_facts(events_mod)
                        if f.predicate == "partOf" and isinstance(f.object, Entity) and f.object.kind == "process"}

    def __call__(self, src):
        return self.reader(src)


def extract(ctx) -> list[Fact]:
    lex = load()
    out: list[Fact] = []
    meeting_of = None
    conf = REGISTRY.confidence(RULE)
    for src in ctx.paragraphs():
        toks = ctx.tokens(src)
        if not any(m.entity.kind == "topic" for m in toks.mentions):
            continue
        for noun in lex.find(toks, "priority_noun"):
            hi = _sentence_end(toks, noun.i)
            j = noun.j
            if j >= hi:
                continue
            named = [m for m in toks.tokens[j].ents if toks.index_at(m.start) == j]
            owner = None
            if any(m.entity.kind != "process" for m in named):
                continue                            # أولويات الحكومة المغربية، أولويات المنظمة: not a process's
            if noun.reading.enc or toks.tokens[j].norm in _WORK:
                # أولوياته، أولويات عمله: the pronoun takes up the actor named last before it in the sentence
                owner = _named_before(toks, noun.i)
                if owner is None or owner.kind != "process":
                    continue
                j += 0 if noun.reading.enc else 1
            elif named:
                owner = named[0].entity
                j = max(j + 1, toks.index_at(named[0].end))
            else:
                word = lex.is_a(toks, j, "process_noun") or lex.is_a(toks, j, "phase_noun")
                if word is None:
                    continue
                if meeting_of is None:
                    meeting_of = _MeetingProcess(ctx)
                owner = _process_of_document(ctx, meeting_of, src)
                j = word.j
                while j < hi and toks.tokens[j].kind != "punct" and not toks.tokens[j].ents \
                        and toks.tokens[j].norm.startswith("ال") and toks.tokens[j].norm not in _REL:
                    j += 1                          # المرحلة المقبلة، المسار الحالي
            if owner is None:
                continue
            start = next((s for k in range(j, min(hi, j + LIST_WINDOW)) if (s := _opener(lex, toks, k, hi)) is not None),
                         None)
            if start is None:
                continue
            out.extend(Fact(owner, "addresses", e, src, RULE, conf) for e in _topics(toks, lex, start, hi, True))
    return out
