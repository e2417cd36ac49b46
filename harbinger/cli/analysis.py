"""``series`` and ``alerts``: a dyad's events over time, and the weeks far worse than its baseline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from harbinger.analysis import LEVELS, MODE_CHOICES, PERIODS, AlertSettings, dyad_series, escalation_alerts
from harbinger.analysis.series import MAX_ROWS, TIMING_CHOICES
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


def _evidence_cell(ids: list[str]) -> str:
    shown = ", ".join(ids[:3])
    return shown + (f" … (+{len(ids) - 3})" if len(ids) > 3 else "")


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
    fmt: FormatOption = Format.table,
) -> None:
    """A dyad's time series: events per QuadClass and PLOVER type, Goldstein mean and sum, mentions.

    Periods run from --since (default: the first matching event) to --until (default: the last): at most 5,000.
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
    if fmt is Format.table:
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
        at = columns.index("evidence_ids")
        rows = [[*row[:at], _evidence_cell(row[at]), *row[at + 1 :]] for row in rows]
    print_rows(columns, rows, fmt, title=f"escalation alerts in {db}")
