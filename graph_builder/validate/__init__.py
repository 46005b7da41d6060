"""Validate: SHACL shapes and OWL consistency of a graph or a store.

``validate`` runs pyshacl and HermiT (through owlready2) on a whole store (``mdkg validate``),
``shacl_sparql`` compiles the shapes to SPARQL run by pyoxigraph (the per-report check of a build).

May import: ``graph_builder.namespaces``, ``graph_builder.resources``, ``graph_builder.build.store``
(to open a store by path); no extraction stage.
"""
