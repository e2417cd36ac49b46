"""Where an event happened: the place stage's answer for an event trigger, and how it was reached.

Three steps, the first that finds a place wins, and ``place_from`` names it:

- ``venue``: a phrase the parse attaches to the trigger names the venue ("met in Geneva",
  "held talks in Vienna", also a region: "troops in Eastern Europe"; :func:`harbinger.place.place_for_token`);
- ``sentence``: the place named nearest the trigger in its sentence ("Russian forces shelled
  Kharkiv", "Police in Nairobi fired ..."), the more specific (a city, a region of a country,
  a landmark) before a country;
- ``story``: the place the story's body names most often (ties: the first named).

A place inside an organisation's name ("Alexandria police", kind "in_name") says whose office acted, not
where: it stands in only when the story names no other usable place. The dateline is never used as such, and a demonym ("Russian forces") says who, not where, so
neither counts; a dateline city counts only when the body names it too. Places inside the
words that name the event's source ("Russia's foreign minister") are not its venue either.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Doc, Span, Token

from harbinger.place.models import Place
from harbinger.place.stage import place_for_token
from harbinger.stages import layer

# Kinds of place an event can be located at; "region" (continents, seas) and "unknown" are too vague.
LOCATABLE = ("city", "admin", "facility", "country")
SPECIFIC = ("city", "admin", "facility")


class PlaceFrom(str, Enum):
    VENUE = "venue"
    SENTENCE = "sentence"
    STORY = "story"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class EventPlace:
    place: Place
    place_from: PlaceFrom


def _usable(place: Place) -> bool:
    return place.role == "mention" and place.kind in LOCATABLE and place.country is not None


def story_place(doc: Doc) -> Place | None:
    """The place the body names most often (its first mention stands for it), else None."""
    places = [p for p in layer(doc, "place") or () if _usable(p)]
    if not places:
        return None
    key = lambda p: (p.kind, p.country, p.name or p.text)  # noqa: E731 - a key for counting and for finding the first
    counts = Counter(key(p) for p in places)
    best = max(counts.values())
    return next(p for p in places if counts[key(p)] == best)


def event_place(
    doc: Doc, token: Token, sentence: Span, outside: tuple[tuple[int, int], ...] = (), main: Place | None = None
) -> EventPlace | None:
    """The place of the event whose trigger is ``token`` in ``sentence``; ``outside`` are character spans
    (the source's words) whose places are not the event's; ``main`` is :func:`story_place` when the caller
    already has it (a coder places many events of one story). None when the place stage did not run or the
    story names no usable place."""
    places = layer(doc, "place")
    if places is None:
        return None
    venue = place_for_token(doc, token)
    if venue is not None and venue.role == "mention":
        return EventPlace(venue, PlaceFrom.VENUE)
    here = [
        p
        for p in places
        if _usable(p)
        and sentence.start_char <= p.start < sentence.end_char
        and not any(start <= p.start < end for start, end in outside)
    ]
    if here:
        distance = lambda p: (p.kind not in SPECIFIC, abs(p.start - token.idx))  # noqa: E731
        return EventPlace(min(here, key=distance), PlaceFrom.SENTENCE)
    main = main or story_place(doc) or _named_place(places)
    return EventPlace(main, PlaceFrom.STORY) if main is not None else None


def _named_place(places: tuple[Place, ...]) -> Place | None:
    """The first place inside an organisation's name ("Alexandria police"), for a story that names no other place."""
    return next((p for p in places if p.role == "mention" and p.kind == "in_name" and p.country is not None), None)
