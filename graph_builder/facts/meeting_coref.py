"""Which meeting a later sentence takes up: meeting coreference across a document, and the index every
rule family reads it from.

A press text names a meeting once (its headline, its lead) and then writes ``هذا المؤتمر``, ``هذه القمة
الوزارية``, ``المؤتمر ذاته``, ``خلاله``, ``على هامشه``, ``في ختام أعماله``. This module says three things:

* :func:`demonstrative` — the meeting noun at token ``i`` is pointed at by a demonstrative (``هذا``/``هذه``
  before it, ``ذاته``/``نفسه`` after its phrase): it names a meeting already named, whatever qualifiers it
  carries (``هذه القمة الوزارية`` for ``الاجتماع الوزاري``);
* :func:`pronoun_anchor` — a proceedings noun with a pronoun (lexicon class ``meeting_proceedings``:
  ``خلاله``، ``هامشها``، ``أعماله``، ``ختامها``) in a sentence that names no meeting takes up the last one;
  not after a noun of time (``الفترة التي … خلالها``) nor a list noun (``جدول أعمالها``);
* :func:`resolve` — the antecedent: the most recent meeting of the document's chain (:class:`Chain`) whose
  head noun may name it again (same kind, or a generic noun: ``الاجتماع`` for a summit); a demonstrative
  that finds none of its kind takes the most recent meeting that is not a workshop or seminar part. The
  chain holds meetings named with their identity (process, place, ordinal, or own phrase), held or planned
  (not the next one of a series: ``القمة المقبلة``), in reading order; the headline's meeting opens it. So a
  document that names a preparatory meeting and then the conference takes ``المؤتمر`` up as the conference
  and ``الاجتماع`` as the preparatory meeting; a generic use (``مؤتمرات سابقة``, ``اجتماع آخر``: plural or
  indefinite) names none.

:class:`MeetingIndex` is what the events family records while it reads (every meeting a sentence names or
takes up, with offsets and status): ``FactContext.meetings()`` hands it to every family, so the topic,
commitment and actor rules ask :meth:`MeetingIndex.of_sentence` / :meth:`MeetingIndex.of_source` instead of
resolving anaphors themselves.

* :func:`scope_process` — a bare definite meeting noun when no meeting is in scope (``وافتتح المنتدى أعماله``,
  ``نسخة العام 2023 من المنتدى``, ``الدورة السابعة للمؤتمر``): the one process the document named before it whose
  name that noun heads (``المنتدى العالمي للاجئين``), none when two such processes were named (``المنتدى`` after
  two forums) or when the gazetteer gives the process no name headed by it.

It makes no facts and does not recognise meetings (``written_meetings.py`` does).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..recognise.findings import Entity
from ..text.arabic import fold
from ..text.tokens import Tokens, strip_article
from ..text.word_classes import load

DEMONSTRATIVES = frozenset({"هذا", "هذه", "وهذا", "وهذه", "ذلك", "تلك", "وذلك", "وتلك", "بهذا", "بهذه", "لهذا", "لهذه"})
SAME = frozenset({"ذاته", "ذاتها", "نفسه", "نفسها"})
# Kinds that are parts or side events of a meeting: a demonstrative of another kind never takes them up,
# and they never take up a main meeting of another kind (الندوة is no forum meeting).
PART_KINDS = frozenset({"workshop", "seminar"})
TIME_WINDOW = 3              # tokens before a pronoun anchor where a noun of time makes it "during that period"


def demonstrative(toks: Tokens, i: int, j: int, lo: int, hi: int) -> bool:
    """``هذا المؤتمر``, ``هذه القمة الوزارية``, ``وخلال هذا اللقاء``, ``المؤتمر ذاته``: the meeting noun at ``i``
    (its phrase ending at ``j``) is pointed at by a demonstrative."""
    if i - 1 >= lo and toks.tokens[i - 1].norm in DEMONSTRATIVES:
        return True
    if i - 1 >= lo and any(r.stem in ("هذا", "هذه") for r in toks.tokens[i - 1].readings() if r.pro):
        return True          # فهذا، وبهذه: a demonstrative with a proclitic
    return j < hi and toks.tokens[j].norm in SAME


@dataclass
class Anchor:
    """A pronoun that takes up a meeting: token ``i`` and the proceedings noun it is on."""

    i: int
    noun: str
    enc: str


def pronoun_anchor(toks: Tokens, lo: int, hi: int) -> Anchor | None:
    """The first proceedings noun with a third-person pronoun in tokens [lo, hi) (``على هامشه``, ``خلالها``,
    ``في ختام أعماله``, ``افتتاح أشغالها``) that stands for a meeting: not after a noun of time (``خلال الفترة
    … خلالها``: the period's), nor after a noun whose list it is (``جدول أعمالها``: an agenda)."""
    lex = load()
    for m in lex.find(toks, "meeting_proceedings", lo, hi):
        if m.reading.enc not in ("ه", "ها"):
            continue
        if any(lex.is_a(toks, k, "time_noun") for k in range(max(lo, m.i - TIME_WINDOW), m.i)):
            continue
        if any(toks.tokens[k].norm in _RELATIVES for k in range(max(lo, m.i - RELATIVE_WINDOW), m.i)):
            continue        # الفترة الماضية التي شهدت خلالها …: the relative's head, named in this sentence
        if m.i - 1 >= lo and any(r.stem in _LIST_NOUNS or r.bare in _LIST_NOUNS for r in toks.tokens[m.i - 1].readings()):
            continue
        return Anchor(m.i, m.entry.written, m.reading.enc)
    return None


_RELATIVES = frozenset({"الذي", "التي", "والذي", "والتي", "اللذين", "اللتين", "الذين"})
RELATIVE_WINDOW = 4          # tokens before a pronoun anchor where a relative pronoun makes it resumptive
_LIST_NOUNS = frozenset({"جدول", "برنامج", "بنود", "نتائج", "حصيله", "تقرير"})


def compatible(kind: str, ante_kind: str, process=None, pointed: bool = False) -> bool:
    """A noun of ``kind`` may name again a meeting of ``ante_kind``: the same kind, a generic noun (الاجتماع،
    الدورة), the kind's head (``conference`` in ``ministerial-conference``); a process's meeting first named by
    a generic noun may be named as its conference or summit. With a demonstrative (``pointed``) any main
    meeting noun may (هذه القمة الوزارية for الاجتماع الوزاري), but a part (workshop, seminar) only its own kind."""
    from .written_meetings import _can_refer
    if (_base(kind) in PART_KINDS or _base(ante_kind) in PART_KINDS) and _base(kind) != _base(ante_kind):
        return False
    if _can_refer(kind, ante_kind, process):
        return True
    if kind == "forum" and process is not None and _base(ante_kind) not in PART_KINDS:
        return True                 # المنتدى: the forum's meeting, whatever noun first named it (قمة المنتدى)
    if not pointed:
        return False
    return _base(kind) not in PART_KINDS and _base(ante_kind) not in PART_KINDS


def next_meeting(toks: Tokens, ref) -> bool:
    """The meeting ``ref`` is named as the next of its series (``القمة المقبلة``, ``الدورة القادمة``): a forward
    mention of a meeting to come, not one a later sentence of a report takes up."""
    lex = load()
    k = toks.index_at(max(ref.start, ref.end - 1)) + 1
    return any(m.feature("follows") for m in lex.find(toks, "planned_marker", k, min(len(toks.tokens), k + NEXT_WINDOW)))


NEXT_WINDOW = 2              # tokens after a meeting's name where المقبل/القادم makes it the next one


def _base(kind: str) -> str:
    return kind.rsplit("-", 1)[-1] if kind else ""


@dataclass
class Chain:
    """The meetings a document has named, in reading order (the antecedents a later sentence may take up)."""

    refs: list = field(default_factory=list)

    def add(self, ref) -> None:
        if self.refs and self.refs[-1].event.key == ref.event.key:
            self.refs[-1] = ref
            return
        self.refs = [r for r in self.refs if r.event.key != ref.event.key] + [ref]


def resolve(chain: Chain, kind: str | None, pointed: bool = False, extra=()):
    """The antecedent of a meeting noun of ``kind`` (None: a pronoun, any meeting): the most recent of
    ``extra`` (named earlier in the sentence) and the chain whose kind the noun may name again (strict first,
    then, for a demonstrative or a pronoun, any main meeting)."""
    cands = list(reversed([r for r in list(chain.refs) + list(extra) if r is not None]))
    if kind is None:
        return next((r for r in cands if _base(r.kind) not in PART_KINDS), None)
    for r in cands:
        if compatible(kind, r.kind, r.process):
            return r
    if pointed:
        for r in cands:
            if compatible(kind, r.kind, r.process, pointed=True):
                return r
    return None


@dataclass(frozen=True)
class MeetingRef:
    """A meeting a sentence names or takes up: where (source, offsets), which, its status there and how it
    was found (``named``: its own name; ``anaphor``: a bare noun, a demonstrative or a pronoun)."""

    source: object
    start: int
    end: int
    event: Entity
    status: str
    how: str


class MeetingIndex:
    """Every meeting reference the events family read, by source: what other families ask."""

    def __init__(self):
        self._by_source: dict = {}

    def add(self, source, start: int, end: int, event: Entity, status: str, how: str) -> None:
        refs = self._by_source.setdefault(id(source), [])
        r = MeetingRef(source, start, end, event, status, how)
        if r not in refs:
            refs.append(r)

    def refs(self, source, start: int = 0, end: int | None = None) -> list[MeetingRef]:
        """The references in ``source`` (optionally only those starting in [start, end)), in text order."""
        end = (1 << 30) if end is None else end
        return sorted((r for r in self._by_source.get(id(source), []) if start <= r.start < end),
                      key=lambda r: r.start)

    def of_sentence(self, source, start: int, end: int) -> Entity | None:
        """The one meeting sentence [start, end) names or takes up (its first when it names several and one
        is taken up by an anaphor, else None when it names several)."""
        found = self.refs(source, start, end)
        keys = {r.event.key for r in found}
        if len(keys) == 1:
            return found[0].event
        return None

    def of_source(self, source) -> Entity | None:
        """The one meeting a paragraph names or takes up, None when none or several."""
        return self.of_sentence(source, 0, 1 << 30)


def head_word(name: str) -> str:
    """The first word of a name, folded, without its article (``منتدي`` of ``المنتدى العالمي للاجئين``)."""
    words = fold(name).split()
    return strip_article(words[0]) if words else ""


def _definite_head(toks: Tokens, k: int, of: bool) -> str | None:
    """The bare noun of token ``k`` when it is definite with no pronoun (``المنتدى``, ``والمؤتمر``; with ``of``,
    also after the genitive ل: ``للمنتدى``), else None."""
    for r in toks.tokens[k].readings():
        if r.enc or not r.stem.startswith("ال"):
            continue
        if r.pro in ("", "و", "ف") or (of and r.pro.endswith("ل")):
            return r.bare
    return None


def scope_process(ctx, src, toks: Tokens, k: int, of: bool = False):
    """The process a bare definite noun at token ``k`` names again when no meeting is in scope: the one process
    named before it in the document (earlier paragraphs, then this one before ``k``) whose name it heads.
    ``of``: the noun may carry the genitive ل (``الدورة السابعة للمنتدى``). None when the noun is not definite,
    when no process or two processes of that head were named (which one would be a guess)."""
    head = _definite_head(toks, k, of)
    if not head:
        return None
    mentions = []           # the process mentions before the noun: earlier paragraphs, then this source's
    body = src is not None and not hasattr(src, "heading")      # not a title or a heading: no paragraph before them
    for p in ctx.document.paragraphs if body else ():
        if p is src:
            break
        mentions.extend(m for m in ctx.tokens(p).mentions if m.entity.kind == "process")
    mentions.extend(m for m in toks.mentions if m.entity.kind == "process" and m.end <= toks.tokens[k].start)
    heads = {m.entity for m in mentions if head in (head_word(m.surface), head_word(m.entity.label_ar or ""))}
    return heads.pop() if len(heads) == 1 else None
