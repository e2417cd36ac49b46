"""The normaliser: values against the DCT, week and month arithmetic across year ends, tense, and no DCT."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.time.grammar import scan
from harbinger.time.normaliser import FUTURE, PAST, Normaliser, References


@pytest.fixture(scope="module")
def normaliser():
    return Normaliser()


def resolve(normaliser, phrase: str, dct: str | None, direction: str | None = None, refs: References | None = None):
    found = scan(phrase)  # a phrase may carry its preposition ("in March"): the one expression inside it
    assert len(found) == 1, f"the grammar does not read {phrase!r} as one expression"
    (parsed,) = found
    return normaliser.resolve(parsed, date.fromisoformat(dct) if dct else None, direction, refs)


# The seed article (DCT Sunday 2022-01-09): each expression with the direction its verb gives.
@pytest.mark.parametrize(
    "phrase, direction, expected",
    [
        ("Sunday", PAST, "2022-01-09"),
        ("this week", FUTURE, "2022-W02"),
        ("last month", PAST, "2021-12"),
        ("this week", None, "2022-W02"),
        ("next week", FUTURE, "2022-W02"),
        ("Monday", FUTURE, "2022-01-10"),
    ],
)
def test_normaliser_seed_expressions(normaliser, phrase, direction, expected):
    assert resolve(normaliser, phrase, "2022-01-09", direction).value == expected


def test_normaliser_days_earlier_is_an_approximate_interval(normaliser):
    refs = References()
    refs.remember("2022-01-09", "DATE", "timex@69")
    result = resolve(normaliser, "Days earlier", "2022-01-09", None, refs)
    assert (result.value, result.approximate, result.anchor) == ("2022-01-06/2022-01-08", True, "timex@69")


@pytest.mark.parametrize(
    "phrase, dct, expected",
    [
        ("last week", "2022-01-05", "2021-W52"),
        ("next week", "2020-12-30", "2021-W01"),
        ("this week", "2021-01-01", "2020-W53"),
        ("last week", "2021-01-06", "2020-W53"),
        ("last month", "2022-01-20", "2021-12"),
        ("next month", "2021-12-20", "2022-01"),
        ("two months ago", "2022-02-09", "2021-12"),
        ("three days ago", "2022-01-02", "2021-12-30"),
        ("two weeks ago", "2022-01-12", "2021-W52"),
        ("yesterday", "2022-01-01", "2021-12-31"),
        ("tomorrow", "2021-12-31", "2022-01-01"),
        ("last year", "2022-01-01", "2021"),
        ("next year", "2021-12-31", "2022"),
        ("two years ago", "2022-01-09", "2020"),
        ("last December", "2022-01-09", "2021-12"),
        ("next January", "2021-12-09", "2022-01"),
        ("the fourth quarter", "2022-01-09", "2021-Q4"),
    ],
)
def test_normaliser_arithmetic_across_year_ends(normaliser, phrase, dct, expected):
    assert resolve(normaliser, phrase, dct).value == expected


@pytest.mark.parametrize(
    "phrase, direction, expected",
    [
        ("Monday", PAST, "2022-01-03"),
        ("Monday", FUTURE, "2022-01-10"),
        ("Monday", None, "2022-01-03"),  # news reports: no tense means the past, not the next Monday
        ("Saturday", None, "2022-01-08"),
        ("Sunday", FUTURE, "2022-01-09"),
        ("last Monday", FUTURE, "2022-01-03"),
        ("next Monday", PAST, "2022-01-10"),
        ("Friday morning", PAST, "2022-01-07TMO"),
    ],
)
def test_normaliser_weekday_follows_tense_not_the_future(normaliser, phrase, direction, expected):
    assert resolve(normaliser, phrase, "2022-01-09", direction).value == expected


@pytest.mark.parametrize(
    "phrase, direction, expected",
    [
        ("in March", PAST, "2021-03"),
        ("in March", FUTURE, "2022-03"),
        ("Jan. 10", PAST, "2021-01-10"),
        ("Jan. 10", FUTURE, "2022-01-10"),
        ("December 20", None, "2021-12-20"),  # no tense: the nearest
        ("February 2", None, "2022-02-02"),
        ("Christmas", PAST, "2021-12-25"),
    ],
)
def test_normaliser_month_names_follow_tense(normaliser, phrase, direction, expected):
    assert resolve(normaliser, phrase, "2022-01-09", direction).value == expected


def test_normaliser_sunday_past_tense_this_week_is_the_week_ending(normaliser):
    assert resolve(normaliser, "this week", "2019-09-29", PAST).value == "2019-W39"


@pytest.mark.parametrize(
    "phrase, expected, kind",
    [
        ("January 10, 2022", "2022-01-10", "DATE"),
        ("10 January 2022", "2022-01-10", "DATE"),
        ("March 2019", "2019-03", "DATE"),
        ("mid-January 2020", "2020-01", "DATE"),
        ("2014", "2014", "DATE"),
        ("the 1990s", "199", "DATE"),
        ("the 21st century", "20", "DATE"),
        ("2019–20", "2019/2020", "DATE"),
        ("September 25–27", "2021-09-25/2021-09-27", "DATE"),
        ("the third quarter of 2020", "2020-Q3", "DATE"),
        ("three days", "P3D", "DURATION"),
        ("two-day", "P2D", "DURATION"),
        ("several hours", "PTXH", "DURATION"),
        ("18 months", "P18M", "DURATION"),
        ("the past two weeks", "P2W", "DURATION"),
        ("every Monday", "XXXX-WXX-1", "SET"),
        ("every week", "P1W", "SET"),
        ("annually", "P1Y", "SET"),
        ("now", "PRESENT_REF", "DATE"),
        ("recently", "PAST_REF", "DATE"),
        ("recent years", "PAST_REF", "DATE"),
        ("the coming weeks", "FUTURE_REF", "DATE"),
        ("last night", "2022-01-08TNI", "TIME"),
        ("3:30 p.m.", "2022-01-09T15:30", "TIME"),
        ("1700 UTC", "2022-01-09T17:00", "TIME"),
    ],
)
def test_normaliser_values_and_types(normaliser, phrase, expected, kind):
    result = resolve(normaliser, phrase, "2022-01-09", PAST)
    assert (result.value, result.type) == (expected, kind)


@pytest.mark.parametrize("phrase", ["Sunday", "this week", "last month", "Days earlier", "yesterday", "in March", "two years ago", "3:30 p.m."])
def test_normaliser_without_dct_gives_no_value(normaliser, phrase):
    result = resolve(normaliser, phrase, None)
    assert result.value is None and result.resolved_by.endswith("no-dct")


@pytest.mark.parametrize("phrase, expected", [("January 10, 2022", "2022-01-10"), ("2014", "2014"), ("three days", "P3D")])
def test_normaliser_without_dct_keeps_absolute_values(normaliser, phrase, expected):
    assert resolve(normaliser, phrase, None).value == expected


def test_normaliser_anaphora_follow_the_last_date(normaliser):
    refs = References()
    refs.remember("2018-08-20", "DATE", "timex@10")
    assert resolve(normaliser, "the next day", "2019-12-14", None, refs).value == "2018-08-21"
    assert resolve(normaliser, "a week later", "2019-12-14", None, refs).value == "2018-W35"
    assert resolve(normaliser, "two years ago", "2019-12-14", None, refs).value == "2017"  # "ago" is from the DCT
