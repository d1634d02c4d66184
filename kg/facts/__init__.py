"""The facts format, its loader, the ontology and vocabularies facts are checked against."""
