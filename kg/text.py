"""Vietnamese text helpers: NFC, tone placement, folding for keys, safe slugs.

Tone placement follows the spelling of the Vietnamese press and of the gold
annotations ("hòa", "thủy", "Hoàng", "Quỹ"): the tone sits on the vowel with a
quality mark (ơ, ê, â, ă, ô, then ư), else on the last vowel before a final
consonant, else on the first of two open vowels and the middle of three.
Misplaced tones ("Hòang", "Qũy") are moved; words that are not Vietnamese
syllables are left alone.

Example:
    >>> normalize_tones("Nguyễn Hòang Giang, Qũy Hoà bình")
    'Nguyễn Hoàng Giang, Quỹ Hòa bình'
    >>> fold("Liên hiệp Hữu nghị")
    'lien hiep huu nghi'
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = set("aăâeêioôơuưy")
_WORD = re.compile(r"[^\W\d_]+")
_QUALITY_ORDER = ("ơ", "ê", "â", "ă", "ô", "ư")
_VIET_LETTERS = set("abcdeghiklmnopqrstuvxyăâêôơưđ") | _VOWELS


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=1 << 16)
def _retone_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONES]
    if len(tones) != 1:
        return word
    tone = tones[0]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    low = bare.lower()
    if not set(low) <= _VIET_LETTERS:
        return word
    # indices of vowel letters, skipping the u of "qu" and the i of "gi" + vowel
    idx = [i for i, c in enumerate(low) if c in _VOWELS]
    if not idx:
        return word
    first = idx[0]
    if low.startswith("qu") and first == 1 and len(idx) > 1:
        idx = idx[1:]
    elif low.startswith("gi") and first == 1 and len(idx) > 1 and idx[1] == 2:
        idx = idx[1:]
    # the vowel cluster: contiguous vowels starting at idx[0]
    cluster = [idx[0]]
    for i in idx[1:]:
        if i == cluster[-1] + 1:
            cluster.append(i)
        else:
            break
    if len(cluster) != len(idx):  # vowels split by consonants: not one syllable
        return word
    letters = [low[i] for i in cluster]
    target = None
    if "ơ" in letters:
        target = cluster[letters.index("ơ")]
    else:
        for q in _QUALITY_ORDER:
            if q in letters:
                target = cluster[len(letters) - 1 - letters[::-1].index(q)]
                break
    if target is None:
        final_consonant = cluster[-1] < len(low) - 1
        if final_consonant or len(cluster) == 1:
            target = cluster[-1]
        elif len(cluster) == 2:
            target = cluster[0]
        else:
            target = cluster[1]
    chars = list(bare)
    chars[target] = unicodedata.normalize("NFC", chars[target] + tone)
    return unicodedata.normalize("NFC", "".join(chars))


def normalize_tones(text: str) -> str:
    """NFC and the press's tone placement on every Vietnamese word."""
    text = nfc(text)
    return _WORD.sub(lambda m: _retone_word(m.group(0)), text)


def strip_diacritics(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Lower-case, no diacritics, punctuation as spaces: the key for matching and search."""
    text = strip_diacritics(nfc(text)).lower()
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 17)
def tone_key(text: str) -> str:
    """Lexicon key: lower case, punctuation as spaces, tones in the press's placement.

    Tones are kept (folding them would make "Trưởng" the school "Trường" and
    "Vũ" the department "Vụ"); only their placement is normalised.
    """
    text = normalize_tones(text).casefold()
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def slug(text: str, max_len: int = 60) -> str:
    """An IRI-safe, stable slug: ASCII letters, digits and hyphens only."""
    s = fold(text).replace(" ", "-")
    s = re.sub(r"[^a-z0-9-]", "", s).strip("-")
    if not s:
        s = "x"
    if len(s) > max_len:
        s = s[:max_len].rstrip("-") + "-" + short_hash(text)
    return s


def short_hash(*parts: str, length: int = 10) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
