"""Reading graph files and datasets; the embedded store."""
