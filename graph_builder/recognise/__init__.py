"""Recognise: who and what a text names (mentions of entities), never what it states.

``findings`` holds the shared frozen types (Entity, Mention, Value, Fact), ``gazetteer`` reads
``gazetteer/*.toml``, ``member_states`` builds the UN member and observer states from CLDR/pycountry,
``text_entities`` finds persons and publications first seen in a text, ``matcher`` finds every
mention in a document (Aho-Corasick over the folded text).

May import: ``graph_builder.text``, ``graph_builder.values`` (document symbols and resolution numbers), ``graph_builder.namespaces``, ``graph_builder.resources``.
"""
