"""Generate the names a writer uses for a development topic, from a grammar in a data file.

A topic is named in many ways (التحويلات المالية، الحوالات النقدية، تحويلات المغتربين؛ الاتجار بالبشر، الإتجار في
الأشخاص؛ الهجرة غير النظامية، هجرة غير شرعية، الهجرة الغير شرعية، الهجرة السرية …). The grammar
(``lexicons/topic_variants.toml``) gives, for each explicit Arabic name of a topic: the words of a synonym group
swapped at the same place (a group may apply only to names that hold one of its context words), the other
preposition after a head noun (الاتجار بالبشر / في البشر), the other case of a sound masculine plural (المهاجرين /
المهاجرون), the indefinite phrase (هجرة غير نظامية), the article a writer puts on the negation word
(الغير نظامية), a conjunction written apart (العودة و إعادة الإدماج) and two conjuncts in the other order.

:func:`topic_variants` works on one name; ``name_variants.expand`` calls it for every topic when the gazetteer
loads, and refuses a generated name that another entity already has or that two entities generate (so a swap
never moves a phrase from one topic to another). Generated names recognise text only: they are not labels.

It does not match text (``matcher.py``), does not read the gazetteer files (``gazetteer.py``), and does not
decide what a text's topics are about (the fact rules do).
"""
from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GRAMMAR = "topic_variants"
MAX_PER_NAME = 240          # generated names kept per explicit name (the cross product of swaps is bounded)


class TopicVariantError(ValueError):
    """The grammar file cannot be used; the message names the file."""


@dataclass(frozen=True)
class Group:
    forms: tuple[tuple[str, ...], ...]          # each form a tuple of words
    context: frozenset[str] = frozenset()       # bare words one of which the name must hold (empty: any name)


@dataclass(frozen=True)
class Linker:
    heads: frozenset[str]
    forms: tuple[str, ...]                      # "ب" (glued) or a separate word ("في")


@dataclass(frozen=True)
class TopicGrammar:
    groups: tuple[Group, ...]
    linkers: tuple[Linker, ...]
    negation: str
    glued: tuple[str, ...]
    min_letters: int


def load_grammar(path: Path | None = None) -> TopicGrammar:
    if path is None:
        from ..values.lexicon import lexicon_path   # noqa: PLC0415
        path = lexicon_path(GRAMMAR)
    return _load(Path(path))


@lru_cache(maxsize=4)
def _load(path: Path) -> TopicGrammar:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise TopicVariantError(f"{path}: {err}") from None
    try:
        groups = []
        for n, g in enumerate(data.get("synonyms", ()), 1):
            forms = tuple(tuple(w.split()) for w in g["words"])
            if len(forms) < 2 or any(not f for f in forms):
                raise TopicVariantError(f"{path}: synonym group {n} needs two forms or more, none empty")
            groups.append(Group(forms, frozenset(_bare(w) for w in g.get("in_names_with", ()))))
        linkers = tuple(Linker(frozenset(d["heads"]), tuple(d["forms"])) for d in data.get("linker", ()))
        glued = tuple(sorted(data.get("glued", ()), key=len, reverse=True))
        return TopicGrammar(tuple(groups), linkers, str(data.get("negation", "")), glued,
                            int(data.get("min_letters", 8)))
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        if isinstance(err, TopicVariantError):
            raise
        raise TopicVariantError(f"{path}: malformed grammar ({err!r})") from None


# ---------------------------------------------------------------- words

def _bare(word: str) -> str:
    """A word without و, a glued ب/ل and the article (وبالبشر → بشر; للعمال → عمال)."""
    w = word
    if w.startswith("و") and len(w) > 3:
        w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        return w[2:]
    if w.startswith(("ب", "ل")) and w[1:].startswith("ال"):
        w = w[1:]
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _unglue(word: str, g: TopicGrammar) -> list[tuple[str, str]]:
    """Every (prefix, stem) reading of a written word: the word itself, and its glued prepositions apart
    (بالبشر → ب + البشر; للعمال → ل + العمال)."""
    out = [("", word)]
    if word.startswith("لل") and "ل" in g.glued and len(word) > 4:
        out.append(("ل", "ال" + word[2:]))
    for p in g.glued:
        if word.startswith(p) and len(word) > len(p) + 2 and not (p == "ل" and word.startswith("لل")):
            out.append((p, word[len(p):]))
    return out


def _glue(prefix: str, stem: str) -> str:
    if prefix.endswith("ل") and stem.startswith("ال"):
        return prefix[:-1] + "لل" + stem[2:]          # ل + العمال → للعمال
    return prefix + stem


# ---------------------------------------------------------------- operations on one name (tuples of words)

def _swaps(words: tuple[str, ...], g: TopicGrammar) -> set[tuple[str, ...]]:
    """The name with the forms of each applicable synonym group swapped (every combination, bounded)."""
    bare = {_bare(w) for w in words}
    options: list[list[tuple[str, ...]]] = []       # per position: the spans that can stand there
    i = 0
    slots: list[tuple[int, int, list[tuple[str, ...]]]] = []
    while i < len(words):
        found = None
        for grp in g.groups:
            if grp.context and not grp.context & bare:
                continue
            for form in grp.forms:
                n = len(form)
                for prefix, stem in _unglue(words[i], g):
                    if (stem,) + words[i + 1:i + n] == form:
                        found = (n, [(_glue(prefix, f[0]),) + f[1:] for f in grp.forms])
                        break
                if found:
                    break
            if found:
                break
        if found:
            slots.append((i, i + found[0], found[1]))
            i += found[0]
        else:
            slots.append((i, i + 1, [(words[i],)]))
            i += 1
    options = [alts for _, _, alts in slots]
    out: set[tuple[str, ...]] = set()
    for combo in itertools.product(*options):
        out.add(tuple(w for part in combo for w in part))
        if len(out) >= MAX_PER_NAME:
            break
    return out


def _linked(words: tuple[str, ...], g: TopicGrammar) -> set[tuple[str, ...]]:
    """الاتجار بالبشر ↔ الاتجار في البشر: the other preposition after a head of a linker."""
    out = {words}
    for lk in g.linkers:
        for i, w in enumerate(words[:-1]):
            if w not in lk.heads:
                continue
            nxt = words[i + 1]
            if nxt in lk.forms and i + 2 < len(words) and words[i + 2].startswith("ال"):
                obj = words[i + 2]
                rest = words[i + 3:]
            elif "ب" in lk.forms and nxt.startswith("بال"):
                obj, rest = nxt[1:], words[i + 2:]
            else:
                continue
            for f in lk.forms:
                linked = (f + obj,) if len(f) == 1 else (f, obj)
                out.add(words[:i + 1] + linked + rest)
    return out


def _cases(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A definite sound masculine plural in the other case: المهاجرين ↔ المهاجرون, while every word before it is
    definite (a noun and its adjectives; a genitive stays in ين) and the word has six letters or more after the article."""
    out = {words}
    for i, w in enumerate(words):
        if any(not x.startswith("ال") for x in words[:i]):
            break                   # a genitive after an indefinite head is always in ين (حقوق العمال المهاجرين)
        stem = w[2:] if w.startswith("ال") else None
        if stem is None or len(stem) < 6:
            continue
        for a, b in (("ين", "ون"), ("ون", "ين")):
            if stem.endswith(a):
                out |= {f[:i] + (f[i][:-2] + b,) + f[i + 1:] for f in list(out)}
    return out


def _indefinite(words: tuple[str, ...], g: TopicGrammar) -> tuple[str, ...] | None:
    """The indefinite phrase of a noun with its definite adjectives (الهجرة غير النظامية → هجرة غير نظامية), else
    None. A construct keeps its definite genitive: ``حماية حقوق`` would be the head of any longer construct
    (حماية حقوق الملكية)."""
    if len(words) < 2:
        return None
    if words[0].startswith("ال"):
        if not all(w.startswith("ال") or w == g.negation for w in words):
            return None
        return tuple(w[2:] if w.startswith("ال") else w for w in words)
    return None


def _negation_article(words: tuple[str, ...], g: TopicGrammar) -> set[tuple[str, ...]]:
    """الهجرة غير النظامية → الهجرة الغير نظامية، الهجرة الغير النظامية (a definite noun only)."""
    out = set()
    neg = g.negation
    for i, w in enumerate(words[:-1]):
        if w == neg and i > 0 and words[i - 1].startswith("ال") and words[i + 1].startswith("ال"):
            adj = words[i + 1]
            out.add(words[:i] + ("ال" + neg, adj[2:]) + words[i + 2:])
            out.add(words[:i] + ("ال" + neg, adj) + words[i + 2:])
    return out


def _conjunctions(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """و written apart (العودة و إعادة الإدماج) and two conjuncts of at most two words in the other order."""
    out = set()
    joins = [j for j in range(1, len(words)) if words[j].startswith("و") and len(words[j]) > 3
             and (words[j][1:].startswith("ال") or words[j][1] in "إاأ")]
    for j in joins:
        out.add(words[:j] + ("و", words[j][1:]) + words[j + 1:])
    if len(joins) == 1:
        j = joins[0]
        a, b = words[:j], (words[j][1:],) + words[j + 1:]
        if len(a) <= 2 and len(b) <= 2:
            out.add(b + ("و" + a[0],) + a[1:])
    return out


def topic_variants(name: str, g: TopicGrammar) -> list[str]:
    """Every name the grammar gives for the topic name ``name`` (``name`` itself excluded), in a stable order."""
    words = tuple(name.split())
    if len(words) < 2:
        return []               # one word alone (الحوالات، الاندماج): a swap would give a common word (الإدماج)
    forms: set[tuple[str, ...]] = set()
    for swapped in _swaps(words, g):
        for linked in _linked(swapped, g):
            forms |= _cases(linked)
    for f in list(forms):
        ind = _indefinite(f, g)
        if ind is not None and sum(len(w) for w in ind) >= g.min_letters:
            forms.add(ind)
        forms |= _negation_article(f, g)
    for f in list(forms):
        forms |= _conjunctions(f)
    out = sorted({" ".join(f) for f in forms} - {name})
    return out[:MAX_PER_NAME]
