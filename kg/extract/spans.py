"""Lexicon lookups over token sequences: longest matches of multi-word names.

Keys of consecutive tokens are joined with spaces; dash tokens inside a name
are skipped ("Việt Nam – Lào" and "Việt Nam-Lào" give the same key), so a
lexicon entry written with any dash or spacing matches the text's.

Example:
    >>> from kg.extract.tokens import tokenize
    >>> toks = tokenize("tỉnh Thừa Thiên Huế")
    >>> longest(toks, 1, {"thưa thiên huê": "Huế"}, 4)
    (4, 'Huế')
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from .tokens import Token

T = TypeVar("T")
DASHES = {"-", "–", "—", "‑", "−"}


def span_key(tokens: Sequence[Token], i: int, j: int) -> str:
    return " ".join(t.key for t in tokens[i:j] if t.text not in DASHES)


def longest(tokens: Sequence[Token], i: int, table: Mapping[str, T], max_n: int,
            need_cap: bool = False) -> tuple[int, T] | None:
    """(number of tokens, value) of the longest entry of ``table`` starting at token i."""
    if i >= len(tokens) or not tokens[i].is_word:
        return None
    if need_cap and not tokens[i].cap:
        return None
    # a token like "Mô-Dăm" holds two words of the key, so allow extra tokens
    prefixes = getattr(table, "prefixes", None)
    if prefixes is not None and tokens[i].key not in prefixes:
        return None  # the common case: no entry starts with this word
    limit = min(len(tokens), i + max_n + 2)
    best = None
    key = ""
    for j in range(i, limit):
        t = tokens[j]
        if t.text in DASHES or (t.text == "." and j > i) or (t.text == "," and j > i + 1):
            # "TP.HCM", "TP. Hồ Chí Minh", "Bộ Văn hóa, Thể thao và Du lịch"; never a comma right
            # after the first word: "Đặng Quốc Thành, Ủy viên ..." is no "Thành ủy"
            continue
        if t.text == "/" and j > i:  # "da cam/dioxin": tone_key made the lexicon's slash a space
            continue
        if not t.is_word:
            break
        key = f"{key} {t.key}" if key else t.key
        if key in table:
            best = (j + 1 - i, table[key])
        elif prefixes is not None and key not in prefixes:
            break
    return best


def surface(text: str, tokens: Sequence[Token], i: int, j: int, base: int) -> str:
    """The text covered by tokens i..j-1 (``base`` is the sentence's offset)."""
    return text[tokens[i].start - base:tokens[j - 1].end - base]
