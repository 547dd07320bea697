"""Helpers shared by the extraction tests: run the pipeline on a text written in the test."""
from __future__ import annotations

from kg.extract import extract
from kg.ingest import clean
from kg.model import Extraction


def run(text: str, name: str = "t.txt") -> Extraction:
    """Clean and extract a text as if it were an input file."""
    return extract(clean(name, text))


def posts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(p.person, p.title, p.organisation) for p in ex.positions}


def orgs(ex: Extraction) -> set[str]:
    return {o.name for o in ex.organisations}
