"""Turn a parsed time expression into a TIMEX3-style value against the document date (DCT).

Reads a :class:`~harbinger.time.grammar.Parsed` (what the text said), the DCT,
the direction the governing verb points ("past", "future" or None) and the
references set by earlier expressions in the same document (for "that day",
"a week later", "at 6am"). Returns a :class:`Resolution`: the value
(``2022-01-09``, ``2022-W02``, ``2021-12``, ``2022-01-06/2022-01-08``,
``P3D``, ``PAST_REF``), its type, whether it is approximate, what it was
anchored on and the rule that decided. It never looks at text beyond the
parsed parts and never uses today's date: without a DCT, relative
expressions get no value.

Weeks are ISO weeks, with one convention for Sundays, when news speaks of the
coming week: on a Sunday "this week" and "next week" both mean the week that
starts the next day, and "last week" the one ending that day (the seed gold).
Bare weekdays and month names follow the verb's tense: past (the default,
since news mostly reports) takes the nearest one on or before the DCT, future
the nearest on or after it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from harbinger.time.grammar import Parsed
from harbinger.time.lexicon import Lexicon, load_lexicon
from harbinger.time.numbers import compound_number_value, spelled_year_value

PAST, FUTURE = "past", "future"
NEAREST = "nearest"  # how month names resolve when the tense says nothing
_STRETCH_PREPOSITIONS = frozenset({"over", "for", "within", "during", "throughout", "in"})


@dataclass(frozen=True)
class Resolution:
    value: str | None
    type: str  # DATE | TIME | DURATION | SET
    approximate: bool
    anchor: str  # "dct", "absolute", "timex@<offset>" or "none"
    resolved_by: str
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, ...
    freq: str | None = None  # TIMEX3 freq of a SET: "2X" in "twice a week"
    quant: str | None = None  # TIMEX3 quant of a SET: EVERY, EACH


@dataclass
class References:
    """The latest dates earlier expressions in a document settled on: the anchors of anaphora ("that day") and
    of chained relatives ("a year earlier", "two days later").

    ``day``, ``month`` and ``year`` are the latest expression naming each; ``unit`` the granularity of the very
    last one ("D", "M", "Q", "H", "Y"), so "that month" after "a day in January ... November 2018" takes
    November, and "a year earlier" after "the third quarter" stays a quarter (``quarter``).
    """

    day: date | None = None
    day_from: str = "dct"
    month: tuple[int, int] | None = None
    year: int | None = None
    period_from: str = "dct"
    unit: str | None = None
    quarter: tuple[int, int] | None = None  # (year, quarter) of the last expression, when it was a quarter
    sentence: int | None = None  # the sentence of the expression being resolved (set by the caller)
    last_sentence: int | None = None  # the sentence of the last expression remembered
    recurring_day: str | None = None  # "December 17 of each year" (XXXX-12-17), when it was the last day named
    previous_sentence: int | None = None  # the sentence before the expression being resolved (set by the caller)

    @property
    def last_is_near(self) -> bool:
        """Whether the last expression remembered is in the sentence being resolved or the one before it."""
        return self.last_sentence is not None and self.last_sentence in (self.sentence, self.previous_sentence)

    def remember(self, value: str | None, kind: str, source: str) -> None:
        if kind == "SET" and value and value.startswith("XXXX-") and len(value) == 10 and value[5:7].isdigit():
            self.recurring_day = value  # "... December 17 of each year ... that day": the day of every year
            return
        if kind not in ("DATE", "TIME") or not value or not value[:4].isdigit():
            return
        self.recurring_day = None
        head = value.split("T")[0].split("/")[0]
        pieces = head.split("-")
        try:
            self.quarter, self.last_sentence = None, self.sentence
            if len(pieces) == 2 and pieces[1][:1] in ("Q", "H") and pieces[1][1:].isdigit():
                self.year, self.unit, self.period_from = int(pieces[0]), pieces[1][0], source
                if pieces[1][0] == "Q":
                    self.quarter = (int(pieces[0]), int(pieces[1][1:]))
                return
            if len(pieces) == 3 and pieces[1].isdigit():
                self.day, self.day_from, self.unit = date(int(pieces[0]), int(pieces[1]), int(pieces[2])), source, "D"
            elif len(pieces) >= 2 and pieces[1].isdigit():
                self.unit = "M"
            elif len(pieces) == 1 and len(head) == 4:
                self.unit = "Y"
            else:
                self.unit = "W" if len(pieces) >= 2 and pieces[1].startswith("W") else None
            if len(pieces) >= 2 and pieces[1].isdigit():
                self.month = (int(pieces[0]), int(pieces[1]))
            self.year = int(pieces[0])
            self.period_from = source
        except ValueError:
            return

    @property
    def last_was_coarser_than_a_day(self) -> bool:
        return self.unit not in (None, "D")


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _number(word: str, lex: Lexicon) -> float | None:
    word = " ".join(word.lower().split())
    if word in lex.numbers:
        return lex.numbers[word]
    compound = compound_number_value(word, lex)
    if compound is not None:
        return compound
    try:
        return float(word)
    except ValueError:
        return None


def _unit_code(word: str, lex: Lexicon) -> str:
    word = word.lower()
    if word in lex.units:
        return lex.units[word]
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return lex.units[singular]


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


class Normaliser:
    """Resolves parsed expressions; one instance per process (it only holds the lexicon)."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lex = lexicon or load_lexicon()

    def resolve(
        self, parsed: Parsed, dct: date | None, direction: str | None = None, refs: References | None = None
    ) -> Resolution:
        refs = refs or References()
        handler = getattr(self, f"_{parsed.rule}", None)
        if handler is None:
            return Resolution(None, "DATE", False, "none", f"{parsed.rule}:no-rule")
        resolved = handler(parsed.parts, dct, direction, refs)
        mod = self._mod(parsed.parts)
        return replace(resolved, mod=mod) if mod and not resolved.mod else resolved

    def _mod(self, parts: dict) -> str | None:
        """The TIMEX3 mod a modifier word gives: "early" START, "late" END, "more than" MORE_THAN, "about" APPROX."""
        if parts.get("partial"):
            return self.lex.partial_modifiers.get(" ".join(parts["partial"].lower().split()))
        if parts.get("dmod"):
            return self.lex.duration_mods.get(" ".join(parts["dmod"].lower().split()))
        if parts.get("pmod"):
            return self.lex.point_mods.get(" ".join(parts["pmod"].lower().split()))
        return None

    # --- helpers -------------------------------------------------------------------------------------------

    def _relation(self, mod: str | None) -> str | None:
        """The relation a modifier word names ("last", "next" or "this"), from the lexicon's modifier lists."""
        mod = " ".join((mod or "").lower().split())
        if mod in self.lex.past_modifiers:
            return "last"
        if mod in self.lex.future_modifiers:
            return "next"
        if mod in self.lex.present_modifiers:
            return "this"
        return None

    @staticmethod
    def _no_dct(rule: str, kind: str = "DATE") -> Resolution:
        return Resolution(None, kind, False, "none", f"{rule}:no-dct")

    @staticmethod
    def _dated(value: str, rule: str, kind: str = "DATE", approximate: bool = False) -> Resolution:
        return Resolution(value, kind, approximate, "dct", rule)

    @staticmethod
    def _underspecified(value: str, rule: str, kind: str = "DATE") -> Resolution:
        """A calendar name with no DCT to place it: TimeML's X placeholders (XXXX-12-25, XXXX-WXX-1), not a guess."""
        return Resolution(value, kind, False, "none", f"{rule}:no-dct:underspecified")

    @staticmethod
    def _in_narrative_year(refs: References, dct: date | None) -> bool:
        """True when the expression just before, in the same sentence, was a year other than the DCT's or a month
        of one: a month or a day named next without a year falls in it ("In the 2016 election ... until June,
        ... until July": June and July 2016)."""
        if refs.unit not in ("Y", "M") or refs.year is None or refs.sentence is None or refs.sentence != refs.last_sentence:
            return False
        return dct is None or refs.year != dct.year

    @staticmethod
    def _full_year(digits: str, dct: date | None) -> int:
        """ "24" in "FY24": the 20xx year unless that is more than ten years after the DCT, then 19xx."""
        if len(digits) == 4:
            return int(digits)
        ceiling = (dct.year if dct else 2000) + 10
        return 2000 + int(digits) if 2000 + int(digits) <= ceiling else 1900 + int(digits)

    def _period(self, unit: str, relation: str, dct: date, direction: str | None = None) -> str | None:
        """The value of this/last/next <unit> seen from the DCT."""
        step = {"this": 0, "last": -1, "next": 1}[relation]
        if unit in ("W", "WE", "F"):
            monday = dct - timedelta(days=dct.weekday())
            if dct.isoweekday() == 7 and unit != "WE":  # Sunday: "this/next week" is the one starting tomorrow,
                step = {"this": 0 if direction == PAST else 1, "next": 1, "last": 0}[relation]  # "last week" the one ending
            value = iso_week(monday + timedelta(weeks=step))
            return value + "-WE" if unit == "WE" else value
        if unit == "M":
            year, month = add_months(dct.year, dct.month, step)
            return f"{year}-{month:02d}"
        if unit == "Q":
            index = dct.year * 4 + (dct.month - 1) // 3 + step
            return f"{index // 4}-Q{index % 4 + 1}"
        if unit == "Y":
            return str(dct.year + step)
        if unit == "DE":
            return str(dct.year // 10 + step)
        if unit == "CE":
            return str(dct.year // 100 + step)
        if unit == "D":
            return (dct + timedelta(days=step)).isoformat()
        return None

    def _shifted(self, anchor: date, unit: str, amount: float) -> tuple[str, bool]:
        """The anchor moved by ``amount`` units, at that unit's granularity; True when only approximate."""
        n = int(round(amount))
        approximate = not float(amount).is_integer()
        if unit == "D":
            return (anchor + timedelta(days=n)).isoformat(), approximate
        if unit in ("W", "WE", "F"):
            weeks = n * (2 if unit == "F" else 1)
            value = iso_week(anchor + timedelta(weeks=weeks))
            return (value + "-WE" if unit == "WE" else value), approximate
        if unit == "M":
            year, month = add_months(anchor.year, anchor.month, n)
            return f"{year}-{month:02d}", approximate
        if unit == "Q":
            year, month = add_months(anchor.year, anchor.month, 3 * n)
            return f"{year}-Q{(month - 1) // 3 + 1}", approximate
        if unit == "Y":
            return str(anchor.year + n), approximate
        if unit == "DE":
            return str(anchor.year // 10 + n), approximate
        if unit == "CE":
            return str(anchor.year // 100 + n), approximate
        return anchor.isoformat(), True  # hours, minutes: the day is all a DCT tells

    def _duration_code(self, amount: float | None, unit: str) -> str:
        """ISO 8601 as TimeML writes it: "a decade" P10Y, "three hours" PT3H; "decades" PXDE (X years cannot be
        multiplied by ten); "a year and a half" P18M (a whole number of the next smaller unit where there is one)."""
        if amount is None and unit in self.lex.uncounted_duration_codes:
            return self.lex.uncounted_duration_codes[unit]
        if amount is not None and not float(amount).is_integer() and unit in self.lex.half_units:
            smaller, per = self.lex.half_units[unit]
            if float(amount * per).is_integer():
                return self._duration_code(amount * per, smaller)
        prefix, multiplier, letter = self.lex.duration_codes[unit]
        count = "X" if amount is None else _fmt_number(amount * multiplier)
        return f"P{prefix}{count}{letter}"

    @staticmethod
    def _pick_year(month: int, day: int | None, dct: date, direction: str | None) -> int:
        """The year that puts month(/day) nearest the DCT on the side the tense points to (past by default)."""
        target = (month, day or 1)
        here = (dct.month, dct.day if day else 1)
        if direction == FUTURE:
            return dct.year if target >= here else dct.year + 1
        if direction == PAST:
            return dct.year if target <= here else dct.year - 1
        # No tense to go by (a noun, "the April summit"; a deadline, "until Nov. 9"): the nearest one. A cap on
        # future readings (news mostly reports the past) cost more than it saved: "the April summit" announced
        # in December is the coming April.
        here = dct if day else dct.replace(day=1)
        past = next(y for y in (dct.year, dct.year - 1) if date(y, month, min(day or 1, 28)) <= here)
        future = past + 1
        ahead = (date(future, month, min(day or 1, 28)) - here).days
        behind = (here - date(past, month, min(day or 1, 28))).days
        return future if ahead < behind else past

    @staticmethod
    def _weekday_near(dct: date, weekday: int, relation: str | None, direction: str | None) -> date:
        delta = weekday - dct.isoweekday()
        if relation == "this" and direction is None:
            return dct + timedelta(days=delta)
        if relation == "last":
            return dct - timedelta(days=(-delta) % 7 or 7)
        if relation == "next":
            return dct + timedelta(days=delta % 7 or 7)
        if direction == FUTURE:
            return dct + timedelta(days=delta % 7)
        return dct - timedelta(days=(-delta) % 7)

    def _part(self, parts: dict) -> str:
        return f"T{self.lex.parts_of_day[parts['part'].lower()]}" if parts.get("part") else ""

    def _month_number(self, parts: dict) -> int:
        return self.lex.months[parts["monthname"].lower().rstrip(".")]

    # --- absolute dates --------------------------------------------------------------------------------------

    def _iso_date(self, parts, dct, direction, refs):
        return self._calendar(int(parts["year"]), int(parts["month"]), int(parts["day"]), "iso_date")

    @staticmethod
    def _calendar(year: int, month: int, day: int, rule: str, anchor: str = "absolute") -> Resolution:
        try:
            return Resolution(date(year, month, day).isoformat(), "DATE", False, anchor, rule)
        except ValueError:
            return Resolution(None, "DATE", False, "none", f"{rule}:invalid-date")

    def _month_day(self, parts, dct, direction, refs):
        if parts.get("quant"):
            return self._set_month_day(parts, dct, direction, refs)
        if parts.get("mod"):
            return self._month_day_of_year(parts, dct, direction, refs)
        month, day = self._month_number(parts), int(parts["day"])
        if parts.get("year"):
            resolved = self._calendar(int(parts["year"]), month, day, "month_day")
        elif self._in_narrative_year(refs, dct):
            resolved = self._calendar(refs.year, month, day, "month_day:narrative-year", refs.period_from)
        elif self._narrative_day_year(month, day, refs, dct):
            year = self._narrative_day_year(month, day, refs, dct)
            resolved = self._calendar(year, month, day, "month_day:narrative-day", refs.day_from)
        elif dct is None:
            return self._underspecified(f"XXXX-{month:02d}-{day:02d}", "month_day")
        else:
            year = self._pick_year(month, day, dct, direction)
            resolved = self._calendar(year, month, day, f"month_day:{direction or NEAREST}", "dct")
        if parts.get("day2") and resolved.value:
            last = self._calendar(int(resolved.value[:4]), month, int(parts["day2"]), resolved.resolved_by)
            if last.value and last.value > resolved.value:
                return Resolution(f"{resolved.value}/{last.value}", "DATE", False, resolved.anchor, resolved.resolved_by + ":range")
        return resolved

    _day_month = _month_day

    @staticmethod
    def _narrative_day_year(month: int, day: int, refs: References, dct: date | None) -> int | None:
        """The year of the story's last day when a day named without a year lies within a month of it and that
        day is more than a year from the DCT: after "February 18 – 22, 1971", "the night of February 19" is
        1971. None otherwise (the DCT decides)."""
        if refs.unit != "D" or refs.day is None or (dct is not None and abs((refs.day - dct).days) <= 366):
            return None
        try:
            candidate = date(refs.day.year, month, day)
        except ValueError:
            return None
        return refs.day.year if abs((candidate - refs.day).days) <= 31 else None

    def _part_of_date(self, parts, dct, direction, refs):
        """ "the night of February 19", "the early morning of April 15": that day with a part of day (TIME)."""
        resolved = self._month_day(parts, dct, direction, refs)
        if not resolved.value:
            return replace(resolved, type="TIME")
        return replace(resolved, value=resolved.value + self._part(parts), type="TIME", resolved_by="part_of_date")

    def _month_day_of_year(self, parts, dct, direction, refs):
        """ "January 20th of this year", "May 3 of the previous year": the year the phrase names, then the day."""
        month = self._month_of_year(parts, dct, direction, refs)
        if not month.value:
            return month
        return self._calendar(int(month.value[:4]), int(month.value[5:7]), int(parts["day"]), "month_day_of_year", month.anchor)

    def _holiday_day(self, name: str, year: int) -> tuple[int, int]:
        """(month, day) of a holiday in ``year``: fixed ones from the lexicon, and those named by a weekday of a month
        (Thanksgiving, the fourth Thursday of November; Black Friday, the day after) counted out for that year."""
        if name in self.lex.holidays:
            month, day = (int(x) for x in self.lex.holidays[name].split("-"))
            return month, day
        month, weekday, nth, after = self.lex.floating_holidays[name]
        if nth > 0:
            first = date(year, month, 1)
            day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        else:
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
            day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
        day += timedelta(days=after)
        return day.month, day.day

    def _holiday(self, parts, dct, direction, refs):
        name = " ".join(parts["holiday"].lower().replace("’", "'").split())
        if name in self.lex.floating_holidays:
            return self._floating_holiday(name, parts, dct, direction)
        month, day = self._holiday_day(name, 2000)
        if parts.get("year"):
            return self._calendar(int(parts["year"]), month, day, "holiday")
        if dct is None:
            return self._underspecified(f"XXXX-{month:02d}-{day:02d}", "holiday")
        return self._calendar(self._pick_year(month, day, dct, direction), month, day, f"holiday:{direction or NEAREST}", "dct")

    def _floating_holiday(self, name: str, parts: dict, dct: date | None, direction: str | None) -> Resolution:
        """A holiday whose date moves: the year decides the day, so pick the year first (by the tense, as for a
        fixed date), then count the day out in it."""
        if parts.get("year"):
            return self._calendar(int(parts["year"]), *self._holiday_day(name, int(parts["year"])), "holiday")
        if dct is None:
            return self._underspecified(f"XXXX-{self._holiday_day(name, 2000)[0]:02d}", "holiday")
        month, day = self._holiday_day(name, dct.year)
        year = self._pick_year(month, day, dct, direction)
        return self._calendar(year, *self._holiday_day(name, year), f"holiday:{direction or NEAREST}", "dct")

    def _month_year(self, parts, dct, direction, refs):
        return Resolution(f"{int(parts['year'])}-{self._month_number(parts):02d}", "DATE", False, "absolute", "month_year")

    def _month(self, parts, dct, direction, refs):
        month = self._month_number(parts)
        if parts.get("before") == "that" and refs.month:  # "That September": the first one after the story's last date
            year = refs.month[0] if month >= refs.month[1] else refs.month[0] + 1
            return Resolution(f"{year}-{month:02d}", "DATE", False, refs.period_from, "month:anaphoric")
        if self._in_narrative_year(refs, dct):  # "In the 2016 election ... until June": June 2016
            return Resolution(f"{refs.year}-{month:02d}", "DATE", False, refs.period_from, "month:narrative-year")
        if dct is None:
            return self._underspecified(f"XXXX-{month:02d}", "month")
        return self._dated(f"{self._pick_year(month, None, dct, direction)}-{month:02d}", f"month:{direction or NEAREST}")

    def _month_mod(self, parts, dct, direction, refs):
        if dct is None:
            return self._no_dct("month_mod")
        month, relation = self._month_number(parts), self._relation(parts["mod"])
        if relation == "last":
            year = dct.year if month < dct.month else dct.year - 1
        elif relation == "next":
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = dct.year
        return self._dated(f"{year}-{month:02d}", f"month_mod:{relation}")

    def _month_of_year(self, parts, dct, direction, refs):
        month, mod = self._month_number(parts), " ".join(parts["mod"].lower().split())
        step = self.lex.anaphoric_determiners.get(mod) if mod.startswith("the ") and mod != "the same" else None
        if mod in ("that", "the same") or (step and refs.year):  # "March of the previous year": the story's year - 1
            if refs.year is None:
                return Resolution(None, "DATE", False, "none", "month_of_year:no-reference")
            return Resolution(f"{refs.year + (step or 0)}-{month:02d}", "DATE", False, refs.period_from, "month_of_year:anaphoric")
        if step:
            mod = "last" if step < 0 else "next"
        if dct is None:
            return self._no_dct("month_of_year")
        year = dct.year + {"this": 0, "last": -1, "next": 1}[self._relation(mod) or "this"]
        return self._dated(f"{year}-{month:02d}", f"month_of_year:{mod}")

    def _year(self, parts, dct, direction, refs):
        return Resolution(parts["year"], "DATE", False, "absolute", "year")

    def _year_range(self, parts, dct, direction, refs):
        first, second = parts["year"], parts["year2"]
        if len(second) == 2:
            second = first[:2] + second
        if int(second) <= int(first):
            return Resolution(None, "DATE", False, "none", "year_range:not-a-range")
        return Resolution(f"{first}/{second}", "DATE", False, "absolute", "year_range")

    def _decade(self, parts, dct, direction, refs):
        if parts.get("decade"):
            return Resolution(parts["decade"], "DATE", False, "absolute", "decade")
        digit = int(parts["decade2"])
        if dct is None:
            return Resolution(f"19{digit}", "DATE", True, "none", "decade:century-assumed")
        century = dct.year // 100 if (dct.year // 100) * 100 + digit * 10 <= dct.year else dct.year // 100 - 1
        return self._dated(f"{century}{digit}", "decade:short")

    def _century(self, parts, dct, direction, refs):
        return Resolution(f"{int(parts['century']) - 1:02d}", "DATE", False, "absolute", "century")

    def _quarter(self, parts, dct, direction, refs):
        quarter = int(parts["qdigit"]) if parts.get("qdigit") else self.lex.ordinals[parts["quarter"].lower()]
        return self._part_of_year("Q", quarter, 4, parts, dct, direction, refs, "quarter")

    def _half(self, parts, dct, direction, refs):
        half = int(parts["hdigit"]) if parts.get("hdigit") else self.lex.halves[parts["half"].lower()]
        return self._part_of_year("H", half, 2, parts, dct, direction, refs, "half")

    def _part_of_year(self, letter: str, n: int, per_year: int, parts: dict, dct, direction, refs, rule: str) -> Resolution:
        """Quarters (2024-Q1) and halves (2024-H2), fiscal ones with TimeML's FY prefix (FY2024-Q1); a bare "the
        third quarter" is the nearest one on the side the tense points to (past by default, as results are)."""
        fiscal_digits = parts.get("fyear") or parts.get("fyear2")
        fiscal = "FY" if fiscal_digits or parts.get("fiscal") or parts.get("fiscal2") else ""
        if fiscal_digits:
            return Resolution(f"FY{self._full_year(fiscal_digits, dct)}-{letter}{n}", "DATE", False, "absolute", f"{rule}:fiscal")
        if parts.get("year") or parts.get("year2"):
            return Resolution(f"{parts.get('year') or parts['year2']}-{letter}{n}", "DATE", False, "absolute", rule)
        mod = " ".join((parts.get("mod") or "").lower().split())
        if mod == "the same" and refs.year:
            return Resolution(f"{fiscal}{refs.year}-{letter}{n}", "DATE", False, refs.period_from, f"{rule}:anaphoric")
        if dct is None:
            return self._underspecified(f"{fiscal}XXXX-{letter}{n}", rule)
        relation = self._relation(mod) or ("this" if mod == "the same" else None)
        if relation:
            year = dct.year + {"this": 0, "last": -1, "next": 1}[relation]
        else:
            current = (dct.month - 1) * per_year // 12 + 1
            if direction == FUTURE:
                year = dct.year if n >= current else dct.year + 1
            else:
                year = dct.year if n <= current else dct.year - 1
        return self._dated(f"{fiscal}{year}-{letter}{n}", f"{rule}:{relation or direction or PAST}")

    def _fiscal_year(self, parts, dct, direction, refs):
        return Resolution(f"FY{self._full_year(parts['fyear'], dct)}", "DATE", False, "absolute", "fiscal_year")

    def _spelled_year(self, parts, dct, direction, refs):
        year = spelled_year_value(parts["spelled"], self.lex)
        if year is None:
            return Resolution(None, "DATE", False, "none", "spelled_year:not-a-year")
        return Resolution(str(year), "DATE", False, "absolute", "spelled_year")

    def _month_day_year_mod(self, parts, dct, direction, refs):
        if dct is None:
            return self._no_dct("month_day_year_mod")
        relation = self._relation(parts["mod"]) or "this"
        year = dct.year + {"this": 0, "last": -1, "next": 1}[relation]
        return self._calendar(year, self._month_number(parts), int(parts["day"]), f"month_day_year_mod:{relation}", "dct")

    def _season(self, parts, dct, direction, refs):
        code = self.lex.seasons[parts["season"].lower()]
        if parts.get("year"):
            return Resolution(f"{parts['year']}-{code}", "DATE", False, "absolute", "season")
        if dct is None:
            return self._underspecified(f"XXXX-{code}", "season")
        start = self.lex.season_start_months[code]
        relation = self._relation(parts.get("mod"))
        if relation == "last" or (relation is None and direction != FUTURE):
            year = dct.year if start <= dct.month - 3 or (relation is None and start <= dct.month) else dct.year - 1
        elif relation == "next" or direction == FUTURE:
            year = dct.year if start > dct.month else dct.year + 1
        else:
            year = dct.year
        return self._dated(f"{year}-{code}", f"season:{relation or direction or PAST}")

    # --- relative to the DCT ----------------------------------------------------------------------------------

    def _relative_period(self, parts, dct, direction, refs):
        unit = self.lex.units[parts["unit"].lower()]
        relation = self._relation(parts["mod"])
        mod = parts["mod"].lower()
        if mod in ("following", "previous", "preceding"):
            return self._anaphoric({"anaphor": f"the {mod}", "anaunit": parts["unit"]}, dct, direction, refs)
        stretch = parts.get("before") in _STRETCH_PREPOSITIONS  # "over the next week" is a length of time
        if parts.get("det") and relation == "next" and not stretch:
            return self._anaphoric({"anaphor": "the next", "anaunit": parts["unit"]}, dct, direction, refs)
        if parts.get("det") and relation in ("last", "next") or unit == "F":
            return Resolution(self._duration_code(1, unit), "DURATION", False, "none", "relative_period:duration")
        if dct is None:
            return self._no_dct("relative_period")
        return self._dated(self._period(unit, relation or "this", dct, direction), f"relative_period:{relation or 'this'}")

    def _partial_relative(self, parts, dct, direction, refs):
        mod = "this" if parts["mod"].lower() == "the" else parts["mod"]
        return self._relative_period({"mod": mod, "unit": parts["unit"]}, dct, direction, refs)

    def _relative_weekday(self, parts, dct, direction, refs):
        if dct is None:
            return self._no_dct("relative_weekday")
        relation = self._relation(parts["mod"])
        day = self._weekday_near(dct, self.lex.weekdays[parts["weekday"].lower()], relation, direction)
        suffix = self._part(parts)
        return self._dated(day.isoformat() + suffix, f"relative_weekday:{relation}", "TIME" if suffix else "DATE")

    def _weekday(self, parts, dct, direction, refs):
        weekday, suffix = self.lex.weekdays[parts["weekday"].lower().rstrip(".")], self._part(parts)
        if dct is None:
            return self._underspecified(f"XXXX-WXX-{weekday}{suffix}", "weekday", "TIME" if suffix else "DATE")
        day = self._weekday_near(dct, weekday, None, direction)
        return self._dated(day.isoformat() + suffix, f"weekday:{direction or PAST}", "TIME" if suffix else "DATE")

    def _deictic_day(self, parts, dct, direction, refs):
        word = " ".join(parts["deictic"].lower().split())
        if dct is None:
            return self._no_dct("deictic_day")
        day = dct + timedelta(days=self.lex.deictic_days[word])
        suffix = self._part(parts) or (f"T{self.lex.tonight_part}" if word == "tonight" else "")
        return self._dated(day.isoformat() + suffix, f"deictic_day:{word}", "TIME" if suffix else "DATE")

    def _this_part_of_day(self, parts, dct, direction, refs):
        if dct is None:
            return self._no_dct("this_part_of_day")
        day = dct - timedelta(days=1 if parts["mod"].lower() == "last" else 0)
        return self._dated(day.isoformat() + self._part(parts), "this_part_of_day", "TIME")

    def _shift(self, parts, dct, direction, refs):
        """A point counted from the DCT or the story ("three years ago", "two days later"), with the mod its
        modifier gives ("more than a year ago" BEFORE), and type TIME when counted in hours or minutes."""
        resolved = self._shift_point(parts, dct, direction, refs)
        clock_unit = parts.get("unit") and _unit_code(parts["unit"], self.lex) in ("H", "MI", "S")
        if clock_unit and resolved.value and resolved.value[:4].isdigit():
            resolved = replace(resolved, type="TIME")
        mod = self._shift_mod(parts)
        return replace(resolved, mod=mod) if mod else resolved

    def _shift_mod(self, parts: dict) -> str | None:
        """ "more than"/"over" before a point in the past is BEFORE, before a later one AFTER; "less than" the
        reverse; "about" APPROX; "nearly" nothing (TimeML gives a point no LESS_THAN)."""
        code = self.lex.shift_mods.get(" ".join(parts.get("smod", "").lower().split()), "")
        if code in ("MORE", "LESS"):
            back = parts["shift"].lower() in self.lex.before_words
            return "BEFORE" if back == (code == "MORE") else "AFTER"
        return code or None

    def _shift_point(self, parts, dct, direction, refs):
        word = parts["shift"].lower()
        if word not in self.lex.before_words and word not in self.lex.after_words:
            return Resolution(None, "DATE", False, "none", f"shift:unknown-direction:{word}")
        sign = -1 if word in self.lex.before_words else 1
        unit = _unit_code(parts["unit"], self.lex)
        amount = self._amount(parts)
        if amount is not None and (unit in ("DE", "CE") or not float(amount).is_integer()) and unit in self.lex.half_units:
            # "a year and a half ago": 18 months back; "a decade ago": ten years back, a year as the reader gets it
            unit, per = self.lex.half_units[unit]
            amount *= per
        if word == "ago":
            anchor, anchor_name = dct, "dct"
        else:
            anchor, anchor_name = self._narrative_anchor(unit, refs, dct)
            if anchor is None and dct is not None and sign > 0:
                # "three years later" counts from an earlier event, never from the article's date.
                return Resolution(None, "DATE", False, "none", f"shift:{word}:no-anchor")
        if anchor is None:
            return self._no_dct("shift")
        if amount is None:
            return self._vague_shift_value(unit, sign, anchor, anchor_name)
        if refs.quarter and refs.unit == "Q" and unit in ("Y", "Q") and float(amount).is_integer():
            # "a year ago" / "a year earlier" in a story about the third quarter: the year-ago quarter (TimeBank)
            index = refs.quarter[0] * 4 + refs.quarter[1] - 1 + sign * int(amount) * (4 if unit == "Y" else 1)
            return Resolution(f"{index // 4}-Q{index % 4 + 1}", "DATE", False, refs.period_from, f"shift:{word}:quarter")
        value, approximate = self._shifted(anchor, unit, sign * amount)
        if refs.unit == "M" and unit == "Y" and anchor_name != "dct" and float(amount).is_integer():
            value = f"{anchor.year + sign * int(amount)}-{anchor.month:02d}"  # "March 2019 ... a year earlier": March 2018
        return Resolution(value, "DATE", approximate, anchor_name, f"shift:{word}")

    def _year_shift_adjective(self, parts, dct, direction, refs):
        """ "the year-ago quarter", "year-earlier sales": one unit back from the period the story is about."""
        return self._shift_point({"num": "1", "unit": parts["unit"], "shift": parts["shift"]}, dct, direction, refs)

    @staticmethod
    def _narrative_anchor(unit: str, refs: References, dct: date | None) -> tuple[date | None, str]:
        """What "later"/"earlier" count from: the last date the text settled on, at a granularity the unit can use.
        A coarse unit after a coarse expression ("in 2011 ... three years later") counts from that expression,
        even when an older one named a day."""
        coarse_unit = unit in ("M", "Q", "Y", "DE", "CE")
        if refs.day and not (coarse_unit and refs.last_was_coarser_than_a_day):
            return refs.day, refs.day_from
        if refs.unit == "Q" and refs.quarter and coarse_unit:
            return date(refs.quarter[0], refs.quarter[1] * 3 - 2, 1), refs.period_from
        if refs.unit == "Y" and refs.year and coarse_unit:
            return date(refs.year, 1, 1), refs.period_from
        if unit in ("M", "Q", "Y", "DE", "CE") and refs.month:
            return date(refs.month[0], refs.month[1], 1), refs.period_from
        if unit in ("Y", "DE", "CE") and refs.year:
            return date(refs.year, 1, 1), refs.period_from
        return (None, "none") if refs.year else (dct, "dct")

    def _vague_shift(self, parts, dct, direction, refs):
        return self._shift_point({"vague": "some", "unit": parts["vague_unit"], "shift": parts["shift"]}, dct, direction, refs)

    @staticmethod
    def _vague_shift_value(unit: str, sign: int, anchor: date, anchor_name: str) -> Resolution:
        if unit == "D":  # "days earlier": a few days, taken as one to three
            near, far = anchor + timedelta(days=sign), anchor + timedelta(days=3 * sign)
            low, high = sorted((near, far))
            return Resolution(f"{low.isoformat()}/{high.isoformat()}", "DATE", True, anchor_name, "shift:vague-days")
        return Resolution("PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", True, anchor_name, "shift:vague")

    def _coming_period(self, parts, dct, direction, refs):
        mod = parts["mod"].lower()
        value = "FUTURE_REF" if mod in self.lex.future_modifiers or mod == "next" else "PAST_REF"
        return Resolution(value, "DATE", True, "dct" if dct else "none", f"coming_period:{mod}")

    def _recent_period(self, parts, dct, direction, refs):
        return Resolution("PAST_REF", "DATE", True, "dct" if dct else "none", "recent_period")

    # --- durations and sets -------------------------------------------------------------------------------------

    def _amount(self, parts: dict) -> float | None:
        """The counted amount of a duration: "three" 3, "a year and a half" 1.5, "several" None; a bare unit is one."""
        if parts.get("vague"):
            return None
        amount = _number(parts["num"], self.lex) if parts.get("num") else 1
        return amount + 0.5 if amount is not None and parts.get("halfmore") else amount

    def _span_duration(self, parts, dct, direction, refs):
        amount = self._amount(parts)
        return Resolution(self._duration_code(amount, _unit_code(parts["unit"], self.lex)), "DURATION", False, "none", "span_duration")

    def _duration(self, parts, dct, direction, refs):
        amount = self._amount(parts)
        code = _unit_code(parts["unit"], self.lex)
        return Resolution(self._duration_code(amount, code), "DURATION", amount is None, "none", "duration")

    _det_duration = _duration  # "the three months", "my first 100 days": the determiner changes no value

    def _set_rate(self, parts, dct, direction, refs):
        """ "$800 a month": a rate is a SET of the period, with no quant (TimeML)."""
        return Resolution(self._duration_code(1, _unit_code(parts["unit"], self.lex)), "SET", False, "none", "set_rate")

    def _set_month_day(self, parts, dct, direction, refs):
        """ "December 17 of each year": the same day every year, XXXX-12-17 with quant EACH."""
        value = f"XXXX-{self._month_number(parts):02d}-{int(parts['day']):02d}"
        return Resolution(value, "SET", False, "none", "set_month_day", quant=self.lex.set_quantifiers[parts["quant"].lower()])

    def _bare_duration(self, parts, dct, direction, refs):
        return Resolution(self._duration_code(None, _unit_code(parts["vague_unit"], self.lex)), "DURATION", True, "none", "bare_duration")

    _bare_duration_in = _bare_duration_for = _bare_duration  # "the lowest in years", "for decades"

    def _set(self, parts, dct, direction, refs):
        """ "every Monday" XXXX-WXX-1, "every morning" XXXX-XX-XXTMO, "every other week" P2W; quant EVERY or EACH."""
        quant = self.lex.set_quantifiers[parts["quant"].lower()]
        freq = f"{self.lex.frequency_words[parts['freqword'].lower()]}X" if parts.get("freqword") else None
        if parts.get("weekday"):
            part = f"T{self.lex.parts_of_day[parts['part2'].lower()]}" if parts.get("part2") else ""
            value, rule = f"XXXX-WXX-{self.lex.weekdays[parts['weekday'].lower()]}{part}", "set:weekday"
        elif parts.get("part"):
            value, rule = f"XXXX-XX-XX{self._part(parts)}", "set:part-of-day"
        else:
            amount = (_number(parts["num"], self.lex) if parts.get("num") else 1) * (2 if parts.get("other") else 1)
            value, rule = self._duration_code(amount, _unit_code(parts["unit"], self.lex)), "set"
        return Resolution(value, "SET", False, "none", rule, freq=freq, quant=quant)

    def _set_frequency(self, parts, dct, direction, refs):
        """ "twice a week": P1W with freq 2X; "seven days a week": P1W with freq 7D."""
        value = self._duration_code(1, _unit_code(parts["unit"], self.lex))
        if parts.get("count"):
            count = _fmt_number(_number(parts["count"], self.lex) or 1)
            letter = self._duration_code(1, _unit_code(parts["count_unit"], self.lex))[-1]
            return Resolution(value, "SET", False, "none", "set_frequency:count", freq=f"{count}{letter}")
        times = self.lex.frequency_words[parts["freqword"].lower()] if parts.get("freqword") else _number(parts["times"], self.lex)
        return Resolution(value, "SET", False, "none", "set_frequency", freq=f"{_fmt_number(times or 1)}X")

    def _set_per(self, parts, dct, direction, refs):
        return Resolution(self._duration_code(1, _unit_code(parts["unit"], self.lex)), "SET", False, "none", "set_per")

    def _set_plural_weekday(self, parts, dct, direction, refs):
        return Resolution(f"XXXX-WXX-{self.lex.weekdays[parts['weekday'].lower()]}", "SET", False, "none", "set_plural_weekday")

    def _set_adverb(self, parts, dct, direction, refs):
        return Resolution(self.lex.set_adverbs[parts["setword"].lower()], "SET", False, "none", "set_adverb")

    def _reference(self, parts, dct, direction, refs):
        value = self.lex.reference_words[" ".join(parts["ref"].lower().split())]
        return Resolution(value, "DATE", False, "dct" if dct else "none", "reference")

    _reference_phrase = _reference

    # --- anaphora and clock times ------------------------------------------------------------------------------

    def _anaphoric(self, parts, dct, direction, refs):
        offset = self.lex.anaphoric_determiners[" ".join(parts["anaphor"].lower().split())]
        unit_word = parts["anaunit"].lower()
        if unit_word == "day" and offset == 0 and refs.recurring_day:  # "December 17 of each year ... that day"
            return Resolution(refs.recurring_day, "DATE", False, "none", "anaphoric:recurring-day")
        anchor, anchor_name = (refs.day, refs.day_from) if refs.day else (dct, "dct")
        coarse_last = not refs.day or refs.last_was_coarser_than_a_day
        if unit_word == "year" and refs.year and coarse_last:
            return Resolution(str(refs.year + offset), "DATE", False, refs.period_from, "anaphoric:year")
        if unit_word == "month" and refs.month and coarse_last:
            year, month = add_months(*refs.month, offset)
            return Resolution(f"{year}-{month:02d}", "DATE", False, refs.period_from, "anaphoric:month")
        if anchor is None:
            return self._no_dct("anaphoric")
        if unit_word in self.lex.parts_of_day or unit_word == "day":
            day = anchor + timedelta(days=offset)
            suffix = f"T{self.lex.parts_of_day[unit_word]}" if unit_word in self.lex.parts_of_day else ""
            return Resolution(day.isoformat() + suffix, "TIME" if suffix else "DATE", False, anchor_name, f"anaphoric:{unit_word}")
        unit = self.lex.units[unit_word]
        value, _ = self._shifted(anchor, unit, offset)
        return Resolution(value, "DATE", False, anchor_name, f"anaphoric:{unit_word}")

    def _anaphoric_period(self, parts, dct, direction, refs):
        unit_word = parts["anaunit"].lower()
        if unit_word == "week" and refs.day:
            return Resolution(iso_week(refs.day), "DATE", False, refs.day_from, "anaphoric_period:week")
        if dct is None:
            return self._no_dct("anaphoric_period")
        if unit_word == "weekend":
            saturday = dct - timedelta(days=(dct.isoweekday() - 6) % 7)
            if direction == FUTURE and dct.isoweekday() < 6:
                saturday += timedelta(weeks=1)
            return self._dated(iso_week(saturday) + "-WE", f"anaphoric_period:weekend:{direction or PAST}")
        return self._dated(self._period("W", "this", dct), "anaphoric_period:this-week")

    def _anaphoric_part(self, parts, dct, direction, refs):
        """ "in the morning", "by the evening", "in the late afternoon": that part of the day the text just named
        ("Tomorrow, I will meet them in the morning"). No value when the last expression was not a day, or was
        not in this sentence or the one before: "clients come in the morning" is a habit, not a day."""
        if refs.unit != "D" or refs.day is None or not refs.last_is_near:
            return Resolution(None, "TIME", False, "none", "anaphoric_part:no-day")
        return Resolution(refs.day.isoformat() + self._part(parts), "TIME", False, refs.day_from, "anaphoric_part")

    def _clock_day(self, parts, dct, direction, refs):
        """ "4:53 a.m. Thursday morning", "2053 Wednesday night, UTC": the clock time on that weekday."""
        hour, minute = int(parts["hour"]), int(parts.get("minute") or 0)
        if parts.get("ampm"):
            hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
        weekday = self.lex.weekdays[parts["weekday"].lower().rstrip(".")]
        if dct is None:
            return self._underspecified(f"XXXX-WXX-{weekday}T{hour:02d}:{minute:02d}", "clock_day", "TIME")
        day = self._weekday_near(dct, weekday, None, direction)
        return self._dated(f"{day.isoformat()}T{hour:02d}:{minute:02d}", f"clock_day:{direction or PAST}", "TIME")

    def _clock_value(self, hour: int, minute: int, refs: References, dct: date | None, rule: str) -> Resolution:
        anchor, anchor_name = (refs.day, refs.day_from) if refs.day else (dct, "dct")
        if anchor is None:
            return self._no_dct(rule, "TIME")
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return Resolution(None, "TIME", False, "none", f"{rule}:invalid-time")
        return Resolution(f"{anchor.isoformat()}T{hour:02d}:{minute:02d}", "TIME", False, anchor_name, rule)

    def _clock(self, parts, dct, direction, refs):
        if parts.get("weekday"):
            return self._clock_day(parts, dct, direction, refs)
        hour = int(parts["hour"]) % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
        return self._clock_value(hour, int(parts.get("minute") or 0), refs, dct, "clock")

    def _clock24(self, parts, dct, direction, refs):
        return self._clock_value(int(parts["hour"]), int(parts["minute"]), refs, dct, "clock24")

    def _clock_military(self, parts, dct, direction, refs):
        return self._clock_value(int(parts["hour"]), int(parts["minute"]), refs, dct, "clock_military")

    def _special_time(self, parts, dct, direction, refs):
        hour, minute = (int(x) for x in self.lex.special_times[parts["special"].lower()].split(":"))
        return self._clock_value(hour, minute, refs, dct, "special_time")
