"""Parse JSON records with bounded recursion, and JSON arrays without reading them whole.

``loads`` measures a record's nesting before parsing it, so ``[[[[…]]]]`` 100,000
deep is one refused record rather than a RecursionError that ends the run.
``ArrayItems`` splits a JSON array into the bytes of its items as it reads them, so
an array of a million records is read one record at a time under the size cap.
"""

from __future__ import annotations

import json
import re
from typing import Callable, Iterator

# News records nest a few levels; Python's json module recurses once per level.
MAX_DEPTH = 100
READ_BYTES = 1 << 20

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_NESTING = re.compile(_STRING + r"|[\[\]{}]", re.DOTALL)
# In an array being read, a lone '"' is a string cut off at the end of what has been read so far.
_ARRAY_TOKEN = re.compile((_STRING + r'|[\[\]{},"]').encode(), re.DOTALL)
# Inside an item only brackets matter: skip strings and other text in one (possessive, so stackless) match.
_ITEM_TEXT = re.compile((r'(?:' + _STRING + r'|[^"\[\]{}]+)*+').encode(), re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class TooDeep(ValueError):
    """A record nested deeper than MAX_DEPTH."""


class ItemTooLarge(ValueError):
    """An array item over the size cap: the array cannot be followed past it without holding it."""


class MalformedArray(ValueError):
    """The array is not closed: no item after this point can be found."""


def loads(text: str) -> object:
    """``json.loads`` that refuses records nested deeper than MAX_DEPTH, keeps over-long integers and
    replaces unpaired surrogates ("\\ud800" escapes that no text encoding can write) with U+FFFD."""
    if _too_deep(text):
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")
    value = _DECODER.decode(text)
    return _without_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value


def _integer(digits: str) -> int | str:
    # Python refuses to convert integers of more than 4,300 digits (a denial-of-service guard). No field
    # Harbinger reads is such a number, so keep the digits rather than lose the record around them.
    try:
        return int(digits)
    except ValueError:
        return digits


_DECODER = json.JSONDecoder(parse_int=_integer)


def _without_surrogates(value: object) -> object:
    # json joins escaped surrogate pairs into one character, so any surrogate left has no partner.
    # The recursion is bounded: the record is at most MAX_DEPTH deep.
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    return value


def is_array_document(head: str) -> bool:
    """Whether a file starting with ``head`` (after blanks) holds one JSON array rather than JSON Lines.

    A first line that opens an array and closes it, with more lines after it, is a JSON line that
    happens to be an array (or a deeply nested attack on the reader): the other lines are records.
    """
    if not head.startswith("["):
        return False
    first, _, rest = head.partition("\n")
    if not rest.strip():
        return True
    return not any(bracket in "]}" and depth == 0 for bracket, depth in _depths(first))


def _depths(text: str):
    """Each bracket outside strings and the nesting depth after it, without recursing."""
    depth = 0
    for match in _NESTING.finditer(text):
        bracket = text[match.start()]
        if bracket in "[{":
            depth += 1
        elif bracket in "]}":
            depth -= 1
        else:
            continue
        yield bracket, depth


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    return any(depth > MAX_DEPTH for _, depth in _depths(text))


class ArrayItems:
    """The bytes of each item of the JSON array that ``read`` returns (its first bracket opens the array).

    Iterating raises ItemTooLarge for an item over ``limit`` bytes and MalformedArray when the array
    is not closed; the items before that point have been yielded. After the closing bracket, ``rest``
    holds what was read past it and ``newlines`` counts the line ends before it, so a caller can read
    on: a JSON Lines file whose first line is an array is not lost.
    """

    def __init__(self, read: Callable[[int], bytes], limit: int):
        self._read, self._limit = read, limit
        self.rest = b""
        self.newlines = 0

    def __iter__(self) -> Iterator[bytes]:
        buffer = bytearray(self._read(READ_BYTES))
        at_end = not buffer
        start = position = buffer.index(b"[") + 1
        depth = separators = 0
        while True:
            if depth:
                position = _ITEM_TEXT.match(buffer, position).end()
            match = _ARRAY_TOKEN.search(buffer, position)
            if match is None or match.group() == b'"':
                if at_end:
                    raise MalformedArray("a string is not closed" if match else "the array is not closed with ']'")
                if len(buffer) - start > self._limit:
                    raise ItemTooLarge(f"item is over {self._limit:,} bytes")
                position = (match.start() if match else len(buffer)) - start
                self.newlines += buffer.count(b"\n", 0, start)
                del buffer[:start]
                start = 0
                more = self._read(max(READ_BYTES, len(buffer)))  # doubling keeps re-scanning a long item linear
                at_end = not more
                buffer += more
                continue
            token = match.group()[:1]
            position = match.end()
            if token in (b"[", b"{"):
                depth += 1
            elif token in (b"]", b"}") and depth:
                depth -= 1
            elif token == b"]":
                item = bytes(buffer[start : match.start()])
                if item.strip() or separators:
                    yield item
                self.newlines += buffer.count(b"\n", 0, position)
                self.rest = bytes(buffer[position:])
                return
            elif token == b"," and not depth:
                yield bytes(buffer[start : match.start()])
                separators += 1
                start = position
