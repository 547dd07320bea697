"""One exception tree for the project; messages say what went wrong and what to do.

Example:
    >>> str(UnreadableInput("empty file"))
    'empty file'
"""
from __future__ import annotations


class KGError(Exception):
    """Base of every error the project raises on purpose."""


class UnreadableInput(KGError):
    """An input file that cannot be read as an article; the message is the reason."""


class BuildError(KGError):
    """A build that cannot produce outputs at all."""


class QueryError(KGError):
    """A SPARQL query that cannot be run (syntax, missing build)."""
