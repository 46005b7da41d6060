"""Words a source printed run together (a missing space), split before anything reads the text.

A scraped page or a converted file sometimes loses the space between two words
(``جامعة الدول العربيةولجنة الأمم المتحدة``, ``المديرة الإقليمية كارميلاغودو``): the gazetteer, the
person rules and every lexicon lookup then see one unknown word. :func:`split_run_together` puts
the space back, in two ways:

* **general**: a ta marbuta (ة) is only ever written at the end of a word (before an enclitic
  pronoun it is written ت), so a ة followed by a letter closes a word that ran into the next one
  (``العربيةولجنة`` → ``العربية ولجنة``, ``المتعلقةبتنفيذ`` → ``المتعلقة بتنفيذ``);
* **listed**: other run-together words, which no letter betrays (``كارميلاغودو``, ``الجزائريجمال``),
  are entries of class ``run_together`` in ``lexicons/classes/known_slips.toml``: the written word
  (exactly as printed, a whole word) → the same letters with the missing space(s), and where it was
  seen. An entry whose split is not its written word plus spaces is refused (a repair, never an edit).

The corpus reader (``corpus.read_document``) applies it to a source's text before paragraphs are
found, so every rule, the gazetteer matcher and the evidence read the same text; a split only ever
inserts a space, so line numbers do not change.

It does not correct spelling (misspellings are readings: class ``misspelling``, ``word_classes.py``),
and splits nothing else.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .word_classes import LexiconError, load

RUN_TOGETHER_CLASS = "run_together"

# a ta marbuta (with any diacritics on it) followed by an Arabic letter of the next word
_TA_MARBUTA_INSIDE = re.compile("(?<=[\u0621-\u064a])(\u0629[\u064b-\u0652]*)(?=[\u0621-\u063a\u0641-\u064a])")
_WORD = re.compile("[\u0621-\u064a\u064b-\u0652\u0670\u0640]+")


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


def split_run_together(text: str) -> str:
    """``text`` with the space put back between words it printed run together (nothing else changes)."""
    if "\u0629" in text:
        text = _TA_MARBUTA_INSIDE.sub(r"\1 ", text)
    table = listed()
    if table:
        text = _WORD.sub(lambda m: table.get(m.group(0), m.group(0)), text)
    return text
