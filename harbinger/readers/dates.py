"""Turn the date strings found in news exports into document dates, with honest flags.

A record's date is its document creation time (DCT): every relative expression
later resolves against it. A missing or unparseable date is kept as ``None``
with a flag and a warning, never replaced by today's date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

from harbinger.errors import Problem

# One day of slack: a wire story dated "tomorrow" in another time zone is not in the future.
FUTURE_SLACK = timedelta(days=1)
# Years a document date may have. Exports write 0001-01-01 and 9999-12-31 for "no date", and the
# time stage counts years, weeks and days back and forth from a story's date: a thousand
# years of room either side keeps that arithmetic inside what Python's dates can hold.
FIRST_YEAR, LAST_YEAR = 1000, 8999


def parse_date(value: object) -> date | None:
    """Parse an ISO date, ISO timestamp, epoch-free common format or a date object; None if unsure."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    iso = _iso(text)
    if iso is not None:
        return iso
    try:
        # default= without a day would silently invent one; require the parse to be explicit.
        parsed = dateutil_parser.parse(text, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed.year > 1 else None


def check_date(value: object, where: str, today: date) -> tuple[date | None, tuple[str, ...], list[Problem]]:
    """Return the parsed date, the flags to put on the article and the warnings to report."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ("no_date",), [Problem.make("H108", where)]
    day = parse_date(value)
    if day is None:
        return None, ("no_date", "bad_date"), [Problem.make("H109", where, value=value)]
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return None, ("no_date", "bad_date"), [Problem.make("H122", where, value=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)]
    if day > today + FUTURE_SLACK:
        return day, ("future_date",), [Problem.make("H110", where, value=day.isoformat(), today=today.isoformat())]
    return day, (), []


def _iso(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
