"""Choose how to decode an input's bytes, and say how sure the choice is.

A byte-order mark decides (UTF-8, UTF-16, UTF-32, checked before anything sniffs
the format); valid UTF-8 is UTF-8. Anything else is a guess: bytes that read as
Western text in cp1252 are cp1252 (so "Café … Zürich" is not cp775's "Cafķ ģ Z³rich"),
and otherwise charset-normalizer decides, steered to the most common of the code
pages that read the bytes as cleanly as its best. The choice carries a note for
the H103 warning naming the encoding, how sure the guess is and its rivals.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Legacy encodings roughly in order of how common they are on the web (W3Techs' character
# encoding survey): of several that read a text equally cleanly, the first listed wins. An
# encoding the detector names outside this list (cp775, cp437, mac_*) needs better evidence.
COMMON_ENCODINGS = (
    "cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "shift_jis", "cp932", "gb18030", "gb2312", "euc_kr", "cp949",
    "euc_jp", "big5", "cp1253", "cp1254", "cp1256", "cp1255", "cp1257", "cp874", "iso8859_2", "koi8_r", "koi8_u",
)
WESTERN = "cp1252"
WESTERN_PUNCTUATION = set("\xa0\xad¡¿«»‹›‘’‚“”„–—…•·°§¶€£¥¢©®™×÷±")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ACCENTED_WORD = re.compile(r"[^\W\d_a-zA-Z]{3,}")  # three or more letters in a row, none of them plain
# charset-normalizer's "chaos" is a percentage; guesses within this margin of the best are ties.
CHAOS_MARGIN = 1.0
# More than this share of control characters in a decoded text means the bytes were not text.
MAX_CONTROL_SHARE = 0.1


@dataclass(frozen=True)
class Encoding:
    codec: str  # a Python codec name
    note: str | None  # what the H103 warning says about the choice; None for UTF-8, which needs no warning


UTF8 = Encoding("utf-8", None)


def bom_encoding(head: bytes) -> Encoding | None:
    for bom, codec, label in BOMS:
        if head.startswith(bom):
            return Encoding(codec, None if codec == "utf-8-sig" else f"{label} (certain: the file starts with its byte-order mark)")
    return None


def sniffable_text(head: bytes) -> str:
    """The first bytes as text good enough to sniff a format by (ASCII keywords and brackets)."""
    encoding = bom_encoding(head)
    return head.decode(encoding.codec if encoding else "latin-1", errors="ignore").lstrip("\ufeff")


def choose_encoding(sample: bytes, *, whole: bool) -> Encoding | None:
    """The encoding of the bytes ``sample`` begins (or, when ``whole``, is); None when they are not text at all."""
    encoding = bom_encoding(sample)
    if encoding is None and is_utf8(sample, whole=whole):
        return UTF8
    if encoding is None:
        if b"\x00" in sample[:8192]:
            return None
        encoding = guess_encoding(sample)
    text = sample[:16384].decode(encoding.codec, errors="replace")
    if not whole:
        text = text[:-1]  # the sample may end inside a character
    if sum(not (c.isprintable() or c.isspace()) for c in text[:4096]) > MAX_CONTROL_SHARE * min(len(text), 4096):
        return None
    return encoding


def is_utf8(data: bytes, *, whole: bool) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        # A sample cut from a longer stream may end part-way through a character.
        return not whole and err.reason == "unexpected end of data" and err.start >= len(data) - 3
    return True


def guess_encoding(data: bytes) -> Encoding:
    """charset-normalizer's guess, steered to cp1252 for Western text and to common code pages otherwise.

    The detector is unreliable between Latin code pages (it reads "señor à" as cp1257's "seńor ą"), so
    bytes that read as Western text in cp1252 are cp1252. The price: Central European text whose letters
    all exist in cp1252 (Hungarian "ő" read as "õ") is misread, with the warning saying it was a guess.
    """
    matches = list(charset_normalizer.from_bytes(data))
    best = min((match.percent_chaos for match in matches), default=0.0)
    # Each match is one reading of the bytes, shared by every encoding in its could_be_from_charset.
    fitting = sorted((match for match in matches if match.percent_chaos <= best + CHAOS_MARGIN), key=_commonness)
    if _looks_western(data):
        rivals = [match.encoding for match in fitting if WESTERN not in match.could_be_from_charset]
        if fitting and not rivals:
            return Encoding(WESTERN, f"{WESTERN} (high confidence: no other encoding reads it as cleanly)")
        return Encoding(WESTERN, f"{WESTERN} (low confidence: {_listed(rivals)}; {WESTERN} reads it as Western text)")
    common = [match for match in fitting if _commonness(match) < len(COMMON_ENCODINGS)]
    if not common:
        return Encoding("latin-1", f"latin-1 (no confidence: {_listed([m.encoding for m in fitting])}, none of them common)")
    codec, rivals = COMMON_ENCODINGS[_commonness(common[0])], [match.encoding for match in fitting if match is not common[0]]
    if not rivals and common[0].percent_coherence > 0:
        return Encoding(codec, f"{codec} (high confidence: the only clean reading, and it reads as {common[0].language})")
    return Encoding(codec, f"{codec} (low confidence: {_listed(rivals)}; {codec} is the most common)")


def _commonness(match: charset_normalizer.CharsetMatch) -> int:
    """The place in COMMON_ENCODINGS of the most common encoding giving this reading (past the end: none)."""
    places = [COMMON_ENCODINGS.index(name) for name in match.could_be_from_charset if name in COMMON_ENCODINGS]
    return min(places, default=len(COMMON_ENCODINGS))


def _listed(rivals: list[str]) -> str:
    if not rivals:
        return "too little text to tell"
    shown = ", ".join(rivals[:3]) + (f" and {len(rivals) - 3} more" if len(rivals) > 3 else "")
    return f"{shown} read it as cleanly, but differently"


def _looks_western(data: bytes) -> bool:
    """Whether the bytes read in cp1252 as Western European text: accented letters only inside plain words.

    Cyrillic, Greek or Hebrew bytes read in cp1252 give whole words of accented letters ("Ìèíèñòð");
    Central European ones give symbols among the letters ("³" for "ł").
    """
    try:
        text = data[:65536].decode(WESTERN)
    except UnicodeDecodeError:
        return False
    if _ACCENTED_WORD.search(text):
        return False
    return all(char.isalpha() or char in WESTERN_PUNCTUATION for char in _NON_ASCII.findall(text))
