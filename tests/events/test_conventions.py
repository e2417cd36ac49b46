"""docs/coding-conventions.md, kept true: every sentence in its tables is coded as the table says.

The cases are read from the page itself (each table with the columns sentence | trigger | PLOVER |
CAMEO | mode, above "Known gaps"), so the page and the test cannot drift apart. Known gaps are listed
on the page and deliberately not run here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harbinger.events.tables import load_tables
from harbinger.ontology import MODES, PLOVER_TYPES
from tests.events.conftest import on_trigger

DOC = Path(__file__).resolve().parents[2] / "docs" / "coding-conventions.md"
CASE_HEADER = ["sentence", "trigger", "PLOVER", "CAMEO", "mode"]
GAPS = "Known gaps"
NO_EVENT = "—"


def _read() -> tuple[list[tuple[str, list[str]]], set[tuple[str, str]]]:
    """The test cases (section, [sentence, trigger, plover, cameo, mode]) and the (sentence, trigger) pairs of the gaps."""
    cases, gaps = [], set()
    section = ""
    header: list[str] | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip()[1:-1].split("|")]
        if header is None:
            header = cells
        elif all(set(c) <= set("-: ") for c in cells):
            continue  # the rule under the header
        elif section == GAPS:
            gaps.add((cells[0], cells[1]))
        elif header == CASE_HEADER:
            cases.append((section, cells))
    return cases, gaps


CASES, GAP_PAIRS = _read()


def _id(section: str, cells: list[str]) -> str:
    return f"{section.split()[0].lower()}-{cells[1]}-{cells[0][:30]}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo", "mode"),
    [pytest.param(*cells, id=_id(section, cells)) for section, cells in CASES],
)
def test_conventions_sentence_is_coded_as_the_page_says(nlp_full, code, text, trigger, plover, cameo, mode):
    events = on_trigger(code(nlp_full, text), trigger)
    if plover == NO_EVENT:
        assert events == [], f"'{trigger}' should give no event"
        return
    assert events, f"no event on '{trigger}'"
    event = events[0]
    assert event["plover_type"] == plover
    assert event["cameo_code"][:2] == cameo[:2], f"CAMEO {event['cameo_code']}, the page says {cameo}"
    if mode:
        assert event["mode"] == mode


def test_conventions_page_tables_are_well_formed():
    codes = load_tables().codes
    assert len(CASES) >= 25, "the page's case tables were not found: check their header row"
    for section, (text, trigger, plover, cameo, mode) in CASES:
        where = f"{section}: {text}"
        assert re.search(rf"\b{re.escape(trigger)}\b", text), f"{where}: trigger '{trigger}' is not in the sentence"
        assert plover == NO_EVENT or plover in PLOVER_TYPES, f"{where}: unknown PLOVER type '{plover}'"
        assert cameo in codes, f"{where}: unknown CAMEO code '{cameo}'"
        assert mode == "" or mode in MODES, f"{where}: unknown mode '{mode}'"
    sections = {section for section, _ in CASES}
    assert len(sections) >= 10, f"every convention needs its test sentences; found tables in {sorted(sections)}"


def test_conventions_known_gaps_are_not_test_cases():
    assert GAP_PAIRS, f"no '{GAPS}' table found on the page"
    tested = {(cells[0], cells[1]) for _, cells in CASES}
    assert not (GAP_PAIRS & tested), f"listed both as passing and as a known gap: {sorted(GAP_PAIRS & tested)}"
