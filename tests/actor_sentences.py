"""Test helper: the actor facts of one sentence written for a test (one paragraph in one section)."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import actors
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def document_of(*paragraphs: str) -> Document:
    """A one-section document of the paragraphs written for a test."""
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    return Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])


def actor_facts(text: str, matcher, gazetteer):
    """(persons named, {(name, role)}, {(name, affiliation slug)}, {(member slug, group slug)})."""
    doc = document_of(text)
    ms = mentions_in(doc, matcher)
    facts = actors.extract(FactContext(doc, ms, gazetteer))
    persons = [m.entity.label_ar for m in ms if m.entity.kind == "person"]
    roles = {(f.subject.label_ar, f.object.lexical) for f in facts if f.predicate == "role"}
    affs = {(f.subject.label_ar, f.object.slug) for f in facts if f.predicate == "affiliation"}
    members = {(f.subject.slug, f.object.slug) for f in facts if f.predicate == "memberOf"}
    return persons, roles, affs, members
