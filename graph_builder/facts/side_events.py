"""Side events: a gathering an organisation holds on the margins of a larger meeting (``حدث جانبي``، ``فعالية
جانبية``، ``تشارك منظمة العمل الدولية مع المفوضية في استضافة حدث على هامش "الحوار رفيع المستوى …"``).

What it does: :func:`find` reads a side-event noun (lexicon class ``side_event_noun``, ``lexicons/classes/events.toml``)
followed by ``على هامش`` and the process whose meeting frames it (in quotes or not, after its proceedings:
``على هامش أعمال المنتدى …``). The frame is that process's meeting of the year (the event's own date, else the
document's date when the clause is not planned): one :class:`Ref` for it (reported as taking place) and one for the
side event, a part of it keyed under it by its convenors (the organisations named before the noun in the sentence:
``event/hld-2013-side-event-ilo-ohchr``), else by the noun's position. A noun that needs ``على هامش`` (``حدث``)
names nothing without it, nor unless a host or held word governs it (``حدث`` is also the verb
"it happened"); a plural (``حدثان جانبيان``) names no one event.

What it does not: read hosts, topics or counts of the event (``meeting_relations.py`` and the topic rules read them
off the Ref), nor a side event of a meeting named by a meeting noun rather than a process (``written_meetings.py``
reads that frame; the side event is left unread).
"""
from __future__ import annotations

from dataclasses import replace

from ..text.tokens import Tokens
from ..text.word_classes import load
from .event_common import Ref
from .event_status import PLANNED, clause_status
from .meeting_setting import after, mention_at, own_dates, partners
from .minting import process_meeting, sub_event, translit

RULE_ID = "event.side-event"
FRAME_REACH = 3              # tokens between هامش and the frame's process (quotes, أعمال، فعاليات)
_QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "("})
VERB_REACH = 2               # tokens between a host or held word and the noun it holds (قد، اليوم)
CONVENOR_KINDS = ("org", "body", "state")


def _margin_at(toks: Tokens, k: int, hi: int) -> int | None:
    """The token after ``على هامش`` written at ``k``, else None."""
    if k + 1 < hi and toks.tokens[k].norm in ("علي", "وعلي") and toks.tokens[k + 1].norm == "هامش":
        return k + 2
    return None


def _frame_process(toks: Tokens, k: int, hi: int):
    """The process mention that starts within a few tokens of ``k`` (past quotes and a proceedings noun)."""
    lex = load()
    for x in range(k, min(hi, k + FRAME_REACH + 1)):
        pm = mention_at(toks, x, ("process",))
        if pm is not None:
            return pm
        t = toks.tokens[x]
        if t.norm not in _QUOTES and lex.is_a(toks, x, "meeting_event_cue") is None:
            return None
    return None


def _held_object(toks: Tokens, lo: int, i: int) -> bool:
    """A host or held word (``استضافة``، ``نظمت``، ``عقد``) stands right before the noun at ``i``: its object."""
    lex = load()
    return any(lex.is_a(toks, k, "host_verb") or lex.is_a(toks, k, "held_verb")
               for k in range(max(lo, i - VERB_REACH), i))


def find(ctx, toks: Tokens, lo: int, hi: int, known: list[Ref], doc_day, rule_id: str) -> list[Ref]:
    """The side events of tokens [lo, hi) (a sentence) and the meetings that frame them: [frame, side event, …]."""
    lex = load()
    out: list[Ref] = []
    for m in lex.find(toks, "side_event_noun", lo, hi):
        t0 = toks.tokens[m.i]
        if m.feature("plural") or m.reading.enc or any(r.start <= t0.start < r.end for r in known + out):
            continue
        k = _margin_at(toks, m.j, hi)
        if k is None:
            continue            # حدث جانبي with no frame named: no side event read
        if m.feature("margin") and not _held_object(toks, lo, m.i):
            continue            # حدث على هامش المنتدى خلاف: the verb "happened", no event anyone held
        pm = _frame_process(toks, k, hi)
        if pm is None:
            continue
        j = after(toks, pm)
        while j < hi and toks.tokens[j].norm in _QUOTES | {")"}:
            j += 1
        dates = own_dates(ctx, toks, j, hi, doc_day)
        status = clause_status(toks, m.i, dates=dates, doc_day=doc_day)
        years = [d.year for d in dates if d.year] or ([doc_day.year] if doc_day is not None and status != PLANNED else [])
        if not years:
            continue            # the frame's year is unknown: which of its meetings cannot be said
        cls = "PlannedMeeting" if status == PLANNED else "Meeting"
        frame = replace(process_meeting(pm.entity, years[0]), cls=cls)
        out.append(Ref(pm.start, toks.tokens[j - 1].end, frame, pm.entity, rule_id, status, None, None,
                       tuple(dates), years[0], "meeting"))
        hosts = [x.entity.slug for x in partners(toks, toks.tokens[lo].start, t0.start, CONVENOR_KINDS)]
        key = "side-event-" + ("-".join(hosts) if hosts else translit(t0.norm) + f"-{m.i}")
        ev = replace(sub_event(frame, key, f"{toks.surface(m.i, m.j)} على هامش {pm.entity.label_ar} {years[0]}",
                               f"side event of {frame.label_en}"), cls=cls)
        out.append(Ref(t0.start, toks.tokens[m.j - 1].end, ev, frame, rule_id, status, None, None, tuple(dates),
                       years[0], "side-event"))
    return out
