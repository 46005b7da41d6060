"""The helpers the fact families share, on the real reports: session and cluster numbers of
headings, folded offsets, sentence ends, the Arabic names of an entity."""
from __future__ import annotations

import re

import pytest

from graph_builder.text.arabic import fold
from graph_builder.text.corpus import read_corpus
from graph_builder.facts.clause_subjects import Text
from graph_builder.facts.minting import View, arabic_names
from graph_builder.facts.sessions import cluster_number, session_number
from graph_builder.recognise.findings import Entity
from graph_builder.resources import default_corpus


@pytest.fixture(scope="module")
def docs():
    return {d.slug: d for d in read_corpus(default_corpus())}


def test_session_and_cluster_numbers_of_the_chair_report(docs):
    doc = docs["2011-gfmd-swiss-chair-report"]
    sessions = [session_number(fold(s.heading)) for s in doc.sections if s.heading.startswith("جلسة العمل")]
    assert sessions and all(sn is not None and sn[0] is not None for sn in sessions)
    # every working session has its own (group, number): the slugs they make do not collide
    assert len(set(sessions)) == len(sessions)
    clusters = [cluster_number(fold(s.heading)) for s in doc.sections if s.level == 2]
    assert sorted(n for n in clusters if n is not None)[:3] == [1, 2, 3]
    assert session_number(fold("جلسة العمل 2-1: الهجرة")) == (2, 1)
    assert session_number(fold("الجلسات الاستثنائية")) is None
    assert cluster_number(fold("المجموعة الثانية")) == 2


def test_folded_offset_is_the_first_folded_char_at_or_after(docs):
    para = next(p for p in docs["2008-sg-report-international-migration-and-development"].paragraphs
                if re.search("[\u064b-\u0652]", p.text))          # a paragraph with diacritics (dropped by folding)
    v = View.of(para.text)
    for pos in range(len(para.text) + 1):
        expected = next((i for i, st in enumerate(v.norm.starts) if st >= pos), len(v.folded))
        assert v.folded_offset(pos) == expected


def test_sentence_end_of_a_real_paragraph(docs):
    para = max(docs["2008-sg-report-international-migration-and-development"].paragraphs, key=lambda p: len(p.text))
    text = Text(para.text, [])
    spans = text.sentences()
    assert len(spans) > 1
    for s, e in spans:
        assert text.sentence_end(s) == e and text.sentence_end(e - 1) == e
    assert text.sentence_end(len(para.text) + 5) == len(para.text)


def test_arabic_names_keep_label_then_arabic_alternatives():
    ent = Entity(kind="org", slug="x", cls="Organization", label_ar="المنظمة",
                 alt_labels=(("Org", "en"), ("منظمة", "ar")))
    assert arabic_names(ent) == ["المنظمة", "منظمة"]
