"""Text: reading a report into the document model, the one Arabic normaliser, sentences and tokens.

``corpus`` reads and checks the source files and the manifest, ``structure`` finds paragraphs,
headings and footnotes, ``unnumbered`` does the same for texts without paragraph numbers,
``dateline`` finds a press text's dateline, ``doc_kind`` names the kind of document, ``model`` holds the frozen document types, ``arabic`` normalises and
folds Arabic text with an offset map, ``arsearch`` exposes that folding to SPARQL
(``mdkg:arMatch``, ``mdkg:arFold``), ``sentences`` is the one sentence splitter and ``tokens``
cuts a text into tokens with Arabic clitic readings and exact original offsets (what every fact
rule reads). Nothing here knows entities, facts or RDF quads.

May import: the standard library, ``graph_builder.namespaces``, ``graph_builder.resources`` and
``graph_builder.values`` (the value parsers: dates of datelines and header blocks, symbols).
"""
