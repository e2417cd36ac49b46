// Small SVG charts for the Harbinger dashboard: no chart library, nothing fetched from the network.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];

  function svg(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function title(node, text) {
    svg("title", {}, node).textContent = text;
    return node;
  }

  function niceMax(value) {
    if (value <= 0) return 1;
    const step = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
    return 10 * step;
  }

  function yAxis(root, scale, ticks, left, width, fmt) {
    const axis = svg("g", { class: "axis" }, root);
    for (const t of ticks) {
      const y = scale(t);
      svg("line", { x1: left, x2: left + width, y1: y, y2: y }, axis);
      svg("text", { x: left - 4, y: y + 3, "text-anchor": "end" }, axis).textContent = fmt ? fmt(t) : t;
    }
  }

  function xLabels(root, labels, xOf, y, every) {
    const axis = svg("g", { class: "axis" }, root);
    labels.forEach((label, i) => {
      if (i % every !== 0) return;
      svg("text", { x: xOf(i), y: y, "text-anchor": "middle" }, axis).textContent = label;
    });
  }

  function empty(container, message) {
    container.replaceChildren();
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = message;
    container.appendChild(p);
  }

  // Stacked bars per period, one colour per QuadClass.
  function stackedBars(container, rows, opts) {
    if (!rows.length) return empty(container, "No dated events match the filters.");
    const W = 900, H = opts && opts.height || 150, L = 34, B = 18, T = 6;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline" });
    const max = niceMax(Math.max(...rows.map((r) => r.events)));
    const y = (v) => T + (H - T - B) * (1 - v / max);
    yAxis(root, y, [0, max / 2, max], L, W - L);
    const step = (W - L) / rows.length, bw = Math.max(1, step * 0.8);
    rows.forEach((row, i) => {
      let base = 0;
      QUADS.forEach((q, qi) => {
        const n = row[q] || 0;
        if (!n) return;
        const bar = svg("rect", { class: `bar q${qi + 1}`, x: L + i * step + (step - bw) / 2, y: y(base + n), width: bw, height: y(base) - y(base + n) }, root);
        title(bar, `${row.period}: ${n} ${q.replace("_", " ")}`);
        base += n;
      });
    });
    xLabels(root, rows.map((r) => r.period), (i) => L + i * step + step / 2, H - 4, Math.max(1, Math.ceil(rows.length / 8)));
    container.replaceChildren(root);
  }

  // Conflict/cooperation bars with a summed-Goldstein line on a second scale, alert weeks shaded.
  function dyadSeries(container, points, alertPeriods) {
    if (!points.length) return empty(container, "No occurred events for this dyad.");
    const W = 600, H = 220, L = 34, R = 38, B = 18, T = 8, plotW = W - L - R;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "dyad series" });
    const conflict = points.map((p) => p.quad_class.verbal_conflict + p.quad_class.material_conflict);
    const coop = points.map((p) => p.quad_class.verbal_coop + p.quad_class.material_coop);
    const countMax = niceMax(Math.max(1, ...conflict.map((c, i) => c + coop[i])));
    const gAbs = niceMax(Math.max(1, ...points.map((p) => Math.abs(p.goldstein_sum))));
    const yc = (v) => T + (H - T - B) * (1 - v / countMax);
    const yg = (v) => T + (H - T - B) * (0.5 - v / (2 * gAbs));
    const step = plotW / points.length, bw = Math.max(1, step * 0.7);
    const xOf = (i) => L + i * step + step / 2;
    points.forEach((p, i) => {
      if (alertPeriods.has(p.period)) {
        title(svg("rect", { class: "alert-band", x: L + i * step, y: T, width: step, height: H - T - B }, root), `alert: week of ${p.period}`);
      }
    });
    yAxis(root, yc, [0, countMax / 2, countMax], L, plotW);
    points.forEach((p, i) => {
      const x = xOf(i) - bw / 2;
      if (conflict[i]) title(svg("rect", { class: "bar q4", x, y: yc(conflict[i]), width: bw, height: yc(0) - yc(conflict[i]) }, root), `${p.period}: ${conflict[i]} conflict events`);
      if (coop[i]) title(svg("rect", { class: "bar q1", x, y: yc(conflict[i] + coop[i]), width: bw, height: yc(conflict[i]) - yc(conflict[i] + coop[i]) }, root), `${p.period}: ${coop[i]} cooperation events`);
    });
    svg("line", { class: "zero", x1: L, x2: L + plotW, y1: yg(0), y2: yg(0) }, root);
    const d = points.map((p, i) => `${i ? "L" : "M"}${xOf(i).toFixed(1)},${yg(p.goldstein_sum).toFixed(1)}`).join("");
    svg("path", { class: "line", d }, root);
    points.forEach((p, i) => title(svg("circle", { class: "point", cx: xOf(i), cy: yg(p.goldstein_sum), r: 2.2 }, root), `${p.period}: Goldstein sum ${p.goldstein_sum}, ${p.events} events, ${p.mentions} mentions`));
    const right = svg("g", { class: "axis" }, root);
    for (const v of [-gAbs, 0, gAbs]) svg("text", { x: L + plotW + 4, y: yg(v) + 3 }, right).textContent = v;
    xLabels(root, points.map((p) => p.period), xOf, H - 4, Math.max(1, Math.ceil(points.length / 6)));
    container.replaceChildren(root);
  }

  // Equirectangular world (x = lon + 180, y = 90 - lat), graticule every 30°, one circle per place.
  // Zoom to the events (padded, kept at 2:1, never past the world's edges), or show the whole world.
  function mapView(places) {
    if (!places.length) return [0, 0, 360, 180];
    const xs = places.map((p) => p.lon + 180), ys = places.map((p) => 90 - p.lat);
    let w = Math.max(60, Math.max(...xs) - Math.min(...xs) + 30), h = Math.max(30, Math.max(...ys) - Math.min(...ys) + 20);
    if (w < 2 * h) w = 2 * h; else h = w / 2;
    w = Math.min(w, 360); h = Math.min(h, 180);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    const x = Math.min(Math.max(0, cx - w / 2), 360 - w), y = Math.min(Math.max(0, cy - h / 2), 180 - h);
    return [x, y, w, h].map((v) => +v.toFixed(2));
  }

  function worldMap(container, places, onPick) {
    const view = mapView(places), zoom = 360 / view[2];
    const root = svg("svg", { viewBox: view.join(" "), role: "img", "aria-label": "map of geocoded events" });
    svg("rect", { class: "sea", x: 0, y: 0, width: 360, height: 180 }, root);
    let grid = "";
    for (let lon = 0; lon <= 360; lon += 30) grid += `M${lon},0V180`;
    for (let lat = 0; lat <= 180; lat += 30) grid += `M0,${lat}H360`;
    svg("path", { class: "graticule", d: grid }, root);
    if (window.HARBINGER_WORLD_PATH) svg("path", { class: "land", d: window.HARBINGER_WORLD_PATH }, root);
    const max = Math.max(1, ...places.map((p) => p.count));
    for (const p of places) {
      const dot = svg("circle", { class: `place q${p.quad}`, cx: p.lon + 180, cy: 90 - p.lat, r: (1.2 + 3.5 * Math.sqrt(p.count / max)) / Math.sqrt(zoom) }, root);
      title(dot, `${p.label}: ${p.count} events`);
      dot.addEventListener("click", () => onPick(p));
    }
    container.replaceChildren(root);
  }

  window.HarbingerCharts = { stackedBars, dyadSeries, worldMap, QUADS };
})();
