"""Decide an event's mode — asserted, reported, planned, conditional, hypothetical, denied, negated — and its cue.

Reads the clause around the predicate: auxiliaries and negation on the
predicate's own clause chain (the verb and the heads it is an xcomp of: "are
due to meet"), and conditions, denials and reporting frames anywhere above it.
A predicate inside an "if"/"unless" clause is the condition itself and is no
event at all: :func:`mode_of` then returns None.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Token

from harbinger.events.tables import Tables
from harbinger.ontology import Mode

CHAIN_DEPS = {"xcomp", "acomp", "auxpass", "aux"}


@dataclass(frozen=True)
class ModeCue:
    """An event's mode and the words that set it ("due to" for planned, "denied" for denied)."""

    mode: Mode
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    intent: bool = False  # the source announces or threatens the act (CAMEO then codes an intent or threat)


def _cue(mode: Mode, tok: Token, span: tuple[int, int] | None = None, intent: bool | None = None) -> ModeCue:
    start, end = span if span else (tok.idx, tok.idx + len(tok.text))
    intent = mode in (Mode.PLANNED, Mode.CONDITIONAL) if intent is None else intent
    article = tok.doc._.article if tok.doc.has_extension("article") else None
    text = article.text if article is not None else tok.doc.text  # Doc.text is rebuilt on each access
    return ModeCue(mode, text[start:end], start, end, intent)


def _clause_chain(governor: Token) -> list[Token]:
    """The governor and the verbs whose auxiliaries, negation and plans it shares: the heads it is a complement
    of ("are due to meet"), and for a conjunct with no subject of its own the verb it is coordinated with
    ("will meet and discuss", "ruled out reducing troops and barring Ukraine")."""
    chain = [governor]
    tok = governor
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in governor.children)
    while tok.head is not tok:
        if tok.dep_ in CHAIN_DEPS or (tok.dep_ == "conj" and not own_subject):
            tok = tok.head
            chain.append(tok)
        else:
            break
    return chain


def _ancestors(tok: Token) -> list[Token]:
    """The token and the heads above it, up to and including the first adverbial clause it sits in:
    a background clause ("with troops massed on the border") does not share the main clause's condition."""
    found = [tok]
    while found[-1].dep_ not in ("advcl", "ROOT") and found[-1].head is not found[-1]:
        found.append(found[-1].head)
    return found


def _condition_clause(tok: Token, marks: frozenset[str]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "mark" and child.lower_ in marks:
            return child
    return None


def _unrealised(head: Token, tables: Tables) -> bool:
    """A clause that states no past fact: a promise or plan, a modal or future, a present-tense generality."""
    commit = tables.mode_words("commit_verbs")
    aux = tables.mode_words("future_aux") | tables.mode_words("hypothetical_aux")
    for tok in _clause_chain(head):
        if tok.lemma_.lower() in commit or any(c.dep_ == "aux" and c.lower_ in aux for c in tok.children):
            return True
    return head.tag_ in ("VBP", "VBZ")


def _is_anonymous(subject: Token, tables: Tables) -> bool:
    anon = tables.mode_words("anonymous_sources")
    if subject.lemma_.lower() not in anon and subject.lower_ not in anon:
        return False
    return not any(t.ent_type_ == "PERSON" for t in subject.subtree)


def _is_outlet(tok: Token, tables: Tables) -> bool:
    outlets = tables.mode_words("outlet_words")
    words = [t for t in tok.subtree if t.i >= tok.i - 3]
    return tok.ent_type_ in ("ORG", "") and any(t.lower_ in outlets for t in words if t.pos_ == "PROPN" or t.ent_type_ == "ORG")


def _reporting(tok: Token, tables: Tables) -> ModeCue | None:
    report_verbs = tables.mode_words("report_verbs")
    for head in tok.ancestors:
        if head.lemma_.lower() not in report_verbs:
            continue
        for child in head.children:
            if child.dep_ in ("nsubj",) and (_is_anonymous(child, tables) or _is_outlet(child, tables)):
                return _cue(Mode.REPORTED, head, (min(child.left_edge.idx, head.idx), head.idx + len(head.text)))
            if child.dep_ in ("dobj", "dative") and _is_outlet(child, tables):
                end = child.right_edge.idx + len(child.right_edge.text)
                return _cue(Mode.REPORTED, head, (head.idx, end))
    sent = tok.sent
    for word in sent:
        if word.lower_ in tables.mode_words("report_adverbs"):
            return _cue(Mode.REPORTED, word)
        if word.lower_ == "according" and word.i + 1 < sent.end and word.nbor().lower_ == "to":
            objs = [o for o in word.nbor().children if o.dep_ == "pobj"]
            if objs and (_is_anonymous(objs[0], tables) or _is_outlet(objs[0], tables) or objs[0].lower_ in ("reports", "report")):
                return _cue(Mode.REPORTED, word, (word.idx, objs[0].right_edge.idx + len(objs[0].right_edge.text)))
    return None


def _reported_past(top: Token, tables: Tables) -> bool:
    """Whether a clause is what someone said or announced in the past ("said it would ..."): there "would" is the
    future seen from that moment (sequence of tenses), not a hypothetical."""
    head = top.head
    if top.dep_ != "ccomp" or head is top or head.tag_ != "VBD":
        return False
    return head.lemma_.lower() in tables.mode_words("report_verbs") | tables.mode_words("announce_verbs")


def mode_of(trigger: Token, governor: Token, tables: Tables) -> ModeCue | None:
    """The predicate's mode and cue; None when the predicate is the condition of another event ("if Russia attacks")."""
    marks = tables.mode_words("condition_marks")
    above = _ancestors(trigger) if governor in _ancestors(trigger) else [trigger, *_ancestors(governor)]
    if any(_condition_clause(tok, marks) is not None for tok in above):
        return None
    temporal = tables.mode_words("temporal_marks")
    for tok in above:
        # "until" is a mark; spaCy attaches "when" as an adverb of the clause
        mark = next((c for c in tok.children if c.dep_ in ("mark", "advmod") and c.lower_ in temporal), None) if tok.dep_ == "advcl" else None
        if mark is not None and _unrealised(tok.head, tables):
            # "protests until Sweden joins", "those who stay silent when a mosque is attacked": no occurrence asserted
            return _cue(Mode.HYPOTHETICAL, mark, intent=False)
    for tok in above:
        for child in tok.children:
            if child.dep_ == "advcl" and child not in above and _condition_clause(child, marks) is not None:
                first, last = child.left_edge, child.right_edge
                return _cue(Mode.CONDITIONAL, child, (first.idx, last.idx + len(last.text)))
    deny = tables.mode_words("deny_verbs")
    for tok in above[1:]:
        if tok.lemma_.lower() in deny and tok.pos_ == "VERB" and tok.i != governor.i:
            return _cue(Mode.DENIED, tok)
    chain = _clause_chain(governor)
    negations = tables.mode_words("negations")
    for tok in [trigger, *chain]:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in negations):
                return _cue(Mode.NEGATED, child)
        if tok.i != trigger.i and tok.lemma_.lower() in tables.mode_words("refusal_verbs"):
            return _cue(Mode.NEGATED, tok)
    if trigger.sent.text.rstrip().endswith("?"):
        return _cue(Mode.HYPOTHETICAL, trigger.sent[-1])
    hypo_aux = tables.mode_words("hypothetical_aux")
    future = tables.mode_words("future_aux")
    plan = tables.mode_words("plan_words")
    hypo_verbs = tables.mode_words("hypothetical_verbs")
    backshifted = None
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in hypo_aux:
                if child.lower_ in tables.mode_words("backshift_aux") and _reported_past(chain[-1], tables):
                    backshifted = child  # "NATO confirmed it would tighten the blockade": the future of a past report
                    continue
                return _cue(Mode.HYPOTHETICAL, child)
    threats = tables.mode_words("threat_verbs")
    for tok in above[1:]:
        lemma = tok.lemma_.lower()
        if (lemma in hypo_verbs or lemma in threats) and tok.i != governor.i:
            return _cue(Mode.HYPOTHETICAL, tok, intent=lemma in threats)
    reported = _reporting(trigger, tables)
    planned = _cue(Mode.PLANNED, backshifted) if backshifted is not None else None
    for tok in chain if planned is None else ():
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in future:
                planned = _cue(Mode.PLANNED, child)
                break
        # "announced a suspension": the light verb that does the act is no plan ("talks are scheduled to follow" is)
        announces_act = tok.i == governor.i and trigger.dep_ == "dobj" and trigger.head.i == governor.i
        if planned is None and tok.i != trigger.i and not announces_act and (tok.lower_ in plan or tok.lemma_.lower() in plan):
            planned = _cue(Mode.PLANNED, tok)
        if planned is not None:
            break
    if planned is not None and reported is not None:
        # "officials told NBC News the U.S. is ready to propose talks": who vouches for it decides the mode; the plan
        # still makes the code an intent
        return dataclasses.replace(reported, intent=True)
    if planned is not None:
        return planned
    if reported is not None:
        return reported
    claims = tables.mode_words("claim_nouns")
    if trigger.lemma_.lower() in deny and any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lemma_.lower() in claims) for c in trigger.children):
        return _cue(Mode.DENIED, trigger)  # "the White House disputed the report / that ...": a denial is coded in the denied mode
    return ModeCue(Mode.ASSERTED)
