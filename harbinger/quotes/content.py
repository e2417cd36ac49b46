"""The content a cue governs, as a bare proposition: a complement clause without its "that", an
infinitive without its "to", or the object a judgement, demand or intention is about.

Which complements count depends on the cue's class (``CueEntry.object_is_content``): "condemned the
attack" attributes "the attack", "told reporters" attributes nothing. The PARC spans (with "that", "to"
and quotation marks) are derived from these by :mod:`harbinger.quotes.spans`, except for a demand made
of someone ("urged Russia to withdraw"): the proposition keeps who is asked ("Russia to withdraw"), the
claim being about them, while PARC's content is the infinitive alone ("to withdraw"), the addressee
being a participant of the cue, not of the content. :func:`complement` returns that PARC span beside it.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from harbinger.quotes.cues import COPULAS, CueMatch, to_gerund

EDGE_PUNCT = " \t\r\n,;:.—–-"
OBJECT_TAIL = {"for", "of", "as", "over", "against", "on"}  # "accused X of", "praised X for", "blamed X for"
ADDRESSEE_PARTICLES = {"on", "upon", "to"}  # "called on Congress to act": the object is who is asked, not what
_LEADING_THAT = re.compile(r"(?:that|whether|if)\s+", re.IGNORECASE)


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return (start, end) if start < end else None


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def clause_span(text: str, quoted: list[tuple[int, int]], clause: Token, cut: Token | None = None, tokens_in=None) -> tuple[int, int] | None:
    """Offsets of a complement clause without its complementiser, edge punctuation or the ``cut`` subtree."""
    start, end = clause.left_edge.idx, _end(clause.right_edge)
    if cut is not None:
        cut_start, cut_end = cut.left_edge.idx, _end(cut.right_edge)
        if cut_start <= start < cut_end:
            start = cut_end
        elif cut_start < end <= cut_end:
            end = cut_start
    for q_start, q_end in quoted:
        if start < q_start - 1 < end and end + 2 < q_end:
            end = q_start - 1  # a quote that starts inside the clause but runs past it is its own attribution
            before = [t for t in tokens_in(start, end) if not t.is_punct and not t.is_space] if tokens_in else []
            if before and before[-1].tag_ == "VBG":  # "…, stating" belongs to the quote's frame
                end = before[-1].idx
    span = trim_span(text, start, end)
    if span is None:
        return None
    lead = _LEADING_THAT.match(text, span[0], span[1])
    if lead and clause.left_edge.dep_ == "mark":
        span = trim_span(text, lead.end(), span[1])
    return span


def infinitive_span(text: str, verb: Token) -> tuple[int, int] | None:
    """An infinitive's words after its "to" and any subject before it ("urged Russia to withdraw" -> "withdraw …")."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None:
        return None
    return trim_span(text, _end(to), _end(verb.right_edge))


def _incomplete(cue: Token, verb: Token) -> bool:
    """An infinitive whose object was moved before the cue ("what the U.S. plans to bring", "the things the
    Administration plans to evaluate"): without it the words state no proposition."""
    if any(c.dep_ in {"dobj", "pobj"} and c.i < cue.i for c in verb.subtree):
        return True
    return cue.dep_ in {"relcl", "acl", "csubj"} and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "prep"} for c in verb.children)


def _with_addressee(text: str, addressee: Token | None, verb: Token) -> tuple[int, int] | None:
    """A demand's content with who is asked: "urged [Russia to withdraw its troops]"."""
    if addressee is None or addressee.i > verb.i:
        return infinitive_span(text, verb)
    return trim_span(text, addressee.left_edge.idx, _end(verb.right_edge))


def _to_infinitive(text: str, verb: Token) -> tuple[int, int] | None:
    """The PARC span of a demand's infinitive without its addressee: "urged Russia [to withdraw its troops]"."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    return trim_span(text, to.idx, _end(verb.right_edge)) if to is not None else None


def _asked(text: str, addressee: Token | None, verb: Token, drop_addressee: bool = True) -> tuple[tuple[int, int], str, tuple[int, int] | None] | None:
    """A demand of someone: the proposition with the addressee, and (``drop_addressee``) the PARC span without it."""
    span = _with_addressee(text, addressee, verb)
    if span is None:
        return None
    parc = _to_infinitive(text, verb) if drop_addressee and addressee is not None and addressee.i < verb.i else None
    return span, "clause", parc


def _object_span(text: str, cue: Token, obj: Token) -> tuple[int, int] | None:
    """The object and the complements after it that say what it is judged for ("accused Russia of lying")."""
    end = _end(obj.right_edge)
    for child in cue.rights:
        if child.i <= obj.i:
            continue
        if (child.dep_ == "prep" and child.lower_ in OBJECT_TAIL) or child.dep_ in {"oprd", "xcomp", "ccomp"}:
            end = max(end, _end(child.right_edge))
        elif child.dep_ in {"cc", "conj", "punct", "advcl"}:
            break
    return trim_span(text, obj.left_edge.idx, end)


def complement(text: str, quoted: list[tuple[int, int]], match: CueMatch, tokens_in) -> tuple[tuple[int, int], str, tuple[int, int] | None] | None:
    """The bare content the cue governs, how it was found ("clause", "infinitive", "object") and, when PARC's
    span is not derived from it (a demand's addressee), the PARC span; or None."""
    cue, entry = match.anchor, match.entry
    heads = [cue]
    if match.anchor.lemma_.lower() in COPULAS:  # an adjective cue: the clause hangs off the adjective or the copula
        adjective = next((c for c in cue.children if c.dep_ == "acomp"), None)
        heads = [adjective, cue] if adjective is not None else [cue]
    after = match.span[1]
    for head in heads:
        for child in head.children:
            if child.dep_ == "ccomp" and child.idx >= after:
                span = clause_span(text, quoted, child, tokens_in=tokens_in)
                if span:
                    return span, "clause", None
    for head in heads:
        for child in head.children:
            if child.dep_ == "xcomp" and child.idx >= after and child.pos_ in {"VERB", "AUX"} and not _incomplete(cue, child):
                addressee = next((c for c in head.children if c.dep_ in {"dobj", "dative"} and c.i < child.i), None)
                if addressee is None and match.particle is not None:  # "called on Congress to act"
                    addressee = next((c for c in match.particle.children if c.dep_ == "pobj"), None)
                if entry.cue_class == "demand" and addressee is not None:
                    found = _asked(text, addressee, child)
                    if found:
                        return found
                span = infinitive_span(text, child)
                if span:
                    return span, "infinitive", None
    if entry.cue_class == "intention" and match.particle is None:
        for head in heads:  # "remains committed to delivering aid": the gerund, its "to" added for PARC like an infinitive's
            gerund = to_gerund(head)
            span = trim_span(text, gerund.left_edge.idx, _end(gerund.right_edge)) if gerund is not None else None
            if span:
                return span, "infinitive", None
    if match.particle is not None and match.particle.dep_ == "mark":  # "called for [his death to be investigated]"
        span = trim_span(text, _end(match.particle), _end(match.particle.head.right_edge))
        return (span, "object", None) if span else None
    if match.particle is not None:
        gerund = next((c for c in match.particle.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if gerund is not None:  # "look forward to working together": the particle belongs to the cue
            span = trim_span(text, gerund.left_edge.idx, _end(gerund.right_edge))
            if span:
                return span, "object", None
        pobj = next((c for c in match.particle.children if c.dep_ == "pobj"), None)
        # "called on Congress to act" asks Congress; "called for his death to be investigated" is one content; "look forward to X" is not asking
        addressed = match.particle.lower_ in ADDRESSEE_PARTICLES and entry.cue_class == "demand"
        for child in (pobj.children if pobj is not None else ()):
            if child.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                found = _asked(text, pobj, child, addressed)  # "called on Congress to pass the bill" parsed as the noun's clause
                if found:
                    return found
        infinitive = next((c for c in cue.children if c.dep_ in {"xcomp", "ccomp", "advcl"} and c.i > match.particle.i), None)
        if pobj is not None and infinitive is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
            found = _asked(text, pobj, infinitive, addressed)  # "called on Congress to pass the bill" with the verb's clause
            if found:
                return found
        if pobj is not None and not addressed and pobj.pos_ != "PRON":
            span = trim_span(text, pobj.left_edge.idx, _end(pobj.right_edge))
            if span:
                return span, "object", None
        return None
    if not entry.object_is_content:
        return None
    obj = next((c for c in cue.children if c.dep_ in {"dobj", "attr"} and c.i > cue.i), None)
    if obj is not None and obj.pos_ != "PRON" and obj.tag_ not in {"WDT", "WP"}:
        span = _object_span(text, cue, obj)
        if span:
            return span, "object", None
    agent = any(c.dep_ == "agent" for c in cue.children)
    passive_subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if agent and passive_subject is not None and passive_subject.pos_ != "PRON":  # "the deal was welcomed by Kyiv"
        span = trim_span(text, passive_subject.left_edge.idx, _end(passive_subject.right_edge))
        if span:
            return span, "object", None
    return None
