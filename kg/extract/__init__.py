"""Extraction: raw text of a document of the genre -> draft facts in the corpus format.

Stages, one module each: ``reading`` (bytes -> text: encodings, size, binary, traditional script),
``normalize`` (a matching view of the text with an offset map back to the raw text), ``numerals``
(Chinese and Arabic figures with qualifiers and units), ``dates`` (document date, relative dates),
``lexicon`` (word lists as data), ``known`` (registry and vocabularies by name), ``draft`` (the facts
being drafted), ``rules/`` (one module per kind of fact), ``pipeline`` (runs the rules),
``writer`` (YAML), ``review`` (draft vs curated file), ``evaluation`` (precision/recall against the corpus).

Nothing is imported here: ``from kg.extract.pipeline import extract_file``.
"""
