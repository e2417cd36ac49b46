// The dashboard: one filter state (in the URL) drives the overview (timeline, dyad chart, map, event
// table), the alerts view and the story pages. Each render times itself: window.harbingerTiming holds
// the first render and every filter application in milliseconds (the browser tests and bench read it).
import { $, api, el, showError } from "./dom.js";
import { buildChoices, bindForm, showState } from "./filterbar.js";
import { loadEvents, showEvent } from "./events.js";
import { loadAlerts } from "./alerts.js";
import { loadStory } from "./story.js";
import { DEFAULTS, FILTER_KEYS, filterParams, periodFor, readUrl, toUrl } from "./state.js";
import { dyadChart, empty, quadTimeline } from "./timechart.js";
import { worldMap } from "./worldmap.js";

const state = readUrl();
const timing = { firstRender: null, applies: [], panels: {} };
window.harbingerTiming = timing;
let stats = null, offset = 0, generation = 0;
const form = $("#filters");

// Every change goes through here: the state, then the URL (a new history entry), the filter bar and every view.
function update(changes) {
  const filtersChanged = FILTER_KEYS.some((key) => key in changes && changes[key] !== state[key]);
  Object.assign(state, changes);
  if (filtersChanged) offset = 0;
  history.pushState(null, "", toUrl(state));
  showState(form, state);
  return render();
}

const brush = (since, until) => update({ since, until });

// --- overview -------------------------------------------------------------------------------------
function range() {
  return { first: state.since || (stats && stats.first_current) || null, last: state.until || (stats && stats.last_current) || null };
}

async function timeline(params) {
  const box = $("#timeline");
  const { first, last } = range();
  const by = periodFor(first, last);
  $("#timeline-by").textContent = by;
  try {
    const rows = await api("/api/timeline", { ...params, by });
    quadTimeline(box, rows, { by, first: state.since || null, last: state.until || null, onBrush: brush });
  } catch (error) { empty(box, ""); showError(box, error); }
}

async function dyadPanel(params) {
  const box = $("#dyad-chart"), select = $("#dyad");
  const { first, last } = range();
  const by = periodFor(first, last);
  try {
    const panel = await api("/api/dyad_view", { ...params, by, limit: 30 });
    const picked = state.source && state.target;
    select.replaceChildren(el("option", { value: "" }, panel.source && !picked ? `busiest: ${panel.source} → ${panel.target}` : "any dyad"),
      ...panel.dyads.map((d) => el("option", { value: `${d.source}|${d.target}` }, `${d.source} → ${d.target} (${d.events})`)));
    if (picked && !panel.dyads.some((d) => d.source === state.source && d.target === state.target)) {
      select.append(el("option", { value: `${state.source}|${state.target}` }, `${state.source} → ${state.target}`));
    }
    select.value = picked ? `${state.source}|${state.target}` : "";
    $("#dyad-name").textContent = panel.source ? `${panel.source} → ${panel.target}` : "";
    if (!panel.source) return empty(box, "No dyad (both actors known) matches the filters.");
    // Alerts count occurred events whatever the other filters: the same question (cached) for every filter change.
    const alerts = await api("/api/alerts", { source: panel.source, target: panel.target, since: state.since, until: state.until, limit: 100 })
      .catch((error) => { $("#dyad-note").textContent = `(alert weeks not shown: ${error.message})`; return []; });
    dyadChart(box, panel.points, { by, first: state.since || null, last: state.until || null, alertWeeks: [...new Set(alerts.map((a) => a.week))], onBrush: brush });
    box.dataset.dyad = `${panel.source}|${panel.target}`;
  } catch (error) { empty(box, ""); showError(box, error); }
}

async function mapPanel(params) {
  const box = $("#map");
  try {
    const summary = await api("/api/map", { ...params, cell: 2 });
    const selected = (state.countries || "").split(",").filter(Boolean);
    worldMap(box, summary, {
      colour: state.colour, selected,
      onCountry: (code) => update({ countries: selected.includes(code) ? selected.filter((c) => c !== code).join(",") : [...selected, code].join(",") }),
      onCluster: (cluster) => clusterEvents(cluster, params),
    });
    $("#map-note").textContent = summary.clusters_total > summary.clusters.length ? `(the ${summary.clusters.length} busiest of ${summary.clusters_total} clusters)` : "";
  } catch (error) { showError(box, error); }
}

async function clusterEvents(cluster, params) {
  const box = $("#map-events");
  const bbox = [cluster.west, cluster.south, cluster.east, cluster.north].join(",");
  const list = el("div");
  box.replaceChildren(el("h3", {}, `Events near ${cluster.place || "this place"} (${cluster.events})`), list);
  const page = (at) => loadEvents(list, { ...params, bbox }, at, { onPick: selectEvent, onPage: page, selected: state.event, compact: true });
  await page(0);
  box.dataset.bbox = bbox;
  box.scrollIntoView({ block: "nearest" });
}

function eventsPanel(params) {
  return loadEvents($("#events"), params, offset, {
    onPick: selectEvent, selected: state.event,
    onPage: (next) => { offset = next; eventsPanel(filterParams(state)); },
  });
}

// --- one event, in every view ---------------------------------------------------------------------
function selectEvent(id) {
  state.event = id;
  history.replaceState(null, "", toUrl(state));
  document.querySelectorAll("tr[data-id]").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === id));
  $("#detail-panel").hidden = false;
  return showEvent($("#detail"), id).then(() => $("#detail-panel").scrollIntoView({ block: "nearest" }));
}

// --- rendering ------------------------------------------------------------------------------------
async function render() {
  const mine = ++generation;
  const started = performance.now();
  document.body.dataset.state = "loading";
  for (const view of ["overview", "alerts", "story"]) {
    $(`#view-${view}`).hidden = state.view !== view;
    $(`#nav-${view}`).classList.toggle("active", state.view === view);
  }
  const params = filterParams(state);
  const work = [];
  const timed = (name, promise) => promise.then(() => { timing.panels[name] = Math.round(performance.now() - started); });
  if (state.view === "overview") {
    work.push(timed("timeline", timeline(params)), timed("dyad", dyadPanel(params)), timed("map", mapPanel(params)), timed("events", eventsPanel(params)));
  }
  if (state.view === "alerts") work.push(loadAlerts($("#alerts"), state, { onEvent: selectEvent, onSettings: (min, threshold) => update({ alert_min_events: min, alert_threshold: threshold }) }));
  if (state.view === "story") work.push(loadStory($("#story"), state.article, { onEvent: selectEvent }));
  $("#detail-panel").hidden = !state.event;
  if (state.event) work.push(showEvent($("#detail"), state.event));
  await Promise.all(work);
  if (mine !== generation) return;
  const took = performance.now() - started;
  if (timing.firstRender === null) timing.firstRender = performance.now();
  else timing.applies.push(took);
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
  document.body.dataset.state = "ready";
}

async function start() {
  // The series count current events only: their range, not the asides about 1905, sets the default time axis.
  const [overview, schema, current] = await Promise.all([
    api("/api/stats"), api("/openapi.json"), api("/api/timeline", { by: "month", modes: "all" }).catch(() => []),
  ]);
  stats = overview;
  stats.first_current = current.length ? current[0].period : overview.first_event_date;
  stats.last_current = current.length ? current[current.length - 1].period : overview.last_event_date;
  const range = overview.first_event_date ? `${String(stats.first_current).slice(0, 7)} … ${String(stats.last_current).slice(0, 7)}` : "no dated events";
  $("#stats").textContent = `${overview.events.toLocaleString()} events from ${overview.canonical_articles.toLocaleString()} stories ` +
    `(${overview.articles.toLocaleString()} articles with copies) · ${range} · ${overview.geocoded_events.toLocaleString()} geocoded`;
  const enums = schema.components.schemas;
  buildChoices(form, enums.PloverType.enum, enums.SeriesMode.enum);
  showState(form, state);
  bindForm(form, (filters) => update(filters), () => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, DEFAULTS[key] || ""]))));
  for (const view of ["overview", "alerts", "story"]) {
    $(`#nav-${view}`).addEventListener("click", (event) => { event.preventDefault(); update({ view }); });
  }
  $("#dyad").addEventListener("change", (event) => {
    const [source, target] = event.target.value ? event.target.value.split("|") : ["", ""];
    update({ source, target });
  });
  $("#map-colour").value = state.colour;
  $("#map-colour").addEventListener("change", (event) => update({ colour: event.target.value }));
  $("#close-detail").addEventListener("click", () => { $("#detail-panel").hidden = true; state.event = ""; history.replaceState(null, "", toUrl(state)); });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.story-link");
    if (!link) return;
    event.preventDefault();
    update({ view: "story", article: link.dataset.article });
  });
  window.addEventListener("popstate", () => {
    Object.assign(state, readUrl());
    showState(form, state);
    $("#map-colour").value = state.colour;
    render();
  });
  await render();
}

start().catch((error) => { showError($("#stats"), error); document.body.dataset.state = "error"; });
