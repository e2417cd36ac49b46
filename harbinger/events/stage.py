"""The ``events`` stage: who did what to whom, when and where, in which mode, tied to its evidence.

Reads the parse, and — when those stages ran — the actors, time and place
stages' output; adds ``doc._.events``, a list of :class:`Event`. Finding
predicates (:mod:`.finder`), coding them (:mod:`.coder`) and deciding modes
(:mod:`.modes`) are separate steps; this module assembles the results.
Without the actors stage, participants keep their text and a null code;
without the time stage, the date is the document date (``date_from: "dct"``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from harbinger.events.coder import act_code, code_predicate, intent_code
from harbinger.events.finder import (
    ACTOR_ENTS,
    ActorTest,
    Predicate,
    is_political,
    noun_predicates,
    obligation_predicates,
    stance_predicates,
    verb_predicates,
)
from harbinger.events.modes import CONDITION, Mode, mode_of
from harbinger.events.tables import Tables, load_tables
from harbinger.models import Article
from harbinger.stages import StageSpec, register_stage

FACTORY = "harbinger_events"
LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case"}


@dataclass(frozen=True)
class Participant:
    code: str | None  # CAMEO-style actor code from the actors stage; None when unresolved
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger_text: str


@dataclass(frozen=True)
class Event:
    id: str
    source: Participant | None  # None only for material conflict with an unnamed perpetrator ("two soldiers were killed")
    target: Participant | None
    plover_type: str
    cameo_code: str
    cameo_name: str
    goldstein: float
    quad_class: int
    mode: str
    mode_cue: str | None
    evidence: Evidence
    date: str | None
    date_from: str  # "time" (a time expression) or "dct" (the document date)
    place: dict | None
    confidence: float
    rule: str

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def _field(obj, name: str):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _stage_output(doc: Doc, attr: str):
    return getattr(doc._, attr) if doc.has_extension(attr) else None


class EventContext:
    """What one document offers the coder: resolved actors, dates and places if those stages ran."""

    def __init__(self, doc: Doc, tables: Tables):
        self.doc = doc
        self.tables = tables
        # a Doc made outside harbinger.pipeline has no article: code it as an undated one
        self.article = doc._.article if doc.has_extension("article") and doc._.article is not None else Article.create(doc.text, None)
        self.actors = _stage_output(doc, "actors")
        self.timexes = _stage_output(doc, "timexes")
        self.places = _stage_output(doc, "places")
        self.quotes = _stage_output(doc, "quotes")
        self.resolved: set[int] = set()
        for mention in self.actors or []:
            span = doc.char_span(_field(mention, "start"), _field(mention, "end"), alignment_mode="expand")
            if span is not None and _field(mention, "code"):
                self.resolved.update(t.i for t in span)

    def participant(self, head: Token) -> Participant:
        first = min([head.i] + [t.i for c in head.children if c.dep_ in LEFT_DEPS and c.i < head.i for t in c.subtree])
        span = self.doc[first : head.i + 1]
        start, end = span.start_char, span.end_char
        text = self.article.text[start:end]  # Doc.text is rebuilt on every access; the article text is the same string
        if self.actors is not None:
            from harbinger.actors import actor_for_span

            mention = actor_for_span(self.doc, start, end)
            if mention is not None and not _field(mention, "start") <= head.idx < _field(mention, "end") and head.ent_type_ not in ("", *ACTOR_ENTS):
                mention = None  # "the Paris Agreement" (an EVENT/LAW name) is no mention of France: the actor only modifies it
            mention = mention or actor_for_span(self.doc, head.idx, head.idx + len(head.text))
            if mention is not None:
                return Participant(_field(mention, "code"), _field(mention, "text"), _field(mention, "start"), _field(mention, "end"))
            member_of = self._member_of(head, actor_for_span)
            if member_of is not None:  # "a member of the Syrian parliament": the body the person belongs to
                end = max(end, _field(member_of, "end"))
                return Participant(_field(member_of, "code"), self.article.text[start:end], start, end)
        return Participant(None, text, start, end)

    def _member_of(self, head: Token, actor_for_span):
        """The coded actor an uncoded head noun belongs to through "of" ("supporters of Ben Bella")."""
        if head.pos_ not in ("NOUN", "PRON"):
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        mention = actor_for_span(self.doc, obj.left_edge.idx, obj.idx + len(obj.text))
                        if mention is not None and _field(mention, "code"):
                            return mention
        return None

    def quote_context(self, token: Token):
        """The quote the token sits in (its speaker and mode), or None — also when the quotes stage did not run."""
        if not self.quotes:
            return None
        try:
            from harbinger.quotes import quote_context_for_span
        except ImportError:
            return None
        return quote_context_for_span(self.doc, token.idx, token.idx + len(token.text))

    def in_quote(self, sent: Span) -> bool:
        start, end = sent.start_char, sent.end_char
        return any(q.content.start < end and start < q.content.end for q in self.quotes or ())

    def speaker(self, context) -> tuple[Participant, bool] | None:
        """The quote's speaker as a participant, and whether it is political (coded or a named actor)."""
        speaker = getattr(context, "speaker", None) if context is not None else None
        if speaker is None:
            return None
        mention = speaker.mention
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        political = bool(speaker.code) or (span is not None and is_political(span.root, self.tables, self.resolved))
        return Participant(speaker.code, mention.text, mention.start, mention.end), political

    def date(self, token: Token) -> tuple[str | None, str]:
        if self.timexes is not None:
            from harbinger.time import date_for_token

            value, timex = date_for_token(self.doc, token)
            value = _field(value, "value") if value is not None and not isinstance(value, str) else value
            if value is not None:
                return str(value), "time" if timex is not None else "dct"
        day = self.article.date
        return (day.isoformat() if day else None), "dct"

    def place(self, token: Token) -> dict | None:
        if self.places is None:
            return None
        from harbinger.place import place_for_token

        place = place_for_token(self.doc, token)
        if place is None:
            return None
        if dataclasses.is_dataclass(place):
            return dataclasses.asdict(place)
        return dict(place) if isinstance(place, dict) else place.to_dict()


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


def _quote_mode(mode: Mode, context) -> Mode:
    """An asserted event inside quoted or reported words takes the quote's mode when the quote reports or denies it."""
    if context is None or mode.mode != "asserted" or getattr(context, "mode", None) not in ("reported", "denied"):
        return mode
    cue = getattr(context, "cue", None)
    return Mode(context.mode, cue.text if cue is not None else None, cue.start if cue is not None else None, cue.end if cue is not None else None)


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
    is_actor = ActorTest(tables, ctx.resolved, actors_ran=ctx.actors is not None)
    stances = stance_predicates(sent, is_actor, tables)
    stance_words = {p.trigger.i for p in stances}
    # a stative participle ("is opposed to") is coded as a stance, not as the passive of its verb
    predicates = [p for p in verb_predicates(sent, is_actor, tables, in_quote=ctx.in_quote(sent)) if p.trigger.i not in stance_words] + stances
    coded: list[tuple[Predicate, object]] = []
    for pred in predicates:
        if not (pred.needs_speaker or is_political(pred.target, tables, ctx.resolved) or any(is_political(s, tables, ctx.resolved) for s in pred.sources)):
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
        if mode.mode == CONDITION:
            continue
        quote = ctx.quote_context(pred.trigger)
        mode = _quote_mode(mode, quote)
        row = tables.code(coding.cameo)
        commits = tables.mode_words("commit_verbs") | tables.mode_words("plan_words")
        if row.code.startswith("03") and not mode.intent and pred.trigger.lemma_.lower() not in commits:
            # a pattern's intent code with no intent in the clause ("Germany lifted sanctions"): code the act itself
            act = act_code(row.code, tables)
            row = tables.code(act) if act is not None else row
        if mode.intent:
            intent = intent_code(coding.cameo, tables)
            if intent is not None:
                intent_row = tables.code(intent)
                # a planned meeting stays CONSULT (its mode says planned); promised support, aid or concessions are
                # PLOVER's AGREE ("offer, promise, or otherwise indicate willingness to cooperate"); a promised attack is THREATEN
                row = dataclasses.replace(intent_row, plover=row.plover) if row.plover == "CONSULT" else intent_row
            elif row.code.startswith("03") and tables.plover_type(act_code(row.code, tables)) == "CONSULT":
                # a pattern's own intent-to-meet code in a planned clause ("ready to propose discussions", 036):
                # the same planned meeting, so CONSULT as well
                row = dataclasses.replace(row, plover="CONSULT")
        speaker = ctx.speaker(quote) if pred.needs_speaker else None
        if pred.needs_speaker and speaker is None:
            continue
        if not pred.sources and not pred.needs_speaker and row.quad_class != 4:
            continue
        target_tok = pred.target if pred.target is None or pred.target.i not in coding.object_words else None
        trig = pred.trigger
        evidence = Evidence(sent_start, sent_end, trig.idx, trig.idx + len(trig.text), trig.text)
        date, date_from = ctx.date(trig)
        place = ctx.place(trig)
        target_political = is_political(target_tok, tables, ctx.resolved)
        for source_tok in pred.sources or (None,):
            if speaker is not None:
                source, source_political = speaker
            else:
                source = ctx.participant(source_tok) if source_tok is not None else None
                source_political = source is not None and (bool(source.code) or is_political(source_tok, tables, ctx.resolved))
            target = ctx.participant(target_tok) if target_tok is not None else None
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
                    date=date,
                    date_from=date_from,
                    place=place,
                    confidence=_confidence(pred, coding.rule, source, target),
                    rule=f"{coding.rule} [{pred.kind}:{pred.how}]",
                )
            )
    return events


def code_events(doc: Doc, tables: Tables | None = None) -> list[Event]:
    tables = tables or load_tables()
    ctx = EventContext(doc, tables)
    body_start = ctx.article.body_start
    events: list[Event] = []
    seen: set[str] = set()
    for sent in doc.sents:
        if sent.end_char <= body_start:
            continue
        for event in events_for_sentence(sent, ctx, tables):
            if event.id not in seen:
                seen.add(event.id)
                events.append(event)
    return events


class EventCoder:
    def __init__(self, nlp: Language, name: str, tables_dir: str | None):
        self.name = name
        self.tables = load_tables(tables_dir)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_events(doc, self.tables)
        return doc


@Language.factory(FACTORY, assigns=["doc._.events"], default_config={"tables_dir": None})
def make_event_coder(nlp: Language, name: str, tables_dir: str | None) -> EventCoder:
    return EventCoder(nlp, name, tables_dir)


def events_to_json(doc: Doc) -> list[dict]:
    return [event.to_dict() for event in doc._.events or []]


SPEC = register_stage(StageSpec(name="events", factory=FACTORY, attr="events", to_json=events_to_json))
