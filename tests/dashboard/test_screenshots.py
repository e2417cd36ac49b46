"""A screenshot of each view. ``HARBINGER_SCREENSHOTS=1`` writes them to docs/screenshots/ (docs/dashboard.md shows
them), from the store ``HARBINGER_SCREENSHOT_DB`` names (the demo store: ``make demo``) or else the synthetic one;
otherwise they go to a temporary folder, so a test run leaves the work tree alone."""

import os
import shutil
from pathlib import Path

import pytest

from tests.dashboard.conftest import open_page, serving
from tests.dashboard.pages import after, api

pytestmark = pytest.mark.slow

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def shown_url(dashboard_url):
    store = os.environ.get("HARBINGER_SCREENSHOT_DB")
    if not store:
        yield dashboard_url
        return
    with serving(Path(store)) as url:
        yield url


def _keep(shot: Path, name: str) -> None:
    assert shot.stat().st_size > 20_000
    if os.environ.get("HARBINGER_SCREENSHOTS") == "1":
        FOLDER.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, FOLDER / name)


def _first_alert_settings(url: str) -> str:
    return "" if api(url, "/api/alerts?limit=1") else "&alert_min_events=1"


def test_screenshot_overview(browser, shown_url, tmp_path):
    context, page = open_page(browser, shown_url)
    try:
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#evidence")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)
        _keep(tmp_path / "overview.png", "dashboard-demo.png")
    finally:
        context.close()


def test_screenshot_map(browser, shown_url, tmp_path):
    context, page = open_page(browser, shown_url)
    try:
        after(page, lambda: page.select_option("#map-colour", "goldstein"))
        page.locator("#map circle.cluster").first.dispatch_event("click")
        page.wait_for_selector("#map-events table")
        page.locator("#map").locator("xpath=..").screenshot(path=str(tmp_path / "map.png"))
        _keep(tmp_path / "map.png", "dashboard-map.png")
    finally:
        context.close()


def test_screenshot_alerts(browser, shown_url, tmp_path):
    context, page = open_page(browser, shown_url, "/?view=alerts" + _first_alert_settings(shown_url))
    try:
        assert page.locator("section.alert").count() >= 1
        page.screenshot(path=str(tmp_path / "alerts.png"), full_page=True)
        _keep(tmp_path / "alerts.png", "dashboard-alerts.png")
    finally:
        context.close()


def test_screenshot_story(browser, shown_url, tmp_path):
    busiest = max(api(shown_url, "/api/articles?limit=500")["items"], key=lambda a: (a["events"], a["copies"], a["id"]))
    context, page = open_page(browser, shown_url, f"/?view=story&article={busiest['id']}")
    try:
        page.locator("#story-text span.hl-actor").first.click()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(tmp_path / "story.png"))  # the page's first screen: a whole article is long
        _keep(tmp_path / "story.png", "dashboard-story.png")
    finally:
        context.close()
