"""What every attribution finder shares: the candidate type, token lookup by offset, and the speaker's
noun phrase found from a cue through the parse (its subject, a passive agent, the governor's subject).

The finders (:mod:`harbinger.quotes.finder` for quotes and reported speech, :mod:`harbinger.quotes.nominal`
for nominal and prepositional cues, :mod:`harbinger.quotes.lines` for "Name: words" lines and bylines)
return :class:`Candidate` spans only; resolving them is :mod:`harbinger.quotes.attribution`'s job.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from harbinger.quotes.lexicon import QuoteLexicon

CLIMB = {"conj", "xcomp", "advcl"}  # "…, adding that", "and said", "went on to say": the speaker is the governor's subject
NP_CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}


@dataclass(frozen=True)
class Candidate:
    """One attribution as found in the text: spans only, nothing resolved."""

    kind: str  # "direct", "indirect", "mixed"
    segments: tuple[tuple[int, int], ...]  # content pieces; one for indirect speech, several for split quotes
    cue: tuple[int, int] | None
    cue_token: int | None
    act: str  # the speech act of the cue: assert, deny, report, threat, directive, commissive
    speaker: tuple[int, int] | None
    speaker_token: int | None
    venue: tuple[int, int] | None
    via: str  # which rule found it: "frame", "colon", "continuation", "fragment", "clause", "infinitive", "object", "parataxis", "source-phrase", "nominal", "line", "byline"
    cue_class: str = "speech"  # PARC cue class: speech, belief, intention, demand, judgement, evidence
    stance: str = "asserts"  # what the content is for a claim: asserts, doubts, denies, demands
    parc: tuple[tuple[int, int], ...] | None = None  # PARC segments when not derived from the bare ones (a demand without its addressee)

    @property
    def content(self) -> tuple[int, int]:
        return self.segments[0][0], self.segments[-1][1]


class TextIndex:
    """Token lookup by character offset and the per-token facts every finder needs."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]], text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token on each access
        self.starts = [t.idx for t in doc]
        self.quoted = quoted
        self.quote_starts = [q[0] for q in quoted]
        # Token.sent walks the document's sentences on every call; look sentences up by bisection instead.
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]

    def sent(self, tok: Token) -> Span:
        return self.sents[bisect_right(self.sent_starts, tok.i) - 1]

    def token_at(self, char: int) -> Token:
        return self.doc[max(0, bisect_right(self.starts, char) - 1)]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    def in_quote(self, tok: Token) -> bool:
        """Inside a quoted stretch, its marks included."""
        k = bisect_right(self.quote_starts, tok.idx + len(tok.text)) - 1
        return k >= 0 and self.quoted[k][0] - 1 <= tok.idx < self.quoted[k][1] + 1


def words(index: TextIndex, span: tuple[int, int]) -> int:
    return sum(1 for t in index.tokens_in(*span) if not t.is_punct and not t.is_space)


def np_span(tok: Token) -> tuple[int, int]:
    """The noun phrase headed by ``tok``, without relative clauses, appositions or anything after a comma."""
    left = tok.left_edge
    while left.i < tok.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = tok
    rights = list(tok.rights)
    for k, child in enumerate(rights):
        if child.dep_ == "conj":  # "Kimberly-Clark, which makes Kleenex, and Solaris Paper": every speaker
            right = child.right_edge
            break
        if child.dep_ == "cc" and any(c.dep_ == "conj" for c in rights[k + 1 :]):
            continue  # "Hurley and Behnken": the "and" joins two speakers
        if child.dep_ == "appos":  # "spokesperson Emily Horne", "The mayor of London, Sadiq Khan"
            right = child.right_edge if child.right_edge.dep_ not in {"relcl", "punct"} else child
            continue
        if child.is_punct:
            continue
        if child.dep_ in NP_CUT:
            break
        right = child.right_edge
    doc = tok.doc
    if right.i + 1 < len(doc) and doc[right.i + 1].text == ")" and any(t.text == "(" for t in doc[left.i : right.i]):
        right = doc[right.i + 1]
    return left.idx, right.idx + len(right.text)


def quoted_subject(tok: Token, text: str) -> bool:
    """A subject inside quotation marks belongs to the quoted words, not the frame (a crude check on the raw text)."""
    line_start = text.rfind("\n", 0, tok.idx) + 1
    before = text[line_start : tok.idx]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def speaker_of(cue: Token, lexicon: QuoteLexicon, text: str) -> Token | None:
    """The token heading the speaker's noun phrase: the subject, a passive agent, or the governor's subject."""
    seen = set()
    current = cue
    cue_quoted = quoted_subject(cue, text)  # a cue inside quoted words ("I urge …") takes its subject there too
    while current.i not in seen:
        seen.add(current.i)
        for child in current.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"} and (cue_quoted or not quoted_subject(child, text)):
                if child.tag_ in {"WDT", "WP"} and current.dep_ == "relcl":
                    return current.head  # "Toronto Police, which indicated …"
                return child
            if child.dep_ == "nsubjpass" and current.lemma_.lower() not in {"tell", "ask", "inform", "brief"}:
                return None  # "was reported", "is said": the speaker is not named
        if current.dep_ == "pcomp" and current.head.lower_ == "as":  # "cited X as saying", "quoted X as saying"
            objs = [c for c in current.head.head.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        if current.dep_ in CLIMB and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return current.head
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head  # "a resolution condemning this violence": the noun the participle describes
        return None
    return None
