"""Test helper: the actor facts of one sentence written for a test (one paragraph in one section)."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import actors
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def actor_facts(text: str, matcher, gazetteer):
    """(persons named, {(name, role)}, {(name, affiliation slug)}, {(member slug, group slug)})."""
    sec = Section(heading="خبر", level=1, order=1, line=1)
    para = Paragraph(number=1, text=text, order=1, line=2, section=sec)
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=[para], sections=[sec])
    ms = mentions_in(doc, matcher)
    facts = actors.extract(FactContext(doc, ms, gazetteer))
    persons = [m.entity.label_ar for m in ms if m.entity.kind == "person"]
    roles = {(f.subject.label_ar, f.object.lexical) for f in facts if f.predicate == "role"}
    affs = {(f.subject.label_ar, f.object.slug) for f in facts if f.predicate == "affiliation"}
    members = {(f.subject.slug, f.object.slug) for f in facts if f.predicate == "memberOf"}
    return persons, roles, affs, members
