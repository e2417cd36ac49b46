"""The ``events`` stage: who did what to whom, when and where, in which mode, tied to its evidence.

Reads the parse, and — when those stages ran before it — the actors, time,
place and quotes layers (through :func:`harbinger.stages.layer`); adds
``doc._.events``, a list of :class:`Event`. Finding predicates
(:mod:`.finder`), coding them (:mod:`.coder`) and deciding modes
(:mod:`.modes`) are separate steps; this module assembles the results. The
date of an event is the time stage's decision (:func:`harbinger.time.date_for_token`),
its place the place stage's, its participants' codes the actors stage's.
Without the actors stage, participants keep their text and a null code;
without the time stage, the date is the document date (``date_from: "dct"``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from harbinger.actors import ActorMention, actor_for_span
from harbinger.events.coder import code_in_mode, code_predicate
from harbinger.actors.heads import ACTOR_ENTS, ActorTest, is_political
from harbinger.events.finder import (
    Predicate,
    aimed_at,
    beyond_object,
    noun_predicates,
    obligation_predicates,
    stance_predicates,
    verb_predicates,
)
from harbinger.events.modes import ModeCue, mode_of
from harbinger.events.rows import EVENTS_TABLE
from harbinger.events.tables import Tables, load_tables
from harbinger.models import Article
from harbinger.ontology import Mode, QuadClass
from harbinger.place import EventPlace, Place, PlaceFrom, event_place, story_place
from harbinger.quotes import QuoteContext, quote_context_for_span
from harbinger.stages import StageSpec, layer, register_stage
from harbinger.time import EventDate, date_for_token

FACTORY = "harbinger_events"
# PLOVER types whose act two parties do together ("met", "discussed", "agreed", "signed")
JOINT_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case"}


@dataclass(frozen=True)
class Participant:
    """One side of an event: the words that name it, and what the actors stage resolved them to."""

    code: str | None  # CAMEO-style actor code from the actors stage; None when unresolved
    text: str  # the words in the article ("he", "Russian forces")
    start: int
    end: int
    name: str | None = None  # the resolved name ("Antony Blinken" for "he"); None when the actors stage named nothing
    country: str | None = None  # ISO 3166 alpha-3 of the actor's state, None for IGOs, NGOs and the unresolved
    sector: str | None = None  # CAMEO sector after the country ("GOV", "MIL")
    wikidata: str | None = None  # Wikidata item of a person the office-holder table named

    @classmethod
    def of(cls, mention: ActorMention, text: str | None = None, start: int | None = None, end: int | None = None) -> "Participant":
        """The participant an actor mention resolves to, optionally over a wider span of words than the mention's."""
        return cls(
            mention.code,
            mention.text if text is None else text,
            mention.start if start is None else start,
            mention.end if end is None else end,
            mention.name,
            mention.country,
            mention.sector,
            mention.wikidata,
        )


@dataclass(frozen=True)
class Evidence:
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger_text: str
    sentence_text: str = ""  # the evidence sentence itself, so an event row proves itself without its article


@dataclass(frozen=True)
class Event:
    id: str
    source: Participant | None  # None only for material conflict with an unnamed perpetrator ("two soldiers were killed")
    target: Participant | None
    plover_type: str
    cameo_code: str
    cameo_name: str
    goldstein: float
    quad_class: QuadClass
    mode: Mode
    mode_cue: str | None
    evidence: Evidence
    dated: EventDate  # the time stage's decision: value, first calendar day, precision and where it came from
    place: Place | None  # the place stage's place for it (see harbinger.place.event_place), None when it found none
    place_from: PlaceFrom | None  # venue, sentence or story: which step found the place
    confidence: float
    rule: str

    @property
    def date(self) -> str | None:
        """The first calendar day of the event's date, YYYY-MM-DD."""
        return self.dated.day.isoformat() if self.dated.day else None

    @property
    def date_from(self) -> str | None:
        return self.dated.date_from.value if self.dated.date_from else None

    def to_dict(self) -> dict:
        data: dict = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "dated":
                data.update(date=value.day.isoformat() if value.day else None, date_precision=value.precision)
                data.update(date_from=self.date_from, date_value=value.value, timing=value.timing)
            elif f.name in ("mode", "quad_class", "place_from"):
                data[f.name] = value.value if value is not None else None
            else:
                data[f.name] = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
        return data


class EventContext:
    """What one document offers the coder: resolved actors, dates, places and quotes if those stages ran."""

    def __init__(self, doc: Doc, tables: Tables):
        self.doc = doc
        self.tables = tables
        # a Doc made outside harbinger.pipeline has no article: code it as an undated one
        self.article = doc._.article if doc.has_extension("article") and doc._.article is not None else Article.create(doc.text, None)
        self.actors = layer(doc, "actors")
        self.places = layer(doc, "place")
        self.main_place: Place | None = None  # the story's main place, found once when an event needs it
        self.quotes = layer(doc, "quotes")
        self.resolved: set[int] = set()
        for mention in self.actors or ():
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and mention.code:
                self.resolved.update(t.i for t in span)

    def participant(self, head: Token) -> Participant:
        first = min([head.i] + [t.i for c in head.children if c.dep_ in LEFT_DEPS and c.i < head.i for t in c.subtree])
        span = self.doc[first : head.i + 1]
        start, end = span.start_char, span.end_char
        text = self.article.text[start:end]  # Doc.text is rebuilt on every access; the article text is the same string
        if self.actors is not None:
            mention = actor_for_span(self.doc, start, end)
            if mention is not None and not mention.start <= head.idx < mention.end and head.ent_type_ not in ("", *ACTOR_ENTS):
                mention = None  # "the Paris Agreement" (an EVENT/LAW name) is no mention of France: the actor only modifies it
            mention = mention or actor_for_span(self.doc, head.idx, head.idx + len(head.text))
            if mention is not None:
                return Participant.of(mention)
            member_of = self._member_of(head)
            if member_of is not None:  # "a member of the Syrian parliament": the body the person belongs to
                end = max(end, member_of.end)
                return Participant.of(member_of, self.article.text[start:end], start, end)
        return Participant(None, text, start, end)

    def _member_of(self, head: Token) -> ActorMention | None:
        """The coded actor an uncoded head noun belongs to through "of" ("supporters of Ben Bella")."""
        if head.pos_ not in ("NOUN", "PRON"):
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        mention = actor_for_span(self.doc, obj.left_edge.idx, obj.idx + len(obj.text))
                        if mention is not None and mention.code:
                            return mention
        return None

    def quote_context(self, token: Token) -> QuoteContext | None:
        """The quote the token sits in (its speaker and mode), or None — also when the quotes stage did not run."""
        if not self.quotes:
            return None
        return quote_context_for_span(self.doc, token.idx, token.idx + len(token.text))

    def in_quote(self, sent: Span) -> bool:
        start, end = sent.start_char, sent.end_char
        return any(q.content.start < end and start < q.content.end for q in self.quotes or ())

    def speaker(self, context: QuoteContext | None) -> tuple[Participant, bool] | None:
        """The quote's speaker as a participant, and whether it is political (coded or a named actor)."""
        speaker = context.speaker if context is not None else None
        if speaker is None:
            return None
        mention = speaker.mention
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        political = bool(speaker.code) or (span is not None and is_political(span.root, self.resolved))
        actor = actor_for_span(self.doc, mention.start, mention.end) if self.actors is not None else None
        if actor is not None and actor.code == speaker.code:
            return Participant.of(actor, mention.text, mention.start, mention.end), political
        return Participant(speaker.code, mention.text, mention.start, mention.end, speaker.name), political

    def date(self, token: Token) -> EventDate:
        return date_for_token(self.doc, token)

    def place(self, token: Token, sentence: Span, source: Participant | None) -> EventPlace | None:
        """The place stage's place for the event (None without that stage); the source's own words are not its venue."""
        if self.places is None:
            return None
        if self.main_place is None:
            self.main_place = story_place(self.doc)
        return event_place(self.doc, token, sentence, ((source.start, source.end),) if source is not None else (), self.main_place)


def event_id(article_id: str, evidence: Evidence, source: Participant | None, target: Participant | None) -> str:
    key = (
        f"{article_id}:{evidence.sentence_start}:{evidence.sentence_end}:{evidence.trigger_start}:{evidence.trigger_end}:"
        f"{source.start if source else '-'}:{target.start if target else '-'}"
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _confidence(pred: Predicate, rule: str, source: Participant | None, target: Participant | None) -> float:
    """A ranking score, not a calibrated probability: a pattern, resolved actors and a main-clause trigger raise it."""
    score = 0.6 + (0.05 if "#" in rule or rule.startswith(("noun", "frame")) else 0.0)
    score += (0.1 if source and source.code else 0) + (0.05 if target else 0)
    score -= 0.12 * min(_depth(pred.governor), 4)
    if pred.kind == "noun" and pred.how in ("noun", "noun-frame"):
        score -= 0.1  # "agreed to mediation in the talks": a noun framing a clause is background to its verb
    return round(max(0.05, min(score, 0.95)), 2)


def _sentence_bounds(sent: Span, text: str, body_start: int) -> tuple[int, int]:
    start, end = max(sent.start_char, body_start), sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote_mode(mode: ModeCue, context: QuoteContext | None) -> ModeCue:
    """An asserted event inside quoted or reported words takes the quote's mode when the quote reports or denies it."""
    if context is None or mode.mode is not Mode.ASSERTED or context.mode not in (Mode.REPORTED, Mode.DENIED):
        return mode
    cue = context.cue
    return ModeCue(context.mode, cue.text if cue is not None else None, cue.start if cue is not None else None, cue.end if cue is not None else None)


def _admissible(pred: Predicate, coding, source_political: bool, target_political: bool, tables: Tables) -> bool:
    """Precision rules: an event involves a political participant; everyday verbs need one on both sides
    unless a pattern's object nouns made them codable; an attack with no named perpetrator is no attack in a
    sentence about a storm, a crash or a disease."""
    if not (source_political or target_political):
        return False
    lemma = pred.trigger.lemma_.lower()
    if pred.kind == "verb" and lemma in tables.mode_words("generic_verbs") and "#" not in coding.rule:
        joint = pred.target is None and lemma in tables.mode_words("reciprocal_verbs") and (
            len(pred.sources) > 1 or any(s.tag_ in ("NNS", "NNPS") for s in pred.sources)
        )
        if not (source_political and (target_political or joint)):
            return False
    if not pred.sources and not pred.needs_speaker:
        disasters = tables.mode_words("no_perpetrator_words")
        if any(t.lower_ in disasters or t.lemma_.lower() in disasters for t in pred.trigger.sent):
            return False
    return True


def events_for_sentence(sent: Span, ctx: EventContext, tables: Tables) -> list[Event]:
    is_actor = ActorTest(ctx.resolved, actors_ran=ctx.actors is not None)
    stances = stance_predicates(sent, is_actor, tables)
    stance_words = {p.trigger.i for p in stances}
    # a stative participle ("is opposed to") is coded as a stance, not as the passive of its verb
    predicates = [p for p in verb_predicates(sent, is_actor, tables, in_quote=ctx.in_quote(sent)) if p.trigger.i not in stance_words] + stances
    coded: list[tuple[Predicate, object]] = []
    for pred in predicates:
        if not (pred.needs_speaker or is_political(pred.target, ctx.resolved) or any(is_political(s, ctx.resolved) for s in pred.sources)):
            continue  # no political participant: no event whatever the verb (checked before the costlier coding)
        coding = code_predicate(pred, tables)
        if coding is not None:
            coded.append((pred, coding))
    coded_verbs = {p.trigger.i for p, _ in coded}
    for pred in [*noun_predicates(sent, is_actor, tables, coded_verbs), *obligation_predicates(sent, is_actor, tables, coded_verbs)]:
        coding = code_predicate(pred, tables)
        if coding is not None:
            coded.append((pred, coding))
    events = []
    if not coded:
        return events
    sent_start, sent_end = _sentence_bounds(sent, ctx.article.text, ctx.article.body_start)
    for pred, coding in coded:
        mode = mode_of(pred.trigger, pred.governor, tables)
        if mode is None:
            continue  # the predicate is the condition of another event ("if Russia attacks")
        quote = ctx.quote_context(pred.trigger)
        mode = _quote_mode(mode, quote)
        row = code_in_mode(coding, mode, pred.trigger, tables)
        speaker = ctx.speaker(quote) if pred.needs_speaker else None
        if pred.needs_speaker and speaker is None:
            continue
        if not pred.sources and not pred.needs_speaker and row.quad_class is not QuadClass.MATERIAL_CONFLICT:
            continue
        target_tok = pred.target if pred.target is None or pred.target.i not in coding.object_words else None
        sources_at = {s.i for s in pred.sources}
        if target_tok is None and pred.target is not None:
            target_tok = beyond_object(pred.target, is_actor, tables, sources_at)
        if row.quad_class is QuadClass.MATERIAL_CONFLICT and (target_tok is None or target_tok.i not in ctx.resolved):
            # "fired missiles at Russia": force is aimed at an actor, not at the weapon that is its object
            aimed = aimed_at(pred.trigger, is_actor, sources_at)
            if aimed is not None and (target_tok is None or aimed.i in ctx.resolved or aimed.ent_type_ in ACTOR_ENTS):
                target_tok = aimed
        trig = pred.trigger
        evidence = Evidence(sent_start, sent_end, trig.idx, trig.idx + len(trig.text), trig.text, ctx.article.text[sent_start:sent_end])
        dated = ctx.date(trig)
        target_political = is_political(target_tok, ctx.resolved)
        # "Blinken and Foreign Minister Allamand discussed ...": a joint act with no object of its own is the
        # first named party's act towards each of the others
        joint = speaker is None and target_tok is None and len(pred.sources) > 1 and row.plover in JOINT_TYPES
        pairs = [(pred.sources[0], other) for other in pred.sources[1:]] if joint else [(s, target_tok) for s in pred.sources or (None,)]
        for source_tok, target_of_pair in pairs:
            if speaker is not None:
                source, source_political = speaker
            else:
                source = ctx.participant(source_tok) if source_tok is not None else None
                source_political = source is not None and (bool(source.code) or is_political(source_tok, ctx.resolved))
            target = ctx.participant(target_of_pair) if target_of_pair is not None else None
            if joint:
                target_political = is_political(target_of_pair, ctx.resolved)
            if target is not None and target.code:
                target_political = True
            if not _admissible(pred, coding, source_political, target_political, tables):
                continue
            if coding.reverse:
                if target is None or source is None:
                    continue
                source, target = target, source
            if target is not None and source is not None and (target.start, target.end) == (source.start, source.end):
                continue
            located = ctx.place(trig, sent, source)
            events.append(
                Event(
                    id=event_id(ctx.article.id, evidence, source, target),
                    source=source,
                    target=target,
                    plover_type=row.plover,
                    cameo_code=row.code,
                    cameo_name=row.name,
                    goldstein=row.goldstein,
                    quad_class=row.quad_class,
                    mode=mode.mode,
                    mode_cue=mode.cue,
                    evidence=evidence,
                    dated=dated,
                    place=located.place if located else None,
                    place_from=located.place_from if located else None,
                    confidence=_confidence(pred, coding.rule, source, target),
                    rule=f"{coding.rule} [{pred.kind}:{pred.how}]",
                )
            )
    return events


def _participant_key(participant: Participant | None) -> str | None:
    if participant is None:
        return None
    return participant.code or participant.text.lower()


def one_per_action(events: list[Event]) -> list[Event]:
    """One event per action in a sentence: events with the same participants and PLOVER type are one action
    told by chained or repeated words ("promised to continue aid", "struck ... killing", two conjuncts that
    resolve to one actor); the most confident (the governing verb, whose mode is the action's) stands for it,
    then the more specific CAMEO code."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (_participant_key(event.source), _participant_key(event.target), event.plover_type)
        kept = best.get(key)
        if kept is None or (event.confidence, len(event.cameo_code)) > (kept.confidence, len(kept.cameo_code)):
            best[key] = event
    chosen = {id(e) for e in best.values()}
    return [e for e in events if id(e) in chosen]


def has_actor_code(event: Event) -> bool:
    return bool((event.source and event.source.code) or (event.target and event.target.code))


def code_events(doc: Doc, tables: Tables | None = None, require_actor_code: bool = False) -> tuple[list[Event], list[Event]]:
    """The document's events, and the candidates held back from them.

    With ``require_actor_code`` (and the actors stage), an event needs at least one participant with an
    actor code: the rest become candidates, kept for inspection but never stored as events or exported.
    It is off by default: on the blind hand-labelled sets it cost recall and triples, because the gold
    counts acts whose actors the text leaves unnamed ("an attack killed five civilians").
    """
    tables = tables or load_tables()
    ctx = EventContext(doc, tables)
    body_start = ctx.article.body_start
    hold_back = require_actor_code and ctx.actors is not None
    events: list[Event] = []
    candidates: list[Event] = []
    seen: set[str] = set()
    for sent in doc.sents:
        if sent.end_char <= body_start:
            continue
        for event in one_per_action(events_for_sentence(sent, ctx, tables)):
            if event.id in seen:
                continue
            seen.add(event.id)
            (candidates if hold_back and not has_actor_code(event) else events).append(event)
    return events, candidates


class EventCoder:
    def __init__(self, nlp: Language, name: str, tables_dir: str | None, require_actor_code: bool):
        self.name = name
        self.tables = load_tables(tables_dir)
        self.require_actor_code = require_actor_code

    def __call__(self, doc: Doc) -> Doc:
        doc._.events, doc._.event_candidates = code_events(doc, self.tables, self.require_actor_code)
        return doc


@Language.factory(
    FACTORY,
    assigns=["doc._.events", "doc._.event_candidates"],
    default_config={"tables_dir": None, "require_actor_code": False},
)
def make_event_coder(nlp: Language, name: str, tables_dir: str | None, require_actor_code: bool) -> EventCoder:
    return EventCoder(nlp, name, tables_dir, require_actor_code)


def events_to_json(doc: Doc) -> list[dict]:
    return [event.to_dict() for event in doc._.events or []]


def candidates_to_json(doc: Doc) -> list[dict]:
    return [event.to_dict() for event in doc._.event_candidates or []]


SPEC = register_stage(
    StageSpec(
        name="events",
        factory=FACTORY,
        attr="events",
        to_json=events_to_json,
        reads=("time", "place", "actors", "quotes"),
        extra_layers=(("event_candidates", candidates_to_json),),
        table=EVENTS_TABLE,
    )
)
