"""Find attributions in a parsed document: what was said (content), the cue that reports it and who said it.

Direct quotes start from quotation marks (:mod:`harbinger.quotes.marks`) and
look for a cue in the words around them ("…," he said; said Blinken: "…"; a
"― Jane Doe" byline); split quotes and a quote's follow-on sentences join the
attribution they continue. Reported attributions start from a cue of any PARC
class (:mod:`harbinger.quotes.cues`) and take the content it governs
(:mod:`harbinger.quotes.content`): a clause, an infinitive, a judged or
demanded object; nominal cues ("X's claim that") come from
:mod:`harbinger.quotes.nominal`, verbless ones from "according to", "in her
view"; "Name: words" lines from :mod:`harbinger.quotes.lines`. Contents are
bare propositions; deciding who a speaker is, PARC spans, dates and claims is
:mod:`harbinger.quotes.attribution`'s job.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from harbinger.quotes.content import clause_span, complement, trim_span
from harbinger.quotes.cues import CueMatch, cue_at
from harbinger.quotes.lexicon import QuoteLexicon
from harbinger.quotes.index import Candidate, TextIndex, np_span, speaker_of, words
from harbinger.quotes.lines import byline_candidate, line_candidates
from harbinger.quotes.marks import find_quoted
from harbinger.quotes.nominal import nominal_candidate

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
MIN_FRAGMENT_WORDS = 3  # a shorter quoted stretch is a quote only when a cue governs it (else a scare quote or a name)
TITLE_MAX_WORDS = 8
POSSESSIVE = {"'s", "’s", "'", "’"}
CONDITIONAL_MARKS = {"if", "unless"}


def find_candidates(doc: Doc, lexicon: QuoteLexicon, body_start: int = 0, text: str | None = None) -> list[Candidate]:
    index = TextIndex(doc, [], text)
    index.quoted = quoted = find_quoted(index.text, body_start)
    index.quote_starts = [q[0] for q in quoted]
    titles = {q for q in quoted if _is_title(index, q)}
    lines = line_candidates(index, lexicon, body_start)
    said = [c.content for c in lines]
    inside_line = {q for q in quoted if any(a <= q[0] and q[1] <= b for a, b in said)}
    direct = _direct_quotes(index, lexicon, [q for q in quoted if q not in titles and q not in inside_line], titles)
    used_cues = {c.cue_token for c in direct if c.cue_token is not None}
    covered = [c.content for c in direct] + said
    indirect = _indirect_speech(index, lexicon, used_cues, covered, titles)
    return sorted(lines + direct + indirect, key=lambda c: (c.content[0], c.content[1]))


# ---------------------------------------------------------------- shared helpers


def _is_title(index: TextIndex, span: tuple[int, int]) -> bool:
    """A programme, book or slogan name in quotes (CNN's "State of the Union"), not speech."""
    tokens = [t for t in index.tokens_in(*span) if not t.is_punct]
    if not tokens or len(tokens) > TITLE_MAX_WORDS:
        return False
    before = [t for t in index.tokens_in(max(0, span[0] - 40), span[0] - 1) if not t.is_space]
    after_possessive = bool(before) and before[-1].text in POSSESSIVE
    capitalised = all(t.text[:1].isupper() or t.is_stop or not t.is_alpha for t in tokens) and tokens[0].text[:1].isupper()
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    return after_possessive and capitalised or (capitalised and not has_verb and len(tokens) <= 4 and tokens[-1].text[-1:] not in ".!?")


def _source_object(tok: Token, words: int) -> Token | None:
    """The object of a verbless source phrase: "officials" in "according to officials"."""
    last = tok.doc[tok.i + words - 1]
    objs = [c for c in last.children if c.dep_ == "pobj"]
    if objs:
        return objs[0]
    following = [t for t in tok.doc[tok.i + words : tok.i + words + 6] if t.pos_ in {"PROPN", "NOUN", "PRON"}]
    return following[0].head if following and following[0].head.pos_ in {"PROPN", "NOUN"} else (following[0] if following else None)


def _clause_span(index: TextIndex, clause: Token, cut: Token | None = None) -> tuple[int, int] | None:
    return clause_span(index.text, index.quoted, clause, cut, index.tokens_in)


def _venue(index: TextIndex, lexicon: QuoteLexicon, cue: Token, avoid: list[tuple[int, int]], titles: set) -> tuple[int, int] | None:
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
                found.append((1, *np_span(child)))
    found = [v for v in found if not any(a < v[2] and v[1] < b for a, b in avoid)]
    if not found:
        return None
    cue_at = cue.idx
    best = min(found, key=lambda v: (v[0], min(abs(v[1] - cue_at), abs(v[2] - cue_at))))
    return best[1], best[2]


# ---------------------------------------------------------------- direct quotes


def _governs(index: TextIndex, cue: Token, tokens: list[Token]) -> bool:
    """Whether the cue and the quoted words are linked in the parse (either way round)."""
    cue_sent = index.sent(cue).start
    for tok in tokens:
        if index.sent(tok).start != cue_sent:
            continue
        if cue in tok.ancestors or cue.head == tok:  # the quote hangs off the cue, or the cue off the quote's verb
            return True
    return False


def _frame_cues(index: TextIndex, lexicon: QuoteLexicon, span: tuple[int, int]) -> list[tuple[Token, CueMatch]]:
    first, last = index.token_at(span[0]), index.token_at(max(span[0], span[1] - 1))
    region = index.doc[index.sent(first).start : index.sent(last).end]
    cues = []
    for tok in region:
        if index.in_quote(tok) or tok.is_space:
            continue
        cue = cue_at(tok, lexicon)
        if cue:
            cues.append((tok, cue))
    return cues


def _gap_words(index: TextIndex, a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    return sum(1 for t in index.tokens_in(lo, hi) if not t.is_punct and not t.is_space and not index.in_quote(t))


def _best_cue(index: TextIndex, lexicon: QuoteLexicon, span: tuple[int, int]) -> tuple[Token, CueMatch] | None:
    content = [t for t in index.tokens_in(*span) if not t.is_space]
    best, best_key = None, None
    for tok, cue in _frame_cues(index, lexicon, span):
        cue_span = cue.span
        introduced = cue_span[1] <= span[0] and index.text[: span[0] - 1].rstrip().endswith(":") and index.sent(tok).start == index.sent(index.token_at(span[0])).start
        related = _governs(index, tok, content) or introduced
        distance = span[0] - cue_span[1] if cue_span[1] <= span[0] else cue_span[0] - span[1]
        near = _gap_words(index, tok.idx, span[0] if cue_span[1] <= span[0] else span[1]) <= 4
        if not related and not near:
            continue
        if cue.entry.needs_complement and not related:
            continue
        depth = sum(1 for _ in tok.ancestors)
        # After a colon the quote belongs to the clause's main cue, not to a cue inside reported speech before it.
        key = (related, near, -depth, -distance) if introduced else (related, near, 0, -distance)
        if best_key is None or key > best_key:
            best, best_key = (tok, cue), key
    return best


def _colon_cue(index: TextIndex, lexicon: QuoteLexicon, span: tuple[int, int]) -> tuple[Token, CueMatch] | None:
    """A cue in the sentence before a quote that it introduces with a colon ('He said: "…"')."""
    first = index.token_at(span[0])
    if index.sent(first).start == 0:
        return None
    before = index.sent(index.doc[index.sent(first).start - 1])
    tail = [t for t in before if not t.is_space]
    if not tail or tail[-1].text != ":":
        return None
    for tok in reversed(tail):
        cue = cue_at(tok, lexicon)
        if cue and not index.in_quote(tok):
            return tok, cue
    return None


def _covers_sentence(index: TextIndex, span: tuple[int, int]) -> bool:
    first = index.token_at(span[0])
    sent = index.sent(first)
    outside = [t for t in sent if not t.is_punct and not t.is_space and not (span[0] <= t.idx < span[1])]
    return not outside


def _paragraph_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


def _outside(speaker: Token | None, segments) -> Token | None:
    """The speaker unless its phrase lies inside the content: a noun in the reported words never says them."""
    if speaker is None:
        return None
    start, end = np_span(speaker)
    return None if any(a < end and start < b for a, b in segments) else speaker


def _direct_quotes(index: TextIndex, lexicon: QuoteLexicon, quoted: list[tuple[int, int]], titles: set) -> list[Candidate]:
    text = index.text
    found: list[Candidate] = []
    for span in quoted:
        byline = byline_candidate(index, lexicon, span)
        if byline is not None:
            found.append(byline)
            continue
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
                found.append(replace(previous, segments=(span,), cue=None, cue_token=None, venue=None, via="continuation"))
                continue
        if cue is None:
            fragment = _fragment(index, lexicon, span)
            if fragment:
                found.append(fragment)
            continue
        tok, match = cue
        cue_span = match.span
        if previous is not None and previous.cue_token == tok.i:
            found[-1] = _extend(previous, span)
            continue
        if words(index, span) < MIN_FRAGMENT_WORDS and not _governs(index, tok, index.tokens_in(*span)):
            continue
        if cue_span != (tok.idx, tok.idx + len(tok.text)) and tok.lower_ in {w[0] for w in lexicon.source_phrases}:
            speaker = _source_object(tok, len(text[cue_span[0] : cue_span[1]].split()))
        else:
            speaker = _outside(speaker_of(match.anchor, lexicon, index.text), [span]) or _outside(_inverted_speaker(index, tok, span), [span])
        segments, kind = (span,), "direct"
        if not _opens_clause(index, span, tok):
            kind = "mixed"
            for clause in (c for c in tok.children if c.dep_ in {"ccomp", "dobj"} and index.sent(c).start == index.sent(tok).start):
                content = _clause_span(index, clause)
                if content and content[0] <= span[0] and span[1] <= content[1] + 1:
                    segments = ((content[0], max(content[1], span[1])),)
        if speaker is None and words(index, span) < MIN_FRAGMENT_WORDS:
            continue  # 'a pattern called a "glider"': a short quoted term with nobody saying it is a name
        venue = _venue(index, lexicon, tok, list(segments), titles)
        speaker_span = np_span(speaker) if speaker is not None else None
        found.append(
            Candidate(kind, segments, cue_span, tok.i, match.act, speaker_span, speaker.i if speaker is not None else None, venue, via,
                      match.entry.cue_class, match.entry.stance)
        )
    return found


def _inverted_speaker(index: TextIndex, cue: Token, span: tuple[int, int]) -> Token | None:
    """The speaker after the cue in '"…," read the warning' / '"…," says the report', where the parse gives no subject."""
    if cue.idx < span[1] or _gap_words(index, span[1], cue.idx) > 0:
        return None
    for child in cue.rights:
        if child.dep_ in {"dobj", "nsubj", "attr", "npadvmod", "oprd"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
    return None


def _opens_clause(index: TextIndex, span: tuple[int, int], cue: Token) -> bool:
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
    return replace(candidate, segments=candidate.segments + (span,))


def _fragment(index: TextIndex, lexicon: QuoteLexicon, span: tuple[int, int]) -> Candidate | None:
    """A quoted fragment in narration with no speech verb: the clause's subject said it, the clause verb is the cue."""
    if words(index, span) < MIN_FRAGMENT_WORDS or _covers_sentence(index, span):
        return None
    root = index.sent(index.token_at(span[0])).root
    if index.in_quote(root):
        return None
    subject = _outside(speaker_of(root, lexicon, index.text), [span])
    if subject is None or subject.pos_ not in {"PROPN", "PRON", "NOUN"}:
        return None
    cue = cue_at(root, lexicon)
    if cue is None:
        return None  # a quoted phrase in narration with no speech cue is a name or scare quote
    return Candidate("mixed", (span,), cue.span, root.i, cue.act, np_span(subject), subject.i, None, "fragment", cue.entry.cue_class, cue.entry.stance)


# ---------------------------------------------------------------- indirect speech


def _indirect_speech(index: TextIndex, lexicon: QuoteLexicon, used: set[int], covered: list[tuple[int, int]], titles: set) -> list[Candidate]:
    doc = index.doc
    found: list[Candidate] = []
    for tok in doc:
        if tok.i in used or tok.is_space:
            continue
        cue = cue_at(tok, lexicon)
        if cue is not None and _hypothetical(tok):
            continue
        if cue is None:
            candidate = nominal_candidate(index, lexicon, tok) if tok.pos_ == "NOUN" else _view_phrase(index, lexicon, tok)
        else:
            phrase = next((w for w in lexicon.source_phrases if tok.lower_ == w[0]), None)
            if phrase is not None and cue.span != (tok.idx, tok.idx + len(tok.text)):
                candidate = _source_phrase(index, tok, _source_object(tok, len(phrase)), cue)
            else:
                candidate = _reported_clause(index, lexicon, tok, cue, titles)
        if candidate is None:
            continue
        content = candidate.content
        if any(a <= content[0] and content[1] <= b and not a <= tok.idx < b for a, b in covered):
            continue  # the words are a direct quote already attributed; a cue inside the quote nests its own attribution (PARC)
        if any(a <= tok.idx < b and not (a - 1 <= content[0] and content[1] <= b + 1) for a, b in index.quoted):
            continue  # a cue in quoted words attributes only within them: the frame around them is the quote's own
        found.append(candidate)
    return found


def _after_comma(tok: Token) -> bool:
    edge = tok.left_edge
    if edge.is_punct:
        return edge.text in {",", "—", "–"}
    return edge.i > 0 and tok.doc[edge.i - 1].text in {",", "—", "–"}


def _as_parenthetical(tok: Token) -> bool:
    """"as X said", "as I said": a cue in an "as" clause with nothing of its own reported."""
    return (tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in tok.children) and tok.head.pos_ in {"VERB", "AUX"})


def _hypothetical(tok: Token) -> bool:
    """A cue in an "if"/"unless" clause reports no attribution that was made ("if they want to come out"; PARC)."""
    for node in (tok, *tok.ancestors):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if node.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


def _speech_clause(index: TextIndex, lexicon: QuoteLexicon, tok: Token, cue: CueMatch) -> tuple[tuple[int, int] | None, str]:
    """The clause a speech or belief verb reports: its complement, a light verb's noun clause, or the clause it
    interrupts ("The talks, he said, will go ahead")."""
    cue_span = cue.span
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None and cue_span[1] > tok.idx + len(tok.text):  # "issued a statement that …": the clause hangs off the noun
        noun = next((c for c in tok.children if c.dep_ in {"dobj", "oprd"} and c.idx < cue_span[1]), None)
        clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" for m in c.children)), None) if noun is not None else None
    span = _clause_span(index, clause) if clause is not None else None
    if span is None:
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        span = _clause_span(index, clause) if clause is not None else None
    if span is not None:
        return span, "clause"
    if _as_parenthetical(tok) and cue.entry.cue_class in {"speech", "belief"}:
        # "As President Biden has said, there is no deadline": the host clause is what was said
        return _clause_span(index, tok.head, cut=tok), "clause"
    if tok.dep_ in {"parataxis", "ccomp"} and tok.head.pos_ in {"VERB", "AUX"} and _after_comma(tok) and cue.entry.cue_class in {"speech", "belief", "evidence"}:
        # "The talks will go ahead, he said." / "The talks, he said, will go ahead.": the cue hangs off the reported clause
        if any(c.dep_ in SUBJECTS for c in tok.children) and not any(c.dep_ == "ccomp" for c in tok.children):
            return _clause_span(index, tok.head, cut=tok), "parataxis"
    if cue.act == "deny":
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.claim_nouns), None)
        if obj is not None:
            return (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)), "clause"
    return None, ""


def _reported_clause(index: TextIndex, lexicon: QuoteLexicon, tok: Token, cue: CueMatch, titles) -> Candidate | None:
    parc = None
    if cue.entry.cue_class in {"speech", "belief", "evidence"} and cue.particle is None and cue.anchor is tok:
        span, via = _speech_clause(index, lexicon, tok, cue)
    else:
        span, via = None, ""
    if span is None:
        found = complement(index.text, index.quoted, cue, index.tokens_in)
        if found is None:
            return None
        span, via, parc = found
    speaker = speaker_of(cue.anchor, lexicon, index.text)
    if via != "parataxis":  # there the frame, speaker and all, sits inside the clause it reports
        speaker = _outside(speaker, [span])
    if speaker is None:
        return None
    kind = "mixed" if any(span[0] <= q[0] and q[1] <= span[1] and q not in titles and words(index, q) >= 2 for q in index.quoted) else "indirect"
    venue = _venue(index, lexicon, tok, [span], titles)
    cue_class = cue.entry.infinitive_class if via == "infinitive" and cue.entry.infinitive_class else cue.entry.cue_class
    return Candidate(kind, (span,), cue.span, tok.i, cue.act, np_span(speaker), speaker.i, venue, via, cue_class, cue.entry.stance,
                     (parc,) if parc else None)


def _view_phrase(index: TextIndex, lexicon: QuoteLexicon, tok: Token) -> Candidate | None:
    """"in her view", "in the opinion of the court": the possessor or the "of" object holds the view."""
    if tok.lower_ != "in":
        return None
    noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
    entry = lexicon.view_nouns.get(noun.lower_) if noun is not None else None
    if entry is None:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        source = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
    if source is None or source.i < tok.i:
        return None
    end = max(noun.idx + len(noun.text), source.right_edge.idx + len(source.right_edge.text))
    cue = CueMatch(entry, (noun.idx, noun.idx + len(noun.text)), tok)
    return _source_phrase(index, tok, source, cue, end)


def _source_phrase(index: TextIndex, tok: Token, source: Token | None, cue: CueMatch, phrase_end: int | None = None) -> Candidate | None:
    """A verbless source phrase ("according to officials", "in her view"): the clause it attaches to is the content."""
    if source is None:
        return None
    head = tok.head
    while head.dep_ not in {"ROOT", "ccomp", "conj", "advcl"} and head.head.i != head.i and head.pos_ not in {"VERB", "AUX"}:
        head = head.head
    sent: Span = index.sent(tok)
    phrase_start = tok.idx
    phrase_end = phrase_end or source.right_edge.idx + len(source.right_edge.text)
    start, end = sent.start_char, sent.end_char
    if head.pos_ in {"VERB", "AUX"} and index.sent(head).start == sent.start and head.dep_ != "ROOT":
        start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    # The phrase scopes over what follows it when it comes before the clause's verb ("As detailed in X, according
    # to Y, [Z happened]"), over what precedes it when it comes after ("[Z happened], according to Y"); a main
    # clause is taken to the sentence's edges, which a parse split at a comma or a "so" would cut short.
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if phrase_start <= sent.start_char + 1:
        start, end = phrase_end, sent.end_char  # "According to X, A, so B.": the whole sentence after the phrase
    elif phrase_start <= start + 1 or phrase_end <= (subject.left_edge.idx if subject is not None else head.idx):
        start = max(start, phrase_end)
    elif phrase_end >= end - 2 or phrase_start > head.idx:
        end = min(end, phrase_start)
    span = trim_span(index.text, start, end)
    if span is None:
        return None
    return Candidate("indirect", (span,), cue.span, tok.i, cue.act, np_span(source), source.i, None, "source-phrase", cue.entry.cue_class, cue.entry.stance)
