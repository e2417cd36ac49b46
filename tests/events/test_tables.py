"""Code tables (harbinger/events/tables.py): Goldstein, QuadClass and PLOVER lookups from package data."""

from __future__ import annotations

import dataclasses

import pytest

from harbinger.ontology import PLOVER_QUAD, QuadClass

from harbinger.errors import HarbingerError
from harbinger.events.tables import cameo_info, load_finder_words, load_tables


@pytest.mark.parametrize(
    ("code", "goldstein", "quad_class", "plover"),
    [
        ("036", 4.0, 1, "AGREE"),
        ("040", 1.0, 1, "CONSULT"),
        ("057", 8.0, 1, "SUPPORT"),
        ("070", 7.0, 2, "AID"),
        ("0872", 9.0, 2, "RETREAT"),
        ("112", -2.0, 3, "ACCUSE"),
        ("125", -5.0, 3, "REJECT"),
        ("138", -7.0, 3, "THREATEN"),
        ("154", -7.2, 4, "MOBILIZE"),
        ("163", -8.0, 4, "SANCTION"),
        ("173", -5.0, 4, "COERCE"),
        ("190", -10.0, 4, "ASSAULT"),
        ("020", 3.0, 3, "REQUEST"),
        ("010", 0.0, 1, None),
    ],
)
def test_cameo_info_lookups(code, goldstein, quad_class, plover):
    row = cameo_info(code)
    assert (row.goldstein, row.quad_class, row.plover) == (goldstein, quad_class, plover)


def test_cameo_info_unknown_code_is_explained():
    with pytest.raises(HarbingerError, match="H510"):
        cameo_info("999")


def test_load_tables_quad_class_is_the_plover_types():
    """PLOVER's quad categories, not CAMEO's roots: appeals (02) are verbal conflict, yielding (08) verbal cooperation."""
    codes = load_tables().codes.values()
    assert all(row.quad_class == PLOVER_QUAD[row.plover] for row in codes if row.plover)
    assert {row.quad_class for row in codes if row.root == "02"} == {QuadClass.VERBAL_CONFLICT}
    assert {row.quad_class for row in codes if row.plover == "CONCEDE"} == {QuadClass.VERBAL_COOPERATION}


def test_load_tables_every_pattern_code_is_known():
    tables = load_tables()
    for block in tables.blocks:
        for pattern in block["patterns"]:
            for code in (pattern["code"], pattern["passive"]):
                assert code is None or code[:2] in {row.root for row in tables.codes.values()}, (block["name"], code)


def test_load_tables_lexicon_codes_are_known():
    tables = load_tables()
    lexicon = tables.lexicon
    for section in ("extra_verbs", "event_nouns", "block_defaults", "block_codes", "intent_codes", "verb_codes", "clause_codes"):
        for key, code in lexicon[section].items():
            if not key.startswith("_"):
                assert code in tables.codes, (section, key, code)


def test_load_finder_words_every_list_is_lower_case_words():
    words = load_finder_words()
    for field in dataclasses.fields(words):
        values = getattr(words, field.name)
        assert values, f"{field.name} is empty"
        assert all(w == w.lower().strip() and w for w in values), field.name


def test_load_tables_is_not_changed_by_coding(nlp_events, code):
    tables = load_tables()
    before = {name: len(words) for name, words in tables.word_sets.items()}
    code(nlp_events, "Russia attacked Ukraine and accused NATO of provocations on Monday.")
    assert {name: len(words) for name, words in tables.word_sets.items()} == before
