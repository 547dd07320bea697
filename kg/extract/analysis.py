"""Stub analysis (replaced by the real one)."""
from __future__ import annotations
from dataclasses import dataclass, field
from ..lexicon import Lexicon
from ..model import Article


@dataclass
class Doc:
    article: Article
    lex: Lexicon
    locality: str | None = None
    warnings: list[str] = field(default_factory=list)


def analyse(article: Article, lex: Lexicon) -> Doc:
    return Doc(article, lex)
