"""Colours of node classes, shared by the HTML page and the static pictures.

>>> color("Person"), color("GovernmentBody") == color("Company")
('#d62728', False)
>>> color("SomethingNew").startswith("#")
True
"""
from __future__ import annotations

import hashlib

CLASS_COLORS = {
    "Person": "#d62728",
    "Honor": "#ff7f0e",
    "Qualification": "#ffbb78",
    "GovernmentBody": "#1f77b4",
    "Company": "#17becf",
    "Association": "#9edae5",
    "Team": "#2ca7a0",
    "MediaOutlet": "#8c564b",
    "MediaReport": "#c49c94",
    "Municipality": "#2ca02c",
    "Place": "#98df8a",
    "Policy": "#9467bd",
    "PolicyArticle": "#c5b0d5",
    "ReplyLetter": "#6b4c9a",
    "Suggestion": "#a58bc9",
    "Program": "#bcbd22",
    "Strategy": "#dbdb8d",
    "SelectionScheme": "#e5c100",
    "MasterWorkshop": "#e377c2",
    "Competition": "#f7b6d2",
    "CompetitionEdition": "#ff9896",
    "Event": "#aec7e8",
    "Role": "#7f7f7f",
    "Industry": "#637939",
    "Topic": "#b5cf6b",
    "Concept": "#c7c7c7",
    "HonorConferral": "#fdae6b",
    "Observation": "#9c9ede",
    "Funding": "#e7ba52",
    "Membership": "#bdbdbd",
    "Participation": "#d6616b",
}


def color(cls: str) -> str:
    """The colour of a class; classes without one get a stable colour from their name."""
    if cls in CLASS_COLORS:
        return CLASS_COLORS[cls]
    h = hashlib.sha256(cls.encode()).hexdigest()
    return "#" + h[:6]
