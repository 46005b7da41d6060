"""Generate the name variants a writer uses for a multi-word gazetteer name, from a grammar in a data file.

The grammar (``lexicons/name_variants.toml``) reads a name as ``HEAD [ADJECTIVES] LINKER TOPIC``
(``المنتدى العالمي`` | ``المعني ب`` | ``الهجرة والتنمية``) and gives, for each explicit Arabic name of an
entity, the names with every other linker (المعني بـ، المعنية بـ، بشأن، حول، الخاص بـ، الخاصة بـ، في مجال،
لـ + ال), every other level phrase (الرفيع المستوى، رفيع المستوى، عالي المستوى …), the other order of two
coordinated topics (الهجرة والتنمية / التنمية والهجرة), the other scope adjective or none (الدولي / العالمي)
(the scope adjective left out only before two coordinated topics) and the indefinite head with its
adjectives (حوار رفيع المستوى بشأن …, only when the topic has two words or more). For names of every kind,
regional spellings: a foreign word ending (ستراسبورغ / ستراسبورج), أبو joined or apart (أبوظبي), and for
foreign states and places the Egyptian ج for the hard g (غانا / جانا), never for an Arab state's names. Before all
that, a name's head word is swapped for another of its group by kind (عملية / مسار / مسلسل الرباط; الاتفاق / الميثاق
العالمي) and a subject phrase for another of its group (الاتجار بالأشخاص / بالبشر / في البشر). The grammar file also
lists the homographs the matcher tells apart (:class:`Homograph`). A place named inside a name of a process,
body or instrument is spelled every way the place is (خطة عمل واغادوغو / واجادوجو، عملية ألماتي / ألماتا), an
instrument's name takes an inserted adjective (الميثاق العالمي الجديد بشأن اللاجئين).
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
        if self.glue == "ل" and first.startswith("الل"):
            joined = "ل" + first[2:]                     # ل + اللاجئين → للاجئين (one lam less)
        elif self.glue == "ل":
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
    homographs: tuple["Homograph", ...] = ()
    inserted: tuple[tuple[str, ...], tuple[str, ...], frozenset[str]] = ((), (), frozenset())
    phrase_groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    word_spellings: tuple[tuple[str, ...], ...] = ()
    quoted_heads: frozenset[str] = frozenset()
    quoted_kinds: frozenset[str] = frozenset()
    head_groups: tuple[tuple[tuple[tuple[str, ...], ...], frozenset[str]], ...] = ()


@dataclass(frozen=True)
class Homograph:
    """Two entities one folded spelling names (عمّان / عمان): ``default`` unless the writer wrote ``written`` or
    the city context (``locative`` word before, ``other_context`` in the paragraph, no ``default_context``)
    makes it ``other``. Keys are ``kind/slug``; context words folded."""

    default: str
    other: str
    written: frozenset[str]
    locative: frozenset[str]
    other_context: frozenset[str]
    default_context: frozenset[str]


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
            inserted=(tuple(data.get("inserted_adjectives", {}).get("m", ())),
                      tuple(data.get("inserted_adjectives", {}).get("f", ())),
                      frozenset(data.get("inserted_adjectives", {}).get("kinds", ()))),
            quoted_heads=frozenset(data.get("quoted", {}).get("heads", ())),
            quoted_kinds=frozenset(data.get("quoted", {}).get("kinds", ())),
            word_spellings=tuple(tuple(grp) for grp in data.get("word_spellings", ())),
            phrase_groups=tuple(tuple(_words(p) for p in grp) for grp in data.get("phrase_groups", ())),
            head_groups=tuple((tuple(_words(w) for w in d["words"]), frozenset(d.get("kinds", ())))
                              for d in data.get("head_groups", ())),
            homographs=tuple(Homograph(d["default"], d["other"], frozenset(d.get("written", ())),
                                       frozenset(fold(w) for w in d.get("locative", ())),
                                       frozenset(fold(w) for w in d.get("other_context", ())),
                                       frozenset(fold(w) for w in d.get("default_context", ())))
                             for d in data.get("homograph", ())),
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
                if lk.words or not first.startswith("لل"):
                    continue
                # للهجرة → الهجرة; للاجئين → اللاجئين (a lam-initial topic loses one lam after ل)
                bare = next((t for t in ("ال" + first[2:], "ال" + first[1:]) if t in g.glued_topics), None)
                if bare is None or not all(w.startswith("ال") for w in words[:i]):   # head and adjectives
                    continue
                topic = (bare,) + words[j + 1:]
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


def inserted_variants(name: str, kind: str, g: Grammar) -> list[str]:
    """The name with an adjective a writer inserts before its linker (الميثاق العالمي الجديد بشأن اللاجئين), agreeing
    with the head, for the kinds the grammar lists; only for a definite head with a linker and a topic."""
    masc, fem, kinds = g.inserted
    split = _split(_words(name), g) if kind in kinds else None
    if split is None or not split[0][0].startswith("ال"):
        return []
    prefix, _topic = split
    rest = _words(name)[len(prefix):]
    return [" ".join(prefix + (adj,) + rest) for adj in (fem if _feminine(prefix[0], g) else masc)
            if adj not in prefix]


def quoted_variants(name: str, kind: str, g: Grammar) -> list[str]:
    """``حوار 5+5`` → ``حوار "5+5"``: the proper part after a head word in quotes (every quote mark folds to ")."""
    words = _words(name)
    if kind not in g.quoted_kinds or not words or words[0] not in g.quoted_heads or not 1 <= len(words) - 1 <= 3:
        return []
    return [f'{words[0]} "{" ".join(words[1:])}"']


def head_variants(name: str, kind: str, g: Grammar) -> list[str]:
    """The name with its head swapped for another of its group (عملية الرباط → مسار الرباط، مسلسل الرباط; الاتفاق
    العالمي … → الميثاق العالمي …), for the kinds the group is for, when more words follow the head."""
    words = _words(name)
    out = []
    for heads, kinds in g.head_groups:
        if kind not in kinds:
            continue
        for head in heads:
            if words[:len(head)] == head and len(words) > len(head):
                out += [" ".join(other + words[len(head):]) for other in heads if other != head]
    return out


_GLUES = ("", "و", "ب", "وب", "ل", "ول", "ف")


def _glued(word: str, glue: str) -> str:
    """``word`` with a proclitic glued: ل before the article drops its alef (ل + الاتجار → للاتجار)."""
    if glue.endswith("ل") and word.startswith("ال"):
        return glue + word[1:]
    return glue + word


def phrase_variants(name: str, g: Grammar) -> list[str]:
    """The name with a subject phrase swapped for another of its group (بروتوكول منع الاتجار بالأشخاص → … الاتجار
    بالبشر), the phrase's first word with or without a glued proclitic (لمكافحة الاتجار في البشر)."""
    words = _words(name)
    out: set[str] = set()
    for group in g.phrase_groups:
        for phrase in group:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if words[i + 1:i + n] != phrase[1:]:
                    continue
                glue = next((c for c in _GLUES if words[i] == _glued(phrase[0], c)), None)
                if glue is None:
                    continue
                for other in group:
                    if other != phrase:
                        out.add(" ".join(words[:i] + (_glued(other[0], glue),) + other[1:] + words[i + n:]))
    out.discard(name)
    return sorted(out)


_TABLES: dict[int, tuple[Grammar, dict[str, tuple[str, ...]]]] = {}


def _word_spelling_table(g: Grammar) -> dict[str, tuple[str, ...]]:
    """Each word of :attr:`Grammar.word_spellings`, with each proclitic glued → its other spellings, glued alike
    (kept per grammar object: hashing the whole grammar on every call would cost more than the lookup)."""
    kept = _TABLES.get(id(g))
    if kept is not None and kept[0] is g:
        return kept[1]
    table: dict[str, tuple[str, ...]] = {}
    for group in g.word_spellings:
        for sp in group:
            for glue in _GLUES:
                table[_glued(sp, glue)] = tuple(_glued(o, glue) for o in group if o != sp)
    _TABLES[id(g)] = (g, table)
    return table


def spelling_variants(name: str, g: Grammar) -> list[str]:
    """Regional spellings of ``name``: a whole word of :attr:`Grammar.word_spellings` written the other way
    (الأوروبي → الأوربي، أمريكا → أميركا), each word ending of :attr:`Grammar.word_endings` written the other way
    (ستراسبورغ → ستراسبورج) and a joinable word joined to, or set apart from, the next (أبو ظبي ↔ أبوظبي)."""
    forms = {tuple(name.split())}
    table = _word_spelling_table(g)
    for k in range(len(name.split())):                   # أوروبا / أوربا، أمريكا / أميركا: whole words, any clitic
        for f in list(forms):
            others = table.get(f[k])
            if others:
                forms |= {f[:k] + (o,) + f[k + 1:] for o in others}
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


def place_word_index(entities, names_of, g: Grammar) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Each name (as words) of a place or state → every way a writer spells that place: its other explicit names,
    their regional spellings (ستراسبورغ / ستراسبورج، أبو ظبي / أبوظبي) and its Egyptian hard g (واغادوغو /
    واجادوجو); no name with a city or capital word (مدينة نيويورك، العاصمة …)."""
    index: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for e in entities:
        if e.kind not in ("place", "state"):
            continue
        spellings = set()
        for n in names_of(e):
            words = n.split()
            if not words or words[0] in g.city_words or g.capital_word in words or len(n) < 3:
                continue
            forms = [n] + spelling_variants(n, g)
            hard = hard_g_variant(e, n, g)
            if hard:
                forms += [hard] + spelling_variants(hard, g)
            spellings |= {tuple(f.split()) for f in forms}
        if len(spellings) > 1:
            for sp in spellings:
                index.setdefault(sp, tuple(sorted(spellings - {sp})))
    return index


def place_variants(name: str, index) -> list[str]:
    """The name with a place it names spelled another way (خطة عمل واغادوغو → خطة عمل واجادوجو، عملية ألماتي →
    عملية ألما آتا، خطة العمل المشتركة لفاليتا → … للافاليت), the place's first word also after a glued ل/ب."""
    words = _words(name)
    out: set[str] = set()
    for i in range(len(words)):
        for glue in ("", "ل", "ب"):
            if glue and not words[i].startswith(glue):
                continue
            for n in (1, 2, 3):
                span = (words[i][len(glue):],) + words[i + 1:i + n]
                if len(span) < n or span not in index:
                    continue
                for other in index[span]:
                    if glue and other[0].startswith("ال"):
                        continue                       # ل + الرباط: the article's alef dropped, not generated
                    out.add(" ".join(words[:i] + (glue + other[0],) + other[1:] + words[i + n:]))
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


def namesake_capitals(states, by_key, names_of, g: Grammar) -> dict[tuple[tuple[str, str], str], object]:
    """(state key, folded name) → the state's capital (``capital_of``) when that name of the state is also a bare
    name of the capital (تونس: Tunisia and تونس العاصمة; الكويت: Kuwait and مدينة الكويت)."""
    out = {}
    for e in states:
        capital = by_key.get(("place", dict(g.capital_of).get(e.slug, "")))
        if e.kind != "state" or capital is None:
            continue
        bare = {fold(b) for b in _bare_names(capital, names_of, g)}
        out.update({(e.key, fold(n)): capital for n in names_of(e) if fold(n) in bare})
    return out


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
    places = place_word_index(entities, names_of, g)
    topic_grammar = None
    for e in entities:
        explicit = list(names_of(e))
        if e.kind == "topic":                                    # topics: their own grammar (topic_variants.py)
            bases = [(b, b) for b in dict.fromkeys(explicit)]
        else:
            if e.kind in KINDS:
                explicit += [v for b in list(explicit) for v in place_variants(b, places)]
            bases = [(b, n) for b in dict.fromkeys(explicit) for h in [b] + head_variants(b, e.kind, g)
                     for p in [h] + (phrase_variants(h, g) if e.kind in KINDS else [])
                     for n in [p] + inserted_variants(p, e.kind, g)]
        for base, n in bases:
            if e.kind == "topic":
                topic_grammar = topic_grammar or load_topic_grammar()
                generated = topic_variants(n, topic_grammar)
            else:
                generated = [n] + quoted_variants(n, e.kind, g)      # an explicit name is skipped below
                generated += name_variants(n, g) if e.kind in KINDS else []
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
