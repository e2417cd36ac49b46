"""The ``time`` stage: find time expressions, resolve each against the DCT, and put them on ``doc._.timexes``.

Reads the parse and entities spaCy added and the article's date; adds a tuple
of :class:`Timex` values in text order. The stage owns every date a later
stage gives a word: :func:`date_for_token` returns the :class:`EventDate` of a
token (events date their trigger by it, quotes their cue), from the time
expression governing it in the parse, else from the document date.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date
from enum import Enum

from spacy.language import Language
from spacy.tokens import Doc, Token

from harbinger.stages import StageSpec, layer, register_stage
from harbinger.time.context import direction, governor, preposition, span_root
from harbinger.time.finder import find
from harbinger.time.grammar import Parsed, load_grammar
from harbinger.time.lexicon import load_lexicon
from harbinger.time.normaliser import PAST, Normaliser, References, Resolution
from harbinger.time.values import HISTORY_DAYS, calendar_span, timing

ATTR = "timexes"
# Where the stage leaves its ``history_days`` setting on a Doc for date_for_token.
HISTORY_KEY = "harbinger.time.history_days"
# Values an event can be dated by; durations, sets and PAST_REF-style values say when only vaguely.
_DATING_TYPES = ("DATE", "TIME")
DCT_TID = "t0"  # TimeML's id for the document creation time
CLOCK_RULES = frozenset({"clock", "clock24", "clock_military", "special_time"})
# Rules whose words are a time only when they refer back to a day the text named ("in the morning"): without a
# value they are no expression at all.
NEEDS_A_VALUE = frozenset({"anaphoric_part"})


@dataclass(frozen=True)
class Timex:
    """A time expression: its span in ``article.text``, its TIMEX3-style value and how that value was reached."""

    start: int
    end: int
    text: str
    value: str | None
    type: str  # DATE | TIME | DURATION | SET
    approximate: bool
    anchor: str  # "dct", "absolute", "timex@<start>" (another expression), or "none"
    resolved_by: str  # the normaliser rule, with the direction or reason: "weekday:past", "relative_period:no-dct"
    governor: int | None  # index of the token it attaches to in the parse
    # TIMEX3 attributes beyond type and value (TimeML 1.2.1): the expression's id in its document ("t1"; the
    # DCT is "t0"), the id of what a relative value was computed from, and mod/freq/quant where they apply.
    tid: str = ""
    anchor_tid: str | None = None
    temporal_function: bool = False
    mod: str | None = None
    freq: str | None = None
    quant: str | None = None

    @property
    def dates_events(self) -> bool:
        """Whether the value names calendar days an event can be filed under (not a set, a duration, PAST_REF
        or XXXX-12-25)."""
        return self.type in _DATING_TYPES and bool(self.value) and calendar_span(self.value) is not None

    def timex3(self) -> dict[str, str]:
        """The TIMEX3 attributes under their TimeML names, as strings, leaving out those that do not apply."""
        attributes = {
            "tid": self.tid,
            "type": self.type,
            "value": self.value or "",
            "temporalFunction": "true" if self.temporal_function else "false",
            "anchorTimeID": self.anchor_tid,
            "mod": self.mod,
            "freq": self.freq,
            "quant": self.quant,
        }
        return {name: value for name, value in attributes.items() if value is not None}


class TimeTagger:
    """The spaCy component; the grammar, lexicon and normaliser are built once per process and shared."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None, history_days: int = HISTORY_DAYS):
        self.name = name
        self.history_days = history_days
        self.lexicon = load_lexicon(lexicon_path)
        self.grammar = load_grammar(lexicon_path)
        self.normaliser = Normaliser(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(ATTR, tuple(self.timexes(doc)))
        doc.user_data[HISTORY_KEY] = self.history_days
        return doc

    def timexes(self, doc: Doc) -> list[Timex]:
        article = doc._.article
        dct = article.date if article is not None else None
        text = doc.text  # built anew on every access: read it once
        found = find(doc, self.grammar, text)
        governors = [governor(doc, p.start, p.end) for p in found]
        sentence_starts = [sentence_start(doc, p) for p in found]
        previous_starts = [previous_sentence_start(doc, p) for p in found]
        directions = [self._direction(doc, p, gov) for p, gov in zip(found, governors)]
        for i in range(1, len(found)):
            if _adjacent(text, found[i - 1], found[i]) and preposition(doc, found[i].start, found[i].end) is None:
                directions[i] = directions[i - 1]  # "until 5 p.m. EST Nov. 9": the date shares the clock's "until"
        # Dates first, in text order, each able to refer back to the last; clock times after, since
        # "at 2:49 a.m. on Saturday" takes its day from a date later in its sentence.
        refs = References()
        resolved: list[Resolution | None] = [None] * len(found)
        refs_before: dict[int, References] = {}
        for i, parsed in enumerate(found):
            if parsed.rule in CLOCK_RULES:
                refs_before[i] = replace(refs)
                continue
            refs.sentence, refs.previous_sentence = sentence_starts[i], previous_starts[i]
            resolved[i] = self.normaliser.resolve(parsed, dct, directions[i], refs)
            if not parsed.parts.get("range_end"):  # what follows "April 14 – 15" counts from its start
                refs.remember(resolved[i].value, resolved[i].type, f"timex@{parsed.start}")
        for i, before in refs_before.items():
            day_refs = self._sentence_day(doc, found[i], found, resolved) or before
            resolved[i] = self.normaliser.resolve(found[i], dct, directions[i], day_refs)
        kept = [i for i, (parsed, res) in enumerate(zip(found, resolved)) if res.value or parsed.rule not in NEEDS_A_VALUE]
        found, governors, resolved = [found[i] for i in kept], [governors[i] for i in kept], [resolved[i] for i in kept]
        tids = {f"timex@{parsed.start}": f"t{i + 1}" for i, parsed in enumerate(found)}
        return [
            Timex(
                start=parsed.start,
                end=parsed.end,
                text=text[parsed.start : parsed.end],
                value=res.value,
                type=res.type,
                approximate=res.approximate,
                anchor=res.anchor,
                resolved_by=res.resolved_by,
                governor=gov.i if gov is not None else None,
                tid=f"t{i + 1}",
                anchor_tid=anchor_tid(res.anchor, tids),
                temporal_function=res.value is not None and anchor_tid(res.anchor, tids) is not None,
                mod=res.mod,
                freq=res.freq,
                quant=res.quant,
            )
            for i, (parsed, gov, res) in enumerate(zip(found, governors, resolved))
        ]

    def _direction(self, doc: Doc, parsed: Parsed, gov: Token | None) -> str | None:
        word = preposition(doc, parsed.start, parsed.end)
        if word in self.lexicon.past_prepositions:
            return PAST  # "since Thursday"
        if word in self.lexicon.open_prepositions:
            return None  # "was extended until Nov. 9": a deadline, whatever the verb's tense; the nearest one
        root = span_root(doc, parsed.start, parsed.end)
        if root is not None and root.dep_ in ("compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
            return None  # "the November 13 deadline": a date naming a thing, which the clause's tense does not date
        return direction(gov, self.lexicon)

    @staticmethod
    def _sentence_day(doc: Doc, clock: Parsed, found: list[Parsed], resolved: list[Resolution | None]) -> References | None:
        """References holding the day named nearest to a clock time in its sentence, if the sentence names one."""
        span = doc.char_span(clock.start, clock.end, alignment_mode="expand")
        if span is None:
            return None
        sentence = span[0].sent
        best = None
        for parsed, res in zip(found, resolved):
            if res is None or not (sentence.start_char <= parsed.start < sentence.end_char):
                continue
            refs = References()
            refs.remember(res.value, res.type, f"timex@{parsed.start}")
            if refs.day is not None:
                distance = min(abs(parsed.start - clock.end), abs(clock.start - parsed.end))
                if best is None or distance < best[0]:
                    best = (distance, refs)
        return best[1] if best else None


def _adjacent(text: str, first: Parsed, second: Parsed) -> bool:
    """Two expressions that read as one ("5 p.m. EST Nov. 9", "Friday, March 5"): only spaces, a comma or "on"
    between them."""
    return text[first.end : second.start].strip(" ,").lower() in ("", "on")


def sentence_start(doc: Doc, parsed: Parsed) -> int | None:
    """The character offset where the expression's sentence starts (None when the span does not align)."""
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    return span[0].sent.start_char if span is not None and len(span) else None


def previous_sentence_start(doc: Doc, parsed: Parsed) -> int | None:
    """Where the sentence before the expression's starts (None at the first sentence or when the span does not
    align): "On Saturday morning, ... By the evening, ..." refers across one sentence, not further."""
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].sent.start == 0:
        return None
    return doc[span[0].sent.start - 1].sent.start_char


def anchor_tid(anchor: str, tids: dict[str, str]) -> str | None:
    """TIMEX3 anchorTimeID: "t0" for a value computed from the DCT, the tid of the expression it was computed
    from for an anaphor or a chained relative, None for an absolute value or one that needs no anchor."""
    if anchor == "dct":
        return DCT_TID
    return tids.get(anchor)


@Language.factory("harbinger_time", assigns=[f"doc._.{ATTR}"], default_config={"lexicon_path": None, "history_days": HISTORY_DAYS})
def make_time_tagger(nlp: Language, name: str, lexicon_path: str | None, history_days: int) -> TimeTagger:
    return TimeTagger(nlp, name, lexicon_path, history_days)


def timexes_to_json(doc: Doc) -> list[dict]:
    return [asdict(t) for t in doc._.get(ATTR) or ()]


class DateFrom(str, Enum):
    """Where an event's or a quote's date came from."""

    TIME = "time"  # a time expression governing the word in the parse
    DCT = "dct"  # the document date: the text says nothing nearer

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class EventDate:
    """The date a word is given: the first calendar day, how precise, from where, and whether it is news.

    ``value`` is the TIMEX3-style value of the expression that dated it (the document date's ISO form when
    none did); ``day`` and ``last`` the first and last calendar days it covers; ``precision`` day, week,
    month or year ("unknown" when there is no date at all: no expression and no document date, and
    ``date_from`` is then None; a value naming no calendar day, like "2022-02-30", falls back to the
    document date). ``timing`` is "historical" for a date starting more than the stage's
    ``history_days`` before the story's date, "future" for one starting after it, else "current".
    """

    value: str | None
    day: date | None
    precision: str
    date_from: DateFrom | None
    timex: Timex | None = None
    last: date | None = None
    timing: str = "current"

    @classmethod
    def of_document(cls, dct: date | None) -> "EventDate":
        if dct is None:
            return cls(None, None, "unknown", None)
        return cls(dct.isoformat(), dct, "day", DateFrom.DCT, last=dct)

    @classmethod
    def of_timex(cls, timex: Timex, dct: date | None, history_days: int = HISTORY_DAYS) -> "EventDate":
        found = calendar_span(timex.value)
        if found is None:
            return replace(cls.of_document(dct), value=timex.value, date_from=DateFrom.DCT if dct else None, timex=timex)
        first, last, precision = found
        return cls(timex.value, first, precision, DateFrom.TIME, timex, last, timing(first, dct, history_days))


def date_for_token(doc: Doc, token: Token) -> EventDate:
    """The date of the time expression governing ``token`` (walking up the parse), else the document date.

    Durations, sets and vague references (PAST_REF) do not date an event. Without the time stage every
    word takes the document date.
    """
    article = doc._.article
    dct = article.date if article is not None else None
    by_governor: dict[int, list[Timex]] = {}
    for timex in layer(doc, "time") or ():
        if timex.governor is not None and timex.dates_events:
            by_governor.setdefault(timex.governor, []).append(timex)
    current, seen = token, set()
    while current.i not in seen:
        seen.add(current.i)
        if current.i in by_governor:
            nearest = min(by_governor[current.i], key=lambda t: abs(t.start - token.idx))
            return EventDate.of_timex(nearest, dct, doc.user_data.get(HISTORY_KEY, HISTORY_DAYS))
        current = current.head
    return EventDate.of_document(dct)


SPEC = register_stage(StageSpec(name="time", factory="harbinger_time", attr=ATTR, to_json=timexes_to_json))
