from __future__ import annotations

from datetime import date

import pytest

from harbinger.time.values import calendar_day, calendar_span, timing


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-01-10", (date(2022, 1, 10), "day")),
        ("2022-01-10T14:00", (date(2022, 1, 10), "day")),
        ("2022-W02", (date(2022, 1, 10), "week")),
        ("2021-12", (date(2021, 12, 1), "month")),
        ("2021", (date(2021, 1, 1), "year")),
        ("2022-01-06/2022-01-08", (date(2022, 1, 6), "interval")),
        ("PAST_REF", None),
        ("2022-02-30", None),
        ("2020-W54", None),
    ],
)
def test_calendar_day_of_timex_values(value, expected):
    assert calendar_day(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-01-10", (date(2022, 1, 10), date(2022, 1, 10), "day")),
        ("2022-W02", (date(2022, 1, 10), date(2022, 1, 16), "week")),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("2021-12", (date(2021, 12, 1), date(2021, 12, 31), "month")),
        ("2021", (date(2021, 1, 1), date(2021, 12, 31), "year")),
        ("2022-01-06/2022-01-08", (date(2022, 1, 6), date(2022, 1, 8), "week")),
        ("2022-01-06/2022-03", (date(2022, 1, 6), date(2022, 3, 31), "year")),
        ("2022-01-01/2022-01-20", (date(2022, 1, 1), date(2022, 1, 20), "month")),
        ("PAST_REF", None),
        ("2024-Q1", (date(2024, 1, 1), date(2024, 3, 31), "year")),
        ("2024-H2", (date(2024, 7, 1), date(2024, 12, 31), "year")),
        ("2023-WI", (date(2023, 12, 1), date(2024, 2, 29), "year")),
        ("2024-W05-WE", (date(2024, 2, 3), date(2024, 2, 4), "week")),
        ("2022-01-07TNI", (date(2022, 1, 7), date(2022, 1, 7), "day")),
        ("202", (date(2020, 1, 1), date(2029, 12, 31), "year")),
        ("20", (date(2000, 1, 1), date(2099, 12, 31), "year")),
        ("2024-WXX", (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("2024-03-XX", (date(2024, 3, 1), date(2024, 3, 31), "month")),
        ("FY2024", (date(2024, 1, 1), date(2024, 12, 31), "year")),
        ("FY2024-Q1", (date(2024, 1, 1), date(2024, 12, 31), "year")),  # a fiscal quarter: only the year is sure
        ("XXXX-12-25", None),
        ("XXXX-WXX-1", None),
        ("XXXX-XX-XXTMO", None),
        ("P1Y", None),
        ("PXDE", None),
        ("FUTURE_REF", None),
    ],
)
def test_calendar_span_first_last_and_precision(value, expected):
    assert calendar_span(value) == expected


DCT = date(2022, 1, 9)


@pytest.mark.parametrize(
    "first,expected",
    [
        (date(2022, 1, 3), "current"),
        (date(2022, 1, 10), "future"),
        (date(2021, 1, 10), "current"),  # a year back is still news
        (date(2021, 1, 1), "historical"),  # "last year" in a January story starts more than a year back
        (date(1968, 1, 1), "historical"),
        (None, "current"),
    ],
)
def test_timing_against_the_story_date(first, expected):
    assert timing(first, DCT) == expected
    assert timing(first, None) == "current"
