"""Dictionaries: date-ranged roles, user dictionary files (CSV and YAML) and their precedence."""

from __future__ import annotations

from datetime import date

import pytest

from harbinger.actors.lexicon import phrase_key, read_user_dictionary, shipped_lexicon, user_dictionary
from harbinger.errors import HarbingerError


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("angela merkel", date(2021, 6, 1), "DEUGOV"),  # Wikidata spell 2005-2021 closes Phoenix's open ">051122"
        ("angela merkel", date(2022, 6, 1), "DEUELI"),  # after it: Phoenix's default role
        ("vladimir putin", date(1995, 1, 1), "RUSELI"),
        ("vladimir putin", date(2010, 1, 1), "RUSGOV"),
    ],
)
def test_entry_code_at_follows_date_ranges(name, day, code):
    lexicon = shipped_lexicon()
    entry = next(e for e in lexicon.actors.lookup(name) if e.person)
    assert entry.code_at(day)[0] == code


def test_shipped_lexicon_has_modern_office_holders():
    (blinken,) = shipped_lexicon().people.lookup("antony blinken")
    assert blinken.code_at(date(2022, 1, 9))[0] == "USAGOV"
    assert blinken.code_at(date(2020, 6, 1))[0] is None


@pytest.mark.parametrize(
    ("text", "key"),
    [("U.S.", "u.s."), ("Secretary-General", "secretary-general"), ("Secretary - General", "secretary-general"), ("NORTH_ATLANTIC ", "north atlantic")],
)
def test_phrase_key_normalises(text, key):
    assert phrase_key(text) == key


@pytest.mark.parametrize("suffix", [".csv", ".yaml"])
def test_read_user_dictionary_reads_dated_roles(tmp_path, suffix):
    path = tmp_path / f"actors{suffix}"
    if suffix == ".csv":
        path.write_text("name,aliases,code,role,from,to\nJake Sullivan,Sullivan|J. Sullivan,USAGOV,National Security Adviser,2021-01-20,\n")
    else:
        path.write_text(
            "- name: Jake Sullivan\n  aliases: [Sullivan, J. Sullivan]\n  code: USAGOV\n  role: National Security Adviser\n  from: 2021-01-20\n"
        )
    (entry,) = read_user_dictionary(path)
    assert entry.names == ("jake sullivan", "sullivan", "j. sullivan")
    assert entry.code_at(date(2022, 1, 9)) [0] == "USAGOV"
    assert entry.code_at(date(2020, 1, 1))[0] is None
    assert entry.roles[0].title == "National Security Adviser"


def test_user_dictionary_later_file_overrides_earlier(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("name,aliases,code,role,from,to\nJake Sullivan,,USAGOV,,,\n")
    second = tmp_path / "b.yaml"
    second.write_text("- {name: Jake Sullivan, code: USAELI}\n")
    merged = user_dictionary((str(first), str(second)))
    (entry,) = merged.lookup("jake sullivan")
    assert entry.code_at(date(2022, 1, 9))[0] == "USAELI"


@pytest.mark.parametrize(
    ("content", "code"),
    [("name,aliases,code,role,from,to\n,,USAGOV,,,\n", "H602"), ("name,aliases,code,role,from,to\nX,,USAGOV,,9 May,\n", "H603")],
)
def test_read_user_dictionary_explains_bad_entries(tmp_path, content, code):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(HarbingerError) as caught:
        read_user_dictionary(path)
    assert caught.value.code == code


def test_role_rank_prefers_the_office_over_an_ex_officio_title():
    from datetime import date

    from harbinger.actors.lexicon import Entry, Role

    entry = Entry(("emmanuel macron",), "test", None, (Role("ANDGOV", date(2017, 5, 14), None, "French co-prince of Andorra"), Role("FRAGOV", date(2017, 5, 14), None, "President")))
    assert entry.code_at(date(2022, 3, 1))[0] == "FRAGOV"
