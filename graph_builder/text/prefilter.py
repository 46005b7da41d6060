"""A cheap, exact prefilter for compiled regular expressions: the literal strings one of which every
match must contain.

:func:`required_literals` reads a compiled pattern's parse tree (the standard library's own parser,
``re._parser``) and returns a set of strings such that any match of the pattern contains at least
one of them, or ``None`` when it cannot say (a pattern that may match without any fixed text, case-
insensitive parts, too many alternatives). :func:`may_match` is then a substring test: when it is
False the pattern has no match anywhere in the text, so a rule scanning the text with it can skip
the scan. The analysis only uses what the parser guarantees (consecutive literal characters of a
sequence, every branch of an alternation, a group or a repeat of at least one), so it never says
"no" to a text the pattern matches (``tests/test_prefilter.py`` checks that on the rule patterns).

It does not match anything itself and knows no rule.
"""
from __future__ import annotations

import re

try:                                # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:                 # pragma: no cover - older Pythons
    import sre_constants as _c      # type: ignore[no-redef]
    import sre_parse as _p          # type: ignore[no-redef]

MAX_ALTERNATIVES = 64               # a larger set costs more substring tests than the scan it saves

_MEMO: dict[int, tuple[re.Pattern, frozenset | None]] = {}


def required_literals(pattern: re.Pattern) -> frozenset | None:
    """Strings one of which every match of ``pattern`` contains (None: no such set is known).
    Memoised per pattern object."""
    hit = _MEMO.get(id(pattern))
    if hit is not None and hit[0] is pattern:
        return hit[1]
    found = None
    if isinstance(pattern.pattern, str) and not pattern.flags & re.IGNORECASE:
        try:
            found = _sequence(_p.parse(pattern.pattern, pattern.flags))
        except Exception:           # noqa: BLE001 - an unexpected tree: no prefilter, never a wrong one
            found = None
    if found is not None and (not found or "" in found or len(found) > MAX_ALTERNATIVES):
        found = None
    if len(_MEMO) > 4096:
        _MEMO.clear()
    _MEMO[id(pattern)] = (pattern, found)
    return found


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text``."""
    lits = required_literals(pattern)
    return lits is None or any(s in text for s in lits)


def _better(a: frozenset | None, b: frozenset | None) -> frozenset | None:
    """The more selective of two necessary sets: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items) -> frozenset | None:
    best, run = None, []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def _item(op, av) -> frozenset | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(sub)
    if op is _c.BRANCH:
        out: set = set()
        for branch in av[1]:
            lits = _sequence(branch)
            if lits is None:
                return None
            out |= lits
            if len(out) > MAX_ALTERNATIVES:
                return None
        return frozenset(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _sequence(sub) if lo >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    return None                     # classes, lookarounds, anchors, backreferences, conditionals
