"""The filter state lives in the URL: a view can be shared, reloaded, and walked back with the browser's history."""

import pytest

from tests.dashboard.conftest import open_page
from tests.dashboard.pages import chart_events, check, set_field

pytestmark = pytest.mark.slow


def test_url_state_survives_a_reload(page, browser, dashboard_url):
    set_field(page, "actors", "USA, RUS")
    check(page, "types", "ACCUSE")
    check(page, "modes", "planned")
    set_field(page, "min_confidence", "0.7")
    set_field(page, "q", "Moscow")
    set_field(page, "since", "2022-01-10")
    shown = (page.inner_text("#events .events-count"), chart_events(page, "#timeline"), chart_events(page, "#map"), page.inner_text("#filter-summary"))
    url = page.url
    assert "actors=USA%2CRUS" in url and "types=ACCUSE" in url and "modes=occurred%2Cplanned" in url and "q=Moscow" in url
    context, reloaded = open_page(browser, dashboard_url, path=url[len(dashboard_url):])
    try:
        assert reloaded.input_value("input[name=actors]") == "USA,RUS" and reloaded.input_value("input[name=since]") == "2022-01-10"
        assert reloaded.is_checked("input[name=types][value=ACCUSE]") and reloaded.is_checked("input[name=modes][value=planned]")
        assert (reloaded.inner_text("#events .events-count"), chart_events(reloaded, "#timeline"), chart_events(reloaded, "#map"),
                reloaded.inner_text("#filter-summary")) == shown  # fmt: skip
        assert reloaded.problems == []
    finally:
        context.close()


def test_url_state_back_button_restores_the_previous_filter(page):
    before = page.inner_text("#events .events-count")
    check(page, "types", "SANCTION")
    assert page.inner_text("#events .events-count") != before
    page.go_back()
    page.wait_for_function("before => document.querySelector('#events .events-count') && document.querySelector('#events .events-count').textContent === before", arg=before)
    assert not page.is_checked("input[name=types][value=SANCTION]")


def test_url_state_reset_returns_to_the_defaults(page):
    set_field(page, "actors", "UKR")
    page.click("#reset")
    page.wait_for_function("() => !location.search.includes('actors')")
    assert page.input_value("input[name=actors]") == "" and page.is_checked("input[name=modes][value=occurred]")
