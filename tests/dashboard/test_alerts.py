"""The alerts view: each alert with why it fired, its dyad's weeks around it, and the events that drove it."""

import pytest

from tests.dashboard.conftest import open_page
from tests.dashboard.pages import after, api

pytestmark = pytest.mark.slow


def test_alerts_view_explains_each_alert_with_its_series_and_evidence(page, dashboard_url):
    after(page, lambda: page.click("#nav-alerts"))
    alerts = api(dashboard_url, "/api/alerts?limit=20")
    cards = page.locator("section.alert")
    assert cards.count() == len(alerts) == 2 and "view=alerts" in page.url
    first = cards.first
    assert first.get_attribute("data-dyad") == "USA|RUS" and first.get_attribute("data-week") == "2022-03-21"
    assert alerts[0]["why"] in first.inner_text()
    chart = first.locator(".alert-chart")
    assert chart.locator("canvas").count() == 1 and chart.get_attribute("data-alerts") == "1"
    assert int(chart.get_attribute("data-points")) == 8 + 1 + 4  # the baseline weeks, the alert week, four after
    assert first.locator(".alert-events tbody tr").count() == len(alerts[0]["evidence_ids"])
    first.locator(".alert-events tbody tr").first.click()
    page.wait_for_selector("#evidence")
    assert page.problems == []


def test_alerts_view_says_what_to_loosen_when_nothing_alerts(browser, dashboard_url):
    context, page = open_page(browser, dashboard_url, "/?view=alerts&since=2022-03-28")
    try:
        assert "No dyad-week reaches" in page.inner_text("#no-alerts")
        after(page, lambda: page.click("#alert-hint"))
        assert "alert_min_events=1" in page.url and page.input_value("#alert-settings input[name=min_events]") == "1"
    finally:
        context.close()
