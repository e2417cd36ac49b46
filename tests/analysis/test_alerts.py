from datetime import date, timedelta

import pytest

from harbinger.analysis import AlertSettings, escalation_alerts
from harbinger.analysis.alerts import ALERT_COLUMNS
from harbinger.analysis.series import MAX_ROWS, TooLarge
from harbinger.errors import HarbingerError

MONDAY = date(2022, 1, 3)


def alerts(store, **kwargs):
    columns, rows = escalation_alerts(store, **kwargs)
    assert columns == ALERT_COLUMNS
    return [dict(zip(columns, row)) for row in rows]


def test_escalation_alert_fires_on_a_conflict_burst_with_evidence(store, rows):
    rows.weekly(MONDAY, [1, 0, 1, 1, 0, 1, 1, 0])
    burst = rows.weekly(MONDAY + timedelta(weeks=8), [6])[0]
    found = alerts(store)
    conflict = next(a for a in found if a["metric"] == "conflict_events")
    assert (conflict["source"], conflict["target"], conflict["week"], conflict["week_end"]) == ("RUS", "UKR", date(2022, 2, 28), date(2022, 3, 6))
    assert conflict["value"] == 6 and conflict["baseline_weeks"] == 8 and conflict["threshold"] == 3.0
    assert conflict["score"] == pytest.approx((6 - 5 / 8) / 1.0, abs=1e-3)  # sd 0.484 is below the floor of 1 event
    assert sorted(conflict["evidence_ids"]) == sorted(burst) and conflict["evidence_count"] == 6
    assert {a["metric"] for a in found} == {"conflict_events"}  # Goldstein -12 vs a -1.25 baseline: z 2.15 with the floor of 5


def test_escalation_alert_evidence_is_most_hostile_first(store, rows):
    rows.weekly(MONDAY, [1, 1, 1, 1, 1, 1])
    week = MONDAY + timedelta(weeks=6, days=1)
    mild = [rows.event(week, goldstein=-2.0) for _ in range(4)]
    worst = rows.event(week, plover="ASSAULT", goldstein=-10.0, quad=4)
    conflict = next(a for a in alerts(store) if a["metric"] == "conflict_events")
    assert conflict["evidence_ids"][0] == worst and set(conflict["evidence_ids"][1:]) == set(mild)


def test_escalation_alert_needs_minimum_volume(store, rows):
    rows.weekly(MONDAY, [1, 0, 0, 0, 0, 0, 0, 0, 4])  # z = (4 - 1/8) / floor 1
    assert alerts(store)
    assert alerts(store, settings=AlertSettings(min_events=5)) == []


def test_escalation_alert_needs_baseline_history(store, rows):
    rows.weekly(MONDAY, [1, 0, 8])  # only two weeks of history before the burst
    assert alerts(store) == []
    assert alerts(store, settings=AlertSettings(min_baseline_weeks=2))


def test_escalation_alert_ignores_steady_conflict(store, rows):
    rows.weekly(MONDAY, [5, 6, 5, 6, 5, 6, 5, 6, 6])
    assert alerts(store) == []


@pytest.mark.parametrize("mode", ["planned", "conditional", "denied", "negated", "hypothetical"])
def test_escalation_alert_ignores_events_that_did_not_happen(store, rows, mode):
    rows.weekly(MONDAY, [1, 1, 1, 1, 1, 1, 1, 1])
    rows.weekly(MONDAY + timedelta(weeks=8), [8], mode=mode, plover="ASSAULT", goldstein=-10.0, quad=4)
    assert alerts(store) == []


def test_escalation_alert_on_goldstein_drop_without_more_conflict_events(store, rows):
    rows.weekly(MONDAY, [3] * 8, plover="CONSULT", goldstein=1.0, quad=1)
    rows.weekly(MONDAY + timedelta(weeks=8), [3], plover="SANCTION", goldstein=-8.0, quad=4)
    found = {a["metric"]: a for a in alerts(store)}
    assert found["goldstein_sum"]["value"] == -24.0
    assert found["goldstein_sum"]["score"] == pytest.approx((3.0 + 24.0) / 5.0, abs=1e-3)  # flat baseline → Goldstein floor 5


def test_escalation_alerts_since_filters_weeks_but_keeps_the_baseline(store, rows):
    rows.weekly(MONDAY, [1, 0, 1, 1, 0, 1, 1, 0, 6])
    burst_week = MONDAY + timedelta(weeks=8)
    assert alerts(store, since=burst_week + timedelta(days=3))  # mid-week date selects that week
    assert alerts(store, since=burst_week + timedelta(weeks=1)) == []
    assert alerts(store, until=burst_week - timedelta(days=1)) == []


def test_escalation_alerts_by_dyad_and_threshold(synthetic):
    everything = alerts(synthetic)
    assert {(a["source"], a["target"]) for a in everything} == {("USA", "RUS")}
    assert alerts(synthetic, source="RUS") == []
    assert len(alerts(synthetic, settings=AlertSettings(threshold=1.5))) >= len(everything)
    strict = alerts(synthetic, settings=AlertSettings(threshold=50))
    assert strict == []


def test_escalation_alerts_sorted_by_score(synthetic):
    scores = [a["score"] for a in alerts(synthetic, settings=AlertSettings(threshold=1.0, min_events=1))]
    assert scores == sorted(scores, reverse=True) and len(scores) > 2


@pytest.mark.parametrize(
    "settings",
    [AlertSettings(threshold=0), AlertSettings(baseline_weeks=0), AlertSettings(min_baseline_weeks=9),
     AlertSettings(min_events=0), AlertSettings(max_evidence=0)],
)  # fmt: skip
def test_escalation_alerts_reject_bad_settings(store, settings):
    with pytest.raises(HarbingerError) as caught:
        escalation_alerts(store, settings=settings)
    assert caught.value.code == "H505"


def test_escalation_alerts_on_empty_store(store):
    assert alerts(store) == []


@pytest.mark.parametrize("timing", ["historical", "future"])
def test_escalation_alert_ignores_events_that_are_not_news_of_their_week(store, rows, timing):
    """A burst of asides (a war decades ago, strikes promised for next year) dated into one week never alerts."""
    rows.weekly(MONDAY, [1, 1, 1, 1, 1, 1, 1, 1])
    burst = rows.weekly(MONDAY + timedelta(weeks=8), [8], plover="ASSAULT", goldstein=-10.0, quad=4, timing=timing)[0]
    assert alerts(store) == []
    counted = next(a for a in alerts(store, timing="all") if a["metric"] == "conflict_events")
    assert counted["value"] == 8 and sorted(counted["evidence_ids"]) == sorted(burst)


def test_escalation_alert_counts_events_of_old_stores_as_current(store, rows):
    rows.weekly(MONDAY, [1, 0, 1, 1, 0, 1, 1, 0])
    rows.weekly(MONDAY + timedelta(weeks=8), [6], timing=None)
    assert {a["metric"] for a in alerts(store)} == {"conflict_events"}


def test_escalation_alerts_reject_an_unknown_timing(store):
    with pytest.raises(HarbingerError) as caught:
        escalation_alerts(store, timing="soon")
    assert caught.value.code == "H513"


def test_escalation_alerts_since_scores_the_same_weeks_alike(store, rows):
    """Scoring only from baseline_weeks before since changes no score: a week's baseline reaches back no further."""
    rows.weekly(MONDAY, [1, 0, 2, 1, 0, 1, 1, 0, 6, 1, 0, 7, 2, 0, 1, 8])
    settings = AlertSettings(threshold=1.0, min_events=1, baseline_weeks=3, min_baseline_weeks=2)
    since = MONDAY + timedelta(weeks=10)
    everything = alerts(store, settings=settings)
    recent = alerts(store, settings=settings, since=since)
    assert recent == [a for a in everything if a["week"] >= since] != []


def test_escalation_alerts_refuse_more_dyad_weeks_than_their_bound(store, rows, monkeypatch):
    rows.weekly(MONDAY, [1] * 20)
    monkeypatch.setattr("harbinger.analysis.alerts.MAX_CELLS", 10)
    with pytest.raises(TooLarge) as caught:
        alerts(store)
    assert caught.value.code == "H531" and "since" in caught.value.hint
    assert alerts(store, since=MONDAY + timedelta(weeks=17), settings=AlertSettings(baseline_weeks=4)) == []


def test_escalation_alerts_limit(store, rows):
    rows.weekly(MONDAY, [1, 0, 2, 1, 0, 1, 1, 0, 6, 1, 0, 7, 2, 0, 1, 8])
    settings = AlertSettings(threshold=0.5, min_events=1, baseline_weeks=3, min_baseline_weeks=1)
    everything = alerts(store, settings=settings)
    assert len(everything) > 2 and alerts(store, settings=settings, limit=2) == everything[:2]
    with pytest.raises(TooLarge) as caught:
        alerts(store, limit=MAX_ROWS + 1)
    assert caught.value.code == "H532"
