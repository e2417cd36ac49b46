"""Find the spans of a document that name or imply a place; decide nothing about where they are.

Reads the spaCy entities, tags and sentence starts, and the article's dateline
span. Beyond the GPE/LOC/FAC entities it recovers what the small English model
often mislabels or misses: a country name that opens an organisation's name
("United States Democratic Party"), an entity that is wholly a country or
region name whatever its label ("Bermuda" tagged PERSON), facilities tagged
ORG ("Henderson Executive Airport"), proper-noun runs outside any entity that
the gazetteer knows ("in Reading"), multi-word region and alias phrases
("Baltic states"), demonyms ("Ukrainian border", "Russians"), names a cue
vouches for ("Reading resident", "Yemen-based", "Wellhouse Lane, Winchester"),
names with a place suffix ("in Seongbuk-gu") and later repeats of a place the
story already named, including the bare feature word ("the Channel" after
"English Channel"). Returns :class:`PlaceMention` values in text order without
overlaps, the longer span winning, followed by context mentions: "cue" phrases
that only hint at a country ("Democratic primary") and "headline" names that
point to one ("New Zealand mosque …"). The gazetteer only says which words are
names; codes, including the country a cue or a headline name points to, are the
resolver's job. The words the finder looks for around names (prepositions,
facility heads, office words …) come from the stage's :class:`PlaceLexicon`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from harbinger.place.gazetteer import BIG_CITY_POPULATION, Gazetteer
from harbinger.place.lexicon import PlaceLexicon
from harbinger.place.models import PlaceMention

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels the small model gives to place names by mistake; a whole-entity country or region name overrides them.
MISLABELS = ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
# Labels under which the small model files facilities: "Kuwait Maitree Hospital" ORG, "Wellhouse Lane" PERSON.
FACILITY_MISLABELS = ("ORG", "PERSON")
# A proper-noun run outside any entity counts as a town only if the town is at least this large,
# unless a locative preposition or a ", Region" qualifier vouches for it.
UNTAGGED_TOWN_MIN_POPULATION = 100_000
# A road by its letter code: "I-95", "US-1", "SR-99".
_ROAD_CODE = re.compile(r"(?:I|US|SR|M|A)-?\d+[A-Z]?")
_TITLE_WORD = re.compile(r"[^\W\d_][\w.'’ʻ-]*")


class PlaceFinder:
    """Built once per pipeline: holds the phrase matcher for multi-word lexicon entries."""

    def __init__(self, tokenizer, gazetteer: Gazetteer, lexicon: PlaceLexicon):
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.phrases = PhraseMatcher(tokenizer.vocab)
        multiword = sorted(n for n in gazetteer.region_surfaces | set(gazetteer.aliases) if " " in n)
        demonyms = sorted(d for d in gazetteer.demonyms if " " in d)
        self.phrases.add("LEXICON", list(tokenizer.pipe(multiword)))
        self.phrases.add("DEMONYM", list(tokenizer.pipe(demonyms)))
        self.cue_phrases = PhraseMatcher(tokenizer.vocab)
        self.cue_phrases.add("CUE", list(tokenizer.pipe(sorted(gazetteer.country_cues))))

    def __call__(self, doc: Doc) -> list[PlaceMention]:
        article = doc._.article
        body_start = article.body_start if article is not None else 0
        found: list[PlaceMention] = []
        person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        for ent in doc.ents:
            if ent.start_char >= body_start:
                found += self._from_entity(ent)
        # "Bolton" after "John Bolton": a surname the tagger calls a place elsewhere in the story.
        found = [m for m in found if not _is_person_word(m, person_words)]
        demonym_id = doc.vocab.strings["DEMONYM"]
        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            if span.start_char >= body_start:
                mention = self._mention(span, "demonym" if match_id == demonym_id else "lexicon")
                if match_id != demonym_id and _inside_other_name(span):
                    mention = replace(mention, in_name=True)  # "The New England Journal of Medicine"
                found.append(mention)
        found += [m for m in self._untagged_names(doc, body_start) if not _is_person_word(m, person_words)]
        found += self._suffixed_names(doc, body_start)
        for token in doc:
            if token.idx >= body_start and token.text[:1].isupper() and self.gazetteer.demonym_country(token.text):
                if not (token.i > 0 and doc[token.i - 1].text in self.lexicon.wider_name_heads):
                    found.append(self._mention(doc[token.i : token.i + 1], "demonym"))
        found = [m for m in found if not self._surname_after_title(m, doc)]
        found = [self._named(m, doc) for m in found]
        listed = self._area_lists(doc, body_start)
        if listed:  # "the parishes of Ascension, Assumption, …": the list's own items replace the tagger's bracketing
            found = [m for m in found if all(m.end <= item.start or m.start >= item.end for item in listed)] + listed
        chosen = _without_overlaps(found)
        echoes = [m for m in self._echoes(doc, body_start, chosen, person_words) if not self._surname_after_title(m, doc)]
        chosen = _without_overlaps(chosen + echoes)
        if article is not None and article.dateline is not None:
            line = article.dateline
            chosen.insert(0, PlaceMention(line.start, line.end, line.text, "dateline"))
        return chosen + self._cues(doc, body_start) + self._title_cues(article.title if article is not None else None)

    def _from_entity(self, ent: Span) -> list[PlaceMention]:
        span = _trim(ent)
        if span is None or span.text in self.gazetteer.not_places or self._is_road_or_address(span):
            return []
        if self._is_descriptor(span):  # "the City and County" of "the City and County of Honolulu"
            return []
        named = self._after_descriptor(span)
        if named is not None:  # "the State of Louisiana", "the Commonwealth of Puerto Rico" → the place itself
            return [replace(self._mention(named, "entity", "GPE"), located=True)]
        if self.gazetteer.qualifier_area(span.text) and _after_town(span):  # "Columbia, SC" with "SC" tagged ORG
            return [self._mention(span, "entity", "GPE")]
        if self.gazetteer.landmark(span.text):  # "the White House" tagged ORG, "the Kremlin" tagged PERSON
            return [self._mention(span, "entity", "FAC")]
        span = self._with_name_before(span)
        parts = _comma_parts(span) if not self.gazetteer.names_area(span.text) else [span]
        if any(part.text.lower() in self.lexicon.compass_words for part in parts):
            parts = [span]  # "North and South Korea": one name shared by two parts
        if len(parts) > 1:  # "Shelby, North Carolina", "the Auckland, New Zealand", "Crete and Cyprus" tagged as one entity
            found = [m for part in parts for m in self._from_entity_parts(part)]
            if len(found) == len(parts):
                return found
        if self.gazetteer.demonym_country(span.text) and not self.gazetteer.names_area(span.text):
            return [self._mention(span, "demonym")]  # "Ukrainian" tagged GPE at a sentence start
        first = self._place_before_name(span)
        if first is not None:  # "Mayor of Koszalin Piotr Jedlinski", "Chief Executive of Hong Kong Carrie Lam"
            return [replace(self._mention(first, "entity", "GPE"), located=True)]  # placed by "of", not a surname
        tail = self._place_after_office(span)
        if tail is not None:  # "the Government of Iraq", "the Economy of Turkey" run into one entity
            return [replace(self._mention(tail, "entity", "GPE"), located=True)]
        if ent.label_ in PLACE_LABELS:
            return [self._mention(span, "entity", ent.label_)]
        if ent.label_ not in MISLABELS:
            return []
        if self.gazetteer.names_area(span.text):
            return [self._mention(span, "entity", "GPE")]
        population = self.gazetteer.largest_city(span.text)
        if population and (self._place_context(span) or self._qualifier(span)):
            return [self._mention(span, "entity", "GPE")]  # "redirected to Omsk", "the city of Toowoomba" tagged ORG
        if ent.label_ == "NORP" and population >= UNTAGGED_TOWN_MIN_POPULATION:
            return [self._mention(span, "entity", "GPE")]  # "The Montreal team": a city name is no nationality
        if ent.label_ == "PERSON" and (self._named_as_place(span) or (len(span) == 1 and population >= BIG_CITY_POPULATION)):
            return [self._mention(span, "entity", "GPE")]  # "a base in Maidan Shahr", "the capital, Sanaa," tagged PERSON
        if not population and len(span) <= 3 and self._town_in_named_state(span):
            return [self._mention(span, "entity", "GPE")]  # "a law firm in Blue Bell, Pennsylvania" with "Blue Bell" tagged ORG
        if (population or self.gazetteer.towns(span.text)) and self._listed_with_place(span):
            # "appliances from Dolgellau, Harlech, Barmouth": a town in a list of places, whatever its tag
            return [replace(self._mention(span, "entity", "GPE"), located=True)]
        inner = [t.i for t in span if t.lower_ in ("in", "at") and span.start < t.i < span.end - 1]
        if inner:  # "the Cahors Cathedral in Cahors" bracketed as one ORG: a facility and its town
            before, after = ent.doc[span.start : inner[0]], ent.doc[inner[0] + 1 : span.end]
            found = self._from_entity_parts(before) + self._from_entity_parts(after)
            if found:
                return found
        facility = self._facility_part(span)
        if ent.label_ in FACILITY_MISLABELS and facility is not None:
            return [self._mention(facility, "entity", "FAC")]
        if span[0].text == "County" and len(span) > 1 and self.gazetteer.names_area(span[1:].text):
            return [self._mention(span, "entity", "GPE")]  # "County Mayo" tagged ORG
        if ent.label_ == "ORG" or (ent.label_ == "EVENT" and span[-1].lower_ in self.lexicon.election_words):
            # "United States Democratic Party" → "United States"; "(2020) US Presidential Election" → "US"
            for size in (3, 2, 1):
                if len(span) > size and self.gazetteer.names_country(span[:size].text):
                    return [replace(self._mention(span[:size], "entity", "GPE"), in_name=ent.label_ == "ORG")]
            if ent.label_ == "ORG":  # "Texas Department of State Health Services", "Alexandria Police Department"
                for size in (3, 2, 1):
                    if len(span) > size and self._opens_name(span[:size]):
                        return [replace(self._mention(span[:size], "entity", "GPE"), in_name=True)]
        return []

    def _opens_name(self, head: Span) -> bool:
        """Whether the words opening an organisation's name name a place: a state or wider area, a city of
        100,000+ people, or any listed town when the next word is an office word ("Cottonport Police")."""
        gaz, doc = self.gazetteer, head.doc
        if not head[-1].is_alpha or (head.end < len(doc) and not doc[head.end].is_alpha):
            return False  # "Kitchener-Waterloo", "Pech-de-l'Azé": one name, not a place opening another
        if head.text in gaz.not_places:
            return False  # "Drug Enforcement Administration"
        if gaz.names_area(head.text) or gaz.largest_city(head.text) >= UNTAGGED_TOWN_MIN_POPULATION:
            return True
        return head.end < len(doc) and doc[head.end].text in gaz.organisation_words and bool(gaz.largest_city(head.text) or gaz.towns(head.text))

    def _named(self, mention: PlaceMention, doc: Doc) -> PlaceMention:
        """The mention marked as opening an organisation's or office's name when an office word follows it ("Alexandria police")."""
        if mention.source not in ("entity", "gazetteer") or mention.qualifier or mention.in_name:
            return mention
        span = doc.char_span(mention.start, mention.end)
        if span is not None and span.end < len(doc) and doc[span.end].text in self.gazetteer.organisation_words:
            return replace(mention, in_name=True)
        return mention

    def _is_road_or_address(self, span: Span) -> bool:
        """A street address ("6016 Dublin Road") or a numbered road ("Interstate 64", "I-95", "Route 66"): not places."""
        if len(span) > 1 and span[0].like_num:
            return True
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.like_num and span[-1].text in self.lexicon.facility_heads and len(span) > 1:
            return True  # "6016 [Dublin Road]": the tagger left the house number out
        if _ROAD_CODE.fullmatch(span.text):
            return True
        words = [t.text for t in span if t.text != "-"]
        return len(words) >= 2 and words[-1][:1].isdigit() and " ".join(words[:-1]).split()[0] in self.gazetteer.road_words

    def _mention(self, span: Span, source: str, label: str = "") -> PlaceMention:
        owners = (_owner_name(span), _name_after_of(span))
        qualifier = self._qualifier(span, facility=label == "FAC", owners=owners)
        located = self._place_context(span) or bool(qualifier)
        part_of = owners[0] or owners[1]
        if self.gazetteer.qualifier_area(span.text) and _after_town(span):
            label = "GPE"  # "Allegheny County, PA": the state, however the tagger saw "PA"
        return PlaceMention(span.start_char, span.end_char, span.text, source, label, qualifier, located, self._area_noun(span), part_of=part_of,
                            follows=_name_before(span))

    def _qualifier(self, span: Span, facility: bool = False, owners: tuple[str, str] | None = None) -> str:
        """The name after "X," (or "X in" for a facility) when it names a place that narrows X: "Paris, Texas".
        A facility may also be narrowed by the place that owns it or that it is part of: "Wynnum's Grenada
        Street", "the South Lawn of the White House"."""
        gaz = self.gazetteer
        qualifier = _name_after(span, ("in",) if facility else ())
        if qualifier and (gaz.names_area(qualifier) or gaz.qualifier_area(qualifier) or (facility and gaz.largest_city(qualifier))):
            return qualifier
        if not facility and len(span) > 1 and not gaz.names_area(span.text):  # "the Grand Calumet River in Indiana"
            inside = _name_after(span, ("in",)) if span.end < len(span.doc) and span.doc[span.end].lower_ == "in" else ""
            if inside and (gaz.qualifier_area(inside) or gaz.lookup("admin", inside) or gaz.names_country(inside)):
                return inside
        if facility:
            for name in owners if owners is not None else (_owner_name(span), _name_after_of(span)):
                if name and (gaz.names_area(name) or gaz.largest_city(name) or gaz.landmark(name)):
                    return name
        return ""

    def _place_after_office(self, span: Span) -> Span | None:
        """The country or region an office or government phrase is "of": "Government of Iraq", "Archbishop of
        Gdańsk" (not "Bank of England": a name, not an office)."""
        cut = next((t.i for t in span if t.lower_ == "of" and span.start < t.i < span.end - 1), None)
        if cut is None or span[0].text not in self.lexicon.office_words:
            return None
        tail = span.doc[cut + 1 : span.end]
        tail = _trim(tail) or tail
        gaz = self.gazetteer
        return tail if gaz.names_area(tail.text) or gaz.largest_city(tail.text) >= UNTAGGED_TOWN_MIN_POPULATION else None

    def _place_before_name(self, span: Span) -> Span | None:
        """The place that opens a person's name the tagger ran together with it after "of"/"from" ("Mayor of
        Koszalin Piotr Jedlinski"): one or two words naming a known place, then at least two capitalised words."""
        if self._after_preposition(span) not in ("of", "from") or len(span) < 3:
            return None
        gaz = self.gazetteer

        def known(name: str) -> bool:
            return gaz.names_area(name) or gaz.largest_city(name) >= UNTAGGED_TOWN_MIN_POPULATION

        if gaz.names_area(span.text) or gaz.largest_city(span.text) or span[-1].text in self.lexicon.facility_heads | self.lexicon.located_facility_heads:
            return None  # "West Palm Beach", "Kennedy Space Center", "George Washington Bridge"
        if span[-1].text in gaz.feature_words or span[-1].text in self.lexicon.island_heads:
            return None
        for size in (2, 1):
            head, rest = span[:size], span[size:]
            if size == 1 and known(span[:2].text):
                continue  # "Puerto" opens "Puerto Rico"
            if head[0].lower_ in self.lexicon.compass_words:
                continue
            if len(rest) >= 2 and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in rest) and known(head.text):
                return head
        return None

    def _facility_part(self, span: Span) -> Span | None:
        """The span itself if it names a facility: "Al Noor Mosque"; a "Centre" or "Hall" only where the text
        puts things there ("descended on the Congress Centre" is not enough; "at the Kennedy Center" is)."""
        if len(span) < 2:  # "Church", "Tower": a bare common noun capitalised
            return None
        if span[-1].text in self.lexicon.facility_heads:
            return span
        if span[-1].text in self.lexicon.located_facility_heads and (self._place_context(span) or self._qualifier(span, facility=True)):
            return span  # "at the Kennedy Center", "Quebec's Westmount High School"
        return None

    def _with_name_before(self, span: Span) -> Span:
        """The entity with the capitalised word the tagger left off its front, when the longer name is a known
        place: "General Santos City" tagged as "Santos City" after the title-like "General"."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        if before is None or before.is_sent_start or before.pos_ != "PROPN" or not before.text[:1].isupper() or before.ent_type_:
            return span
        longer = doc[span.start - 1 : span.end]
        return longer if self.gazetteer.names_area(longer.text) or self.gazetteer.largest_city(longer.text) else span

    def _from_entity_parts(self, span: Span) -> list[PlaceMention]:
        if span[-1].text in self.lexicon.facility_heads:
            return [self._mention(span, "entity", "FAC")]
        if self.gazetteer.names_area(span.text) or self.gazetteer.largest_city(span.text):
            return [self._mention(span, "entity", "GPE")]
        if self.gazetteer.qualifier_area(span.text) and _after_town(span):  # "Gainesville, Va." tagged as one entity
            return [self._mention(span, "entity", "GPE")]
        if len(span) <= 3 and all(t.text[:1].isupper() for t in span) and self._qualified_by_area(span):
            return [self._mention(span, "entity", "GPE")]  # "Whitewater, Wisconsin": a town the gazetteer lacks, in its state
        return []

    def _qualified_by_area(self, span: Span) -> bool:
        """Whether ", State" or ", Country" follows the span: "Whitewater, Wisconsin" names a place even unlisted."""
        gaz = self.gazetteer
        after = _name_after(span)
        return bool(after) and (gaz.qualifier_area(after) is not None or bool(gaz.lookup("admin", after)) or gaz.names_country(after))

    def _is_descriptor(self, span: Span) -> bool:
        """A bare legal descriptor before "of": "the City and County" (of Honolulu), "the Commonwealth" (of Puerto Rico)."""
        words = self.lexicon.descriptor_words
        doc = span.doc
        return (
            span[0].text in words and all(t.text in words or t.lower_ == "and" for t in span)
            and span.end < len(doc) and doc[span.end].lower_ == "of" and not self.gazetteer.names_area(span.text)
        )

    def _after_descriptor(self, span: Span) -> Span | None:
        """The place after a legal descriptor ("State of Louisiana" → "Louisiana", "City and Borough of Juneau" →
        "Juneau"), unless the gazetteer knows the whole as one name ("State of Palestine")."""
        words = self.lexicon.descriptor_words
        if span[0].text not in words:
            return None
        cut = next((t.i for t in span if t.lower_ == "of"), None)
        if cut is None or cut == span.end - 1 or any(t.text not in words and t.lower_ != "and" for t in span.doc[span.start : cut]):
            return None
        gaz = self.gazetteer
        if gaz.names_area(span.text) or gaz.largest_city(span.text) or gaz.alias(span.text):
            return None
        rest = span.doc[cut + 1 : span.end]
        known = gaz.names_area(rest.text) or gaz.largest_city(rest.text) or gaz.towns(rest.text)
        return rest if known or rest[-1].text in gaz.area_words else None

    def _area_lists(self, doc: Doc, body_start: int) -> list[PlaceMention]:
        """The items of a list of regions of one kind: "the parishes of Ascension, Assumption, East Baton Rouge, and
        St. John the Baptist" and "the Donetsk and Luhansk oblasts". Each item is a place of that kind, whatever
        the tagger made of it, and the items of one list are resolved together."""
        found = []
        nouns = self.lexicon.area_list_nouns
        for token in doc:
            if token.idx < body_start or token.text not in nouns:
                continue  # lower-case only: "the United States" and "the Gulf States" are names, not lists
            kind = _singular(token.lower_)
            if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
                items = _list_items(doc, token.i + 2)
            else:
                items = _list_items_before(doc, token.i)
            if len(items) < 2:
                continue  # "the regions of Ukraine", "the Tigray region": a name with a noun, not a list
            for item in items:
                mention = self._mention(item, "entity", "GPE")
                area_noun = mention.area_noun or (kind if kind in self.lexicon.area_nouns else "")
                found.append(replace(mention, located=True, area_noun=area_noun, list_of=kind, list_id=token.idx))
        return found

    def _untagged_names(self, doc: Doc, body_start: int) -> list[PlaceMention]:
        """Runs of capitalised proper nouns outside any entity that the gazetteer knows as places."""
        found = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.idx < body_start:
                i += 1
                continue
            end = i
            while end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end].text[:1].isupper():
                end += 1
            run = doc[i:end]
            opens_as_place = self.gazetteer.names_area(run.text) or self.gazetteer.largest_city(run.text) >= BIG_CITY_POPULATION or self._cue_after(run)
            if (not token.is_sent_start or opens_as_place) and self._vouched(run):
                # a sentence may open with a country, a region, a big city or "X residents", not with any town
                found.append(self._mention(run, "gazetteer"))
            elif not token.is_sent_start:  # "US Presidential Election" left untagged: the country that opens it
                prefix = next((run[:size] for size in (3, 2, 1) if len(run) > size and self.gazetteer.names_country(run[:size].text)), None)
                if prefix is not None:
                    found.append(self._mention(prefix, "gazetteer"))
            i = end
        for token in doc:  # "Columbia, SC" with "SC" left untagged
            if token.idx >= body_start and not token.ent_type_ and self.gazetteer.qualifier_area(token.text) and _after_town(doc[token.i : token.i + 1]):
                found.append(self._mention(doc[token.i : token.i + 1], "entity", "GPE"))
        # A capitalised word the tagger took for a verb or noun: "Reading resident".
        for token in doc:
            if token.idx >= body_start and token.text[:1].isupper() and not token.ent_type_ and not token.is_sent_start:
                run = doc[token.i : token.i + 1]
                if token.pos_ != "PROPN" and self._cue_after(run) and self.gazetteer.largest_city(token.text):
                    found.append(self._mention(run, "gazetteer"))
        return found

    def _suffixed_names(self, doc: Doc, body_start: int) -> list[PlaceMention]:
        """Names the gazetteer may lack but whose suffix says they are places, used as places: "in Seongbuk-gu"."""
        found = []
        suffixes = self.gazetteer.place_suffixes
        for token in doc[:-2]:
            if token.idx < body_start or not token.text[:1].isupper() or token.whitespace_:
                continue
            hyphen, suffix = doc[token.i + 1], doc[token.i + 2]
            if hyphen.text == "-" and not hyphen.whitespace_ and suffix.lower_ in suffixes:
                span = doc[token.i : token.i + 3]
                if self._after_preposition(span) in self.lexicon.place_prepositions or _name_after(span):
                    found.append(self._mention(span, "suffix"))
        return found

    def _echoes(self, doc: Doc, body_start: int, chosen: list[PlaceMention], person_words: set[str]) -> list[PlaceMention]:
        """Later (or earlier) uses of a place the story names elsewhere that the tagger missed: "Reading resident",
        "Groom is located in …", and the bare feature word of a multi-word name ("the Channel")."""
        names: dict[tuple[str, ...], str] = {}
        for mention in chosen:
            if mention.source in ("demonym", "cue") or mention.text in person_words or not self._echoable(mention):
                continue
            words = tuple(mention.text.split())
            names.setdefault(words, mention.text)
            if len(words) > 1 and words[-1] in self.gazetteer.feature_words:
                names.setdefault(words[-1:], mention.text)
        if not names:
            return []
        taken = {i for m in chosen for i in range(m.start, m.end)}
        found = []
        for token in doc:
            if token.idx < body_start or token.idx in taken or not token.text[:1].isupper():
                continue
            for words, source in names.items():
                span = doc[token.i : token.i + len(words)]
                if tuple(t.text for t in span) != words or any(t.idx in taken for t in span):
                    continue
                if token.is_sent_start and token.pos_ != "PROPN" and not token.ent_type_:
                    continue  # "Reading the report, …"
                if not self._stands_alone(span):
                    continue
                found.append(replace(self._mention(span, "echo"), repeats=source))
                taken.update(t.idx for t in span)
                break
        return found

    def _echoable(self, mention: PlaceMention) -> bool:
        """Only a name that is surely a place may be repeated: one the gazetteer knows, or one the text
        calls a place ("the electoral district of Groom", "Otranto, Italy"). A tagger's guess is not
        enough: repeating it would repeat its mistakes ("Caudipteryx")."""
        gaz = self.gazetteer
        if mention.area_noun or mention.qualifier or gaz.names_area(mention.text):
            return True
        population = gaz.largest_city(mention.text)  # a small town's name is often also a firm's or a person's
        return population >= UNTAGGED_TOWN_MIN_POPULATION or bool(population and mention.located)

    def _title_cues(self, title: str | None) -> list[PlaceMention]:
        """Names in the headline that point to a country on their own ("New Zealand mosque murder suspect …"):
        context for places the body leaves open, such as a mosque no town is given for. The resolver decides
        which country each points to; headline mentions are never returned as places."""
        if not title:
            return []
        words = [w.rstrip(".").removesuffix("'s").removesuffix("’s") if not w.endswith("S.") else w for w in _TITLE_WORD.findall(title)]
        gaz, found, i = self.gazetteer, [], 0
        while i < len(words):
            for size in (3, 2, 1):
                name = " ".join(words[i : i + size])
                if len(words) - i < size or not name[:1].isupper():
                    continue
                if gaz.country_named(name):
                    found.append(PlaceMention(0, 0, name, "headline"))
                    i += size - 1
                    break
            i += 1
        return found

    def _cues(self, doc: Doc, body_start: int) -> list[PlaceMention]:
        """Phrases the gazetteer lists as tying a story to one country ("Democratic primary")."""
        return [PlaceMention(span.start_char, span.end_char, span.text, "cue") for span in self.cue_phrases(doc, as_spans=True) if span.start_char >= body_start]

    def _surname_after_title(self, mention: PlaceMention, doc: Doc) -> bool:
        """Whether a one-word town name follows a person's title ("Secretary Austin", "Mayor Anderson", "Judge Reading"):
        a surname, not a place. A country or region name stays a place, and so does a town the text places
        ("Bishop of Reading" has its "of")."""
        if mention.source not in ("entity", "gazetteer", "echo") or " " in mention.text or self.gazetteer.names_area(mention.text):
            return False
        span = doc.char_span(mention.start, mention.end)
        if span is None or span.start == 0:
            return False
        return doc[span.start - 1].text in self.lexicon.person_titles and not mention.qualifier

    def _town_in_named_state(self, span: Span) -> bool:
        """Whether the span names a town of the towns list followed by ", Region" of a region (or country) that has a town
        of that name: "Blue Bell, Pennsylvania", "Water Mill, New York", whatever the tagger made of them."""
        gaz = self.gazetteer
        after = _name_after(span)
        if not after or not all(t.text[:1].isupper() for t in span):
            return False
        within = gaz.qualifier_area(after) or next(iter(gaz.lookup("admin", after) + gaz.lookup("country", after)), None)
        regions = [within] if within is not None and within.kind == "admin" else gaz.lookup("admin", after)
        return any(
            t.country == r.country and (r.kind != "admin" or t.admin1 == r.admin1) for t in gaz.towns(span.text) for r in regions + gaz.lookup("country", after)
        )

    def _vouched(self, run: Span) -> bool:
        gaz = self.gazetteer
        if gaz.names_area(run.text):
            return True
        population = gaz.largest_city(run.text)
        if not population:
            return self._town_in_named_state(run)
        return population >= UNTAGGED_TOWN_MIN_POPULATION or self._place_context(run) or bool(self._qualifier(run))

    def _area_noun(self, span: Span) -> str:
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in self.lexicon.area_nouns:
            return doc[span.end].lower_
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in self.lexicon.area_nouns:
            noun = doc[span.start - 2]
            before = doc[noun.i - 1] if noun.i > 0 else None
            if noun.text[:1].isupper() and before is not None and before.text[:1].isupper() and not before.is_sent_start and before.lower_ != "the":
                return ""  # "the Menaka Region of Mali": the noun ends another name, it does not say what Mali is
            return noun.lower_
        return ""

    def _place_context(self, span: Span) -> bool:
        """Whether the words around a span say it is a place: "in X", "to X", "the city of X", "X province",
        "X resident", "X-based", or "Y, X," after another name ("Wellhouse Lane, Winchester,")."""
        return self._after_preposition(span) in self.lexicon.place_prepositions or bool(self._area_noun(span)) or self._cue_after(span) or _qualifies_name(span)

    def _cue_after(self, span: Span) -> bool:
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in self.lexicon.place_cues_after:
            return True
        if span.end + 1 < len(doc) and doc[span.end].text in {"'s", "’s"} and doc[span.end + 1].lower_ in self.lexicon.owned_by_places:
            return True  # "Chelyabinsk's governor", "Goa's government"
        return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"

    def _stands_alone(self, span: Span) -> bool:
        """Whether a repeated name is not part of a longer name of something else ("Reading Football Club")."""
        doc = span.doc
        if any(t.ent_type_ for t in span):
            ents = [e for e in doc.ents if e.start <= span.start < e.end or e.start < span.end <= e.end]
            for ent in ents:
                trimmed = _trim(ent)
                if ent.label_ not in PLACE_LABELS and trimmed is not None and (trimmed.start, trimmed.end) != (span.start, span.end):
                    return False
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.text == "-" and not self._cue_after(span):
            return False  # "Sea-Eye": part of a hyphenated name
        # "Judge Jackson", "UH Mānoa", "On Cinema": a capitalised neighbour makes it part of a longer name.
        # A sentence's first word counts only if it could be a name ("Judge Jackson", not "The Channel").
        return not any(
            t is not None and t.text[:1].isupper() and (not t.is_sent_start or t.pos_ in ("PROPN", "NOUN")) for t in (before, after)
        )

    def _named_as_place(self, span: Span) -> bool:
        """Stricter, for names tagged PERSON: "in/at/near X", "the city of X" or "the capital, X", and no possessive after."""
        doc = span.doc
        if span.end < len(doc) and doc[span.end].text in {"'s", "’s"}:
            return False
        return self._after_preposition(span) in self.lexicon.close_prepositions or bool(self._area_noun(span)) or _after_capital(span)

    def _listed_with_place(self, span: Span) -> bool:
        """Whether the span is a later item of a list whose first item the tagger calls a place and the words
        before it place ("from Dolgellau, Harlech, Barmouth and Bala")."""
        root = span.root
        first = root
        for _ in range(8):
            if first.dep_ != "conj" or first.head.i == first.i:
                break
            first = first.head
        if first.i == root.i or first.ent_type_ not in ("GPE", "LOC"):
            return False
        ent = next((e for e in span.doc.ents if e.start <= first.i < e.end), None)
        return ent is not None and self._place_context(ent)

    def _after_preposition(self, span: Span) -> str:
        """The preposition before a span, skipping articles and compass words ("in the north of" stops at "of")."""
        doc, i = span.doc, span.start - 1
        while i >= 0 and doc[i].lower_ in self.lexicon.skipped_before_place:
            i -= 1
        return doc[i].lower_ if i >= 0 else ""


def _qualifies_name(span: Span) -> bool:
    """Whether the span is the "X" of "Name, X," or "Name, X.": the way news narrows a street or town."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or not doc[span.start - 2].text[:1].isupper():
        return False
    if doc[span.start - 2].pos_ != "PROPN":
        return False
    return span.end == len(doc) or doc[span.end].is_punct




def _inside_other_name(span: Span) -> bool:
    """Whether the span lies inside a longer entity that is no place: an organisation's or a work's name."""
    return any(
        ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
        for ent in span.doc.ents
    )


def _singular(noun: str) -> str:
    """The singular of a plural area noun: "counties" → "county", "parishes" → "parish", "oblasts" → "oblast"."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("shes"):
        return noun[:-2]
    return noun[:-1]


def _list_item_end(doc: Doc, i: int) -> int:
    """The end of a capitalised name starting at ``i`` ("St. John the Baptist", "Vega Alta"), ``i`` if none starts there."""
    end = i
    while end < len(doc):
        token = doc[end]
        if token.text[:1].isupper() and token.is_alpha or token.text in ("St.", "Ste.", "Mt.", "Ft."):
            end += 1
        elif token.lower_ in ("the", "de", "du", "la") and end > i and end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
            end += 1  # "St. John the Baptist", "Prince George's"
        elif token.text in ("'s", "’s") and end > i:
            end += 1
        else:
            break
    return end


def _list_items(doc: Doc, i: int) -> list[Span]:
    """The names of a list starting at ``i``: "A, B, C, and D" or "A and B"."""
    items = []
    while i < len(doc):
        end = _list_item_end(doc, i)
        if end == i:
            break
        items.append(doc[i:end])
        if end < len(doc) and doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "&"):
            i = end + 2
        elif end < len(doc) and (doc[end].text == "," or doc[end].lower_ in ("and", "&")):
            i = end + 1
        else:
            break
    return items


def _list_items_before(doc: Doc, noun: int) -> list[Span]:
    """The names of a list ending right before ``noun``: "the Donetsk and Luhansk [oblasts]", "the Amhara and Afar [regions]"."""
    items: list[Span] = []
    end = noun
    while end > 0:
        start = end
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start:
            start -= 1
        if start == end:
            break
        items.insert(0, doc[start:end])
        if start >= 1 and doc[start - 1].lower_ in ("and", "&", ","):
            end = start - 1
            if end >= 1 and doc[end].lower_ in ("and", "&") and doc[end - 1].text == ",":
                end -= 1
        else:
            break
    return items


def _after_town(span: Span) -> bool:
    """Whether the span follows "Name," (a state after its town: "Lebanon, Pa.", "Columbia, SC")."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].text[:1].isupper()


def _name_before(span: Span) -> str:
    """The capitalised name right before "X" in "Name, X" ("Macon" for "Georgia" in "Macon, Georgia"), else ""."""
    doc = span.doc
    if not _after_town(span):
        return ""
    end = start = span.start - 1
    while start > 0 and end - start < 4 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_punct:
        start -= 1
    return doc[start:end].text


def _owner_name(span: Span) -> str:
    """The capitalised name that owns the span: "Wynnum" in "Wynnum's Grenada Street"."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in {"'s", "’s"} and doc[span.start - 2].text[:1].isupper():
        owner = doc[span.start - 2]
        ent = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
        return _trim(ent).text if ent is not None and _trim(ent) is not None else owner.text
    return ""


def _name_after_of(span: Span) -> str:
    """The name after "of (the)": "White House" in "the South Lawn of the White House"."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        while i < len(doc) and doc[i].lower_ == "the":
            i += 1
        ent = next((e for e in doc.ents if e.start in (span.end + 1, i)), None)  # "the White House" may keep its "the"
        if ent is not None:
            trimmed = _trim(ent)
            return trimmed.text if trimmed is not None else ""
    return ""



def _after_capital(span: Span) -> bool:
    """Whether the span is the name of a capital just mentioned: "the capital, Sanaa", "capital Kabul"."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].lower_ == "capital"


def _comma_parts(span: Span) -> list[Span]:
    """The parts of a span with inner commas or "and" ("Shelby, North Carolina", "Crete and Cyprus"); the caller
    keeps them only if every part is a place, so "Trinidad and Tobago" stays whole."""
    cuts = [t.i for t in span if t.lower_ in (",", "and", "&") and span.start < t.i < span.end - 1]
    if not cuts:
        return [span]
    bounds = [span.start, *cuts, span.end]
    parts = [span.doc[a + (a != span.start) : b] for a, b in zip(bounds, bounds[1:])]
    return [_trim(part) or part for part in parts if len(part)]



def _trim(ent: Span) -> Span | None:
    """Drop a leading article and trailing possessive or punctuation: "the Middle East's" → "Middle East"."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in {"the", "a"}:
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if start < end else None


def _is_person_word(mention: PlaceMention, person_words: set[str]) -> bool:
    return mention.source in ("entity", "gazetteer") and mention.text in person_words and not mention.located


def _name_after(span: Span, links: tuple[str, ...] = ()) -> str:
    """The capitalised name right after "X," (or after one of ``links``): "Texas" in "Paris, Texas"."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text in {",", *links} and doc[span.end + 1].text[:1].isupper():
        words = [doc[span.end + 1]]
        for token in doc[span.end + 2 : span.end + 4]:
            if not (token.text[:1].isupper() and token.pos_ == "PROPN"):
                break
            words.append(token)
        return doc[words[0].i : words[-1].i + 1].text
    return ""


def _without_overlaps(found: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the longest span among overlapping ones; among equal lengths, the one found first."""
    chosen: list[PlaceMention] = []
    for mention in sorted(found, key=lambda m: -(m.end - m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
