// The one filter state: every view reads it, every control writes it, and it lives in the URL
// (?since=…&actors=USA,RUS&modes=occurred…) so a view can be shared and reloaded.
export const FILTER_KEYS = ["since", "until", "actors", "countries", "source", "target", "types", "modes", "min_confidence", "q"];
const VIEW_KEYS = ["view", "article", "event", "colour", "alert_min_events", "alert_threshold"];
// Occurrences (asserted + reported) by default, as the series and alerts count them: the filter bar shows the same.
export const DEFAULTS = { modes: "occurred", view: "overview", colour: "events", alert_min_events: "3", alert_threshold: "3" };

export function readUrl(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = params.get(key);
    state[key] = value !== null ? value : DEFAULTS[key] || "";
  }
  return state;
}

export function toUrl(state) {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = state[key];
    if (value !== undefined && value !== "" && value !== (DEFAULTS[key] || "")) params.set(key, value);
  }
  // An explicitly cleared mode list is kept ("all modes"), so a reload does not fall back to the default.
  if (state.modes === "") params.set("modes", "all");
  const text = params.toString();
  return location.pathname + (text ? "?" + text : "");
}

// The API parameters of the filter: the events, timeline, map and dyad endpoints all take these.
export function filterParams(state) {
  const params = {};
  for (const key of FILTER_KEYS) if (state[key]) params[key] = state[key];
  if (!params.modes) params.modes = "all";
  return params;
}

export function filterSummary(state) {
  const parts = [];
  if (state.since || state.until) parts.push(`${state.since || "…"} – ${state.until || "…"}`);
  if (state.actors) parts.push(`actors ${state.actors}`);
  if (state.source || state.target) parts.push(`dyad ${state.source || "*"} → ${state.target || "*"}`);
  if (state.countries) parts.push(`in ${state.countries}`);
  if (state.types) parts.push(state.types);
  parts.push(`modes ${state.modes || "all"}`);
  if (state.min_confidence) parts.push(`confidence ≥ ${state.min_confidence}`);
  if (state.q) parts.push(`“${state.q}”`);
  return parts.join(" · ");
}

// Period to count by for a date range: keep the number of bars readable.
export function periodFor(first, last) {
  if (!first || !last) return "week";
  const days = (Date.parse(last) - Date.parse(first)) / 864e5;
  return days > 5 * 366 ? "month" : days > 120 ? "week" : "day";
}
