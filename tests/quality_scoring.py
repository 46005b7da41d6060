"""Scoring against the hand-checked gold files: mentions (tests/data/annotated_mentions.json), topic
facts (facts_gold_topics.json) and actor facts (facts_gold_actors.json).

The one place these scores are computed: test_mention_quality.py, test_facts_topics.py,
test_facts_actors.py and bench/quality.py all call it. (Events and commitments are scored by
``gold_facts.score``.) It runs nothing by itself and holds no state; the callers build
the gazetteer, the matcher and the facts.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph_builder.recognise.findings import Value
from graph_builder.text.model import Paragraph, Section

DATA = Path(__file__).resolve().parent / "data"
ANNOTATIONS = DATA / "annotated_mentions.json"
TOPICS_GOLD = DATA / "facts_gold_topics.json"
ACTORS_GOLD = DATA / "facts_gold_actors.json"
MENTION_KINDS = frozenset({"state", "org", "process", "body", "place", "region", "person", "publication"})


@dataclass
class Score:
    found: int
    gold: int
    right: int                      # found facts that are in the gold list
    recalled: int                   # gold facts that were found
    false_positives: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: {self.found} found, {self.gold} gold, precision {self.precision:.3f}, "
                f"recall {self.recall:.3f}")


def where(evidence) -> str:
    """The gold files' name for a fact's evidence: paragraph number, ``section:N``, ``footnote:N``."""
    if isinstance(evidence, Paragraph):
        return str(evidence.number)
    return f"section:{evidence.order}" if isinstance(evidence, Section) else f"footnote:{evidence.order}"


# ---------------------------------------------------------------- topics

def score_topics(facts_by_doc: dict[str, list], gold_file: Path = TOPICS_GOLD) -> Score:
    """``addresses`` facts keyed (document, evidence, subject kind/slug, object kind/slug)."""
    gold = {(g["document"], str(g["paragraph"]), g["subject"], g["predicate"], g["object"])
            for g in json.loads(gold_file.read_text(encoding="utf-8"))["facts"]}
    got = {(doc, where(f.evidence), "/".join(f.subject.key), f.predicate, "/".join(f.object.key))
           for doc, facts in facts_by_doc.items() for f in facts}
    return Score(len(got), len(gold), len(got & gold), len(got & gold), sorted(got - gold), sorted(gold - got))


# ---------------------------------------------------------------- actors

def actor_entity(key: str) -> str:
    """kind/slug; a person by surname (the matcher may key a person by the surname it saw)."""
    kind, slug = key.split("/", 1)
    slug = re.sub(r"-+", "-", slug)
    return f"person/{slug.split('-')[-1]}" if kind == "person" else f"{kind}/{slug}"


def _actor_gold(gold_file: Path) -> list:
    out = []
    for g in json.loads(gold_file.read_text(encoding="utf-8"))["facts"]:
        obj = g["object"]
        key = (g["document"], str(g["paragraph"]), actor_entity(g["subject"]), g["predicate"])
        out.append((key, obj if isinstance(obj, dict) else actor_entity(obj)))
    return out


def _actor_matches(fact_key, fact_obj, gold) -> bool:
    for key, obj in gold:
        if key != fact_key:
            continue
        if isinstance(obj, dict):
            if isinstance(fact_obj, Value) and fact_obj.lexical.startswith(obj["value_startswith"]):
                return True
        elif not isinstance(fact_obj, Value) and actor_entity("/".join(fact_obj.key)) == obj:
            return True
    return False


def score_actors(facts_by_doc: dict[str, list], gold_file: Path = ACTORS_GOLD) -> Score:
    """Actor-structure facts; a role matches when it starts with the gold's ``value_startswith``."""
    gold = _actor_gold(gold_file)
    got = []
    for doc, facts in facts_by_doc.items():
        for f in facts:
            item = ((doc, where(f.evidence), actor_entity("/".join(f.subject.key)), f.predicate), f.object)
            if item not in got:
                got.append(item)
    right = [g for g in got if _actor_matches(g[0], g[1], gold)]
    found = [g for g in gold if any(_actor_matches(k, o, [g]) for k, o in got)]
    return Score(len(got), len(gold), len(right), len(found), [g for g in got if g not in right],
                 [g for g in gold if g not in found])


# ---------------------------------------------------------------- mentions

def mention_entity_id(entity) -> str:
    return "person" if entity.kind == "person" else f"{entity.kind}/{entity.slug}"


def gold_spans(text: str, mentions: list[dict]) -> list[tuple[int, int, str, bool]]:
    """Locate each annotated surface in ``text``, in the order listed (the order of the text)."""
    out, pos = [], 0
    for m in mentions:
        start = text.find(m["surface"], pos)
        if start < 0:
            raise ValueError(f"annotated surface {m['surface']!r} not found after offset {pos}")
        out.append((start, start + len(m["surface"]), m["entity"], bool(m.get("short"))))
        pos = start + len(m["surface"])
    return out


def _overlap_score(gold, found):
    """(true positives by overlap, exact-span true positives, used gold indexes); each gold span used once."""
    used, tp, exact = set(), 0, 0
    for s, e, ent in found:
        for i, (gs, ge, gent, _) in enumerate(gold):
            if i not in used and gent == ent and s < ge and gs < e:
                used.add(i)
                tp += 1
                exact += (s, e) == (gs, ge)
                break
    return tp, exact, used


@dataclass
class MentionScore:
    paragraphs: int
    gold: int
    gold_named: int
    found: int
    tp: int
    tp_named: int
    exact: int
    errors: list                    # (document, paragraph, missed [(surface, id)], extra [(surface, id)])

    @property
    def precision(self) -> float:
        return self.tp / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def recall_named(self) -> float:
        return self.tp_named / self.gold_named if self.gold_named else 0.0

    def lines(self) -> list[str]:
        out = [f"{self.paragraphs} paragraphs, {self.gold} annotated mentions ({self.gold_named} named, "
               f"{self.gold - self.gold_named} short forms), {self.found} found",
               f"overlap match: precision {self.precision:.3f}  recall {self.recall:.3f}  "
               f"(named only: recall {self.recall_named:.3f})",
               f"exact spans:   precision {self.exact / max(1, self.found):.3f}  "
               f"recall {self.exact / max(1, self.gold):.3f}"]
        out += [f"  {doc[:4]} ¶{n}: missed {missed} extra {extra}" for doc, n, missed, extra in self.errors]
        return out


def score_mentions(docs: dict, mentions_by_doc: dict[str, list], annotations: Path = ANNOTATIONS) -> MentionScore:
    """Found mentions of the annotated kinds against the annotated paragraphs (same entity, overlapping
    spans; persons by kind only)."""
    items = json.loads(annotations.read_text(encoding="utf-8"))["paragraphs"]
    total = MentionScore(len(items), 0, 0, 0, 0, 0, 0, [])
    for item in items:
        para = docs[item["document"]].paragraph(item["paragraph"])
        gold = gold_spans(para.text, item["mentions"])
        found = [(m.start, m.end, mention_entity_id(m.entity)) for m in mentions_by_doc[item["document"]]
                 if m.source is para and m.entity.kind in MENTION_KINDS]
        tp, exact, used = _overlap_score(gold, found)
        total.gold += len(gold)
        total.found += len(found)
        total.tp += tp
        total.exact += exact
        total.gold_named += sum(1 for g in gold if not g[3])
        total.tp_named += sum(1 for i in used if not gold[i][3])
        missed = [(para.text[g[0]:g[1]], g[2]) for i, g in enumerate(gold) if i not in used]
        extra = [(para.text[s:e], ent) for s, e, ent in found
                 if not any(ent == g[2] and s < g[1] and g[0] < e for g in gold)]
        if missed or extra:
            total.errors.append((item["document"], item["paragraph"], missed, extra))
    return total
