"""``mdkg explain IRI``: everything the store knows about one resource, with where each fact came from.

Reads only; prints labels and types, then every triple with the resource as subject or object,
grouped by named graph, each followed by its evidence (rule, confidence, paragraph number and
the start of the paragraph text) when the triple is an extracted fact.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..namespaces import MDKG, OA, PREFIXES, RDF
from ..build.store import open_read_only

_EVIDENCE = """
SELECT ?s ?p ?o ?rule ?conf ?src ?n ?order ?text WHERE {
  GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             prov:wasDerivedFrom ?src ; mdkg:rule ?rule ; mdkg:confidence ?conf . }
  OPTIONAL { ?src mdkg:paragraphNumber ?n }
  OPTIONAL { ?src mdkg:order ?order }
  OPTIONAL { ?src mdkg:text ?text }
} ORDER BY ?n ?order"""


def short(term, prefixes=PREFIXES) -> str:
    if isinstance(term, ox.NamedNode):
        for p, ns in prefixes.items():
            if term.value.startswith(ns):
                return f"{p}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return f'"{term.value}"' + (f"@{term.language}" if term.language else "")
    return str(term)


def evidence(st: ox.Store, s, p, o) -> list[str]:
    rows = st.query(_EVIDENCE, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions={
        ox.Variable("s"): s, ox.Variable("p"): p, ox.Variable("o"): o})
    out = []
    for r in rows:
        n = r["n"].value if r["n"] else f"#{r['order'].value}" if r["order"] else "?"
        text = (r["text"].value[:90] + "…") if r["text"] else ""
        out.append(f"      ← ¶{n} [{r['rule'].value} {float(r['conf'].value):.2f}] {r['src'].value}\n        {text}")
    return out


def explain(store: Path, iri: str) -> str:
    st = open_read_only(store)
    node = ox.NamedNode(iri)
    lines = [iri]
    skip = {RDF.subject, RDF.object}
    for direction, quads in (("→", st.quads_for_pattern(node, None, None, None)),
                             ("←", st.quads_for_pattern(None, None, node, None))):
        by_graph: dict[str, list] = {}
        for q in quads:
            if q.predicate in skip or direction == "←" and q.predicate in (MDKG.mentions, OA.hasBody):
                continue
            by_graph.setdefault(q.graph_name.value if hasattr(q.graph_name, "value") else "default", []).append(q)
        for graph, qs in sorted(by_graph.items()):
            lines.append(f"  [{graph}]")
            for q in qs:
                other = q.object if direction == "→" else q.subject
                lines.append(f"    {direction} {short(q.predicate)} {short(other)}")
                lines.extend(evidence(st, q.subject, q.predicate, q.object))
    mentions = list(st.query("SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p mdkg:mentions ?e } GROUP BY ?e", prefixes=PREFIXES,
                             use_default_graph_as_union=True, substitutions={ox.Variable("e"): node}))
    count = mentions[0]["n"].value if mentions else "0"
    lines.append(f"  mentioned in {count} paragraphs/footnotes/headings")
    if len(lines) == 2 and count == "0":
        return f"{iri}: nothing known about this IRI in {store}"
    return "\n".join(lines)
