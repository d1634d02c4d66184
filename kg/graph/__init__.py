"""Facts -> RDF graph."""
