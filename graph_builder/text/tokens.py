"""Tokens of an Arabic source text, with clitic segmentation and exact original offsets.

``tokenise(text)`` folds the text once with the project normaliser (``graph_builder.text.arabic``),
cuts the folded text into words, numbers and punctuation marks, and maps every token back to
its code-point span in the ORIGINAL text through the normaliser's offset map: evidence built
from tokens points at the exact characters printed. Each token knows its sentence (the one
splitter, ``sentences.py``).

Clitic segmentation (:func:`analyses`) lists every way to read a folded written word as
proclitics + stem + enclitic pronoun, the bare word first:

* proclitics: conjunctions و ف, prepositions ب ل ك and their combinations (``وب``, ``فل`` …);
  ``لل`` before a definite noun (the article's alef is not written: ``للهجرة`` → ل + الهجرة);
  the future prefix سـ before an imperfect verb (``سيعقد`` → س + يعقد; ``وستستضيف`` → وس + تستضيف);
* enclitic pronouns ه ها هما هم هن ك كم نا ي (``استضافته`` → استضافت + ه), a ta marbuta written
  ت before the pronoun restored (``برئاستها`` → ب + رئاسه + ها);
* the accusative alif of an indefinite noun (``مؤتمرا`` → مؤتمر, ``case = "ا"``);
* known slips of a corpus (``lexicons/known_slips.toml``, passed in by the lexicon loader) are
  further readings of a word, never a rewrite of the text.

Readings are candidates, not a decision: ``وزير`` is read both as the word and as و + زير; a
lexicon lookup (``graph_builder.text.word_classes``) picks the reading an entry names. This keeps
the segmenter dictionary-free and exact for the lexicon classes the rules use.

**Why hand-written.** Measured 2026-12-05 on this machine: Tashaphyne 0.3.6 (light stemmer)
segments ~3,900 words/s and cuts stems, not clitics (``وبالتعاون`` → ``وبالت`` + ``تعاون`` + ``ون``);
PyArabic tokenises without segmenting; spaCy 3.8's blank ``ar`` tokenizer splits punctuation
but no clitics and would add a ~40 MB dependency for that; CAMeL Tools and Farasa download
their models/data at run time (forbidden here). This module tokenises ~0.5 M words/s with
readings computed once per distinct word (memoised), which the 2,000 paragraphs/s target
needs. See ``bench/tokens_speed.py``.

It does not recognise entities (the matcher does; :meth:`Tokens.attach` lays its mentions
over the tokens) and makes no facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from .arabic import Normalised, normalise
from .sentences import sentences

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
IMPERFECT_PREFIXES = "يتنا"
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")
MIN_STEM = 2                       # letters a stem keeps after a clitic is cut off

_TOKEN_RX = re.compile(r"[0-9]+(?:[.,/-][0-9]+)*|[^\W\d_]+|\S")


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a folded word: proclitics + stem + enclitic (``""`` when absent)."""

    pro: str
    stem: str
    enc: str = ""
    case: str = ""          # "ا": the accusative alif of an indefinite noun (مؤتمرا → مؤتمر)

    @property
    def bare(self) -> str:
        """The stem without the definite article."""
        return strip_article(self.stem)


def strip_article(word: str) -> str:
    """``word`` without a leading article ال (kept when too little would remain)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _proclitic_readings(word: str) -> list[tuple[str, str]]:
    out = [("", word)]
    for c in ("",) + CONJUNCTIONS:
        rest = word[len(c):]
        if c and len(rest) >= MIN_STEM:
            out.append((c, rest))
        for p in PREPOSITIONS:
            if rest.startswith(p) and len(rest) - 1 >= MIN_STEM:
                stem = rest[1:]
                out.append((c + p, stem))
                if p == "ل" and stem.startswith("ل") and len(stem) > MIN_STEM:
                    out.append((c + p, "ا" + stem))          # لل: the article's alef is not written
        if rest.startswith(FUTURE) and len(rest) > 3 and rest[1] in IMPERFECT_PREFIXES:
            out.append((c + FUTURE, rest[1:]))
    return out


@lru_cache(maxsize=200_000)
def analyses(word: str, slips: tuple[tuple[str, str], ...] = ()) -> tuple[Reading, ...]:
    """Every reading of the folded ``word``, the bare word first (memoised per word).

    ``slips`` maps a misspelt form to the intended one (``(("متدعي", "منتدي"),)``); a slip adds the
    readings of the intended word."""
    seen: dict[tuple[str, str, str], None] = {}
    for pro, stem in _proclitic_readings(word):
        seen.setdefault((pro, stem, ""), None)
        for enc in ENCLITICS:
            if stem.endswith(enc) and len(stem) - len(enc) >= 3:
                base = stem[: -len(enc)]
                seen.setdefault((pro, base, enc), None)
                if base.endswith("ت"):
                    seen.setdefault((pro, base[:-1] + "ه", enc), None)     # ta marbuta before a pronoun
    fixes = dict(slips)
    for (pro, stem, enc) in list(seen):
        if stem in fixes:
            seen.setdefault((pro, fixes[stem], enc), None)
    out = [Reading(p, s, e) for p, s, e in seen]
    if len(word) > 4 and word.endswith("ا") and not word.startswith("ال") and word[-2] not in "اوي":
        out.append(Reading("", word[:-1], "", "ا"))         # مؤتمرا وطنيا: the accusative alif of tanween
    return tuple(out)


@dataclass(slots=True)
class Token:
    """One token: original span, folded form, kind and sentence number."""

    i: int                 # index in its text
    start: int             # code points in the ORIGINAL text
    end: int
    norm: str              # folded form
    kind: str              # "word", "number" or "punct"
    sent: int              # index of its sentence
    ents: tuple = ()       # mentions (``findings.Mention``) that cover this token

    def readings(self, slips: tuple[tuple[str, str], ...] = ()) -> tuple[Reading, ...]:
        if self.kind != "word":
            return (Reading("", self.norm),)
        return analyses(self.norm, slips)


@dataclass
class Tokens:
    """A source text as tokens: ``tokens[i]`` with original offsets, its sentences and normalised form."""

    text: str
    norm: Normalised
    tokens: list[Token]
    sentence_spans: tuple[tuple[int, int], ...]
    mentions: list = field(default_factory=list)
    cache: dict = field(default_factory=dict, repr=False)   # per-text memo of readers (lexicon matches, values)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i):
        return self.tokens[i]

    def __iter__(self):
        return iter(self.tokens)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original [start, end) of tokens i..j-1."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def surface(self, i: int, j: int) -> str:
        """The original text of tokens i..j-1, exactly as printed."""
        s, e = self.span(i, j)
        return self.text[s:e]

    def sentence_tokens(self, n: int) -> range:
        """Token indices of sentence ``n``."""
        idx = [t.i for t in self.tokens if t.sent == n]
        return range(idx[0], idx[-1] + 1) if idx else range(0)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the tokens inside the original span [start, end)."""
        i = j = self.index_at(start)
        while j < len(self.tokens) and self.tokens[j].end <= end:
            j += 1
        return i, j

    def index_at(self, pos: int) -> int:
        """Index of the first token that ends after original offset ``pos`` (len when none)."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def attach(self, mentions: Iterable) -> "Tokens":
        """Lay entity mentions (objects with ``start``/``end`` in original offsets) over the tokens."""
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        for t in self.tokens:
            t.ents = ()
        for m in self.mentions:
            for k in range(self.index_at(m.start), len(self.tokens)):
                t = self.tokens[k]
                if t.start >= m.end:
                    break
                t.ents = t.ents + (m,)
        return self


def tokenise(text: str) -> Tokens:
    """Tokens of ``text`` (a fresh object: mentions attached to it stay with it)."""
    norm = normalise(text)
    folded = norm.text
    spans = sentences(text)
    toks: list[Token] = []
    sent, n_sent = 0, len(spans)
    starts, ends = norm.starts, norm.ends
    for m in _TOKEN_RX.finditer(folded):
        fs, fe = m.span()
        s, e = starts[fs], ends[fe - 1]
        while sent + 1 < n_sent and s >= spans[sent + 1][0]:
            sent += 1
        w = m.group()
        ch = w[0]
        kind = "number" if ch.isdigit() else "word" if ch.isalpha() else "punct"
        toks.append(Token(len(toks), s, e, w, kind, sent))
    return Tokens(text, norm, toks, spans)


def word_forms(phrase: str) -> list[str]:
    """The folded token forms of a phrase, cut the way :func:`tokenise` cuts a text."""
    return _TOKEN_RX.findall(normalise(phrase).text)
