"""Extraction: one cleaned ``Article`` -> one ``Extraction`` of typed records with evidence.

The article is analysed once (``analysis.analyse``: sentences, organisation and
person mentions, the article's locality, dates) and each extractor in
``EXTRACTORS`` is a function from that analysis to a tuple of records of one
kind. A new extractor is one more module and one more line in the table.

Example:
    >>> from kg.ingest import clean
    >>> ex = extract(clean("a.txt", "Sáng 9/1, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức Hội nghị tổng kết công tác năm 2022."))
    >>> ex.organisations[0].name
    'Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An'
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..lexicon import Lexicon, load_lexicon
from ..model import Article, Extraction
from .analysis import Doc, analyse
from .countries import extract_countries
from .documents import extract_documents
from .events import extract_events
from .organisations import extract_organisations
from .persons import extract_persons, extract_positions

EXTRACTOR_VERSION = "1"

# field of Extraction -> extractor
EXTRACTORS: dict[str, Callable[[Doc], tuple]] = {
    "organisations": extract_organisations,
    "persons": extract_persons,
    "positions": extract_positions,
    "events": extract_events,
    "countries": extract_countries,
    "documents": extract_documents,
}


def extract(article: Article, lexicon: Lexicon | None = None) -> Extraction:
    """Run every extractor over the article; each result is checked to be a tuple of records."""
    doc = analyse(article, lexicon or load_lexicon())
    fields = {}
    for name, fn in EXTRACTORS.items():
        records = fn(doc)
        if not isinstance(records, tuple):
            raise TypeError(f"extractor {name} returned {type(records).__name__}, not a tuple")
        fields[name] = records
    art = replace(article, locality=doc.locality)
    return Extraction(article=art, warnings=tuple(doc.warnings), **fields)
