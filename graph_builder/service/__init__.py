"""The web service: Flask blueprints over a pool of killable query processes.

Blueprints (one per concern, registered by :func:`server.create_app`): ``sparql`` (the SPARQL 1.1
Protocol at ``/sparql``), ``graph_store`` (``/store``), ``health``, ``pages`` (``/id``, ``/page``,
``/data``, ``/ontology``), ``dataset`` (VoID, dumps, JSON-LD context), ``network``
(``/export``), ``catalogue`` (``/queries``), ``search`` (``/search``), ``ui`` (``/``).

Models and helpers they share (never another blueprint): ``jobs`` (query jobs and the HTTP error
of a failed one), ``site`` (the bilingual string table and the one HTML renderer), ``named_queries``
(the catalogue model, also used by the CLI), ``page_model`` (what a resource page shows),
``iri_paths``, ``negotiation`` (media types), ``results`` (serialisation with the row cap),
``description`` (service description), ``auth``, ``errors``, ``caching``, ``config``, ``state``
(the app's configuration and pool; the build it reads now), ``fastpath`` (plain ``GET /sparql``
answered before Flask, from the same pieces). Behind them: ``query_pool`` (the pool of killable
reader processes and the single writer), ``query_worker`` (what runs inside those processes),
``sandbox`` (the seccomp filter that takes the network from them), ``query_text`` (nesting and
dataset facts read off a text), ``guard`` (parse-only syntax check), ``update_dataset``,
``fairness`` (admission to the pool per client address), ``throttle`` (wrong tokens per
address). Around the application (WSGI): ``headers`` (security headers on every response);
``http_worker`` is the gunicorn worker.

May import: ``graph_builder.namespaces``, ``graph_builder.resources``, ``graph_builder.text``
(``arsearch``), ``graph_builder.build.store`` and ``graph_builder.publish`` (dumps, VoID,
network export); never the extraction stages. A blueprint module imports no other blueprint.
"""
