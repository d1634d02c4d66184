"""Serving and publishing the graph to SPARQL servers."""
