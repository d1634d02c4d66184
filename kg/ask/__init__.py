"""The question catalog, parameter binding, local and remote queries, result formats."""
