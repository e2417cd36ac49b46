"""The grammar: what it reads as a time expression and what it refuses."""

from __future__ import annotations

import pytest

from harbinger.time.grammar import parse, scan


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said Sunday he would go.", ["Sunday"]),
        ("May God protect them.", []),
        ("a 16-year-old boy", []),
        ("They met on Sunday.", ["Sunday"]),
        ("It is due out in May.", ["May"]),
        ("in Sept. 2019", ["Sept. 2019"]),
        ("the September 26–27 poll", ["September 26", "27"]),  # TimeML tags a range's two ends apart
        ("from March 15 to 17, as", ["March 15", "17"]),
        ("during 2017–2018. At", ["2017", "2018"]),
        ("in 2019–20", ["2019–20"]),
        ("finished in 2:20:51 and", []),
        ("Days earlier, officials", ["Days earlier"]),
        ("at 3:30 p.m. local time on Friday", ["3:30 p.m. local time", "Friday"]),
        ("The Sun reported it; the Wed. session", ["Wed."]),
        ("its summer habitats", []),
        ("this summer", ["this summer"]),
        ("earlier this month", ["earlier this month"]),
        ("January of this year", ["January of this year"]),
        ("ending decades of conflict", ["decades"]),
        ("on New Year's Day the", ["New Year's Day"]),
        ("fourth-quarter profit", ["fourth-quarter"]),
        ("in Q3 2024 and", ["Q3 2024"]),
        ("the first half of fiscal 1990", ["the first half of fiscal 1990"]),
        ("fiscal 1989's fourth quarter", ["fiscal 1989's fourth quarter"]),
        ("for fiscal year 2024", ["fiscal year 2024"]),
        ("scored in the second half", []),  # a match's half, not a year's
        ("in nineteen ninety-one", ["nineteen ninety-one"]),
        ("twenty nineteen-year-olds", []),
        ("for twenty three years", ["twenty three years"]),
        ("more than three years", ["more than three years"]),
        ("at about 2 p.m.", ["about 2 p.m."]),
        ("every morning", ["every morning"]),
        ("twice a week", ["twice a week"]),
        ("seven days a week", ["seven days a week"]),
        ("closed on Mondays", ["Mondays"]),
        ("the Fridays for Future movement", []),
        ("120 miles per hour", []),
        ("$5 per year", ["per year"]),
        ("kept up to date", []),
        ("the year-ago quarter", ["year-ago"]),
        ("on March 20 last year", ["March 20 last year"]),
        ("late last July", ["late last July"]),
        ("minutes before the vote", ["minutes"]),
    ],
)
def test_scan_finds_expressions(text, expected):
    assert [text[p.start : p.end] for p in scan(text)] == expected


@pytest.mark.parametrize("phrase, rule", [("last month", "relative_period"), ("two years ago", "shift"), ("Jan. 10", "month_day"), ("the week", None)])
def test_parse_names_the_rule(phrase, rule):
    parsed = parse(phrase)
    assert (parsed.rule if parsed else None) == rule
