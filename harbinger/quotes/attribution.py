"""Decide who said each found attribution, when, and which claims it makes; link denials to what they dispute.

Reads the finder's candidates, ``doc._.actors`` (speaker codes, pronouns
through coreference) and ``doc._.timexes`` (the date of the cue) when those
stages ran before; without them a speaker is its own mention text with no
code and the date is the document date. A pronoun the actors stage could not
resolve falls back to the last named speaker nearby. Each quote's content
follows the stage's span convention (:mod:`harbinger.quotes.spans`) and keeps
its bare proposition beside it. Claims are the bare propositions of reported
attributions of every cue class, with the stance the cue implies (asserts,
doubts, demands; a denial "disputes"); a deny cue, or a negated assertion
sharing content words with an earlier claim by someone else, disputes the
earlier claim it overlaps most. A claim nested in a longer claim of the same
holder ("he said he doesn't expect …") is stated by the longer one.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right

from spacy.tokens import Doc

from harbinger.actors import actor_for_span
from harbinger.models import Span
from harbinger.quotes.finder import Candidate
from harbinger.quotes.lexicon import CLAIM_ACTS, QuoteLexicon
from harbinger.quotes.models import Claim, Quote, Speaker
from harbinger.quotes.spans import parc_segments
from harbinger.stages import layer
from harbinger.time import DateFrom, EventDate, date_for_token

FOUND_BY_CONFIDENCE = {
    "frame": 0.9, "clause": 0.85, "byline": 0.8, "colon": 0.8, "source-phrase": 0.8, "parataxis": 0.75, "infinitive": 0.75,
    "line": 0.75, "nominal": 0.7, "object": 0.7, "continuation": 0.7, "fragment": 0.5,
}  # fmt: skip
CLAIM_STANCE = {"asserts": "asserts", "denies": "disputes", "doubts": "doubts", "demands": "demands"}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they", "my": "i", "our": "we"}
PREVIOUS_SPEAKER_PARAGRAPHS = 3
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
MIN_SHARED_FOR_NEGATED_DENIAL = 2


def _actor_for_span(doc: Doc, start: int, end: int, head_at: int | None):
    """The actor mention holding the speaker phrase's head word ("Carlotta Weibl" in "Sea-Eye spokesperson Carlotta
    Weibl", not "Sea-Eye"); else the actors stage's own pick for the span, keeping only its code."""
    mentions = layer(doc, "actors")
    if mentions is None:
        return None, False
    if head_at is not None:
        holding = [m for m in mentions if m.start <= head_at < m.end and m.start >= start and m.end <= end]
        if holding:
            return min(holding, key=lambda m: m.end - m.start), True
    return actor_for_span(doc, start, end), False


SINGULAR_PERSON = {"he", "she", "him", "her"}
NON_PERSON = {"it"}
PLURAL = {"they", "them"}


def _agrees(pronoun: str, doc: Doc, mention: Span) -> bool:
    """Crude number/person agreement between a pronoun and an earlier speaker phrase (by its head word)."""
    phrase = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if phrase is None or not len(phrase):
        return False
    head = phrase.root
    person = head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.ent_type_ not in {"ORG", "GPE", "NORP", "FAC", "LOC"})
    plural = head.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "conj" for t in phrase)
    if pronoun in SINGULAR_PERSON:
        return person and not plural
    if pronoun in NON_PERSON:
        return not person and not plural
    if pronoun in PLURAL:
        return plural or head.ent_type_ in {"ORG", "NORP"}
    return False


def _date_of(doc: Doc, token_i: int | None) -> tuple[str | None, DateFrom | None]:
    if token_i is None:
        dated = EventDate.of_document(doc._.article.date if doc._.article is not None else None)
    else:
        dated = date_for_token(doc, doc[token_i])
    return dated.value, dated.date_from


def _stable_id(article_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{kind}:{start}:{end}".encode()).hexdigest()[:16]


def _speaker(doc: Doc, text: str, candidate: Candidate, lexicon: QuoteLexicon, earlier: list[Quote]) -> Speaker | None:
    if candidate.speaker is None:
        return None
    mention = Span.of(text, *candidate.speaker)
    if candidate.via == "continuation" and earlier and earlier[-1].speaker is not None:
        previous = earlier[-1].speaker
        return Speaker(previous.mention, previous.name, previous.code, ("continues the previous quote", *previous.resolved_by))
    head_at = doc[candidate.speaker_token].idx if candidate.speaker_token is not None else None
    actor, holds_head = _actor_for_span(doc, *candidate.speaker, head_at)
    pronoun = mention.text.lower()
    pronoun = POSSESSIVE_PRONOUNS.get(pronoun, pronoun)  # "his claim that …"
    is_pronoun = pronoun in lexicon.pronouns
    if actor is not None and (actor.code is not None or not is_pronoun or actor.name.lower() not in lexicon.pronouns):
        name = actor.name if holds_head or actor.kind == "pronoun" else mention.text
        return Speaker(mention, name, actor.code, (f"actor:{actor.kind}", *actor.resolved_by))
    if is_pronoun:
        paragraph = text.count("\n", 0, mention.start)
        for quote in reversed(earlier):
            named = quote.speaker
            if named is None or named.name.lower() in lexicon.pronouns:
                continue
            if paragraph - text.count("\n", 0, named.mention.start) > PREVIOUS_SPEAKER_PARAGRAPHS * 2:
                break
            if _agrees(pronoun, doc, named.mention):
                return Speaker(mention, named.name, named.code, (f"previous speaker@{named.mention.start}",))
    return Speaker(mention, mention.text, None, ("mention text",))


def resolve(
    doc: Doc, candidates: list[Candidate], lexicon: QuoteLexicon, text: str | None = None, convention: str = "parc"
) -> tuple[tuple[Quote, ...], tuple[Claim, ...]]:
    article = doc._.article
    article_id = article.id if article is not None else ""
    text = doc.text if text is None else text
    quotes: list[Quote] = []
    for candidate in candidates:
        speaker = _speaker(doc, text, candidate, lexicon, quotes)
        date, date_from = _date_of(doc, candidate.cue_token)
        confidence = FOUND_BY_CONFIDENCE.get(candidate.via, 0.5) - (0.2 if speaker is None or speaker.code is None else 0.0)
        start, end = candidate.content
        segments = (candidate.parc or parc_segments(text, candidate.segments, candidate.via)) if convention == "parc" else candidate.segments
        proposition = Span.of(text, start, end)
        content = Span.of(text, segments[0][0], segments[-1][1])
        quotes.append(
            Quote(
                id=_stable_id(article_id, "quote", start, end),
                kind=candidate.kind,
                content=content,
                segments=tuple(Span.of(text, *s) for s in segments),
                cue=Span.of(text, *candidate.cue) if candidate.cue else None,
                act=candidate.act,
                speaker=speaker,
                venue=Span.of(text, *candidate.venue) if candidate.venue else None,
                date=date,
                date_from=date_from,
                found_by=candidate.via,
                confidence=round(max(confidence, 0.1), 2),
                proposition=None if proposition == content else proposition,
                cue_class=candidate.cue_class,
                stance=candidate.stance,
            )
        )
    return tuple(quotes), _claims(doc, text, article_id, quotes, lexicon)


def _content_lemmas(doc: Doc, span: Span) -> set[str]:
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    return {t.lemma_.lower() for t in chars or () if t.pos_ in CONTENT_POS and not t.is_stop} if chars is not None else set()


def _negated(doc: Doc, span: Span) -> bool:
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    if chars is None or not len(chars):
        return False
    root = chars.root
    return any(c.dep_ == "neg" for c in root.children) or any(c.dep_ == "neg" for h in root.children if h.dep_ in {"aux", "xcomp"} for c in h.children)


def _is_quoted(text: str, span: Span) -> bool:
    """Whether the span is exactly a stretch inside quotation marks (a quoted fragment, not a reported clause)."""
    return span.start > 0 and text[span.start - 1] in "\"“«„" and span.end < len(text) and text[span.end] in "\"”»"


def _states_claim(doc: Doc, text: str, quote: Quote) -> bool:
    """Reported words that state a proposition: a reported clause, an infinitive, a demanded thing, a judgement
    with a verb in it ("accused Russia of orchestrating …"); not a direct quote, a fragment or a bare noun judged."""
    bare = quote.bare
    reported = quote.kind == "indirect" or (quote.kind == "mixed" and len(quote.segments) == 1 and not _is_quoted(text, bare))
    if quote.act not in CLAIM_ACTS or not reported or quote.found_by == "fragment":
        return False
    if quote.found_by == "object" and quote.stance != "demands":
        chars = doc.char_span(bare.start, bare.end, alignment_mode="expand")
        return chars is not None and any(t.pos_ in {"VERB", "AUX"} for t in chars)
    return True


def _nested(quote: Quote, others: list[Quote]) -> bool:
    """Inside a longer claim by the same holder, which states it already ("he said he doesn't expect …")."""
    name = quote.speaker.name if quote.speaker else None
    span = quote.bare
    return any(
        other is not quote and other.speaker is not None and other.speaker.name == name
        and other.bare.start <= span.start and span.end <= other.bare.end and (other.bare.end - other.bare.start) > (span.end - span.start)
        for other in others
    )


def _claims(doc: Doc, text: str, article_id: str, quotes: list[Quote], lexicon: QuoteLexicon) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    lemmas: list[set[str]] = []
    sources: list[Quote] = []
    sents = list(doc.sents)  # Token.sent walks the sentences on every call
    sent_starts = [s.start for s in sents]
    quoted = [(s.start, s.end) for q in quotes if q.kind == "direct" for s in q.segments]
    # An attribution nested in a direct quote ("“… I urge my colleagues to act,” Cruz said") is the quote's own words, not reported speech.
    stating = [q for q in quotes if _states_claim(doc, text, q) and not (q.cue and any(a <= q.cue.start < b for a, b in quoted))]
    for quote in stating:
        if _nested(quote, stating):
            continue
        bare = quote.bare
        words = _content_lemmas(doc, bare)
        holder = quote.speaker
        stance, why, relates_to = CLAIM_STANCE[quote.stance], [f"cue:{quote.cue.text if quote.cue else '-'}", f"class:{quote.cue_class}"], None
        first = doc.char_span(bare.start, bare.end, alignment_mode="expand")
        sentence = sents[bisect_right(sent_starts, first.start) - 1] if first is not None and len(first) else None
        names_report = sentence is not None and any(t.lemma_.lower() in lexicon.claim_nouns for t in sentence)
        # A denial that names "the report"/"the story" answers a claim made to or by an outlet; then shared words; then the nearest.
        overlaps = [
            (names_report and sources[k].venue is not None, len(words & lemmas[k]), k, claim)
            for k, claim in enumerate(claims)
            if not (holder and claim.holder and holder.name == claim.holder.name)
        ]
        ranked = max(overlaps, key=lambda o: o[:3], default=None)
        best = (ranked[1], ranked[2], ranked[3]) if ranked else None
        if quote.act == "deny" and stance == "disputes":
            why.append("denial cue")
        elif stance == "asserts" and best is not None and best[0] >= MIN_SHARED_FOR_NEGATED_DENIAL and _negated(doc, bare):
            stance = "disputes"
            why.append("negated assertion answering an earlier claim")
        if stance == "disputes" and best is not None and best[0] > 0:
            relates_to = best[2].id
            why.append(f"shares {best[0]} content words with {best[2].id}")
        claims.append(
            Claim(
                id=_stable_id(article_id, "claim", bare.start, bare.end),
                quote=quote.id,
                text=bare,
                holder=holder,
                stance=stance,
                relates_to=relates_to,
                why=tuple(why),
            )
        )
        lemmas.append(words)
        sources.append(quote)
    return tuple(claims)
