"""Time expressions: find them, resolve them against the document date, and date events by the parse.

Importing this package registers the ``time`` stage.
"""

from harbinger.time.grammar import Parsed, parse, scan
from harbinger.time.normaliser import Normaliser, References, Resolution
from harbinger.time.stage import ATTR, SPEC, DateFrom, EventDate, Timex, date_for_token, timexes_to_json

__all__ = [
    "ATTR",
    "DateFrom",
    "EventDate",
    "SPEC",
    "Normaliser",
    "Parsed",
    "References",
    "Resolution",
    "Timex",
    "date_for_token",
    "parse",
    "scan",
    "timexes_to_json",
]
