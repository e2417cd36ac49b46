from datetime import date, timedelta

import pytest

from harbinger.analysis import PLOVER_TYPES, dyad_series, top_dyads
from harbinger.analysis.series import MAX_POINTS, MAX_ROWS, TooLarge, count_periods
from harbinger.errors import HarbingerError

MONDAY = date(2022, 1, 3)


def as_dicts(result):
    columns, rows = result
    return [dict(zip(columns, row)) for row in rows]


def test_dyad_series_counts_only_occurred_events_by_default(store, rows):
    rows.event(date(2022, 1, 4), mode="asserted")
    rows.event(date(2022, 1, 5), mode="reported")
    rows.event(date(2022, 1, 5), mode="conditional", plover="ASSAULT", goldstein=-10, quad=4)
    rows.event(date(2022, 1, 6), mode="denied")
    (week,) = as_dicts(dyad_series(store, "RUS", "UKR"))
    assert week["period"] == MONDAY
    assert (week["events"], week["accuse"], week["assault"], week["material_conflict"]) == (2, 2, 0, 0)


@pytest.mark.parametrize("mode, expected", [("conditional", 1), ("denied", 1), ("planned", 0), ("all", 4), ("occurred", 2)])
def test_dyad_series_gives_each_mode_its_own_series(store, rows, mode, expected):
    for kind in ("asserted", "reported", "conditional", "denied"):
        rows.event(date(2022, 1, 4), mode=kind)
    weeks = as_dicts(dyad_series(store, "RUS", "UKR", mode=mode))
    assert sum(w["events"] for w in weeks) == expected
    assert all(w["series"] == mode for w in weeks)


def test_dyad_series_zero_fills_quiet_periods(store, rows):
    rows.event(date(2022, 1, 4))
    rows.event(date(2022, 1, 25))
    weeks = as_dicts(dyad_series(store, "RUS", "UKR", by="week"))
    assert [w["events"] for w in weeks] == [1, 0, 0, 1]
    assert weeks[1]["goldstein_sum"] == 0 and weeks[1]["goldstein_mean"] is None


@pytest.mark.parametrize("by, periods", [("day", 22), ("week", 4), ("month", 1)])
def test_dyad_series_periods(store, rows, by, periods):
    rows.event(date(2022, 1, 4))
    rows.event(date(2022, 1, 25))
    assert len(as_dicts(dyad_series(store, "RUS", "UKR", by=by))) == periods


def test_dyad_series_counts_near_duplicates_once_with_mentions(store, rows):
    original = rows.article(date(2022, 1, 4))
    rows.article(date(2022, 1, 4), canonical_id=original)
    rows.article(date(2022, 1, 5), canonical_id=original)
    rows.event(date(2022, 1, 4), article_id=original)
    rows.event(date(2022, 1, 4))
    (week,) = as_dicts(dyad_series(store, "RUS", "UKR"))
    assert (week["events"], week["mentions"]) == (2, 4)


def test_dyad_series_goldstein_mean_and_sum(store, rows):
    rows.event(date(2022, 1, 4), goldstein=-2.0)
    rows.event(date(2022, 1, 4), plover="ASSAULT", goldstein=-10.0, quad=4)
    rows.event(date(2022, 1, 4), plover="CONSULT", goldstein=1.0, quad=1)
    (week,) = as_dicts(dyad_series(store, "RUS", "UKR"))
    assert (week["goldstein_sum"], week["goldstein_mean"]) == (-11.0, round(-11 / 3, 3))
    assert (week["verbal_coop"], week["verbal_conflict"], week["material_conflict"]) == (1, 1, 1)


def test_dyad_series_is_directed_and_matches_codes_at_code_level(store, rows):
    rows.event(date(2022, 1, 4), source="RUS", target="UKR")
    rows.event(date(2022, 1, 4), source="UKR", target="RUS")
    rows.event(date(2022, 1, 4), source="UKR", target="RUS")
    assert as_dicts(dyad_series(store, "UKR", "RUS"))[0]["events"] == 2
    assert as_dicts(dyad_series(store, "UKRGOV", "RUSGOV", level="code"))[0]["events"] == 2
    assert as_dicts(dyad_series(store, "UKR", "RUS", level="code")) == []


def test_dyad_series_without_dyad_is_the_whole_timeline(synthetic):
    weeks = as_dicts(dyad_series(synthetic, mode="all"))
    (total,) = synthetic.db.execute("SELECT count(*) FROM events").fetchone()
    assert sum(w["events"] for w in weeks) == total
    assert weeks[0]["source"] == "*" and len(weeks) == 12


def test_dyad_series_respects_since_and_until(store, rows):
    rows.event(date(2022, 1, 4))
    rows.event(date(2022, 2, 1))
    weeks = as_dicts(dyad_series(store, "RUS", "UKR", since=date(2022, 1, 10), until=date(2022, 2, 6)))
    assert weeks[0]["period"] == date(2022, 1, 10) and weeks[-1]["period"] == date(2022, 1, 31)
    assert sum(w["events"] for w in weeks) == 1


def test_dyad_series_has_a_column_per_plover_type(store, rows):
    rows.event(date(2022, 1, 4))
    columns, _ = dyad_series(store, "RUS", "UKR")
    assert [c for c in columns if c.upper() in PLOVER_TYPES] == [t.lower() for t in PLOVER_TYPES]


@pytest.mark.parametrize(
    "kwargs, code",
    [({"by": "year"}, "H501"), ({"mode": "maybe"}, "H502"), ({"level": "region"}, "H503"),
     ({"since": date(2022, 2, 1), "until": date(2022, 1, 1)}, "H504")],
)  # fmt: skip
def test_dyad_series_rejects_bad_arguments(store, kwargs, code):
    with pytest.raises(HarbingerError) as caught:
        dyad_series(store, "RUS", "UKR", **kwargs)
    assert caught.value.code == code


def test_dyad_series_on_empty_store_is_empty(store):
    assert dyad_series(store, "RUS", "UKR")[1] == []


def test_top_dyads_orders_by_volume_and_skips_unknown_and_self(store, rows):
    rows.event(date(2022, 1, 4), source="RUS", target="UKR")
    rows.event(date(2022, 1, 4), source="RUS", target="UKR")
    rows.event(date(2022, 1, 4), source="USA", target="RUS", quad=1, goldstein=1.0)
    rows.event(date(2022, 1, 4), source="USA", target="USA")
    rows.event(date(2022, 1, 4), source="RUS", target="UKR", mode="planned")
    dyads = as_dicts(top_dyads(store))
    assert [(d["source"], d["target"], d["events"], d["conflict_events"]) for d in dyads] == [("RUS", "UKR", 2, 2), ("USA", "RUS", 1, 0)]


def test_dyad_series_counts_only_current_events_by_default(store, rows):
    """A story's aside about 1968 is not news of its week, and must not stretch the series back to 1968."""
    rows.event(date(2022, 1, 4))
    rows.event(date(2022, 1, 5), timing=None)  # a store from before the timing column: current
    rows.event(date(1968, 6, 5), plover="ASSAULT", goldstein=-10.0, quad=4, timing="historical")
    rows.event(date(2022, 1, 6), timing="historical")
    rows.event(date(2023, 1, 2), timing="future")
    (week,) = as_dicts(dyad_series(store, "RUS", "UKR"))
    assert (week["period"], week["events"], week["assault"]) == (MONDAY, 2, 0)
    everything = as_dicts(dyad_series(store, "RUS", "UKR", by="month", timing="all"))
    assert everything[0]["period"] == date(1968, 6, 1) and everything[-1]["period"] == date(2023, 1, 1)
    assert sum(m["events"] for m in everything) == 5
    historical = [m for m in as_dicts(dyad_series(store, "RUS", "UKR", by="month", timing="historical")) if m["events"]]
    assert [(m["period"], m["events"], m["assault"]) for m in historical] == [(date(1968, 6, 1), 1, 1), (date(2022, 1, 1), 1, 0)]


def test_dyad_series_rejects_an_unknown_timing(store):
    with pytest.raises(HarbingerError) as caught:
        dyad_series(store, "RUS", "UKR", timing="past")
    assert caught.value.code == "H513" and "historical" in caught.value.hint


def test_dyad_series_whole_timeline_starts_at_the_first_current_event(synthetic):
    from tests.synthetic import add_timing_examples

    add_timing_examples(synthetic)
    weeks = as_dicts(dyad_series(synthetic, mode="all"))
    assert weeks[0]["period"] == MONDAY and len(weeks) == 12
    assert as_dicts(dyad_series(synthetic, mode="all", timing="all"))[0]["period"] == date(1979, 12, 31)  # the ISO week of 1980-01-01


def test_top_dyads_leave_out_historical_events(store, rows):
    rows.event(date(2022, 1, 4), source="RUS", target="UKR")
    rows.event(date(1980, 1, 1), source="USA", target="RUS", timing="historical")
    assert [(d["source"], d["first_date"]) for d in as_dicts(top_dyads(store))] == [("RUS", date(2022, 1, 4))]
    assert len(as_dicts(top_dyads(store, timing="all"))) == 2


@pytest.mark.parametrize(
    "first, last, by, periods",
    [(date(2022, 1, 1), date(2022, 1, 1), "day", 1), (date(2022, 1, 1), date(2022, 12, 31), "day", 365),
     (date(2022, 1, 2), date(2022, 1, 3), "week", 2), (date(2022, 1, 3), date(2022, 1, 9), "week", 1),
     (date(2021, 12, 31), date(2022, 1, 1), "month", 2), (date(1, 1, 1), date(9999, 12, 31), "month", 119_988)],
)  # fmt: skip
def test_count_periods_matches_date_trunc(first, last, by, periods):
    assert count_periods(first, last, by) == periods


def test_dyad_series_missing_end_defaults_to_the_events_not_the_calendar(store, rows):
    rows.event(date(2022, 1, 4))
    rows.event(date(2022, 1, 20))
    since = as_dicts(dyad_series(store, "RUS", "UKR", by="day", since=date(2022, 1, 1)))
    until = as_dicts(dyad_series(store, "RUS", "UKR", by="day", until=date(2022, 1, 31)))
    assert (since[0]["period"], since[-1]["period"]) == (date(2022, 1, 1), date(2022, 1, 20))
    assert (until[0]["period"], until[-1]["period"]) == (date(2022, 1, 4), date(2022, 1, 31))


@pytest.mark.parametrize(
    "since, until, code",
    [(date(1, 1, 1), None, "H508"), (None, date(9999, 12, 31), "H508"), (date(1950, 1, 1), date(2022, 1, 1), "H508"),
     (date(2000, 1, 1), None, "H530"), (date(2022, 1, 20) - timedelta(days=MAX_POINTS), None, "H530")],
)  # fmt: skip
def test_dyad_series_refuses_more_points_or_years_than_its_bounds(store, rows, since, until, code):
    rows.event(date(2022, 1, 4))
    rows.event(date(2022, 1, 20))
    with pytest.raises(TooLarge) as caught:
        dyad_series(store, "RUS", "UKR", by="day", since=since, until=until)
    assert caught.value.code == code and caught.value.hint


def test_dyad_series_fills_up_to_its_bound(store, rows):
    rows.event(date(2022, 1, 20))
    days = as_dicts(dyad_series(store, "RUS", "UKR", by="day", since=date(2022, 1, 20) - timedelta(days=MAX_POINTS - 1)))
    assert len(days) == MAX_POINTS and sum(d["events"] for d in days) == 1


def test_top_dyads_refuses_more_rows_than_its_bound(store):
    with pytest.raises(TooLarge) as caught:
        top_dyads(store, limit=MAX_ROWS + 1)
    assert caught.value.code == "H532"
