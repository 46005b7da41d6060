"""Mention precision and recall of the matcher against hand-annotated paragraphs of both reports.

The annotations (tests/data/annotated_mentions.json) were made by reading each paragraph; see the
file's "convention". A found mention matches an annotated one when the entity is the same (persons:
the kind) and the spans overlap; exact-span figures are printed too. Topics and events are not
annotated, so mentions of those kinds are left out of the comparison. The scoring itself is
``quality_scoring.score_mentions``.
"""
import json

import pytest

from gold_facts import real_matcher
from graph_builder.text.corpus import read_corpus
from graph_builder.recognise.matcher import mentions_in

from entity_fixtures import CORPUS
from quality_scoring import ANNOTATIONS, MENTION_KINDS, gold_spans, score_mentions

@pytest.fixture(scope="module")
def evaluation():
    matcher = real_matcher()
    docs = {d.slug: d for d in read_corpus(CORPUS)}
    mentions = {slug: mentions_in(d, matcher) for slug, d in docs.items()}
    return score_mentions(docs, mentions)


def test_annotations_cover_both_reports():
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    paras = annotations["paragraphs"]
    assert len(paras) >= 30
    assert {p["document"] for p in paras} == {"2008-sg-report-international-migration-and-development",
                                              "2011-gfmd-swiss-chair-report"}
    docs = {d.slug: d for d in read_corpus(CORPUS)}
    for p in paras:                          # every annotated surface is really in its paragraph, in order
        gold_spans(docs[p["document"]].paragraph(p["paragraph"]).text, p["mentions"])
        assert all(m["entity"] == "person" or m["entity"].split("/")[0] in MENTION_KINDS for m in p["mentions"])


def test_mention_precision_and_recall(evaluation):
    score = evaluation
    print("\n" + "\n".join(score.lines()))
    assert score.precision >= 0.95
    assert score.recall >= 0.95
