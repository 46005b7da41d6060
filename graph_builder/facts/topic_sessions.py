"""Topics of a session or meeting named by its noun and ordinal (or a part's own noun), as the subject of
a focus verb before it or after it:

* verb first: ``فقد تناولت المائدة المستديرة الأولى، التي ترأستها …، تنقل اليد العاملة``, ``وخصصت المائدة
  الثانية، برئاسة مشتركة من …، لدور المغتربين``, ``تركزت مناقشات الاجتماع الحكومي يومي … على …``;
* noun first (a headline, ``أما … ف…``): ``أما المائدة الثالثة، التي ترأستها …، فتناولت صحة المهاجرين``,
  ``الاجتماع السابع لعملية … يناقش الاتفاق العالمي بشأن اللاجئين``.

The noun is a session noun (lexicon class ``session_noun``) with its ordinal, or a part noun (``الاجتماع
الحكومي``), or a meeting noun (``meeting_noun``, qualifiers allowed) with its ordinal; it stands for the
event the event rules minted for it (same session key: kind and ordinal; a meeting: the document's one
meeting with that ordinal). The topics are those of the verb's object, up to the end of the sentence, the
next such noun, another actor named after a topic, or an item between commas that names none. A future
verb (سيناقش) gives nothing; a focus verb with its own written subject (وناقش الوزراء …) is not the
session's.

It does not mint events (the event rules do), nor read a meeting a paragraph names without its ordinal
(``topic_purpose.py``, ``topics.py``).
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .process_chairs import ordinal_at
from .rules import REGISTRY, register_once
from .spans import sentence_bounds

RULE = "topics.session-ordinal"
register_once(RULE, ("addresses",), 0.8, ("lex:session_noun", "lex:meeting_noun", "lex:meeting_topic_cue",
                                           "events:ordinal", "entity:topic"),
              "FOCUS_VERB (مناقشات) SESSION_NOUN ORDINAL … TOPIC… | SESSION_NOUN ORDINAL …، (ف)FOCUS_VERB TOPIC…: "
              "the session or meeting named by its noun and ordinal addresses the topics of the verb's object",
              "topics")

# nouns of the discussions of a session written between the verb and the session (تركزت مناقشات الاجتماع …)
_DISCUSSION = frozenset(fold(w) for w in ("مناقشات", "المناقشات", "أعمال", "أشغال", "نقاشات", "محادثات", "مداولات"))
_STOP_KINDS = frozenset({"state", "org", "person", "process", "body", "commitment"})
_SKIP_KINDS = frozenset({"process", "place", "region", "event", "org"})   # the meeting's own process, its place
INSERTION_MAX = 30          # tokens of a comma-delimited insertion after the noun (التي ترأستها …،)
PREP_WINDOW = 12            # tokens between the noun phrase and the preposition of the verb (يومي 10 و11 … على)


def _events_by_key(ctx) -> tuple[dict, dict]:
    """(slug → event, ordinal → [meeting]) of the events the event rules found in the document."""
    from . import events as events_mod      # noqa: PLC0415 (a sibling family)
    slugs: dict = {}
    ordinals: dict = {}
    for f in ctx.family_facts(events_mod):
        s = f.subject
        if not isinstance(s, Entity) or s.kind != "event":
            continue
        slugs[s.slug] = s
        if f.predicate == "ordinal":
            n = str(getattr(f.object, "lexical", f.object))
            if s not in ordinals.setdefault(n, []):
                ordinals[n].append(s)
    return slugs, ordinals


def meetings_by_ordinal(ctx) -> dict:
    """Ordinal (as written in the event facts) → the meetings the event rules found with it."""
    return _events_by_key(ctx)[1]


def _session_at(toks, lex, k: int, hi: int, slugs: dict, ordinals: dict):
    """(event, first token, token after the noun phrase) of a session/meeting noun at ``k``, else None."""
    m = lex.is_a(toks, k, "session_noun")
    if m is not None and not m.feature("plural"):
        n, after = ordinal_at(toks, m.j, hi)
        kind = m.feature("kind") or "session"
        if n is not None:
            suffix = f"-{kind}-{n}"
        elif m.feature("part"):
            suffix, after = f"-{kind}", m.j
        else:
            return None
        found = [e for slug, e in slugs.items() if slug.endswith(suffix)]
        return (found[0], k, after) if len(found) == 1 else None
    m = lex.is_a(toks, k, "meeting_noun")
    if m is None or m.feature("plural"):
        return None
    j = m.j
    while j < hi and lex.is_a(toks, j, "meeting_qualifier"):
        j = lex.is_a(toks, j, "meeting_qualifier").j
    n, after = ordinal_at(toks, j, hi)
    if n is None:
        return None
    found = [e for e in ordinals.get(str(n), []) if e.cls in ("Meeting", "Event")]
    return (found[0], k, after) if len(found) == 1 else None


def _past_noun_phrase(toks, lex, k: int, hi: int) -> int:
    """The token after what may follow a session/meeting noun before its verb or object: qualifiers, the
    meeting's process or place (لعملية …، في الدوحة), a comma-delimited insertion (، التي ترأستها …،)."""
    while k < hi:
        t = toks.tokens[k]
        starting = [x for x in t.ents if toks.index_at(x.start) == k and x.entity.kind in _SKIP_KINDS]
        if starting:
            k = max(k + 1, toks.index_at(starting[0].end))
            continue
        q = lex.is_a(toks, k, "meeting_qualifier")
        if q is not None:
            k = q.j
            continue
        if t.kind == "punct" and t.norm in ",،":
            close = next((j for j in range(k + 1, min(hi, k + INSERTION_MAX + 1))
                          if toks.tokens[j].kind == "punct" and toks.tokens[j].norm in ",،.؛;:"), None)
            if close is None or toks.tokens[close].norm not in ",،":
                return k
            k = close + 1
            continue
        return k
    return k


def _object_start(toks, k: int, hi: int, prep: str | None) -> int | None:
    """Where the verb's object starts from token ``k``: past its preposition when it has one."""
    if not prep:
        return k
    prep = fold(prep)
    for j in range(k, min(hi, k + PREP_WINDOW)):
        t = toks.tokens[j]
        if t.norm == prep or (prep == "ل" and t.norm.startswith("ل") and len(t.norm) > 2):
            return j + (1 if t.norm == prep else 0)
        if any(x.entity.kind in _STOP_KINDS for x in t.ents):
            return None
    return None


def _topics(toks, k: int, end: int) -> list:
    """Topic mentions from ``k`` to ``end``, stopping at an actor after a topic or at an item between
    commas that names no topic."""
    out, item_has_topic = [], False
    while k < end:
        t = toks.tokens[k]
        if t.kind == "punct" and t.norm in ",،؛;":
            if out and not item_has_topic:
                break
            item_has_topic = False
        for x in t.ents:
            if x.entity.kind == "topic" and toks.index_at(x.start) == k:
                item_has_topic = True
                if x.entity not in out:
                    out.append(x.entity)
        if out and any(x.entity.kind in _STOP_KINDS for x in t.ents):
            break
        k += 1
    return out


def _verb_at(toks, lex, k: int):
    c = lex.is_a(toks, k, "meeting_topic_cue") if k < len(toks.tokens) else None
    if c is None or c.future or c.reading.enc:
        return None
    return c


def extract(ctx) -> list[Fact]:
    lex = load()
    slugs, ordinals = _events_by_key(ctx)
    if not slugs:
        return []
    conf = REGISTRY.confidence(RULE)
    out: list[Fact] = []
    for src in ctx.sources():
        toks = ctx.tokens(src)
        n_tok = len(toks.tokens)
        found = []
        for k in range(n_tok):
            lo, hi = sentence_bounds(toks, k) if k == 0 or toks.tokens[k].sent != toks.tokens[k - 1].sent else (lo, hi)
            s = _session_at(toks, lex, k, hi, slugs, ordinals)
            if s is not None:
                found.append((s, lo, hi))
        for n, ((event, i, after), lo, hi) in enumerate(found):
            nxt = next((f[0][1] for f in found[n + 1:] if f[0][1] > i), hi)
            end = min(hi, nxt)
            verb = None
            b = i - 1
            if b >= lo and toks.tokens[b].norm in _DISCUSSION:
                b -= 1
            if b >= lo:
                verb = _verb_at(toks, lex, b)
                if verb is not None and verb.j not in (i, i - 1):
                    verb = None
            k = _past_noun_phrase(toks, lex, after, end)
            if verb is None:                       # noun first: its verb right after the noun phrase
                verb = _verb_at(toks, lex, k)
                if verb is None:
                    continue
                k = verb.j
                if k < end and (lex.is_a(toks, k, "other_subject_noun") or lex.is_a(toks, k, "meeting_noun")
                                or any(x.entity.kind in _STOP_KINDS for x in toks.tokens[k].ents)):
                    continue                       # the verb has its own written subject
            start = _object_start(toks, k, end, verb.feature("prep"))
            if start is None:
                continue
            end = next((x for x in range(start + 1, end) if (sn := lex.is_a(toks, x, "session_noun")) is not None
                        and not sn.feature("plural")), end)      # وأفردت جلسة لـ…: another session's topics
            for t in _topics(toks, start, end):
                out.append(Fact(event, "addresses", t, src, RULE, conf))
    return out


TITLED_RULE = "topics.meeting-title"
register_once(TITLED_RULE, ("addresses",), 0.75, ("lex:meeting_noun", "lex:meeting_qualifier", "lex:purpose_cue",
                                                 "lex:theme_cue", "events:meeting-of-paragraph", "entity:topic"),
              "MEETING_NOUN (QUALIFIER…) PURPOSE_CUE TOPIC… (مؤتمر إقليمي حول تهريب البشر، ندوة دولية بشأن الهجرة "
              "والتغير المناخي) | MEETING_NOUN (WORD{0,2}) THEME_CUE «TOPIC…» (ندوة قومية تحت عنوان «هجرة وتنقل العمالة») "
              "in a paragraph that names one meeting (or a document that names one): that meeting addresses the topics",
              "topics")
_CLAUSE_END = frozenset(",،.؛;:()«»\"")
_OPEN_QUOTES = frozenset({'"', "«", "“"})
_CLOSE_QUOTES = frozenset({'"', "»", "”", "."})
TITLE_GAP = 3               # words between the cue and the first topic (حول سبل مكافحة …)


TITLE_ADJECTIVES = 2        # plain words between an indefinite meeting noun and its title cue (ندوة قومية تحت عنوان)


def _title_cue(toks, lex, k: int):
    """A theme cue (تحت عنوان، تحت شعار، بعنوان) at ``k`` or after up to TITLE_ADJECTIVES plain words (adjectives the
    lexicon does not list: ندوة قومية، لقاء تشاوري موسع) that name nothing, else None."""
    for j in range(k, min(len(toks.tokens), k + TITLE_ADJECTIVES + 1)):
        cue = lex.is_a(toks, j, "theme_cue")
        if cue is not None:
            return cue
        t = toks.tokens[j]
        if t.kind == "punct" or t.ents or not t.norm.isalpha():
            return None
    return None


def titled_meeting_facts(ctx) -> list[Fact]:
    """``… في مؤتمر إقليمي حول تهريب البشر …``: the one meeting of the paragraph addresses the topics its
    indefinite noun is said to be about (a definite noun may name another meeting: المؤتمر العالمي لمكافحة
    العنصرية الذي عقد في ديربان; a process named right after the noun keeps its own name's words); so does the
    quoted title an indefinite noun is given (``ندوة قومية تحت عنوان «هجرة وتنقل العمالة …»``). A definite
    meeting's theme (``المنتدى العالمي … تحت شعار …``) is its title, not a list of topics: the event rules read it."""
    from .family_findings import known_events     # noqa: PLC0415
    events = known_events(ctx)
    lex = load()
    conf = REGISTRY.confidence(TITLED_RULE)
    out: list[Fact] = []
    slugs, _ = _events_by_key(ctx)
    meetings = [e for e in slugs.values() if e.cls in ("Meeting", "PlannedMeeting")]
    parents = events.parent or {}
    only = [e for e in meetings if parents.get(e.key) is None]
    for src in ctx.paragraphs():
        meeting = events.meeting(src) or (only[0] if len(only) == 1 else None)   # else the document's one meeting
        if meeting is None:
            continue
        toks = ctx.tokens(src)
        for m in lex.find(toks, "meeting_noun"):
            if m.feature("plural") or any(x.entity.kind in _SKIP_KINDS | {"state"} for x in toks.tokens[m.i].ents):
                continue
            if "ال" in m.reading.pro or toks.tokens[m.i].norm.lstrip("وفب").startswith(("ال", "لل")):
                continue            # المؤتمر العالمي لمكافحة …: a definite name may be another meeting's
            k = m.j
            while k < len(toks.tokens) and lex.is_a(toks, k, "meeting_qualifier"):
                k = lex.is_a(toks, k, "meeting_qualifier").j
            cue = lex.is_a(toks, k, "purpose_cue") if k < len(toks.tokens) else None
            if cue is None:
                cue = _title_cue(toks, lex, k)      # ندوة قومية تحت عنوان «…»: the quoted title names its topics
            if cue is None or cue.feature("verb") or toks.tokens[k].ents:
                continue
            sent, gap, found = toks.tokens[k].sent, 0, []
            j = cue.j
            if cue.cls == "theme_cue" and j < len(toks.tokens) and toks.tokens[j].norm in (":", "："):
                j += 1
            quoted = j < len(toks.tokens) and (toks.tokens[j].norm in _OPEN_QUOTES or
                                               (cue.cls == "theme_cue" and toks.tokens[j].norm == "”"))
            if cue.cls == "theme_cue" and not quoted:
                continue
            j += 1 if quoted else 0             # ندوة إقليمية حول "الهجرة والتغيرات المناخية …": a quoted title
            while j < len(toks.tokens) and toks.tokens[j].sent == sent:
                t = toks.tokens[j]
                if t.kind == "punct" and (t.norm in _CLOSE_QUOTES if quoted else t.norm in _CLAUSE_END):
                    break
                if quoted and t.kind == "punct":
                    j += 1
                    continue
                starting = [x for x in t.ents if toks.index_at(x.start) == j]
                topic = next((x for x in starting if x.entity.kind == "topic"), None)
                if topic is not None:
                    found.append(topic.entity)
                    gap, j = 0, max(j + 1, toks.index_at(topic.end))
                    continue
                if starting:
                    break           # a name (a place, an actor): the title is over
                gap += 1
                if gap > TITLE_GAP:
                    break
                j += 1
            for t in dict.fromkeys(found):
                out.append(Fact(meeting, "addresses", t, src, TITLED_RULE, conf))
    return out
