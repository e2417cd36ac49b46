// The alerts view: each alert with why it fired in words, its dyad's weekly series around it (the
// baseline weeks before, four after, the alert week shaded) and the events that drove it.
import { api, el, showError } from "./dom.js";
import { eventTable } from "./events.js";
import { dyadChart, toDay, toSeconds } from "./timechart.js";

const WEEK = 7 * 86400;

async function alertCard(alert, { onEvent }) {
  const chart = el("div", { class: "chart alert-chart" });
  const events = el("div", { class: "alert-events" });
  const card = el("section", { class: "panel alert", "data-dyad": `${alert.source}|${alert.target}`, "data-week": alert.week },
    el("h3", {}, `${alert.source} → ${alert.target} · week of ${alert.week} · ${alert.metric.replace("_", " ")} · z ${alert.score}`),
    el("p", { class: "why" }, alert.why), chart, events);
  const since = toDay(toSeconds(alert.week) - alert.baseline_weeks * WEEK), until = toDay(toSeconds(alert.week) + 4 * WEEK + 6 * 86400);
  const [series, evidence] = await Promise.all([
    api("/api/timeline", { source: alert.source, target: alert.target, modes: "occurred", since, until, by: "week" }),
    alert.evidence_ids.length ? api("/api/events", { ids: alert.evidence_ids.join(","), modes: "all", timing: "all", order: "most_hostile", limit: 50 }) : { items: [] },
  ]);
  return { card, draw: () => {
    dyadChart(chart, series, { by: "week", first: since, last: until, alertWeeks: [alert.week], height: 170 });
    events.replaceChildren(el("p", { class: "small muted" }, `The ${alert.evidence_count} events that drove it${alert.evidence_count > alert.evidence_ids.length ? ` (the ${alert.evidence_ids.length} most hostile)` : ""}:`),
      eventTable(evidence.items, onEvent));
  } };
}

export async function loadAlerts(box, state, { onEvent, onSettings }) {
  const settings = { min_events: state.alert_min_events, threshold: state.alert_threshold };
  const controls = el("form", { class: "controls", id: "alert-settings", onsubmit: (ev) => { ev.preventDefault(); const f = new FormData(ev.target); onSettings(f.get("min_events"), f.get("threshold")); } },
    el("label", {}, "min events a week ", el("input", { type: "number", name: "min_events", min: 1, max: 1000, value: settings.min_events })),
    el("label", {}, "z threshold ", el("input", { type: "number", name: "threshold", min: 0.5, max: 100, step: 0.5, value: settings.threshold })),
    el("button", { type: "submit" }, "Apply"),
    el("span", { class: "muted small" }, "Alerts score occurred events per directed dyad and ISO week against the dyad's previous 8 weeks; the filter's dates and dyad narrow them."));
  try {
    const alerts = await api("/api/alerts", { ...settings, since: state.since, until: state.until, source: state.source, target: state.target, limit: 20 });
    if (!alerts.length) {
      const hint = Number(settings.min_events) > 1
        ? el("button", { type: "button", id: "alert-hint", onclick: () => onSettings("1", settings.threshold) }, "Try min events 1")
        : null;
      return box.replaceChildren(controls, el("p", { class: "muted", id: "no-alerts" }, `No dyad-week reaches z ≥ ${settings.threshold} with at least ${settings.min_events} occurred events and 4 weeks of history. `, hint));
    }
    const cards = await Promise.all(alerts.map((a) => alertCard(a, { onEvent })));
    box.replaceChildren(controls, ...cards.map((c) => c.card));
    cards.forEach((c) => c.draw());
  } catch (error) { box.replaceChildren(controls); box.append(el("p", { class: "muted error" }, "⚠ " + error.message)); }
}
