"""Quotes and claims: who said what, where and when, direct or reported, and the denials that answer claims.

Importing this package registers the ``quotes`` stage.
"""

from harbinger.quotes.finder import Candidate, find_candidates
from harbinger.quotes.lexicon import QuoteLexicon, load_lexicon
from harbinger.quotes.marks import find_quoted
from harbinger.quotes.models import Claim, Quote, QuoteContext, Speaker
from harbinger.quotes.stage import ATTR, CLAIMS_ATTR, SPEC, annotate, quote_context_for_span, quotes_to_json

__all__ = [
    "ATTR",
    "CLAIMS_ATTR",
    "SPEC",
    "Candidate",
    "Claim",
    "Quote",
    "QuoteContext",
    "QuoteLexicon",
    "Speaker",
    "annotate",
    "find_candidates",
    "find_quoted",
    "load_lexicon",
    "quote_context_for_span",
    "quotes_to_json",
]
