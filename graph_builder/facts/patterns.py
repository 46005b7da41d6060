"""Declarative token patterns (in the spirit of spaCy's ``Matcher``) over lexicon classes and entity types.

A pattern is a list of token specs (dicts, as written in ``lexicons/patterns.toml``); each spec
matches one token or a run of tokens:

* ``LEX = "host_verb"`` (or a list): a lexicon entry of that class (multi-word entries consume
  their words); ``FEAT = {tense = "past"}`` restricts it to entries with those features, and
  ``FUTURE = true/false`` to future (سـ) readings or not;
* ``ENT = "state"`` (or a list of entity kinds): the tokens of one entity mention of that kind;
* ``NORM = "في"`` (or a list): a token whose folded form is that word, article aside
  (``PRO = true`` also accepts it with a proclitic: ``بالرباط`` for ``NORM="الرباط"`` is not
  what this is for — use ENT for names);
* ``KIND = "number" | "punct" | "word"``; ``VALUE = "ordinal"``: the tokens of an ordinal
  (``الحادية عشرة``, read by ``graph_builder.values``); ``VALUE = "cardinal"``: the tokens of a
  cardinal number written in words (``عشرين``, ``خمسة وعشرون``, ``ألف``; its value is the payload);
* ``ANY = true``: any one token of the same sentence.

``OP`` repeats a spec: ``"?"`` (0 or 1), ``"*"`` (0 or more), ``"+"`` (1 or more); ``MAX`` bounds
``*``/``+`` (default 6). ``NAME`` captures the tokens the spec consumed. A pattern never crosses
a sentence boundary. :func:`matches` gives, for every start token, the longest match.

It knows no rule: ``rules.py`` pairs a pattern with the rule that reads its captures.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text.tokens import Tokens, strip_article
from ..text.word_classes import Lexicon

_KEYS = {"LEX", "FEAT", "FUTURE", "ENT", "NORM", "KIND", "VALUE", "ANY", "OP", "MAX", "NAME", "PRO"}


class PatternError(ValueError):
    """A malformed pattern: says which rule and which spec."""


@dataclass
class PatternMatch:
    start: int                                   # first token
    end: int                                     # one past the last token
    captures: dict = field(default_factory=dict)  # NAME → (i, j, payload): payload = LexMatch | Mention | None


def check(pattern: list[dict], where: str, lexicon: Lexicon) -> None:
    """Raise :class:`PatternError` for unknown keys, operators or lexicon classes."""
    if not pattern:
        raise PatternError(f"{where}: empty pattern")
    for n, spec in enumerate(pattern):
        bad = set(spec) - _KEYS
        if bad:
            raise PatternError(f"{where}: spec {n}: unknown key(s) {sorted(bad)}")
        if spec.get("OP", "") not in ("", "?", "*", "+"):
            raise PatternError(f"{where}: spec {n}: OP must be ?, * or +")
        for cls in _as_tuple(spec.get("LEX")):
            if cls not in lexicon.entries:
                raise PatternError(f"{where}: spec {n}: no lexicon class {cls!r}")


def _as_tuple(v) -> tuple:
    if v is None:
        return ()
    return tuple(v) if isinstance(v, (list, tuple)) else (v,)


class _Ctx:
    def __init__(self, toks: Tokens, lexicon: Lexicon, ordinals: list[tuple[int, int]],
                 cardinals: list[tuple[int, int, int]] = ()):
        self.toks, self.lex, self.ordinals, self.cardinals = toks, lexicon, ordinals, cardinals


def _cardinals(toks: Tokens) -> list[tuple[int, int, int]]:
    """(start, end, value) of the cardinal numbers written in words in the text (cached on ``toks``)."""
    if "cardinals" not in toks.cache:
        from ..values import find_ints
        toks.cache["cardinals"] = [(m.start, m.end, m.value) for m in find_ints(toks.text, words=True) if m.spelled]
    return toks.cache["cardinals"]


def _unit(spec: dict, c: _Ctx, i: int, sent: int) -> list[tuple[int, object]]:
    """(next index, payload) for each way ``spec`` matches once at token ``i``."""
    toks = c.toks.tokens
    if i >= len(toks) or toks[i].sent != sent:
        return []
    t = toks[i]
    if "KIND" in spec and t.kind != spec["KIND"]:
        return []
    if "NORM" in spec:
        words = {strip_article(w) for w in _as_tuple(spec["NORM"])}
        if strip_article(t.norm) not in words and t.norm not in words:
            if not (spec.get("PRO") and any(r.pro and strip_article(r.stem) in words for r in t.readings())):
                return []
    if "ENT" in spec:
        kinds = _as_tuple(spec["ENT"])
        out = []
        for m in t.ents:
            if m.entity.kind in kinds and m.start < t.end and c.toks.index_at(m.start) == i:
                j = i
                while j < len(toks) and toks[j].start < m.end:
                    j += 1
                out.append((j, m))
        return out
    if "LEX" in spec:
        out = []
        for lm in c.lex.match_at(c.toks, i, _as_tuple(spec["LEX"])):
            feats = spec.get("FEAT", {})
            if any(lm.feature(k) != v for k, v in feats.items()):
                continue
            if "FUTURE" in spec and lm.future != spec["FUTURE"]:
                continue
            out.append((lm.j, lm))
        return out
    if "VALUE" in spec:
        # (start, end, payload) of the values read in the text: a cardinal's payload is its value
        spans = c.cardinals if spec["VALUE"] == "cardinal" else [(s, e, None) for s, e in c.ordinals]
        for s, e, value in spans:
            if t.start <= s < t.end:
                j = i
                while j < len(toks) and toks[j].start < e:
                    j += 1
                return [(j, value)]
        return []
    return [(i + 1, None)]


def _match(pattern: list[dict], k: int, c: _Ctx, i: int, sent: int, caps: dict) -> list[tuple[int, dict]]:
    if k == len(pattern):
        return [(i, caps)]
    spec = pattern[k]
    op = spec.get("OP", "")
    lo = 0 if op in ("?", "*") else 1
    hi = 1 if op in ("", "?") else int(spec.get("MAX", 6))
    results = []
    # (position, count, first index, payload)
    frontier = [(i, 0, None)]
    reps = []
    for count in range(1, hi + 1):
        nxt = []
        for pos, _, payload in frontier:
            for j, pl in _unit(spec, c, pos, sent):
                if j > pos:
                    nxt.append((j, count, pl))
        if not nxt:
            break
        reps.extend(nxt)
        frontier = nxt
    options = ([(i, 0, None)] if lo == 0 else []) + reps
    for j, _count, payload in sorted(options, key=lambda o: -o[0]):
        caps2 = dict(caps)
        if "NAME" in spec and j > i:
            caps2[spec["NAME"]] = (i, j, payload)
        results.extend(_match(pattern, k + 1, c, j, sent, caps2))
        if results:
            break
    return results


def matches(pattern: list[dict], toks: Tokens, lexicon: Lexicon, start: int = 0, end: int | None = None,
            ordinals: list[tuple[int, int]] | None = None) -> list[PatternMatch]:
    """Longest, non-overlapping matches of ``pattern`` in tokens [start, end), left to right."""
    end = len(toks.tokens) if end is None else end
    if ordinals is None and any(s.get("VALUE") == "ordinal" for s in pattern):
        from ..values import find_ordinals
        if "ordinals" not in toks.cache:
            toks.cache["ordinals"] = find_ordinals(toks.text)
        ordinals = [(o.start, o.end) for o in toks.cache["ordinals"]]
    starts = _candidate_starts(pattern, toks, lexicon)
    if starts is None:
        starts = range(start, end)
    elif not starts:
        return []
    cardinals = _cardinals(toks) if any(s.get("VALUE") == "cardinal" for s in pattern) else []
    c = _Ctx(toks, lexicon, ordinals or [], cardinals)
    out, i = [], start
    for p in starts:
        if p < i:
            continue
        if p >= end:
            break
        res = _match(pattern, 0, c, p, toks.tokens[p].sent, {})
        res = [r for r in res if p < r[0] <= end]
        if res:
            j, caps = max(res, key=lambda r: r[0])
            out.append(PatternMatch(p, j, caps))
            i = j
    return out


def _required(spec: dict) -> bool:
    return spec.get("OP", "") in ("", "+")


def _spec_starts(spec: dict, toks: Tokens, lexicon: Lexicon) -> list[int] | None:
    """The tokens at which a LEX or ENT spec can match once (None for other specs: any token)."""
    if "LEX" in spec:
        return lexicon.positions(toks, _as_tuple(spec["LEX"]))
    if "ENT" in spec:
        kinds = _as_tuple(spec["ENT"])
        tokens, out = toks.tokens, set()
        for m in toks.mentions:
            if m.entity.kind in kinds:
                i = toks.index_at(m.start)
                if i < len(tokens) and tokens[i].start < m.end:
                    out.add(i)
        return sorted(out)
    return None


def _candidate_starts(pattern: list[dict], toks: Tokens, lexicon: Lexicon) -> list[int] | None:
    """A prefilter, exact by construction: ``[]`` when a spec the pattern requires (no ``?``/``*``)
    matches nowhere in the text; else the tokens its first spec can match at when that spec is
    required (a match cannot start elsewhere); None when any token may start one."""
    first = None
    for k, spec in enumerate(pattern):
        if not _required(spec):
            continue
        found = _spec_starts(spec, toks, lexicon)
        if found is not None and not found:
            return []
        if k == 0:
            first = found
    return first

