// The filtered event table (paged, newest first) and one event's evidence: the sentence with its spans
// highlighted and, in words, how its actors, date, place and codes were resolved.
import { $, api, el, modeBadge, showError, storyLink } from "./dom.js";
import { highlighted, spanLegend } from "./highlight.js";

export const PAGE = 25;

const COLUMNS = {
  date: (e) => e.event_date || "—", source: (e) => e.source_code || "—", target: (e) => e.target_code || "—", type: (e) => e.plover_type,
  mode: (e) => modeBadge(e.mode), Goldstein: (e) => (e.goldstein === null ? "—" : String(e.goldstein)),
  place: (e) => e.place_name || e.place_text || "",
};
const FULL = ["date", "source", "target", "type", "mode", "Goldstein", "place"];
const COMPACT = ["date", "source", "target", "type"];  // a list beside the map: the place is the cluster's

export function eventRow(e, onPick, columns = FULL) {
  return el("tr", { "data-id": e.id, onclick: () => onPick(e.id) },
    ...columns.map((name) => el("td", {}, COLUMNS[name](e))), el("td", { class: "evidence", title: e.sentence || "" }, e.sentence || ""));
}

export function eventTable(events, onPick, selected, { compact = false } = {}) {
  const columns = compact ? COMPACT : FULL;
  return el("table", { class: "events" + (compact ? " compact" : "") },
    el("thead", {}, el("tr", {}, ...[...columns, "evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...events.map((e) => {
      const row = eventRow(e, onPick, columns);
      if (e.id === selected) row.classList.add("selected");
      return row;
    })));
}

export async function loadEvents(box, params, offset, { onPick, onPage, selected, compact = false }) {
  const size = compact ? 8 : PAGE;
  try {
    const page = await api("/api/events", { ...params, limit: size, offset });
    const last = Math.min(page.total, offset + page.items.length);
    box.replaceChildren(
      el("p", { class: "muted small events-count" }, `${page.total.toLocaleString()} matching`),
      eventTable(page.items, onPick, selected, { compact }),
      el("div", { class: "pager" },
        el("button", { type: "button", class: "prev", disabled: offset === 0 ? "" : null, onclick: () => onPage(Math.max(0, offset - size)) }, "‹ newer"),
        el("span", { class: "page" }, page.total ? `${offset + 1}–${last} of ${page.total.toLocaleString()}` : "none"),
        el("button", { type: "button", class: "next", disabled: last >= page.total ? "" : null, onclick: () => onPage(offset + size) }, "older ›")));
    return page;
  } catch (error) { showError(box, error); return null; }
}

// The sentence's text addressed by article offsets, as highlighted() slices it.
function sentenceText(sentence) {
  return { slice: (from, to) => sentence.text.slice(from - sentence.start, to - sentence.start) };
}

function describe(label, value) {
  return [el("dt", {}, label), el("dd", {}, value === null || value === undefined || value === "" ? "—" : String(value))];
}

export async function showEvent(box, id) {
  try {
    const detail = await api(`/api/events/${encodeURIComponent(id)}`);
    const e = detail.event, r = detail.resolution, why = detail.explanation;
    const title = detail.article.title || `story ${detail.article.id}`;
    box.replaceChildren(
      el("p", {}, el("strong", {}, `${e.source_code || "?"} ${e.plover_type} ${e.target_code || "?"}`), " ", modeBadge(e.mode),
        el("span", { class: "muted small" }, ` · ${e.mentions} mention(s) · `), storyLink(detail.article.id, `${title} (${detail.article.date || "undated"})`)),
      highlighted(sentenceText(detail.sentence), detail.sentence.start, detail.sentence.end,
        detail.spans.map((s) => ({ ...s, why: s.label ? `${s.kind}: ${s.label}` : s.kind })), { id: "evidence" }),
      spanLegend(["source", "target", "trigger", "actor", "time", "place"]),
      el("dl", { class: "resolution" },
        ...describe("event", why.event), ...describe("source", why.source), ...describe("target", why.target),
        ...describe("date", why.date), ...describe("place", why.place),
        ...describe("CAMEO", `${r.cameo_code || "?"} (root ${r.cameo_root || "?"}), confidence ${r.confidence ?? "?"}`)));
    box.dataset.event = id;
  } catch (error) { showError(box, error); }
}
