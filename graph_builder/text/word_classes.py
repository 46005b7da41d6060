"""The word classes the fact rules (and the role-person finder) read: `lexicons/classes/*.toml`, looked up over tokens.

:func:`load` reads every ``*.toml`` of the ``lexicons/classes`` folder once (memoised per folder) into a
:class:`Lexicon`: class name → entries (folded word sequence → features). A malformed file raises
:class:`LexiconError` naming the file (and the line for TOML syntax errors).

Lookup is clitic-aware (``graph_builder.text.tokens``): the first word of an entry matches any
reading of a token (``وباستضافة`` → ب + استضافة, ``ستستضيف`` → س + تستضيف, ``استضافته`` →
استضافت + ه), with or without the article; later words match the folded token with or without
the article. Known slips (class ``misspelling`` in ``known_slips.toml``) add readings.
:meth:`Lexicon.find` gives the longest match at each position.

It does not decide what a match means: the rules (``rules.py`` and the rule modules) do.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .arabic import fold
from ..resources import data_dir
from .tokens import Reading, Tokens, analyses, strip_article, word_forms

SLIP_CLASS = "misspelling"
CLASSES_DIR = "classes"          # lexicons/classes/*.toml (other lexicons/ files belong to graph_builder.values)


class LexiconError(ValueError):
    """A lexicon file that cannot be read: names the file (and line)."""


@dataclass(frozen=True)
class Entry:
    cls: str
    written: str                     # as in the file
    words: tuple[str, ...]           # folded, article stripped (comparison keys)
    features: MappingProxyType
    exact: tuple[str, ...] = ()      # folded words with their article, for classes read article-exact


@dataclass(frozen=True)
class LexMatch:
    """Tokens i..j-1 match ``entry``; ``reading`` is the first token's reading that matched."""

    entry: Entry
    i: int
    j: int
    reading: Reading

    @property
    def cls(self) -> str:
        return self.entry.cls

    def feature(self, name: str, default=None):
        return self.entry.features.get(name, default)

    @property
    def future(self) -> bool:
        """A future verb form (سـ + imperfect, or an entry marked tense = "future")."""
        return "س" in self.reading.pro or self.feature("tense") == "future"


def _key(word: str) -> str:
    return strip_article(fold(word))


class Lexicon:
    """Word classes with their entries and docs, indexed by the comparison key of their first word."""

    def __init__(self, classes: dict[str, dict], docs: dict[str, str], sources: dict[str, Path],
                 exact_classes: frozenset = frozenset()):
        self.docs = MappingProxyType(docs)
        self.sources = MappingProxyType(sources)
        self.entries: dict[str, list[Entry]] = {}
        self._index: dict[str, list[Entry]] = {}
        self._firsts: dict[str, tuple] = {}          # folded word → (entry, reading) its first word can be
        self._laters: dict[tuple, frozenset] = {}     # (folded word, kind) → keys a later entry word matches
        for cls, entries in classes.items():
            for written, feats in entries.items():
                forms = word_forms(written)
                words = tuple(strip_article(w) for w in forms)
                e = Entry(cls, written, words, MappingProxyType(dict(feats)), tuple(forms) if cls in exact_classes else ())
                self.entries.setdefault(cls, []).append(e)
                self._index.setdefault(words[0], []).append(e)
        self.slips: tuple[tuple[str, str], ...] = tuple(
            (fold(e.written), fold(e.features["intended"])) for e in self.entries.get(SLIP_CLASS, ()))

    def classes(self) -> list[str]:
        return sorted(self.entries)

    def words(self, cls: str) -> list[str]:
        """The written forms of a class (for rules that still build a regex from it)."""
        if cls not in self.entries:
            raise KeyError(f"no lexicon class {cls!r} (have: {', '.join(self.classes())})")
        return [e.written for e in self.entries[cls]]

    def match_at(self, toks: Tokens, i: int, classes: tuple[str, ...] | None = None) -> list[LexMatch]:
        """Every entry (of ``classes``) that starts at token ``i``, longest first (memoised per text)."""
        key = (id(self), i)
        found = toks.cache.get(key)
        if found is None:
            found = toks.cache[key] = self._match_at(toks, i)
        return found if not (classes and found) else [m for m in found if m.entry.cls in classes]

    def _first_word(self, word: str, kind: str) -> tuple:
        """(entry, reading) pairs whose first word one reading of ``word`` is (memoised per word)."""
        hit = self._firsts.get(word)
        if hit is None:
            readings = analyses(word, self.slips) if kind == "word" else (Reading("", word),)
            pairs = []
            for r in readings:
                for key in {r.stem, strip_article(r.stem)}:
                    pairs.extend((e, r) for e in self._index.get(key, ()))
            hit = self._firsts[word] = tuple(pairs)
        return hit

    def _later_keys(self, word: str, kind: str) -> frozenset:
        """The keys a later word of an entry may have to match ``word``: the word article aside, or a
        reading of it with a proclitic and no enclitic (memoised per word)."""
        hit = self._laters.get((word, kind))
        if hit is None:
            readings = analyses(word, self.slips) if kind == "word" else (Reading("", word),)
            hit = self._laters[(word, kind)] = frozenset(
                [strip_article(word)] + [strip_article(rr.stem) for rr in readings[1:] if not rr.enc])
        return hit

    def _match_at(self, toks: Tokens, i: int) -> list[LexMatch]:
        t = toks.tokens[i]
        pairs = self._first_word(t.norm, t.kind)
        if not pairs:
            return []
        out: list[LexMatch] = []
        tokens, n = toks.tokens, len(toks.tokens)
        for e, r in pairs:
            j = i + 1
            ok = True
            for w in e.words[1:]:
                if j >= n or tokens[j].sent != t.sent:
                    ok = False
                    break
                nxt = tokens[j]
                if w not in self._later_keys(nxt.norm, nxt.kind):
                    ok = False
                    break
                j += 1
            if ok and e.exact and not _same_article(toks, i, j, r, e):
                ok = False
            if ok and e.words and (len(e.words) > 1 or not r.enc or e.cls not in _NO_ENCLITIC):
                out.append(LexMatch(e, i, j, r))
        out.sort(key=lambda m: (-(m.j - m.i), len(m.reading.pro) + len(m.reading.enc)))
        seen, uniq = set(), []
        for m in out:
            k = (m.entry.cls, m.entry.written, m.j)
            if k not in seen:
                seen.add(k)
                uniq.append(m)
        return uniq

    def find(self, toks: Tokens, classes: tuple[str, ...] | str, start: int = 0, end: int | None = None) -> list[LexMatch]:
        """Non-overlapping longest matches of ``classes`` in tokens [start, end)."""
        if isinstance(classes, str):
            classes = (classes,)
        for c in classes:
            if c not in self.entries:
                raise KeyError(f"no lexicon class {c!r} (have: {', '.join(self.classes())})")
        end = len(toks.tokens) if end is None else end
        memo = ("find", id(self), classes, start, end)
        if memo in toks.cache:
            return toks.cache[memo]
        wanted = set(classes)
        out, i = [], start
        cache, me = toks.cache, id(self)
        # Only the positions where an entry of a wanted class starts can match; the others would
        # move on by one token, so visiting the candidates in order gives the same matches.
        for p in self.positions(toks, classes):
            if p < i:
                continue
            if p >= end:
                break
            m = next((m for m in cache[(me, p)] if m.entry.cls in wanted and m.j <= end), None)
            if m is not None:
                out.append(m)
                i = m.j
        toks.cache[memo] = out
        return out

    def positions(self, toks: Tokens, classes: tuple[str, ...]) -> list[int]:
        """The token indices, in order, at which an entry of one of ``classes`` starts (memoised per
        text: every token is looked up once, then each class keeps its start positions)."""
        key = ("positions", id(self), classes)
        hit = toks.cache.get(key)
        if hit is not None:
            return hit
        by_class = toks.cache.get(("by_class", id(self)))
        if by_class is None:
            by_class = {}
            for i in range(len(toks.tokens)):
                for m in self.match_at(toks, i):
                    starts = by_class.setdefault(m.entry.cls, [])
                    if not starts or starts[-1] != i:
                        starts.append(i)
            toks.cache[("by_class", id(self))] = by_class
        if len(classes) == 1:
            hit = by_class.get(classes[0], [])
        else:
            hit = sorted({i for c in classes for i in by_class.get(c, ())})
        toks.cache[key] = hit
        return hit

    def is_a(self, toks: Tokens, i: int, cls: str) -> LexMatch | None:
        """The longest match of class ``cls`` at token ``i`` (None when there is none)."""
        found = toks.cache.get((id(self), i))
        if found is None:
            found = self.match_at(toks, i)
        return next((m for m in found if m.entry.cls == cls), None)


def _same_article(toks: Tokens, i: int, j: int, r: Reading, e: Entry) -> bool:
    """The words carry the article exactly as the entry writes it (اليوم is not يوم)."""
    words = [r.stem] + [toks.tokens[k].norm for k in range(i + 1, j)]
    return all(w.startswith("ال") == x.startswith("ال") for w, x in zip(words, e.exact))


# Classes of function words whose entries never carry an enclitic pronoun (لم, على أن …).
_NO_ENCLITIC = frozenset({"negation", "title", "approx_marker"})


def slips_of(word: str) -> tuple[str, ...]:
    """The folded misspellings of ``word`` listed in the known slips (for rules still written as regexes)."""
    target = fold(word)
    return tuple(wrong for wrong, right in load().slips if right == target)


def phrases_for(rule_id: str) -> tuple[str, ...]:
    """The one-corpus phrasings the known slips give to rule ``rule_id`` (class ``phrase``)."""
    return tuple(e.written for e in load().entries.get("phrase", ()) if e.features.get("rule") == rule_id)


def _read(path: Path, exact: set) -> tuple[dict, dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{path}: {err}") from err
    classes, docs = {}, {}
    for name, table in data.items():
        if not isinstance(table, dict) or "entries" not in table or not isinstance(table["entries"], dict):
            raise LexiconError(f"{path}: class [{name}] needs an 'entries' table")
        if not isinstance(table.get("doc", ""), str) or not table.get("doc"):
            raise LexiconError(f"{path}: class [{name}] needs a 'doc' string saying what it means")
        for written, feats in table["entries"].items():
            if not isinstance(feats, dict):
                raise LexiconError(f"{path}: [{name}.entries] {written!r}: features must be an inline table")
            if not written.strip():
                raise LexiconError(f"{path}: [{name}.entries] has an empty entry")
        if table.get("article", "either") not in ("either", "exact"):
            raise LexiconError(f"{path}: class [{name}]: article must be \"either\" or \"exact\"")
        classes[name] = table["entries"]
        docs[name] = table["doc"]
        if table.get("article") == "exact":
            exact.add(name)
    return classes, docs


@lru_cache(maxsize=4)
def load(directory: str | Path | None = None) -> Lexicon:
    """All lexicon classes of ``directory`` (default: the project's ``lexicons/classes/``)."""
    folder = Path(directory) if directory is not None else data_dir("lexicons") / CLASSES_DIR
    classes: dict[str, dict] = {}
    docs: dict[str, str] = {}
    sources: dict[str, Path] = {}
    exact: set = set()
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise LexiconError(f"{folder}: no lexicon files (*.toml)")
    for path in files:
        cls, dc = _read(path, exact)
        for name in cls:
            if name in classes:
                raise LexiconError(f"{path}: class [{name}] is also defined in {sources[name]}")
            sources[name] = path
        classes.update(cls)
        docs.update(dc)
    if SLIP_CLASS in classes:
        for written, feats in classes[SLIP_CLASS].items():
            if "intended" not in feats:
                raise LexiconError(f"{sources[SLIP_CLASS]}: misspelling {written!r} needs 'intended'")
    return Lexicon(classes, docs, sources, frozenset(exact))
