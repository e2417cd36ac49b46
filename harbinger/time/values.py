"""Calendar days from TIMEX3-style values: how the time stage dates events, and how exporters read a value back.

"2022-01-10" is that day, "2022-W02" its Monday, "2021-12" the 1st, "2021"
1 January, "a/b" the first day of ``a``; "PAST_REF", "2022-02-30" and other
values that name no calendar day give None.
"""

from __future__ import annotations

import re
from datetime import date

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
