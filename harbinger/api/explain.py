"""Say in words how a span was resolved and why an alert fired, from the stages' own trace records.

The stages record their reasons as short steps (``title:Secretary of State``,
``person_dictionary:wikidata:Q7821917@2021-01-26``, ``weekday:past``, ``country-name``). An analyst
should read "Blinken → USAGOV because: title 'Secretary of State' + office holder (Wikidata
Q7821917) on 2021-01-26", not a ``key=value`` dump. Each function here takes one record (a stage's
JSON item, a row of the places or events table, an alert row) and returns one sentence; a step it
does not know is still shown, with its separators turned into spaces, so nothing is hidden.
"""

from __future__ import annotations

import re
from typing import Any

# step name -> how to say it; "{}" takes the step's detail (what follows the first colon), if any
STEP_PHRASES = {
    "title": "title '{}'",
    "title_alone": "a title on its own ('{}')",
    "coreference": "refers back to '{}'",
    "document_memory": "named earlier in the story as '{}'",
    "actor_dictionary": "actor dictionary ({})",
    "agent": "the agent noun '{}'",
    "stated": "country stated in the phrase: {}",
    "country_from": "country from the {}",
    "capital_metonym": "a capital standing for its government ({})",
    "country_after_name": "country after the name: {}",
    "country_in_title": "country in the title: {}",
    "country_name": "a country name",
    "partial_name": "part of the known name '{}'",
    "unresolved": "not resolved: {}",
    "actor": "an actor mention ({})",
    "mention text": "the mention's own words",
    # places
    "alias": "a known alias",
    "country-name": "a country name",
    "demonym": "a demonym",
    "gazetteer": "the gazetteer ({})",
    "context": "the story's context ({})",
    "echo": "an earlier mention ({})",
    "landmark": "a known landmark",
    "facility-name": "a facility's name",
    "region": "a known region",
    "part-of": "part of {}",
    "qualifier": "a place qualifier",
    "compass-part": "a compass part of a country",
}
TIME_ANCHORS = {"dct": "counted from the article's date", "none": "absolute"}


def _step(step: str) -> str:
    name, _, detail = str(step).partition(":")
    if name == "person_dictionary":
        return _office_holder(detail)
    if name == "coreference" and "->" in detail:
        detail = re.sub(r"@\d+$", "", detail.split("->", 1)[1])
    phrase = STEP_PHRASES.get(name)
    if phrase is None:
        words = name.replace("_", " ").replace("-", " ")
        return f"{words} ({detail.replace('_', ' ')})" if detail else words
    if "{}" not in phrase:
        return phrase
    return phrase.format(detail.replace("_", " ")) if detail else phrase.replace(" '{}'", "").replace(" ({})", "").replace(": {}", "")


def _office_holder(detail: str) -> str:
    """``wikidata:Q7821917@2022-01-09`` → "office holder (Wikidata Q7821917) on 2022-01-09"."""
    source, _, when = detail.partition("@")
    when = re.sub(r"\s*\(.*\)$", "", when)
    who = f"Wikidata {source.split(':', 1)[1]}" if source.startswith("wikidata:") else source.replace(":", " ")
    return f"office holder ({who})" + (f" on {when}" if when else "")


def reasons(steps: Any) -> str:
    """The steps of a ``resolved_by`` (a list or one string) joined with ' + '."""
    items = steps if isinstance(steps, list) else [steps] if steps else []
    return " + ".join(_step(step) for step in items if step)


def actor_trace(record: dict) -> str:
    """"Secretary of State Antony Blinken → USAGOV (Antony Blinken) because: title 'Secretary of State' + …"."""
    code = record.get("code")
    name = record.get("name")
    resolved = f"{code} ({name})" if code and name and name != record.get("text") else code or "no actor code"
    why = reasons(record.get("resolved_by"))
    return f"{record.get('text')} → {resolved}" + (f" because: {why}" if why else "")


def time_trace(record: dict) -> str:
    """"Sunday → 2022-01-09 because: weekday (past), counted from the article's date"."""
    why = reasons(record.get("resolved_by"))
    anchor = TIME_ANCHORS.get(str(record.get("anchor")), f"anchored on {record.get('anchor')}" if record.get("anchor") else "")
    parts = [part for part in (why, anchor) if part]
    return f"{record.get('text')} → {record.get('value') or 'no value'}" + (f" because: {', '.join(parts)}" if parts else "")


def place_trace(record: dict) -> str:
    """"Kiev → Kyiv, UKR (city, dateline) because: the gazetteer (context), confidence 0.95"."""
    name, country = record.get("name"), record.get("country")
    where = ", ".join(part for part in (name if name and name != record.get("text") else None, country) if part) or "no country"
    kind = ", ".join(part for part in (record.get("kind"), record.get("role")) if part)
    why = reasons(record.get("resolved_by"))
    confidence = record.get("confidence")
    if confidence is not None:
        why = f"{why}, confidence {confidence:.2f}" if why else f"confidence {confidence:.2f}"
    return f"{record.get('text')} → {where}" + (f" ({kind})" if kind else "") + (f" because: {why}" if why else "")


def quote_trace(record: dict) -> str:
    """"Antony Blinken (said, assert): 'he doesn't expect …'"."""
    speaker = record.get("speaker") or {}
    who = speaker.get("name") or speaker.get("text") or "unknown speaker"
    cue = (record.get("cue") or {}).get("text")
    how = ", ".join(part for part in (cue, record.get("act"), record.get("kind")) if part)
    content = (record.get("content") or {}).get("text") or ""
    short = content if len(content) <= 120 else content[:119] + "…"
    return f"{who}" + (f" ({how})" if how else "") + f": '{short}'"


def event_trace(event: dict) -> str:
    """"USAGOV REJECT USAMIL (CAMEO 120, Goldstein -4.0, asserted) by rule '…'; dated 2022-W02 from a time expression (future)"."""
    head = f"{event.get('source_code') or '?'} {event.get('plover_type')} {event.get('target_code') or '?'}"
    codes = ", ".join(
        part
        for part in (
            f"CAMEO {event['cameo_code']}" if event.get("cameo_code") else None,
            f"Goldstein {event['goldstein']}" if event.get("goldstein") is not None else None,
            event.get("mode") + (f" (cue '{event['mode_cue']}')" if event.get("mode_cue") else "") if event.get("mode") else None,
        )
        if part
    )
    date_from = {"time": "a time expression", "timex": "a time expression", "dct": "the article's date"}.get(str(event.get("date_from")), event.get("date_from"))
    dated = f"dated {event.get('date_value') or event.get('event_date') or 'unknown'}" + (f" from {date_from}" if date_from else "")
    if event.get("timing") and event["timing"] != "current":
        dated += f" ({event['timing']})"
    rule = f" by rule '{event['rule']}'" if event.get("rule") else ""
    return f"{head} ({codes}){rule}; {dated}"


def alert_reason(alert: dict) -> str:
    """Why an alert fired, in one sentence, from an alert row (:data:`harbinger.analysis.alerts.ALERT_COLUMNS`)."""
    dyad = f"{alert['source']} → {alert['target']}"
    baseline = f"{alert['baseline_mean']:g} ± {alert['baseline_sd']:g} over the {alert['baseline_weeks']} weeks before"
    if alert["metric"] == "conflict_events":
        value = f"had {alert['value']:g} conflict events (verbal or material) in the week of {alert['week']}, against {baseline}"
    else:
        value = f"summed a Goldstein score of {alert['value']:g} in the week of {alert['week']} (lower is more hostile), against {baseline}"
    return (
        f"{dyad} {value}: a z-score of {alert['score']:g}, at or above the threshold {alert['threshold']:g}, "
        f"with {alert['events']} occurred events that week; {alert['evidence_count']} events drove it."
    )
