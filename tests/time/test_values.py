from __future__ import annotations

from datetime import date

import pytest

from harbinger.time.values import calendar_day


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
