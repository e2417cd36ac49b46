"""The quote stage's result types: quotes with their speaker and venue, and the claims they make."""

from __future__ import annotations

from dataclasses import dataclass

from harbinger.models import Span
from harbinger.ontology import Mode
from harbinger.time import DateFrom


def _span(span: Span | None) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


@dataclass(frozen=True)
class Speaker:
    """Who said it: the mention in the text and the actor it stands for ("he" -> Antony Blinken, USAGOV)."""

    mention: Span
    name: str
    code: str | None
    resolved_by: tuple[str, ...]

    def to_dict(self) -> dict:
        return {**_span(self.mention), "name": self.name, "code": self.code, "resolved_by": list(self.resolved_by)}


@dataclass(frozen=True)
class Quote:
    """One attribution: the words reported, the cue that reports them, the speaker, where and when."""

    id: str
    kind: str  # "direct" (in quotation marks), "indirect" (reported clause), "mixed" (reported clause with quoted words)
    content: Span  # in the stage's convention (PARC by default: with "that", "to" and quotation marks); a split quote's frame lies inside
    segments: tuple[Span, ...]  # the content pieces themselves, in the same convention
    cue: Span | None  # None when a quote continues the previous speaker's words without a new cue
    act: str  # assert, deny, report, threat, directive, commissive
    speaker: Speaker | None
    venue: Span | None
    date: str | None
    date_from: DateFrom | None  # a time expression governing the cue, the document date, or None without a date
    found_by: str
    confidence: float
    proposition: Span | None = None  # the bare proposition (no "that", "to" or marks); None when it equals content
    cue_class: str = "speech"  # PARC cue class: speech, belief, intention, demand, judgement, evidence
    stance: str = "asserts"  # what the content is for a claim: asserts, doubts, denies, demands

    @property
    def bare(self) -> Span:
        """The proposition without complementiser, "to" or quotation marks, whatever the content convention."""
        return self.proposition or self.content

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "cue_class": self.cue_class,
            "stance": self.stance,
            "content": _span(self.content),
            "proposition": _span(self.bare),
            "segments": [_span(s) for s in self.segments],
            "cue": _span(self.cue),
            "act": self.act,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "venue": _span(self.venue),
            "date": self.date,
            "date_from": self.date_from.value if self.date_from else None,
            "found_by": self.found_by,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Claim:
    """A proposition attributed to a holder; a denial names the earlier claim it disputes."""

    id: str
    quote: str  # id of the quote that states it
    text: Span
    holder: Speaker | None
    stance: str  # "asserts", "disputes" (a denial), "doubts" or "demands"
    relates_to: str | None  # id of the disputed claim
    why: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "quote": self.quote,
            "text": _span(self.text),
            "holder": self.holder.to_dict() if self.holder else None,
            "stance": self.stance,
            "relates_to": self.relates_to,
            "why": list(self.why),
        }


@dataclass(frozen=True)
class QuoteContext:
    """What an event inside quoted or reported words inherits from the quote (see ``quote_context_for_span``)."""

    quote: Quote
    speaker: Speaker | None
    kind: str
    cue: Span | None
    act: str
    mode: Mode  # the mode the quote suggests for an event in its content: asserted, reported or denied
