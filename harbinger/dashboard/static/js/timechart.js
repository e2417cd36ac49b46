// Time-series charts on a real time axis (uPlot, bundled in static/vendor/uplot): the filtered timeline
// stacked by QuadClass, and a dyad's conflict/cooperation bars with its summed Goldstein line and alert
// weeks shaded. Dragging across a chart brushes a date range: the callback gets the first and last day.
import { el, QUADS, QUAD_NAMES } from "./dom.js";

const uPlot = window.uPlot;
const COLOURS = ["#4c9be8", "#1f5fa8", "#f0a04b", "#c8323c"];
const DAY = 86400;

export const toSeconds = (day) => Date.parse(day + "T00:00:00Z") / 1000;
export const toDay = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

function step(day, by) {
  const d = new Date(day + "T00:00:00Z");
  if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

function periodStart(day, by) {
  const d = new Date(day + "T00:00:00Z");
  if (by === "month") d.setUTCDate(1);
  if (by === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

// Rows per period with events → one row per period from first to last (zeros between), at most `cap` periods.
export function zeroFill(rows, by, first, last, cap = 5000) {
  if (!rows.length && !(first && last)) return [];
  const byPeriod = new Map(rows.map((r) => [String(r.period), r]));
  const start = periodStart(first || rows[0].period, by), end = periodStart(last || rows[rows.length - 1].period, by);
  const filled = [];
  for (let day = start; day <= end && filled.length < cap; day = step(day, by)) filled.push(byPeriod.get(day) || { period: day });
  return filled;
}

function size(container, height) {
  return { width: Math.max(300, Math.floor(container.getBoundingClientRect().width) - 4), height };
}

function brushHooks(onBrush) {
  return {
    setSelect: [(u) => {
      if (u.select.width < 3 || !onBrush) return;
      const from = u.posToVal(u.select.left, "x"), to = u.posToVal(u.select.left + u.select.width, "x");
      u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
      onBrush(toDay(Math.floor(from / DAY) * DAY), toDay(Math.floor(to / DAY) * DAY));
    }],
  };
}

function mount(container, opts, data) {
  if (container.chart) container.chart.destroy();
  container.replaceChildren();
  container.chart = new uPlot(opts, data, container);
  container.dataset.points = String(data[0].length);
  return container.chart;
}

// What a chart shows, for tests and for anyone reading the page: its periods and the events in them.
function describe(container, rows) {
  container.dataset.events = String(rows.reduce((sum, r) => sum + (r.events || 0), 0));
  container.dataset.first = rows.length ? String(rows[0].period) : "";
  container.dataset.last = rows.length ? String(rows[rows.length - 1].period) : "";
}

export function empty(container, message) {
  if (container.chart) { container.chart.destroy(); container.chart = null; }
  container.dataset.points = "0";
  container.dataset.events = "0";
  container.replaceChildren(el("p", { class: "muted" }, message));
}

// Stacked bars per period, one colour per QuadClass; the legend shows each class's own count.
export function quadTimeline(container, rows, { by, first, last, onBrush, height = 190 }) {
  const filled = zeroFill(rows, by, first, last);
  if (!filled.length) return empty(container, "No dated events match the filters.");
  const xs = filled.map((r) => toSeconds(r.period));
  const raw = QUADS.map((q) => filled.map((r) => r[q] || 0));
  const stacked = raw.map((_, i) => filled.map((__, j) => raw.slice(0, i + 1).reduce((sum, s) => sum + s[j], 0)));
  const bars = uPlot.paths.bars({ size: [0.9, 40], align: 0 });
  const series = [{ label: by }];
  const data = [xs];
  for (let i = 3; i >= 0; i--) {  // tallest stack first, so each lower class paints over it
    series.push({ label: QUAD_NAMES[i], fill: COLOURS[i], stroke: COLOURS[i], width: 0, paths: bars, points: { show: false },
      value: (u, v, s, idx) => (idx === null ? "—" : String(raw[i][idx])) });
    data.push(stacked[i]);
  }
  describe(container, filled);
  return mount(container, {
    ...size(container, height), series, cursor: { drag: { x: true, y: false, setScale: false } },
    scales: { x: { time: true, range: (u, min, max) => [min - barHalf(by), max + barHalf(by)] } },
    axes: [{}, { size: 40 }], legend: { live: true }, hooks: brushHooks(onBrush),
  }, data);
}

function barHalf(by) { return (by === "month" ? 15 : by === "week" ? 3.5 : 0.5) * DAY; }

// Conflict and cooperation bars, summed Goldstein on its own axis, alert weeks shaded.
export function dyadChart(container, rows, { by, first, last, alertWeeks = [], onBrush, height = 230 }) {
  const filled = zeroFill(rows, by, first, last);
  if (!filled.length) return empty(container, "No dated events for this dyad under the filters.");
  const xs = filled.map((r) => toSeconds(r.period));
  const conflict = filled.map((r) => (r.verbal_conflict || 0) + (r.material_conflict || 0));
  const coop = filled.map((r) => (r.verbal_coop || 0) + (r.material_coop || 0));
  const total = conflict.map((c, i) => c + coop[i]);
  const goldstein = filled.map((r) => r.goldstein_sum || 0);
  const bars = uPlot.paths.bars({ size: [0.8, 40], align: 0 });
  // Bars are centred on their period's first day, so an alert week is shaded over the bars it covers: its
  // seven days when counting by day, its own bar by week, its month's bar by month.
  const half = barHalf(by);
  const shaded = alertWeeks.map((week) => {
    const start = toSeconds(by === "month" ? periodStart(week, "month") : week);
    return by === "day" ? [start - half, start + 7 * DAY - half] : [start - half, start + half];
  });
  const drawAlerts = (u) => {
    const ctx = u.ctx, { top, height: h } = u.bbox;
    ctx.save();
    ctx.fillStyle = "rgba(200, 50, 60, 0.16)";
    for (const [from, to] of shaded) {
      const x0 = u.valToPos(from, "x", true), x1 = u.valToPos(to, "x", true);
      ctx.fillRect(x0, top, Math.max(2, x1 - x0), h);
    }
    ctx.restore();
  };
  describe(container, filled);
  const chart = mount(container, {
    ...size(container, height),
    series: [
      { label: by },
      { label: "cooperation", fill: COLOURS[0], stroke: COLOURS[0], width: 0, paths: bars, points: { show: false }, scale: "n",
        value: (u, v, s, i) => (i === null ? "—" : String(coop[i])) },
      { label: "conflict", fill: COLOURS[3], stroke: COLOURS[3], width: 0, paths: bars, points: { show: false }, scale: "n" },
      { label: "Goldstein sum", stroke: "#333", width: 1.6, scale: "g", points: { size: 4 } },
    ],
    scales: { x: { time: true, range: (u, min, max) => [min - barHalf(by), max + barHalf(by)] }, n: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { scale: "n", size: 36 }, { scale: "g", side: 1, grid: { show: false }, size: 44 }],
    cursor: { drag: { x: true, y: false, setScale: false } },
    hooks: { ...brushHooks(onBrush), drawClear: [drawAlerts] },
  }, [xs, total, conflict, goldstein]);
  container.dataset.alerts = String(shaded.length);
  return chart;
}
