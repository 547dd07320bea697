"""Sentences and tokens with character offsets into the cleaned article text.

A token is a word (letters, digits, inner hyphens and apostrophes) or one
punctuation character; each carries its offsets and ``key`` (``tone_key``:
lower case, tones folded) for lexicon lookups.

Example:
    >>> [t.text for t in tokenize("Sở Ngoại vụ, tỉnh", 0)]
    ['Sở', 'Ngoại', 'vụ', ',', 'tỉnh']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import tone_key

_TOKEN = re.compile(r"\d+(?:[/.\-]\d+)*(?:[/\-][A-Za-zĐđ]+)*|[^\W_]+(?:['’][^\W_]+)*|\S")
# A sentence ends at . ! ? … followed by a space and an upper-case letter or a quote, or at a line end.
_SENT_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“‘(\[]?[A-ZĐÀ-Ỹ0-9])|\n+")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}\.")
_ABBREV_END = re.compile(r"(?:\b(?:TP|Tp|TS|ThS|PGS|GS|BS|Mr|Mrs|Ms|Dr|St|Q|H|P|tr|NXB|v\.v)\.|"
                         r"\b[A-Z][a-z]+ [A-Z]\.)$")  # "Michael D. Harrington": a middle initial


# Not frozen: a frozen dataclass's __init__ goes through object.__setattr__ and made tokenising
# a fifth of extraction; tokens are still never changed after tokenize() (and hash by value).
@dataclass(slots=True, unsafe_hash=True)
class Token:
    text: str
    start: int
    end: int
    key: str
    is_word: bool  # letters or digits (not punctuation)
    cap: bool  # starts with a capital letter


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    paragraph: int


# a word's (key, is_word, cap), computed once: words recur across sentences and articles
_WORD_INFO: dict[str, tuple[str, bool, bool]] = {}


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out = []
    info = _WORD_INFO
    if len(info) > 1 << 17:  # bounded: numbers and names make the vocabulary open
        info.clear()
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        got = info.get(w)
        if got is None:
            got = info[w] = (tone_key(w) or w, w[0].isalnum(), w[0].isupper())
        out.append(Token(w, m.start() + offset, m.end() + offset, got[0], got[1], got[2]))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of the text, never across a line break, not after abbreviations like 'TP.'."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for para in re.split(r"(\n+)", text):
        if para.startswith("\n"):
            pos += len(para)
            paragraph += 1
            continue
        start = 0
        pieces = []
        for m in _SENT_END.finditer(para):
            # bounded search: '$' matches at endpos, and slicing the paragraph each time is quadratic
            if _ABBREV_END.search(para, max(0, m.start() - 16), m.start()):
                continue
            if _LIST_NUMBER.fullmatch(para, start, m.start()):
                continue  # "2. Bà Nguyễn Thị ...": a numbered item, not a sentence "2."
            pieces.append((start, m.start()))
            start = m.end()
        pieces.append((start, len(para)))
        for a, b in pieces:
            chunk = para[a:b]
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            s = pos + a + lead
            e = s + len(stripped)
            sentences.append(Sentence(len(sentences), s, e, stripped,
                                      tuple(tokenize(stripped, s)), paragraph))
        pos += len(para)
    return sentences
