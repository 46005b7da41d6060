"""Chairs of a process's yearly meeting: ``رئيس منتدى عام YYYY، PERSON``, ``PERSON … برئاسة منتدى عام
YYYY`` and ``رئاسة STATE لمنتدى عام YYYY``; and the name helpers the other event rules use for a
person written beside a title.

It does not find the chairs of bodies or organizations (``actors.py``) nor session co-chairs
(``sessions.py``).
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Entity, Fact
from .event_common import RULES
from .minting import rx, ROLE_WORDS, TITLES, View, clean_name, is_name, person, process_meeting
from .process_meetings import DocState

CHAIR_OF = rx(r"(?:ال)?رئيس (?:منتدي عام (\d{4}))")
CHAIRED = rx(r"برئاسه (?:منتدي عام (\d{4}))")
STATE_CHAIR = rx(r"رئاسه (\S+(?: \S+)?) لمنتدي عام (\d{4})")


def meeting_chairs(ctx, st: DocState, src, v: View):
    """chairedBy facts of the yearly meetings of the document's Forum named in ``src``."""
    if st.forum is None:
        return
    for m, ms, me in v.finditer(CHAIR_OF, 0):
        ev = process_meeting(st.forum, int(m.group(1)))
        name = name_after(v.text, me) or _name_before(v.text, ms)
        if name:
            yield Fact(ev, "chairedBy", doc_person(st, name), src, "event.chair", RULES["event.chair"][1])
    for m, ms, me in v.finditer(CHAIRED, 0):
        ev = process_meeting(st.forum, int(m.group(1)))
        name = _name_before(v.text, ms)
        if name:
            yield Fact(ev, "chairedBy", doc_person(st, name), src, "event.chair", RULES["event.chair"][1])
    for m, ms, me in v.finditer(STATE_CHAIR, 0):
        ev = process_meeting(st.forum, int(m.group(2)))
        for x in ctx.mentions_in(src, ms, me):
            if x.entity.kind == "state":
                yield Fact(ev, "chairedBy", x.entity, src, "event.chair", RULES["event.chair"][1])
                break


def name_after(text: str, pos: int) -> str:
    """A person's name (two words at least) written right after ``pos``, up to the next comma."""
    chunk = re.split(r"[،,؛;(]", text[pos:].lstrip(" ،,"), maxsplit=1)[0]
    name = clean_name(chunk)
    return name if is_name(name) and len(name.split()) >= 2 else ""


def _name_before(text: str, pos: int) -> str:
    """The name in the nearest comma chunk before ``pos`` that does not start with a role word."""
    chunks = re.split(r"[،,؛;]", text[:pos])
    for chunk in reversed(chunks):
        words = chunk.split()
        if not words:
            continue
        folded = [fold(w) for w in words]
        head = folded[0]
        if head in ROLE_WORDS or (head.startswith("و") and head[1:] in ROLE_WORDS):
            continue
        titled = [i for i, w in enumerate(folded) if w in TITLES or (w.startswith("و") and w[1:] in TITLES)]
        if titled:
            words = words[titled[-1] + 1:]
        else:
            words = words[-2:]
            first = fold(words[0]) if words else ""
            if len(first) > 3 and first[0] in "ولب" and not first.startswith("ال"):
                words[0] = words[0][1:]          # a proclitic on the first name: "لعلي" -> "علي"
        name = clean_name(" ".join(words))
        return name if is_name(name) else ""
    return ""


def doc_person(st: DocState, name: str) -> Entity:
    """The person of the document with this name (a surname alone finds the full name seen before)."""
    key = fold(name)
    if key in st.persons:
        return st.persons[key]
    for full, ent in st.persons.items():
        if full.endswith(" " + key):
            return ent
    ent = person(name)
    st.persons[key] = ent
    return ent
