"""The time lexicon: calendar names, number words, units and cue words, read once per process from package data.

Every word list the finder, the normaliser and the tense reader use lives in
``harbinger/data/time/lexicon.json``; a user can point ``HARBINGER_TIME_LEXICON``
at a copy of it with their own additions.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_context_words: frozenset[str]
    weekdays: dict[str, int]
    abbreviated_weekdays: frozenset[str]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    duration_codes: dict[str, tuple[str, int, str]]
    seasons: dict[str, str]
    season_start_months: dict[str, int]
    parts_of_day: dict[str, str]
    deictic_days: dict[str, int]
    tonight_part: str
    reference_words: dict[str, str]
    past_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    present_modifiers: frozenset[str]
    partial_modifiers: dict[str, str]
    before_words: frozenset[str]
    after_words: frozenset[str]
    set_adverbs: dict[str, str]
    age_words: frozenset[str]
    time_zones: tuple[str, ...]
    special_times: dict[str, str]
    holidays: dict[str, str]
    future_auxiliaries: frozenset[str]
    future_lemmas: frozenset[str]
    reporting_lemmas: frozenset[str]
    past_prepositions: frozenset[str]
    military_time_zones: tuple[str, ...]
    anaphoric_determiners: dict[str, int]
    uncounted_duration_codes: dict[str, str]  # "decades": PXDE, since X years cannot be multiplied by ten
    halves: dict[str, int]
    number_ones: dict[str, int]  # spelled-out numbers are built from these: "twenty-three", "nineteen ninety-one"
    number_tens: dict[str, int]
    teens: dict[str, int]
    year_centuries: dict[str, int]
    frequency_words: dict[str, int]  # "twice a week": freq 2X
    set_quantifiers: dict[str, str]  # "every year": quant EVERY
    duration_mods: dict[str, str]  # "more than three years": mod MORE_THAN
    point_mods: dict[str, str]  # "about 2 p.m.": mod APPROX
    open_prepositions: frozenset[str]  # "until Nov. 9": the verb's tense says nothing about which side of the DCT
    newspaper_words: frozenset[str]  # "the Greek daily Kathimerini": a paper, not a frequency
    shift_mods: dict[str, str]  # "more than a year ago": MORE (BEFORE for a past point, AFTER for a later one)
    half_units: dict[str, tuple[str, int]]  # "a year and a half": P18M, written in the next smaller unit
    preceding_words: dict[str, frozenset[str]]  # rule -> words it must follow: "in the morning", not "survived the night"
    function_words: frozenset[str]  # "the fiscal year 2023 and ...": after these, "the" is the year's own
    floating_holidays: dict[str, tuple[int, int, int, int]]  # Thanksgiving: (11, 4, 4, 0), the 4th Thursday of November
    possessive_determiners: frozenset[str]  # "the three months", "my first 100 days": part of the duration


def _default_path() -> Path:
    return Path(str(resources.files("harbinger") / "data" / "time" / "lexicon.json"))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The lexicon at ``path`` (default: $HARBINGER_TIME_LEXICON, else the packaged one), parsed once per process."""
    source = Path(path or os.environ.get("HARBINGER_TIME_LEXICON") or _default_path())
    raw = json.loads(source.read_text(encoding="utf-8"))
    return Lexicon(
        months=raw["months"],
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        month_context_words=frozenset(raw["month_context_words"]),
        weekdays=raw["weekdays"],
        abbreviated_weekdays=frozenset(raw["abbreviated_weekdays_need_period"]),
        numbers=raw["numbers"],
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        duration_codes={k: tuple(v) for k, v in raw["duration_codes"].items()},
        seasons=raw["seasons"],
        season_start_months=raw["season_start_months"],
        parts_of_day=raw["parts_of_day"],
        deictic_days=raw["deictic_days"],
        tonight_part=raw["tonight_part"],
        reference_words=raw["reference_words"],
        past_modifiers=frozenset(raw["past_modifiers"]),
        future_modifiers=frozenset(raw["future_modifiers"]),
        present_modifiers=frozenset(raw["present_modifiers"]),
        partial_modifiers=raw["partial_modifiers"],
        before_words=frozenset(raw["before_words"]),
        after_words=frozenset(raw["after_words"]),
        set_adverbs=raw["set_adverbs"],
        age_words=frozenset(raw["age_words"]),
        time_zones=tuple(raw["time_zones"]),
        special_times=raw["special_times"],
        holidays=raw["holidays"],
        future_auxiliaries=frozenset(raw["future_auxiliaries"]),
        future_lemmas=frozenset(raw["future_lemmas"]),
        reporting_lemmas=frozenset(raw["reporting_lemmas"]),
        past_prepositions=frozenset(raw["past_prepositions"]),
        military_time_zones=tuple(raw["military_time_zones"]),
        anaphoric_determiners=raw["anaphoric_determiners"],
        uncounted_duration_codes=raw["uncounted_duration_codes"],
        halves=raw["halves"],
        number_ones=raw["number_ones"],
        number_tens=raw["number_tens"],
        teens=raw["teens"],
        year_centuries=raw["year_centuries"],
        frequency_words=raw["frequency_words"],
        set_quantifiers=raw["set_quantifiers"],
        duration_mods=raw["duration_mods"],
        point_mods=raw["point_mods"],
        open_prepositions=frozenset(raw["open_prepositions"]),
        newspaper_words=frozenset(raw["newspaper_words"]),
        shift_mods=raw["shift_mods"],
        half_units={k: tuple(v) for k, v in raw["half_units"].items()},
        possessive_determiners=frozenset(raw["possessive_determiners"]),
        preceding_words={rule: frozenset(words) for rule, words in raw["preceding_words"].items()},
        function_words=frozenset(raw["function_words"]),
        floating_holidays={k: tuple(v) for k, v in raw["floating_holidays"].items()},
    )
