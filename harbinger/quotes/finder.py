"""Find attributions in a parsed document: what was said (content), the cue that reports it and who said it.

Three finders share one parse. Direct quotes start from quotation marks
(:mod:`harbinger.quotes.marks`) and look for the speech cue in the words
around them ("…," he said; said Blinken: "…"); split quotes and a quote's
follow-on sentences join the attribution they continue. Indirect speech starts
from a speech verb with a complement clause ("Blinken said the U.S. would…")
or a verbless source phrase ("according to officials"). A quoted fragment
inside reported speech makes the attribution mixed. The finder returns
character spans only; deciding who a speaker is, dates and claims is
:mod:`harbinger.quotes.attribution`'s job.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from harbinger.quotes.lexicon import QuoteLexicon
from harbinger.quotes.marks import find_quoted

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB = {"conj", "xcomp", "advcl"}  # "…, adding that", "and said", "went on to say": the speaker is the governor's subject
NP_CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
EDGE_PUNCT = " \t\r\n,;:.—–-"
MIN_FRAGMENT_WORDS = 3  # a shorter quoted stretch is a quote only when a cue governs it (else a scare quote or a name)
TITLE_MAX_WORDS = 8
POSSESSIVE = {"'s", "’s", "'", "’"}


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
    via: str  # which rule found it: "frame", "colon", "continuation", "fragment", "clause", "parataxis", "source-phrase"

    @property
    def content(self) -> tuple[int, int]:
        return self.segments[0][0], self.segments[-1][1]


class _Index:
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


def find_candidates(doc: Doc, lexicon: QuoteLexicon, body_start: int = 0, text: str | None = None) -> list[Candidate]:
    index = _Index(doc, [], text)
    index.quoted = quoted = find_quoted(index.text, body_start)
    index.quote_starts = [q[0] for q in quoted]
    titles = {q for q in quoted if _is_title(index, q)}
    direct = _direct_quotes(index, lexicon, [q for q in quoted if q not in titles], titles)
    used_cues = {c.cue_token for c in direct if c.cue_token is not None}
    covered = [c.content for c in direct]
    indirect = _indirect_speech(index, lexicon, used_cues, covered, titles)
    return sorted(direct + indirect, key=lambda c: (c.content[0], c.content[1]))


# ---------------------------------------------------------------- shared helpers


def _words(index: _Index, span: tuple[int, int]) -> int:
    return sum(1 for t in index.tokens_in(*span) if not t.is_punct and not t.is_space)


def _is_title(index: _Index, span: tuple[int, int]) -> bool:
    """A programme, book or slogan name in quotes (CNN's "State of the Union"), not speech."""
    tokens = [t for t in index.tokens_in(*span) if not t.is_punct]
    if not tokens or len(tokens) > TITLE_MAX_WORDS:
        return False
    before = [t for t in index.tokens_in(max(0, span[0] - 40), span[0] - 1) if not t.is_space]
    after_possessive = bool(before) and before[-1].text in POSSESSIVE
    capitalised = all(t.text[:1].isupper() or t.is_stop or not t.is_alpha for t in tokens) and tokens[0].text[:1].isupper()
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    return after_possessive and capitalised or (capitalised and not has_verb and len(tokens) <= 4 and tokens[-1].text[-1:] not in ".!?")


def _cue_of(tok: Token, lexicon: QuoteLexicon) -> tuple[str, tuple[int, int]] | None:
    """The speech act and cue span when ``tok`` is a speech cue: a verb, a light-verb pair or a source phrase."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
        for child in tok.children:
            act = lexicon.light_verbs.get((lemma, child.lemma_.lower())) if child.dep_ in {"dobj", "acomp", "oprd"} else None
            if act:
                return act, (min(tok.idx, child.idx), max(tok.idx + len(tok.text), child.idx + len(child.text)))
        act = lexicon.act_of(lemma)
        if act and not (lemma == "say" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)):
            particle = next((c for c in tok.rights if c.dep_ == "prt" and c.i == tok.i + 1), None)
            end = particle or tok
            return act, (tok.idx, end.idx + len(end.text))
    for words, act in lexicon.source_phrases.items():
        if tok.lower_ == words[0] and tok.i + len(words) <= len(tok.doc):
            run = tok.doc[tok.i : tok.i + len(words)]
            if [t.lower_ for t in run] == list(words):
                return act, (run.start_char, run.end_char)
    return None


def _np_span(tok: Token) -> tuple[int, int]:
    """The noun phrase headed by ``tok``, without relative clauses, appositions or anything after a comma."""
    left = tok.left_edge
    while left.i < tok.i and (left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = tok
    for child in tok.rights:
        if child.dep_ == "conj":  # "Kimberly-Clark, which makes Kleenex, and Solaris Paper": every speaker
            right = child.right_edge
            break
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


def _quoted(tok: Token, text: str) -> bool:
    """A subject inside quotation marks belongs to the quoted words, not the frame (a crude check on the raw text)."""
    line_start = text.rfind("\n", 0, tok.idx) + 1
    before = text[line_start : tok.idx]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def _speaker_of(cue: Token, lexicon: QuoteLexicon, text: str) -> Token | None:
    """The token heading the speaker's noun phrase: the subject, a passive agent, or the governor's subject."""
    seen = set()
    current = cue
    while current.i not in seen:
        seen.add(current.i)
        for child in current.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        for child in current.children:
            if child.dep_ in {"nsubj", "csubj"} and not _quoted(child, text):
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
        return None
    return None


def _source_object(tok: Token, words: int) -> Token | None:
    """The object of a verbless source phrase: "officials" in "according to officials"."""
    last = tok.doc[tok.i + words - 1]
    objs = [c for c in last.children if c.dep_ == "pobj"]
    if objs:
        return objs[0]
    following = [t for t in tok.doc[tok.i + words : tok.i + words + 6] if t.pos_ in {"PROPN", "NOUN", "PRON"}]
    return following[0].head if following and following[0].head.pos_ in {"PROPN", "NOUN"} else (following[0] if following else None)


def _trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return (start, end) if start < end else None


_LEADING_THAT = re.compile(r"(?:that|whether|if)\s+", re.IGNORECASE)


def _clause_span(index: _Index, clause: Token, cut: Token | None = None) -> tuple[int, int] | None:
    """Offsets of a complement clause without its complementiser, edge punctuation or the ``cut`` subtree."""
    text = index.text
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    if cut is not None:
        cut_start, cut_end = cut.left_edge.idx, cut.right_edge.idx + len(cut.right_edge.text)
        if cut_start <= start < cut_end:
            start = cut_end
        elif cut_start < end <= cut_end:
            end = cut_start
    for q_start, q_end in index.quoted:
        if start < q_start - 1 < end and end + 2 < q_end:
            end = q_start - 1  # a quote that starts inside the clause but runs past it is its own attribution
            before = [t for t in index.tokens_in(start, end) if not t.is_punct and not t.is_space]
            if before and before[-1].tag_ == "VBG":  # "…, stating" belongs to the quote's frame
                end = before[-1].idx
    span = _trim_span(text, start, end)
    if span is None:
        return None
    lead = _LEADING_THAT.match(text, span[0], span[1])
    if lead and clause.left_edge.dep_ == "mark":
        span = _trim_span(text, lead.end(), span[1])
    return span


def _venue(index: _Index, lexicon: QuoteLexicon, cue: Token, avoid: list[tuple[int, int]], titles: set) -> tuple[int, int] | None:
    """Where the words were said, from the cue's sentence: a programme, a platform, "in a statement", an outlet told."""
    sent = index.sent(cue)
    found: list[tuple[int, int, int]] = []  # (preference, start, end): a named programme beats an outlet beats a format
    for title in titles:
        if not (sent.start_char <= title[0] < sent.end_char):
            continue
        before = [t for t in index.tokens_in(max(sent.start_char, title[0] - 60), title[0] - 1) if not t.is_space]
        if len(before) >= 2 and before[-1].text in POSSESSIVE:
            owner = before[-2]
            while owner.i > sent.start and owner.doc[owner.i - 1].pos_ == "PROPN":
                owner = owner.doc[owner.i - 1]
            intro = owner.doc[owner.i - 1] if owner.i > 0 else None
            if intro is not None and intro.lower_ in lexicon.show_introducers | {"interview"} or owner.ent_type_ == "ORG":
                found.append((0, owner.idx, title[1] + 1))
    for match in lexicon.venue_pattern.finditer(index.text, sent.start_char, sent.end_char):
        group = "form" if match.group("form") else "platform"
        found.append((3 if group == "form" else 2, *match.span(group)))
    if cue.lemma_.lower() == "tell":
        for child in cue.children:
            if child.dep_ in {"dobj", "dative"} and child.ent_type_ == "ORG":
                found.append((1, *_np_span(child)))
    found = [v for v in found if not any(a < v[2] and v[1] < b for a, b in avoid)]
    if not found:
        return None
    cue_at = cue.idx
    best = min(found, key=lambda v: (v[0], min(abs(v[1] - cue_at), abs(v[2] - cue_at))))
    return best[1], best[2]


# ---------------------------------------------------------------- direct quotes


def _governs(index: _Index, cue: Token, tokens: list[Token]) -> bool:
    """Whether the cue and the quoted words are linked in the parse (either way round)."""
    cue_sent = index.sent(cue).start
    for tok in tokens:
        if index.sent(tok).start != cue_sent:
            continue
        if cue in tok.ancestors or cue.head == tok:  # the quote hangs off the cue, or the cue off the quote's verb
            return True
    return False


def _frame_cues(index: _Index, lexicon: QuoteLexicon, span: tuple[int, int]) -> list[tuple[Token, str, tuple[int, int]]]:
    first, last = index.token_at(span[0]), index.token_at(max(span[0], span[1] - 1))
    region = index.doc[index.sent(first).start : index.sent(last).end]
    cues = []
    for tok in region:
        if index.in_quote(tok) or tok.is_space:
            continue
        cue = _cue_of(tok, lexicon)
        if cue:
            cues.append((tok, *cue))
    return cues


def _gap_words(index: _Index, a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    return sum(1 for t in index.tokens_in(lo, hi) if not t.is_punct and not t.is_space and not index.in_quote(t))


def _best_cue(index: _Index, lexicon: QuoteLexicon, span: tuple[int, int]):
    content = [t for t in index.tokens_in(*span) if not t.is_space]
    best, best_key = None, None
    for tok, act, cue_span in _frame_cues(index, lexicon, span):
        introduced = cue_span[1] <= span[0] and index.text[: span[0] - 1].rstrip().endswith(":") and index.sent(tok).start == index.sent(index.token_at(span[0])).start
        related = _governs(index, tok, content) or introduced
        distance = span[0] - cue_span[1] if cue_span[1] <= span[0] else cue_span[0] - span[1]
        near = _gap_words(index, tok.idx, span[0] if cue_span[1] <= span[0] else span[1]) <= 4
        if not related and not near:
            continue
        if tok.lemma_.lower() in lexicon.needs_clause and not related:
            continue
        depth = sum(1 for _ in tok.ancestors)
        # After a colon the quote belongs to the clause's main cue, not to a cue inside reported speech before it.
        key = (related, near, -depth, -distance) if introduced else (related, near, 0, -distance)
        if best_key is None or key > best_key:
            best, best_key = (tok, act, cue_span), key
    return best


def _colon_cue(index: _Index, lexicon: QuoteLexicon, span: tuple[int, int]):
    """A cue in the sentence before a quote that it introduces with a colon ('He said: "…"')."""
    first = index.token_at(span[0])
    if index.sent(first).start == 0:
        return None
    before = index.sent(index.doc[index.sent(first).start - 1])
    tail = [t for t in before if not t.is_space]
    if not tail or tail[-1].text != ":":
        return None
    for tok in reversed(tail):
        cue = _cue_of(tok, lexicon)
        if cue and not index.in_quote(tok):
            return tok, *cue
    return None


def _covers_sentence(index: _Index, span: tuple[int, int]) -> bool:
    first = index.token_at(span[0])
    sent = index.sent(first)
    outside = [t for t in sent if not t.is_punct and not t.is_space and not (span[0] <= t.idx < span[1])]
    return not outside


def _paragraph_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def _direct_quotes(index: _Index, lexicon: QuoteLexicon, quoted: list[tuple[int, int]], titles: set) -> list[Candidate]:
    text = index.text
    found: list[Candidate] = []
    for span in quoted:
        cue = _best_cue(index, lexicon, span)
        via = "frame"
        if cue is None:
            cue = _colon_cue(index, lexicon, span)
            via = "colon"
        previous = found[-1] if found else None
        if cue is None and previous is not None and _covers_sentence(index, span):
            same_paragraph = _paragraph_of(text, previous.content[1]) == _paragraph_of(text, span[0])
            if same_paragraph and previous.kind == "direct":
                found[-1] = _extend(previous, span)
                continue
            if _paragraph_of(text, span[0]) - _paragraph_of(text, previous.content[1]) <= 2 and previous.kind == "direct":
                found.append(Candidate("direct", (span,), None, None, previous.act, previous.speaker, previous.speaker_token, None, "continuation"))
                continue
        if cue is None:
            fragment = _fragment(index, lexicon, span)
            if fragment:
                found.append(fragment)
            continue
        tok, act, cue_span = cue
        if previous is not None and previous.cue_token == tok.i:
            found[-1] = _extend(previous, span)
            continue
        if _words(index, span) < MIN_FRAGMENT_WORDS and not _governs(index, tok, index.tokens_in(*span)):
            continue
        if cue_span != (tok.idx, tok.idx + len(tok.text)) and tok.lower_ in {w[0] for w in lexicon.source_phrases}:
            speaker = _source_object(tok, len(text[cue_span[0] : cue_span[1]].split()))
        else:
            speaker = _speaker_of(tok, lexicon, index.text) or _inverted_speaker(index, tok, span)
        segments, kind = (span,), "direct"
        if not _opens_clause(index, span, tok):
            kind = "mixed"
            for clause in (c for c in tok.children if c.dep_ in {"ccomp", "dobj"} and index.sent(c).start == index.sent(tok).start):
                clause_span = _clause_span(index, clause)
                if clause_span and clause_span[0] <= span[0] and span[1] <= clause_span[1] + 1:
                    segments = ((clause_span[0], max(clause_span[1], span[1])),)
        if speaker is None and _words(index, span) < MIN_FRAGMENT_WORDS:
            continue  # 'a pattern called a "glider"': a short quoted term with nobody saying it is a name
        venue = _venue(index, lexicon, tok, list(segments), titles)
        speaker_span = _np_span(speaker) if speaker is not None else None
        found.append(Candidate(kind, segments, cue_span, tok.i, act, speaker_span, speaker.i if speaker is not None else None, venue, via))
    return found


def _inverted_speaker(index: _Index, cue: Token, span: tuple[int, int]) -> Token | None:
    """The speaker after the cue in '"…," read the warning' / '"…," says the report', where the parse gives no subject."""
    if cue.idx < span[1] or _gap_words(index, span[1], cue.idx) > 0:
        return None
    for child in cue.rights:
        if child.dep_ in {"dobj", "nsubj", "attr", "npadvmod", "oprd"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
    return None


def _opens_clause(index: _Index, span: tuple[int, int], cue: Token) -> bool:
    """Whether quoted words stand as the whole reported utterance (direct) rather than a piece of a clause (mixed)."""
    text = index.text
    prefix = text[: span[0] - 1].rstrip(" \t")
    mark = index.token_at(span[0] - 1)
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    return (
        not prefix
        or prefix[-1] in "\n:,—–.!?”\""
        or mark.is_sent_start
        or (before is not None and before.i == cue.i)
        or _covers_sentence(index, span)
    )


def _extend(candidate: Candidate, span: tuple[int, int]) -> Candidate:
    return Candidate(
        candidate.kind, candidate.segments + (span,), candidate.cue, candidate.cue_token, candidate.act,
        candidate.speaker, candidate.speaker_token, candidate.venue, candidate.via,
    )


def _fragment(index: _Index, lexicon: QuoteLexicon, span: tuple[int, int]) -> Candidate | None:
    """A quoted fragment in narration with no speech verb: the clause's subject said it, the clause verb is the cue."""
    if _words(index, span) < MIN_FRAGMENT_WORDS or _covers_sentence(index, span):
        return None
    root = index.sent(index.token_at(span[0])).root
    if index.in_quote(root):
        return None
    subject = _speaker_of(root, lexicon, index.text)
    if subject is None or subject.pos_ not in {"PROPN", "PRON", "NOUN"}:
        return None
    cue = _cue_of(root, lexicon)
    if cue is None:
        return None  # a quoted phrase in narration with no speech cue is a name or scare quote
    act, cue_span = cue
    return Candidate("mixed", (span,), cue_span, root.i, act, _np_span(subject), subject.i, None, "fragment")


# ---------------------------------------------------------------- indirect speech


def _indirect_speech(index: _Index, lexicon: QuoteLexicon, used: set[int], covered: list[tuple[int, int]], titles: set) -> list[Candidate]:
    doc = index.doc
    found: list[Candidate] = []
    for tok in doc:
        if tok.i in used or tok.is_space or index.in_quote(tok):
            continue
        cue = _cue_of(tok, lexicon)
        if cue is None:
            continue
        act, cue_span = cue
        phrase = next((w for w in lexicon.source_phrases if tok.lower_ == w[0]), None)
        if phrase is not None and cue_span != (tok.idx, tok.idx + len(tok.text)):
            candidate = _source_phrase(index, lexicon, tok, len(phrase), act, cue_span, titles)
        else:
            candidate = _reported_clause(index, lexicon, tok, act, cue_span, titles)
        if candidate is None:
            continue
        content = candidate.content
        if any(a <= content[0] and content[1] <= b for a, b in covered):
            continue  # the words are a direct quote already attributed
        found.append(candidate)
    return found


def _after_comma(tok: Token) -> bool:
    edge = tok.left_edge
    if edge.is_punct:
        return edge.text in {",", "—", "–"}
    return edge.i > 0 and tok.doc[edge.i - 1].text in {",", "—", "–"}


def _reported_clause(index: _Index, lexicon: QuoteLexicon, tok: Token, act: str, cue_span, titles) -> Candidate | None:
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None and cue_span[1] > tok.idx + len(tok.text):  # "issued a statement that …": the clause hangs off the noun
        noun = next((c for c in tok.children if c.dep_ in {"dobj", "oprd"} and c.idx < cue_span[1]), None)
        clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" for m in c.children)), None) if noun is not None else None
    via = "clause"
    span = _clause_span(index, clause) if clause is not None else None
    if span is None:
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        span = _clause_span(index, clause) if clause is not None else None
    if span is None and tok.dep_ in {"parataxis", "ccomp"} and tok.head.pos_ in {"VERB", "AUX"} and _after_comma(tok):
        # "The talks will go ahead, he said." / "The talks, he said, will go ahead.": the cue hangs off the reported clause
        if any(c.dep_ in SUBJECTS for c in tok.children) and not any(c.dep_ == "ccomp" for c in tok.children):
            span = _clause_span(index, tok.head, cut=tok)
            via = "parataxis"
    if span is None and act == "deny":
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.claim_nouns), None)
        if obj is not None:
            span = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))
    if span is None:
        return None
    speaker = _speaker_of(tok, lexicon, index.text)
    if speaker is None:
        return None
    kind = "mixed" if any(span[0] <= q[0] and q[1] <= span[1] and q not in titles and _words(index, q) >= 2 for q in index.quoted) else "indirect"
    venue = _venue(index, lexicon, tok, [span], titles)
    return Candidate(kind, (span,), cue_span, tok.i, act, _np_span(speaker), speaker.i, venue, via)


def _source_phrase(index: _Index, lexicon: QuoteLexicon, tok: Token, words: int, act: str, cue_span, titles) -> Candidate | None:
    source = _source_object(tok, words)
    if source is None:
        return None
    head = tok.head
    while head.dep_ not in {"ROOT", "ccomp", "conj", "advcl"} and head.head.i != head.i and head.pos_ not in {"VERB", "AUX"}:
        head = head.head
    sent: Span = index.sent(tok)
    phrase_start, phrase_end = tok.idx, source.right_edge.idx + len(source.right_edge.text)
    start, end = sent.start_char, sent.end_char
    if head.pos_ in {"VERB", "AUX"} and index.sent(head).start == sent.start:
        start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    if phrase_start <= start + 1:
        start = max(start, phrase_end)
    elif phrase_end >= end - 2:
        end = phrase_start
    span = _trim_span(index.text, start, end)
    if span is None:
        return None
    return Candidate("indirect", (span,), cue_span, tok.i, act, _np_span(source), source.i, None, "source-phrase")
