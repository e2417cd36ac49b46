"""Event coding: PLOVER type, CAMEO code, Goldstein and QuadClass for each predicate, with its mode and evidence.

Importing the package registers the ``events`` stage.
"""

from harbinger.events.export import GDELT_COLUMNS, plover_record, write_gdelt_tsv, write_plover_jsonl
from harbinger.events.stage import Event, Evidence, Participant, code_events
from harbinger.events.tables import CameoCode, cameo_info, load_tables

__all__ = [
    "GDELT_COLUMNS",
    "CameoCode",
    "Event",
    "Evidence",
    "Participant",
    "cameo_info",
    "code_events",
    "load_tables",
    "plover_record",
    "write_gdelt_tsv",
    "write_plover_jsonl",
]
