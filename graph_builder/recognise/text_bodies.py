"""Bodies a text names that the gazetteer lacks: a head noun and a proper part, minted from the text.

A body is named by a head noun of lexicon class ``body_head`` (وزارة، منظمة، مركز، مجلس، لجنة، هيئة …, with its
proclitics and article) and the words of its name after it: definite words (الخارجية، الوطنية), genitives with
``ل``/``لل`` (للإغاثة، لمكافحة), coordinated definite words (والأعمال) and ``ب`` + article (بالخارج), up to a
punctuation mark, a particle or a word of class ``body_name_stop`` (days, time words). The phrase is a name only
when it has a proper part:

* a state's nisba (a mention the matcher found): ``وزارة الخارجية الجزائرية``, ``اللجنة الوطنية المصرية لمكافحة
  الاتجار بالبشر`` — a :func:`government_body` of that state (``ofState``), keyed by the state and the words of
  its name, so the same body named in two documents (or by the actors rules' header items) is one entity. When
  the nisba ends the phrase it stays a mention of the state of its own (the body's span stops before it); a
  ministry's name always ends at its nisba (``وكيل وزارة الخارجية الفلبينية لشؤون العمال``: the rest is the role's);
* else a given name of the lexicon after a title (``مركز الملك سلمان للإغاثة والأعمال الإنسانية``) — an entity of the head's
  class keyed by its name; a head marked ``state`` (وزارة) mints nothing without a state.

A head with only common words (``مجلس الوزراء``، ``المنظمة الدولية``) mints nothing, nor does a head inside a name
already found. It reads folded text and the matcher's hits; it makes no facts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.arabic import PROCLITICS, fold
from ..text.word_classes import load as load_word_classes
from .findings import Entity
from .role_persons import given
from .text_entities import TITLES, translit

_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 8
_PERSON_TITLES = frozenset(fold(w) for w in ("الملك", "الأمير", "الشيخ", "السلطان", "الإمام", "الرئيس"))
_PARTICLES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "إلى", "إلا", "الآن"))


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, bool]], frozenset[str]]:
    lex = load_word_classes()
    heads = {fold(e.written): (e.features.get("cls", "Organization"), bool(e.features.get("state", False)))
             for e in lex.entries["body_head"]}
    stops = frozenset(fold(w) for w in lex.words("body_name_stop"))
    return heads, stops


def government_body(name_ar: str, state: Entity) -> Entity:
    """A ministry, office, council or committee of one state first seen in a text, keyed by its state and name."""
    name_ar = re.sub(r"\s+", " ", name_ar).strip(" ،,؛;.")
    name_ar = re.split(r"\s(?:لدى|في)\s", name_ar, maxsplit=1)[0]
    return Entity(kind="org", slug=f"{state.slug.lower()}-{translit(name_ar)}", cls="GovernmentBody",
                  label_ar=f"{name_ar} ({state.label_ar})" if state.label_ar else name_ar,
                  links=(("ofState", "state", state.slug),), from_text=True)


def _head(word: str, heads) -> tuple[int, tuple[str, bool], bool] | None:
    """(where the head's written form starts in ``word``, its reading, whether the article was elided after ل)
    when ``word`` is a head noun with proclitics and/or article: وزارة، بالوزارة، للمنظمة (ل + ال + منظمة),
    للجنة (ل + ال + لجنة)."""
    for pre in ("",) + PROCLITICS:
        if not word.startswith(pre):
            continue
        stem = word[len(pre):]
        if stem.startswith("ال") and stem[2:] in heads:
            return len(pre), heads[stem[2:]], False
        if pre.endswith("ل") and stem.startswith("ل") and stem[1:] in heads:
            return len(pre) + 1, heads[stem[1:]], True          # للمنظمة: the article's lam, then the head
        if stem in heads:
            return len(pre), heads[stem], pre.endswith("ل") and stem.startswith("ل")     # للجنة
    return None


def _name_word(w: str, stops: frozenset[str]) -> bool:
    """Could ``w`` continue a body's name (a definite word, a genitive, a coordinated definite word)?"""
    if w in stops or w in _PARTICLES or w in TITLES:
        return False
    return w.startswith(("ال", "لل", "وال", "بال", "ولل")) and len(w) > 3 or w.startswith("ل") and len(w) > 4


def find_bodies(text: str, hits, original=None) -> list[tuple[int, int, Entity]]:
    """(start, end, entity) in the folded ``text`` of each body named with a proper part. ``hits`` are the
    matcher's chosen hits (start, end, entity, how): a state nisba among them is the body's state, another name
    ends the body's; ``original(start, end)`` gives the written form of a span for the label (default: folded)."""
    heads, stops = _lexicon()
    original = original or (lambda s, e: text[s:e])
    taken = [(h.start, h.end) for h in hits]
    nisba = {h.start: h for h in hits if h.how == "adjective" and h.entity is not None and h.entity.kind == "state"}
    names = {h.start for h in hits if h.start not in nisba and (h.entity is None or h.entity.kind != "topic")}
    out = []
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        head = _head(m.group(), heads)
        if head is None or any(s <= m.start() < e for s, e in taken):
            continue
        start = m.start() + head[0]
        cls, needs_state = head[1]
        state_hit, person, last = None, False, m
        for n in words[k + 1:k + 1 + _MAX_WORDS]:
            if text[last.end():n.start()] != " " or n.start() in names:
                break                          # punctuation, a line end or another name closes the body's name
            if n.start() in nisba and state_hit is None:
                state_hit = nisba[n.start()]
                if needs_state:
                    last = n
                    break                      # وزارة الخارجية الفلبينية | لشؤون …: a ministry's name ends at its state
            elif given(n.group()) and not person and last.group() in _PERSON_TITLES:
                person = True                  # مركز الملك سلمان: a person's name after a title
            elif not _name_word(n.group(), stops):
                break
            last = n
        if last is m or state_hit is None and (needs_state or not person):
            continue
        end = last.end()
        if state_hit is not None and state_hit.end == end:
            end = state_hit.start - 1          # وزارة الخارجية | الجزائرية: the nisba stays a mention of the state
        if len(text[start:end].split()) < 2:
            continue
        name = ("ال" if head[2] else "") + original(start, end)      # للجنة الوطنية → اللجنة الوطنية
        entity = government_body(name, state_hit.entity) if state_hit is not None else Entity(
            kind="org", slug=translit(name), cls=cls, label_ar=name, from_text=True)
        out.append((start, end, entity))
    return out
