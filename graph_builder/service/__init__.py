"""The SPARQL 1.1 service: Flask blueprints and the query executor behind them.

One module per concern: ``sparql`` (the SPARQL 1.1 Protocol at ``/sparql``), ``graph_store``
(the Graph Store HTTP Protocol at ``/store``), ``health`` (``/health``), ``description``
(the SPARQL service description), ``executor`` (the pool of killable query processes and the
single writer process), ``engine`` (what runs inside those processes), ``sandbox`` (the
seccomp filter that takes the network from them), ``query_text`` (nesting and dataset facts
read off a text), ``guard`` (parse-only syntax check), ``results`` (serialisation with the row cap), ``negotiation``
(media types), ``auth`` (the bearer token), ``errors`` (error pages and the access log),
``config`` (defaults and environment variables).

Later features (named queries, Arabic search, caching) plug in as further blueprints through
:func:`server.create_app`; nothing here builds them.
"""
