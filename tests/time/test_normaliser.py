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


@pytest.mark.parametrize("phrase", ["this week", "last month", "Days earlier", "yesterday", "two years ago", "3:30 p.m."])
def test_normaliser_without_dct_gives_no_value(normaliser, phrase):
    result = resolve(normaliser, phrase, None)
    assert result.value is None and result.resolved_by.endswith("no-dct")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Sunday", "XXXX-WXX-7"),
        ("Friday night", "XXXX-WXX-5TNI"),
        ("in March", "XXXX-03"),
        ("December 25", "XXXX-12-25"),
        ("Christmas", "XXXX-12-25"),
        ("the third quarter", "XXXX-Q3"),
        ("this summer", "XXXX-SU"),
    ],
)
def test_normaliser_without_dct_underspecifies_calendar_names(normaliser, phrase, expected):
    assert resolve(normaliser, phrase, None).value == expected


@pytest.mark.parametrize("phrase, expected", [("January 10, 2022", "2022-01-10"), ("2014", "2014"), ("three days", "P3D")])
def test_normaliser_without_dct_keeps_absolute_values(normaliser, phrase, expected):
    assert resolve(normaliser, phrase, None).value == expected


def test_normaliser_anaphora_follow_the_last_date(normaliser):
    refs = References()
    refs.remember("2018-08-20", "DATE", "timex@10")
    assert resolve(normaliser, "the next day", "2019-12-14", None, refs).value == "2018-08-21"
    assert resolve(normaliser, "a week later", "2019-12-14", None, refs).value == "2018-W35"
    assert resolve(normaliser, "two years ago", "2019-12-14", None, refs).value == "2017"  # "ago" is from the DCT


# TimeML values (TIMEX3 guidelines 1.2.1, TimeBank usage), seen from a Thursday DCT in the fourth quarter.
@pytest.mark.parametrize(
    "phrase, direction, expected, kind",
    [
        ("the first quarter of 2024", None, "2024-Q1", "DATE"),
        ("fourth-quarter", PAST, "2024-Q4", "DATE"),  # the quarter the DCT is in
        ("the third quarter", FUTURE, "2025-Q3", "DATE"),
        ("Q3 2024", None, "2024-Q3", "DATE"),
        ("2024Q1", None, "2024-Q1", "DATE"),
        ("the second half of this year", None, "2024-H2", "DATE"),
        ("the first half of 2023", None, "2023-H1", "DATE"),
        ("H2 2025", None, "2025-H2", "DATE"),
        ("fiscal 1989's fourth quarter", None, "FY1989-Q4", "DATE"),
        ("the first quarter of fiscal 2024", None, "FY2024-Q1", "DATE"),
        ("fiscal year 2024", None, "FY2024", "DATE"),
        ("FY25", None, "FY2025", "DATE"),
        ("in nineteen ninety-one", None, "1991", "DATE"),
        ("since two thousand and nine", None, "2009", "DATE"),
        ("twenty three years", None, "P23Y", "DURATION"),
        ("forty-five minutes", None, "PT45M", "DURATION"),
        ("a decade", None, "P10Y", "DURATION"),
        ("two centuries", None, "P200Y", "DURATION"),
        ("for decades", None, "PXDE", "DURATION"),
        ("for years", None, "PXY", "DURATION"),
        ("the past year", PAST, "P1Y", "DURATION"),
        ("the 2020s", None, "202", "DATE"),
        ("March 20 last year", None, "2023-03-20", "DATE"),
        ("Last year August 8", None, "2023-08-08", "DATE"),
        ("Friday night", PAST, "2024-11-01TNI", "TIME"),
        ("to date", None, "PRESENT_REF", "DATE"),
        ("the recent attack", None, "PAST_REF", "DATE"),
    ],
)
def test_normaliser_timeml_values(normaliser, phrase, direction, expected, kind):
    result = resolve(normaliser, phrase, "2024-11-07", direction)
    assert (result.value, result.type) == (expected, kind)


@pytest.mark.parametrize(
    "phrase, value, freq, quant",
    [
        ("every year", "P1Y", None, "EVERY"),
        ("each year", "P1Y", None, "EACH"),
        ("every other week", "P2W", None, "EVERY"),
        ("every morning", "XXXX-XX-XXTMO", None, "EVERY"),
        ("every Monday", "XXXX-WXX-1", None, "EVERY"),
        ("weekly", "P1W", None, None),
        ("twice a week", "P1W", "2X", None),
        ("three times a year", "P1Y", "3X", None),
        ("seven days a week", "P1W", "7D", None),
        ("$400 per year", "P1Y", None, None),
        ("closed on Mondays", "XXXX-WXX-1", None, None),
    ],
)
def test_normaliser_sets_carry_freq_and_quant(normaliser, phrase, value, freq, quant):
    result = resolve(normaliser, phrase, "2024-11-07")
    assert (result.value, result.type, result.freq, result.quant) == (value, "SET", freq, quant)


@pytest.mark.parametrize(
    "phrase, value, mod",
    [
        ("more than three years", "P3Y", "MORE_THAN"),
        ("nearly two weeks", "P2W", "LESS_THAN"),
        ("at least five days", "P5D", "EQUAL_OR_MORE"),
        ("about 2 p.m.", "2024-11-07T14:00", "APPROX"),
        ("early 2020", "2020", "START"),
        ("mid-January 2020", "2020-01", "MID"),
        ("late last week", "2024-W44", "END"),
        ("late yesterday", "2024-11-06", "END"),
    ],
)
def test_normaliser_modifiers_become_timex3_mod(normaliser, phrase, value, mod):
    result = resolve(normaliser, phrase, "2024-11-07", PAST)
    assert (result.value, result.mod) == (value, mod)


def test_normaliser_year_ago_keeps_the_quarter_the_story_is_about(normaliser):
    refs = References()
    refs.remember("1989-Q3", "DATE", "timex@5")
    for phrase in ("a year ago", "a year earlier", "year-ago"):
        result = resolve(normaliser, phrase, "1989-10-30", None, refs)
        assert (result.value, result.anchor) == ("1988-Q3", "timex@5")


def test_normaliser_chained_relative_counts_from_the_last_coarse_expression(normaliser):
    refs = References()
    refs.remember("2009-05-04", "DATE", "timex@0")
    refs.remember("2011", "DATE", "timex@40")
    result = resolve(normaliser, "two years later", "2019-12-14", None, refs)
    assert (result.value, result.anchor) == ("2013", "timex@40")


def test_normaliser_that_month_follows_the_last_expression_not_an_older_day(normaliser):
    refs = References()
    refs.remember("2019-01-02", "DATE", "timex@0")
    refs.remember("2018-11", "DATE", "timex@30")
    assert resolve(normaliser, "that month", "2019-01-10", None, refs).value == "2018-11"


@pytest.mark.parametrize("phrase, expected", [("until June", "2016-06"), ("June 3", "2016-06-03")])
def test_normaliser_month_in_the_sentence_year(normaliser, phrase, expected):
    refs = References(sentence=0)
    refs.remember("2016", "DATE", "timex@3")
    assert resolve(normaliser, phrase, "2020-04-15", None, refs).value == expected
    refs.sentence = 200  # a later sentence: the story's own date again
    assert resolve(normaliser, phrase, "2020-04-15", None, refs).value != expected
