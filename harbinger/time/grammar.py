"""The time-expression grammar: regular patterns built from the lexicon, each one naming the parts it captured.

A :class:`Parsed` says which rule matched and what it captured (a month
number, a weekday, a count and a unit, a modifier such as "last"), never what
date that means: turning parts into a value against the document date is the
normaliser's job. The finder runs :func:`scan` over a document; tests and
callers with a bare phrase use :func:`parse`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from harbinger.time.lexicon import Lexicon, load_lexicon


@dataclass(frozen=True)
class Parsed:
    """One grammar match: the rule, the character span it covers in the scanned text and its captured parts."""

    rule: str
    start: int
    end: int
    parts: dict = field(default_factory=dict, hash=False, compare=False)


def _body(words) -> str:
    """The words as a bare regex alternation, longest first, any space matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _alt(words, *, cased: bool = False) -> str:
    """A regex alternation of words, longest first; cased words match Title or UPPER case only (so "may" is not May)."""
    words = list(words)
    if cased:
        capitalised = [" ".join(part[:1].upper() + part[1:] for part in w.split(" ")) for w in words]  # New Year's Day
        return f"(?-i:{_body(capitalised + [w.upper() for w in words])})"
    return f"(?:{_body(words)})"


def _plural(unit: str) -> str:
    return unit[:-1] + "ies" if unit.endswith("y") and unit != "day" else unit + "s"


_B = r"(?<![\w'’-])"  # left word boundary that also refuses mid-hyphen and after apostrophes
_E = r"(?![\w])"


def _rules(lex: Lexicon) -> list[tuple[str, str]]:
    month = _alt(lex.months, cased=True)
    weekday = _alt(lex.weekdays, cased=True)
    unit_names = list(lex.units)
    unit = "(?:" + "|".join(sorted(unit_names + [_plural(u) for u in unit_names], key=len, reverse=True)) + ")"
    period = r"(?:week|month|year|weekend|decade|century|quarter|fortnight)"
    num = r"(?:\d+(?:\.\d+)?|" + _body(lex.numbers) + ")"
    vague = _alt(lex.vague_numbers)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)"
    part = rf"(?P<part>{_body(lex.parts_of_day)})"
    partial = r"(?P<partial>early|earlier|mid|late|later|" + _body([w for w in lex.partial_modifiers if " " in w]) + r")[\s-]+"
    mods = _alt(lex.past_modifiers | lex.future_modifiers | lex.present_modifiers)
    tz = _alt(lex.time_zones)
    ampm = r"(?P<ampm>[ap]\.?\s?m\.?)(?![\w])"
    lead_weekday = rf"(?:{weekday}\.?,?\s+)?"
    # "two days before" ends the phrase only at a stop; "two days before the vote" is a length of time.
    bare_shift_words = (lex.before_words | lex.after_words) - {"before", "after"}
    shift_words = _body(bare_shift_words) + r"|before(?=[,.;:])|after(?=[,.;:])"
    return [
        ("iso_date", rf"{_B}(?P<year>\d{{4}})-(?P<month>[01]\d)-(?P<day>[0-3]\d){_E}"),
        ("month_day", rf"{_B}{lead_weekday}(?P<monthname>{month})\.?\s+{day}(?:\s*(?:–|-|to)\s*(?P<day2>[0-3]?\d)(?![\d:]))?(?:,?\s+{year})?(?![\d:,]\d)(?!\w)"),
        ("day_month", rf"{_B}{lead_weekday}(?:the\s+)?{day}\s+(?:of\s+)?(?P<monthname>{month})\.?(?:,?\s+{year})?{_E}"),
        ("month_year", rf"{_B}(?:{partial})?(?P<monthname>{month})\.?,?\s+(?:of\s+)?{year}{_E}"),
        ("month_mod", rf"{_B}(?P<mod>{mods})\s+(?P<monthname>{month}){_E}"),
        ("month_of_year", rf"{_B}(?P<monthname>{month})\.?\s+of\s+(?P<mod>this|last|next|the\s+same|that)\s+year{_E}"),
        ("month", rf"{_B}(?:{partial})?(?P<monthname>{month})\.?(?!\w)"),
        ("holiday", rf"{_B}(?P<holiday>{_alt(lex.holidays, cased=True)})(?:\s+{year})?{_E}"),
        ("season", rf"{_B}(?:(?P<mod>{mods})\s+|{partial})?(?P<season>{_alt(lex.seasons)})(?:\s+(?:of\s+)?{year})?{_E}"),
        ("year_range", rf"{_B}{year}\s*(?:–|—|-|/)\s*(?P<year2>\d{{4}}|\d{{2}})(?![\w%])"),
        ("decade", rf"{_B}(?:the\s+)?(?:{partial})?(?:(?P<decade>1[5-9]\d|20\d)0s|['’](?P<decade2>\d)0s){_E}"),
        ("century", rf"{_B}(?:the\s+)?(?P<century>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{_E}"),
        ("quarter", rf"{_B}(?:the\s+)?(?P<quarter>{_body(lex.ordinals)})\s+quarter(?:\s+of\s+(?:{year}|(?P<mod>this|last|next)\s+year))?{_E}"),
        ("year", rf"{_B}(?:{partial})?(?:(?:the\s+)?(?:fiscal\s+)?year\s+)?{year}(?![\w%]|[.,]\d)"),
        ("partial_relative", rf"{_B}{partial}(?P<mod>this|last|next|the)\s+(?P<unit>{period}){_E}"),
        ("relative_weekday", rf"{_B}(?P<mod>{mods})\s+(?P<weekday>{weekday})(?:\s+{part})?{_E}"),
        ("relative_period", rf"{_B}(?:(?P<det>the)\s+)?(?P<mod>{mods})\s+(?P<unit>{period}){_E}"),
        ("weekday", rf"{_B}(?P<weekday>{weekday})(?P<abbrev>\.)?(?:\s+{part})?(?![\w-])"),
        ("deictic_day", rf"{_B}(?P<deictic>{_body(lex.deictic_days)})(?:\s+{part})?{_E}"),
        ("this_part_of_day", rf"{_B}(?P<mod>this|last)\s+{part}{_E}"),
        ("shift", rf"{_B}(?:(?P<num>{num})|(?P<vague>{vague}))[\s-]+(?P<unit>{unit})\s+(?P<shift>{shift_words}){_E}"),
        ("vague_shift", rf"{_B}(?P<vague_unit>hours|days|weeks|months|years|decades)\s+(?P<shift>{shift_words}){_E}"),
        ("coming_period", rf"{_B}(?:the\s+)?(?P<mod>coming|next|following|upcoming|past|last|previous|recent)\s+(?P<vague_unit>hours|days|weeks|months|years|decades){_E}"),
        ("recent_period", rf"{_B}recent\s+(?P<vague_unit>days|weeks|months|years|decades){_E}"),
        ("span_duration", rf"{_B}the\s+(?P<mod>past|last|next|first|coming|previous|following)\s+(?:(?P<num>{num})|(?P<vague>{vague}))[\s-]+(?P<unit>{unit}){_E}"),
        ("duration", rf"{_B}(?:(?P<num>{num})|(?P<vague>{vague}))[\s-]+(?P<unit>{unit})(?:[\s-]+(?P<age>{_body(lex.age_words)}))?{_E}"),
        ("bare_duration", rf"(?:(?<=\bfor )|(?<=\bover ))(?P<vague_unit>hours|days|weeks|months|years|decades|centuries){_E}"),
        ("bare_duration", rf"{_B}(?P<vague_unit>hours|days|weeks|months|years|decades|centuries)(?=\s+of\s){_E}"),
        ("anaphoric", rf"{_B}(?P<anaphor>{_body(lex.anaphoric_determiners)})\s+(?P<anaunit>day|morning|afternoon|evening|night|week|weekend|month|year){_E}"),
        ("anaphoric_period", rf"(?:(?<=\bduring )|(?<=\bover )|(?<=\bthroughout )|(?<=\bin ))(?:the)\s+(?P<anaunit>week|weekend){_E}"),
        ("clock", rf"{_B}(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*{ampm}(?:\s+(?P<tz>{tz}))?"),
        ("clock_military", rf"(?<![\w:.'’-])(?P<hour>[01]\d|2[0-4])(?P<minute>[0-5]\d)\s+(?P<tz>{_alt(lex.military_time_zones)}){_E}"),
        ("clock24", rf"(?<![\w:.'’-])(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?:\s+(?P<tz>{tz}))?(?![\d:])"),
        ("special_time", rf"{_B}(?P<special>{_body(lex.special_times)}){_E}"),
        ("reference", rf"{_B}(?P<ref>{_body(w for w in lex.reference_words if not w.startswith('the '))}){_E}"),
        ("reference_phrase", rf"(?:(?<=\bin )|(?<=\bfor ))(?P<ref>{_body(w for w in lex.reference_words if w.startswith('the '))}){_E}"),
        ("set", rf"{_B}(?:every|each)\s+(?:(?P<num>{num})\s+)?(?:(?P<unit>{unit})|(?P<weekday>{weekday})){_E}"),
        ("set_adverb", rf"{_B}(?P<setword>{_body(lex.set_adverbs)}){_E}"),
    ]


@dataclass(frozen=True)
class Grammar:
    lexicon: Lexicon
    rules: tuple[tuple[str, re.Pattern], ...]
    abbreviations: frozenset[str]  # "sept", "tues": a full stop after them belongs to the expression


def _abbreviations(names: dict[str, int]) -> set[str]:
    return {short for short, n in names.items() if any(full != short and full.startswith(short) and m == n for full, m in names.items())}


@lru_cache(maxsize=4)
def load_grammar(lexicon_path: str | None = None) -> Grammar:
    lex = load_lexicon(lexicon_path)
    rules = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _rules(lex))
    return Grammar(lex, rules, frozenset(_abbreviations(lex.months) | _abbreviations(lex.weekdays) | {"a.m", "p.m", "am", "pm"}))


def _acceptable(match: re.Match, rule: str, text: str, lex: Lexicon) -> bool:
    """Reject matches the pattern alone cannot rule out: "May" the verb, "Sun" the paper, a "16-year-old"."""
    parts = match.groupdict()
    if parts.get("age") or (rule == "duration" and _word_before(text, match.start()) in lex.age_words):
        return False  # "a 16-year-old", "aged 84 years"
    if rule == "weekday" and parts["weekday"].lower() in lex.abbreviated_weekdays and not parts.get("abbrev"):
        return False
    if rule == "month" and parts["monthname"].lower() in lex.ambiguous_months and not parts.get("partial"):
        before = text[max(0, match.start() - 20) : match.start()].split()
        return bool(before) and before[-1].lower().strip("-") in lex.month_context_words
    if rule == "duration" and parts.get("vague") and parts["vague"].lower() == "some":
        return False
    if rule == "season" and not (parts.get("mod") or parts.get("year") or parts.get("partial")):
        before = text[max(0, match.start() - 20) : match.start()].split()
        return bool(before) and before[-1].lower() in lex.month_context_words
    return True


def _end_without_full_stop(text: str, start: int, end: int, abbreviations: frozenset[str]) -> int:
    """A sentence's full stop is not part of "May." or "Sunday."; the one after "Sept." or "p.m." is."""
    if end - start > 1 and text[end - 1] == "." and text[start:end - 1].split()[-1].lower() not in abbreviations:
        return end - 1
    return end


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 24) : start].split()
    return words[-1].lower().strip(",;:") if words else ""


def scan(text: str, grammar: Grammar | None = None) -> list[Parsed]:
    """Every non-overlapping grammar match in ``text``, longest first where matches compete, in text order."""
    grammar = grammar or load_grammar()
    found: list[tuple[int, int, int, Parsed]] = []
    for priority, (rule, pattern) in enumerate(grammar.rules):
        for match in pattern.finditer(text):
            if match.end() > match.start() and _acceptable(match, rule, text, grammar.lexicon):
                parts = {k: v for k, v in match.groupdict().items() if v is not None}
                parts["before"] = _word_before(text, match.start())
                end = _end_without_full_stop(text, match.start(), match.end(), grammar.abbreviations)
                found.append((match.start(), end, priority, Parsed(rule, match.start(), end, parts)))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    chosen: list[Parsed] = []
    taken: list[tuple[int, int]] = []
    for start, end, _, parsed in found:
        if all(end <= a or start >= b for a, b in taken):
            chosen.append(parsed)
            taken.append((start, end))
    return sorted(chosen, key=lambda p: p.start)


def parse(phrase: str, grammar: Grammar | None = None) -> Parsed | None:
    """The grammar's reading of a whole phrase ("last month", "on Jan. 10" minus the preposition), or None."""
    phrase = phrase.strip()
    matches = scan(phrase, grammar)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(phrase):
        return matches[0]
    return None
