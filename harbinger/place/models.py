"""The place stage's result types: a span the finder found and the place it resolved to."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# What the finder saw: a named place, the article's dateline, a demonym, a region phrase, a name the
# gazetteer vouches for, a name marked by a place suffix ("Seongbuk-gu"), a repeat of a place found
# elsewhere in the story ("the Channel" after "English Channel"), a phrase that only hints at a
# country ("Democratic primary") or a headline name that points to one ("New Zealand mosque …").
SOURCES = ("entity", "dateline", "demonym", "lexicon", "gazetteer", "suffix", "echo", "cue", "headline")
# Mentions that are context for the resolver, never places of their own.
CONTEXT_SOURCES = ("cue", "headline")


@dataclass(frozen=True)
class PlaceMention:
    """A span that names or implies a place, before anything is decided about where it is."""

    start: int
    end: int
    text: str
    source: str  # one of SOURCES
    label: str = ""  # the NER label (GPE, LOC, FAC) when source is "entity"
    qualifier: str = ""  # "Texas" in "Paris, Texas": the name right after a comma
    located: bool = False  # the words around it say it is a place ("in X", "the city of X", "X province")
    area_noun: str = ""  # the kind of place the text calls it: "state" in "Washington state", "city" in "the city of X"
    repeats: str = ""  # for an echo, the text of the mention it repeats
    part_of: str = ""  # the name of a place that owns it or that it is part of ("Wynnum's", "of the White House")
    in_name: bool = False  # it opens an organisation's, office's or team's name ("Alexandria police", "Texas Department of …")
    list_of: str = ""  # an item of a list of regions of one kind, the kind in the singular: "parish" in "the parishes of A, B and C"
    list_id: int = -1  # the offset of that list's noun: items of one list are decided together
    follows: str = ""  # the name it qualifies: "Macon" for "Georgia" in "Macon, Georgia"


@dataclass(frozen=True)
class Place:
    """A resolved place. ``role`` says how the text used it: "dateline", "mention" or "demonym".

    ``kind`` is "country", "admin", "city", "region", "facility" (a listed landmark), "in_name" (a place
    that opens an organisation's or office's name: "Alexandria police"; its ``feature_code`` still says
    what it is) or "unknown";
    ``lat``/``lon`` are the point GeoNames' conventions give it (docs/place.md): a city's own point, a
    country's or region's central point, a demonym's country's, a landmark's or unlisted place's container's;
    none for a name only guessed into the story's country;
    ``resolved_by`` names the evidence that decided ``country`` and ``confidence`` is 0..1.

    The GeoNames codes GDELT-style exports need: ``geonameid`` of the gazetteer entry it resolved to
    (a landmark's city, a demonym's country; None for a region of a country or a place the gazetteer
    only contains); ``feature_code`` in GeoNames' convention ("PCLI" country, "ADM1"/"ADM2" region of
    that level, "PPLC" capital, "PPL" other city or town, "CONT" continent, "RGN" other region; None
    for a landmark or an unknown place); ``fips``, the FIPS 10-4 code of ``country``; ``adm1_code``,
    GDELT's ADM1 code: FIPS country and GeoNames admin1 ("USDC"), a country's own FIPS code for a
    country or demonym, None when the first-level region is unknown.
    """

    start: int
    end: int
    text: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str
    role: str
    resolved_by: str
    confidence: float
    name: str | None = None  # the gazetteer's name for it ("Kyiv" for "Kiev")
    geonameid: int | None = None
    feature_code: str | None = None
    fips: str | None = None
    adm1_code: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
