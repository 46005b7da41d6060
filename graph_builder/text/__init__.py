"""Text: reading a report into the document model, and the one Arabic normaliser.

``corpus`` reads and checks the source files and the manifest, ``structure`` finds paragraphs,
headings and footnotes, ``unnumbered`` does the same for texts without paragraph numbers,
``dateline`` finds a press text's dateline, ``doc_kind`` names the kind of document, ``model`` holds the frozen document types, ``arabic`` normalises and
folds Arabic text with an offset map, ``arsearch`` exposes that folding to SPARQL
(``mdkg:arMatch``, ``mdkg:arFold``). Nothing here knows entities, facts or RDF quads.

May import: the standard library, ``graph_builder.namespaces``, ``graph_builder.resources`` and
``graph_builder.values`` (the value parsers: dates of datelines and header blocks, symbols).
"""
