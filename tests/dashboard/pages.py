"""Driving the dashboard in the browser: change something, then wait until every view has redrawn."""

from __future__ import annotations

import json
import urllib.request
from typing import Callable

FILTER_BAR = "#filters"


def renders(page) -> int:
    return int(page.get_attribute("body", "data-renders") or 0)


def after(page, action: Callable[[], None]) -> None:
    """Run ``action`` and wait until the page has finished the render it started."""
    before = renders(page)
    action()
    page.wait_for_function("n => Number(document.body.dataset.renders) > n && document.body.dataset.state === 'ready'", arg=before, timeout=30_000)


def set_field(page, name: str, value: str) -> None:
    """Type a filter value and commit it (a change event, as leaving the field does)."""
    after(page, lambda: (page.fill(f"{FILTER_BAR} [name={name}]", value), page.dispatch_event(f"{FILTER_BAR} [name={name}]", "change")))


def check(page, name: str, value: str) -> None:
    """Tick one box of the types or modes list."""
    def tick():
        page.click(f"{FILTER_BAR} details:has(input[name={name}]) summary")
        page.check(f"{FILTER_BAR} input[name={name}][value='{value}']")
    after(page, tick)


def chart_events(page, selector: str) -> int:
    return int(page.get_attribute(selector, "data-events") or 0)


def api(url: str, path: str) -> dict | list:
    with urllib.request.urlopen(url + path) as response:
        return json.load(response)
