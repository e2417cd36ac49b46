// Cut a text at every span edge; each piece carries the classes of all spans covering it, its own offsets
// into the article (data-start, data-end) and, as its tooltip, what each span resolved to and why.
import { el } from "./dom.js";

export const SPAN_KINDS = ["source", "target", "trigger", "actor", "time", "place", "quote"];

export function highlighted(text, from, to, spans, { id, onPick } = {}) {
  const inside = spans.filter((s) => s.start < to && s.end > from);
  const cuts = new Set([from, to]);
  for (const s of inside) { cuts.add(Math.max(from, s.start)); cuts.add(Math.min(to, s.end)); }
  const edges = [...cuts].sort((a, b) => a - b);
  const box = el("p", { class: "sentence", id });
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i], edges[i + 1]];
    const piece = text.slice(start, end);
    const covering = inside.filter((s) => s.start <= start && end <= s.end);
    if (!covering.length) { box.append(piece); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const node = el("span", {
      class: "hl " + kinds.map((k) => `hl-${k}`).join(" "),
      "data-kinds": kinds.join(" "), "data-start": start, "data-end": end,
      title: covering.map((s) => s.why || (s.label ? `${s.kind}: ${s.label}` : s.kind)).join("\n"),
    }, piece);
    if (onPick) node.addEventListener("click", () => onPick(covering));
    box.append(node);
  }
  return box;
}

export function spanLegend(kinds) {
  return el("p", { class: "legend small" }, ...kinds.map((k) => el("span", { class: `hl hl-${k}` }, k)));
}
