"""Text layer: what every rule reads of a source text before anything is recognised in it.

``sentences.py`` (the one sentence splitter) and ``tokens.py`` (tokens with Arabic clitic
segmentation and exact original offsets). They may import ``graph_builder.arabic`` (the
normaliser) and nothing that recognises entities or makes facts.
"""
