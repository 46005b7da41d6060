"""The registry of fact rules: every rule an object with its id, what it produces, its confidence,
and what it reads; token-pattern rules come from ``lexicons/patterns/*.toml``.

How to add a rule
-----------------
1. **Words first.** A new way of writing a relation is usually a lexicon entry, not a rule: add the
   form to its class in ``lexicons/*.toml`` (``host_verb``, ``chair_verb``, ``planned_marker`` …).
   A slip of one document goes to ``lexicons/known_slips.toml``, never into code.
2. **A pattern when words in order say it.** Add a table to ``lexicons/patterns/<family>.toml``::

       [rules."event.host-verb"]
       family = "events"
       produces = ["hostedBy"]
       confidence = 0.85
       description = "HOST_VERB ENTITY: the state or organisation after a hosting verb hosts the meeting"
       pattern = [ {LEX = "host_verb", NAME = "verb"}, {ENT = ["state", "org", "place"], NAME = "host"} ]

   Specs are described in ``patterns.py`` (LEX, FEAT, ENT, NORM, KIND, VALUE, ANY, OP, NAME).
3. **Python only for what a pattern cannot say** (which meeting a host belongs to, the status of a
   clause): write a handler in the family module and register it::

       @handler("event.host-verb")
       def _host(ctx, src, toks, match): ...   # yields Fact objects

   or, for a rule with no pattern, ``register(Rule(...))`` and use ``RULE = registry.get(id)``
   for its confidence. :func:`run_patterns` applies every pattern rule of a family to every
   source's tokens and calls its handler.
4. **Test it** on sentences you write in several registers (UN, Maghrebi, Gulf, Egyptian,
   Levantine press) with the negative cases, in ``tests/test_rules_<family>.py``.

Rules written before this interface keep their ``RULES`` tables; :func:`register_table` adds them
to the registry (reads = ``("regex",)``) so every rule id has one entry.

It makes no fact by itself and names no document, paragraph or answer.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..resources import data_dir
from ..text.word_classes import Lexicon, load as load_lexicon
from .patterns import PatternError, PatternMatch, check, matches

PATTERNS_DIR = "patterns"                 # lexicons/patterns/*.toml, one file per family


@dataclass(frozen=True)
class Rule:
    """One rule: id (``family.name``), the predicates it produces, its confidence, what it reads."""

    id: str
    produces: tuple[str, ...]
    confidence: float
    reads: tuple[str, ...]
    description: str
    family: str = ""
    pattern: tuple = ()                 # token specs (patterns.py), () for a Python-only rule
    source: str = ""                    # the file a pattern rule was read from

    def __post_init__(self):
        if not 0.0 < self.confidence <= 1.0:
            raise ValueError(f"rule {self.id}: confidence {self.confidence} outside (0, 1]")
        if "." not in self.id:
            raise ValueError(f"rule {self.id}: ids are family.name")


@dataclass
class Registry:
    """Rules by id; a second rule with an id already taken is an error."""

    rules: dict = field(default_factory=dict)
    handlers: dict = field(default_factory=dict)

    def add(self, rule: Rule) -> Rule:
        old = self.rules.get(rule.id)
        if old is not None and old != rule:
            raise ValueError(f"rule id {rule.id!r} registered twice ({old.source or old.family}, {rule.source or rule.family})")
        self.rules[rule.id] = rule
        return rule

    def get(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise KeyError(f"no rule {rule_id!r}") from None

    def confidence(self, rule_id: str) -> float:
        return self.get(rule_id).confidence

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self.rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())

    def of_family(self, family: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.family == family]


REGISTRY = Registry()


def register(rule: Rule) -> Rule:
    return REGISTRY.add(rule)


def register_once(rule_id: str, produces: tuple, confidence: float, reads: tuple, description: str,
                  family: str) -> Rule:
    """Register a Python-only rule when its module is first imported (a second import keeps the first)."""
    return REGISTRY.rules.get(rule_id) or REGISTRY.add(Rule(rule_id, produces, confidence, reads, description, family))


def register_table(family: str, table: dict, produces: dict | None = None) -> None:
    """Add a legacy ``RULES`` table (id → (description, confidence)) to the registry."""
    produces = produces or {}
    for rid, (desc, conf) in table.items():
        if rid not in REGISTRY:
            REGISTRY.add(Rule(rid, tuple(produces.get(rid, ())), conf, ("regex",), desc, family))


def handler(rule_id: str) -> Callable:
    """Decorator: the Python function that turns matches of pattern rule ``rule_id`` into facts."""
    def deco(fn):
        REGISTRY.handlers[rule_id] = fn
        return fn
    return deco


def read_patterns(path: Path, lexicon: Lexicon) -> list[Rule]:
    """The pattern rules of one file, checked against the lexicon (errors name the file and rule)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise PatternError(f"{path}: {err}") from err
    out = []
    for rid, t in data.get("rules", {}).items():
        where = f"{path}: rule {rid}"
        for key in ("family", "produces", "confidence", "description", "pattern"):
            if key not in t:
                raise PatternError(f"{where}: missing {key!r}")
        check(t["pattern"], where, lexicon)
        reads = sorted({c for s in t["pattern"] for c in _names(s.get("LEX"))}
                       | {f"entity:{k}" for s in t["pattern"] for k in _names(s.get("ENT"))}
                       | set(t.get("reads", [])))
        out.append(Rule(rid, tuple(t["produces"]), float(t["confidence"]), tuple(reads), t["description"],
                        t["family"], tuple(dict(s) for s in t["pattern"]), str(path.name)))
    return out


def _names(v) -> tuple:
    return () if v is None else tuple(v) if isinstance(v, list) else (v,)


@lru_cache(maxsize=2)
def pattern_rules(directory: str | None = None) -> tuple[Rule, ...]:
    """The pattern rules of ``lexicons/patterns/*.toml``, registered once."""
    folder = Path(directory) if directory else data_dir("lexicons")
    lexicon = load_lexicon(folder / "classes")
    rules = tuple(r for path in sorted((folder / PATTERNS_DIR).glob("*.toml")) for r in read_patterns(path, lexicon))
    for r in rules:
        REGISTRY.add(r)
    return rules


def run_patterns(ctx, family: str, sources: Iterable | None = None) -> Iterator:
    """Apply every pattern rule of ``family`` to each source's tokens; yield its handler's facts."""
    rules = [r for r in pattern_rules() if r.family == family]
    if not rules:
        return
    lexicon = load_lexicon()
    for src in sources if sources is not None else ctx.sources():
        toks = ctx.tokens(src)
        for r in rules:
            fn = REGISTRY.handlers.get(r.id)
            if fn is None:
                raise LookupError(f"pattern rule {r.id} ({r.source}) has no handler")
            for m in matches(list(r.pattern), toks, lexicon):
                yield from fn(ctx, src, toks, m, r)


__all__ = ["Rule", "Registry", "REGISTRY", "register", "register_once", "register_table", "handler", "pattern_rules",
           "run_patterns", "PatternMatch"]
