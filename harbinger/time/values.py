"""Calendar days from TIMEX3-style values: how the time stage dates events, and how exporters read a value back.

"2022-01-10" is that day, "2022-W02" its Monday, "2021-12" the 1st, "2021"
1 January, "a/b" the first day of ``a``; quarters (2024-Q1), halves
(2024-H2), seasons (2024-SU), weekends (2024-W05-WE), decades (202) and
centuries (20) their first day. An underspecified value is read down to its
last known unit ("2024-WXX" is 2024, "2024-03-XX" March 2024), a fiscal year
(and a fiscal quarter or half) as its nominal year ("FY2024-Q1" is 2024: which
months it covers depends on the government). "PAST_REF", sets and durations ("XXXX-XX-XXTMO", "P1W"),
"XXXX-12-25" and "2022-02-30" name no calendar day and give None.

:func:`calendar_span` adds the last day a value covers and an analyst's
precision (day, week, month, year: an interval takes the smallest of these
that holds it); :func:`timing` says whether a date is news at the story's
date or history (or the future) that series and default exports leave out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_PART_OF_YEAR = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_UNDERSPECIFIED = re.compile(r"^(\d{4})(?:-(\d{2}))?-(?:X|W?X)")  # 2024-WXX, 2024-03-XX, 2024-XX
# The first month and the number of months of each part of a year (TimeML's season codes: winter starts in December).
PARTS_OF_YEAR = {"Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6),
                 "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}  # fmt: skip


def _known_part(value: str) -> str:
    """A value without what does not place it in the calendar: the fiscal prefix, a part of day or a time."""
    head = value.split("/", 1)[0].strip()
    if head.startswith("FY"):  # a fiscal quarter is not the calendar one: only the nominal year is sure
        return head[2:6]
    if match := _UNDERSPECIFIED.match(head):
        return match[1] + (f"-{match[2]}" if match[2] else "")
    return head


def calendar_day(value: str) -> tuple[date, str] | None:
    """The first calendar day a value covers and its kind (day, interval, week, weekend, month, part, year,
    decade, century)."""
    head = _known_part(value)
    try:
        if match := _DAY.match(head):
            return date(*map(int, match.groups())), "interval" if "/" in value else "day"
        if match := _WEEK.match(head):
            return date.fromisocalendar(int(match[1]), int(match[2]), 1), "week"
        if match := _WEEKEND.match(head):
            return date.fromisocalendar(int(match[1]), int(match[2]), 6), "weekend"
        if match := _MONTH.match(head):
            return date(int(match[1]), int(match[2]), 1), "month"
        if match := _PART_OF_YEAR.match(head):
            return date(int(match[1]), PARTS_OF_YEAR[match[2]][0], 1), match[2]
        if match := _YEAR.match(head):
            return date(int(match[1]), 1, 1), "year"
        if match := _DECADE.match(head):
            return date(int(match[1]) * 10, 1, 1), "decade"
        if match := _CENTURY.match(head):
            return date(int(match[1]) * 100, 1, 1), "century"
    except ValueError:  # "2022-02-30", week 54: not a calendar day
        return None
    return None


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# How far before its story's date an event's date may start and still count as news there: a year and a
# day. "In 1968" is history; so is "last year" in a January story (a span starting over a year back: no
# series can place it), while "last year" in a December story is news.
HISTORY_DAYS = 366
PRECISIONS = ("day", "week", "month", "year", "unknown")
TIMINGS = ("current", "historical", "future")


def calendar_span(value: str) -> tuple[date, date, str] | None:
    """The first and last calendar day a value covers, and its precision: day, week, month or year.

    Precision is the smallest of those units that holds the whole span: a weekend is "week", a quarter, a
    half, a season, a decade or a century "year" (the coarsest unit there is: a decade is not more precise
    than a year, but series and exports have no coarser bucket)."""
    found = calendar_day(value)
    if found is None:
        return None
    first, kind = found
    if kind == "day":
        return first, first, "day"
    if kind == "week":
        return first, first + timedelta(days=6), "week"
    if kind == "weekend":
        return first, first + timedelta(days=1), "week"
    if kind == "month":
        return first, _add_months(first, 1) - timedelta(days=1), "month"
    if kind in PARTS_OF_YEAR:
        return first, _add_months(first, PARTS_OF_YEAR[kind][1]) - timedelta(days=1), "year"
    if kind == "year":
        return first, date(first.year, 12, 31), "year"
    if kind in ("decade", "century"):
        years = 10 if kind == "decade" else 100
        return first, date(first.year + years - 1, 12, 31), "year"
    # an interval "a/b": its last day is b's last (or a's, when b names no day)
    end = calendar_span(value.split("/", 1)[1].strip()) if "/" in value else None
    last = max(end[1], first) if end else first
    length = (last - first).days
    precision = "day" if length == 0 else "week" if length < 7 else "month" if length < 31 else "year"
    return first, last, precision


def timing(first: date | None, dct: date | None, history_days: int = HISTORY_DAYS) -> str:
    """"future" when the event's date starts after the story's date, "historical" when it starts more than
    ``history_days`` before it, else "current" (also when either date is unknown). The first day decides,
    as it is the day series and exports file the event under."""
    if first is None or dct is None:
        return "current"
    if first > dct:
        return "future"
    if first < dct - timedelta(days=history_days):
        return "historical"
    return "current"
