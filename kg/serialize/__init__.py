"""RDF formats: Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads."""
