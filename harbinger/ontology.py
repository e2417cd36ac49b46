"""The closed vocabularies every layer shares: event modes, PLOVER event types and QuadClasses.

Each is an enum defined once, here. The PLOVER types are read from the CAMEO
code table in package data (``data/events/cameo_codes.csv``, its
``plover_event`` column), so the list is never typed out twice; the order is
PLOVER's own, cooperation first. Members are ``str`` (or ``int``) enums, so
they compare equal to the plain values stored in JSON and DuckDB.
"""

from __future__ import annotations

import csv
from enum import Enum, IntEnum
from importlib import resources


class Mode(str, Enum):
    """How the text presents an event: as fact, as hearsay, as a plan or a condition, or as not having happened."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    PLANNED = "planned"
    CONDITIONAL = "conditional"
    HYPOTHETICAL = "hypothetical"
    DENIED = "denied"
    NEGATED = "negated"

    def __str__(self) -> str:
        return self.value


# CAMEO actor-code prefixes of actors that belong to no state: international and non-governmental
# organisations, international militarised groups, multinational companies.
NON_STATE_PREFIXES: tuple[str, ...] = ("IGO", "NGO", "IMG", "MNC")

# Events counted as having happened in the default series and alerts.
OCCURRED: tuple[str, ...] = (Mode.ASSERTED.value, Mode.REPORTED.value)
MODES: tuple[str, ...] = tuple(m.value for m in Mode)


class QuadClass(IntEnum):
    """The four-way grouping of events (GDELT's QuadClass): an event's is its PLOVER type's (:data:`PLOVER_QUAD`)."""

    VERBAL_COOPERATION = 1
    MATERIAL_COOPERATION = 2
    VERBAL_CONFLICT = 3
    MATERIAL_CONFLICT = 4

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")


# PLOVER's sixteen event types in the order of its manual (cooperation, then conflict).
_PLOVER_ORDER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def _plover_types_in_table() -> list[str]:
    path = resources.files("harbinger") / "data" / "events" / "cameo_codes.csv"
    with path.open(encoding="utf-8") as handle:
        found = {row["plover_event"] for row in csv.DictReader(handle) if row["plover_event"]}
    unknown = found - set(_PLOVER_ORDER)
    if unknown:
        raise ValueError(f"cameo_codes.csv names PLOVER types outside the manual's list: {sorted(unknown)}")
    return [name for name in _PLOVER_ORDER if name in found]


# PLOVER's quad categories, from the summary table of its manual (Draft 0.8, 2021): the quad of an event is its
# PLOVER type's, so REQUEST is always verbal conflict and CONCEDE verbal cooperation, whatever CAMEO's grouping.
PLOVER_QUAD: dict[str, QuadClass] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), QuadClass.VERBAL_COOPERATION),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), QuadClass.MATERIAL_COOPERATION),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), QuadClass.VERBAL_CONFLICT),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), QuadClass.MATERIAL_CONFLICT),
}

PloverType = Enum("PloverType", {name: name for name in _plover_types_in_table()}, type=str)
PloverType.__doc__ = "A PLOVER event type, as the CAMEO code table maps codes to them."
PloverType.__str__ = lambda self: self.value
PLOVER_TYPES: tuple[str, ...] = tuple(t.value for t in PloverType)
