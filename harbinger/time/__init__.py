"""Time expressions: find them, resolve them against the document date, and date events by the parse.

Importing this package registers the ``time`` stage and its ``time`` scorer.
"""

from harbinger.time import scorer as _scorer  # noqa: F401  (registers the "time" scorer)
from harbinger.time.grammar import Parsed, parse, scan
from harbinger.time.normaliser import Normaliser, References, Resolution
from harbinger.time.stage import ATTR, SPEC, Timex, date_for_token, timexes_to_json

__all__ = [
    "ATTR",
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
