"""Calendar days from TIMEX3-style values: how the time stage dates events, and how exporters read a value back.

"2022-01-10" is that day, "2022-W02" its Monday, "2021-12" the 1st, "2021"
1 January, "a/b" the first day of ``a``; "PAST_REF", "2022-02-30" and other
values that name no calendar day give None.

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
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def calendar_day(value: str) -> tuple[date, str] | None:
    """The first calendar day a value covers and its precision (day, interval, week, month, year)."""
    head = value.split("/", 1)[0].strip()
    try:
        if match := _DAY.match(head):
            return date(*map(int, match.groups())), "interval" if "/" in value else "day"
        if match := _WEEK.match(head):
            return date.fromisocalendar(int(match[1]), int(match[2]), 1), "week"
        if match := _MONTH.match(head):
            return date(int(match[1]), int(match[2]), 1), "month"
        if match := _YEAR.match(head):
            return date(int(match[1]), 1, 1), "year"
    except ValueError:  # "2022-02-30", week 54: not a calendar day
        return None
    return None


# How far before its story's date an event's date may start and still count as news there: a year and a
# day. "In 1968" is history; so is "last year" in a January story (a span starting over a year back: no
# series can place it), while "last year" in a December story is news.
HISTORY_DAYS = 366
PRECISIONS = ("day", "week", "month", "year", "unknown")
TIMINGS = ("current", "historical", "future")


def calendar_span(value: str) -> tuple[date, date, str] | None:
    """The first and last calendar day a value covers, and its precision: day, week, month or year."""
    found = calendar_day(value)
    if found is None:
        return None
    first, kind = found
    if kind == "day":
        return first, first, "day"
    if kind == "week":
        return first, first + timedelta(days=6), "week"
    if kind == "month":
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1), "month"
    if kind == "year":
        return first, date(first.year, 12, 31), "year"
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
