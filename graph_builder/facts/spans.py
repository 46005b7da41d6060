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


# A state's head noun written before its name (حكومة إسبانيا، دولة الكويت): the item is the state.
ITEM_HEADS = frozenset({"حكومه", "دوله", "جمهوريه", "مملكه", "سلطنه", "اماره", "حكومات"})
_JOINERS = frozenset({",", "و"})


def coordinated(toks, k: int, hi: int, kinds) -> tuple[list, int]:
    """The mentions of ``kinds`` coordinated from token ``k``: ``X و Y``، ``X، Y و Z``، ``X وY`` (a mention may
    start after the proclitic و of its first token), each item after an optional state head noun
    (``ITEM_HEADS``: حكومة إسبانيا والجماعة). Returns (the mentions in order, one past the list's last token);
    ([], k) when no item starts at ``k``. Anything else between two items ends the list."""
    out, j = [], k
    while j < hi:
        c = j
        while c < hi and toks.tokens[c].norm.removeprefix("و") in ITEM_HEADS:
            c += 1
        m = starting(toks, c, kinds)
        if m is None or (out and not _joined(toks, out[-1], j)):
            break
        out.append(m)
        j = toks.index_at(m.end - 1) + 1
        while j < hi and toks.tokens[j].norm in _JOINERS:
            j += 1
    end = toks.index_at(out[-1].end - 1) + 1 if out else k
    return out, end


def _joined(toks, prev, c: int) -> bool:
    """The item starting at token ``c`` follows the previous one after a joiner: ، or و (its own token, or the
    proclitic of the item's first word); nothing else between them."""
    between = toks.text[prev.end:toks.tokens[c].start]
    if between.strip(" ،,و"):
        return False
    return any(ch in between for ch in "،,و") or toks.tokens[c].norm.startswith("و")
