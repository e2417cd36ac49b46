"""Read coded events back as trends: dyad time series and escalation alerts, computed in DuckDB SQL.

Reads the store's ``events`` and ``articles`` tables (never writes). Functions return
``(columns, rows)`` like :mod:`harbinger.queries`, so the CLI prints them with ``--format`` and
the API turns them into typed models.
"""

from harbinger.analysis.alerts import AlertSettings, escalation_alerts
from harbinger.analysis.series import (
    LEVELS,
    MODE_CHOICES,
    MODES,
    OCCURRED,
    PERIODS,
    PLOVER_TYPES,
    QUAD_COLUMNS,
    dyad_series,
    top_dyads,
)

__all__ = [
    "AlertSettings",
    "LEVELS",
    "MODES",
    "MODE_CHOICES",
    "OCCURRED",
    "PERIODS",
    "PLOVER_TYPES",
    "QUAD_COLUMNS",
    "dyad_series",
    "escalation_alerts",
    "top_dyads",
]
