"""The place stage's word lists: read from the data folder once, complete, and each list distinct."""

from __future__ import annotations

import itertools
import shutil

import pytest

from harbinger.place.lexicon import AREA_NOUNS, DEFAULT_DIR, LIST_NAMES, WORD_LISTS, load_lexicon, read_rows

# Lists matched against a token's lower-case form; the others are parts of names, matched as written.
LOWER_CASE_LISTS = (
    "compass_words", "skipped_before_place", "place_prepositions", "close_prepositions", "venue_prepositions",
    "place_cues_after", "owned_by_places", "election_words", "area_nouns", "area_list_nouns",
)
CAPITALISED_LISTS = tuple(name for name in LIST_NAMES if name not in LOWER_CASE_LISTS)
GAZETTEER_KINDS = {"country", "admin", "city", "region"}


def test_load_lexicon_is_loaded_once_per_process():
    assert load_lexicon() is load_lexicon()


@pytest.mark.parametrize("name", [*LIST_NAMES, "area_nouns"])
def test_lexicon_lists_are_loaded_and_not_empty(name):
    assert isinstance(getattr(load_lexicon(), name), frozenset)
    assert getattr(load_lexicon(), name)


@pytest.mark.parametrize("name", LOWER_CASE_LISTS)
def test_lexicon_lists_matched_lower_case_hold_lower_case_words(name):
    assert all(word == word.lower() for word in getattr(load_lexicon(), name))


@pytest.mark.parametrize("name", CAPITALISED_LISTS)
def test_lexicon_lists_of_name_parts_hold_capitalised_words(name):
    assert all(word[:1].isupper() for word in getattr(load_lexicon(), name))


def test_lexicon_no_list_duplicates_another():
    lexicon = load_lexicon()
    lists = {name: getattr(lexicon, name) for name in [*LIST_NAMES, "area_nouns"]}
    assert [(a, b) for (a, x), (b, y) in itertools.combinations(lists.items(), 2) if x == y] == []


def test_lexicon_files_list_no_word_twice():
    rows = [(row["list"], row["word"]) for row in read_rows(DEFAULT_DIR / WORD_LISTS)]
    nouns = [row["noun"] for row in read_rows(DEFAULT_DIR / AREA_NOUNS)]
    assert len(rows) == len(set(rows))
    assert len(nouns) == len(set(nouns))


def test_lexicon_keeps_origins_and_destinations_out_of_the_venue_prepositions():
    lexicon = load_lexicon()
    assert {"to", "from"} <= lexicon.place_prepositions
    assert not {"to", "from"} & lexicon.venue_prepositions
    assert lexicon.close_prepositions <= lexicon.place_prepositions


def test_lexicon_area_nouns_allow_gazetteer_kinds_only():
    lexicon = load_lexicon()
    assert set(lexicon.area_noun_kinds) == lexicon.area_nouns
    assert set(itertools.chain(*lexicon.area_noun_kinds.values())) <= GAZETTEER_KINDS
    assert lexicon.area_noun_kinds["region"] == ("admin", "region")
    assert lexicon.area_noun_kinds["district"] == ()


def test_load_lexicon_reads_a_user_folder_and_falls_back_to_the_packaged_files(tmp_path):
    shutil.copy(DEFAULT_DIR / WORD_LISTS, tmp_path / WORD_LISTS)
    with (tmp_path / WORD_LISTS).open("a", encoding="utf-8") as handle:
        handle.write("facility_heads\tPier\n")
    lexicon = load_lexicon(str(tmp_path))
    assert lexicon.facility_heads == load_lexicon().facility_heads | {"Pier"}
    assert lexicon.area_noun_kinds == load_lexicon().area_noun_kinds  # no area_nouns.tsv there: the packaged one


@pytest.mark.parametrize(
    "rows, message",
    [("list\tword\nharbour_words\tQuay\n", "unknown list 'harbour_words'"), ("list\tword\ncompass_words\tnorth\n", "no words for skipped_before_place")],
)
def test_load_lexicon_names_what_is_wrong_with_a_user_word_list(tmp_path, rows, message):
    (tmp_path / WORD_LISTS).write_text(rows, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_lexicon(str(tmp_path))
