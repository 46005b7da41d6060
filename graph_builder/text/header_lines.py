"""The header-line grammar of a chair's report: the verbless lines that head and describe its sessions.

Two kinds of line, their words in the lexicon (``lexicons/classes/sessions.toml``):

* a **session heading**: a session noun (class ``header_session``: الجلسة، جلسة العمل، المائدة المستديرة،
  حلقة النقاش …), then a number (``1-2``, ``1 - 3``, ``2``, ``3/1``) or an ordinal word (الأولى، الثالثة - 1),
  then a colon or a dash and the session's title (``الجلسة 1-2: حماية المهاجرين في الأزمات``). Read by
  :func:`session_heading` → :class:`SessionHead` (kind, group, number, title).
* a **role line**: a role label (class ``header_role``: الرئيس المشارك، المقررة، المتحدثون، رئيس الجلسة …), then
  a colon and the persons or states it names (``المقرر: السيد توماس لي، مستشار أول، سنغافورة``). Read by
  :func:`role_label` → (role, end offset of the label and its colon). Without a colon a label is read only when
  it names the session itself or carries a pronoun (``رئيس الجلسة السيد …، ومقررها السيدة …``): ``bare=True``.

The text parsers use it to keep a role line as a note of its section (not a heading that would end the session's
section, not a paragraph) and to split a session heading out of a block of lines; the fact rules
(``facts/sessions.py``, ``facts/session_headers.py``) read the same grammar. It does not decide which meeting a
session belongs to, nor who the persons are. :func:`section_owners` gives each section the session heading whose
session it is part of (a document's structure carries the session a paragraph is about).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import tokenise
from .word_classes import load

MAX_HEADING_WORDS = 24         # a session heading line is short; a longer line is running text
_NUMBER = re.compile(r"\s*(?P<g>[0-9\u0660-\u0669]+)(?:\s*[-\u2013/]\s*(?P<n>[0-9\u0660-\u0669]+))?"
                     r"(?:\s*/\s*(?P<alt>[0-9\u0660-\u0669]+))?")
_SEP = re.compile(r"\s*(?:[:\u2013\-]|$)\s*")
_ORDINAL_WORDS = {
    "الاول": 1, "الاولي": 1, "الثاني": 2, "الثانيه": 2, "الثالث": 3, "الثالثه": 3, "الرابع": 4, "الرابعه": 4,
    "الخامس": 5, "الخامسه": 5, "السادس": 6, "السادسه": 6, "السابع": 7, "السابعه": 7, "الثامن": 8,
    "الثامنه": 8, "التاسع": 9, "التاسعه": 9, "العاشر": 10, "العاشره": 10,
}


@dataclass(frozen=True)
class SessionHead:
    """A session heading: its kind (session, roundtable, panel …), group and number (``1-2`` → 1, 2; ``2`` →
    None, 2) and its title as printed (empty when the line gives none)."""

    kind: str
    group: int | None
    number: int
    title: str

    @property
    def key(self) -> str:
        """The session's key under its meeting (``session-1-2``, ``roundtable-2``)."""
        return f"{self.kind}-{self.group}-{self.number}" if self.group is not None else f"{self.kind}-{self.number}"


def digit_value(s: str) -> int:
    return int(s.translate(str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")))


def session_heading(line: str, max_words: int | None = MAX_HEADING_WORDS) -> SessionHead | None:
    """The session a heading line names (None for any other line); a line of more than ``max_words`` words
    is running text (None: a heading the parser already found, of any length)."""
    line = line.strip().lstrip("#").strip()
    if not line or (max_words is not None and len(line.split()) > max_words):
        return None
    toks = tokenise(line)
    if not toks.tokens:
        return None
    lex = load()
    m = lex.is_a(toks, 0, "header_session")
    if m is None or m.reading.pro or m.reading.enc:
        return None
    k = m.j
    rest_at = toks.tokens[k].start if k < len(toks.tokens) else len(line)
    group: int | None = None
    number = None
    num = _NUMBER.match(line, rest_at)
    if num and num.group("g"):
        a = digit_value(num.group("g"))
        b = num.group("n")
        if b is not None:
            group, number = a, digit_value(b)
            if num.group("alt") and group == number:
                number = digit_value(num.group("alt"))
        else:
            number = a
        after = num.end()
    elif k < len(toks.tokens) and toks.tokens[k].norm in _ORDINAL_WORDS:
        n = _ORDINAL_WORDS[toks.tokens[k].norm]
        after = toks.tokens[k].end
        num2 = re.match(r"\s*[-\u2013]\s*([0-9\u0660-\u0669]+)(?:\s*/\s*([0-9\u0660-\u0669]+))?", line[after:])
        if num2:
            group, number = n, digit_value(num2.group(1))
            if num2.group(2) and group == number:
                number = digit_value(num2.group(2))
            after += num2.end()
        else:
            number = n
    else:
        return None
    sep = _SEP.match(line, after)
    if sep is None:
        return None          # الجلسة 3 التي عقدت …: running text, not a heading
    title = line[sep.end():].strip()
    return SessionHead(m.feature("kind", "session"), group, number, title)


def role_label(text: str, bare: bool = False) -> tuple[str, int] | None:
    """(role, offset where the names start) when ``text`` opens with a session role label and a colon
    (``الرئيسان المشاركان: …``); with ``bare``, also a label without a colon that names the session or carries a
    pronoun (``رئيس الجلسة السيد …``, ``ومقررها السيدة …``). None otherwise."""
    toks = tokenise(text[:80])
    if not toks.tokens:
        return None
    m = load().is_a(toks, 0, "header_role")
    if m is None or (m.reading.pro and m.reading.pro != "و"):
        return None
    end = toks.tokens[m.j - 1].end
    colon = re.match(r"\s*[:：]\s*", text[end:])
    if colon and not _names_list(text[end + colon.end():]):
        return None              # الرئيس: إن الهجرة …: a speaker's words in a transcript, not a header line
    if colon:
        return m.feature("role"), end + colon.end()
    if bare and (m.j - m.i > 1 or m.reading.enc) and m.j < len(toks.tokens) and toks.tokens[m.j].kind == "word":
        return m.feature("role"), toks.tokens[m.j].start
    return None




MAX_NAMES_WORDS = 45          # a header line lists names and roles: longer, it is running text


def _names_list(value: str) -> bool:
    """The value of a header line reads as a list of names and roles: short, one sentence at most."""
    body = value.strip().rstrip(".。").strip()
    return bool(body) and len(body.split()) <= MAX_NAMES_WORDS and not re.search(r"[.!?؟]\s", body)


def part_heading(heading: str) -> bool:
    """A heading of a part of a session's account (``التوصيات``, ``القضايا والملاحظات``: class
    ``session_part_heading``), the whole heading."""
    toks = tokenise(heading.strip().rstrip(":").strip())
    m = load().is_a(toks, 0, "session_part_heading") if toks.tokens else None
    return m is not None and m.j == len(toks.tokens)


def section_owners(sections: list, opens) -> dict[int, object]:
    """id(section) → the section that opens the session it belongs to, for every section inside a session.

    ``opens(section)`` says whether a section's heading opens a session. A heading deeper than the session's, or
    a part heading (:func:`part_heading`), stays in it; a session written as a sub-heading keeps the sub-headings
    of its own level until a heading of a higher level; a session at the top level ends at the next other heading
    (a flat text has one level: only its part headings are the session's)."""
    top = min((sec.level for sec in sections), default=1)
    out: dict[int, object] = {}
    current = None
    for sec in sections:
        if opens(sec):
            current = sec
        elif current is not None and not (sec.level > current.level or part_heading(sec.heading)
                                          or (sec.level == current.level and current.level > top)):
            current = None
        if current is not None:
            out[id(sec)] = current
    return out


__all__ = ["SessionHead", "session_heading", "role_label", "part_heading", "section_owners"]
