"""Compressed dumps, the JSON-LD context, the dumps index, and the VoID/DCAT description."""
from __future__ import annotations

import gzip
import hashlib
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph_builder.publish import dumps, void
from graph_builder.namespaces import DCAT, DCTERMS, MDKG, RDF, VOID, XSD
from graph_builder.resources import ontology_file
from linked_data_sample import BASE, G_A, GFMD, PHL, REMIT, sample_quads, sample_store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib 7.6 internals
GRAPHS = ["doc-a", "doc-b", "ontology", "reference"]


@pytest.fixture(scope="module")
def store():
    return sample_store()


@pytest.fixture(scope="module")
def folder(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("dumps")
    dumps.write_dumps(store, out, BASE)
    return out


def rdflib_dataset(data: bytes, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf-8"), format=fmt)
    return ds


def graphs_of(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    """Named graph IRI → its triples (the default graph left out when empty)."""
    out = {}
    for ctx in ds.graphs():
        g = rdflib.Graph()
        for t in ctx:
            g.add(t)
        if len(g):
            out[str(ctx.identifier)] = g
    return out


def test_files_and_index(folder, store):
    index = dumps.read_index(folder)
    names = {e["file"] for e in index["files"]}
    stems = ["dataset"] + [f"graph-{g}" for g in GRAPHS]
    assert names == {s + ext for s in stems for ext in (".nq.gz", ".trig.gz", ".ttl.gz", ".jsonld.gz")}
    for entry in index["files"]:
        path = folder / entry["file"]
        assert entry["bytes"] == path.stat().st_size
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        with gzip.open(path) as fh:
            assert fh.read(1)                      # real gzip, not empty
    by_name = {e["file"]: e for e in index["files"]}
    assert by_name["dataset.nq.gz"]["quads"] == len(store)
    assert by_name["dataset.nq.gz"]["graph"] is None
    assert by_name["graph-doc-a.nq.gz"]["graph"] == G_A.value
    assert by_name["graph-doc-a.trig.gz"]["media_type"] == "application/trig"
    assert sum(by_name[f"graph-{g}.nq.gz"]["quads"] for g in GRAPHS) == len(store)
    assert index["context"]["file"] == "context.jsonld"


def test_nquads_and_trig_hold_the_store(folder, store):
    for name in ("dataset.nq.gz", "dataset.trig.gz"):
        fmt = ox.RdfFormat.N_QUADS if name.endswith(".nq.gz") else ox.RdfFormat.TRIG
        back = ox.Store()
        back.load(gzip.open(folder / name).read(), format=fmt)
        assert len(back) == len(store)
        assert sorted(map(str, (q for q in back if not _has_bnode(q)))) == \
            sorted(map(str, (q for q in store if not _has_bnode(q))))


def _has_bnode(q) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


def test_jsonld_equals_nquads_in_rdflib(folder):
    """Whole dataset and each graph: rdflib reads the same triples, graph by graph, from both."""
    for stem in ["dataset"] + [f"graph-{g}" for g in GRAPHS]:
        nq = graphs_of(rdflib_dataset(gzip.open(folder / f"{stem}.nq.gz").read(), "nquads"))
        js = graphs_of(rdflib_dataset(gzip.open(folder / f"{stem}.jsonld.gz").read(), "json-ld"))
        assert nq.keys() == js.keys(), stem
        for iri in nq:
            assert len(nq[iri]) == len(js[iri]) and isomorphic(nq[iri], js[iri]), (stem, iri)


def test_jsonld_uses_the_published_context(folder):
    context = json.loads((folder / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    doc = json.loads(gzip.open(folder / "graph-doc-a.jsonld.gz").read())
    assert doc["@context"] == context
    assert context["mdkg"] == str(MDKG) and context["skos"] == "http://www.w3.org/2004/02/skos/core#"
    keys = {k for node in doc["@graph"][0]["@graph"] for k in node}
    assert "mdkg:hostedBy" in keys and "skos:prefLabel" in keys
    assert not any(k.startswith("http") for k in keys)


def test_turtle_union_and_per_graph(folder, store):
    union = rdflib.Graph().parse(data=gzip.open(folder / "dataset.ttl.gz").read().decode(), format="turtle")
    distinct = {(q.subject, q.predicate, q.object) for q in store}
    assert len(union) == len(distinct)
    ref = rdflib.Graph().parse(data=gzip.open(folder / "graph-reference.ttl.gz").read().decode(),
                               format="turtle")
    assert (rdflib.URIRef(PHL.value), rdflib.URIRef(MDKG.iri("m49Code")), rdflib.Literal("608")) in ref


def test_dumps_are_deterministic_and_stale_files_go(store, folder, tmp_path):
    again = tmp_path / "again"
    (again).mkdir()
    (again / "dumps.json").write_text(json.dumps({"files": [{"file": "graph-old.nq.gz"}]}))
    (again / "graph-old.nq.gz").write_bytes(b"old")
    dumps.write_dumps(store, again, BASE)
    assert not (again / "graph-old.nq.gz").exists()
    first = {e["file"]: e["sha256"] for e in dumps.read_index(folder)["files"]}
    second = {e["file"]: e["sha256"] for e in dumps.read_index(again)["files"]}
    assert first == second


def test_context_terms_come_from_the_ontology():
    st = ox.Store()
    st.load(path=str(ontology_file()), format=ox.RdfFormat.TURTLE, base_iri=str(MDKG))
    context = dumps.jsonld_context(st)
    assert context["hostedBy"] == {"@id": "mdkg:hostedBy", "@type": "@id"}
    assert context["m49Code"] == "mdkg:m49Code"
    assert context["State"] == "mdkg:State"
    # the context is usable: a compact document with its terms expands to the right triples
    doc = {"@context": context, "@id": GFMD.value, "@type": "GlobalProcess", "hostedBy": PHL.value}
    g = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    assert (rdflib.URIRef(GFMD.value), rdflib.URIRef(MDKG.iri("hostedBy")), rdflib.URIRef(PHL.value)) in g


def test_graph_stem_and_index_errors(tmp_path):
    assert dumps.graph_stem(BASE.graph("2011-gfmd-swiss-chair-report"), BASE) == \
        "graph-2011-gfmd-swiss-chair-report"
    assert dumps.graph_stem(ox.NamedNode("http://example.org/graph/a"), BASE).startswith("graph-http")
    with pytest.raises(FileNotFoundError, match="dumps.json"):
        dumps.read_index(tmp_path)
    (tmp_path / "dumps.json").write_text('{"files": [\n  oops]}')
    with pytest.raises(ValueError, match=r"dumps\.json:2"):
        dumps.read_index(tmp_path)


def test_dump_path_only_serves_indexed_files(folder):
    assert dumps.dump_path(folder, "dataset.nq.gz") == folder / "dataset.nq.gz"
    assert dumps.dump_path(folder, "context.jsonld") == folder / "context.jsonld"
    with pytest.raises(FileNotFoundError):
        dumps.dump_path(folder, "../dumps.json")


# ---------------------------------------------------------------- VoID / DCAT

@pytest.fixture(scope="module")
def description(store, folder):
    index = dumps.read_index(folder)
    urls = void.dump_urls_for(index, "http://127.0.0.1:5000/dumps/")
    st = ox.Store()
    st.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
              for t in void.void_quads(store, BASE, "http://127.0.0.1:5000/sparql", urls, index=index))
    return st


def one(st, query):
    rows = list(st.query(query))
    assert len(rows) == 1, query
    return rows[0]


def test_void_dataset_statistics(description, store):
    ds = void.dataset_iri(BASE).value
    row = one(description, f"SELECT ?t ?e ?c ?p ?s WHERE {{ <{ds}> a <{VOID.iri('Dataset')}>, "
                           f"<{DCAT.iri('Dataset')}> ; <{VOID.iri('triples')}> ?t ; <{VOID.iri('entities')}> ?e ; "
                           f"<{VOID.iri('classes')}> ?c ; <{VOID.iri('properties')}> ?p ; "
                           f"<{VOID.iri('distinctSubjects')}> ?s }}")
    assert int(row["t"].value) == len(store)
    assert int(row["e"].value) == 12 + 2 + 3   # entities, documents, paragraphs under .../id/
    assert int(row["c"].value) == len({q.object for q in store if q.predicate == RDF.type})
    assert int(row["p"].value) == len({q.predicate for q in store})
    assert int(row["s"].value) == len({q.subject for q in store})
    titles = {(r["l"].value, r["l"].language) for r in description.query(
        f"SELECT ?l WHERE {{ <{ds}> <{DCTERMS.iri('title')}> ?l }}")}
    assert {lang for _, lang in titles} == {"en", "ar"}
    assert one(description, f"SELECT ?l WHERE {{ <{ds}> <{DCTERMS.iri('license')}> ?l }}")["l"].value == \
        void.CC_BY_4
    assert one(description, f"SELECT ?e WHERE {{ <{ds}> <{VOID.iri('sparqlEndpoint')}> ?e }}")["e"].value == \
        "http://127.0.0.1:5000/sparql"


def test_void_subsets_examples_and_links(description):
    ds = void.dataset_iri(BASE).value
    rows = list(description.query(
        f"SELECT ?g ?t WHERE {{ <{ds}> <{VOID.iri('subset')}> ?s . ?s "
        f"<http://www.w3.org/ns/sparql-service-description#name> ?g ; <{VOID.iri('triples')}> ?t }}"))
    counts = {r["g"].value: int(r["t"].value) for r in rows}
    expected = {}
    for q in sample_quads():
        expected.setdefault(q.graph_name.value, set()).add(q)
    assert counts == {g: len(qs) for g, qs in expected.items()}
    examples = {r["e"] for r in description.query(
        f"SELECT ?e WHERE {{ <{ds}> <{VOID.iri('exampleResource')}> ?e }}")}
    assert examples == {PHL, GFMD, REMIT}
    m49 = one(description, f"SELECT ?c WHERE {{ <{ds}> <{VOID.iri('propertyPartition')}> ?p . "
                           f"?p <{VOID.iri('property')}> <{MDKG.iri('m49Code')}> ; "
                           f"<http://www.w3.org/2000/01/rdf-schema#comment> ?c }}")
    assert "M49" in m49["c"].value and "SDG" in m49["c"].value
    assert description.query(f"ASK {{ ?l a <{VOID.iri('Linkset')}> ; <{VOID.iri('subjectsTarget')}> <{ds}> }}")
    vocabularies = {r["v"].value for r in description.query(
        f"SELECT ?v WHERE {{ <{ds}> <{VOID.iri('vocabulary')}> ?v }}")}
    assert str(MDKG) in vocabularies and "http://www.w3.org/ns/oa#" in vocabularies


def test_void_distributions(description, folder):
    index = dumps.read_index(folder)
    rows = list(description.query(
        f"SELECT ?d ?url ?type ?size WHERE {{ ?x <{DCAT.iri('distribution')}> ?d . "
        f"?d <{DCAT.iri('downloadURL')}> ?url ; <{DCAT.iri('mediaType')}> ?type ; <{DCAT.iri('byteSize')}> ?size }}"))
    assert len(rows) == len(index["files"])
    sizes = {r["url"].value.rsplit("/", 1)[1]: r["size"] for r in rows}
    for entry in index["files"]:
        assert int(sizes[entry["file"]].value) == entry["bytes"]
    graph_dump = one(description, f"SELECT ?s WHERE {{ ?s <{VOID.iri('dataDump')}> "
                                  f"<http://127.0.0.1:5000/dumps/graph-doc-a.nq.gz> }}")
    assert graph_dump["s"].value.endswith("/id/dataset/graph-doc-a")
    types = {r["type"].value for r in rows}
    assert "https://www.iana.org/assignments/media-types/application/n-quads" in types


def test_void_licence_is_configurable(store):
    triples = void.void_quads(store, BASE, "http://x/sparql", licence="https://example.org/licence")
    licences = [t.object.value for t in triples if t.predicate == DCTERMS.license]
    assert licences == ["https://example.org/licence"]
    assert not [t for t in triples if t.predicate == DCAT.distribution]   # no dumps given, none listed


def test_void_byte_size_datatype(store, folder):
    index = dumps.read_index(folder)
    triples = void.void_quads(store, BASE, "http://x/sparql", void.dump_urls_for(index, "http://x/d/"),
                              index=index)
    sizes = [t.object for t in triples if t.predicate == DCAT.byteSize]
    assert len(sizes) == len(index["files"])
    assert all(s.datatype == XSD.nonNegativeInteger for s in sizes)
