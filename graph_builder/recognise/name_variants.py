"""Generate the name variants a writer uses for a multi-word gazetteer name, from a grammar in a data file.

The grammar (``lexicons/name_variants.toml``) reads a name as ``HEAD [ADJECTIVES] LINKER TOPIC``
(``المنتدى العالمي`` | ``المعني ب`` | ``الهجرة والتنمية``) and gives, for each explicit Arabic name of an
entity, the names with every other linker (المعني بـ، المعنية بـ، بشأن، حول، الخاص بـ، الخاصة بـ، في مجال،
لـ + ال), every other level phrase (الرفيع المستوى، رفيع المستوى، عالي المستوى …), the other order of two
coordinated topics (الهجرة والتنمية / التنمية والهجرة), the other scope adjective or none (الدولي / العالمي)
(the scope adjective left out only before two coordinated topics) and the indefinite head with its
adjectives (حوار رفيع المستوى بشأن …, only when the topic has two words or more). For names of every kind,
regional spellings: a foreign word ending (ستراسبورغ / ستراسبورج), أبو joined or apart (أبوظبي), and for
foreign states and places the Egyptian ج for the hard g (غانا / جانا), never for an Arab state's names.
Linker agreement follows the head's gender (ة / ات ending, or the data's feminine heads).

:func:`expand` runs once when the gazetteer loads (never per token). A generated name another entity already
has, or that two entities generate, is refused and listed (:class:`Expansion.refused`); the loader's own check
then stops the load if two entities still share a name. Generated names recognise text only: they are not
labels and are not written to RDF.

It does not match text (``matcher.py``) and does not read the gazetteer files (``gazetteer.py``).
"""
from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..text.arabic import fold
from .topic_variants import load_grammar as load_topic_grammar, topic_variants

GRAMMAR = "name_variants"
# kinds whose names are common nouns with a topic (a state, place, region or person is a proper name)
KINDS = frozenset({"org", "process", "body", "event", "commitment", "publication"})
_MAX_PER_NAME = 400


class NameVariantError(ValueError):
    """The grammar file cannot be used; the message names the file."""


@dataclass(frozen=True)
class Linker:
    words: tuple[str, ...]
    glue: str = ""
    gender: str = ""

    def render(self, topic: tuple[str, ...]) -> tuple[str, ...]:
        first, rest = topic[0], topic[1:]
        if self.glue == "ل":
            joined = "لل" + first[2:]                    # ال + الهجرة → للهجرة
        elif self.glue:
            joined = self.glue + first
        else:
            return self.words + topic
        return self.words + (joined,) + rest


@dataclass(frozen=True)
class Grammar:
    linkers: tuple[Linker, ...]
    glued_topics: frozenset[str]
    level_groups: tuple[tuple[tuple[str, ...], ...], ...]
    scope_groups: tuple[tuple[str, ...], ...]
    keep_article: frozenset[str]
    feminine_heads: frozenset[str]
    word_endings: tuple[tuple[str, str], ...] = ()
    joinable: frozenset[str] = frozenset()
    hard_g: tuple[str, str] = ("", "")
    hard_g_kinds: frozenset[str] = frozenset()
    hard_g_except: frozenset[str] = frozenset()
    capital_word: str = ""
    person_heads: frozenset[str] = frozenset()
    city_words: tuple[str, ...] = ()
    capital_of: tuple[tuple[str, str], ...] = ()


@dataclass
class Expansion:
    """Generated names per entity key, and the refused ones: (name, the entity keys that claimed it)."""

    variants: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    refused: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.variants.values())


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def load_grammar(path: Path | None = None) -> Grammar:
    if path is None:
        from ..values.lexicon import lexicon_path   # noqa: PLC0415
        path = lexicon_path(GRAMMAR)
    return _load(Path(path))


@lru_cache(maxsize=4)
def _load(path: Path) -> Grammar:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise NameVariantError(f"{path}: {err}") from None
    try:
        linkers = tuple(Linker(_words(d.get("words", "")), d.get("glue", ""), d.get("gender", ""))
                        for d in data["linker"])
        for lk in linkers:
            if lk.glue not in ("", "ب", "ل") or lk.gender not in ("", "m", "f") or not (lk.words or lk.glue):
                raise NameVariantError(f"{path}: bad linker {lk}")
        return Grammar(
            linkers=linkers,
            glued_topics=frozenset(data.get("glued_topics", ())),
            level_groups=tuple(tuple(_words(p) for p in g) for g in data.get("level_groups", ())),
            scope_groups=tuple(tuple(g) for g in data.get("scope_groups", ())),
            keep_article=frozenset(data.get("keep_article", ())),
            feminine_heads=frozenset(data.get("feminine_heads", ())),
            word_endings=tuple((a, b) for a, b in data.get("word_endings", ())),
            joinable=frozenset(data.get("joinable", ())),
            hard_g=(data.get("hard_g", {}).get("written", ""), data.get("hard_g", {}).get("egyptian", "")),
            hard_g_kinds=frozenset(data.get("hard_g", {}).get("kinds", ())),
            hard_g_except=frozenset(data.get("hard_g", {}).get("except_states", ())),
            capital_word=data.get("capital_word", ""),
            person_heads=frozenset(data.get("person_heads", ())),
            city_words=tuple(data.get("city_words", ())),
            capital_of=tuple(sorted(data.get("capital_of", {}).items())),
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise NameVariantError(f"{path}: malformed grammar ({err!r})") from None


# ---------------------------------------------------------------- parsing one name

def _split(words: tuple[str, ...], g: Grammar) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(prefix, topic) at the first linker after the head, the topic with its article; else None."""
    for i in range(1, len(words)):
        for lk in g.linkers:
            n = len(lk.words)
            if lk.words and words[i:i + n] != lk.words:
                continue
            j = i + n
            if j >= len(words):
                continue
            first = words[j]
            if lk.glue == "ل":
                if lk.words or not first.startswith("لل") or "ال" + first[2:] not in g.glued_topics:
                    continue
                if not all(w.startswith("ال") for w in words[:i]):   # head and adjectives, no construct
                    continue
                topic = ("ال" + first[2:],) + words[j + 1:]
            elif lk.glue:
                if not first.startswith(lk.glue + "ال"):
                    continue
                topic = (first[1:],) + words[j + 1:]
            else:
                topic = words[j:]
            if topic[0].startswith("ال"):
                return words[:i], topic
    return None


def _swapped(topic: tuple[str, ...]) -> tuple[str, ...] | None:
    """``الهجرة والتنمية`` → ``التنمية والهجرة`` (two conjuncts of at most two words, each word definite)."""
    splits = [j for j in range(1, len(topic)) if topic[j].startswith("وال")]
    if len(splits) != 1:
        return None
    j = splits[0]
    a, b = topic[:j], (topic[j][1:],) + topic[j + 1:]
    if len(a) > 2 or len(b) > 2 or not all(w.startswith("ال") for w in a + b):
        return None
    return b + ("و" + a[0],) + a[1:]


def _feminine(head: str, g: Grammar) -> bool:
    bare = head[2:] if head.startswith("ال") else head
    return head in g.feminine_heads or bare in g.feminine_heads or head.endswith(("ة", "ات"))


def _level_forms(prefix: tuple[str, ...], g: Grammar) -> set[tuple[str, ...]]:
    out = {prefix}
    for group in g.level_groups:
        for phrase in group:
            n = len(phrase)
            for i in range(len(prefix) - n + 1):
                if prefix[i:i + n] == phrase:
                    out |= {prefix[:i] + other + prefix[i + n:] for other in group}
    return out


def _scope_forms(prefix: tuple[str, ...], g: Grammar, may_drop: bool) -> set[tuple[str, ...]]:
    out = {prefix}
    if len(prefix) < 2:
        return out
    for group in g.scope_groups:
        if prefix[1] in group:
            out |= {prefix[:1] + (other,) + prefix[2:] for other in group}
            if may_drop:
                out.add(prefix[:1] + prefix[2:])
    return out


def _indefinite(prefix: tuple[str, ...], g: Grammar) -> tuple[str, ...] | None:
    if not prefix[0].startswith("ال"):
        return None
    return tuple(w if w in g.keep_article or not w.startswith("ال") else w[2:] for w in prefix)


def name_variants(name: str, g: Grammar) -> list[str]:
    """Every name the grammar gives for ``name`` (``name`` itself excluded), in a stable order."""
    words = _words(name)
    if len(words) < 2 or words[0] in g.person_heads:
        return []
    split = _split(words, g)
    if split is None:
        forms = _level_forms(words, g)
        return sorted(" ".join(f) for f in forms if f != words)
    prefix, topic = split
    swapped = _swapped(topic)
    prefixes: set[tuple[str, ...]] = set()
    for p in _level_forms(prefix, g):
        prefixes |= _scope_forms(p, g, swapped is not None)
    if len(topic) >= 2:
        prefixes |= {q for q in (_indefinite(p, g) for p in list(prefixes) if len(p) >= 2) if q}
    topics = [topic] + ([swapped] if swapped else [])
    out: set[str] = set()
    for p, t, lk in itertools.product(sorted(prefixes), topics, g.linkers):
        if lk.gender and lk.gender != ("f" if _feminine(p[0], g) else "m"):
            continue
        if lk.glue == "ل" and not p[0].startswith("ال"):
            continue            # an indefinite head with ل reads as a construct: not generated
        rendered = lk.render(t)
        if not p[0].startswith("ال"):                        # an indefinite head: معني بـ، خاص بـ
            rendered = tuple(w[2:] if k < len(lk.words) and w.startswith("ال") else w for k, w in enumerate(rendered))
        out.add(" ".join(p + rendered))
        if len(out) >= _MAX_PER_NAME:
            break
    out.discard(name)
    return sorted(out)


def spelling_variants(name: str, g: Grammar) -> list[str]:
    """Regional spellings of ``name``: each word ending of :attr:`Grammar.word_endings` written the other way
    (ستراسبورغ → ستراسبورج) and a joinable word joined to, or set apart from, the next (أبو ظبي ↔ أبوظبي)."""
    forms = {tuple(name.split())}
    for a, b in g.word_endings:
        for f in list(forms):
            for src, dst in ((a, b), (b, a)):
                if any(w.endswith(src) and len(w) >= len(src) + 3 for w in f):
                    forms.add(tuple(w[:-len(src)] + dst if w.endswith(src) and len(w) >= len(src) + 3 else w
                                    for w in f))
    for f in list(forms):
        joined, k = [], 0
        while k < len(f):
            if f[k] in g.joinable and k + 1 < len(f):
                joined.append(f[k] + f[k + 1])
                k += 2
            else:
                joined.append(f[k])
                k += 1
        forms.add(tuple(joined))
        for j in g.joinable:
            split = tuple(y for x in f for y in ((j, x[len(j):]) if x.startswith(j) and len(x) > len(j) + 2 else (x,)))
            forms.add(split)
    out = {" ".join(f) for f in forms}
    out.discard(name)
    return sorted(out)


def _state_of(e) -> str:
    if e.kind == "state":
        return e.slug
    return next((slug for prop, _, slug in e.links if prop == "inState"), "")


def hard_g_variant(e, name: str, g: Grammar) -> str | None:
    """The Egyptian spelling of a foreign state's or place's name (غانا → جانا), or None."""
    written, egyptian = g.hard_g
    if not written or e.kind not in g.hard_g_kinds or written not in name or _state_of(e) in g.hard_g_except:
        return None
    return name.replace(written, egyptian)


def _bare_names(place, names_of, g: Grammar) -> set[str]:
    """A place's names, also without a leading city word or a trailing capital word (مدينة الكويت → الكويت،
    تونس العاصمة → تونس)."""
    bare = set()
    for n in names_of(place):
        words = n.split()
        if words and words[0] in g.city_words and len(words) > 1:
            words = words[1:]
        if len(words) > 1 and words[-1] == g.capital_word:
            words = words[:-1]
        bare |= {n, " ".join(words)}
    return bare


def capital_names(capital, cities, state_adjectives, names_of, g: Grammar) -> list[tuple[object, str]]:
    """(place, name) pairs: ``العاصمة الأردنية`` names ``capital``; ``العاصمة الأردنية عمّان`` names the city of the
    state (``cities``, the capital among them) whose name follows the phrase."""
    if not g.capital_word:
        return []
    out = []
    for adj in state_adjectives:
        if not adj.endswith("ة"):
            continue
        phrase = f"{g.capital_word} {adj}"
        out.append((capital, phrase))
        for city in cities:
            out += [(city, f"{phrase} {b}") for b in sorted(_bare_names(city, names_of, g))]
    return out


# ---------------------------------------------------------------- all entities

def expand(entities, names_of, ambiguous_forms=(), grammar: Grammar | None = None,
           adjectives=None) -> Expansion:
    """Generated names of every entity of a kind in :data:`KINDS`. ``names_of(e)`` gives an entity's
    explicit Arabic names; ``adjectives`` (state key → nisba forms) gives the capitals' names (العاصمة الأردنية).
    A generated name whose folded form another entity's explicit name or an ambiguous short form
    (``ambiguous_forms``) has, or that two entities generate, is refused."""
    g = grammar or load_grammar()
    owner: dict[str, tuple[str, str]] = {}
    for e in entities:
        for n in names_of(e):
            owner.setdefault(fold(n), e.key)
    short = {fold(s) for s in ambiguous_forms}
    claims: dict[str, list[tuple[tuple[str, str], str]]] = {}
    topic_grammar = None
    for e in entities:
        for n in names_of(e):
            if e.kind == "topic":                                # topics: their own grammar (topic_variants.py)
                topic_grammar = topic_grammar or load_topic_grammar()
                generated = topic_variants(n, topic_grammar)
            else:
                generated = name_variants(n, g) if e.kind in KINDS else []
                generated += spelling_variants(n, g)
            hard = hard_g_variant(e, n, g)
            if hard:
                generated += [hard] + spelling_variants(hard, g)
            for v in generated:
                key = fold(v)
                if owner.get(key) == e.key:
                    continue                                     # already an explicit name of e
                claims.setdefault(key, [])
                if all(k != e.key for k, _ in claims[key]):
                    claims[key].append((e.key, v))
    by_key = {e.key: e for e in entities}
    cities: dict[str, list] = {}
    for e in entities:
        if e.kind == "place":
            cities.setdefault(_state_of(e), []).append(e)
    for iso, slug in g.capital_of:
        capital = by_key.get(("place", slug))
        if capital is None:
            continue          # a gazetteer folder without that city (tests check the project's own data)
        for place, v in capital_names(capital, cities.get(iso, [capital]),
                                      (adjectives or {}).get(("state", iso), ()), names_of, g):
            key = fold(v)
            if owner.get(key) != place.key:
                claimants = claims.setdefault(key, [])
                if all(k != place.key for k, _ in claimants):
                    claimants.append((place.key, v))
    out = Expansion()
    per: dict[tuple[str, str], list[str]] = {}
    for key, claimants in claims.items():
        keys = tuple(k for k, _ in claimants)
        other = owner.get(key)
        if len(keys) > 1 or other is not None or key in short:
            out.refused.append((claimants[0][1], keys + ((other,) if other and other not in keys else ())))
            continue
        per.setdefault(keys[0], []).append(claimants[0][1])
    out.variants = {k: tuple(v) for k, v in per.items()}
    return out
