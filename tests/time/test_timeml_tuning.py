"""Rules added after reading the errors of the blind2 set (TimeML 1.2.1 conventions), one test or more per rule.

Each phrase here is written for the rule, not copied from that set: the rules must hold on new text.
"""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.time.grammar import scan
from harbinger.time.normaliser import FUTURE, PAST, Normaliser, References


@pytest.fixture(scope="module")
def normaliser():
    return Normaliser()


def spans(text: str) -> list[str]:
    return [text[p.start : p.end] for p in scan(text)]


def resolve(normaliser, phrase: str, dct: str | None, direction: str | None = None, refs: References | None = None):
    (parsed,) = scan(phrase)
    return normaliser.resolve(parsed, date.fromisoformat(dct) if dct else None, direction, refs)


def refs_after(*values: tuple[str, str]) -> References:
    refs = References()
    for i, (value, kind) in enumerate(values):
        refs.remember(value, kind, f"timex@{i}")
    return refs


# --- spans -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a conjunction of days is two expressions, the second carrying the year
        ("on June 3rd and 4th, 2020, at", ["June 3rd", "4th, 2020"]),
        ("on June 3 and 4 people left", ["June 3"]),  # "and" joins days only with an ordinal suffix
        # a part of a named day, with "the", "early"/"late" and "hours"
        ("In the evening hours of May 2, they", ["the evening hours of May 2"]),
        ("in the early morning of July 9, 1944.", ["the early morning of July 9, 1944"]),
        ("on the night of March 3 the", ["the night of March 3"]),
        # "early"/"later" before a weekday or "this morning" is inside the span
        ("Late Tuesday night, the", ["Late Tuesday night"]),
        ("Later this evening, she", ["Later this evening"]),
        ("the seasonal lateness", []),
        # a clock time with its weekday and part of day is one TIME
        ("at 6:15 a.m. Friday morning", ["6:15 a.m. Friday morning"]),
        ("at 0412 Monday night, UTC.", ["0412 Monday night, UTC"]),
        # sets
        ("every Sunday evening", ["every Sunday evening"]),
        ("once every three years", ["once every three years"]),
        ("on a quarterly basis", ["a quarterly basis"]),
        ("Annual reports and quarterly filings", ["Annual", "quarterly"]),
        ("January 1 of each year", ["January 1 of each year"]),
        # durations: "and a half", the determiner, a possessive with "first"
        ("over the past month and a half", ["the past month and a half"]),
        ("for two years and a half", ["two years and a half"]),
        ("during the six weeks of", ["the six weeks"]),
        ("in her first 30 days in office", ["her first 30 days"]),
        ("the 10-day trip", ["10-day"]),
        ("the lowest in years.", ["years"]),
        ("a second round of talks", []),  # the ordinal
        ("a second later", ["a second later"]),
        # the month and the year named by "of"
        ("during the month of May, the", ["the month of May"]),
        ("on March 4th of this year", ["March 4th of this year"]),
        ("in June of the previous year", ["June of the previous year"]),
        # points with a modifier: "over"/"more than"/"nearly" before "ago"/"later"
        ("over two decades ago", ["over two decades ago"]),
        ("nearly three years later", ["nearly three years later"]),
        ("over the last few days", ["the last few days"]),  # "over" the preposition stays out
        # seasons with "the", but not "the fall of" a city
        ("payments arrive in the spring.", ["the spring"]),
        ("since the fall of Saigon", []),
        ("the fall of 2020", ["the fall of 2020"]),
        # the article belongs to the noun a fiscal year modifies
        ("the Fiscal Year 2024 request", ["Fiscal Year 2024"]),
        ("in the fiscal year 2024.", ["the fiscal year 2024"]),
        # holidays named by a weekday of a month
        ("after Thanksgiving and Black Friday sales", ["Thanksgiving", "Black Friday"]),
        # a part of day after a preposition, to be anchored on the day just named; not "survived the night"
        ("She spoke in the late afternoon.", ["the late afternoon"]),
        ("He survived the night.", []),
        ("a long time ago", ["a long time ago"]),
        ("industries of the future", ["the future"]),
        ("That same week, the", ["That same week"]),
    ],
)
def test_grammar_timeml_spans(text, expected):
    assert spans(text) == expected


# --- values ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("the past year and a half", "P18M"),
        ("two years and a half", "P30M"),
        ("a day and a half", "PT36H"),
        ("the three months", "P3M"),
        ("my first 100 days", "P100D"),
    ],
)
def test_durations_with_a_half_and_a_determiner(normaliser, phrase, expected):
    resolved = resolve(normaliser, phrase, "2021-06-23")
    assert (resolved.value, resolved.type) == (expected, "DURATION")


@pytest.mark.parametrize(
    "phrase, dct, refs, expected",
    [
        ("a year-and-a-half ago", "2019-10-05", (), ("2018-04", None)),
        ("over a decade ago", "2021-08-14", (), ("2011", "BEFORE")),  # a year, as the reader gets it
        ("more than 60 years later", "2022-07-28", (("1940", "DATE"),), ("2000", "AFTER")),
        ("less than a year ago", "2022-07-28", (), ("2021", "AFTER")),
        ("nearly two years later", "2022-08-10", (("2019", "DATE"),), ("2021", None)),  # TimeML: no mod on a point
        ("about three weeks ago", "2022-08-10", (), ("2022-W29", "APPROX")),
    ],
)
def test_shift_with_a_modifier(normaliser, phrase, dct, refs, expected):
    resolved = resolve(normaliser, phrase, dct, None, refs_after(*refs))
    assert (resolved.value, resolved.mod) == expected


def test_shift_in_hours_is_a_time(normaliser):
    resolved = resolve(normaliser, "an hour later", "2019-10-22", None, refs_after(("2019-10-16T19:37", "TIME")))
    assert (resolved.value, resolved.type) == ("2019-10-16", "TIME")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("every Friday night", ("XXXX-WXX-5TNI", None, "EVERY")),
        ("each Monday morning", ("XXXX-WXX-1TMO", None, "EACH")),
        ("once every two years", ("P2Y", "1X", "EVERY")),
        ("twice every month", ("P1M", "2X", "EVERY")),
        ("March 17 of each year", ("XXXX-03-17", None, "EACH")),
        ("annual", ("P1Y", None, None)),
        ("quarterly", ("P3M", None, None)),
        ("an annual basis", ("P1Y", None, None)),
    ],
)
def test_sets(normaliser, phrase, expected):
    resolved = resolve(normaliser, phrase, "2023-05-19")
    assert (resolved.type, resolved.value, resolved.freq, resolved.quant) == ("SET", *expected)


def test_that_day_after_a_recurring_day_is_that_day_of_every_year(normaliser):
    refs = refs_after(("2024-12-16", "DATE"), ("XXXX-12-17", "SET"))
    assert resolve(normaliser, "that day", "2024-12-16", None, refs).value == "XXXX-12-17"
    refs.remember("2024-12-01", "DATE", "timex@9")  # a dated day after the set: "that day" is that one
    assert resolve(normaliser, "that day", "2024-12-16", None, refs).value == "2024-12-01"


@pytest.mark.parametrize(
    "phrase, dct, refs, expected",
    [
        ("January 20th of this year", "2021-09-09", (), "2021-01-20"),
        ("May 3 of last year", "2021-09-09", (), "2020-05-03"),
        ("March of the previous year", "2025-05-27", (("2025", "DATE"),), "2024-03"),
        ("March of the previous year", "2025-05-27", (), "2024-03"),  # no year in the story: the DCT's
        ("June of the following year", "2025-05-27", (("1990", "DATE"),), "1991-06"),
        ("the month of June", "2021-07-21", (), "2021-06"),
    ],
)
def test_month_and_day_of_a_named_year(normaliser, phrase, dct, refs, expected):
    assert resolve(normaliser, phrase, dct, PAST, refs_after(*refs)).value == expected


def test_this_weekend_on_a_sunday_is_the_weekend_ending_that_day(normaliser):
    assert resolve(normaliser, "this weekend", "2023-04-16").value == "2023-W15-WE"
    assert resolve(normaliser, "this week", "2023-04-16", FUTURE).value == "2023-W16"  # the seed's convention stands


@pytest.mark.parametrize(
    "phrase, dct, direction, expected",
    [
        ("Thanksgiving", "2021-12-01", PAST, "2021-11-25"),
        ("Black Friday", "2021-11-29", PAST, "2021-11-26"),
        ("Memorial Day", "2021-05-20", FUTURE, "2021-05-31"),
        ("Labor Day 2022", "2021-05-20", None, "2022-09-05"),
        ("Cyber Monday", None, None, "XXXX-11"),  # the day moves with the year: only the month is known
    ],
)
def test_holidays_named_by_a_weekday_of_a_month(normaliser, phrase, dct, direction, expected):
    assert resolve(normaliser, phrase, dct, direction).value == expected


def test_part_of_a_named_day_is_a_time_in_the_story_year(normaliser):
    refs = refs_after(("1971-02-18", "DATE"))  # "February 18 – 22, 1971" earlier in the story
    resolved = resolve(normaliser, "the night of February 19", "2022-06-27", PAST, refs)
    assert (resolved.value, resolved.type) == ("1971-02-19TNI", "TIME")
    early = resolve(normaliser, "the early morning of April 15, 1972", "2022-06-27", PAST)
    assert (early.value, early.mod) == ("1972-04-15TMO", "START")


def test_a_day_near_the_story_day_takes_its_year_only_when_the_story_is_far_from_the_dct(normaliser):
    old = refs_after(("1971-02-18", "DATE"))
    assert resolve(normaliser, "March 1", "2022-06-27", PAST, old).value == "1971-03-01"
    assert resolve(normaliser, "July 1", "2022-06-27", PAST, old).value == "2021-07-01"  # months away: the DCT's
    recent = refs_after(("2021-11-20", "DATE"))  # within a year of the DCT: the tense decides, as before
    assert resolve(normaliser, "November 13", "2022-06-27", PAST, recent).value == "2021-11-13"


@pytest.mark.parametrize(
    "phrase, direction, expected",
    [
        ("4:53 a.m. Thursday morning", PAST, "2019-10-17T04:53"),
        ("7 p.m. Saturday", FUTURE, "2019-10-26T19:00"),
        ("2053 Wednesday night, UTC", PAST, "2019-10-16T20:53"),
    ],
)
def test_clock_time_with_its_weekday(normaliser, phrase, direction, expected):
    resolved = resolve(normaliser, phrase, "2019-10-22", direction)
    assert (resolved.value, resolved.type) == (expected, "TIME")


def test_part_of_day_after_a_preposition_is_that_of_the_day_just_named(normaliser):
    refs = References(sentence=100)
    refs.remember("2022-02-24", "DATE", "timex@100")
    refs.sentence, refs.previous_sentence = 180, 100  # the next sentence
    late = resolve(normaliser, "in the late afternoon", "2022-02-23", None, refs)
    assert (late.value, late.type, late.mod) == ("2022-02-24TAF", "TIME", "END")
    refs.sentence, refs.previous_sentence = 400, 300  # further on: a habit ("clients come in the morning")
    assert resolve(normaliser, "in the morning", "2022-02-23", None, refs).value is None
    refs.sentence, refs.previous_sentence = 100, None
    refs.remember("2021", "DATE", "timex@150")  # the last expression named a year, not a day
    assert resolve(normaliser, "in the morning", "2022-02-23", None, refs).value is None


def test_early_weekday_sets_mod_start(normaliser):
    resolved = resolve(normaliser, "Early Thursday morning", "2022-09-30", PAST)
    assert (resolved.value, resolved.mod) == ("2022-09-29TMO", "START")


# --- the stage: rules that need the parse or the whole document ----------------------------------------------------


def _values(doc) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in doc._.timexes]


def test_stage_a_rate_is_a_set(annotate):
    doc = annotate("A session costs $200, that is $800 a month, and she sent 40 letters a day.", "2023-07-25")
    assert _values(doc) == [("a month", "SET", "P1M"), ("a day", "SET", "P1D")]
    took = annotate("It took a month to finish.", "2023-07-25")
    assert _values(took) == [("a month", "DURATION", "P1M")]


def test_stage_what_follows_a_range_counts_from_its_start(annotate):
    doc = annotate("He served there from April 14 – 15, 1972. Two days earlier, the commander had been killed.", "2022-06-27")
    assert _values(doc)[-1] == ("Two days earlier", "DATE", "1972-04-12")


def test_stage_a_planned_event_and_a_named_deadline_take_the_coming_date(annotate):
    doc = annotate("She dropped out ahead of the debate scheduled for November 20 in Georgia.", "2019-11-04")
    assert _values(doc) == [("November 20", "DATE", "2019-11-20")]
    deadline = annotate("Two weeks before the November 13 deadline, he had reached 3 percent.", "2019-11-04")
    assert ("November 13", "DATE", "2019-11-13") in _values(deadline)


def test_stage_part_of_day_needs_a_day_to_refer_to(annotate):
    assert _values(annotate("I take my pills in the morning.", "2022-02-23")) == []
    doc = annotate("Tomorrow, I will meet my counterparts in the morning.", "2022-02-23")
    assert _values(doc) == [("Tomorrow", "DATE", "2022-02-24"), ("the morning", "TIME", "2022-02-24TMO")]


def test_stage_frequency_words_before_names(annotate):
    heading = annotate("An Increase in Weekly Vaccine Supply to States: the supply will rise.", "2021-01-26")
    assert _values(heading) == [("Weekly", "SET", "P1W")]
    paper = annotate("The Greek daily Kathimerini reported the deal.", "2021-01-26")
    assert _values(paper) == []


def test_stage_fiscal_year_inside_a_name(annotate):
    doc = annotate("That is why the Fiscal Year 2023 President’s Budget requests $60.4 billion.", "2022-03-28")
    assert _values(doc) == [("Fiscal Year 2023", "DATE", "FY2023")]
