"""Event coding: PLOVER type, CAMEO code, Goldstein and QuadClass for each predicate, with its mode and evidence.

Importing the package registers the ``events`` stage. The writers for GDELT, PLOVER and ICEWS files are in
:mod:`harbinger.events.export`.
"""

from harbinger.events.stage import Event, Evidence, Participant, code_events
from harbinger.events.tables import CameoCode, cameo_info, load_tables

__all__ = [
    "CameoCode",
    "Event",
    "Evidence",
    "Participant",
    "cameo_info",
    "code_events",
    "load_tables",
]
