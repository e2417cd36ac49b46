"""``series`` and ``alerts``: a dyad's events over time, and the weeks far worse than its baseline.

Both print tables that fit a terminal: ``series`` prints one row per period and measure (long
format; ``--wide`` gives one column per measure), and ``alerts`` folds the baseline into one column
and, when nothing alerted, says which setting to loosen.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from harbinger.analysis import LEVELS, MODE_CHOICES, PERIODS, AlertSettings, dyad_series, escalation_alerts
from harbinger.analysis.series import MAX_ROWS, PLOVER_TYPES, QUAD_COLUMNS, TIMING_CHOICES
from harbinger.cli.options import DEFAULT_DB, DbOption, FormatOption, default_of
from harbinger.errors import HarbingerError
from harbinger.output import Format, print_rows

DateOption = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="YYYY-MM-DD.")]
TimingOption = Annotated[
    str, typer.Option(help="'current' (news at the story's date) or 'all' (with historical and future events); or one of those.")
]


def _day(value: datetime | None):
    return value.date() if value else None


def _one_of(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise HarbingerError("H509", f"--{name} '{value}' is not one of {', '.join(allowed)}")
    return value


# Counts a long series lists only when non-zero (a week without assaults needs no 'assault 0' row).
SPARSE_MEASURES = frozenset(QUAD_COLUMNS) | {t.lower() for t in PLOVER_TYPES}
LONG_COLUMNS = ["period", "source", "target", "series", "measure", "value"]


def long_series(columns: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """The wide series (one column per measure) as one row per period and measure: events, mentions and the
    Goldstein sum for every period, the mean where there were events, and each QuadClass and PLOVER count that is not zero."""
    keys = ("period", "source", "target", "series")
    measures = [c for c in columns if c not in keys]
    out = []
    for row in rows:
        record = dict(zip(columns, row))
        for measure in measures:
            value = record[measure]
            if value is None or (measure in SPARSE_MEASURES and not value):
                continue
            out.append((*(record[k] for k in keys), measure, value))
    return LONG_COLUMNS, out


def no_alerts_hint(settings: AlertSettings) -> str:
    """One line saying why nothing alerted and which option to loosen first."""
    rule = f"no dyad-week reached z ≥ {settings.threshold:g} with ≥ {settings.min_events} occurred events and ≥ {settings.min_baseline_weeks} weeks of history"
    if settings.min_events > 1:
        return f"No alerts: {rule}. Try --min-events 1 (or a lower --threshold)."
    if settings.threshold > 2:
        return f"No alerts: {rule}. Try --threshold 2 (or --timing all)."
    return f"No alerts: {rule}. The store may hold too few weeks per dyad; try --level country or a wider --since."


ALERT_TABLE_COLUMNS = ["dyad", "week", "metric", "value (baseline)", "z", "evidence"]


def alert_table(columns: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """Alerts as a table that fits a terminal: the baseline beside the value ('7 (0.38 ± 0.48, 8 wk)'), and the
    evidence as its count out of the week's events and the most hostile event's id (``-f json`` lists them all)."""
    out = []
    for row in rows:
        a = dict(zip(columns, row))
        value = f"{a['value']:g} ({a['baseline_mean']:.3g} ± {a['baseline_sd']:.3g}, {a['baseline_weeks']} wk)"
        metric = "conflict" if a["metric"] == "conflict_events" else "Goldstein"
        first = f": {a['evidence_ids'][0]} …" if a["evidence_ids"] else ""
        out.append((f"{a['source']} → {a['target']}", a["week"], metric, value, f"{a['score']:.3g}", f"{a['evidence_count']}/{a['events']}{first}"))
    return ALERT_TABLE_COLUMNS, out


def series(
    db: DbOption = Path(DEFAULT_DB),
    source: Annotated[Optional[str], typer.Option(help="Source actor: country (USA) or, with --level code, a code (USAGOV).")] = None,
    target: Annotated[Optional[str], typer.Option(help="Target actor, as --source.")] = None,
    by: Annotated[str, typer.Option(help=f"Period: {', '.join(PERIODS)}.")] = default_of(dyad_series, "by"),
    level: Annotated[str, typer.Option(help="Match actors by 'country' or full actor 'code'.")] = default_of(dyad_series, "level"),
    mode: Annotated[str, typer.Option(help="'occurred' (asserted + reported), 'all', or one mode.")] = default_of(dyad_series, "mode"),
    since: DateOption = None,
    until: DateOption = None,
    timing: TimingOption = default_of(dyad_series, "timing"),
    wide: Annotated[bool, typer.Option("--wide", help="One row per period with a column per measure (28 columns), not one row per period and measure.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """A dyad's time series: events per QuadClass and PLOVER type, Goldstein mean and sum, mentions.

    Periods run from --since (default: the first matching event) to --until (default: the last): at most 5,000.
    Printed long (period, measure, value; zero type and QuadClass counts left out) unless --wide.
    """
    from harbinger.analysis.events import require_events
    from harbinger.store import Store

    _one_of(by, PERIODS, "by")
    _one_of(level, LEVELS, "level")
    _one_of(mode, MODE_CHOICES, "mode")
    _one_of(timing, TIMING_CHOICES, "timing")
    with Store(db, read_only=True) as store:
        require_events(store)
        columns, rows = dyad_series(store, source, target, by, level, mode, _day(since), _day(until), timing)
    if not wide:
        columns, rows = long_series(columns, rows)
    elif fmt is Format.table:
        keep = [i for i, c in enumerate(columns) if i < 12 or any(row[i] for row in rows)]
        columns, rows = [columns[i] for i in keep], [[row[i] for i in keep] for row in rows]
    events = mode if timing == "current" else f"{mode}, timing {timing}"
    print_rows(columns, rows, fmt, title=f"{source or '*'} → {target or '*'} per {by} ({events})")


def alerts(
    db: DbOption = Path(DEFAULT_DB),
    since: DateOption = None,
    until: DateOption = None,
    source: Annotated[Optional[str], typer.Option(help="Only dyads with this source.")] = None,
    target: Annotated[Optional[str], typer.Option(help="Only dyads with this target.")] = None,
    level: Annotated[str, typer.Option(help="Dyads of 'country' or full actor 'code'.")] = default_of(escalation_alerts, "level"),
    threshold: Annotated[float, typer.Option(help="Minimum z-score.")] = AlertSettings.threshold,
    baseline_weeks: Annotated[int, typer.Option(help="Weeks in the rolling baseline.")] = AlertSettings.baseline_weeks,
    min_baseline_weeks: Annotated[
        int, typer.Option(help="Weeks of history a dyad needs before it can alert.")
    ] = AlertSettings.min_baseline_weeks,
    min_events: Annotated[int, typer.Option(help="Occurred events a dyad needs in the week.")] = AlertSettings.min_events,
    timing: TimingOption = default_of(escalation_alerts, "timing"),
    limit: Annotated[int, typer.Option(help=f"At most this many alerts, highest score first (up to {MAX_ROWS:,}).")] = MAX_ROWS,
    fmt: FormatOption = Format.table,
) -> None:
    """Escalation alerts: dyad-weeks far worse than the dyad's own baseline (see harbinger/api/README.md)."""
    from harbinger.analysis.events import require_events
    from harbinger.store import Store

    _one_of(level, LEVELS, "level")
    _one_of(timing, TIMING_CHOICES, "timing")
    settings = AlertSettings(threshold=threshold, baseline_weeks=baseline_weeks, min_baseline_weeks=min_baseline_weeks, min_events=min_events)
    with Store(db, read_only=True) as store:
        require_events(store)
        columns, rows = escalation_alerts(store, _day(since), _day(until), level, settings, source, target, timing, limit)
    if fmt is Format.table:
        columns, rows = alert_table(columns, rows)
    print_rows(columns, rows, fmt, title=f"escalation alerts in {Path(db).name}")
    if not rows:
        Console(stderr=fmt is not Format.table, markup=False, highlight=False).print(no_alerts_hint(settings), soft_wrap=True)
