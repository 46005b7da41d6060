"""The person a document names again by a bare role (``ويعقد الاجتماع برئاسة وزير الخارجية`` after
``أعلن وزير الخارجية والهجرة، بدر عبد العاطي، …``): the one person named earlier in the document (an earlier
source, or earlier in the same one) whose role, written right before the name, starts with the same words.

Only a role that opens with a role head counts; a role that more than one earlier person's role starts with
(two foreign ministers) names nobody. It reads the document's person mentions and the tokens before them,
makes no fact and mints no entity: the chair and participation rules ask it for the person.
"""
from __future__ import annotations

from functools import lru_cache

from ..recognise.findings import Entity
from ..text.arabic import fold
from ..text.tokens import Tokens, strip_article
from ..text.word_classes import load

_NOT_ROLE_CLASSES = ("meeting_noun", "meeting_proceedings", "speech_word", "reporting_verb", "chair_verb",
                     "participate_verb")
ROLE_REACH = 8               # words of a bare role read after the chair word, and before an earlier name


def _bare(t) -> str:
    """A token's word without a proclitic و (``ووزير`` → ``وزير``)."""
    n = t.norm
    return n[1:] if n.startswith(("وال", "وو")) else n


def bare_role(toks: Tokens, k: int, hi: int) -> tuple[str, ...]:
    """The words of the role at ``k`` up to a comma, a stop, a name or a meeting (empty when no role head opens it)."""
    lex = load()
    if k >= hi or lex.is_a(toks, k, "role") is None:
        return ()
    out = []
    for n in range(k, min(hi, k + ROLE_REACH)):
        t = toks.tokens[n]
        if t.kind != "word" or any(m.entity.kind == "person" for m in t.ents):
            break
        if n > k and (any(lex.is_a(toks, n, c) is not None for c in _NOT_ROLE_CLASSES)
                      or t.norm in ("في", "الذي", "التي", "وذلك", "امام", "خلال")):
            break
        out.append(_bare(t))
    return tuple(out)


def _role_before(toks: Tokens, i: int) -> tuple[str, ...]:
    """The words written right before token ``i`` (a comma and titles skipped), back to a role head."""
    lex = load()
    k = i - 1
    if k >= 0 and toks.tokens[k].norm == ",":
        k -= 1
    while k >= 0 and lex.is_a(toks, k, "title") is not None:
        k -= 1
    words = []
    while k >= 0 and i - k <= ROLE_REACH + 2 and toks.tokens[k].kind == "word":
        words.append(_bare(toks.tokens[k]))
        if lex.is_a(toks, k, "role") is not None:
            return tuple(reversed(words))
        k -= 1
    return ()


def _title_of(words: tuple[str, ...], role: tuple[str, ...]) -> bool:
    """A bare definite title of one word is the head of an earlier role written in construct (``الوزير`` →
    ``وزير الداخلية المغربي``, ``السفيرة`` → ``سفيرة الاتحاد الأوروبي``); not a chairing head (``الرئيس`` also
    names a head of state the text never names)."""
    if len(words) != 1 or not words[0].startswith("ال") or role[0].startswith("ال"):
        return False
    head = strip_article(words[0])
    return head == role[0] and len(role) > 1 and head not in _chair_heads()


@lru_cache(maxsize=1)
def _chair_heads() -> frozenset[str]:
    """The role heads marked ``chair`` in class ``role`` (رئيس، رئيسة), without the article."""
    return frozenset(strip_article(fold(e.written)) for e in load().entries.get("role", ()) if e.features.get("chair"))


def earlier_person(ctx, src, toks: Tokens, k: int, hi: int) -> Entity | None:
    """The one person named before ``src`` (or before token ``k`` in it) whose written role starts with the
    bare role at ``k``; None when none or several."""
    words = bare_role(toks, k, hi)
    if not words:
        return None
    found: dict = {}
    limit = toks.tokens[k].start
    for source in ctx.sources():
        same = source is src
        st = ctx.tokens(source)
        for m in ctx.mentions_in(source):
            if m.entity.kind != "person" or (same and m.start >= limit):
                continue
            role = _role_before(st, st.index_at(m.start))
            if role and (role[:len(words)] == words or _title_of(words, role)):
                found[m.entity.key] = m.entity
        if same:
            break
    return next(iter(found.values())) if len(found) == 1 else None
