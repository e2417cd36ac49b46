"""Decide the actor code of each candidate span, and record every step that decided it.

Reads :class:`~harbinger.actors.finder.Candidate` values (never the text) and
the dictionaries, and returns a :class:`Resolution` per candidate. The order is
the one issue 3 fixes: user dictionary → title and nationality stated in the
text → people already named in this document → shipped person dictionaries
with date-ranged roles at the article's date → agent words with a nationality
→ organisation, country, demonym or capital names → unresolved, with the reason.
Pronouns are left to :mod:`harbinger.actors.coref`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc

from harbinger.actors.finder import Candidate, Piece
from harbinger.actors.lexicon import Dictionary, Entry, Lexicon, name_skeleton, phrase_key

SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss"}
# Country synonyms that inside a longer name mean a continent ("South America", "Latin American").
CONTINENT_WORDS = {"america", "american"}
# How sure each kind of evidence makes us; coarse on purpose, they order alternatives rather than claim calibration.
# Entity labels under which a bare word may be a person's surname: the tagger often calls a foreign surname an
# organisation ("Starmer said"); such a word must name someone in office on the day.
SURNAME_LABELS = {"PERSON", "ORG"}
CONFIDENCE = {
    "user": 0.95,
    "title_stated": 0.9,
    "title_context": 0.6,
    "memory": 0.85,
    "person": 0.8,
    "group": 0.85,
    "group_context": 0.55,
    "metonym": 0.75,
    "name": 0.9,
}


@dataclass(frozen=True)
class Resolution:
    code: str | None
    name: str
    role: str | None
    resolved_by: tuple[str, ...]
    confidence: float
    antecedent: int | None = None  # index of the earlier candidate this one names again
    wikidata: str | None = None  # the Wikidata item of a person the office-holder table named ("Q7821917")


def wikidata_of(entry) -> str | None:
    """The Wikidata item an office-holder entry came from (its source is "wikidata:Q…"), else None."""
    return entry.source.split(":", 1)[1] if entry.source.startswith("wikidata:") else None


def combine(base: str, agent: str) -> str:
    """Phoenix agent codes: ``~GOV`` appends a sector to a bare country; ``IGO~`` puts a prefix in front."""
    if agent.endswith("~"):
        return agent[:-1] + base
    sector = agent.lstrip("~")
    return base + sector if len(base) == 3 else base


class Resolver:
    """Resolves one document's candidates in text order, remembering the people it has met."""

    def __init__(self, lexicon: Lexicon, user: Dictionary, day: date | None, context: tuple[str, str] | None, doc: Doc):
        self.lexicon = lexicon
        self.user = user
        self.day = day
        self.context = context  # (ISO3, where it came from: "dateline" or "most mentioned")
        self.doc = doc  # read only for the dependency label of a candidate's head
        self.memory: dict[str, tuple[int, Resolution]] = {}
        self.titled: list[tuple[str, int, Resolution]] = []  # (title, index, result) of titled people met so far

    def resolve(self, index: int, candidate: Candidate) -> Resolution:
        if candidate.kind == "pronoun":
            return Resolution(None, candidate.text, None, (), 0.0)
        if candidate.kind == "anaphor":  # coreference names it, or nothing does
            return Resolution(None, candidate.text, None, ("unresolved:no earlier organisation or country this phrase can name",), 0.0)
        if candidate.kind == "titled":
            result = self._titled(candidate)
        elif candidate.kind == "group":
            result = self._group(candidate)
        else:
            result = self._name(candidate)
        # People are remembered even when uncoded, so "Boccaletti" later joins "Anthony Boccaletti"'s chain.
        if (candidate.label == "PERSON" or candidate.kind == "titled") and result.antecedent is None:
            self._remember(index, candidate.name.text, result)
        if candidate.kind == "titled" and result.code:
            self.titled.append(((result.role or candidate.title or "").lower(), index, result))
        return result

    # -- the steps -------------------------------------------------------------------------------

    def _user(self, key: str) -> Resolution | None:
        for entry in self.user.lookup(key):
            code, role = entry.code_at(self.day)
            if code:
                return Resolution(code, _display(entry, key), role.title if role else None, (f"user_dictionary:{entry.source}",), CONFIDENCE["user"])
        return None

    def _titled(self, candidate: Candidate) -> Resolution:
        key = phrase_key(candidate.name.text)
        found = self._user(key)
        if found:
            return found
        stated = self._stated_actor(candidate.modifiers)
        if stated is not None:
            base, piece, trace = stated
            code = combine(base, candidate.agent_code)
            steps = (f"title:{candidate.title}", f"stated:{piece.text}", *trace)
            return Resolution(code, candidate.name.text, candidate.title, steps, CONFIDENCE["title_stated"])
        for how, found in (("country_after_name", self._placed_after(candidate)), ("country_in_title", self._country_in_title(candidate.title or ""))):
            if found is not None:
                iso3, words = found
                steps = (f"title:{candidate.title}", f"{how}:{words}")
                return Resolution(combine(iso3, candidate.agent_code), candidate.name.text, candidate.title, steps, CONFIDENCE["title_stated"])
        remembered = self._memory(key)
        if remembered is not None and remembered.code is None:
            remembered = None
        known = remembered or self._person(phrase_key(f"{candidate.title} {candidate.name.text}"))
        # the tagger may cut a first name off into the title ("Secretary of State Antony | J. Blinken")
        keys = [key] + ([phrase_key(f"{candidate.title.split()[-1]} {candidate.name.text}")] if candidate.title else [])
        variants = [variant for k in keys for variant in _variants(k)]
        known = known or next(filter(None, (self._person(variant, "PERSON") for variant in variants)), None)
        if known is None and " " in variants[-1]:  # "President Joseph R. Biden, Jr.": the one office holder of that surname
            surname = variants[-1].split()[-1]
            known = self._by_surname(surname, self.lexicon.surnames.get(surname, []))
        if known is not None:
            name = known.name if known.antecedent is not None else candidate.name.text
            return Resolution(known.code, name, candidate.title, (f"title:{candidate.title}", *known.resolved_by), known.confidence, known.antecedent, known.wikidata)
        if self.context is not None:
            iso3, where = self.context
            code = combine(iso3, candidate.agent_code)
            steps = (f"title:{candidate.title}", f"country_from:{where}")
            return Resolution(code, candidate.name.text, candidate.title, steps, CONFIDENCE["title_context"])
        return Resolution(None, candidate.name.text, candidate.title, (f"unresolved:title '{candidate.title}' without a country",), 0.0)

    def _country_named(self, key: str) -> str | None:
        """The ISO3 code of a country or nationality name ("iraq", "iraqi"), from the country table or the actor
        dictionary's country records; never for a capital ("Washington correspondent" names no country)."""
        key = re.sub(r"^the ", "", key)
        if key in self.lexicon.capitals:
            return None
        if key in self.lexicon.countries:
            return self.lexicon.countries[key]
        for entry in self.lexicon.actors.lookup(key):
            code, _ = entry.code_at(self.day)
            if code and len(code) == 3 and code not in NON_STATE_CODES:  # a bare country code ("IRQ"), not "IGO"
                return code
        return None

    def _placed_after(self, candidate: Candidate) -> tuple[str, str] | None:
        """The country written after a titled name: "Prime Minister Mohammed Shia Al-Sudani of Iraq"."""
        head = self.doc[candidate.head]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i >= head.i:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                        words = [t.text for t in obj.subtree if t.ent_type_ == "GPE"]
                        iso3 = self._country_named(phrase_key(" ".join(words)))
                        if iso3:
                            return iso3, " ".join(words)
        return None

    def _country_in_title(self, title: str) -> tuple[str, str] | None:
        """A country or nationality written inside the title itself ("British Defence Secretary", "South Korean
        Foreign Minister"): two words before one, never a capital ("Washington correspondent")."""
        words = title.split()
        for size in (2, 1):
            for first in range(len(words) - size + 1):
                phrase = " ".join(words[first : first + size]).lower()
                iso3 = self._country_named(phrase)
                if iso3:
                    return iso3, " ".join(words[first : first + size])
        return None

    def _bare(self, candidate: Candidate) -> bool:
        """A group phrase of common words only ("the government", "rebels"), not a name ("Thames Valley Police")."""
        span = self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        return span is not None and not any(t.pos_ == "PROPN" for t in span)

    def _titled_earlier(self, candidate: Candidate) -> Resolution | None:
        """ "The Secretary", "the Foreign Minister": a bare title names the last person met with that title."""
        words = phrase_key(candidate.text).split()
        if not words or words[0] != "the" or len(words) > 4 or candidate.text.split()[-1][:1].islower():
            return None
        if words[-1] not in self.lexicon.person_title_heads:
            return None  # "the Court", "the Ministry": an institution, not the last person with a title
        title = " ".join(words[1:])
        for role, index, result in reversed(self.titled):
            if f" {title} " in f" {role} ":  # "the Secretary" -> "United States Secretary of State"
                steps = (f"title_alone:{candidate.text}", f"document_memory:{result.name}")
                return Resolution(result.code, result.name, result.role, steps, CONFIDENCE["memory"], index, result.wikidata)
        return None

    def _group(self, candidate: Candidate) -> Resolution:
        stated = self._stated_actor(candidate.modifiers)
        if stated is None and not candidate.modifiers:
            named = self._titled_earlier(candidate)
            if named is not None:
                return named
        if stated is None and not candidate.modifiers and self.context is not None and self.context[1] == "dateline" and self._bare(candidate):
            iso3, where = self.context  # "KYIV — The government said": the country the dateline names
            steps = (f"agent:{candidate.title}", f"country_from:{where}")
            return Resolution(combine(iso3, candidate.agent_code), candidate.text, None, steps, CONFIDENCE["group_context"])
        if stated is None:
            # "the International Criminal Court", "the Security Council": an institution the dictionaries name whole
            for attempt in _variants(phrase_key(candidate.text)):
                found = self._user(attempt) or self._actor(attempt, candidate)
                if found is not None and found.code:
                    return replace(found, name=candidate.text)
            return Resolution(None, candidate.text, candidate.title, ("unresolved:no code for the group's nationality",), 0.0)
        base, piece, trace = stated
        code = combine(base, candidate.agent_code)
        return Resolution(code, candidate.text, None, (f"agent:{candidate.title}", f"stated:{piece.text}", *trace), CONFIDENCE["group"])

    def _name(self, candidate: Candidate, as_modifier: bool = False) -> Resolution:
        key = phrase_key(candidate.name.text)
        for attempt in _variants(key):
            found = self._user(attempt) or self._memory(attempt)
            if found is not None:
                return found
            if candidate.label == "PERSON":
                found = self._person(attempt, candidate.label) or self._actor(attempt, candidate)
            else:  # a place or organisation name is looked up as one before any person who shares it
                found = self._actor(attempt, candidate) or self._person(attempt, candidate.label)
            if found:
                return found if found.antecedent is not None else replace(found, name=candidate.name.text)
        if candidate.label != "PERSON":
            partial = self._partial(candidate)
            if partial is not None:
                return partial
        reason = "person not in any dictionary and no title in the text" if candidate.label == "PERSON" else "no dictionary entry"
        return Resolution(None, candidate.name.text, None, (f"unresolved:{reason}",), 0.0)

    def _partial(self, candidate: Candidate) -> Resolution | None:
        """An unknown organisation named after a known place or people ("Nigerian Union of Teachers" -> NGA), with a
        sector when one of its words is an agent ("Montenegro Assembly")."""
        words = phrase_key(candidate.name.text).split()
        if len(words) < 2:
            return None
        for size in range(len(words) - 1, 0, -1):
            for first in range(len(words) - size + 1):
                part = " ".join(words[first : first + size])
                if part in CONTINENT_WORDS:
                    continue
                found = self._name_of_modifier(Candidate(0, 0, part, "name", "", Piece(0, 0, part, "", 0), None, None, (), 0))
                if found.code and not found.resolved_by[0].startswith(("document_memory", "person_dictionary")):
                    rest = words[:first] + words[first + size :]
                    agent = next((self.lexicon.agents[w] for w in reversed(rest) if w in self.lexicon.agents), None)
                    code = combine(found.code, agent) if agent else found.code
                    steps = (f"partial_name:{part}", *found.resolved_by) + ((f"agent:{agent}",) if agent else ())
                    return Resolution(code, candidate.name.text, None, steps, CONFIDENCE["name"] - 0.3)
        return None

    def _memory(self, key: str) -> Resolution | None:
        remembered = self.memory.get(key)
        if remembered is None:
            return None
        index, result = remembered
        steps = (f"document_memory:{result.name}",) + (() if result.code else ("unresolved:the person named earlier has no code",))
        return Resolution(result.code, result.name, result.role, steps, CONFIDENCE["memory"] if result.code else 0.0, index, result.wikidata)

    def _person(self, key: str, label: str = "") -> Resolution | None:
        found = self._office_holder(key, self.lexicon.people.lookup(key), "")
        if found:
            return found
        for entry in self.lexicon.actors.lookup(key):
            if entry.person:
                code, role = entry.code_at(self.day)
                if code:
                    ranged = "dated role" if role else "default role"
                    steps = (f"person_dictionary:{entry.source}@{self.day} ({ranged})",)
                    return Resolution(code, _display(entry, key), None, steps, CONFIDENCE["person"], wikidata=wikidata_of(entry))
        former = self._former(key, self.lexicon.people.lookup(key))
        if former is not None:
            return former
        if " " not in key and label in SURNAME_LABELS:
            found = self._by_surname(key, self.lexicon.surnames.get(key, []), only_active=label != "PERSON")
            if found:
                return found
        if label in SURNAME_LABELS:  # a spelling variant of a known person's name or surname ("Zelenskiy")
            return self._by_surname(key, self.lexicon.skeletons.get(name_skeleton(key), []), only_active=True, how="spelling of ")
        return None

    def _by_surname(self, key: str, entries: list[Entry], only_active: bool = False, how: str = "surname of ") -> Resolution | None:
        """A bare surname (or a variant spelling) names the one person with it who held a dated role on the day, or
        the only one known (not when ``only_active``: an organisation-tagged word must match someone in office)."""
        active = []
        for entry in entries:
            code, role = entry.code_at(self.day)
            if role is not None and self.day is not None:
                active.append((entry, code, role))
        if len({e.names[0] for e, _, _ in active}) == 1:
            entry, code, role = active[0]
        elif not active and not only_active and len(entries) == 1 and entries[0].code_at(self.day)[0]:
            entry = entries[0]
            code, role = entry.code_at(self.day)
        elif not active and not only_active:
            return self._former(key, entries)  # "Obama" in 2026: the one known person of that surname, out of office
        else:
            return None
        steps = (f"person_dictionary:{entry.source}@{self.day} ({how}{entry.names[0].title()})",)
        return Resolution(code, key.title(), role.title if role else None, steps, CONFIDENCE["person"] - 0.1, wikidata=wikidata_of(entry))

    def _office_holder(self, key: str, entries: list[Entry], how: str) -> Resolution | None:
        options = []
        for entry in entries:
            code, role = entry.code_at(self.day)
            if code:
                options.append((entry, code, role))
        if not options:
            return None
        iso3 = self.context[0] if self.context else None
        entry, code, role = max(options, key=lambda o: (o[1][:3] == iso3, o[2].rank))
        steps = (f"person_dictionary:{entry.source}@{self.day}{how}",)
        return Resolution(code, _display(entry, key), role.title if role else None, steps, CONFIDENCE["person"], wikidata=wikidata_of(entry))

    def _former(self, key: str, entries: list[Entry]) -> Resolution | None:
        """A known office holder out of office on the day: CAMEO's elite (ELI) of the country they served
        ("then-President Barack Obama" in 2026 is USAELI), from their latest national office before the day."""
        if self.day is None:
            return None
        ended = [
            (role, entry) for entry in entries for role in entry.roles
            if role.end is not None and role.end < self.day and role.code[:3] in self.lexicon.country_codes
        ]  # fmt: skip
        if not ended or len({entry.names[0] for _, entry in ended}) > 1:
            return None
        role, entry = max(ended, key=lambda pair: pair[0].end)
        steps = (f"person_dictionary:{entry.source}@{self.day} (former: {role.title or role.code} until {role.end})",)
        title = f"former {role.title}" if role.title else None
        return Resolution(role.code[:3] + "ELI", _display(entry, key), title, steps, CONFIDENCE["person"] - 0.1, wikidata=wikidata_of(entry))

    def _actor(self, key: str, candidate: Candidate) -> Resolution | None:
        for entry in self.lexicon.actors.lookup(key):
            code, _ = entry.code_at(self.day)
            if not code or candidate.label == "PERSON" and key in self.lexicon.countries and key not in self.lexicon.country_names:
                continue  # "Doris" the person is not the Greek region a country record lists; "Sri Lanka" is Sri Lanka
            if len(code) == 3 and key in self.lexicon.capitals and self.doc[candidate.head].dep_ in SUBJECT_DEPS:
                return Resolution(code + "GOV", candidate.name.text, None, (f"capital_metonym:{entry.source}",), CONFIDENCE["metonym"])
            return Resolution(code, candidate.name.text, None, (f"actor_dictionary:{entry.source}",), CONFIDENCE["name"])
        iso3 = self.lexicon.countries.get(key) or self.lexicon.capitals.get(key)
        if iso3 and (candidate.label != "PERSON" or key in self.lexicon.country_names):
            return Resolution(iso3, candidate.name.text, None, ("country_name",), CONFIDENCE["name"])
        return None

    def _stated_actor(self, modifiers: tuple[Piece, ...]) -> tuple[str, Piece, tuple[str, ...]] | None:
        """The code of the nationality or organisation written next to a title: "NATO", "Russian", "White House"."""
        ranked = sorted(modifiers, key=lambda p: (p.label == "PERSON", -p.start))
        for piece in ranked:
            probe = Candidate(piece.start, piece.end, piece.text, "name", piece.label, piece, None, None, (), piece.token)
            found = self._name_of_modifier(probe)
            if found.code:
                return found.code, piece, found.resolved_by
        return None

    def _name_of_modifier(self, probe: Candidate) -> Resolution:
        key = phrase_key(probe.name.text)
        for attempt in _variants(key):
            found = self._user(attempt) or self._memory(attempt) or self._person(attempt, probe.label)
            if found is not None and found.code is None:
                found = None
            if found is None:
                for entry in self.lexicon.actors.lookup(attempt):
                    code, _ = entry.code_at(self.day)
                    if code:
                        found = Resolution(code, probe.text, None, (f"actor_dictionary:{entry.source}",), CONFIDENCE["name"])
                        break
            if found is None and (attempt in self.lexicon.countries):
                found = Resolution(self.lexicon.countries[attempt], probe.text, None, ("country_name",), CONFIDENCE["name"])
            if found:
                return found
        return Resolution(None, probe.text, None, (), 0.0)

    def _remember(self, index: int, name: str, result: Resolution) -> None:
        key = phrase_key(name)
        words = key.split()
        for alias in {key, words[-1]} if len(words) > 1 else {key}:
            self.memory.setdefault(alias, (index, result))


MIDDLE_INITIAL = re.compile(r"(?<=\w) (?:[a-z]\.? )+(?=\w)")
NON_STATE_CODES = {"IGO", "NGO", "IMG", "MNC", "UIS", "INT", "UNO"}
NAME_SUFFIX = re.compile(r",? (?:jr|sr|ii|iii)\.?$")


def _variants(key: str) -> list[str]:
    """The name as written, without a leading "the", singular ("Russians" -> "russian"), and without middle
    initials or suffixes ("antony j. blinken" -> "antony blinken", "joseph r. biden, jr." -> "joseph biden")."""
    bare = re.sub(r"^the ", "", re.sub(r"'s?$", "", key))
    out = [key] if bare == key else [key, bare]
    if bare.endswith("s") and len(bare) > 3:
        out.append(bare[:-1])
    initials_gone = NAME_SUFFIX.sub("", MIDDLE_INITIAL.sub(" ", bare))
    if initials_gone != bare:
        out.append(initials_gone)
    return out


def _display(entry: Entry, key: str) -> str:
    return key.title() if key else entry.names[0].title()


def context_country(lexicon: Lexicon, dateline: str | None, names: list[str]) -> tuple[str, str] | None:
    """The country a story is about when a title has no nationality: its dateline's, else the most mentioned one."""
    if dateline:
        key = phrase_key(dateline.split(",")[0])
        iso3 = lexicon.capitals.get(key) or lexicon.countries.get(key)
        if iso3:
            return iso3, "dateline"
    counts = Counter(lexicon.countries[k] for k in map(phrase_key, names) if k in lexicon.countries)
    if counts:
        return counts.most_common(1)[0][0], "most mentioned country"
    return None
