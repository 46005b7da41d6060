"""Review: tools for a person checking the build (``mdkg mentions``, ``mdkg entities``, ``mdkg explain``).

``mention_view`` prints a report's text with its mentions marked, ``explain`` lists everything
the store knows about an entity with the paragraph each fact came from.

May import: ``graph_builder.text``, ``graph_builder.recognise``, ``graph_builder.namespaces``,
``graph_builder.build.store``.
"""
