"""The overview in a real browser: every chart draws, and one filter state drives all of them."""

from datetime import date

import pytest

from tests.dashboard.pages import after, api, chart_events, check, set_field

pytestmark = pytest.mark.slow


def test_overview_loads_without_console_errors_or_outside_requests(page):
    page.wait_for_timeout(300)
    assert page.problems == []
    assert "events from" in page.inner_text("#stats")
    assert page.evaluate("window.harbingerTiming.firstRender") > 0


def test_overview_charts_draw_on_a_time_scale(page, dashboard_url):
    occurred = api(dashboard_url, "/api/events?modes=occurred&limit=1")["total"]
    assert page.locator("#timeline canvas").count() == 1 and page.locator("#dyad-chart canvas").count() == 1
    assert chart_events(page, "#timeline") == occurred  # the default mode is occurred, in the filter bar and the charts alike
    days = api(dashboard_url, "/api/timeline?modes=occurred&by=day")  # 12 weeks of news: counted per day
    first, last = days[0]["period"], days[-1]["period"]
    assert page.inner_text("#timeline-by") == "day" and len(days) < 70
    assert (page.get_attribute("#timeline", "data-first"), page.get_attribute("#timeline", "data-last")) == (first, last)
    span = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    assert int(page.get_attribute("#timeline", "data-points")) == span  # zero-filled: quiet days keep their place on the axis
    assert page.get_attribute("#dyad-chart", "data-dyad") == "USA|RUS" and page.get_attribute("#dyad-chart", "data-alerts") == "1"
    assert page.locator("#events tbody tr").count() == 25 and page.is_checked("input[name=modes][value=occurred]")
    series = api(dashboard_url, "/api/series?source=USA&target=RUS")  # the series' default mode is the filter bar's
    assert chart_events(page, "#dyad-chart") == sum(p["events"] for p in series["points"]) and series["mode"] == "occurred"


def test_overview_a_filter_changes_every_view(page, dashboard_url):
    views = lambda: (chart_events(page, "#timeline"), chart_events(page, "#dyad-chart"), chart_events(page, "#map"), page.inner_text("#events .events-count"))
    before = views()
    check(page, "types", "SANCTION")
    after_filter = views()
    assert all(a != b for a, b in zip(before, after_filter))
    sanctions = api(dashboard_url, "/api/events?modes=occurred&types=SANCTION&limit=1")["total"]
    assert chart_events(page, "#timeline") == chart_events(page, "#map") == sanctions == int(page.inner_text("#events .events-count").split()[0])
    assert set(page.locator("#events tbody tr td:nth-child(4)").all_inner_texts()) == {"SANCTION"}
    assert page.problems == []


def test_overview_the_dyad_chart_follows_the_actor_filter(page):
    assert page.get_attribute("#dyad-chart", "data-dyad") == "USA|RUS"
    set_field(page, "actors", "ukr")
    assert "UKR" in page.get_attribute("#dyad-chart", "data-dyad").split("|")
    assert page.input_value("input[name=actors]") == "UKR"
    texts = page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => [r.cells[1].textContent, r.cells[2].textContent])")
    assert texts and all(any(code.startswith("UKR") for code in pair) for pair in texts)


def test_overview_picking_a_dyad_filters_every_view(page, dashboard_url):
    after(page, lambda: page.select_option("#dyad", "FRA|DEU"))
    assert page.input_value("input[name=source]") == "FRA" and page.input_value("input[name=target]") == "DEU"
    dyad = api(dashboard_url, "/api/events?modes=occurred&source=FRA&target=DEU&limit=1")["total"]
    assert chart_events(page, "#timeline") == chart_events(page, "#dyad-chart") == dyad
    assert "source=FRA" in page.url and "target=DEU" in page.url


def test_overview_brushing_the_timeline_sets_the_date_range(page):
    box = page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    def drag():
        page.mouse.move(box["x"] + box["width"] * 0.3, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
        page.mouse.up()
    after(page, drag)
    since, until = page.input_value("input[name=since]"), page.input_value("input[name=until]")
    assert "2022-01-03" < since < until < "2022-03-27"
    assert f"since={since}" in page.url and f"until={until}" in page.url
    dates = page.locator("#events tbody tr td:nth-child(1)").all_inner_texts()
    assert dates and all(since <= d <= until for d in dates)


def test_overview_brushing_the_dyad_chart_sets_the_date_range_too(page):
    box = page.locator("#dyad-chart .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    def drag():
        page.mouse.move(box["x"] + box["width"] * 0.5, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=8)
        page.mouse.up()
    after(page, drag)
    since, until = page.input_value("input[name=since]"), page.input_value("input[name=until]")
    assert since < until and page.get_attribute("#timeline", "data-first") >= since


def test_overview_event_evidence_highlights_match_the_article_offsets(page, dashboard_url):
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#evidence")
    event_id = page.get_attribute("#detail", "data-event")
    article = api(dashboard_url, f"/api/articles/{api(dashboard_url, f'/api/events/{event_id}')['article']['id']}")
    pieces = page.locator("#evidence span.hl").evaluate_all("els => els.map(e => [Number(e.dataset.start), Number(e.dataset.end), e.textContent, e.dataset.kinds])")
    assert pieces and all(article["text"][start:end] == text for start, end, text, _ in pieces)
    assert {"source", "target", "trigger", "actor", "time", "place"} <= set(" ".join(kinds for *_, kinds in pieces).split())
    resolution = page.inner_text("#detail dl.resolution")
    assert "USAGOV" in resolution or "→" in resolution
    assert "=" not in resolution  # readable sentences, not a key=value dump (harbinger/api/explain.py)


def test_overview_on_an_empty_store_says_so_without_errors(empty_page):
    assert empty_page.problems == []
    assert "0 events" in empty_page.inner_text("#stats")
    assert "No dated events" in empty_page.inner_text("#timeline")
    assert "No dyad" in empty_page.inner_text("#dyad-chart")
    assert empty_page.locator("#map path.country").count() > 150
