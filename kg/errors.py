"""One error hierarchy for kg; the CLI turns each into a one-line message and an exit code.

Exit codes: 0 ok, 1 validation or check failed, 2 bad usage or input, 3 internal error (a bug in kg).

>>> str(FactsError("quote not found", file="f.yaml", line=3))
'f.yaml:3: quote not found'
>>> QuoteNotFound("x").exit_code
2
"""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, hint: str | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(KgError):
    """Bad input: a file that is missing or malformed, a bad option."""


class FactsError(InputError):
    """A facts file that cannot be loaded."""


class QuoteNotFound(FactsError):
    """A fact cites words that are not in its source."""


class UnknownReference(FactsError):
    """A fact points to an entity, class, honor or property that does not exist."""


class OntologyError(InputError):
    """An ontology, vocabulary or shapes file that cannot be parsed."""


class QueryError(InputError):
    """A SPARQL query that cannot be parsed or run, or an unknown catalog name."""


class EndpointError(InputError):
    """A remote SPARQL server that cannot be reached or that refused a request."""


class CheckFailed(KgError):
    """Validation or a verify check found problems; ``details`` (e.g. the violations) is the report to print.

    >>> e = CheckFailed("2 violations", details="- a\\n- b")
    >>> str(e), e.exit_code
    ('2 violations', 1)
    """

    exit_code = 1

    def __init__(self, message: str, *, details: str | None = None, **kw):
        self.details = details
        super().__init__(message, **kw)


INTERNAL_ERROR_EXIT = 3  # an unexpected exception: a bug in kg (``--debug`` shows the traceback)
