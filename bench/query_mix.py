"""The query mix of the endpoint benchmarks: the named queries, or a fixed mix of research queries.

``query_mix(queries_dir)`` returns the texts of ``queries/*.rq`` that any SPARQL 1.1 engine
can run (no call of an ``mdkg:`` extension function; parameters are left unbound, which is
valid SPARQL and asks the broad question), when there are at least ``MIN_NAMED`` of them;
otherwise the fixed research mix below (written against the public vocabulary). The same
texts go to every endpoint compared. It does not run anything.
"""
from __future__ import annotations

import re
from pathlib import Path

MIN_NAMED = 5

PREFIXES = """PREFIX mdkg: <https://w3id.org/mdkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

RESEARCH = [
    # paragraphs per report
    "SELECT ?d (COUNT(?p) AS ?n) WHERE { ?p a mdkg:Paragraph ; mdkg:inDocument ?d } GROUP BY ?d",
    # regional consultative processes and the topics they address
    "SELECT DISTINCT ?p WHERE { ?p a mdkg:RegionalConsultativeProcess ; mdkg:addresses ?t . "
    "?t skos:notation \"remittances\" }",
    # UN entities working on trafficking
    "SELECT DISTINCT ?x WHERE { ?x a mdkg:UNEntity ; mdkg:addresses ?t . ?t skos:notation \"trafficking\" }",
    # cities of GFMD meetings (property path)
    "SELECT DISTINCT ?c WHERE { ?g skos:notation \"GFMD\" . ?m mdkg:partOf+ ?g ; mdkg:location ?c }",
    # most mentioned states
    "SELECT ?s (COUNT(?p) AS ?n) WHERE { ?p mdkg:mentions ?s . ?s a mdkg:State } GROUP BY ?s "
    "ORDER BY DESC(?n) LIMIT 20",
    # paragraphs naming IOM, with their text
    "SELECT ?p ?t WHERE { ?o skos:notation \"IOM\" . ?p mdkg:mentions ?o ; mdkg:text ?t } LIMIT 50",
    # meetings with date and place
    "SELECT ?m ?start ?place WHERE { ?m a mdkg:Meeting . OPTIONAL { ?m mdkg:startDate ?start } "
    "OPTIONAL { ?m mdkg:location ?place } } ORDER BY ?start LIMIT 200",
    # facts with their evidence
    "SELECT ?s ?p ?o ?par ?rule WHERE { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; "
    "rdf:object ?o ; prov:wasDerivedFrom ?par ; mdkg:rule ?rule } LIMIT 200",
    # topics by number of actors, processes and events addressing them
    "SELECT ?t (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x mdkg:addresses ?t } GROUP BY ?t ORDER BY DESC(?n)",
    # paragraphs containing a word (a scan of all texts)
    "SELECT ?p WHERE { ?p a mdkg:Paragraph ; mdkg:text ?t FILTER(CONTAINS(STR(?t), \"التحويلات\")) }",
    # bilingual labels of regional processes
    "SELECT ?e ?en ?ar WHERE { ?e a mdkg:RegionalConsultativeProcess ; skos:prefLabel ?en, ?ar "
    "FILTER(lang(?en) = \"en\" && lang(?ar) = \"ar\") }",
    # commitments and who adopted them
    "SELECT ?c ?by ?date WHERE { ?c mdkg:adoptedBy ?by . OPTIONAL { ?c mdkg:dateAdopted ?date } } LIMIT 100",
]


def research_mix() -> list[str]:
    return [PREFIXES + q for q in RESEARCH]


def portable(text: str) -> bool:
    """True when the query calls no ``mdkg:`` extension function (other engines lack them)."""
    return re.search(r"mdkg:\w+\s*\(", text) is None


def query_mix(queries_dir: Path) -> tuple[str, list[str]]:
    """``(name of the mix, query texts)``."""
    named = []
    if queries_dir.is_dir():
        for path in sorted(queries_dir.glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            if portable(text):
                named.append(text)
    if len(named) >= MIN_NAMED:
        return f"named queries ({len(named)} of {queries_dir})", named
    return f"fixed research mix ({len(RESEARCH)} queries; only {len(named)} named queries found)", research_mix()
