"""Publish: the built graph handed to others: dumps, VoID/DCAT, network exports, push, export.

``dumps`` writes the compressed dumps of a build, ``void`` describes the dataset, ``netexport``
turns the entity graph into GraphML/GEXF/Cytoscape, ``exporter`` writes the whole dataset in an
RDF format, ``push`` replaces the graphs of a remote SPARQL Graph Store.

May import: ``graph_builder.namespaces``, ``graph_builder.build.store``; never an extraction stage.
"""
