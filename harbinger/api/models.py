"""Typed response models for the JSON API (they are also its OpenAPI schema at ``/docs``)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, Generic, Optional, TypeVar

from pydantic import BaseModel, Field

from harbinger.analysis import LEVELS, MODE_CHOICES, PERIODS
from harbinger.ontology import Mode, PloverType

SeriesMode = Enum("SeriesMode", {name: name for name in MODE_CHOICES}, type=str)
Period = Enum("Period", {name: name for name in PERIODS}, type=str)
Level = Enum("Level", {name: name for name in LEVELS}, type=str)


class EventOrder(str, Enum):
    newest = "newest"
    oldest = "oldest"
    most_hostile = "most_hostile"


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Rows matching the filters, before limit/offset.")
    limit: int
    offset: int
    items: list[T]


class ArticleSummary(BaseModel):
    id: str
    date: Optional[date]
    title: Optional[str]
    url: Optional[str]
    source: Optional[str]
    dateline: Optional[str]
    words: Optional[int]
    canonical_id: str = Field(description="The article's near-duplicate group (itself if it is the canonical copy).")
    copies: int = Field(description="Stored articles in this article's near-duplicate group.")
    events: int = Field(description="Events coded from this article's group.")


class ArticleDetail(ArticleSummary):
    text: str
    body_start: int
    event_ids: list[str]


class EventSummary(BaseModel):
    id: str
    article_id: str
    canonical_id: str
    event_date: Optional[date]
    date_value: Optional[str]
    timing: Optional[str] = Field(description="current, historical (long before the story's date) or future.")
    source_code: Optional[str]
    source_country: Optional[str]
    source_name: Optional[str] = Field(description="Who the source resolved to ('Antony Blinken' for 'he').")
    source_wikidata: Optional[str]
    target_code: Optional[str]
    target_country: Optional[str]
    target_name: Optional[str]
    target_wikidata: Optional[str]
    plover_type: str
    cameo_code: Optional[str]
    goldstein: Optional[float]
    quad_class: Optional[int] = Field(description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    mode: str
    place_text: Optional[str]
    place_name: Optional[str] = Field(description="The gazetteer's name for the place ('Kyiv' for 'Kiev').")
    place_country: Optional[str]
    place_lat: Optional[float]
    place_lon: Optional[float]
    place_from: Optional[str] = Field(description="How the place was found: venue (the trigger's phrase), sentence or story.")
    confidence: Optional[float]
    sentence: Optional[str] = Field(description="The evidence sentence.")
    mentions: int = Field(description="Stored articles (near-duplicate copies included) that carry this event.")


class Span(BaseModel):
    kind: str = Field(description="source, target, trigger, actor, time or place.")
    start: int = Field(description="Character offset into the article text.")
    end: int
    text: str
    label: Optional[str] = Field(None, description="What the span resolved to: an actor code, a time value, a country.")


class ActorResolution(BaseModel):
    text: Optional[str]
    code: Optional[str]
    country: Optional[str]
    name: Optional[str] = Field(description="The actor the mention resolved to.")
    sector: Optional[str]
    wikidata: Optional[str]
    start: Optional[int]
    end: Optional[int]
    trace: Optional[dict[str, Any]] = Field(None, description="The actors stage's record for this mention, if stored.")


class DateResolution(BaseModel):
    event_date: Optional[date]
    value: Optional[str]
    precision: Optional[str]
    source: Optional[str] = Field(description="'time' (a time expression governs the trigger) or 'dct' (the article date).")
    timing: Optional[str] = Field(description="current, historical or future for the story's date.")
    trace: Optional[dict[str, Any]] = Field(None, description="The time stage's record for the governing expression, if stored.")


class PlaceResolution(BaseModel):
    text: Optional[str]
    name: Optional[str]
    country: Optional[str]
    admin1: Optional[str]
    kind: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    feature_code: Optional[str]
    adm1_code: Optional[str]
    start: Optional[int]
    end: Optional[int]
    source: Optional[str] = Field(description="How it was found: venue (the trigger's phrase), sentence (nearest) or story (most named).")
    trace: Optional[dict[str, Any]] = Field(None, description="The place stage's row for this place (the places table), if stored.")


class ModeResolution(BaseModel):
    mode: str
    cue: Optional[str]


class Resolution(BaseModel):
    source: ActorResolution
    target: ActorResolution
    date: DateResolution
    place: PlaceResolution
    mode: ModeResolution
    cameo_code: Optional[str]
    cameo_root: Optional[str]
    rule: Optional[str]
    confidence: Optional[float]


class ArticleRef(BaseModel):
    id: str
    date: Optional[date]
    title: Optional[str]
    url: Optional[str]


class EventDetail(BaseModel):
    event: EventSummary
    article: ArticleRef
    sentence: Span = Field(description="The evidence sentence (kind 'sentence'), offsets into the article text.")
    spans: list[Span] = Field(description="Trigger, source, target and the actor/time/place spans inside the sentence.")
    resolution: Resolution
    explanation: dict[str, str] = Field(description="How the event, source, target, date and place were resolved, in words.")
    copies: list[str] = Field(description="Ids of every stored article in the event's near-duplicate group.")


class TextSpan(BaseModel):
    start: int = Field(description="Character offset into the article text.")
    end: int
    text: str


class Speaker(TextSpan):
    name: Optional[str] = Field(description="Who the mention resolved to ('Antony Blinken' for 'he').")
    code: Optional[str] = Field(description="CAMEO actor code, if known.")
    resolved_by: list[str] = Field(description="The steps that decided it.")


class QuoteClaim(BaseModel):
    id: str
    stance: Optional[str] = Field(description="asserts or disputes.")
    relates_to: Optional[str] = Field(description="Id of the claim it disputes.")
    why: list[str]


class Quote(BaseModel):
    id: str
    article_id: str
    kind: str = Field(description="direct (in quotation marks), indirect (reported clause) or mixed.")
    start: int = Field(description="Offsets of the reported words in the article text.")
    end: int
    text: Optional[str]
    segments: list[TextSpan] = Field(description="The quoted pieces themselves (a split quote's frame lies between them).")
    cue: Optional[TextSpan] = Field(description="The reporting verb or phrase; null when a quote continues the previous speaker's.")
    act: Optional[str] = Field(description="assert, deny, report, threat, directive or commissive.")
    speaker: Optional[Speaker]
    venue: Optional[TextSpan]
    date: Optional[str] = Field(description="TIMEX3-style value of when it was said.")
    date_from: Optional[str] = Field(description="'time' (a time expression governs the cue) or 'dct' (the article date).")
    found_by: Optional[str]
    confidence: Optional[float]
    claim: Optional[QuoteClaim] = Field(description="The claim the quote states, if it states one.")


class QuotePage(Page[Quote]):
    available: bool = Field(description="False when the quotes stage stored nothing in this store: then items is always empty.")


class SeriesPoint(BaseModel):
    period: date = Field(description="First day of the day/ISO week (Monday)/month.")
    events: int
    mentions: int
    goldstein_mean: Optional[float]
    goldstein_sum: float
    quad_class: dict[str, int] = Field(description="Event counts per QuadClass: verbal_coop, material_coop, verbal_conflict, material_conflict.")
    plover: dict[str, int] = Field(description="Event counts per PLOVER type.")


class Series(BaseModel):
    source: str = Field(description="Source actor, '*' for any.")
    target: str = Field(description="Target actor, '*' for any.")
    by: str
    level: str
    mode: str = Field(description="'occurred' (asserted + reported), 'all', or one mode.")
    points: list[SeriesPoint]


class Dyad(BaseModel):
    source: str
    target: str
    events: int
    conflict_events: int
    goldstein_mean: Optional[float]
    first_date: Optional[date]
    last_date: Optional[date]


class TimelinePoint(BaseModel):
    period: date = Field(description="First day of the day/ISO week (Monday)/month; periods without events are left out.")
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float


class DyadView(BaseModel):
    dyads: list[Dyad] = Field(description="The busiest directed dyads among the filtered events.")
    source: Optional[str] = Field(description="The dyad shown: the filter's source and target, or else the busiest dyad.")
    target: Optional[str]
    points: list[TimelinePoint] = Field(description="The shown dyad's filtered events per period.")


class Alert(BaseModel):
    source: str
    target: str
    week: date
    week_end: date
    metric: str = Field(description="conflict_events or goldstein_sum.")
    value: float
    baseline_mean: float
    baseline_sd: float
    baseline_weeks: int
    events: int = Field(description="Occurred events of the dyad that week.")
    score: float
    threshold: float
    evidence_count: int
    evidence_ids: list[str] = Field(description="Event ids that drove the metric, most hostile first (capped).")
    why: str = Field(description="Why it fired, in words.")


class CountryCount(BaseModel):
    country: str = Field(description="ISO 3166 alpha-3 of the events' place.")
    events: int
    conflict_events: int
    goldstein_mean: Optional[float]


class Cluster(BaseModel):
    lat: float = Field(description="Mean latitude of the cell's events.")
    lon: float
    events: int
    worst_quad_class: Optional[int]
    place: Optional[str] = Field(description="The place most named in the cell.")
    places: int = Field(description="Distinct places in the cell.")
    west: float = Field(description="The cell's box: filter /api/events with bbox=west,south,east,north for its events.")
    south: float
    east: float
    north: float


class MapSummary(BaseModel):
    countries: list[CountryCount]
    clusters: list[Cluster]
    clusters_total: int = Field(description="Cells with events; only the clusters_max busiest are listed.")
    clusters_max: int
    cell: float


class StoryArticle(BaseModel):
    id: str
    date: Optional[date]
    title: Optional[str]
    source: Optional[str]
    url: Optional[str]
    dateline: Optional[str]
    origin: Optional[str]
    words: Optional[int]
    text: str
    body_start: int


class StorySpan(BaseModel):
    kind: str = Field(description="actor, time, place, quote or trigger (an event's trigger; ref is the event id).")
    start: int = Field(description="Character offset into article.text.")
    end: int
    text: str
    label: Optional[str] = Field(description="What it resolved to: an actor code, a time value, a country, a PLOVER type.")
    why: str = Field(description="How it was resolved, in words.")
    ref: Optional[str] = Field(description="The event or quote id.")


class StoryEvent(BaseModel):
    id: str
    event_date: Optional[date]
    date_value: Optional[str]
    timing: Optional[str]
    source_code: Optional[str]
    source_name: Optional[str]
    target_code: Optional[str]
    target_name: Optional[str]
    plover_type: str
    cameo_code: Optional[str]
    goldstein: Optional[float]
    quad_class: Optional[int]
    mode: str
    place_name: Optional[str]
    place_country: Optional[str]
    confidence: Optional[float]
    why: str


class StoryCopy(BaseModel):
    id: str
    date: Optional[date]
    title: Optional[str]
    source: Optional[str]
    url: Optional[str]
    similarity: Optional[float]
    kind: str = Field(description="near (a stored near duplicate) or exact (a copy seen and not stored again).")
    origin: Optional[str]


class Story(BaseModel):
    article: StoryArticle = Field(description="The story shown: the canonical copy of the asked article's group.")
    asked: str = Field(description="The article id asked for.")
    copy_of: Optional[str] = Field(description="The canonical article's id when the asked one is a near duplicate.")
    copies: list[StoryCopy]
    spans: list[StorySpan]
    events: list[StoryEvent]


class Stats(BaseModel):
    articles: int
    canonical_articles: int
    events: int
    dated_events: int
    geocoded_events: int
    first_event_date: Optional[date]
    last_event_date: Optional[date]
    events_by_mode: dict[str, int]
    events_by_type: dict[str, int]
    events_by_quad_class: dict[str, int]
    quotes_available: bool


class Health(BaseModel):
    status: str
    db: str = Field(description="The store's file name (never its path on the server).")
    schema_version: int
