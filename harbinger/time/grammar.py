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
from harbinger.time.numbers import compound_number_pattern, spelled_year_pattern


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


def _year(name: str) -> str:
    return rf"(?P<{name}>1[5-9]\d\d|20\d\d)"


def _fiscal_year(name: str) -> str:
    """ "fiscal 2024", "fiscal year 2024", "FY2024", "FY24": the year digits as group ``name``."""
    return rf"(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<{name}>1[5-9]\d\d|20\d\d|\d\d(?!\d))"


_B = r"(?<![\w'’-])"  # left word boundary that also refuses mid-hyphen and after apostrophes
_E = r"(?![\w])"
_PARTIAL_RULES = frozenset({"weekday", "this_part_of_day"})
_SET_DETERMINERS = frozenset({"on", "and", "or", "most", "some", "all", "many", "other"})


def _rules(lex: Lexicon) -> list[tuple[str, str]]:
    month = _alt(lex.months, cased=True)
    weekday = _alt(lex.weekdays, cased=True)
    unit_names = list(lex.units)
    unit = "(?:" + "|".join(sorted(unit_names + [_plural(u) for u in unit_names], key=len, reverse=True)) + ")"
    period = r"(?:week|month|year|weekend|decade|century|quarter|fortnight)"
    num = r"(?:\d+(?:\.\d+)?|" + compound_number_pattern(lex) + "|" + _body(lex.numbers) + ")"
    vague = _alt(lex.vague_numbers)
    day = r"(?P<dayfull>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)"
    fiscal_year = _fiscal_year("fyear")
    quarter_year = (  # "of 2020", "of fiscal 2020", "of this year", "of the year", ", 2020"
        rf"(?:\s+of\s+(?:(?:the\s+)?{fiscal_year}|{_year('year')}|(?P<mod>this|last|next|the\s+current|the\s+same)\s+"
        rf"(?P<fiscal>fiscal\s+)?year|the\s+(?P<fiscal2>fiscal\s+)?year)|,?\s+{_year('year2')})"
    )
    dmod = rf"(?:(?P<dmod>{_body(lex.duration_mods)})\s+)"
    pmod = rf"(?:(?P<pmod>{_body(lex.point_mods)})\s+)"
    unit_singular = "(?:" + "|".join(sorted(unit_names, key=len, reverse=True)) + ")"
    part = rf"(?P<part>{_body(lex.parts_of_day)})"
    partial = r"(?P<partial>early|earlier|mid|late|later|" + _body([w for w in lex.partial_modifiers if " " in w]) + r")[\s-]+"
    mods = _alt(lex.past_modifiers | lex.future_modifiers | lex.present_modifiers)
    tz = _alt(lex.time_zones)
    ampm = r"(?P<ampm>[ap]\.?\s?m\.?)(?![\w])"
    year_anaphors = r"this|last|next|the\s+same|that|the\s+previous|the\s+following|the\s+prior"
    smod = rf"(?:(?P<smod>{_body(lex.shift_mods)})\s+)"
    det = rf"(?P<det>{_body(lex.possessive_determiners)})"
    half_more = r"(?P<halfmore>[\s-]+and[\s-]+a[\s-]+half)?"
    of_year = rf"\s+of\s+(?:(?P<quant>{_body(lex.set_quantifiers)})|(?P<mod>{year_anaphors}))\s+year"
    day_range = r"(?:(?:\s*(?:–|-|to)\s*|\s+and\s+(?=[0-3]?\d(?:st|nd|rd|th)))(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]))"
    clock_face = rf"(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*{ampm}"
    lead_weekday = rf"(?:{weekday}\.?,?\s+)?"
    # "two days before" ends the phrase only at a stop; "two days before the vote" is a length of time.
    bare_shift_words = (lex.before_words | lex.after_words) - {"before", "after"}
    shift_words = _body(bare_shift_words) + r"|before(?=[,.;:])|after(?=[,.;:])"
    return [
        ("iso_date", rf"{_B}(?P<year>\d{{4}})-(?P<month>[01]\d)-(?P<day>[0-3]\d){_E}"),
        # "March 15", "March 15 to 17, 2017", "December 9th and 10th", "January 20th of this year", "December 17
        # of each year" (a SET): one rule, since every extra rule is one more pass over the text.
        ("month_day", rf"{_B}{lead_weekday}(?P<monthname>{month})\.?\s+{day}(?:{of_year}(?!\w)|{day_range}?(?:,?\s+{year})?(?![\d:,]\d)(?!\w))"),
        ("day_month", rf"{_B}{lead_weekday}(?:the\s+)?{day}\s+(?:of\s+)?(?P<monthname>{month})\.?(?:,?\s+{year})?{_E}"),
        ("part_of_date", rf"{_B}(?:the\s+)?(?:{partial})?{part}(?:\s+hours)?\s+of\s+(?:{weekday},?\s+)?(?P<monthname>{month})\.?\s+{day}(?:,?\s+{year})?(?![\d:])(?!\w)"),
        ("month_year", rf"{_B}(?:{partial})?(?P<monthname>{month})\.?,?\s+(?:of\s+)?{year}{_E}"),
        ("month_mod", rf"{_B}(?:{partial})?(?P<mod>{mods})\s+(?P<monthname>{month}){_E}"),
        ("month_of_year", rf"{_B}(?P<monthname>{month})\.?\s+of\s+(?P<mod>{year_anaphors})\s+year{_E}"),
        ("month", rf"{_B}(?:{partial})?(?:(?P<monthof>the\s+month\s+of)\s+)?(?P<monthname>{month})\.?(?!\w)"),
        ("holiday", rf"{_B}(?P<holiday>{_alt(list(lex.holidays) + list(lex.floating_holidays), cased=True)})(?:\s+{year})?{_E}"),
        ("season", rf"{_B}(?:(?P<mod>{mods})\s+|{partial}|(?P<the>the)\s+)?(?P<season>{_alt(lex.seasons)})(?:\s+(?:of\s+)?{year})?{_E}"),
        ("year_range", rf"{_B}{year}\s*(?:–|—|-|/)\s*(?P<year2>\d{{4}}|\d{{2}})(?![\w%])"),
        ("decade", rf"{_B}(?:the\s+)?(?:{partial})?(?:(?P<decade>1[5-9]\d|20\d)0s|['’](?P<decade2>\d)0s){_E}"),
        ("century", rf"{_B}(?:the\s+)?(?P<century>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{_E}"),
        ("quarter", rf"{_B}(?:the\s+)?(?:{_fiscal_year('fyear2')}(?:['’]s)?\s+)?(?P<quarter>{_body(lex.ordinals)})[\s-]+(?:fiscal[\s-]+)?quarter{quarter_year}?{_E}"),
        ("quarter", rf"{_B}(?-i:Q(?P<qdigit>[1-4]))(?:(?:\s+|-|/)(?:{fiscal_year}|{year}))?{_E}"),
        ("quarter", rf"{_B}{year}\s*(?-i:Q(?P<qdigit>[1-4])){_E}"),
        ("half", rf"{_B}(?:the\s+)?(?P<half>{_body(lex.halves)})[\s-]+half{quarter_year}{_E}"),
        ("half", rf"{_B}(?-i:H(?P<hdigit>[12]))(?:\s+|-|/)(?:{fiscal_year}|{year}){_E}"),
        ("fiscal_year", rf"{_B}(?:the\s+)?{fiscal_year}{_E}"),
        ("year", rf"{_B}(?:{partial})?(?:(?:the\s+)?year\s+)?{year}(?![\w%]|[.,]\d)"),
        ("spelled_year", rf"{_B}(?P<spelled>{spelled_year_pattern(lex)})(?![\w-])"),
        ("month_day_year_mod", rf"{_B}(?P<monthname>{month})\.?\s+{day},?\s+(?P<mod>last|next|this)\s+year{_E}"),
        ("month_day_year_mod", rf"{_B}(?P<mod>last|next|this)\s+year,?\s+(?P<monthname>{month})\.?\s+{day}(?![\d:])(?!\w)"),
        ("year_shift_adjective", rf"{_B}(?P<unit>year|quarter|month)-(?P<shift>ago|earlier){_E}"),
        ("partial_relative", rf"{_B}{partial}(?P<mod>this|last|next|the)\s+(?P<unit>{period}){_E}"),
        ("relative_weekday", rf"{_B}(?P<mod>{mods})\s+(?P<weekday>{weekday})(?:\s+{part})?{_E}"),
        ("relative_period", rf"{_B}(?:(?P<det>the)\s+)?(?P<mod>{mods})\s+(?P<unit>{period}){_E}"),
        ("weekday", rf"{_B}(?P<weekday>{weekday})(?P<abbrev>\.)?(?:\s+{part})?(?![\w-])"),
        ("deictic_day", rf"{_B}(?:{partial})?(?P<deictic>{_body(lex.deictic_days)})(?:\s+{part})?{_E}"),
        ("this_part_of_day", rf"{_B}(?P<mod>this|last)\s+{part}{_E}"),
        ("anaphoric_part", rf"{_B}the\s+(?:(?P<partial>early|late)\s+)?{part}(?!\s+(?:hours\s+)?of\b){_E}"),
        ("shift", rf"{_B}{smod}?(?:(?P<num>{num})|(?P<vague>{vague}))[\s-]+(?P<unit>{unit}){half_more}\s+(?P<shift>{shift_words}){_E}"),
        ("vague_shift", rf"{_B}(?P<vague_unit>hours|days|weeks|months|years|decades)\s+(?P<shift>{shift_words}){_E}"),
        ("coming_period", rf"{_B}(?:the\s+)?(?P<mod>coming|next|following|upcoming|past|last|previous|recent)\s+(?P<vague_unit>hours|days|weeks|months|years|decades){_E}"),
        ("recent_period", rf"{_B}recent\s+(?P<vague_unit>days|weeks|months|years|decades){_E}"),
        ("span_duration", rf"{_B}the\s+(?P<mod>past|last|next|first|coming|previous|following)\s+(?:(?P<num>{num})|(?P<vague>{vague}))[\s-]+(?P<unit>{unit}){half_more}{_E}"),
        ("span_duration", rf"{_B}the\s+(?P<mod>past|last|next|first|coming|previous|following)\s+(?P<unit>{unit_singular})(?P<halfmore>\s+and\s+a\s+half){_E}"),
        ("det_duration", rf"{_B}{det}\s+(?:(?P<first>first|full|last|past|next)\s+)?{dmod}?(?P<num>{num})\s+(?P<unit>{unit}){half_more}(?![\w-]){_E}"),
        ("duration", rf"{_B}{dmod}?(?:(?P<num>{num})|(?P<vague>{vague}))[\s-]+(?P<unit>{unit}){half_more}(?:[\s-]+(?P<age>{_body(lex.age_words)}))?{_E}"),
        # Rules a word before must introduce (lexicon "preceding_words"), checked after the match: a lookbehind
        # alternation tried at every position of the text costs several times more.
        ("bare_duration_in", rf"{_B}(?P<vague_unit>months|years|decades|centuries)(?![\w-])(?!\s+(?:of|to|past|ahead|before|after)\b)"),
        ("bare_duration_for", rf"{_B}(?P<vague_unit>hours|days|weeks|months|years|decades|centuries){_E}"),
        ("bare_duration", rf"{_B}(?P<vague_unit>hours|days|weeks|months|years|decades|centuries)(?=\s+of\s){_E}"),
        ("bare_duration", rf"{_B}(?P<vague_unit>seconds|minutes|hours)(?=\s+(?:before|after)\s){_E}"),
        ("anaphoric", rf"{_B}(?P<anaphor>{_body(lex.anaphoric_determiners)})\s+(?P<anaunit>day|morning|afternoon|evening|night|week|weekend|month|year){_E}"),
        ("anaphoric_period", rf"{_B}the\s+(?P<anaunit>week|weekend){_E}"),
        ("clock_day", rf"(?<![\w:.'’-])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?P<weekday>{weekday})(?:\s+{part})?,?\s+(?P<tz>{_alt(lex.military_time_zones)}){_E}"),
        ("clock", rf"{_B}{pmod}?{clock_face}(?:\s+(?P<tz>{tz}))?(?:\s+(?P<weekday>{weekday})(?:\s+{part})?(?![\w-]))?"),
        ("clock_military", rf"(?<![\w:.'’-])(?P<hour>[01]\d|2[0-4])(?P<minute>[0-5]\d)\s+(?P<tz>{_alt(lex.military_time_zones)}){_E}"),
        ("clock24", rf"(?<![\w:.'’-])(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?:\s+(?P<tz>{tz}))?(?![\d:])"),
        ("special_time", rf"{_B}(?P<special>{_body(lex.special_times)}){_E}"),
        ("reference", rf"{_B}(?P<ref>{_body(w for w in lex.reference_words if not w.startswith('the '))}){_E}"),
        ("reference_phrase", rf"{_B}(?P<ref>{_body(w for w in lex.reference_words if w.startswith('the '))}){_E}"),
        ("set", rf"{_B}(?:(?P<freqword>{_body(lex.frequency_words)})\s+)?(?P<quant>{_body(lex.set_quantifiers)})\s+(?:(?P<other>other)\s+|single\s+)?(?:(?P<num>{num})\s+)?(?:(?P<unit>{unit})|(?P<weekday>{weekday})(?:\s+(?P<part2>{_body(lex.parts_of_day)}))?|{part}){_E}"),
        ("set_frequency", rf"{_B}(?:(?P<freqword>{_body(lex.frequency_words)})|(?P<times>{num})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{unit_singular}){_E}"),
        ("set_frequency", rf"{_B}(?P<count>{num})\s+(?P<count_unit>{unit})\s+(?:a|per)\s+(?P<unit>{unit_singular}){_E}"),
        ("set_per", rf"{_B}per\s+(?P<unit>day|week|month|year|quarter){_E}"),  # not "miles per hour": a rate
        ("set_plural_weekday", rf"{_B}(?P<weekday>{weekday})s{_E}"),
        ("set_adverb", rf"{_B}an?\s+(?P<setword>{_body(lex.set_adverbs)})\s+basis{_E}"),
        ("set_adverb", rf"{_B}(?P<setword>{_body(lex.set_adverbs)}){_E}"),
    ]


@dataclass(frozen=True)
class Grammar:
    lexicon: Lexicon
    rules: tuple[tuple[str, re.Pattern], ...]
    abbreviations: frozenset[str]  # "sept", "tues": a full stop after them belongs to the expression
    # "early Thursday morning", "later this morning": a one-word modifier read off the text before a match, rather
    # than tried by the pattern at every position of the text
    partial_before: re.Pattern


def _abbreviations(names: dict[str, int]) -> set[str]:
    return {short for short, n in names.items() if any(full != short and full.startswith(short) and m == n for full, m in names.items())}


@lru_cache(maxsize=4)
def load_grammar(lexicon_path: str | None = None) -> Grammar:
    lex = load_lexicon(lexicon_path)
    rules = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _rules(lex))
    abbreviations = frozenset(_abbreviations(lex.months) | _abbreviations(lex.weekdays) | {"a.m", "p.m", "am", "pm"})
    one_word = _body(w for w in lex.partial_modifiers if " " not in w and w != "mid")
    return Grammar(lex, rules, abbreviations, re.compile(rf"(?<![\w-])({one_word})[\s-]+$", re.IGNORECASE))


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
    if rule == "spelled_year":  # "twenty nineteen" is a year only where a date may stand: "in", "since", "of" ...
        return _word_before(text, match.start()) in lex.month_context_words
    if rule == "reference" and parts["ref"].lower() == "to date" and _word_before(text, match.start()) == "up":
        return False  # "up to date"
    if rule == "reference" and parts["ref"].lower() == "now" and text[match.end() : match.end() + 11].lower() == ", therefore":
        return False  # a proclamation's "NOW, THEREFORE, I ...": a formula, not a time
    if rule == "set_plural_weekday":  # "on Mondays", not "Fridays for Future"
        return parts["weekday"].lower() not in lex.abbreviated_weekdays and _word_before(text, match.start()) in _SET_DETERMINERS
    if rule in lex.preceding_words and _word_before(text, match.start()) not in lex.preceding_words[rule]:
        return False  # "during the week", "for years", "in the morning"; not "survived the night"
    if rule == "anaphoric_part" and not parts["part"].islower():
        return False  # "Imus in the Morning": a name
    if rule == "duration" and _ordinal_second(match, parts, text, lex):
        return False
    if rule == "season" and parts.get("the") and not parts.get("year") and re.match(r"\s+of\b", text[match.end() :]):
        return False  # "the fall of Kabul": an event, not a season
    if rule == "season" and not (parts.get("mod") or parts.get("year") or parts.get("partial")):
        before = text[max(0, match.start() - 20) : match.start()].split()
        return bool(before) and before[-1].lower() in lex.month_context_words
    return True


def _ordinal_second(match: re.Match, parts: dict, text: str, lex: Lexicon) -> bool:
    """ "a second virtual convening", "a second term": the ordinal, not one second. "a second later" stays a time."""
    if parts.get("unit", "").lower() != "second" or parts.get("num", "").lower() not in ("a", "an", "one") or parts.get("dmod"):
        return False
    following = re.match(r"\s+([A-Za-z]+)", text[match.end() :])
    return following is not None and following.group(1).lower() not in lex.before_words | lex.after_words | {"or", "and", "of"}


def _end_without_full_stop(text: str, start: int, end: int, abbreviations: frozenset[str]) -> int:
    """A sentence's full stop is not part of "May." or "Sunday."; the one after "Sept." or "p.m." is."""
    if end - start > 1 and text[end - 1] == "." and text[start:end - 1].split()[-1].lower() not in abbreviations:
        return end - 1
    return end


def _start_with_partial(rule: str, text: str, start: int, parts: dict, partial_before: re.Pattern) -> int:
    """Where a weekday or "this morning" starts when "early"/"late" comes before it ("Early Thursday morning"): the
    modifier is inside the span (TimeML) and sets ``parts["partial"]`` (hence the mod)."""
    if rule not in _PARTIAL_RULES:
        return start
    found = partial_before.search(text, max(0, start - 12), start)
    if found is None:
        return start
    parts["partial"] = found.group(1)
    return found.start()


def _start_without_determiner(rule: str, text: str, start: int, end: int, lex: Lexicon) -> int:
    """ "the Fiscal Year 2023 budget": the article belongs to "budget", which the year only modifies; "in the fiscal
    year 2023." keeps it."""
    if rule != "fiscal_year" or text[start : start + 4].lower() != "the ":
        return start
    following = re.match(r"\s+([A-Za-z]+)", text[end:])
    if following is None or following.group(1).lower() in lex.month_context_words | lex.function_words:
        return start
    return start + 4


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
                start = _start_without_determiner(rule, text, match.start(), end, grammar.lexicon)
                start = _start_with_partial(rule, text, start, parts, grammar.partial_before)
                if _is_range(rule, parts):
                    parts["range_split"] = (match.end("dayfull" if rule == "month_day" else "year"), match.start(f"{'day' if rule == 'month_day' else 'year'}2"))
                found.append((start, end, priority, Parsed(rule, start, end, parts)))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    chosen: list[Parsed] = []
    taken: list[tuple[int, int]] = []
    for start, end, _, parsed in found:
        if all(end <= a or start >= b for a, b in taken):
            chosen.extend(_range_ends(parsed))
            taken.append((start, end))
    return sorted(chosen, key=lambda p: p.start)


def _is_range(rule: str, parts: dict) -> bool:
    """ "March 15 to 17", "2017–2018": two points TimeML tags apart; "2019–20" (a season, a fiscal year) stays one."""
    return (rule == "month_day" and "day2" in parts) or (rule == "year_range" and len(parts.get("year2", "")) == 4)


def _range_ends(parsed: Parsed) -> list[Parsed]:
    """A range found as one match, as its two ends: "March 15" and "17" (with the month and any year of the whole)."""
    if "range_split" not in parsed.parts:
        return [parsed]
    first_end, second_start = parsed.parts["range_split"]
    parts = {k: v for k, v in parsed.parts.items() if k not in ("range_split", "day2", "year2")}
    # The second end is marked: what follows a range counts from its start ("April 14 – 15 ... Two days earlier").
    if parsed.rule == "year_range":
        return [Parsed("year", parsed.start, first_end, parts), Parsed("year", second_start, parsed.end, {**parts, "year": parsed.parts["year2"], "range_end": True})]
    second = {**parts, "day": parsed.parts["day2"], "range_end": True}
    return [Parsed("month_day", parsed.start, first_end, parts), Parsed("month_day", second_start, parsed.end, second)]


def parse(phrase: str, grammar: Grammar | None = None) -> Parsed | None:
    """The grammar's reading of a whole phrase ("last month", "on Jan. 10" minus the preposition), or None."""
    phrase = phrase.strip()
    matches = scan(phrase, grammar)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(phrase):
        return matches[0]
    return None
