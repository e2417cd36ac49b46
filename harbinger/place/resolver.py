"""Decide where each found place is: country (ISO alpha-3), first-level region, point and kind.

Reads :class:`PlaceMention` values and the offline :class:`Gazetteer`; adds
nothing to text. Names that can mean one thing only (countries, aliases,
regions, demonyms) are settled first and give the document's country context;
then ambiguous names are scored by population, capital status, a ", Region"
qualifier, that context and the dateline. Weak context comes from the finder's
context mentions, whose country is decided here: cue phrases ("Democratic
primary") and headline names ("New Zealand mosque …"); neither is returned. A
repeat of an earlier place ("the Channel", "Reading resident") takes that
place's answer. A name the cities list lacks may be a small town (1,000–15,000
people), trusted only inside a country the story or the name's qualifier is
already about; a name the gazetteer does not know at all falls back to the
document's main country with a low confidence. Compass, area and area-noun
words come from the stage's :class:`PlaceLexicon`. A place takes the GeoNames id,
feature code and ADM1 code of the gazetteer entry it resolved to, and the FIPS
code of whatever country it ends up in.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from harbinger.place.gazetteer import Entry, Gazetteer
from harbinger.place.lexicon import PlaceLexicon
from harbinger.place.models import CONTEXT_SOURCES, Place, PlaceMention

# Score weights. A city scores POPULATION_WEIGHT * log10(population); a country
# name outranks a same-named state unless the document is about the state's
# country ("Georgia" in a story about Atlanta). The context bonus is scaled by
# the share of the document's settled places in that country, so a story that
# mentions the U.S. in passing does not pull "Geneva" to Illinois.
POPULATION_WEIGHT = 1.5
COUNTRY_PRIOR = 12.0
ADMIN_PRIOR = 9.5
ADMIN2_PRIOR = 8.0  # counties and provinces below a state: often named after their town
CAPITAL_BONUS = 1.0
MAIN_NAME_BONUS = 0.5
CONTEXT_BONUS = 3.0
# A candidate in a first-level region the story already names a place in: "Georgia" after "Atlanta", "Paris" near "Texas".
REGION_BONUS = 2.0
DATELINE_ADMIN_PENALTY = 3.0  # datelines name cities
# A demonym usually names an actor ("Chinese government"), so it says less about where the story is than a place name.
DEMONYM_CONTEXT_WEIGHT = 0.5
# A cue phrase ("Democratic primary") says even less: enough to tip "Georgia" with no other place in the story.
CUE_CONTEXT_WEIGHT = 0.5
# A city abroad smaller than this yields to a same-named small town in a country the story is about.
FOREIGN_TOWN_MAX_POPULATION = 100_000
# A facility named after a town this large ("Baghdad International Airport") is placed there even if the story
# names no other place in its country.
FACILITY_TOWN_MIN_POPULATION = 1_000_000
# A list of regions ("the Donetsk and Luhansk oblasts") may name a region by a city this large in it.
REGION_CAPITAL_MIN_POPULATION = 50_000
# A qualifier that is also a city this large, with no option in its country, is the next item of a list of cities.
BIG_LIST_CITY = 100_000
# An unknown name is guessed into the story's main country only when that country has at least this weight of the
# story's settled places and this many times the weight of the next country.
GUESS_MIN_WEIGHT = 0.5
GUESS_DOMINANCE = 2.0


@dataclass(frozen=True)
class _Scored:
    entry: Entry
    score: float
    by: str


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer, lexicon: PlaceLexicon):
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self._abbreviated = list(gazetteer.qualifier_areas.values())  # states news names after a town: "Macon, Ga."

    def __call__(self, mentions: list[PlaceMention]) -> list[Place]:
        cues = [m for m in mentions if m.source in CONTEXT_SOURCES]
        mentions = [m for m in mentions if m.source not in CONTEXT_SOURCES]
        settled: dict[int, Place] = {}
        for index, mention in enumerate(mentions):
            place = self._unambiguous(mention)
            if place is not None:
                settled[index] = place
        context: Counter = Counter()
        for place in settled.values():
            if place.country:
                context[place.country] += DEMONYM_CONTEXT_WEIGHT if place.role == "demonym" else 1.0
        for cue in cues:
            country = self._cue_country(cue)
            if country:
                context[country] += CUE_CONTEXT_WEIGHT
        echoes = [index for index, mention in enumerate(mentions) if mention.source == "echo" and index not in settled]
        regions: Counter = Counter(place.admin1 for place in settled.values() if place.admin1 and place.role != "demonym")
        lists: dict[int, list[int]] = {}
        for index, mention in enumerate(mentions):
            if mention.list_of and index not in settled:
                lists.setdefault(mention.list_id, []).append(index)
        for indices in lists.values():  # "the parishes of Ascension, Assumption, …": the state that has them all
            for index, place in self._listed(mentions, indices, context, regions).items():
                settled[index] = place
                _count(place, context, regions, 1)
        scored = [index for index in range(len(mentions)) if index not in settled and index not in echoes]
        first: dict[int, Place] = {}
        for index in scored:  # in text order, each decision adding to the story's context
            first[index] = self._scored(mentions[index], context, regions)
            _count(first[index], context, regions, 1)
        for index in scored:  # again with the whole story known: a later "Atlanta" or "Texas" revises an earlier "Georgia" or "Paris"
            _count(first[index], context, regions, -1)
            settled[index] = self._scored(mentions[index], context, regions)
            _count(first[index], context, regions, 1)
        main = self._main_container(context, regions)
        features = self.gazetteer.feature_words
        for index in settled:
            settled[index] = _fallback(mentions[index], settled[index], main, features)
        for index in echoes:  # after the fallback, so a repeat of "Groom" gets what the first "Groom" got
            settled[index] = _fallback(mentions[index], self._echo(mentions[index], mentions, settled, context, regions), main, features)
        placed_by_name: dict[str, Place] = {}
        for index, mention in enumerate(mentions):
            if settled[index].country:
                placed_by_name.setdefault(mention.text, settled[index])
        for index, mention in enumerate(mentions):  # "LA Fortaleza's Hall of Mirrors", "London's Hyde Park": inside the owner
            owner = placed_by_name.get(mention.part_of) if mention.part_of else None
            if owner is None or settled[index].country == owner.country:
                continue
            if settled[index].kind in ("country", "region") or settled[index].feature_code == "ADM1":
                continue  # "annexation by Russia of Ukraine's Donetsk": a country is part of no other place
            inside = [o for o in self._options(mention.text) if o.entry.country == owner.country]
            if inside:
                best = max(inside, key=lambda o: o.score)
                settled[index] = _place(mention, best.entry, f"gazetteer:part-of:{owner.text}", 0.7)
            else:
                settled[index] = replace(owner, start=mention.start, end=mention.end, text=mention.text, kind="unknown",
                                         name=None, geonameid=None, feature_code=None, resolved_by=f"part-of:{owner.text}", confidence=0.6)
        return [_in_name(mentions[index], self._with_fips(settled[index])) for index in range(len(mentions))]

    def _listed(self, mentions: list[PlaceMention], indices: list[int], context: Counter, regions: Counter) -> dict[int, Place]:
        """The items of one list of regions ("the parishes of Ascension, Assumption, …", "the Donetsk and Luhansk
        oblasts"), each resolved to a region of the list's kind in the one state (for counties) or country (for
        first-level regions) that has the most of them, the story's own regions breaking ties. Items no such
        region fits are left to the ordinary scoring."""
        gaz = self.gazetteer
        word = mentions[indices[0]].list_of.title()
        options: dict[int, list[Entry]] = {}
        for index in indices:
            text = mentions[index].text
            found = gaz.counties(f"{text} {word}") + gaz.counties(text) if word in self.lexicon.area_words else []
            found += [e for e in gaz.lookup("admin", text) + gaz.lookup("admin", f"{text} {word}") if e not in found]
            if word not in ("County", "Parish", "Borough", "Municipality", "State"):
                # "the Donetsk and Luhansk oblasts", "the Idlib and Hama provinces": a region named after its main city
                for city, _ in gaz.cities(text):
                    region = gaz.region_of(city)
                    if city.population >= REGION_CAPITAL_MIN_POPULATION and region is not None and region not in found:
                        found.append(region)
            options[index] = found
        votes: Counter = Counter()
        for found in options.values():
            for key in {_list_key(e) for e in found}:
                votes[key] += 1
        if not votes:
            return {}
        weight = {key: (count, regions[key[1]] if key[1] else 0, context[key[0]]) for key, count in votes.items()}
        ranked = sorted(weight, key=lambda key: weight[key], reverse=True)
        if len(ranked) > 1 and weight[ranked[0]] == weight[ranked[1]]:
            return {}  # "the counties of Essex and Orange" with no state named: too open to decide here
        best = ranked[0]
        chosen = {}
        for index, found in options.items():
            inside = [e for e in found if _list_key(e) == best]
            if inside:
                entry = min(inside, key=lambda e: e.level)  # the region itself, not a same-named one below it
                chosen[index] = _place(mentions[index], entry, "gazetteer:list", 0.85)
        return chosen

    def _main_container(self, context: Counter, regions: Counter) -> Entry | None:
        """Where an unknown name used as a place may be assumed to be: the story's main country when it clearly
        dominates (at least twice the weight of any other), narrowed to its first-level
        region when most of the story's places there are in one. None when the story is spread over countries:
        a guess there would as often be wrong (issue 17: no guessed country rather than a wrong one)."""
        if not context:
            return None
        ranked = context.most_common(2)
        main, weight = ranked[0]
        if weight < GUESS_MIN_WEIGHT or (len(ranked) > 1 and weight < GUESS_DOMINANCE * ranked[1][1]):
            return None
        country = self.gazetteer.countries.get(main)
        if country is None:
            return None
        admins = self.gazetteer.admins
        inside = Counter({code: count for code, count in regions.items() if code in admins and admins[code].country == main})
        if inside:
            code, count = inside.most_common(1)[0]
            region = admins[code]
            if region.lat is not None and count >= 2 * (sum(inside.values()) - count):
                return region
        return country

    def _with_fips(self, place: Place) -> Place:
        """The place with its country's FIPS code, decided last: the fallback and part-of steps may change the country."""
        fips = self.gazetteer.fips.get(place.country) if place.country else None
        return place if place.fips == fips else replace(place, fips=fips)

    def _cue_country(self, cue: PlaceMention) -> str | None:
        """The country a context mention points to: the one a cue phrase is listed with, or the one a headline
        name points to on its own."""
        if cue.source == "cue":
            return self.gazetteer.country_cues[cue.text]
        return self.gazetteer.country_named(cue.text)

    def _echo(self, mention: PlaceMention, mentions: list[PlaceMention], settled: dict[int, Place], context: Counter, regions: Counter) -> Place:
        """A repeat takes the answer of the place it repeats ("the Channel" is the English Channel)."""
        for index, other in enumerate(mentions):
            if other.text == mention.repeats and other.source != "echo" and index in settled:
                place = settled[index]
                return replace(place, start=mention.start, end=mention.end, text=mention.text, resolved_by=f"echo:{place.resolved_by}")
        return self._scored(mention, context, regions)

    def _unambiguous(self, mention: PlaceMention) -> Place | None:
        gaz = self.gazetteer
        if mention.source == "demonym":
            country = gaz.demonym_country(mention.text)
            return _place(mention, gaz.countries.get(country), "demonym", 0.9, role="demonym") if country else None
        landmark = gaz.landmark(mention.text)
        if landmark is not None:  # "the Kremlin": its city's country, region and point
            return replace(_place(mention, landmark, "landmark", 0.9), kind="facility", feature_code=None)
        alias = gaz.alias(mention.text)
        within = self._within(mention.qualifier, mention.text)
        if alias is not None and not (within is not None and within.country and alias.kind == "city" and alias.country != within.country):
            return _place(mention, alias, "alias", 0.95)  # but "Odessa, Texas" is no alias of Ukraine's Odesa
        abbreviation = gaz.qualifier_area(mention.text)
        if abbreviation is not None and mention.label in ("GPE", "LOC"):  # "Lebanon, Pa.": the tagger or the comma says it is a place
            return _place(mention, abbreviation, "abbreviation", 0.9)
        regions = gaz.lookup("region", mention.text)
        if regions:
            return _place(mention, regions[0], "region", 0.9)
        countries = gaz.lookup("country", mention.text)
        if within is not None and within.country and countries and within.country != countries[0].country:
            return None  # "Lebanon, Pa.": a town named after a country
        if countries and not gaz.lookup("admin", mention.text):
            return _place(mention, countries[0], "country-name", 0.95)
        return None

    def _scored(self, mention: PlaceMention, context: Counter, regions: Counter) -> Place:
        if mention.label == "FAC":
            return self._facility(mention, context)
        if mention.text.lower() in self.lexicon.compass_words:  # "the Northern line", "Central district": too vague to place
            return _place(mention, None, "unresolved", 0.0)
        options = self._options(mention.text)
        held = self._holding(mention.text, mention.follows) if mention.follows else None
        if held is not None:  # "Georgia" in "Macon, Georgia" or "Fort Benning, Georgia": the US state
            options = [o for o in options if o.entry == held] or options
        head, _, last = mention.text.rpartition(" ")
        area_named_after_town = not options and head and last in self.lexicon.area_words
        if area_named_after_town:
            # "Santa Barbara County": a county named after its town, not a same-named region of another type
            options = [o for o in self._options(head) if o.entry.kind == "city" or o.entry.type.lower() == last.lower()]
        first, _, rest = mention.text.partition(" ")
        if not options:
            options = self._area_named_after_word(mention.text)  # "County Cork": the region its name follows
        if not options and rest and first.lower() in self.lexicon.compass_words:  # "North Poland", "Eastern Mediterranean": a part of it
            whole = self._unambiguous(PlaceMention(mention.start, mention.end, rest, mention.source))
            within = self._within(mention.qualifier, mention.text)
            if within is not None and whole is not None and within.country != whole.country:
                whole = None  # "East Palestine, Ohio": a town named after a country, in the state its qualifier names
            if whole is not None and whole.kind in ("country", "admin", "region"):
                return replace(whole, text=mention.text, kind="region", geonameid=None, feature_code="RGN",
                               resolved_by="compass-part", confidence=0.8)
        if not options:
            town = self._small_town(mention, context, regions)
            if town is not None:
                return town
            within = self._within(mention.qualifier, mention.text)  # "Otranto, Italy": an unknown town in a known country
            if within is not None and within.country:
                return _inside(mention, within, "qualifier", 0.7)
            return _place(mention, None, "unresolved", 0.0)
        kinds = self.lexicon.area_noun_kinds.get(mention.area_noun)
        if kinds and any(o.entry.kind in kinds for o in options):  # "Washington state", "the city of Quebec"
            options = [o for o in options if o.entry.kind in kinds]
        narrowed = self._narrowed(options, mention.qualifier, mention.text)
        if narrowed:
            options = narrowed
        else:
            within = self._within(mention.qualifier, mention.text)
            listed = any(o.entry.kind in ("country", "admin") for o in options)  # "Thailand, South Korea": a list, not a qualifier
            # "Brussels, Ankara, Jakarta": a city abroad named next to a big city that is also a province is a list too
            listed = listed or (
                within is not None and self.gazetteer.largest_city(mention.qualifier) >= BIG_LIST_CITY
                and all(o.entry.country != within.country for o in options)
            )
            if within is not None and within.kind == "admin" and within.country and not listed:
                # "Gainesville, Va.": never the bigger Gainesville elsewhere; a town of the state, else just the state
                return self._small_town(mention, context, regions) or _inside(mention, within, "qualifier", 0.7)
        ranked = []
        settled = sum(context.values())
        for option in options:
            score, by = option.score, option.by if not narrowed else "qualifier"
            if option.entry.country in context:
                score += CONTEXT_BONUS * context[option.entry.country] / settled
                by = by if narrowed else "context"
            if option.entry.admin1 and regions[option.entry.admin1] > 0:
                score += REGION_BONUS  # "Georgia" in a story naming Atlanta, "Paris" in one naming Texas
                by = by if narrowed else "context"
            if mention.source == "dateline" and option.entry.kind == "admin":
                score -= DATELINE_ADMIN_PENALTY
            ranked.append(_Scored(option.entry, score, by))
        ranked.sort(key=lambda s: -s.score)
        best = ranked[0]
        if context and best.entry.country not in context and best.entry.population < FOREIGN_TOWN_MAX_POPULATION:
            # "Palm Beach County" in a Florida story: a small town abroad loses to a same-named one where the story is
            town = self._small_town(replace(mention, text=head if area_named_after_town else mention.text, located=True), context, regions)
            if town is not None:
                if area_named_after_town:  # the county, not the town it is named after: no GeoNames entry of its own
                    return replace(town, text=mention.text, kind="admin", geonameid=None, feature_code=None)
                return replace(town, text=mention.text)
        margin = best.score - ranked[1].score if len(ranked) > 1 else CONTEXT_BONUS
        confidence = round(0.5 + 0.45 * min(1.0, margin / CONTEXT_BONUS), 2)
        if area_named_after_town and best.entry.kind == "city":
            return _inside(mention, best.entry, f"gazetteer:{best.by}", confidence, kind="admin")
        return _place(mention, best.entry, f"gazetteer:{best.by}", confidence)

    def _small_town(self, mention: PlaceMention, context: Counter, regions: Counter | None = None) -> Place | None:
        """A town below the cities list, named as a place ("appliances from Dolgellau", "Clairton, Pennsylvania"),
        where the story already is: in the region or country its qualifier names, else in a country the story's
        settled places are in; of those, one in a first-level region the story names ("the Lowndes County community
        of Hayneville" in a story about Alabama) before a bigger namesake in another."""
        towns = self.gazetteer.towns(mention.text) if mention.located or mention.qualifier or mention.source == "dateline" else []
        if not towns:
            return None
        within = self._within(mention.qualifier, mention.text)
        if within is not None and within.country:
            towns = [t for t in towns if t.country == within.country and (within.kind != "admin" or t.admin1 == within.admin1)]
            by = "town-qualifier"
        else:
            towns = [t for t in towns if t.country in context]
            by = "town-context"
        if not towns:
            return None
        best = max(towns, key=lambda t: (context[t.country], (regions or Counter())[t.admin1] > 0 if t.admin1 else False, t.population))
        return _place(mention, best, f"gazetteer:{by}", 0.6)

    def _facility(self, mention: PlaceMention, context: Counter) -> Place:
        """A building, airport or park: by the town after it ("X in Oxfordshire"), else by a town its name
        starts with that the story is about ("Baghdad International Airport"), else left to the story's country."""
        areas = self._area_named_after_word(mention.text)
        if areas:  # "County Galway" tagged as a facility
            return _place(mention, max(areas, key=lambda o: o.score).entry, "gazetteer:area-name", 0.8)
        within = self._within(mention.qualifier, mention.text)
        if within is not None and within.country:
            return _inside(mention, within, "qualifier", 0.8)
        words = mention.text.split()
        country = self.gazetteer.demonym_country(words[0])
        if country and country in self.gazetteer.countries:  # "German Aerospace Center"
            return _inside(mention, self.gazetteer.countries[country], "facility-name", 0.7)
        for size in (2, 1):
            if len(words) > size:
                prefix = " ".join(words[:size])
                # "Baghdad International Airport": a big city needs no support; a small one must be in the story's
                # countries, and so must a country's name ("Kuwait Maitree Hospital" is in Dhaka)
                big = not self.gazetteer.names_country(prefix)
                named = [o for o in self._options(prefix) if o.entry.country in context or (big and o.entry.population >= FACILITY_TOWN_MIN_POPULATION)]
                if named:
                    best = max(named, key=lambda o: o.score)
                    return _inside(mention, best.entry, "facility-name", 0.7)
        return _place(mention, None, "unresolved", 0.0)

    def _area_named_after_word(self, text: str) -> list[_Scored]:
        """The regions a name such as "County Cork" means: an area word, then the region's own name."""
        first, _, rest = text.partition(" ")
        return [o for o in self._options(rest) if o.entry.kind == "admin"] if rest and first in self.lexicon.area_words else []

    def _options(self, name: str) -> list[_Scored]:
        gaz = self.gazetteer
        options = [_Scored(e, COUNTRY_PRIOR, "population") for e in gaz.lookup("country", name)]
        options += [_Scored(e, ADMIN_PRIOR if e.level == 1 else ADMIN2_PRIOR, "population") for e in gaz.lookup("admin", name)]
        if name.rpartition(" ")[2] in self.lexicon.area_words:  # "Rapides Parish", not a bare "Berkshire" (a Jamaican district)
            options += [_Scored(e, ADMIN2_PRIOR, "population") for e in gaz.counties(name)]
        for entry, main_name in gaz.cities(name):
            score = POPULATION_WEIGHT * math.log10(max(entry.population, 10)) + CAPITAL_BONUS * entry.capital + MAIN_NAME_BONUS * main_name
            options.append(_Scored(entry, score, "population"))
        return options

    def _within(self, name: str, town: str = "") -> Entry | None:
        """The country or region a qualifier names, else its largest city. When it names both a country and
        another country's region ("Macon, Georgia"), the one that has a city or town named ``town``, else the region
        (see :meth:`_holding`)."""
        if not name:
            return None
        gaz = self.gazetteer
        held = self._holding(name, town) if town else None
        if held is not None:
            return held
        if gaz.qualifier_area(name) is not None:  # "Va.", "TX"
            return gaz.qualifier_area(name)
        # of same-named regions, a first-level one in the most populous country: "Maryland" is the US state, not Liberia's county
        admins = sorted(gaz.lookup("admin", name), key=lambda e: (e.level, -gaz.countries[e.country].population if e.country in gaz.countries else 0))
        areas = gaz.lookup("country", name) + admins + gaz.lookup("region", name)
        cities = [entry for entry, _ in gaz.cities(name)]
        return gaz.alias(name) or next(iter(areas), None) or max(cities, key=lambda e: e.population, default=None) or gaz.landmark(name)

    def _holding(self, name: str, town: str) -> Entry | None:
        """Of a country and another country's first-level region sharing ``name`` ("Georgia"), the one holding a city
        or town named ``town``: "Macon, Georgia" is the US state, "Batumi, Georgia" the country. When neither holds
        it ("Fort Benning, Georgia", "Alston, Georgia"), the region: "Name, Region" is how news writes a town
        in its state, and the towns list covers the country's own towns; but only a region news writes that way, one
        with a state abbreviation ("Ga."): "Inates, Niger" stays the country, not Nigeria's Niger State. None when
        ``name`` is no such pair or nothing decides it."""
        gaz = self.gazetteer
        countries = gaz.lookup("country", name)
        regions = [e for e in gaz.lookup("admin", name) if e.level == 1 and all(e.country != c.country for c in countries)]
        if not countries or not regions:
            return None
        places = [entry for entry, _ in gaz.cities(town)] + gaz.towns(town) + gaz.lookup("admin", town) + gaz.counties(town)
        for container in countries + regions:
            if any(p.country == container.country and (container.kind != "admin" or p.admin1 == container.admin1) for p in places):
                return container
        return next((r for r in regions if r in self._abbreviated), None)

    def _narrowed(self, options: list[_Scored], qualifier: str, town: str = "") -> list[_Scored]:
        """Options inside the place the qualifier names ("Paris, Texas" → US-TX), if it names one."""
        if not qualifier:
            return []
        within = self._within(qualifier, town)
        if within is None or within.kind == "city":
            return []
        if within.kind == "admin" and within.admin1:
            return [o for o in options if o.entry.admin1 == within.admin1]
        return [o for o in options if o.entry.country == within.country and o.entry.kind != "country"]


def _in_name(mention: PlaceMention, place: Place) -> Place:
    """A place opening an organisation's name keeps its codes and point but is marked "in_name", so events use it only as a last resort."""
    return replace(place, kind="in_name") if mention.in_name and place.country else place


def _count(place: Place, context: Counter, regions: Counter, sign: int) -> None:
    """Add (or with ``sign`` -1 take back) a scored place's weight in the story's countries and regions."""
    if place.country and place.resolved_by != "context:document":
        for counter, key in ((context, place.country), (regions, place.admin1)):
            if key:
                counter[key] += sign
                if counter[key] <= 0:  # a country the story no longer counts must not look like context
                    del counter[key]


def _list_key(entry: Entry) -> tuple[str | None, str | None]:
    """What the items of one list share: a county's state, a first-level region's country."""
    return (entry.country, entry.admin1 if entry.level == 2 else None)


def _fallback(mention: PlaceMention, place: Place, main: Entry | None, feature_words: frozenset[str] | set[str] = frozenset()) -> Place:
    """An unknown name clearly used as a place (or named as a geographic feature: "the Thames River") stands in the
    story's main country (and its main state, when the story is about one), with a low confidence and that
    container's point."""
    named_feature = len(mention.text.split()) > 1 and mention.text.split()[-1] in feature_words
    if place.country is None and place.kind == "unknown" and main is not None and (_placed(mention) or named_feature):
        guessed = _inside(mention, main, "context:document", 0.3)
        return replace(guessed, role=place.role)
    return place


def _placed(mention: PlaceMention) -> bool:
    """Whether an unknown name is clearly used as a place, so the story's main country may stand in for it.
    The tagger's GPE/LOC label alone is not enough: it also tags "Bloomberg", "Qur'an" and "A.M."."""
    return mention.label == "FAC" or mention.located or bool(mention.qualifier)


def _inside(mention: PlaceMention, within: Entry, by: str, confidence: float, kind: str = "unknown") -> Place:
    """A place the gazetteer does not list, inside one it does: its country and region, no point or GeoNames id of its own."""
    adm1_code = within.adm1_code if within.kind != "country" else ""  # inside a country: its first-level region is unknown
    return Place(
        mention.start, mention.end, mention.text, within.country, within.admin1, within.lat, within.lon, kind, _mention_role(mention), by,
        confidence, adm1_code=adm1_code or None,
    )


def _mention_role(mention: PlaceMention) -> str:
    return "dateline" if mention.source == "dateline" else "mention"


def _place(mention: PlaceMention, entry: Entry | None, by: str, confidence: float, role: str | None = None) -> Place:
    role = role or _mention_role(mention)
    if entry is None:
        return Place(mention.start, mention.end, mention.text, None, None, None, None, "unknown", role, by, confidence)
    return Place(
        mention.start, mention.end, mention.text, entry.country,
        entry.admin1, entry.lat, entry.lon,
        entry.kind, role, by, confidence, entry.name, entry.geonameid, entry.feature_code or None, adm1_code=entry.adm1_code or None,
    )

