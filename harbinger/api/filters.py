"""The dashboard's one filter state as request parameters, and the ``WHERE`` clause it becomes.

Every events endpoint (``/api/events``, ``/api/timeline``, ``/api/map``, ``/api/dyads``) reads the same
parameters, so one filter state drives every view. :class:`ViewFilter` adds to the analysis layer's
:class:`~harbinger.analysis.events.EventFilter` what a dashboard needs on top: several actors (either
side), several place countries and a map box. List parameters are comma-separated
(``actors=USA,RUS``), each item checked here; every value reaches DuckDB as a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Optional

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from harbinger.analysis.events import EventFilter
from harbinger.analysis.series import TIMING_CHOICES
from harbinger.api import models as m

MAX_ITEMS = 50  # items in one list parameter
MAX_ITEM_CHARS = 64
ActorParam = Annotated[Optional[str], Query(min_length=1, max_length=64, description="Actor code (USAGOV) or country (USA).")]
ListParam = Annotated[Optional[str], Query(max_length=MAX_ITEMS * (MAX_ITEM_CHARS + 1))]


@dataclass(frozen=True)
class ViewFilter(EventFilter):
    actors: tuple[str, ...] = ()  # any of these actor codes or countries, on either side
    countries: tuple[str, ...] = ()  # the event's place is in any of these countries (ISO alpha-3)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north in degrees
    ids: tuple[str, ...] = ()  # only these events (an alert's evidence)
    # True when every stored event carries its sentence (sentence_text, migration 006): the text filter then reads
    # that column and needs no join with the articles (see harbinger.api.queries.with_store).
    sentences_stored: bool = False

    def where(self) -> tuple[str, list]:
        if self.text and self.sentences_stored:
            clause, params = EventFilter.where(replace(self, text=None))
            clause += " AND contains(lower(e.sentence_text), lower(?))"
            params.append(self.text)
        else:
            clause, params = super().where()
        clauses = [clause]
        if self.actors:
            clauses.append(
                "(e.source_code IN (SELECT unnest(?)) OR e.source_country IN (SELECT unnest(?)) "
                "OR e.target_code IN (SELECT unnest(?)) OR e.target_country IN (SELECT unnest(?)))"
            )
            params += [list(self.actors)] * 4
        if self.countries:
            clauses.append("e.place_country IN (SELECT unnest(?))")
            params.append(list(self.countries))
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("e.place_lon BETWEEN ? AND ? AND e.place_lat BETWEEN ? AND ?")
            params += [west, east, south, north]
        if self.ids:
            clauses.append("e.id IN (SELECT unnest(?))")
            params.append(list(self.ids))
        return " AND ".join(clauses), params


def invalid(name: str, message: str) -> RequestValidationError:
    """A 422 naming the query parameter, like FastAPI's own validation errors."""
    return RequestValidationError([{"loc": ["query", name], "msg": message, "type": "value_error"}])


def split_list(value: str | None, name: str, upper: bool = False) -> tuple[str, ...]:
    """``'USA, rus'`` → ``('USA', 'rus')`` (or upper-cased), refusing (422) too many or too long items."""
    if not value:
        return ()
    items = tuple(dict.fromkeys(item.strip().upper() if upper else item.strip() for item in value.split(",") if item.strip()))
    if len(items) > MAX_ITEMS or any(len(item) > MAX_ITEM_CHARS for item in items):
        raise invalid(name, f"at most {MAX_ITEMS} comma-separated items of at most {MAX_ITEM_CHARS} characters")
    return items


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``'west,south,east,north'`` in degrees, refusing (422) anything else."""
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise invalid("bbox", "four comma-separated numbers west,south,east,north, e.g. 20,40,40,55") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise invalid("bbox", "must have -180 ≤ west ≤ east ≤ 180 and -90 ≤ south ≤ north ≤ 90")
    return west, south, east, north


def view_filter(
    since: Annotated[Optional[date], Query(description="On or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[date], Query(description="On or before this day (YYYY-MM-DD).")] = None,
    actor: ActorParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    type: Annotated[Optional[m.PloverType], Query(description="PLOVER event type.")] = None,
    mode: Annotated[m.SeriesMode, Query(description="One mode, 'occurred' (asserted + reported) or 'all'.")] = m.SeriesMode.all,
    quad_class: Annotated[Optional[int], Query(ge=1, le=4, description="QuadClass 1–4.")] = None,
    place_country: Annotated[Optional[str], Query(min_length=2, max_length=3, description="ISO 3166 alpha-3 of the event's place.")] = None,
    q: Annotated[Optional[str], Query(min_length=1, max_length=200, description="Text the evidence sentence contains.")] = None,
    geocoded: Annotated[Optional[bool], Query(description="Only events with (true) or without (false) coordinates.")] = None,
    article_id: Annotated[Optional[str], Query(max_length=64, description="Events of this article's group.")] = None,
    actors: Annotated[ListParam, Query(description="Comma-separated actor codes or countries, either side (any of them).")] = None,
    countries: Annotated[ListParam, Query(description="Comma-separated ISO alpha-3 codes of the event's place (any of them).")] = None,
    types: Annotated[ListParam, Query(description="Comma-separated PLOVER types (any of them).")] = None,
    modes: Annotated[ListParam, Query(description="Comma-separated modes, 'occurred' or 'all' (any of them); replaces mode.")] = None,
    min_confidence: Annotated[Optional[float], Query(ge=0, le=1, description="Only events coded with at least this confidence.")] = None,
    timing: Annotated[str, Query(description=f"One of {', '.join(TIMING_CHOICES)}: news at the story's date by default.")] = "current",
    bbox: Annotated[Optional[str], Query(max_length=120, description="west,south,east,north in degrees: events placed inside.")] = None,
    ids: Annotated[ListParam, Query(description="Comma-separated event ids (an alert's evidence_ids).")] = None,
) -> ViewFilter:
    return ViewFilter(
        since=since, until=until, actor=actor, source=source, target=target,
        plover_type=type.value if type else None, mode=mode.value, quad_class=quad_class,
        place_country=place_country.upper() if place_country else None, text=q, geocoded=geocoded, article_id=article_id,
        actors=split_list(actors, "actors"), countries=split_list(countries, "countries", upper=True),
        plover_types=split_list(types, "types", upper=True), modes=split_list(modes, "modes"),
        min_confidence=min_confidence, timing=timing, bbox=parse_bbox(bbox),
        ids=split_list(ids, "ids"),
    )  # fmt: skip
