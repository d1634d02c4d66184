"""Extraction rules, one module per kind of fact; each has ``apply(ctx)`` and names its rules ``kind.what``.

``ORDER`` is the order they run in: the document first (its date resolves relative dates), then the
entities that later rules refer to.
"""
ORDER = ("document", "organizations", "rosters", "persons", "rows", "honors", "counts", "shares", "medals", "nominations", "competitions", "policies", "programs", "funding",
         "reports", "measures")
