"""Safe IRI pieces from any text: nothing but unreserved characters reaches an IRI.

``kg.text.slug`` folds a name to ASCII letters, digits and hyphens; it drops
letters of other scripts, so "Москва" and "Пекин" would share the slug "x".
``name_slug`` adds a short hash of the text whenever the slug lost letters,
so different names keep different IRIs while Vietnamese and Latin names keep
the plain slug. ``segment`` percent-encodes a key that is not already a slug
(it is the identity on slugs, so existing IRIs do not change).

Example:
    >>> name_slug("Hải Phòng"), name_slug("Москва") != name_slug("Пекин")
    ('hai-phong', True)
    >>> segment("nguyen-van-an"), segment("a b<c>")
    ('nguyen-van-an', 'a%20b%3Cc%3E')
"""
from __future__ import annotations

import re
from urllib.parse import quote

from .text import fold, short_hash, slug

# RFC 3987 / Turtle IRIREF: no spaces, controls, <>"{}|^`\ ; we allow less: RFC 3986 unreserved,
# "/" between segments, ":" after the scheme and "%XX" escapes.
SAFE_IRI = re.compile(r"https?://[A-Za-z0-9.-]+(/[A-Za-z0-9._~%-]*)*(#[A-Za-z0-9._~%-]*)?")
_LOSSY = re.compile(r"[^a-z0-9 ]")


def name_slug(text: str, max_len: int = 60) -> str:
    """``slug(text)``, plus a hash of the text when folding dropped letters (non-Latin scripts)."""
    s = slug(text, max_len)
    if _LOSSY.search(fold(text)) and not s.endswith(short_hash(text)):
        s = f"{s}-{short_hash(text)}"
    return s


def segment(key: str) -> str:
    """One IRI path segment for any key: unreserved characters kept, everything else %-encoded."""
    return quote(key, safe="-._~") or "_"


def is_safe_iri(iri: str) -> bool:
    """True for an http(s) IRI made only of unreserved characters, '/', '#' and %-escapes."""
    return bool(SAFE_IRI.fullmatch(iri))
