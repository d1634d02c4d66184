"""Data shipped with kg, read with importlib.resources: ontology/ (ontology, vocabularies, shapes),
queries/ (the question catalog and the verify checks), example/ (the example corpus) and demo/ (a made-up
one-document corpus, 测试市: the neutral example of doctests, so generic code never names a real document).

In a source checkout each is a symbolic link to the folder of the same name at the top of the repository
(example → data); a wheel holds copies. Nothing here runs at import time.
"""
