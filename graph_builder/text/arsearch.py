"""Arabic-aware word matching: the ``mdkg:arMatch`` and ``mdkg:arFold`` SPARQL functions.

A query is split into words after the builder's normalisation (:func:`graph_builder.text.arabic.fold`:
diacritics, tatweel, hamza/alef/ya/ta marbuta forms, digits) and Latin case folding. A query word
matches a text word when the text word, read as proclitics (و ف ب ل ك and their combinations,
:func:`graph_builder.text.arabic.proclitic_splits`, which restores the article in ``لل``) + stem,
has a stem equal to the query word, with or without the article ``ال`` on either side. So
``منظمة`` matches ``وللمنظمة``, ``بالمنظمه`` and ``المنظمة``; ``الهجرة`` matches ``والهجرة`` and
``هجرة``. A text matches a query when **every** query word matches some word of the text (any
order). :func:`match_spans` gives the matched words' code-point offsets in the original text.

:func:`custom_functions` returns the pyoxigraph ``custom_functions`` mapping that the service's
query processes (and any local caller) pass to ``Store.query``:

- ``mdkg:arMatch(?text, "query")`` → ``xsd:boolean``;
- ``mdkg:arFold(?text)`` → the folded, case-folded string (for label equality).

It does no stemming of suffixes, no ranking and no phrase matching; it does not touch a store.
"""
from __future__ import annotations

from typing import Callable

import pyoxigraph as ox

from graph_builder.text.arabic import fold, is_word_char, normalise, proclitic_splits
from graph_builder.namespaces import MDKG, XSD

ARTICLE = "ال"
AR_MATCH = MDKG.arMatch
AR_FOLD = MDKG.arFold


def _words(folded: str) -> list[tuple[int, int]]:
    """[start, end) spans of the maximal runs of word characters in a folded text."""
    spans, start = [], None
    for i, ch in enumerate(folded):
        if is_word_char(ch):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(folded)))
    return spans


def _core(word: str) -> str:
    """``word`` without a leading article (kept when too little would remain)."""
    return word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1 else word


def query_words(query: str) -> tuple[str, ...]:
    """The query's words, folded and case-folded, without duplicates, in order."""
    folded = fold(query)
    seen: dict[str, None] = {}
    for start, end in _words(folded):
        seen.setdefault(_core(folded[start:end].casefold()), None)
    return tuple(seen)


def word_forms(word: str) -> set[str]:
    """The stems a folded text word may stand for (article removed), itself included."""
    return {_core(stem) for _, stem in proclitic_splits(word.casefold())}


def word_matches(query_word: str, text_word: str) -> bool:
    """Whether one (folded) query word from :func:`query_words` matches one folded text word."""
    return query_word in word_forms(text_word)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Original offsets of the text words matching a query word; [] unless every word matches."""
    words = query_words(query)
    if not words:
        return []
    norm = normalise(text)
    spans, found = [], set()
    for start, end in _words(norm.text):
        forms = word_forms(norm.text[start:end])
        hits = [w for w in words if w in forms]
        if hits:
            found.update(hits)
            spans.append(norm.to_original(start, end))
    return spans if found == set(words) else []


def ar_match(text: str, query: str) -> bool:
    """True when every word of ``query`` matches a word of ``text`` (see the module docstring)."""
    words = query_words(query)
    if not words:
        return False
    folded = fold(text)
    remaining = set(words)
    for start, end in _words(folded):
        remaining -= word_forms(folded[start:end])
        if not remaining:
            return True
    return False


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD.boolean)


class _Memo:
    """Per-caller memo of query words and text word forms (bounded; texts repeat across queries)."""

    def __init__(self, max_items: int = 50_000):
        self.max_items = max_items
        self.queries: dict[str, tuple[str, ...]] = {}
        self.texts: dict[str, frozenset[str]] = {}

    def words(self, query: str) -> tuple[str, ...]:
        if query not in self.queries:
            if len(self.queries) >= self.max_items:
                self.queries.clear()
            self.queries[query] = query_words(query)
        return self.queries[query]

    def forms(self, text: str) -> frozenset[str]:
        if text not in self.texts:
            if len(self.texts) >= self.max_items:
                self.texts.clear()
            folded = fold(text)
            self.texts[text] = frozenset().union(*(word_forms(folded[a:b]) for a, b in _words(folded)))
        return self.texts[text]

    def ar_match(self, text, query) -> ox.Literal | None:
        if not isinstance(text, ox.Literal) or not isinstance(query, ox.Literal):
            return None  # an expression error: FILTER treats it as false
        words = self.words(query.value)
        return _boolean(bool(words) and self.forms(text.value).issuperset(words))


def fold_text(text: str) -> str:
    """``text`` folded as ``mdkg:arFold`` folds it (for comparing and sorting labels)."""
    return fold(text).casefold()


def _sparql_ar_fold(text) -> ox.Literal | None:
    if not isinstance(text, ox.Literal):
        return None
    return ox.Literal(fold_text(text.value))


def custom_functions() -> dict[ox.NamedNode, Callable]:
    """The ``custom_functions`` argument of ``pyoxigraph.Store.query``: a fresh dict whose
    ``arMatch`` keeps its own bounded memo of folded texts (create it once per process)."""
    memo = _Memo()
    return {AR_MATCH: memo.ar_match, AR_FOLD: _sparql_ar_fold}


# -- the portable forms: plain SPARQL string functions on any engine ----------------------------
def search_text(text: str) -> str:
    """The value of ``mdkg:searchText`` for ``text``: every form :func:`word_forms` gives for its
    words, distinct, in code-point order, separated by single spaces, with a space at each end.

    ``" w "`` is a substring of it exactly when ``w`` (a folded query word) matches a word of the
    text, so :func:`search_pattern` read with ``REGEX`` does what ``mdkg:arMatch`` does."""
    folded = fold(text)
    forms = set().union(*(word_forms(folded[a:b]) for a, b in _words(folded))) if folded else set()
    return " " + " ".join(sorted(forms)) + " " if forms else " "


def search_pattern(query: str) -> str | None:
    """The regular expression (XPath/SPARQL ``REGEX``) matching a ``mdkg:searchText`` that holds
    every word of ``query``; None when the query has no words.

    The query's words are sorted the way :func:`search_text` sorts forms, so "every word is
    there" is "the words appear in this order", one regex: ``(^| )w1 (.* )?w2( |$)``. Words are
    runs of letters and digits, so they need no escaping."""
    words = sorted(query_words(query))
    return "(^| )" + " (.* )?".join(words) + "( |$)" if words else None


