"""The dashboard in a real headless browser against a real server.

``HARBINGER_SCREENSHOTS=1`` also refreshes docs/screenshots/dashboard.png (the README's picture);
otherwise the screenshot goes to a temporary folder, so a test run leaves the work tree alone.
"""

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "dashboard.png"


def test_dashboard_loads_without_console_errors(page):
    page.wait_for_timeout(300)
    assert page.problems == []
    assert "events from" in page.inner_text("#stats")


def test_dashboard_on_an_empty_store_says_so_without_errors(empty_page):
    assert empty_page.problems == []
    assert "0 events" in empty_page.inner_text("#stats")
    assert "No dated events" in empty_page.inner_text("#timeline")
    assert "No dyad-week" in empty_page.inner_text("#alerts")
    assert empty_page.locator("#map svg path.land").count() == 1


def test_dashboard_charts_render_for_seeded_data(page):
    assert page.locator("#timeline svg rect.bar").count() > 10
    assert page.locator("#series-chart svg path.line").count() == 1
    assert page.locator("#series-chart svg circle.point").count() == 12  # USA → RUS is picked: it alerted
    assert page.locator("#series-chart svg rect.alert-band").count() == 1
    assert page.locator("#map svg path.land").count() == 1
    assert page.locator("#map svg circle.place").count() >= 5
    assert "USA → RUS" in page.inner_text("#alerts")


def test_dashboard_filter_changes_the_table(page):
    before = page.inner_text("#events-count")
    page.select_option("#filter-type", "SANCTION")
    page.wait_for_function("before => document.querySelector('#events-count').textContent !== before", arg=before)
    types = page.locator("#events tbody tr td:nth-child(4)").all_inner_texts()
    assert types and set(types) == {"SANCTION"}
    assert int(page.inner_text("#events-count").split()[0]) < int(before.split()[0])
    page.fill("input[name=q]", "Washington")
    page.click("#apply")
    page.wait_for_function("() => [...document.querySelectorAll('#events tbody td.evidence')].every(td => td.textContent.includes('Washington'))")
    assert page.problems == []


def test_dashboard_event_detail_highlights_spans(page):
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#evidence")
    kinds = set(" ".join(page.locator("#evidence span.hl").evaluate_all("els => els.map(e => e.dataset.kinds)")).split())
    assert {"source", "target", "trigger", "actor", "time", "place"} <= kinds
    assert "CAMEO" in page.inner_text("#detail")


def test_dashboard_alert_click_shows_its_evidence(page):
    page.locator("#alerts tbody tr").first.click()
    page.wait_for_function("() => document.querySelector('input[name=source]').value === 'USA'")
    page.wait_for_selector("#evidence")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 7")
    dates = page.locator("#events tbody tr td:nth-child(1)").all_inner_texts()
    assert all("2022-03-21" <= d <= "2022-03-27" for d in dates)


def test_dashboard_screenshot(page, tmp_path):
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#evidence")
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    if os.environ.get("HARBINGER_SCREENSHOTS") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
