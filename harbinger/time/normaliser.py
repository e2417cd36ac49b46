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

from dataclasses import dataclass
from datetime import date, timedelta

from harbinger.time.grammar import Parsed
from harbinger.time.lexicon import Lexicon, load_lexicon

PAST, FUTURE = "past", "future"
NEAREST = "nearest"  # how month names resolve when the tense says nothing
NEAR_FUTURE_DAYS = 90
_STRETCH_PREPOSITIONS = frozenset({"over", "for", "within", "during", "throughout", "in"})


@dataclass(frozen=True)
class Resolution:
    value: str | None
    type: str  # DATE | TIME | DURATION | SET
    approximate: bool
    anchor: str  # "dct", "absolute", "timex@<offset>" or "none"
    resolved_by: str


@dataclass
class References:
    """The latest dates earlier expressions in a document settled on, for anaphora such as "that day"."""

    day: date | None = None
    day_from: str = "dct"
    month: tuple[int, int] | None = None
    year: int | None = None
    period_from: str = "dct"

    def remember(self, value: str | None, kind: str, source: str) -> None:
        if kind not in ("DATE", "TIME") or not value or not value[:4].isdigit():
            return
        head = value.split("T")[0].split("/")[0]
        pieces = head.split("-")
        try:
            if len(pieces) == 3 and pieces[1].isdigit():
                self.day, self.day_from = date(int(pieces[0]), int(pieces[1]), int(pieces[2])), source
            if len(pieces) >= 2 and pieces[1].isdigit():
                self.month = (int(pieces[0]), int(pieces[1]))
            self.year = int(pieces[0])
            self.period_from = source
        except ValueError:
            return


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
        return handler(parsed.parts, dct, direction, refs)

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

    def _period(self, unit: str, relation: str, dct: date, direction: str | None = None) -> str | None:
        """The value of this/last/next <unit> seen from the DCT."""
        step = {"this": 0, "last": -1, "next": 1}[relation]
        if unit in ("W", "WE", "F"):
            monday = dct - timedelta(days=dct.weekday())
            if dct.isoweekday() == 7:  # Sunday: "this/next week" is the one starting tomorrow, "last week" the one ending
                step = {"this": 0 if direction == PAST else 1, "next": 1, "last": 0}[relation]
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
        # No tense to go by: the nearest, but a future reading only when it is close (news reports the past).
        here = dct if day else dct.replace(day=1)
        past = next(y for y in (dct.year, dct.year - 1) if date(y, month, min(day or 1, 28)) <= here)
        future = past + 1
        ahead = (date(future, month, min(day or 1, 28)) - here).days
        behind = (here - date(past, month, min(day or 1, 28))).days
        return future if ahead < min(behind, NEAR_FUTURE_DAYS) else past

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
        month, day = self._month_number(parts), int(parts["day"])
        if parts.get("year"):
            resolved = self._calendar(int(parts["year"]), month, day, "month_day")
        elif dct is None:
            return self._no_dct("month_day")
        else:
            year = self._pick_year(month, day, dct, direction)
            resolved = self._calendar(year, month, day, f"month_day:{direction or NEAREST}", "dct")
        if parts.get("day2") and resolved.value:
            last = self._calendar(int(resolved.value[:4]), month, int(parts["day2"]), resolved.resolved_by)
            if last.value and last.value > resolved.value:
                return Resolution(f"{resolved.value}/{last.value}", "DATE", False, resolved.anchor, resolved.resolved_by + ":range")
        return resolved

    _day_month = _month_day

    def _holiday(self, parts, dct, direction, refs):
        month, day = (int(x) for x in self.lex.holidays[" ".join(parts["holiday"].lower().split())].split("-"))
        if parts.get("year"):
            return self._calendar(int(parts["year"]), month, day, "holiday")
        if dct is None:
            return self._no_dct("holiday")
        return self._calendar(self._pick_year(month, day, dct, direction), month, day, f"holiday:{direction or NEAREST}", "dct")

    def _month_year(self, parts, dct, direction, refs):
        return Resolution(f"{int(parts['year'])}-{self._month_number(parts):02d}", "DATE", False, "absolute", "month_year")

    def _month(self, parts, dct, direction, refs):
        month = self._month_number(parts)
        if parts.get("before") == "that" and refs.month:  # "That September": the first one after the story's last date
            year = refs.month[0] if month >= refs.month[1] else refs.month[0] + 1
            return Resolution(f"{year}-{month:02d}", "DATE", False, refs.period_from, "month:anaphoric")
        if dct is None:
            return self._no_dct("month")
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
        if mod in ("that", "the same"):
            if refs.year is None:
                return Resolution(None, "DATE", False, "none", "month_of_year:no-reference")
            return Resolution(f"{refs.year}-{month:02d}", "DATE", False, refs.period_from, "month_of_year:anaphoric")
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
        quarter = self.lex.ordinals[parts["quarter"].lower()]
        if parts.get("year"):
            return Resolution(f"{parts['year']}-Q{quarter}", "DATE", False, "absolute", "quarter")
        if dct is None:
            return self._no_dct("quarter")
        relation = self._relation(parts.get("mod"))
        if relation:
            year = dct.year + {"this": 0, "last": -1, "next": 1}[relation]
        else:
            current = (dct.month - 1) // 3 + 1
            if direction == FUTURE:
                year = dct.year if quarter >= current else dct.year + 1
            else:
                year = dct.year if quarter <= current else dct.year - 1
        return self._dated(f"{year}-Q{quarter}", "quarter:relative")

    def _season(self, parts, dct, direction, refs):
        code = self.lex.seasons[parts["season"].lower()]
        if parts.get("year"):
            return Resolution(f"{parts['year']}-{code}", "DATE", False, "absolute", "season")
        if dct is None:
            return self._no_dct("season")
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
        if dct is None:
            return self._no_dct("weekday")
        day = self._weekday_near(dct, self.lex.weekdays[parts["weekday"].lower().rstrip(".")], None, direction)
        suffix = self._part(parts)
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
        word = parts["shift"].lower()
        if word not in self.lex.before_words and word not in self.lex.after_words:
            return Resolution(None, "DATE", False, "none", f"shift:unknown-direction:{word}")
        sign = -1 if word in self.lex.before_words else 1
        unit = _unit_code(parts["unit"], self.lex)
        amount = None if parts.get("vague") else _number(parts["num"], self.lex)
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
        value, approximate = self._shifted(anchor, unit, sign * amount)
        return Resolution(value, "DATE", approximate, anchor_name, f"shift:{word}")

    @staticmethod
    def _narrative_anchor(unit: str, refs: References, dct: date | None) -> tuple[date | None, str]:
        """What "later"/"earlier" count from: the last date the text settled on, at a granularity the unit can use."""
        if refs.day:
            return refs.day, refs.day_from
        if unit in ("M", "Q", "Y", "DE", "CE") and refs.month:
            return date(refs.month[0], refs.month[1], 1), refs.period_from
        if unit in ("Y", "DE", "CE") and refs.year:
            return date(refs.year, 1, 1), refs.period_from
        return (None, "none") if refs.year else (dct, "dct")

    def _vague_shift(self, parts, dct, direction, refs):
        return self._shift({"vague": "some", "unit": parts["vague_unit"], "shift": parts["shift"]}, dct, direction, refs)

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

    def _span_duration(self, parts, dct, direction, refs):
        amount = None if parts.get("vague") else _number(parts["num"], self.lex)
        return Resolution(self._duration_code(amount, _unit_code(parts["unit"], self.lex)), "DURATION", False, "none", "span_duration")

    def _duration(self, parts, dct, direction, refs):
        amount = None if parts.get("vague") else _number(parts["num"], self.lex)
        code = _unit_code(parts["unit"], self.lex)
        return Resolution(self._duration_code(amount, code), "DURATION", amount is None, "none", "duration")

    def _bare_duration(self, parts, dct, direction, refs):
        return Resolution(self._duration_code(None, _unit_code(parts["vague_unit"], self.lex)), "DURATION", True, "none", "bare_duration")

    def _set(self, parts, dct, direction, refs):
        if parts.get("weekday"):
            return Resolution(f"XXXX-WXX-{self.lex.weekdays[parts['weekday'].lower()]}", "SET", False, "none", "set:weekday")
        amount = _number(parts["num"], self.lex) if parts.get("num") else 1
        return Resolution(self._duration_code(amount, _unit_code(parts["unit"], self.lex)), "SET", False, "none", "set")

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
        anchor, anchor_name = (refs.day, refs.day_from) if refs.day else (dct, "dct")
        if unit_word == "year" and refs.year and not refs.day:
            return Resolution(str(refs.year + offset), "DATE", False, refs.period_from, "anaphoric:year")
        if unit_word == "month" and refs.month and not refs.day:
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

    def _clock_value(self, hour: int, minute: int, refs: References, dct: date | None, rule: str) -> Resolution:
        anchor, anchor_name = (refs.day, refs.day_from) if refs.day else (dct, "dct")
        if anchor is None:
            return self._no_dct(rule, "TIME")
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return Resolution(None, "TIME", False, "none", f"{rule}:invalid-time")
        return Resolution(f"{anchor.isoformat()}T{hour:02d}:{minute:02d}", "TIME", False, anchor_name, rule)

    def _clock(self, parts, dct, direction, refs):
        hour = int(parts["hour"]) % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
        return self._clock_value(hour, int(parts.get("minute") or 0), refs, dct, "clock")

    def _clock24(self, parts, dct, direction, refs):
        return self._clock_value(int(parts["hour"]), int(parts["minute"]), refs, dct, "clock24")

    def _clock_military(self, parts, dct, direction, refs):
        return self._clock_value(int(parts["hour"]), int(parts["minute"]), refs, dct, "clock_military")

    def _special_time(self, parts, dct, direction, refs):
        hour, minute = (int(x) for x in self.lex.special_times[parts["special"].lower()].split(":"))
        return self._clock_value(hour, minute, refs, dct, "special_time")
