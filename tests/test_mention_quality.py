"""Mention precision and recall of the matcher against hand-annotated paragraphs of both reports.

The annotations (tests/data/annotated_mentions.json) were made by reading each paragraph; see the
file's "convention". A found mention matches an annotated one when the entity is the same (persons:
the kind) and the spans overlap; exact-span figures are printed too. Topics and events are not
annotated, so mentions of those kinds are left out of the comparison.
"""
import json
from pathlib import Path

import pytest

from graph_builder.corpus import read_corpus
from graph_builder.gazetteer import load_gazetteer
from graph_builder.matcher import Matcher, mentions_in
from graph_builder.resources import data_dir

from entity_fixtures import CORPUS

ANNOTATIONS = Path(__file__).resolve().parent / "data" / "annotated_mentions.json"
KINDS = {"state", "org", "process", "body", "place", "region", "person", "publication"}
GAZETTEER_FILES = ("organizations.toml", "un_entities.toml", "places.toml", "processes.toml", "regions.toml",
                   "states.toml")


def entity_id(entity) -> str:
    return "person" if entity.kind == "person" else f"{entity.kind}/{entity.slug}"


def gold_spans(text: str, mentions: list[dict]) -> list[tuple[int, int, str, bool]]:
    """Locate each annotated surface in ``text``, in the order listed (the order of the text)."""
    out, pos = [], 0
    for m in mentions:
        start = text.find(m["surface"], pos)
        assert start >= 0, f"annotated surface {m['surface']!r} not found after offset {pos}"
        out.append((start, start + len(m["surface"]), m["entity"], bool(m.get("short"))))
        pos = start + len(m["surface"])
    return out


def score(gold, found):
    """(true positives by overlap, exact-span true positives); each gold span used once."""
    used, tp, exact = set(), 0, 0
    for s, e, ent in found:
        for i, (gs, ge, gent, _) in enumerate(gold):
            if i not in used and gent == ent and s < ge and gs < e:
                used.add(i)
                tp += 1
                exact += (s, e) == (gs, ge)
                break
    return tp, exact, used


@pytest.fixture(scope="module")
def evaluation():
    directory = data_dir("gazetteer")
    missing = [f for f in GAZETTEER_FILES if not (directory / f).is_file()]
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    matcher = Matcher(load_gazetteer())
    docs = {d.slug: d for d in read_corpus(CORPUS)}
    mentions = {slug: mentions_in(d, matcher) for slug, d in docs.items()}
    totals = {"gold": 0, "found": 0, "tp": 0, "exact": 0, "gold_named": 0, "tp_named": 0}
    errors = []
    for item in annotations["paragraphs"]:
        para = docs[item["document"]].paragraph(item["paragraph"])
        gold = gold_spans(para.text, item["mentions"])
        found = [(m.start, m.end, entity_id(m.entity)) for m in mentions[item["document"]]
                 if m.source is para and m.entity.kind in KINDS]
        tp, exact, used = score(gold, found)
        totals["gold"] += len(gold)
        totals["found"] += len(found)
        totals["tp"] += tp
        totals["exact"] += exact
        totals["gold_named"] += sum(1 for g in gold if not g[3])
        totals["tp_named"] += sum(1 for i in used if not gold[i][3])
        missed = [(para.text[g[0]:g[1]], g[2]) for i, g in enumerate(gold) if i not in used]
        extra = [(para.text[s:e], ent) for s, e, ent in found
                 if not any(ent == g[2] and s < g[1] and g[0] < e for g in gold)]
        if missed or extra:
            errors.append((item["document"][:4], item["paragraph"], missed, extra))
    return totals, errors, missing, len(annotations["paragraphs"])


def test_annotations_cover_both_reports():
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    paras = annotations["paragraphs"]
    assert len(paras) >= 30
    assert {p["document"] for p in paras} == {"2008-sg-report-international-migration-and-development",
                                              "2011-gfmd-swiss-chair-report"}
    docs = {d.slug: d for d in read_corpus(CORPUS)}
    for p in paras:                          # every annotated surface is really in its paragraph, in order
        gold_spans(docs[p["document"]].paragraph(p["paragraph"]).text, p["mentions"])
        assert all(m["entity"] == "person" or m["entity"].split("/")[0] in KINDS for m in p["mentions"])


def test_mention_precision_and_recall(evaluation):
    totals, errors, missing, n_paras = evaluation
    precision = totals["tp"] / totals["found"] if totals["found"] else 0.0
    recall = totals["tp"] / totals["gold"]
    recall_named = totals["tp_named"] / totals["gold_named"]
    exact_p = totals["exact"] / totals["found"] if totals["found"] else 0.0
    exact_r = totals["exact"] / totals["gold"]
    print(f"\n{n_paras} paragraphs, {totals['gold']} annotated mentions "
          f"({totals['gold_named']} named, {totals['gold'] - totals['gold_named']} short forms), "
          f"{totals['found']} found")
    print(f"overlap match: precision {precision:.3f}  recall {recall:.3f}  (named only: recall {recall_named:.3f})")
    print(f"exact spans:   precision {exact_p:.3f}  recall {exact_r:.3f}")
    for doc, n, missed, extra in errors:
        print(f"  {doc} ¶{n}: missed {missed} extra {extra}")
    if missing:
        pytest.skip(f"gazetteer files not written yet: {', '.join(missing)}")
    assert precision >= 0.95
    assert recall >= 0.95
