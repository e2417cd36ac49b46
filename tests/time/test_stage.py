"""The time stage on real documents: the seed article, offsets, no DCT, and dating a token for the events stage."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import GOLD

from harbinger.pipeline import process
from harbinger.time import DateFrom, EventDate, Timex, date_for_token, timexes_to_json

SEED_GOLD = json.loads((GOLD / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_doc(nlp_time, seed_article):
    (doc,) = list(process(nlp_time, [seed_article]))
    return doc


@pytest.mark.parametrize("gold", SEED_GOLD["timexes"], ids=lambda g: f"{g['text']}@{g['span'][0]}")
def test_stage_seed_timexes_exact(seed_doc, gold):
    start, end = gold["span"]
    found = [t for t in seed_doc._.timexes if t.start < end and start < t.end]
    assert len(found) == 1
    assert found[0].value in [gold["value"], *gold.get("also_ok", [])]


def test_stage_seed_finds_nothing_else(seed_doc):
    assert len(seed_doc._.timexes) == len(SEED_GOLD["timexes"])


def test_stage_offsets_slice_article_text(seed_doc):
    text = seed_doc._.article.text
    for row in timexes_to_json(seed_doc):
        assert text[row["start"] : row["end"]] == row["text"]
        assert set(row) == {
            "start", "end", "text", "value", "type", "approximate", "anchor", "resolved_by", "governor",
            "tid", "anchor_tid", "temporal_function", "mod", "freq", "quant",
        }  # fmt: skip


@pytest.mark.parametrize(
    "trigger, expected, from_timex",
    [
        ("meet", "2022-01-10", True),  # "due to meet ... in Geneva on Monday"
        ("published", "2021-12", True),  # "published draft security pacts last month"
        ("demanding", "2021-12", True),  # no timex of its own: the one on "published" above it
        ("told", "2022-01-06/2022-01-08", True),  # "Days earlier, U.S. officials told NBC News"
        ("reinforce", "2022-01-09", False),  # nothing in the parse: the DCT
    ],
)
def test_date_for_token_uses_governing_timex_else_dct(seed_doc, trigger, expected, from_timex):
    token = next(t for t in seed_doc if t.text == trigger)
    dated = date_for_token(seed_doc, token)
    assert dated.value == expected
    assert (dated.timex is not None) == from_timex
    assert dated.date_from is (DateFrom.TIME if from_timex else DateFrom.DCT)


def test_stage_without_dct_leaves_relative_values_empty(annotate):
    doc = annotate("Officials met on Monday, and again on January 10, 2022, and last month.", None)
    values = {t.text: t.value for t in doc._.timexes}
    assert values == {"Monday": "XXXX-WXX-1", "January 10, 2022": "2022-01-10", "last month": None}
    bare = annotate("Officials met on Monday.", None)
    assert date_for_token(bare, bare[1]) == EventDate(None, None, "unknown", None)


def test_stage_skips_titles_and_names(annotate):
    doc = annotate('Blinken said on ABC\'s "This Week" that the Great Orchestra of Christmas Charity met.', "2022-01-09")
    assert [t.text for t in doc._.timexes] == []


def test_stage_clock_time_takes_the_day_of_its_sentence(annotate):
    doc = annotate("At 2:49 a.m. local time on Saturday morning, the rocket was launched.", "2019-03-05")
    assert [t.value for t in doc._.timexes] == ["2019-03-02T02:49", "2019-03-02TMO"]


DCT = date(2022, 1, 9)


def _timex(value: str) -> Timex:
    return Timex(0, 6, "Monday", value, "DATE", False, "dct", "weekday:future", 3)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-W02", (date(2022, 1, 10), "week", DateFrom.TIME, "future")),
        ("2021-12", (date(2021, 12, 1), "month", DateFrom.TIME, "current")),
        ("1968", (date(1968, 1, 1), "year", DateFrom.TIME, "historical")),
        ("2022-01-06/2022-01-08", (date(2022, 1, 6), "week", DateFrom.TIME, "current")),  # a 3-day interval: within a week
        ("2022-02-30", (DCT, "day", DateFrom.DCT, "current")),  # names no calendar day: the document's date stands
        ("2021-Q4", (date(2021, 10, 1), "year", DateFrom.TIME, "current")),
        ("2022-WXX", (date(2022, 1, 1), "year", DateFrom.TIME, "current")),  # the coarsest unit known
        ("XXXX-12-25", (DCT, "day", DateFrom.DCT, "current")),  # no year: nothing to file it under
        ("199", (date(1990, 1, 1), "year", DateFrom.TIME, "historical")),  # the 1990s
    ],
)
def test_event_date_of_timex_first_day_precision_and_timing(value, expected):
    dated = EventDate.of_timex(_timex(value), DCT)
    assert (dated.day, dated.precision, dated.date_from, dated.timing, dated.value) == (*expected, value)


def test_event_date_history_window_is_the_stage_setting():
    assert EventDate.of_timex(_timex("2021-11"), DCT, history_days=20).timing == "historical"


@pytest.mark.parametrize(
    "dct,expected",
    [(DCT, ("2022-01-09", DCT, "day", DateFrom.DCT)), (None, (None, None, "unknown", None))],
)
def test_event_date_of_document_with_and_without_a_date(dct, expected):
    dated = EventDate.of_document(dct)
    assert (dated.value, dated.day, dated.precision, dated.date_from) == expected


def test_stage_timex3_ids_anchors_and_temporal_function(annotate):
    doc = annotate("The strike began on March 3, 2019. Two days later it spread, and on Monday it ended.", "2019-03-13")
    strike, later, monday = doc._.timexes
    assert [t.tid for t in doc._.timexes] == ["t1", "t2", "t3"]
    assert (strike.anchor_tid, strike.temporal_function) == (None, False)  # absolute
    assert (later.value, later.anchor_tid, later.temporal_function) == ("2019-03-05", "t1", True)  # chained on t1
    assert (monday.anchor_tid, monday.temporal_function) == ("t0", True)  # relative to the DCT
    assert monday.timex3() == {"tid": "t3", "type": "DATE", "value": "2019-03-11", "temporalFunction": "true", "anchorTimeID": "t0"}


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        # a deadline: "until" makes it the nearest Nov. 9 whatever the tense of "was extended" (the clock shares it)
        ("The offer was extended until 5 p.m. EST Nov. 9.", "1989-11-02", ["1989-11-09T17:00", "1989-11-09"]),
        # a month inside what a report announces: the report's past tense says nothing, the nearest April is ahead
        ("The leaders announced the April summit in Brussels.", "2019-12-10", ["2020-04"]),
        ("The leaders will meet in April.", "2019-12-10", ["2020-04"]),
        ("The company said on Friday that profit fell.", "1989-10-30", ["1989-10-27"]),
        ("It was forecast to reach Florida on Wednesday.", "2019-07-23", ["2019-07-24"]),
        ("In the 2016 election he stayed in the race until June.", "2020-04-15", ["2016", "2016-06"]),
    ],
)
def test_stage_direction_from_tense_and_reporting_frame(annotate, text, dct, expected):
    assert [t.value for t in annotate(text, dct)._.timexes] == expected


def test_stage_quarterly_results_keep_quarter_granularity(annotate):
    doc = annotate("Net income rose 5% in the third quarter from a year earlier.", "1989-10-30")
    assert [(t.value, t.anchor_tid) for t in doc._.timexes] == [("1989-Q3", "t0"), ("1988-Q3", "t1")]


def test_stage_sets_durations_and_x_values_do_not_date_events(annotate):
    doc = annotate("The council meets every year; it sat for a decade, and now it meets weekly.", "2021-03-05")
    assert [(t.type, t.value, t.dates_events) for t in doc._.timexes] == [
        ("SET", "P1Y", False),
        ("DURATION", "P10Y", False),
        ("DATE", "PRESENT_REF", False),
        ("SET", "P1W", False),
    ]
    token = next(t for t in doc if t.text == "sat")
    assert date_for_token(doc, token).date_from is DateFrom.DCT


def test_stage_skips_proclamation_formula(annotate):
    doc = annotate("NOW, THEREFORE, I, JOSEPH R. BIDEN JR., do hereby proclaim it.", "2021-03-05")
    assert doc._.timexes == ()
