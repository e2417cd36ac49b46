"""The map: country borders with a choropleth and legend, event clusters, and click-through to the events."""

import pytest

from tests.dashboard.pages import after, api, chart_events

pytestmark = pytest.mark.slow


def test_map_draws_borders_choropleth_legend_and_clusters(page, dashboard_url):
    summary = api(dashboard_url, "/api/map?modes=occurred&cell=2")
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map path.country.has-events").count() == len(summary["countries"])
    assert page.locator("#map circle.cluster").count() == len(summary["clusters"]) == int(page.get_attribute("#map", "data-clusters"))
    fills = set(page.locator("#map path.country.has-events").evaluate_all("els => els.map(e => e.getAttribute('fill'))"))
    assert len(fills) > 1  # shaded by count, not one colour
    assert "events placed in the country" in page.inner_text("#map .map-legend")
    assert page.locator("#map .country-labels text").count() >= 5


def test_map_colours_by_mean_goldstein(page):
    after(page, lambda: page.select_option("#map-colour", "goldstein"))
    assert "mean Goldstein" in page.inner_text("#map .map-legend") and "colour=goldstein" in page.url


def test_map_clicking_a_country_filters_every_view_by_it(page, dashboard_url):
    after(page, lambda: page.locator("#map path.country[data-country=UKR]").dispatch_event("click"))
    assert page.input_value("input[name=countries]") == "UKR" and "countries=UKR" in page.url
    ukraine = api(dashboard_url, "/api/events?modes=occurred&countries=UKR&limit=1")["total"]
    assert chart_events(page, "#timeline") == chart_events(page, "#map") == ukraine
    assert set(page.locator("#events tbody tr td:nth-child(7)").all_inner_texts()) == {"Kyiv"}
    assert page.locator("#map path.country.selected[data-country=UKR]").count() == 1


def test_map_clicking_a_cluster_lists_its_events_and_one_opens_its_evidence(page, dashboard_url):
    cluster = page.locator("#map circle.cluster").first
    count, place = int(cluster.get_attribute("data-events")), cluster.get_attribute("data-place")
    cluster.dispatch_event("click")
    page.wait_for_selector("#map-events table")
    assert f"({count})" in page.inner_text("#map-events h3") and int(page.inner_text("#map-events .events-count").split()[0]) >= count
    listed = page.locator("#map-events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert listed and all(api(dashboard_url, f"/api/events/{event_id}")["event"]["place_name"] == place for event_id in listed)
    page.locator("#map-events tbody tr").first.click()
    page.wait_for_selector("#evidence")
    assert page.problems == []
