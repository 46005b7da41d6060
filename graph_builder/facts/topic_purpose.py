"""Topics stated as the purpose or concern of a name: ``عملية الخرطوم لمكافحة تهريب المهاجرين``,
``أنشئ المسار بهدف تيسير تنقل العمالة``, ``الهيئة المعنية بالهجرة غير النظامية``, ``تعنى عملية بالي
بمكافحة تهريب الأشخاص``.

The patterns are data (``lexicons/patterns/topics.toml``, cue words in ``lexicons/classes/topics.toml``,
class ``purpose_cue``); this module holds their handler: the topics are the topic mentions of the
clause that follows the cue, read left to right until punctuation that closes the clause, another
named actor or place, or a run of words with no topic. The subject is the name the pattern
captured; a named entity between it and the cue (``X في روما لمكافحة``) other than a place or a
topic makes the cue someone else's.

It does not look for focus verbs with a subject after them (``topics.py``) and knows no document.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .topic_objects import topic_names
from .side_events import RULE_ID as SIDE_RULE
from .rules import REGISTRY, handler, register_once, run_patterns
from .spans import mentions_starting, negated, sentence_bounds, take_topic

_CLOSE = frozenset("،,.؛;:()«»\"")
_STOP_KINDS = frozenset({"state", "org", "process", "body", "event", "person", "commitment"})
_GAP_OK = frozenset({"place", "region", "topic"})
SUBJECT_CLASSES_EXCLUDED = frozenset({"Person", "State"})
_GAP_WORDS = frozenset({"في", "ب", "عام", "سنه", "منذ"})        # a place and a year: في روما عام 2014،
_GAP_PUNCT = frozenset({"(", ")", ",", "،"})
_CHAIR_INSERT = frozenset({fold("برئاسة")})   # ، برئاسة مصر، : an inserted chair between name and cue
MAX_GAP = 4                     # words with no topic before the clause is judged to have none


def _topics_after(toks, k: int, names: list | None = None) -> list:
    """The topics of the clause from token ``k``; with ``names`` (a focus verb's object), also those
    inside the name of an instrument the clause names (يناقش الاتفاق العالمي بشأن اللاجئين)."""
    out, gap, sent = [], 0, toks.tokens[k].sent if k < len(toks.tokens) else -1
    while k < len(toks.tokens) and toks.tokens[k].sent == sent:
        t = toks.tokens[k]
        if t.kind == "punct" and t.norm in _CLOSE:
            break
        starting = mentions_starting(toks, k)
        topic = take_topic(out, starting)
        if topic is not None:
            gap = 0
            k = toks.index_at(topic.end)
            continue
        named = [] if not names else [x for x in starting if x.entity.kind == "commitment"]
        if named:
            surface = " " + fold(named[0].surface) + " "
            found = [e for rx, e in names if e not in out and rx.search(surface)]
            if found:
                out.extend(found)
                break                   # the instrument is the object: the clause ends with its name
        if any(m.entity.kind in _STOP_KINDS for m in starting) and out:
            break
        gap += 1
        if gap > MAX_GAP:
            break
        k += 1
    return out


@handler("topics.purpose-after-name")
@handler("topics.purpose-verb-first")
def _purpose(ctx, src, toks, m, rule):
    subj = m.captures["subject"][2]
    if subj.entity.cls in SUBJECT_CLASSES_EXCLUDED:
        return
    if "gap" in m.captures:
        i, j, _ = m.captures["gap"]
        chair_at = next((k for k in range(i, j) if toks.tokens[k].norm in _CHAIR_INSERT), None)
        for k in range(i, j):       # only a place (في روما), a bracket or an inserted chair may stand between
            t = toks.tokens[k]
            if chair_at is not None and k in (chair_at, chair_at + 1) and \
                    all(x.entity.kind in ("state", "org") for x in t.ents):
                continue            # برئاسة مصر، لمكافحة …: the chair is an insertion, not the cue's subject
            if t.ents and all(x.entity.kind in _GAP_OK for x in t.ents):
                continue
            if t.ents or not (t.norm in _GAP_WORDS or t.kind == "number" or t.norm in _GAP_PUNCT):
                return
    cue_start, cue_end = m.captures["cue"][0], m.captures["cue"][1]
    if rule.id == "topics.purpose-verb-first":
        cue_end = m.captures["subject"][1]
    elif any(x.entity.kind == "topic" and toks.index_at(x.start) == cue_start for x in toks.tokens[cue_start].ents):
        cue_end = cue_start         # لمكافحة الاتجار: the cue word opens the topic's own name
    found = _topics_after(toks, cue_end)
    side = _on_its_margins(ctx, src, toks, m.captures["subject"][0]) if found else None
    for t in found:             # حدث على هامش "الحوار …" بهدف …: the purpose is the side event's, not the frame's
        yield Fact(side or subj.entity, "addresses", t, src, rule.id, rule.confidence)
    if side is not None:
        return
    naming = toks.tokens[m.captures["cue"][0]].norm in _NAME_PREPOSITIONS   # عملية بالي بشأن …: part of its name
    meeting = _meeting_of_process(ctx, src, toks, m.captures["subject"][0], subj.entity) \
        if found and not naming else None
    for t in found if meeting is not None else ():
        yield Fact(meeting, "addresses", t, src, PROCESS_MEETING_RULE, REGISTRY.confidence(PROCESS_MEETING_RULE))


PROCESS_MEETING_RULE = "topics.process-meeting"
register_once(PROCESS_MEETING_RULE, ("addresses",), 0.75, ("lex:meeting_noun", "lex:purpose_cue",
                                                  "events:meeting-of-paragraph", "entity:process"),
    "MEETING_NOUN (ORDINAL) ل PROCESS PURPOSE_CUE TOPIC… (الاجتماع الوزاري الثاني لعملية الخرطوم لمكافحة "
    "تهريب المهاجرين): the meeting of that process the paragraph names addresses the topics too", "topics")
_NAME_PREPOSITIONS = frozenset({"بشان", "حول", "المعنيه", "المعني"})
MEETING_BEFORE = 6          # tokens between a meeting noun and the process it is a meeting of


MARGIN_BEFORE = 3               # tokens between هامش and the name it frames (quotes, أعمال)


def _on_its_margins(ctx, src, toks, i: int):
    """The one side event the sentence holds on the margins of the name at token ``i`` (``حدث على هامش "الحوار …"``:
    rule ``event.side-event``), else None."""
    lo, _ = sentence_bounds(toks, i)
    if not any(toks.tokens[k].norm == "هامش" for k in range(max(lo, i - MARGIN_BEFORE), i)):
        return None
    from . import events as events_mod      # noqa: PLC0415 (a sibling family)
    sides = {f.subject for f in ctx.family_facts(events_mod)
             if f.predicate == "partOf" and f.rule == SIDE_RULE and f.evidence is src
             and getattr(f.object, "kind", "") == "event"}
    return next(iter(sides)) if len(sides) == 1 else None


def _meeting_of_process(ctx, src, toks, i: int, process):
    """The meeting of ``process`` the paragraph names, when a meeting noun stands right before the process's
    name (``أعمال الاجتماع الوزاري الثاني لـ"عملية الخرطوم"``), else None."""
    lex = load()
    lo, _ = sentence_bounds(toks, i)
    if not any(lex.is_a(toks, k, "meeting_noun") and not lex.is_a(toks, k, "meeting_noun").feature("plural")
               for k in range(max(lo, i - MEETING_BEFORE), i)):
        return None
    from . import events as events_mod      # noqa: PLC0415 (a sibling family)
    ofs = {f.subject for f in ctx.family_facts(events_mod)
           if f.predicate == "partOf" and f.object == process and f.evidence is src}
    return next(iter(ofs)) if len(ofs) == 1 else None


MEETING_RULE = "topics.meeting-verb"
register_once(MEETING_RULE, ("addresses",), 0.75, ("lex:meeting_topic_cue", "events:meeting-of-paragraph",
                                         "entity:topic"),
    "a paragraph about one meeting: a focus verb with no written subject of its own (وعقد الاجتماع …، "
    "وركز على …) or with the meeting noun as subject says what the meeting addressed", "topics")
_NOT_MEETING_SUBJECT = frozenset({"state", "org", "person", "process", "body"})


def _meeting_facts(ctx, events) -> list[Fact]:
    """Topics of the one meeting a paragraph names, read after a cue verb whose subject is that meeting."""
    lex = load()
    conf = REGISTRY.confidence(MEETING_RULE)
    names = topic_names(ctx)
    out: list[Fact] = []
    meeting_of = None
    for src in ctx.document.paragraphs:
        meeting = events.meeting(src)
        toks = ctx.tokens(src)
        if meeting is None:
            meeting_of = meeting_of or _meeting_of(ctx)
            held = meeting_of(src)
            if held is not None:                   # "ويناقش الاجتماع …" in a paragraph that does not name it
                out.extend(_noun_subject_facts(toks, lex, src, held[0], conf, names=names))
            continue
        paragraph_meeting = meeting
        earlier = ctx.document.paragraphs[:ctx.document.paragraphs.index(src)] if events.index is not None else ()
        for cue in lex.find(toks, "meeting_topic_cue"):
            if cue.future or cue.reading.enc or negated(toks, cue.i):
                continue
            k = cue.j
            nxt = toks.tokens[k] if k < len(toks.tokens) else None
            if nxt is None or nxt.sent != toks.tokens[cue.i].sent:
                continue
            meeting = _meeting_of_sentence(events, src, toks, cue.i, paragraph_meeting, earlier) or paragraph_meeting
            if _fronted_session(toks, lex, cue.i):
                continue                           # أما المائدة المستديرة الثالثة فخصصت ل…: the round table's topics
            starting = mentions_starting(toks, k)
            if any(m.entity.kind in _NOT_MEETING_SUBJECT for m in starting):
                continue                           # وناقش الوزير …: a written subject that is not the meeting
            if lex.is_a(toks, k, "other_subject_noun") and not any(m.entity.kind == "commitment" for m in starting):
                continue                           # ويركز الإعلان على …: the declaration's topics, not the meeting's
            if lex.is_a(toks, k, "meeting_noun"):
                out.extend(_noun_subject_facts(toks, lex, src, meeting, conf, cue, names))
                continue                           # وناقش الاجتماع …
            prep = cue.feature("prep")
            lo = k
            while lo > 0 and toks.tokens[lo - 1].sent == nxt.sent:
                lo -= 1
            before = [m for m in toks.mentions if toks.tokens[lo].start <= m.start < toks.tokens[cue.i].start]
            if any(m.entity.kind == "person" for m in before):
                continue                           # a sentence about what a person did
            if toks.tokens[cue.i].norm[:1] not in "وف" and not _meeting_noun_before(toks, lex, lo, cue.i):
                continue                           # a cue that does not continue a clause about the meeting
            for t in _topics_after(toks, k + (1 if prep and nxt.norm == prep else 0), names):
                out.append(Fact(meeting, "addresses", t, src, MEETING_RULE, conf))
    return out


_MEETING_ONLY = frozenset({"الاجتماع", "اجتماع"})     # nouns that name a meeting only (المؤتمر may be a process)


def _meeting_of_sentence(events, src, toks, i: int, named=None, earlier=()):
    """The meeting the noun written as the subject of the verb at ``i`` takes up (``يركز الاجتماع على …`` before a
    paragraph names another meeting later: the bare noun takes up the meeting already named), from the events
    family's index of meeting references; None when no such noun stands next to the verb."""
    if events.index is None:
        return None
    lo, hi = sentence_bounds(toks, i)
    for k in (i + 1, i - 1):                  # the meeting noun written as the verb's subject, after it or before it
        if lo <= k < hi and toks.tokens[k].norm.lstrip("و") in _MEETING_ONLY:
            ref = next(iter(events.index.refs(src, toks.tokens[k].start, toks.tokens[k].end)), None)
            if ref is not None:
                return ref.event
            if named is not None and k == i + 1:
                return _taken_up(events, src, toks.tokens[i].start, named, earlier)
    return None


def _taken_up(events, src, pos: int, named, earlier):
    """A bare meeting noun before the paragraph names its one meeting (every reference to ``named`` in ``src`` is
    after ``pos``): the noun takes up the latest meeting the paragraphs before named, else None."""
    if any(r.start < pos for r in events.index.refs(src) if r.event == named):
        return None
    for before in reversed(earlier):
        refs = [r for r in events.index.refs(before) if r.status != "planned"]
        if refs:
            return refs[-1].event
    return None


_AMMA = frozenset(fold(w) for w in ("أما", "وأما"))


def _fronted_session(toks, lex, i: int) -> bool:
    """Is the verb at ``i`` the predicate of a session fronted by ``أما`` (أما المائدة الثالثة فخصصت …)? Its subject
    is then that part of the meeting, not the meeting (topic_sessions reads a part the event rules named)."""
    lo, _ = sentence_bounds(toks, i)
    return toks.tokens[lo].norm in _AMMA and lo + 1 < i and toks.tokens[i].norm.startswith("ف") \
        and lex.is_a(toks, lo + 1, "session_noun") is not None


def _meeting_of(ctx):
    from .adoption import MeetingOf             # noqa: PLC0415 (the commitments family's reader of meetings)
    return MeetingOf(ctx)


def _noun_subject_facts(toks, lex, src, meeting, conf, only=None, names=None) -> list[Fact]:
    """``ويناقش الاجتماع، تحت شعار "…"، سبل حماية المهاجرين، والهجرة الدائرية، ودور المغتربين``: a focus verb
    whose subject is a (singular) meeting noun; the topics are the list after it, past an inserted theme."""
    out: list[Fact] = []
    for cue in [only] if only is not None else lex.find(toks, "meeting_topic_cue"):
        if cue.future or cue.reading.enc or negated(toks, cue.i):
            continue
        noun = lex.is_a(toks, cue.j, "meeting_noun") if cue.j < len(toks.tokens) else None
        if noun is None or noun.feature("plural") or toks.tokens[cue.j].sent != toks.tokens[cue.i].sent:
            continue
        k = noun.j
        while k < len(toks.tokens) and lex.is_a(toks, k, "meeting_qualifier"):
            k += 1
        k = _past_theme(toks, lex, k)
        prep = cue.feature("prep")
        if prep and k < len(toks.tokens) and toks.tokens[k].norm == prep:
            k += 1
        for t in _topics_list(toks, k, stop_at_comma_gap=True, names=names):
            out.append(Fact(meeting, "addresses", t, src, MEETING_RULE, conf))
    return out


def _past_theme(toks, lex, k: int) -> int:
    """The token after an inserted theme (، تحت شعار "…"،) that starts at ``k``, else ``k``."""
    j = k
    if j < len(toks.tokens) and toks.tokens[j].norm in ",،":
        j += 1
    cue = lex.is_a(toks, j, "theme_cue") if j < len(toks.tokens) else None
    if cue is None:
        return k
    j = cue.j
    quote = toks.tokens[j].norm if j < len(toks.tokens) else ""
    if quote in ('"', "«", "“"):
        j += 1
        while j < len(toks.tokens) and toks.tokens[j].norm not in ('"', "»", "”") and toks.tokens[j].sent == toks.tokens[k].sent:
            j += 1
        j += 1
    while j < len(toks.tokens) and toks.tokens[j].norm in ",،":
        j += 1
    return j


def _meeting_noun_before(toks, lex, lo, i) -> bool:
    return any(lex.is_a(toks, k, "meeting_noun") for k in range(lo, i))


AGREEMENT_RULE = "topics.agreement-fields"
register_once(AGREEMENT_RULE, ("addresses",), 0.75, ("lex:field_cue", "lex:agreement_anaphor",
                                           "commitments:agreement", "entity:topic"),
    "the fields an agreement covers (… مذكرة تفاهم … في مجال X / وتلزم المذكرة … في أربعة مجالات: X، Y): "
    "in the sentence that signs it or one that refers back to it", "topics")


def _agreement_facts(ctx) -> list[Fact]:
    """Fields of cooperation of the memorandum or agreement the document last named."""
    from . import commitments as commitments_mod   # noqa: PLC0415 (a sibling family)
    signed = {}
    for f in ctx.family_facts(commitments_mod):
        if f.predicate == "party" and f.subject.cls == "Agreement":
            signed.setdefault(id(f.evidence), f.subject)
    if not signed:
        return []
    lex = load()
    conf = REGISTRY.confidence(AGREEMENT_RULE)
    out: list[Fact] = []
    current = None
    for src in ctx.document.paragraphs:
        toks = ctx.tokens(src)
        new = signed.get(id(src))
        if new is not None:
            current = new
        if current is None:
            continue
        for cue in lex.find(toks, "field_cue"):
            sent = toks.tokens[cue.i].sent
            in_sentence = range(*sentence_bounds(toks, cue.i))
            names_it = new is not None and any(lex.is_a(toks, k, "agreement_anaphor") or toks.tokens[k].norm.startswith("مذكر")
                                               for k in in_sentence)
            refers = any(lex.is_a(toks, k, "agreement_anaphor") for k in in_sentence if k < cue.i)
            if not (names_it or refers):
                continue
            k = cue.j
            while k < len(toks.tokens) and toks.tokens[k].sent == sent and k < cue.j + 3 \
                    and not any(m.entity.kind == "topic" for m in toks.tokens[k].ents):
                k += 1                             # في أربعة مجالات: …
            for t in _topics_list(toks, k):
                out.append(Fact(current, "addresses", t, src, AGREEMENT_RULE, conf))
    return out


def _topics_list(toks, k: int, stop_at_comma_gap: bool = False, names: list | None = None) -> list:
    """The topics of a list that runs to the end of the sentence (items set off by commas); with
    ``stop_at_comma_gap``, also up to an item (between commas) that names no topic after the first;
    with ``names`` (topic name patterns), also the topics inside the name of an instrument the list
    names (يركز الاجتماع على متابعة الاتفاق العالمي بشأن اللاجئين: the meeting's object is that instrument)."""
    out, sent = [], toks.tokens[k].sent if k < len(toks.tokens) else -1
    item_has_topic = False
    while k < len(toks.tokens) and toks.tokens[k].sent == sent:
        t = toks.tokens[k]
        if stop_at_comma_gap and t.kind == "punct" and t.norm in ",،؛;":
            if out and not item_has_topic:
                break
            item_has_topic = False
        if any(m.entity.kind == "topic" for m in t.ents):
            item_has_topic = True
        for m in t.ents:
            if m.entity.kind == "topic" and toks.index_at(m.start) == k and m.entity not in out:
                out.append(m.entity)
            if names and m.entity.kind == "commitment" and toks.index_at(m.start) == k:
                surface = " " + fold(m.surface) + " "
                out.extend(e for rx, e in names if e not in out and rx.search(surface))
                item_has_topic = item_has_topic or bool(out)
        if any(m.entity.kind in _STOP_KINDS for m in t.ents) and out:
            break
        k += 1
    return out


def extract(ctx, events=None) -> list[Fact]:
    """The purpose facts of every paragraph, heading and footnote of the document, and (with the
    events the event rules found) the topics of a paragraph's one meeting."""
    out = list(run_patterns(ctx, "topics"))           # headings too: «مصر تترأس عملية X لمكافحة …»
    if events is not None:
        out.extend(_meeting_facts(ctx, events))
    out.extend(_agreement_facts(ctx))
    return out
