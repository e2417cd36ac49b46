// A story page: title, date, source and link, the whole text with every span the stages found (actors,
// event triggers, times, places, quotes) highlighted, why each resolved as it did, its events and its
// near-duplicate copies.
import { api, el, modeBadge, showError, storyLink } from "./dom.js";
import { highlighted, spanLegend } from "./highlight.js";

function reasons(box, spans) {
  box.replaceChildren(el("h3", {}, "Why"), el("ul", { class: "reasons" }, ...spans.map((s) => el("li", {}, el("span", { class: `hl hl-${s.kind}` }, s.kind), " ", s.why))));
}

function copies(story) {
  if (!story.copies.length) return el("p", { class: "muted small", id: "copies" }, "No near-duplicate copies stored.");
  return el("div", { id: "copies" }, el("h3", {}, `Near-duplicate copies (${story.copies.length})`),
    el("ul", {}, ...story.copies.map((c) => el("li", {},
      c.kind === "near" ? storyLink(c.id, c.title || c.id) : el("span", {}, c.origin || c.id),
      el("span", { class: "muted small" }, ` · ${c.kind}${c.similarity !== null ? `, similarity ${c.similarity}` : ""}${c.source ? ` · ${c.source}` : ""}${c.date ? ` · ${c.date}` : ""}`)))));
}

export async function loadStory(box, articleId, { onEvent }) {
  if (!articleId) return box.replaceChildren(el("p", { class: "muted" }, "Pick a story: click an event's story link."));
  try {
    const story = await api(`/api/stories/${encodeURIComponent(articleId)}`);
    const a = story.article;
    const why = el("aside", { class: "why panel", id: "story-why" }, el("p", { class: "muted" }, "Click a highlighted span to see why it resolved as it did."));
    const meta = [a.date || "undated", a.source, a.dateline].filter(Boolean).join(" · ");
    const text = highlighted(a.text, a.body_start, a.text.length, story.spans, { id: "story-text", onPick: (spans) => reasons(why, spans) });
    text.classList.add("story-text");
    box.replaceChildren(
      el("article", { class: "panel story", "data-article": a.id },
        el("h2", { id: "story-title" }, a.title || a.text.slice(a.body_start, a.body_start + 90) + "…"),
        el("p", { class: "muted", id: "story-meta" }, meta, a.url ? " · " : "", a.url ? el("a", { href: a.url, rel: "noreferrer noopener", target: "_blank", id: "story-url" }, a.url) : ""),
        story.copy_of ? el("p", { class: "note" }, `You asked for a near-duplicate copy (${story.asked}); this is the story it copies, where the events were coded.`) : "",
        spanLegend(["actor", "trigger", "time", "place", "quote"]),
        text,
        el("h3", {}, `Events (${story.events.length})`),
        el("ul", { class: "story-events" }, ...story.events.map((e) => {
          const head = `${e.source_code || "?"} ${e.plover_type} ${e.target_code || "?"}`;
          return el("li", { "data-id": e.id },
            el("a", { href: `?event=${encodeURIComponent(e.id)}`, onclick: (ev) => { ev.preventDefault(); onEvent(e.id); } }, head),
            " ", modeBadge(e.mode), el("span", { class: "muted small" }, " " + (e.why.startsWith(head) ? e.why.slice(head.length) : e.why)));
        })),
        copies(story)),
      why);
    box.dataset.article = a.id;
  } catch (error) { showError(box, error); }
}
