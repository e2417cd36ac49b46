"""The ``time`` stage: find time expressions, resolve each against the DCT, and put them on ``doc._.timexes``.

Reads the parse and entities spaCy added and the article's date; adds a tuple
of :class:`Timex` values in text order. :func:`date_for_token` gives a later
stage (events) the date that governs a token in the parse, else the DCT.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from harbinger.stages import StageSpec, register_stage
from harbinger.time.context import direction, governor, preposition
from harbinger.time.finder import find
from harbinger.time.grammar import Parsed, load_grammar
from harbinger.time.lexicon import load_lexicon
from harbinger.time.normaliser import PAST, Normaliser, References, Resolution

ATTR = "timexes"
# Values an event can be dated by; durations, sets and PAST_REF-style values say when only vaguely.
_DATING_TYPES = ("DATE", "TIME")
CLOCK_RULES = frozenset({"clock", "clock24", "clock_military", "special_time"})


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

    @property
    def dates_events(self) -> bool:
        return self.type in _DATING_TYPES and bool(self.value) and self.value[:1].isdigit()


class TimeTagger:
    """The spaCy component; the grammar, lexicon and normaliser are built once per process and shared."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None):
        self.name = name
        self.lexicon = load_lexicon(lexicon_path)
        self.grammar = load_grammar(lexicon_path)
        self.normaliser = Normaliser(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(ATTR, tuple(self.timexes(doc)))
        return doc

    def timexes(self, doc: Doc) -> list[Timex]:
        article = doc._.article
        dct = article.date if article is not None else None
        text = doc.text  # built anew on every access: read it once
        found = find(doc, self.grammar, text)
        governors = [governor(doc, p.start, p.end) for p in found]
        directions = [self._direction(doc, p, gov) for p, gov in zip(found, governors)]
        # Dates first, in text order, each able to refer back to the last; clock times after, since
        # "at 2:49 a.m. on Saturday" takes its day from a date later in its sentence.
        refs = References()
        resolved: list[Resolution | None] = [None] * len(found)
        refs_before: dict[int, References] = {}
        for i, parsed in enumerate(found):
            if parsed.rule in CLOCK_RULES:
                refs_before[i] = replace(refs)
                continue
            resolved[i] = self.normaliser.resolve(parsed, dct, directions[i], refs)
            refs.remember(resolved[i].value, resolved[i].type, f"timex@{parsed.start}")
        for i, before in refs_before.items():
            day_refs = self._sentence_day(doc, found[i], found, resolved) or before
            resolved[i] = self.normaliser.resolve(found[i], dct, directions[i], day_refs)
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
            )
            for parsed, gov, res in zip(found, governors, resolved)
        ]

    def _direction(self, doc: Doc, parsed: Parsed, gov: Token | None) -> str | None:
        if preposition(doc, parsed.start, parsed.end) in self.lexicon.past_prepositions:
            return PAST  # "since Thursday"
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


@Language.factory("harbinger_time", assigns=[f"doc._.{ATTR}"], default_config={"lexicon_path": None})
def make_time_tagger(nlp: Language, name: str, lexicon_path: str | None) -> TimeTagger:
    return TimeTagger(nlp, name, lexicon_path)


def timexes_to_json(doc: Doc) -> list[dict]:
    return [asdict(t) for t in doc._.get(ATTR) or ()]


def date_for_token(doc: Doc, token: Token) -> tuple[str | None, Timex | None]:
    """The date of the time expression governing ``token`` (walking up the parse), else the DCT with no timex.

    A ``None`` timex means the value came from the document date (``date_from="dct"``); without a DCT it is
    ``(None, None)``. Durations, sets and vague references (PAST_REF) do not date an event.
    """
    by_governor: dict[int, list[Timex]] = {}
    for timex in doc._.get(ATTR) or ():
        if timex.governor is not None and timex.dates_events:
            by_governor.setdefault(timex.governor, []).append(timex)
    current, seen = token, set()
    while current.i not in seen:
        seen.add(current.i)
        if current.i in by_governor:
            nearest = min(by_governor[current.i], key=lambda t: abs(t.start - token.idx))
            return nearest.value, nearest
        current = current.head
    article = doc._.article
    return (article.date.isoformat() if article is not None and article.date else None), None


SPEC = register_stage(StageSpec(name="time", factory="harbinger_time", attr=ATTR, to_json=timexes_to_json))
