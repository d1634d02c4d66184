"""Data shipped with kg, read with importlib.resources: ontology/ (ontology, vocabularies, shapes),
queries/ (the question catalog and the verify checks) and example/ (the example corpus).

In a source checkout each is a symbolic link to the folder of the same name at the top of the repository
(example → data); a wheel holds copies. Nothing here runs at import time.
"""
