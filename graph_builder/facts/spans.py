"""Small readers over a source's tokens shared by the relation rules: the mentions (and the topic) that start at a
token, a sentence's token bounds, and each sentence's end. It makes no facts and knows no rule."""
from __future__ import annotations


def mentions_starting(toks, k: int) -> list:
    """Every mention that starts at token ``k`` (its first token); none past the last token."""
    if k >= len(toks.tokens):
        return []
    return [m for m in toks.tokens[k].ents if toks.index_at(m.start) == k]


def take_topic(out: list, starting: list):
    """The topic mention among ``starting`` (mentions that start at one token), its entity added to ``out``
    once; None when no topic starts there."""
    topic = next((m for m in starting if m.entity.kind == "topic"), None)
    if topic is not None and topic.entity not in out:
        out.append(topic.entity)
    return topic


def starting(toks, k: int, kinds):
    """The mention of one of ``kinds`` that starts at token ``k`` (its first token), else None."""
    return next((m for m in mentions_starting(toks, k) if m.entity.kind in kinds), None)


_NEGATORS = frozenset({"لم", "لن", "لا", "ولم", "ولا", "ولن", "فلم", "فلا"})      # folded (no hamza in them)


def negated(toks, i: int) -> bool:
    """Is the word at token ``i`` negated by the word right before it, in its sentence (لم يتطرق، لا يناقش)?"""
    return i > 0 and toks.tokens[i - 1].norm in _NEGATORS and toks.tokens[i - 1].sent == toks.tokens[i].sent


def sentence_ends(toks) -> dict:
    """Sentence number → one past its last token."""
    ends = {}
    for t in toks.tokens:
        ends[t.sent] = t.i + 1
    return ends


def sentence_bounds(toks, k: int) -> tuple[int, int]:
    """[first token, one past the last token) of the sentence of token ``k``."""
    n = toks.tokens[k].sent
    lo, hi = k, k
    while lo > 0 and toks.tokens[lo - 1].sent == n:
        lo -= 1
    while hi < len(toks.tokens) and toks.tokens[hi].sent == n:
        hi += 1
    return lo, hi
