"""Story pages: title, date, source and link, the text with every span highlighted at its offsets, reasons in words, copies."""

import pytest

from tests.dashboard.conftest import open_page
from tests.dashboard.pages import after, api

pytestmark = pytest.mark.slow


def _story_with_a_copy(dashboard_url) -> dict:
    return next(a for a in api(dashboard_url, "/api/articles?limit=500")["items"] if a["copies"] > 1 and a["canonical_id"] == a["id"])


def test_story_opens_from_an_event_and_shows_the_article(page, dashboard_url):
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail a.story-link")
    after(page, lambda: page.click("#detail a.story-link"))
    assert "view=story" in page.url and page.is_visible("#view-story") and not page.is_visible("#view-overview")
    article = api(dashboard_url, f"/api/articles/{page.get_attribute('#story', 'data-article')}")
    assert page.inner_text("#story-title") == article["title"] and article["date"] in page.inner_text("#story-meta")
    assert page.get_attribute("#story-url", "href") == article["url"]


def test_story_highlights_every_span_at_its_offsets(browser, dashboard_url):
    story_id = _story_with_a_copy(dashboard_url)["id"]
    context, page = open_page(browser, dashboard_url, f"/?view=story&article={story_id}")
    try:
        text = api(dashboard_url, f"/api/articles/{story_id}")["text"]
        pieces = page.locator("#story-text span.hl").evaluate_all("els => els.map(e => [Number(e.dataset.start), Number(e.dataset.end), e.textContent, e.dataset.kinds])")
        assert pieces and all(text[start:end] == piece for start, end, piece, _ in pieces)
        assert {"actor", "trigger", "time", "place"} <= set(" ".join(kinds for *_, kinds in pieces).split())
        page.locator("#story-text span.hl-trigger").first.click()
        assert "synthetic:" in page.inner_text("#story-why")  # the event's rule, said in words
        assert page.locator("#copies li").count() == 1 and "near" in page.inner_text("#copies")
        assert page.problems == []
    finally:
        context.close()


def test_story_of_a_copy_says_which_story_it_copies(browser, dashboard_url):
    story = _story_with_a_copy(dashboard_url)
    copy = next(a for a in api(dashboard_url, "/api/articles?limit=500")["items"] if a["canonical_id"] == story["id"] and a["id"] != story["id"])
    context, page = open_page(browser, dashboard_url, f"/?view=story&article={copy['id']}")
    try:
        assert page.get_attribute("#story", "data-article") == story["id"] and "near-duplicate copy" in page.inner_text("#story .note")
    finally:
        context.close()
