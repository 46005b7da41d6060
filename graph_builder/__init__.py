"""MDKG graph builder: Arabic UN migration reports → RDF knowledge graph in Oxigraph.

Data flows one way: corpus → document model → mentions → facts → RDF → store → service.
"""
__version__ = "0.1.0"
