"""The instrument a document is: a statement, declaration or action plan whose own text the document holds.

Rule ``commitment.own-instrument``: the document's title opens with an instrument's head word (بيان الرئيسين
المشاركين للمؤتمر …، إعلان دكا الصادر عن المشاورة الوزارية …، البيان الختامي لـ …، خطة عمل …) and the
document names a held meeting (the first one it names, ``adoption.MeetingOf.first``): the instrument was
adopted at that meeting. Its date is the one of the closing line (``صدر في دكا في 21 أبريل 2011``، ``حرر في
…``), else the day of a one-day meeting. A statement of the chair or co-chairs (بيان الرئيس، بيان الرئيسين
المشاركين) was issued by the meeting's chair or co-chairs (the event rules' ``chairedBy``/``coChairedBy``).

The name is the title up to what attaches it to the meeting (الصادر عن، لـ، عن، a bracket, a colon); a
generic one (بيان الرئيسين المشاركين) is keyed by its meeting (``commitments.commitment``). A summary or a
report (موجز الرئيس، تقرير) is no commitment; a title that names no held meeting gives nothing.

It does not find meetings nor chairs (the event rules do), and names no document.
"""
from __future__ import annotations

import re

from ..recognise.findings import Fact, Value
from ..text.arabic import fold
from .minting import rx
from .rules import REGISTRY, Rule, register

RULE = "commitment.own-instrument"
if RULE not in REGISTRY:
    register(Rule(RULE, ("adoptedAt", "adoptedBy", "dateAdopted", "year"), 0.75,
                  ("document:title", "events:meeting-of-document", "events:chairedBy", "regex"),
                  "a title that opens with an instrument (بيان/إعلان/خطة عمل …) of a document naming a held meeting: "
                  "adopted at that meeting, dated by the closing line (صدر في …) or the one-day meeting; a chair's "
                  "statement issued by the chairs", "commitments"))

HEADS = (("البيان الختامي", "Declaration"), ("بيان", "Declaration"), ("اعلان وخطه عمل", "Declaration"),
         ("اعلان", "Declaration"), ("خطه عمل", "ActionPlan"), ("اطار", "PolicyFramework"))
OWN_TITLE = re.compile(r"^\s*(?:ال)?(?:{})(?![\w])".format("|".join(fold(h).removeprefix("ال") for h, _ in HEADS)))
NAME_END = rx(r" (?:الصادر|الصادره|المعتمد|المعتمده|عن|للمؤتمر|للاجتماع|للقمه|للمنتدي|للمشاوره|للدوره|في) |[(:،,]")
CHAIRS = rx(r"(?<![\w])(?:ال)?(?:رييس|رييسين|رييسه|رياسه|الرياسه)(?![\w])")
CLOSING = rx(r"^\s*(?:صدر|صدرت|حرر|حررت|اعتمد|اعتمدت)(?: هذا \S+)? (?:في|ب)")
CLOSING_WORDS = 14


def _title_name(title: str) -> tuple[str, str] | None:
    """(name as printed, class) of the instrument a title opens with, or None."""
    f = fold(title)
    if not OWN_TITLE.match(f):
        return None
    cls = next((c for h, c in HEADS if re.match(rf"^\s*(?:ال)?{fold(h).removeprefix('ال')}(?![\w])", f)), "Declaration")
    stop = NAME_END.search(f)
    words = f[:stop.start() if stop else len(f)].split()
    name = " ".join(title.split()[:len(words)]).strip(" ،,:")
    return (name, cls) if len(name.split()) >= 2 else None


def _closing_date(ctx):
    """The date of the closing line (صدر في دكا في 21 أبريل 2011) and its paragraph, or (None, None)."""
    from .event_status import document_day
    from .meeting_setting import dates_of
    for para in reversed(ctx.document.paragraphs[-3:]):
        if len(para.text.split()) > CLOSING_WORDS or not CLOSING.match(fold(para.text)):
            continue
        dates = [d for d in dates_of(ctx.tokens(para), document_day(ctx.document)) if d.year]
        if dates:
            return dates[0], para
    return None, None


def extract(ctx, meeting_of, seen: dict):
    """The facts of the instrument the document is (none when its title names none or no meeting is held)."""
    from .adoption import _date_facts, _one_day
    from .commitments import PROPER_KINDS, commitment
    from .minting import View
    named = _title_name(ctx.document.title_ar or "")
    if named is None or meeting_of is None:
        return
    held = meeting_of.first(ctx.sources())
    if held is None:
        return
    meeting = held[0]
    src = next((s for s in ctx.sources() if any(e.key == meeting.key for e in meeting_of.in_src.get(id(s), ()))), None)
    if src is None:
        return
    name, cls = named
    v = View.of(name)
    toks = ctx.title_tokens()
    proper = bool(toks) and any(m.entity.kind in PROPER_KINDS and m.end <= len(name) for m in toks.mentions)
    ent = commitment(ctx, src, v, cls, name, 0, 0, None, None, f"adopted at {meeting.label_en}", seen, meeting,
                     generic=not proper)
    conf = REGISTRY.confidence(RULE)
    yield Fact(ent, "adoptedAt", meeting, src, RULE, conf)
    if CHAIRS.search(fold(name)):
        from . import events as events_mod      # noqa: PLC0415 (a sibling family)
        for f in ctx.family_facts(events_mod):
            if f.subject.key == meeting.key and f.predicate in ("chairedBy", "coChairedBy"):
                yield Fact(ent, "adoptedBy", f.object, f.evidence, RULE, conf)
    d, para = _closing_date(ctx)
    if d is not None:
        yield from _date_facts(ent, d, para, RULE, conf)
    elif held[2] is not None:
        yield from _one_day(ent, held[2], src, RULE)


__all__ = ["extract", "RULE"]
