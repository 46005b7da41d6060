"""Whole-dataset dumps in the standard RDF formats.

Dataset formats (N-Quads, TriG, JSON-LD) keep the named graphs; triple formats (Turtle,
N-Triples, RDF/XML) write the union of all graphs (the ontology included). Graph formats for
visualisation tools (GraphML, GEXF, Cytoscape JSON) are :mod:`graph_builder.publish.netexport`.
"""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from ..namespaces import PREFIXES
from ..build.store import open_read_only

DATASET_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "rdfxml": ox.RdfFormat.RDF_XML}
UNION = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def export_store(st: ox.Store, fmt: str, out: BinaryIO) -> int:
    """Write ``st`` in ``fmt`` to ``out``; return the number of quads (or distinct triples) written."""
    if fmt in DATASET_FORMATS:
        prefixes = PREFIXES if fmt == "trig" else None
        st.dump(out, format=DATASET_FORMATS[fmt], **({"prefixes": prefixes} if prefixes else {}))
        return len(st)
    if fmt in TRIPLE_FORMATS:
        triples = list(dict.fromkeys(st.query(UNION)))
        prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
        ox.serialize(triples, out, format=TRIPLE_FORMATS[fmt], **({"prefixes": prefixes} if prefixes else {}))
        return len(triples)
    from .netexport import export_network
    return export_network(st, fmt, out)


def export(store: Path, fmt: str, out: BinaryIO) -> int:
    return export_store(open_read_only(store), fmt, out)
