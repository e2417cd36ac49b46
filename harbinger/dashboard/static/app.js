// The Harbinger dashboard: reads the store through /api and draws the timeline, dyad series,
// alerts, map, event table and the evidence view. All text from articles goes in as textContent.
(function () {
  "use strict";
  const charts = window.HarbingerCharts;
  const PAGE = 25;
  const state = { offset: 0, total: 0, filters: {}, selected: null, alerts: [], timelineBy: "day" };
  const $ = (selector) => document.querySelector(selector);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) if (value !== "" && value !== null && value !== undefined) query.set(key, value);
    const response = await fetch(path + (query.toString() ? "?" + query : ""));
    const body = await response.json();
    if (!response.ok) {
      const detail = Array.isArray(body.detail) ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ") : body.detail;
      throw new Error(detail || response.statusText);
    }
    return body;
  }

  function showError(container, error) {
    container.replaceChildren(el("p", { class: "muted" }, "⚠ " + error.message));
  }

  function readFilters() {
    const data = new FormData($("#filters"));
    const filters = {};
    for (const [key, value] of data.entries()) if (String(value).trim()) filters[key] = String(value).trim();
    return filters;
  }

  // --- header and filter choices ---------------------------------------------------------------
  async function loadStats() {
    const stats = await api("/api/stats");
    const range = stats.first_event_date ? `${stats.first_event_date} … ${stats.last_event_date}` : "no dated events";
    const days = stats.first_event_date ? (Date.parse(stats.last_event_date) - Date.parse(stats.first_event_date)) / 864e5 : 0;
    state.timelineBy = days > 5 * 366 ? "month" : days > 200 ? "week" : "day";  // keep the bar count readable
    $("#timeline-by").textContent = state.timelineBy;
    $("#stats").textContent = `${stats.events.toLocaleString()} events from ${stats.canonical_articles.toLocaleString()} stories ` +
      `(${stats.articles.toLocaleString()} articles with copies) · ${range} · ${stats.geocoded_events.toLocaleString()} geocoded`;
  }

  async function loadChoices() {
    const schema = await api("/openapi.json");
    const enums = schema.components.schemas;
    for (const type of enums.PloverType.enum) $("#filter-type").append(el("option", { value: type }, type));
    for (const mode of enums.SeriesMode.enum) {
      $("#filter-mode").append(el("option", { value: mode }, mode === "occurred" ? "occurred (asserted + reported)" : mode));
      $("#series-mode").append(el("option", { value: mode }, mode));
    }
    $("#filter-mode").value = "all";
    $("#series-mode").value = "occurred";
    const legend = $("#quad-legend");
    ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"].forEach((name, i) =>
      legend.append(el("span", { class: "small" }, el("span", { class: `key q${i + 1}` }), name)));
  }

  // --- timeline, table, map: all follow the filters ----------------------------------------------
  async function loadTimeline() {
    try {
      charts.stackedBars($("#timeline"), await api("/api/timeline", { ...state.filters, by: state.timelineBy }));
    } catch (error) { showError($("#timeline"), error); }
  }

  function modeBadge(mode) { return el("span", { class: `mode mode-${mode}` }, mode); }

  async function loadEvents() {
    const body = $("#events tbody");
    try {
      const page = await api("/api/events", { ...state.filters, limit: PAGE, offset: state.offset });
      state.total = page.total;
      body.replaceChildren(...page.items.map((e) => {
        const row = el("tr", { "data-id": e.id, onclick: () => showEvent(e.id, row) },
          el("td", {}, e.event_date || "—"), el("td", {}, e.source_code || "—"), el("td", {}, e.target_code || "—"),
          el("td", {}, e.plover_type), el("td", {}, modeBadge(e.mode)), el("td", {}, e.goldstein === null ? "—" : String(e.goldstein)),
          el("td", {}, e.place_text || ""), el("td", { class: "evidence", title: e.sentence || "" }, e.sentence || ""));
        if (e.id === state.selected) row.classList.add("selected");
        return row;
      }));
      $("#events-count").textContent = `${page.total.toLocaleString()} matching`;
      const last = Math.min(page.total, state.offset + page.items.length);
      $("#page").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "none";
      $("#prev").disabled = state.offset === 0;
      $("#next").disabled = last >= page.total;
    } catch (error) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: "8" }, "⚠ " + error.message)));
      $("#events-count").textContent = "";
    }
  }

  async function loadMap() {
    try {
      const page = await api("/api/events", { ...state.filters, geocoded: true, limit: 500 });
      const byPlace = new Map();
      for (const e of page.items) {
        const key = `${e.place_lat.toFixed(2)},${e.place_lon.toFixed(2)}`;
        const place = byPlace.get(key) || { lat: e.place_lat, lon: e.place_lon, label: e.place_text || key, country: e.place_country, count: 0, worst: 0 };
        place.count += 1;
        place.worst = Math.max(place.worst, e.quad_class || 0);
        byPlace.set(key, place);
      }
      const places = [...byPlace.values()].map((p) => ({ ...p, quad: p.worst || 1 }));
      charts.worldMap($("#map"), places, (p) => {
        if (!p.country) return;
        $("#filters").elements.place_country.value = p.country;
        applyFilters();
      });
    } catch (error) { showError($("#map"), error); }
  }

  // --- dyad series and alerts ---------------------------------------------------------------------
  async function loadDyads() {
    const dyads = await api("/api/dyads", { limit: 30 });
    const select = $("#dyad");
    select.replaceChildren(...dyads.map((d) => el("option", { value: `${d.source}|${d.target}` }, `${d.source} → ${d.target} (${d.events})`)));
    const alerted = state.alerts[0];
    if (alerted && dyads.some((d) => d.source === alerted.source && d.target === alerted.target)) select.value = `${alerted.source}|${alerted.target}`;
  }

  async function loadSeries() {
    const chart = $("#series-chart");
    if (!$("#dyad").value) return charts.dyadSeries(chart, [], new Set());
    const [source, target] = $("#dyad").value.split("|");
    const by = $("#series-by").value;
    try {
      const series = await api("/api/series", { source, target, by, mode: $("#series-mode").value });
      const weeks = new Set(state.alerts.filter((a) => a.source === source && a.target === target).map((a) => a.week));
      charts.dyadSeries(chart, series.points, by === "week" ? weeks : new Set());
    } catch (error) { showError(chart, error); }
  }

  async function loadAlerts() {
    const box = $("#alerts");
    try {
      state.alerts = await api("/api/alerts", { limit: 50 });
    } catch (error) { state.alerts = []; return showError(box, error); }
    if (!state.alerts.length) return box.replaceChildren(el("p", { class: "muted" }, "No dyad-week is above its threshold."));
    const rows = state.alerts.map((a) => el("tr", { title: `baseline ${a.baseline_mean} ± ${a.baseline_sd} over ${a.baseline_weeks} weeks; ${a.evidence_count} evidence events`,
      onclick: () => {
        const form = $("#filters").elements;
        form.source.value = a.source; form.target.value = a.target; form.since.value = a.week; form.until.value = a.week_end;
        form.actor.value = ""; form.mode.value = "occurred";
        $("#dyad").value = `${a.source}|${a.target}`;
        loadSeries();
        applyFilters().then(() => a.evidence_ids.length && showEvent(a.evidence_ids[0]));
      } },
      el("td", {}, `${a.source} → ${a.target}`), el("td", {}, a.week), el("td", {}, a.metric.replace("_", " ")),
      el("td", {}, `${a.value} (baseline ${a.baseline_mean})`), el("td", { class: "score" }, `z ${a.score}`), el("td", {}, `≥ ${a.threshold}`)));
    box.replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, ...["dyad", "week", "metric", "value", "score", "threshold"].map((h) => el("th", {}, h)))), el("tbody", {}, ...rows)));
  }

  // --- the evidence view ----------------------------------------------------------------------------
  function highlighted(sentence, spans) {
    // Cut the sentence at every span edge; each piece carries the classes of all spans covering it.
    const cuts = new Set([sentence.start, sentence.end]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const edges = [...cuts].filter((c) => c >= sentence.start && c <= sentence.end).sort((a, b) => a - b);
    const box = el("p", { class: "sentence", id: "evidence" });
    for (let i = 0; i + 1 < edges.length; i++) {
      const [from, to] = [edges[i], edges[i + 1]];
      const text = sentence.text.slice(from - sentence.start, to - sentence.start);
      const covering = spans.filter((s) => s.start <= from && to <= s.end);
      if (!covering.length) { box.append(text); continue; }
      box.append(el("span", {
        class: "hl " + covering.map((s) => `hl-${s.kind}`).join(" "),
        "data-kinds": covering.map((s) => s.kind).join(" "),
        title: covering.map((s) => s.label ? `${s.kind}: ${s.label}` : s.kind).join("; "),
      }, text));
    }
    return box;
  }

  function describe(label, value) { return [el("dt", {}, label), el("dd", {}, value === null || value === undefined || value === "" ? "—" : String(value))]; }

  async function showEvent(id, row) {
    state.selected = id;
    document.querySelectorAll("#events tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === id));
    const box = $("#detail");
    try {
      const detail = await api(`/api/events/${encodeURIComponent(id)}`);
      const e = detail.event, r = detail.resolution;
      const trace = (t) => (t ? " · " + Object.entries(t).filter(([k]) => !["start", "end", "text"].includes(k)).map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`).join(", ") : "");
      box.replaceChildren(
        el("p", {}, el("strong", {}, `${e.source_code || "?"} ${e.plover_type} ${e.target_code || "?"}`), " ", modeBadge(e.mode),
          el("span", { class: "muted small" }, ` · ${detail.article.title || detail.article.id} (${detail.article.date || "undated"}) · ${e.mentions} mention(s)`)),
        highlighted(detail.sentence, detail.spans),
        el("p", { class: "legend small" }, ...["source", "target", "trigger", "actor", "time", "place"].map((k) => el("span", { class: `hl hl-${k}` }, k))),
        el("dl", { class: "resolution" },
          ...describe("source", `${r.source.text || "?"} → ${r.source.code || "?"}${trace(r.source.trace)}`),
          ...describe("target", `${r.target.text || "?"} → ${r.target.code || "?"}${trace(r.target.trace)}`),
          ...describe("date", `${r.date.value || "?"} (${r.date.precision || "?"}, from ${r.date.source || "?"})${trace(r.date.trace)}`),
          ...describe("place", r.place.text ? `${r.place.text} → ${r.place.country || "?"} ${r.place.lat ?? ""} ${r.place.lon ?? ""}${trace(r.place.trace)}` : null),
          ...describe("mode", r.mode.cue ? `${r.mode.mode} (cue: “${r.mode.cue}”)` : r.mode.mode),
          ...describe("code", `CAMEO ${r.cameo_code || "?"} · Goldstein ${e.goldstein ?? "?"} · QuadClass ${e.quad_class ?? "?"}`),
          ...describe("rule", `${r.rule || "—"} · confidence ${r.confidence ?? "—"}`),
          ...describe("copies", detail.copies.length)));
    } catch (error) { showError(box, error); }
  }

  // --- wiring -----------------------------------------------------------------------------------------
  async function applyFilters() {
    state.filters = readFilters();
    state.offset = 0;
    await Promise.all([loadEvents(), loadTimeline(), loadMap()]);
  }

  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); applyFilters(); });
  $("#filters").addEventListener("change", (event) => { if (event.target.tagName === "SELECT") applyFilters(); });
  $("#reset").addEventListener("click", () => { $("#filters").reset(); $("#filter-mode").value = "all"; applyFilters(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  for (const id of ["#dyad", "#series-by", "#series-mode"]) $(id).addEventListener("change", loadSeries);

  async function start() {
    document.body.dataset.state = "loading";
    try {
      await loadChoices();
      await Promise.all([loadStats(), loadAlerts()]);
      await loadDyads();
      await Promise.all([applyFilters(), loadSeries()]);
      document.body.dataset.state = "ready";
    } catch (error) {
      $("#stats").textContent = "⚠ " + error.message;
      document.body.dataset.state = "error";
    }
  }
  start();
})();
