"""The one Arabic text normaliser used by everything that matches text, with an exact offset map.

``normalise(text)`` folds the letter forms that vary in the corpus (diacritics, tatweel,
alef/hamza forms, alef maqsura, ta marbuta, hamza on waw/ya, Persian letter forms, Arabic
presentation forms), digits (Arabic-Indic and Persian → ASCII), odd spaces (runs of any
whitespace → one space), invisible format characters (removed) and punctuation variants
(، ؛ ؟ quotes, dashes) and returns a :class:`Normalised` that maps every span of the folded
text back to code-point offsets in the original. ``fold(text)`` is the folded string only.

Words a source printed run together (``run_together.py``: a ta marbuta inside a word, the known slips
of class ``run_together``) are two words in the folded form: the missing space is inserted there,
mapped to the zero-width point between the two letters, so the original text is never edited.

Clitic helpers: :data:`PROCLITICS` (the letter sequences that may precede a name inside the
same written word) and :func:`proclitic_splits`.

It does not segment sentences, stem words, transliterate, or change Latin letter case.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

# Removed: tashkeel and Quranic marks, superscript alef, tatweel, invisible format characters.
_REMOVED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]          # fathatan … wavy hamza below (incl. shadda, sukun)
    + ["\u0670"]                                      # superscript (dagger) alef
    + [chr(c) for c in range(0x0610, 0x061B)]        # honorific signs etc.
    + [chr(c) for c in range(0x06D6, 0x06EE)]        # Quranic annotation marks
    + ["\u0640"]                                      # tatweel
    + ["\u00AD", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF", "\u061C"]
    + [chr(c) for c in range(0x202A, 0x202F)]        # bidi embeddings / overrides
    + [chr(c) for c in range(0x2066, 0x206A)]        # bidi isolates
)

_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_PUNCT = {
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹣": "-", "－": "-",
}
_TABLE = _LETTERS | _DIGITS | _PUNCT

# Letter sequences that may be written joined before a name: conjunctions و ف, prepositions
# ب ل ك, and their combinations. A name that starts with the article ال takes ل as لل (the
# alef of the article is not written); see :func:`proclitic_splits`.
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def _is_space(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Zs"


def _fold_char(ch: str) -> str:
    """The replacement of one original character ('' when it is removed, ' ' for any space)."""
    if ch in _REMOVED:
        return ""
    if ch in _TABLE:
        return _TABLE[ch]
    if _is_space(ch):
        return " "
    if "\uFB50" <= ch <= "\uFDFF" or "\uFE70" <= ch <= "\uFEFF":   # Arabic presentation forms
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:
            return "".join(_fold_char(c) for c in decomposed)
    return ch


# Every character of the Basic Multilingual Plane that folding changes, computed once (read-only).
_FOLD = MappingProxyType({c: r for c, r in ((chr(i), _fold_char(chr(i))) for i in range(0x10000))
                          if r != c or c in " "})


@dataclass(frozen=True)
class Normalised:
    """Folded text plus, for each folded character, its [start, end) span in the original.

    ``ends[i]`` runs over removed marks (diacritics, tatweel) that follow the character, so
    a span ending on a letter keeps that letter's diacritics; removed spaces never extend it. A space
    the source lost between two words (``run_together.py``) has the empty span at the point between.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point offsets of the folded span ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside the normalised text (length {len(self.text)})")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# What folding does to each character, for the bulk paths below. Every character a replacement is made
# of folds to itself, so replacing one character after another gives what folding each once gives.
_CHANGED = frozenset(c for c, r in _FOLD.items() if r != c)
_ONE_TO_ONE = MappingProxyType({c: r for c, r in _FOLD.items() if len(r) == 1 and r != c})
# Characters folded one at a time (spaces, removed marks, expanded characters): a run of two or more,
# or one that is not a plain space (a single plain space between other characters folds to itself).
_OTHERS = "".join(re.escape(c) for c, r in sorted(_FOLD.items()) if len(r) != 1 or r == " ")
_SPECIAL = re.compile(f"[{_OTHERS}]{{2,}}|[{_OTHERS.replace(' ', '')}]")
_OTHER_CHARS = frozenset(c for c, r in _FOLD.items() if len(r) != 1 or r == " ") - {" "}
_SPACE_RUN = re.compile("  +")
_ASTRAL = "\U00010000"


def _replace_one_to_one(text: str) -> str:
    for c in _ONE_TO_ONE.keys() & set(text):
        text = text.replace(c, _ONE_TO_ONE[c])
    return text


_LOADING = object()
_missing_spaces_fn = None


def _missing_spaces(text: str) -> tuple[int, ...]:
    """Where ``text`` lacks a space between two words (``run_together.missing_spaces``), imported on
    first use: the lexicon it reads folds its own entries while it loads, and those calls (re-entrant)
    find no missing space."""
    global _missing_spaces_fn
    if _missing_spaces_fn is None:
        _missing_spaces_fn = _LOADING
        try:
            from .run_together import _listed_words, missing_spaces
            _listed_words()
        except BaseException:
            _missing_spaces_fn = None
            raise
        _missing_spaces_fn = missing_spaces
    if _missing_spaces_fn is _LOADING:
        return ()
    return _missing_spaces_fn(text)


def insert_spaces(text: str, points: tuple[int, ...]) -> str:
    """``text`` with a space inserted before each of the ascending offsets ``points``."""
    parts, last = [], 0
    for i in points:
        parts.append(text[last:i])
        last = i
    parts.append(text[last:])
    return " ".join(parts)


@lru_cache(maxsize=8192)
def normalise(text: str) -> Normalised:
    """Fold ``text`` for matching, keeping an exact map back to original offsets.

    Memoised (the result is immutable): rules fold the same paragraphs and phrases many times.
    Characters that fold one to one are replaced in bulk; spaces, removed marks and expanded
    characters go through :func:`_normalise_chars` one at a time (the same result as taking every
    character that way, checked by ``tests/test_fast_paths.py``). A space missing between two words
    is folded as a space whose span is the empty point between them."""
    points = _missing_spaces(text) if text and not text.isascii() else ()
    if not points:
        return _normalise_plain(text)
    spaced = _normalise_plain(insert_spaces(text, points))
    inserted = [i + k for k, i in enumerate(points)]        # the inserted spaces' offsets in the spaced text
    starts, ends = [], []
    for a, b in zip(spaced.starts, spaced.ends):             # spaced offsets -> original offsets
        k = bisect_left(inserted, a)
        starts.append(a - k)
        is_inserted = k < len(inserted) and inserted[k] == a
        ends.append(a - k if is_inserted else b - bisect_left(inserted, b))   # inserted: the point between
    return Normalised(text, spaced.text, tuple(starts), tuple(ends))


def _normalise_plain(text: str) -> Normalised:
    """:func:`normalise` of a text read as it stands (no missing space put back)."""
    n = len(text)
    if not text.isascii() and max(text) >= _ASTRAL:
        out, starts, ends = [], [], []
        _normalise_chars(text, 0, n, out, starts, ends, [False])
        return Normalised(text, "".join(out), tuple(starts), tuple(ends))
    bulk = _replace_one_to_one(text)
    if "  " not in text and _OTHER_CHARS.isdisjoint(text):
        return Normalised(text, bulk, tuple(range(n)), tuple(range(1, n + 1)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    state = [False]                          # in a run of spaces
    pos = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i > pos:
            out.append(bulk[pos:i])
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
            state[0] = False
        _normalise_chars(text, i, m.end(), out, starts, ends, state)
        pos = m.end()
    if pos < n:
        out.append(bulk[pos:])
        starts.extend(range(pos, n))
        ends.extend(range(pos + 1, n + 1))
    return Normalised(text, "".join(out), tuple(starts), tuple(ends))


def _normalise_chars(text: str, lo: int, hi: int, out: list, starts: list, ends: list, state: list) -> None:
    """Fold ``text[lo:hi]`` one character at a time onto ``out``/``starts``/``ends`` (``out`` holds
    strings, the last of which ends the folded text so far)."""
    table = _FOLD
    in_space = state[0]
    for i in range(lo, hi):
        ch = text[i]
        rep = table.get(ch, ch) if ch < "\U00010000" else _fold_char(ch)
        if rep == " ":
            if not in_space:
                out.append(" ")
                starts.append(i)
                ends.append(i + 1)
                in_space = True
            continue
        if not rep:
            if ends and out[-1][-1:] != " ":
                ends[-1] = i + 1          # a mark joins the letter before it
            continue
        in_space = False
        if len(rep) == 1:
            out.append(rep)
            starts.append(i)
            ends.append(i + 1)
        else:
            for c in rep:
                out.append(c)
                starts.append(i)
                ends.append(i + 1)
    state[0] = in_space


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The folded form of ``text`` (``normalise(text).text``, computed without the offset map: each
    character that folding changes replaced, then every run of spaces made one)."""
    if not text.isascii():
        if max(text) >= _ASTRAL:
            return normalise(text).text
        points = _missing_spaces(text)
        if points:
            text = insert_spaces(text, points)
    for c in _CHANGED.intersection(text):
        text = text.replace(c, _FOLD[c])
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def is_word_char(ch: str) -> bool:
    """Letters and digits of any script; what a name may not be glued to."""
    return ch.isalnum()


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """Ways to read a folded ``word`` as proclitics + stem, the bare word first.

    ``للمنظمه`` gives ``("ل", "المنظمه")`` (article restored) as well as ``("ل", "لمنظمه")``
    read literally; ``وبالتعاون`` gives ``("وب", "التعاون")``.
    """
    splits = [("", word)]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) > len(p) + 1:
            stem = word[len(p):]
            splits.append((p, stem))
            if p.endswith("ل") and stem.startswith("ل"):
                splits.append((p, "ا" + stem))
    return splits
