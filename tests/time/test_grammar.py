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
        ("the September 26–27 poll", ["September 26–27"]),
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
    ],
)
def test_scan_finds_expressions(text, expected):
    assert [text[p.start : p.end] for p in scan(text)] == expected


@pytest.mark.parametrize("phrase, rule", [("last month", "relative_period"), ("two years ago", "shift"), ("Jan. 10", "month_day"), ("the week", None)])
def test_parse_names_the_rule(phrase, rule):
    parsed = parse(phrase)
    assert (parsed.rule if parsed else None) == rule
