"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI, Windows-1258) and a Vietnamese-syllable score.

Provincial archives still hold text typed in the font encodings of the 1990s:
TCVN3 (ABC, TCVN 5712:1993 table VN3) puts precomposed lower-case letters on
Latin-1 code points ("ViÖt Nam"), VNI writes a base letter followed by a mark
byte ("Vieät Nam"). The code charts are data: ``data/encodings/tcvn3.tsv`` and
``data/encodings/vni.tsv`` (their sources are stated in the files).

``score`` is how the reader tells encodings apart without guessing: it counts
the words with non-ASCII letters that are valid Vietnamese syllables (onset,
vowel cluster, final, one tone mark, and the rule that finals p/t/c/ch take
only the sắc or nặng tone). A right decoding scores near 100 %, a wrong one
near 0 %.

Example:
    >>> decode_text("C\u00e9ng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> decode_text("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> encode("Việt Nam", "vni")
    b'Vie\\xe4t Nam'
    >>> score("Việt Nam"), score("ViÖt Nam")
    ((1, 1), (0, 1))
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

ENCODING_DIR = Path(__file__).resolve().parent.parent / "data" / "encodings"
LEGACY = ("tcvn3", "vni")
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_CHECKED_TONES = "\u0301\u0323"  # the only tones a syllable ending in p, t, c, ch can take


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=None)
def table(encoding: str) -> dict[str, str]:
    """Legacy byte string (as Latin-1 characters) -> Unicode character, from data/encodings/."""
    if encoding not in LEGACY:
        raise ValueError(f"unknown legacy encoding {encoding!r} (known: {', '.join(LEGACY)})")
    mapping: dict[str, str] = {}
    lines = (ENCODING_DIR / f"{encoding}.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line or line.startswith("#") or line.startswith("char\t"):
            continue
        char, _, hexbytes = line.split("\t")
        mapping[bytes.fromhex(hexbytes).decode("latin-1")] = char
    return mapping


@lru_cache(maxsize=None)
def _vni_pattern() -> tuple[re.Pattern, dict[str, str]]:
    mapping = dict(table("vni"))
    # A capital base letter is also seen with a lower-case mark byte (typed with Shift released).
    for key, char in list(mapping.items()):
        if len(key) == 2 and key[0].isupper():
            mapping.setdefault(key[0] + key[1].lower(), char)
    keys = sorted(mapping, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), mapping


@lru_cache(maxsize=None)
def _tcvn3_charmap() -> str:
    """256 characters, one per byte: the chart's letter, else the byte's Windows-1252 character."""
    chart = table("tcvn3")
    return "".join(chart.get(chr(b), _LATIN_CHARS[b]) for b in range(256))


# TCVN3 lower-case letters with a tone mark have no capital form; at a sentence start they were capitals.
_TCVN3_SENTENCE_START = re.compile(r"(\A|\n[ \t\"'“(\-–•*]*|[.!?…:][ \t]+[\"'“(]?)([^\W\d_])")


def _capitalise_sentence_starts(text: str) -> str:
    toned_lower = {c for c in table("tcvn3").values() if c.islower() and c not in "ăâêôơưđ"}

    def fix(m: re.Match) -> str:
        letter = m.group(2)
        return m.group(1) + (letter.upper() if letter in toned_lower else letter)

    return _TCVN3_SENTENCE_START.sub(fix, text)


def _toned_lower() -> str:
    return "".join(sorted(c for c in table("tcvn3").values() if c.islower() and c not in "ăâêôơưđ"))


@lru_cache(maxsize=None)
def _caps_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    toned = _toned_lower()
    # only words with a capital can be words in capitals: the lookahead skips the others fast
    return (re.compile(rf"(?<![^\W\d_])(?=[^\W\d_]*[A-ZĂÂÊÔƠƯĐ])[^\W\d_]*[{toned}][^\W\d_]*"),
            re.compile(rf"[{toned}]"),
            re.compile(r"([^\W\d_]+)\W*\Z"))


def _capitalise_caps_words(text: str) -> str:
    """Words set in capitals ("VIệT NAM") get their toned letters in capitals too."""
    word_re, toned_re, last_word = _caps_patterns()

    def caps(word: str) -> bool:  # a word in capitals but for its (lower-case) toned letters
        rest = toned_re.sub("", word)
        return len(word) >= 2 and bool(rest) and rest.isupper()

    def fix(m: re.Match) -> str:
        word = m.group(0)
        rest = toned_re.sub("", word)
        if not rest or not rest.isupper():
            return word
        if len(rest) >= 2:
            return word.upper()
        # one other letter ("Hà" or "HÀ"): capitals only between words in capitals
        before = last_word.search(text, max(0, m.start() - 40), m.start())
        after = re.match(r"\W*([^\W\d_]+)", text[m.end():m.end() + 40])
        near = [x.group(1) for x in (before, after) if x]
        return word.upper() if near and all(caps(w) for w in near) else word

    return word_re.sub(fix, text)


def _latin_chars() -> str:
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:  # the five holes of Windows-1252: keep the Latin-1 control
            chars.append(chr(b))
    return "".join(chars)


_LATIN_CHARS = _latin_chars()
_UNLATIN = codecs.charmap_build(_LATIN_CHARS)


def latin_view(data: bytes) -> str:
    """Bytes as the characters a legacy font showed them with: Windows-1252 (Latin-1 in its holes)."""
    return codecs.charmap_decode(data, "strict", _LATIN_CHARS)[0]


def latin_bytes(text: str) -> bytes | None:
    """The inverse of ``latin_view``: the bytes a text's characters stand for, None if it has others.

    C1 controls count as their own byte: a Latin-1 reading of Windows-1252 punctuation.
    """
    try:
        return codecs.charmap_encode(text, "strict", _UNLATIN)[0]
    except UnicodeEncodeError:
        try:  # C1 controls: a Latin-1 reading of Windows-1252 punctuation, same byte
            return text.encode("latin-1")
        except UnicodeEncodeError:
            return None


def decode_text(text: str, encoding: str) -> str:
    """Text whose characters are the Latin-1 view of TCVN3 or VNI bytes -> Unicode (NFC)."""
    data = latin_bytes(text)
    if data is not None:
        return decode_bytes(data, encoding)
    # characters beyond the legacy view too (a mixed file): convert those that are in it
    text = text.translate({ord(c): _LATIN_CHARS[ord(c)] for c in set(text) if "\x80" <= c <= "\x9f"})
    if encoding == "tcvn3":
        charmap = _tcvn3_charmap()
        return _tcvn3_finish(text.translate({b: charmap[b] for b in range(0xA0, 256)}))
    return _vni(text)


def _tcvn3_finish(text: str) -> str:
    return _nfc(_capitalise_sentence_starts(_capitalise_caps_words(text)))


def _vni(text: str) -> str:
    pattern, mapping = _vni_pattern()
    return _nfc(pattern.sub(lambda m: mapping[m.group(0)], text))


def decode_bytes(data: bytes, encoding: str) -> str:
    """TCVN3, VNI or Windows-1258 bytes -> Unicode, NFC (cp1258 writes tones as combining marks)."""
    if encoding == "cp1258":
        return _nfc(data.decode("cp1258", errors="replace"))
    if encoding == "tcvn3":
        return _tcvn3_finish(codecs.charmap_decode(data, "strict", _tcvn3_charmap())[0])
    if encoding == "vni":
        return _vni(latin_view(data))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


@lru_cache(maxsize=None)
def _inverse(encoding: str) -> dict[str, bytes]:
    inverse = {char: key.encode("latin-1") for key, char in table(encoding).items()}
    if encoding == "tcvn3":  # no capitals with tones: they go on the lower-case codes, as ABC did
        for char, code in list(inverse.items()):
            upper = char.upper()
            if upper != char and upper not in inverse:
                inverse[upper] = code
    return inverse


def _encode_cp1258_char(char: str) -> bytes:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFD", char)
    # Windows-1258 has the letters with quality marks (â ê ô ơ ư ă) precomposed, tones as combining marks.
    marks = decomposed[1:]
    head = _nfc(decomposed[0] + "".join(m for m in marks if m not in TONES))
    try:
        return head.encode("cp1258") + "".join(m for m in marks if m in TONES).encode("cp1258")
    except UnicodeEncodeError:
        return decomposed.encode("cp1258")


def encode(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Unicode -> TCVN3, VNI or Windows-1258 bytes (for tests and for writing legacy fixtures).

    Characters outside the legacy chart are written in Windows-1252 when they do
    not collide with the chart's bytes; others raise UnicodeEncodeError
    (``errors="replace"`` writes "?" instead).
    """
    text = _nfc(text)
    out = bytearray()
    if encoding == "cp1258":
        for i, char in enumerate(text):
            try:
                out += _encode_cp1258_char(char)
            except UnicodeEncodeError:
                if errors != "replace":
                    raise UnicodeEncodeError("cp1258", text, i, i + 1, "not in Windows-1258") from None
                out += b"?"
        return bytes(out)
    inverse = _inverse(encoding)
    used = {b for code in inverse.values() for b in code if b >= 0x80}
    for i, char in enumerate(text):
        if char in inverse:
            out += inverse[char]
            continue
        try:
            code = char.encode("cp1252")
        except UnicodeEncodeError:
            code = b""
        if code and (code[0] < 0x80 or code[0] not in used):
            out += code
        elif errors == "replace":
            out += b"?"
        else:
            raise UnicodeEncodeError(encoding, text, i, i + 1, f"not representable in {encoding}")
    return bytes(out)


# --- Vietnamese syllables -------------------------------------------------------------------
_ONSETS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
_VOWELS = ("iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu "
           "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ "
           "yê a ă â e ê i o ô ơ u ư y").split()
_FINALS = "ch nh ng c m n p t".split()
# Clusters ending in a glide take no final; "uy" (huynh) and "oo" (xoong) are vowels, not glides.
_OPEN_ONLY = ({v for v in _VOWELS if v[-1] in "iyou" and len(v) > 1} - {"uy", "oo"}) | {
    "ia", "ua", "ưa", "uya"}
_NEEDS_FINAL = {"ă", "â", "iê", "uô", "ươ", "yê", "uyê", "oă", "uâ", "oo"}
_PALATAL_OK = {"a", "ê", "i", "y", "oa", "uê", "uy"}  # vowels before the finals ch, nh
_SYLLABLE = re.compile("({})?({})({})?".format(*("|".join(sorted(x, key=len, reverse=True))
                                                 for x in (_ONSETS, _VOWELS, _FINALS))))
# Words are what lies between spaces, hyphens and slashes, less the punctuation at their ends: a
# symbol inside a word ("Há»™i", "c¸c") makes it a non-syllable, as mis-decoded text always has.
_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _fits(vowel: str, final: str, tone: str) -> bool:
    if final and vowel in _OPEN_ONLY:
        return False
    if not final and vowel in _NEEDS_FINAL:
        return False
    if final in ("ch", "nh") and vowel not in _PALATAL_OK:
        return False
    return not (final in ("p", "t", "c", "ch") and tone and tone not in _CHECKED_TONES)


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable (any case, at most one tone mark)."""
    return _is_syllable(word.lower())


@lru_cache(maxsize=1 << 16)  # words repeat: a text has a few thousand distinct ones
def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in TONES]
    if len(tones) > 1:
        return False
    base = _nfc("".join(c for c in decomposed if c not in TONES))
    tone = tones[0] if tones else ""
    for onset in [o for o in _ONSETS if base.startswith(o)] + [""]:
        m = _SYLLABLE.fullmatch(base[len(onset):])
        if m and not m.group(1) and _fits(m.group(2), m.group(3) or "", tone):
            return True
        if onset == "gi":  # "gì", "gìn": the i of gi is the vowel
            m = _SYLLABLE.fullmatch(base[1:])
            if m and not m.group(1) and _fits(m.group(2), m.group(3) or "", tone):
                return True
    return False


def score(text: str, limit: int = 20000) -> tuple[int, int]:
    """(valid, total) over the first ``limit`` words that hold a non-ASCII letter."""
    valid = total = 0
    for token in _SPLIT.split(_nfc(text)):
        word = _EDGES.sub("", token)
        if word.isascii() or not any(c.isalpha() and not c.isascii() for c in word):
            continue  # no accented letter to judge by ("Don’t", "2019–2023")
        total += 1
        valid += is_syllable(word)
        if total >= limit:
            break
    return valid, total
