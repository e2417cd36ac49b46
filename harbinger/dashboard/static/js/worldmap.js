// The map: country borders (Natural Earth via world-atlas, pre-projected in static/world.js), a choropleth
// of the filtered events per place country (count or mean Goldstein), event clusters from /api/map, a
// legend, and click-through: a country toggles the countries filter, a cluster lists its events.
import { el, svgEl, QUAD_NAMES } from "./dom.js";

const COUNT_COLOURS = ["#eef3f8", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
const GOLDSTEIN_COLOURS = ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"];
const GOLDSTEIN_BREAKS = [-10, -5, -2, 0, 2, 5, 10];

// Count classes: 0, then breaks growing by roughly ×3 up to the largest count.
function countBreaks(max) {
  const breaks = [1];
  while (breaks.length < 5 && breaks[breaks.length - 1] * 3 < max) breaks.push(breaks[breaks.length - 1] * 3);
  return breaks;
}

function colourFor(value, colour, breaks) {
  if (value === undefined || value === null) return null;
  if (colour === "goldstein") {
    for (let i = 1; i < GOLDSTEIN_BREAKS.length; i++) if (value < GOLDSTEIN_BREAKS[i]) return GOLDSTEIN_COLOURS[i - 1];
    return GOLDSTEIN_COLOURS[GOLDSTEIN_COLOURS.length - 1];
  }
  let index = 0;
  breaks.forEach((b, i) => { if (value >= b) index = i + 1; });
  return COUNT_COLOURS[Math.min(index, COUNT_COLOURS.length - 1)];
}

// Zoom to the clusters (padded, kept at 2:1, inside the world), or the whole world.
export function mapView(points) {
  if (!points.length) return [0, 0, 360, 180];
  const xs = points.map((p) => p.lon + 180), ys = points.map((p) => 90 - p.lat);
  let w = Math.max(60, Math.max(...xs) - Math.min(...xs) + 30), h = Math.max(30, Math.max(...ys) - Math.min(...ys) + 20);
  if (w < 2 * h) w = 2 * h; else h = w / 2;
  w = Math.min(w, 360); h = Math.min(h, 180);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return [Math.min(Math.max(0, cx - w / 2), 360 - w), Math.min(Math.max(0, cy - h / 2), 180 - h), w, h].map((v) => +v.toFixed(2));
}

function swatch(fill) {
  return svgEl("svg", { class: "swatch", viewBox: "0 0 12 12", width: 12, height: 12 }, svgEl("rect", { width: 12, height: 12, rx: 2, fill, stroke: "#b9bfc8" }));
}

function legend(colour, breaks) {
  const items = colour === "goldstein"
    ? GOLDSTEIN_COLOURS.map((c, i) => [c, `${GOLDSTEIN_BREAKS[i]} to ${GOLDSTEIN_BREAKS[i + 1]}`])
    : [[COUNT_COLOURS[0], "0"], ...breaks.map((b, i) => [COUNT_COLOURS[i + 1], i + 1 < breaks.length ? `${b}–${breaks[i + 1] - 1}` : `${b}+`])];
  return el("div", { class: "legend small map-legend" },
    el("span", {}, colour === "goldstein" ? "mean Goldstein of events placed there:" : "events placed in the country:"),
    ...items.map(([c, label]) => el("span", {}, swatch(c), label)),
    el("span", {}, "· circles: event clusters, coloured by their most hostile QuadClass (", QUAD_NAMES.join(", "), ")"));
}

export function worldMap(container, summary, { colour, selected, onCountry, onCluster }) {
  const counts = new Map(summary.countries.map((c) => [c.country, c]));
  const breaks = countBreaks(Math.max(1, ...summary.countries.map((c) => c.events)));
  const view = mapView(summary.clusters.length ? summary.clusters : []);
  const zoom = 360 / view[2];
  const root = svgEl("svg", { viewBox: view.join(" "), role: "img", "aria-label": "map of the filtered events" });
  root.append(svgEl("rect", { class: "sea", x: 0, y: 0, width: 360, height: 180 }));
  const labels = [];
  for (const country of window.HARBINGER_COUNTRIES || []) {
    const found = country.id ? counts.get(country.id) : undefined;
    const value = found ? (colour === "goldstein" ? found.goldstein_mean : found.events) : colour === "goldstein" ? null : 0;
    const fill = colourFor(value, colour, breaks);
    const path = svgEl("path", {
      class: "country" + (selected.includes(country.id) ? " selected" : "") + (found ? " has-events" : ""),
      d: country.path, "data-country": country.id || "", "data-events": found ? found.events : 0,
      fill: fill || "#f1f2f4",
    }, svgEl("title", {}, `${country.name}${country.id ? ` (${country.id})` : ""}: ${found ? `${found.events} events, ${found.conflict_events} conflict, mean Goldstein ${found.goldstein_mean}` : "no events"}`));
    if (country.id) path.addEventListener("click", () => onCountry(country.id));
    root.append(path);
    if (found) labels.push([found.events, country, path]);
  }
  const max = Math.max(1, ...summary.clusters.map((c) => c.events));
  const dots = svgEl("g", { class: "clusters" });
  for (const cluster of summary.clusters) {
    const r = (0.9 + 3.2 * Math.sqrt(cluster.events / max)) / Math.sqrt(zoom);
    const dot = svgEl("circle", { class: `cluster q${cluster.worst_quad_class || 1}`, cx: cluster.lon + 180, cy: 90 - cluster.lat, r,
      "data-events": cluster.events, "data-place": cluster.place || "" },
      svgEl("title", {}, `${cluster.place || "?"}${cluster.places > 1 ? ` and ${cluster.places - 1} more places` : ""}: ${cluster.events} events — click to list them`));
    dot.addEventListener("click", (event) => { event.stopPropagation(); onCluster(cluster); });
    dots.append(dot);
    if (cluster.events > 1) {
      dots.append(svgEl("text", { class: "cluster-count", x: cluster.lon + 180, y: 90 - cluster.lat + 0.9 / Math.sqrt(zoom), "font-size": 2.4 / Math.sqrt(zoom) }, String(cluster.events)));
    }
  }
  root.append(dots);
  container.replaceChildren(root, legend(colour, breaks));
  // Name the busiest countries at the centre of their outline's box.
  const names = svgEl("g", { class: "country-labels" });
  labels.sort((a, b) => b[0] - a[0]).slice(0, 8).forEach(([, country, path]) => {
    const box = path.getBBox();
    names.append(svgEl("text", { x: box.x + box.width / 2, y: box.y + box.height / 2, "font-size": 3.2 / Math.sqrt(zoom) }, country.name));
  });
  root.insertBefore(names, dots);
  container.dataset.clusters = String(summary.clusters.length);
  container.dataset.countries = String(summary.countries.length);
  container.dataset.events = String(summary.countries.reduce((sum, c) => sum + c.events, 0));
}
