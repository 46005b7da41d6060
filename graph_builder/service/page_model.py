"""What a linked-data page shows about one resource, computed with SPARQL SELECT queries.

``describe(select, iri, base, lang)`` returns a plain, JSON-ready dict (the page's JSON twin):
labels, types, codes, the facts with the resource as subject and as object grouped by
predicate, and the evidence paragraphs (from ``rdf:Statement``/``prov:wasDerivedFrom`` and from
``oa:Annotation`` targets) cut into segments so that mentions can be highlighted with their
``oa:TextPositionSelector`` offsets (Unicode code points). ``ontology_terms`` lists the terms of
the ontology graph. ``select`` is any callable running a SELECT text and returning SPARQL JSON
bindings (the service passes its executor); IRIs are put into query texts only after
pyoxigraph validated them. Nothing here talks HTTP or renders HTML.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

import pyoxigraph as ox

from graph_builder.namespaces import DCTERMS, MDKG, OA, OWL, PROV, RDF, RDFS, SKOS, PREFIXES
from graph_builder.service.iri_paths import link

Select = Callable[[str], list[dict]]
EVIDENCE_LIMIT = 60  # paragraphs of evidence shown on one page (all of them are in the RDF)
VALUES_CHUNK = 400
CODE_PREDICATES = (SKOS.notation.value, MDKG.m49Code.value, DCTERMS.identifier.value)
HIDDEN_INCOMING = (RDF.subject.value, RDF.object.value, OA.hasBody.value)
LABEL_PREDICATES = (SKOS.prefLabel.value, RDFS.label.value, DCTERMS.title.value)


def sparql_iri(iri: str) -> str:
    """``<iri>`` for a query text; raises ValueError for anything that is not a valid IRI."""
    return str(ox.NamedNode(iri))


def _values(iris: Iterable[str]) -> str:
    return " ".join(sparql_iri(i) for i in iris)


def _chunks(items: list[str], size: int = VALUES_CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def exists(select: Select, iri: str) -> bool:
    node = sparql_iri(iri)
    rows = select(f"SELECT ?x WHERE {{ {{ {node} ?p ?x }} UNION {{ ?x ?p {node} }} }} LIMIT 1")
    return bool(rows)


def curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def labels(select: Select, iris: Iterable[str]) -> dict[str, dict[str, str]]:
    """``{iri: {lang: label}}`` from skos:prefLabel, then rdfs:label, then dcterms:title."""
    found: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    wanted = sorted({i for i in iris if i})
    preds = _values(LABEL_PREDICATES)
    for chunk in _chunks(wanted):
        rows = select(f"SELECT ?x ?p ?l WHERE {{ VALUES ?x {{ {_values(chunk)} }} "
                      f"VALUES ?p {{ {preds} }} ?x ?p ?l FILTER(isLiteral(?l)) }}")
        for row in rows:
            lit = row["l"]
            lang = (lit.get("xml:lang") or "").split("-")[0].lower() or "none"
            rank = LABEL_PREDICATES.index(row["p"]["value"])
            old = found[row["x"]["value"]].get(lang)
            if old is None or (rank, lit["value"]) < old:
                found[row["x"]["value"]][lang] = (rank, lit["value"])
    return {iri: {lang: v for lang, (_, v) in by_lang.items()} for iri, by_lang in found.items()}


def pick_label(by_lang: dict[str, str] | None, lang: str, iri: str) -> str:
    by_lang = by_lang or {}
    for choice in (lang, "en", "ar", "none"):
        if by_lang.get(choice):
            return by_lang[choice]
    if by_lang:
        return next(iter(by_lang.values()))
    return curie(iri) if curie(iri) != iri else iri.rstrip("/").rsplit("/", 1)[-1]


def _term(term: dict) -> dict:
    out = {"type": term["type"], "value": term["value"]}
    if "xml:lang" in term:
        out["lang"] = term["xml:lang"]
    if "datatype" in term:
        out["datatype"] = term["datatype"]
    return out


class _Labeller:
    """Attaches labels and local page links to IRIs once all IRIs of a page are known."""

    def __init__(self, select: Select, base: str, lang: str):
        self.select, self.base, self.lang = select, base, lang
        self.iris: set[str] = set()

    def want(self, *iris: str) -> None:
        self.iris.update(i for i in iris if i)

    def finish(self) -> None:
        self.table = labels(self.select, self.iris)

    def node(self, term: dict) -> dict:
        out = _term(term)
        if term["type"] == "uri":
            out["label"] = pick_label(self.table.get(term["value"]), self.lang, term["value"])
            out["href"] = link(self.base, term["value"], self.lang)  # None: not a link
            out["local"] = out["href"] not in (None, term["value"])
        return out


def _grouped(rows: list[dict], key: str, value: str, labeller: _Labeller) -> list[dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    seen: set[tuple] = set()
    for row in rows:
        marker = (row[key]["value"], row[value]["type"], row[value]["value"],
                  row[value].get("xml:lang"))
        if marker not in seen:
            seen.add(marker)
            groups[row[key]["value"]].append(row[value])
    out = []
    for predicate, values in groups.items():
        values.sort(key=lambda t: (t["type"], t.get("xml:lang", ""), t["value"]))
        out.append({"predicate": labeller.node({"type": "uri", "value": predicate}),
                    "curie": curie(predicate), "values": [labeller.node(v) for v in values]})
    return out


def segments(text: str, spans: list[dict], focus: str | None) -> list[dict]:
    """``text`` cut into pieces; a piece covered by a mention span carries its entity IRI.

    Overlapping spans: the earlier (then the longer) one wins; spans outside the text are dropped.
    """
    chosen, end_of_last = [], 0
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if 0 <= span["start"] < span["end"] <= len(text) and span["start"] >= end_of_last:
            chosen.append(span)
            end_of_last = span["end"]
    out, pos = [], 0
    for span in chosen:
        if span["start"] > pos:
            out.append({"text": text[pos:span["start"]]})
        out.append({"text": text[span["start"]:span["end"]], "entity": span["entity"],
                    "focus": span["entity"] == focus})
        pos = span["end"]
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def _mention_spans(select: Select, paragraphs: list[str]) -> dict[str, list[dict]]:
    spans: dict[str, list[dict]] = defaultdict(list)
    for chunk in _chunks(paragraphs):
        rows = select(
            f"SELECT DISTINCT ?para ?body ?start ?end WHERE {{ VALUES ?para {{ {_values(chunk)} }} "
            f"?t {sparql_iri(OA.hasSource.value)} ?para ; {sparql_iri(OA.hasSelector.value)} ?sel . "
            f"?a {sparql_iri(OA.hasTarget.value)} ?t ; {sparql_iri(OA.hasBody.value)} ?body . "
            f"?sel {sparql_iri(OA.start.value)} ?start ; {sparql_iri(OA.end.value)} ?end }}")
        for row in rows:
            spans[row["para"]["value"]].append({"entity": row["body"]["value"],
                                                "start": int(row["start"]["value"]),
                                                "end": int(row["end"]["value"])})
    return spans


def _passages(select: Select, paragraphs: list[str]) -> dict[str, dict]:
    found = {}
    for chunk in _chunks(paragraphs):
        rows = select(
            f"SELECT ?para ?text ?num ?order ?doc WHERE {{ VALUES ?para {{ {_values(chunk)} }} "
            f"?para {sparql_iri(MDKG.text.value)} ?text . "
            f"OPTIONAL {{ ?para {sparql_iri(MDKG.paragraphNumber.value)} ?num }} "
            f"OPTIONAL {{ ?para {sparql_iri(MDKG.order.value)} ?order }} "
            f"OPTIONAL {{ ?para {sparql_iri(MDKG.inDocument.value)} ?doc }} }}")
        for row in rows:
            found.setdefault(row["para"]["value"], {
                "text": row["text"]["value"],
                "number": row.get("num", {}).get("value"),
                "order": int(row["order"]["value"]) if "order" in row else 0,
                "document": row.get("doc", {}).get("value"),
            })
    return found


def _statements(select: Select, node: str) -> list[dict]:
    return select(
        f"SELECT ?st ?role ?p ?other ?para ?rule ?conf WHERE {{ "
        f"{{ ?st {sparql_iri(RDF.subject.value)} {node} ; {sparql_iri(RDF.object.value)} ?other . "
        f"BIND(\"subject\" AS ?role) }} UNION "
        f"{{ ?st {sparql_iri(RDF.object.value)} {node} ; {sparql_iri(RDF.subject.value)} ?other . "
        f"BIND(\"object\" AS ?role) }} "
        f"?st {sparql_iri(RDF.predicate.value)} ?p ; {sparql_iri(PROV.wasDerivedFrom.value)} ?para . "
        f"OPTIONAL {{ ?st {sparql_iri(MDKG.rule.value)} ?rule }} "
        f"OPTIONAL {{ ?st {sparql_iri(MDKG.confidence.value)} ?conf }} }}")


def _annotated_paragraphs(select: Select, node: str) -> list[str]:
    rows = select(f"SELECT DISTINCT ?para WHERE {{ ?a {sparql_iri(OA.hasBody.value)} {node} ; "
                  f"{sparql_iri(OA.hasTarget.value)} ?t . ?t {sparql_iri(OA.hasSource.value)} ?para }}")
    return [r["para"]["value"] for r in rows]


def describe(select: Select, iri: str, base: str, lang: str) -> dict:
    """The page model of ``iri`` (see the module docstring)."""
    node = sparql_iri(iri)
    out_rows = select(f"SELECT ?p ?o WHERE {{ {node} ?p ?o }}")
    in_rows = select(f"SELECT ?s ?p WHERE {{ ?s ?p {node} FILTER(?p NOT IN "
                     f"({', '.join(sparql_iri(p) for p in HIDDEN_INCOMING)})) }}")
    statements = _statements(select, node)
    own = _mention_spans(select, [iri])  # the resource itself is a text (paragraph, footnote...)
    evidence_paras = [r["para"]["value"] for r in statements] + _annotated_paragraphs(select, node)
    evidence_paras = [p for p in dict.fromkeys(evidence_paras) if p != iri]
    passages = _passages(select, evidence_paras + [iri])
    ordered = sorted((p for p in evidence_paras if p in passages),
                     key=lambda p: (passages[p]["document"] or "", passages[p]["order"], p))
    shown = ordered[:EVIDENCE_LIMIT]
    spans = _mention_spans(select, shown)
    spans.update(own)

    labeller = _Labeller(select, base, lang)
    labeller.want(iri, *(r["p"]["value"] for r in out_rows + in_rows))
    labeller.want(*(r["o"]["value"] for r in out_rows if r["o"]["type"] == "uri"))
    labeller.want(*(r["s"]["value"] for r in in_rows if r["s"]["type"] == "uri"))
    for row in statements:
        labeller.want(row["p"]["value"], row["other"]["value"] if row["other"]["type"] == "uri" else "")
    for para in shown + [iri]:
        labeller.want(para, passages.get(para, {}).get("document") or "")
        labeller.want(*(s["entity"] for s in spans.get(para, [])))
    labeller.finish()

    types = [labeller.node(r["o"]) for r in out_rows if r["p"]["value"] == RDF.type.value]
    codes = [{"predicate": curie(r["p"]["value"]), "value": r["o"]["value"]}
             for r in out_rows if r["p"]["value"] in CODE_PREDICATES]
    label_table = labeller.table.get(iri, {})

    def passage(para: str, claims: list[dict]) -> dict:
        info = passages[para]
        return {"paragraph": labeller.node({"type": "uri", "value": para}),
                "number": info["number"],
                "document": labeller.node({"type": "uri", "value": info["document"]})
                if info["document"] else None,
                "segments": [dict(s, **({"link": labeller.node({"type": "uri", "value": s["entity"]})}
                                        if "entity" in s else {}))
                             for s in segments(info["text"], spans.get(para, []), iri)],
                "claims": claims}

    claims_by_para: dict[str, list[dict]] = defaultdict(list)
    for row in statements:
        claims_by_para[row["para"]["value"]].append({
            "role": row["role"]["value"],
            "predicate": labeller.node(row["p"]),
            "other": labeller.node(row["other"]),
            "rule": row.get("rule", {}).get("value"),
            "confidence": row.get("conf", {}).get("value"),
        })
    incoming = _grouped([{"p": r["p"], "s": r["s"]} for r in in_rows], "p", "s", labeller)
    incoming.sort(key=lambda g: (g["predicate"]["value"] != MDKG.addresses.value, g["curie"]))
    outgoing = _grouped(out_rows, "p", "o", labeller)
    outgoing.sort(key=lambda g: g["curie"])
    return {
        "iri": iri,
        "lang": lang,
        "label": pick_label(label_table, lang, iri),
        "labels": [{"lang": k, "value": v} for k, v in sorted(label_table.items())],
        "types": types,
        "codes": codes,
        "outgoing": outgoing,
        "incoming": incoming,
        "addressed_by": next((g["values"] for g in incoming
                              if g["predicate"]["value"] == MDKG.addresses.value), []),
        "text": passage(iri, []) if iri in passages else None,
        "evidence": [passage(p, claims_by_para.get(p, [])) for p in shown],
        "evidence_total": len(ordered),
        "evidence_limit": EVIDENCE_LIMIT,
    }


def ontology_terms(select: Select, graph: str, lang: str) -> dict:
    """Classes and properties of the ontology graph with labels, definitions, hierarchy, domain/range."""
    ns = str(MDKG)
    rows = select(f"SELECT ?t ?p ?o WHERE {{ GRAPH {sparql_iri(graph)} {{ ?t ?p ?o "
                  f"FILTER(isIRI(?t) && STRSTARTS(STR(?t), \"{ns}\")) }} }}")
    terms: dict[str, dict] = {}
    for row in rows:
        term = terms.setdefault(row["t"]["value"], {"iri": row["t"]["value"], "types": set(),
                                                    "labels": {}, "comments": {}, "links": defaultdict(list)})
        p, o = row["p"]["value"], row["o"]
        if p == RDF.type.value:
            term["types"].add(curie(o["value"]))
        elif p in (SKOS.prefLabel.value, RDFS.label.value) and o["type"] == "literal":
            term["labels"].setdefault(o.get("xml:lang", ""), o["value"])
        elif p in (SKOS.definition.value, RDFS.comment.value) and o["type"] == "literal":
            term["comments"].setdefault(o.get("xml:lang", "en"), o["value"])
        elif o["type"] == "uri" and p in (RDFS.subClassOf.value, RDFS.subPropertyOf.value,
                                          RDFS.domain.value, RDFS.range.value):
            term["links"][curie(p)].append(o["value"])
    classes, properties, others = [], [], []
    for iri in sorted(terms):
        term = terms[iri]
        entry = {
            "iri": iri, "name": iri[len(ns):], "types": sorted(term["types"]),
            "label": term["labels"].get(lang) or term["labels"].get("en") or iri[len(ns):],
            "labels": term["labels"],
            "comment": term["comments"].get(lang) or term["comments"].get("en", ""),
            "links": {k: [{"iri": v, "label": curie(v),
                           "href": link("", v, lang)} for v in sorted(vs)]
                      for k, vs in sorted(term["links"].items())},
        }
        types = {_expand(t) for t in term["types"]}
        if OWL.Class.value in types or RDFS.Class.value in types:
            classes.append(entry)
        elif any(t.endswith("Property") for t in types):
            properties.append(entry)
        else:
            others.append(entry)
    return {"classes": classes, "properties": properties, "others": others}


def _expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES and local else name
