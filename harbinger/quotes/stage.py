"""The ``quotes`` stage: who said what, where and when, and the claims and denials it makes.

Reads the parse and, when those stages ran first, ``doc._.actors`` and
``doc._.timexes``; adds ``doc._.quotes`` (a tuple of :class:`Quote`, in text
order) and ``doc._.claims`` (a tuple of :class:`Claim`). Each quote's JSON
carries its claim, so stores and scorers see both through one attribute. The
word lists load once per process; the stage config may name user copies
(``{"lexicon": path, "venues": path, "cues": path}``) and the content span
convention (``{"content_spans": "parc"}``, the default, or ``"proposition"``
for bare propositions; ``docs/quotes.md``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from harbinger.errors import HarbingerError
from harbinger.quotes.attribution import resolve
from harbinger.quotes.finder import find_candidates
from harbinger.quotes.lexicon import QuoteLexicon, load_lexicon
from harbinger.quotes.models import Quote, QuoteContext
from harbinger.quotes.rows import QUOTES_TABLE
from harbinger.quotes.spans import CONVENTIONS
from harbinger.ontology import Mode
from harbinger.stages import StageSpec, layer, register_stage

ATTR = "quotes"
CLAIMS_ATTR = "claims"

if not Doc.has_extension(CLAIMS_ATTR):
    Doc.set_extension(CLAIMS_ATTR, default=None)


def annotate(doc: Doc, lexicon: QuoteLexicon | None = None, content_spans: str = "parc"):
    lexicon = lexicon or load_lexicon()
    article = doc._.article
    text = doc.text  # equals article.text outside the blanked header; computed once, Doc.text is not cached
    candidates = find_candidates(doc, lexicon, article.body_start if article is not None else 0, text)
    return resolve(doc, candidates, lexicon, text, content_spans)


class QuotesComponent:
    def __init__(self, nlp: Language, name: str, lexicon: str | None, venues: str | None, cues: str | None, content_spans: str):
        if content_spans not in CONVENTIONS:
            raise HarbingerError("H509", f"quotes stage: content_spans '{content_spans}' is not one of {', '.join(CONVENTIONS)}")
        self.name = name
        self.lexicon = load_lexicon(lexicon, venues, cues)
        self.content_spans = content_spans

    def __call__(self, doc: Doc) -> Doc:
        quotes, claims = annotate(doc, self.lexicon, self.content_spans)
        doc._.set(ATTR, quotes)
        doc._.set(CLAIMS_ATTR, claims)
        return doc


CONFIG = {"lexicon": None, "venues": None, "cues": None, "content_spans": "parc"}


@Language.factory("harbinger_quotes", assigns=[f"doc._.{ATTR}", f"doc._.{CLAIMS_ATTR}"], default_config=CONFIG)
def make_quotes(nlp: Language, name: str, lexicon: str | None, venues: str | None, cues: str | None, content_spans: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, lexicon, venues, cues, content_spans)


def quotes_to_json(doc: Doc) -> list[dict]:
    by_quote = {claim.quote: claim for claim in doc._.get(CLAIMS_ATTR) or ()}
    rows = []
    for quote in doc._.get(ATTR) or ():
        row = quote.to_dict()
        claim = by_quote.get(quote.id)
        row["claim"] = claim.to_dict() if claim else None
        rows.append(row)
    return rows


def quote_context_for_span(doc: Doc, start: int, end: int) -> QuoteContext | None:
    """The quote whose words contain the character span ``[start, end)``, and what an event there inherits.

    For the events stage: an event coded inside quoted or reported words takes
    ``mode`` from the quote ("denied" for a denial cue, "reported" for
    unnamed or "according to" sources and report cues, else "asserted") and,
    when its own clause has no subject, ``speaker`` as its source. Returns
    None outside every quote or when the quotes stage did not run.
    """
    inside = [
        q for q in layer(doc, "quotes") or ()
        if any(s.start <= start and end <= s.end for s in q.segments) or (q.content.start <= start and end <= q.content.end)
    ]
    if not inside:
        return None
    quote = min(inside, key=lambda q: q.content.end - q.content.start)
    lexicon = load_lexicon()
    return QuoteContext(quote, quote.speaker, quote.kind, quote.cue, quote.act, _mode(quote, lexicon))


def _mode(quote: Quote, lexicon: QuoteLexicon) -> Mode:
    if quote.act == "deny":
        return Mode.DENIED
    head = quote.speaker.mention.text.split()[-1].lower() if quote.speaker else ""
    unnamed = quote.speaker is None or head in lexicon.anonymous_sources  # "officials", "sources", "a spokesman"
    if quote.act == "report" or quote.found_by == "source-phrase" or unnamed:
        return Mode.REPORTED
    return Mode.ASSERTED


SPEC = register_stage(
    StageSpec(
        name="quotes",
        factory="harbinger_quotes",
        attr=ATTR,
        to_json=quotes_to_json,
        reads=("actors", "time"),
        config=CONFIG,
        table=QUOTES_TABLE,
    )
)
