"""A VoID + DCAT description of the dataset in a store, as pyoxigraph triples.

:func:`void_quads` describes the whole dataset (``void:Dataset`` and ``dcat:Dataset``):
bilingual title and description, licence, SPARQL endpoint, statistics (triples, entities,
classes, properties, distinct subjects/objects), one ``void:subset`` per named graph with its
own statistics, class partitions, example resources (the most mentioned state, process and
topic), the dump files (``void:dataDump`` and ``dcat:distribution`` with download URL, media
type, byte size, checksum), the vocabularies used, and how to join the data with other UN
datasets: states carry ``mdkg:m49Code`` (a ``void:propertyPartition`` with a comment on the
join), and UN document symbols resolve at undocs.org (a ``void:Linkset`` over
``rdfs:seeAlso``). Every figure is computed from the store; nothing about the corpus is
written here. It neither serves the description (the service does) nor writes the dumps.
"""
from __future__ import annotations

from typing import Mapping

import pyoxigraph as ox

from ..namespaces import DCAT, DCTERMS, MDKG, PREFIXES, PROV, RDF, RDFS, SD, VOID, XSD, Base, Namespace
from .dumps import FORMATS, graph_stem, named_graphs
from .netexport import entity_classes

CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"
IANA = Namespace("https://www.iana.org/assignments/media-types/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
UNDOCS = "https://undocs.org/"
TITLE = {"en": "MDKG: Migration and Development Knowledge Graph",
         "ar": "الرسم البياني المعرفي للهجرة والتنمية"}
DESCRIPTION = {
    "en": "Actors, cooperation processes, meetings, commitments and development topics extracted "
          "from Arabic United Nations reports on international migration and development, each "
          "statement with its evidence paragraph (one named graph per source report), plus the "
          "reference gazetteer, the ontology and the build provenance.",
    "ar": "الجهات الفاعلة وعمليات التعاون والاجتماعات والالتزامات ومواضيع التنمية المستخرجة من تقارير "
          "الأمم المتحدة العربية بشأن الهجرة الدولية والتنمية، مع الفقرة التي تستند إليها كل عبارة "
          "(رسم بياني مسمى لكل تقرير مصدر)، إضافة إلى المعجم المرجعي والأنطولوجيا وسجل البناء.",
}
M49_JOIN = (
    "Joining other UN datasets: every state carries mdkg:m49Code, its UN M49 numeric area code as a "
    "3-character string with leading zeros (e.g. \"004\"), and skos:notation, its ISO 3166-1 alpha-3 "
    "code. UNdata, the UN SDG Global Database (geoAreaCode) and the UN DESA International Migrant "
    "Stock tables are keyed on M49; some of them print the code without leading zeros, so compare "
    "as integers (xsd:integer(?m49) in SPARQL) or left-pad to three digits before joining, e.g. "
    "SELECT ?state ?m49 WHERE { ?state a mdkg:State ; mdkg:m49Code ?m49 }.")
UNDOCS_NOTE = ("Publications and resolutions with a UN document symbol carry dcterms:identifier (the "
               "symbol as printed) and rdfs:seeAlso <https://undocs.org/{symbol}>, the UN's resolver "
               "for document symbols (https://undocs.org/ar/{symbol} for the Arabic version).")
EXAMPLE_ROOTS = ("State", "Process", "Topic")


def _lit(text: str, lang: str = "") -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD.integer)


def _count(st: ox.Store, where: str, var: str = "?s", graph: ox.NamedNode | None = None) -> int:
    """``COUNT(DISTINCT var)`` over ``where``, in one named graph or the union of all graphs."""
    pattern = f"GRAPH <{graph.value}> {{ {where} }}" if graph is not None else where
    query = f"SELECT (COUNT(DISTINCT {var}) AS ?n) WHERE {{ {pattern} }}"
    row = next(iter(st.query(query, use_default_graph_as_union=graph is None)))
    return int(row["n"].value)


def statistics(st: ox.Store, base: Base, graph: ox.NamedNode | None = None) -> dict[str, int]:
    """VoID statistics of one named graph (or of the whole dataset when ``graph`` is None)."""
    space = base.iri + "id/"
    if graph is None:
        triples = len(st)
    else:  # a COUNT, so that a remote engine (graph_builder.service.remote_store) sends no triples
        triples = int(next(iter(st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> "
                                         f"{{ ?s ?p ?o }} }}")))["n"].value)
    a = f"<{RDF.iri('type')}>"
    return {
        "triples": triples,
        "entities": _count(st, f"?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"{space}\"))",
                           graph=graph),
        "classes": _count(st, f"?s {a} ?c", "?c", graph),
        "properties": _count(st, "?s ?p ?o", "?p", graph),
        "distinctSubjects": _count(st, "?s ?p ?o", "?s", graph),
        "distinctObjects": _count(st, "?s ?p ?o", "?o", graph),
    }


def _stat_triples(node, stats: dict[str, int]) -> list[ox.Triple]:
    return [ox.Triple(node, VOID[name], _int(value)) for name, value in stats.items()]


def dataset_iri(base: Base, name: str = "mdkg") -> ox.NamedNode:
    return base.id("dataset", name)


def example_resources(st: ox.Store, classes: Mapping[str, str]) -> list[ox.NamedNode]:
    """The most mentioned instance under each of State, Process and Topic (``classes``: class → root)."""
    out = []
    for name in EXAMPLE_ROOTS:
        wanted = MDKG.iri(name)
        values = " ".join(f"<{c}>" for c, root in sorted(classes.items()) if wanted in (c, root))
        query = (f"SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?e a ?c . "
                 f"OPTIONAL {{ ?p <{MDKG.iri('mentions')}> ?e }} }} GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1")
        rows = list(st.query(query, use_default_graph_as_union=True))
        if rows and isinstance(rows[0]["e"], ox.NamedNode):
            out.append(rows[0]["e"])
    return out


def _class_partitions(st: ox.Store, dataset: ox.NamedNode, classes: Mapping[str, str]) -> list[ox.Triple]:
    query = "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c ORDER BY ?c"
    out = []
    for row in st.query(query, use_default_graph_as_union=True):
        if row["c"].value not in classes:
            continue
        part = ox.NamedNode(f"{dataset.value}/class/{row['c'].value[len(str(MDKG)):]}")
        out += [ox.Triple(dataset, VOID.classPartition, part), ox.Triple(part, VOID["class"], row["c"]),
                ox.Triple(part, VOID.entities, _int(int(row["n"].value)))]
    return out


def _vocabularies(st: ox.Store) -> list[ox.NamedNode]:
    """The namespaces of :data:`PREFIXES` whose terms the store uses as predicates or classes."""
    used = [row["t"].value for row in st.query(
        "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }", use_default_graph_as_union=True)
        if isinstance(row["t"], ox.NamedNode)]
    spaces = sorted({ns for ns in PREFIXES.values() for t in used if t.startswith(ns)} - {str(XSD)})
    return [ox.NamedNode(ns) for ns in spaces]


def _modified(st: ox.Store) -> ox.Literal | None:
    query = (f"SELECT (MAX(?t) AS ?m) WHERE {{ ?a a <{PROV.iri('Activity')}> ; "
             f"<{PROV.iri('endedAtTime')}> ?t }}")
    rows = list(st.query(query, use_default_graph_as_union=True))
    return rows[0]["m"] if rows and rows[0]["m"] is not None else None


def _distribution(base: Base, entry: Mapping, url: str) -> tuple[ox.NamedNode, list[ox.Triple]]:
    node = base.id("distribution", entry["file"])
    triples = [
        ox.Triple(node, RDF.type, DCAT.Distribution),
        ox.Triple(node, DCTERMS.title, _lit(entry["file"])),
        ox.Triple(node, DCAT.downloadURL, ox.NamedNode(url)),
        ox.Triple(node, DCAT.accessURL, ox.NamedNode(url)),
        ox.Triple(node, DCTERMS["format"], IANA[entry["media_type"]]),
        ox.Triple(node, DCAT.mediaType, IANA[entry["media_type"]]),
        ox.Triple(node, DCAT.compressFormat, IANA["application/gzip"]),
    ]
    if entry.get("bytes") is not None:
        triples.append(ox.Triple(node, DCAT.byteSize,
                                 ox.Literal(str(entry["bytes"]), datatype=XSD.nonNegativeInteger)))
    if entry.get("sha256"):
        checksum = ox.NamedNode(node.value + "#sha256")
        triples += [ox.Triple(node, SPDX.checksum, checksum),
                    ox.Triple(checksum, RDF.type, SPDX.Checksum),
                    ox.Triple(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256),
                    ox.Triple(checksum, SPDX.checksumValue,
                              ox.Literal(entry["sha256"], datatype=XSD.hexBinary))]
    return node, triples


def _dumps(base: Base, dataset: ox.NamedNode, subsets: dict[str, ox.NamedNode], index: Mapping | None,
           dump_urls: Mapping[str, str]) -> list[ox.Triple]:
    entries = {e["file"]: e for e in (index or {}).get("files", [])}
    out = []
    for name, url in sorted(dump_urls.items()):
        entry = entries.get(name) or {"file": name, "media_type": _media_type(name)}
        target = subsets.get(entry.get("graph") or "", dataset)
        node, triples = _distribution(base, entry, url)
        out += triples + [ox.Triple(target, VOID.dataDump, ox.NamedNode(url)),
                          ox.Triple(target, DCAT.distribution, node)]
    return out


def _media_type(name: str) -> str:
    for ext, media_type, _ in FORMATS.values():
        if name.endswith(ext):
            return media_type
    return "application/octet-stream"


def dump_urls_for(index: Mapping, prefix: str) -> dict[str, str]:
    """``{file: prefix + file}`` for every dump the index lists (``prefix`` ends with ``/``)."""
    return {e["file"]: prefix + e["file"] for e in index.get("files", [])}


def _joins(st: ox.Store, base: Base, dataset: ox.NamedNode) -> list[ox.Triple]:
    m49 = ox.NamedNode(dataset.value + "/property/m49Code")
    undocs_links = _count(st, f"?s <{RDFS.iri('seeAlso')}> ?o FILTER(STRSTARTS(STR(?o), \"{UNDOCS}\"))",
                          "*")
    undocs = ox.NamedNode(UNDOCS)
    linkset = dataset_iri(base, "undocs-linkset")
    return [
        ox.Triple(dataset, VOID.propertyPartition, m49),
        ox.Triple(m49, VOID.property, MDKG.m49Code),
        ox.Triple(m49, VOID.triples, _int(_count(st, f"?s <{MDKG.iri('m49Code')}> ?o", "*"))),
        ox.Triple(m49, RDFS.comment, _lit(M49_JOIN, "en")),
        ox.Triple(linkset, RDF.type, VOID.Linkset),
        ox.Triple(linkset, VOID.subjectsTarget, dataset),
        ox.Triple(linkset, VOID.objectsTarget, undocs),
        ox.Triple(linkset, VOID.linkPredicate, RDFS.seeAlso),
        ox.Triple(linkset, VOID.triples, _int(undocs_links)),
        ox.Triple(linkset, RDFS.comment, _lit(UNDOCS_NOTE, "en")),
        ox.Triple(dataset, VOID.subset, linkset),
        ox.Triple(undocs, RDF.type, VOID.Dataset),
        ox.Triple(undocs, DCTERMS.title, _lit("United Nations Official Document System (undocs.org)", "en")),
        ox.Triple(undocs, VOID.uriSpace, _lit(UNDOCS)),
    ]


def void_quads(st: ox.Store, base: Base, endpoint_url: str, dump_urls: Mapping[str, str] | None = None, *,
               index: Mapping | None = None, licence: str = CC_BY_4,
               title: Mapping[str, str] = TITLE, description: Mapping[str, str] = DESCRIPTION
               ) -> list[ox.Triple]:
    """The VoID/DCAT description of ``st`` as triples.

    ``dump_urls`` maps dump file names (as in ``dumps.json``) to their download URLs; ``index``
    (the parsed ``dumps.json``, see :func:`graph_builder.publish.dumps.read_index`) adds byte sizes,
    media types, checksums and which graph each file holds.
    """
    dataset = dataset_iri(base)
    classes = entity_classes(st)
    t = [ox.Triple(dataset, RDF.type, VOID.Dataset), ox.Triple(dataset, RDF.type, DCAT.Dataset)]
    t += [ox.Triple(dataset, DCTERMS.title, _lit(text, lang)) for lang, text in sorted(title.items())]
    t += [ox.Triple(dataset, DCTERMS.description, _lit(text, lang)) for lang, text in sorted(description.items())]
    t += [ox.Triple(dataset, RDFS.comment, _lit(M49_JOIN, "en")),
          ox.Triple(dataset, RDFS.comment, _lit(UNDOCS_NOTE, "en")),
          ox.Triple(dataset, DCTERMS.license, ox.NamedNode(licence)),
          ox.Triple(dataset, DCTERMS.language, ox.NamedNode("http://id.loc.gov/vocabulary/iso639-1/ar")),
          ox.Triple(dataset, VOID.sparqlEndpoint, ox.NamedNode(endpoint_url)),
          ox.Triple(dataset, VOID.uriSpace, _lit(base.iri + "id/")),
          ox.Triple(dataset, VOID.rootResource, MDKG.DevelopmentTopics)]
    modified = _modified(st)
    if modified is not None:
        t.append(ox.Triple(dataset, DCTERMS.modified, modified))
    t += _stat_triples(dataset, statistics(st, base))
    t += [ox.Triple(dataset, VOID.vocabulary, v) for v in _vocabularies(st)]
    t += [ox.Triple(dataset, VOID.exampleResource, e) for e in example_resources(st, classes)]
    t += _class_partitions(st, dataset, classes)
    subsets: dict[str, ox.NamedNode] = {}
    for g in named_graphs(st):
        sub = dataset_iri(base, graph_stem(g, base))
        subsets[g.value] = sub
        t += [ox.Triple(dataset, VOID.subset, sub), ox.Triple(sub, RDF.type, VOID.Dataset),
              ox.Triple(sub, RDF.type, SD.NamedGraph), ox.Triple(sub, SD.name, g),
              ox.Triple(sub, DCTERMS.title, _lit(g.value))]
        t += _stat_triples(sub, statistics(st, base, g))
        docs = st.query(f"SELECT DISTINCT ?d WHERE {{ GRAPH <{g.value}> {{ ?d a <{MDKG.iri('Document')}> }} }}")
        t += [ox.Triple(sub, DCTERMS.source, row["d"]) for row in docs]
    t += _joins(st, base, dataset)
    t += _dumps(base, dataset, subsets, index, dump_urls or {})
    return list(dict.fromkeys(t))

