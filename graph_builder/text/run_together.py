"""Words a source printed run together (a missing space): where the space is missing.

A scraped page or a converted file sometimes loses the space between two words
(``جامعة الدول العربيةولجنة الأمم المتحدة``, ``المديرة الإقليمية كارميلاغودو``): the gazetteer, the
person rules and every lexicon lookup then see one unknown word. :func:`missing_spaces` finds where
the space is missing, in two ways:

* **general**: a ta marbuta (ة) is only ever written at the end of a word (before an enclitic
  pronoun it is written ت), so a ة followed by a letter closes a word that ran into the next one
  (``العربيةولجنة`` → ``العربية ولجنة``, ``المتعلقةبتنفيذ`` → ``المتعلقة بتنفيذ``);
* **listed**: other run-together words, which no letter betrays (``كارميلاغودو``, ``الجزائريجمال``),
  are entries of class ``run_together`` in ``lexicons/classes/known_slips.toml``: the written word
  (exactly as printed, a whole word) → the same letters with the missing space(s), and where it was
  seen. An entry whose split is not its written word plus spaces is refused (a repair, never an edit).

The normaliser (``arabic.normalise``/``fold``) puts the space back in the folded form only, the
inserted space mapping to the point between the two letters: a paragraph keeps exactly the characters
the source printed, the tokens, the gazetteer matcher and every rule that reads folded text see two
words, and a mention's evidence maps back to the source's characters. :func:`split_run_together` is
the text with the spaces inserted (what the folded form is folded from).

It does not correct spelling (misspellings are readings: class ``misspelling``, ``word_classes.py``),
and splits nothing else.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .arabic import insert_spaces
from .word_classes import LexiconError, load

RUN_TOGETHER_CLASS = "run_together"

# a ta marbuta (with any diacritics on it) followed by an Arabic letter of the next word (what stands
# before it does not matter, so a piece of a text folds as it does inside the whole text)
_TA_MARBUTA_INSIDE = re.compile("(\u0629[\u064b-\u0652]*)(?=[\u0621-\u063a\u0641-\u064a])")
_WORD_CHARS = "\u0621-\u064a\u064b-\u0652\u0670\u0640"


@lru_cache(maxsize=4)
def listed(lex=None) -> dict[str, str]:
    """The run-together words of the known slips (of ``lex``, default the project's lexicons): written
    word → the word with its spaces. A bad entry raises ``LexiconError`` naming the file."""
    lex = lex if lex is not None else load()
    out: dict[str, str] = {}
    source = lex.sources.get(RUN_TOGETHER_CLASS, "known_slips.toml")
    for e in lex.entries.get(RUN_TOGETHER_CLASS, ()):
        split = e.features.get("split")
        if not isinstance(split, str) or split.replace(" ", "") != e.written or " " not in split:
            raise LexiconError(f"{source}: run_together {e.written!r}: 'split' must be the "
                               f"same letters with the missing space(s), got {split!r}")
        out[e.written] = split
    return out


@lru_cache(maxsize=1)
def _listed_words() -> tuple[re.Pattern | None, dict[str, tuple[int, ...]]]:
    """A pattern finding a listed word as a whole word, and each word's missing-space offsets."""
    table = listed()
    if not table:
        return None, {}
    points = {w: tuple(i - k for k, i in enumerate(j for j, c in enumerate(split) if c == " "))
              for w, split in table.items()}
    words = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(f"(?<![{_WORD_CHARS}])(?:{words})(?![{_WORD_CHARS}])"), points


def missing_spaces(text: str) -> tuple[int, ...]:
    """The offsets in ``text`` where a space is missing between two words, ascending (a space belongs
    before ``text[i]``); empty for almost every text."""
    out: list[int] = []
    if "\u0629" in text:
        out.extend(m.end() for m in _TA_MARBUTA_INSIDE.finditer(text))
    pattern, points = _listed_words()
    if pattern is not None:
        for m in pattern.finditer(text):
            out.extend(m.start() + i for i in points[m.group(0)])
    return tuple(sorted(set(out)))


def split_run_together(text: str) -> str:
    """``text`` with the space put back between words it printed run together (nothing else changes)."""
    return insert_spaces(text, missing_spaces(text))
