// DOM and API helpers shared by every view. Article text always goes in as text nodes, never as HTML.
export const $ = (selector, root = document) => root.querySelector(selector);

export function el(tag, attrs, ...children) {
  const svg = ["svg", "g", "path", "circle", "text", "rect", "title", "line"].includes(tag) && attrs && attrs.svg;
  const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "svg" || value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export const svgEl = (tag, attrs, ...children) => el(tag, { ...attrs, svg: true }, ...children);

export class ApiError extends Error {}

export async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, Array.isArray(value) ? value.join(",") : value);
  }
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) {
    const detail = Array.isArray(body.detail) ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0] || "request"}: ${d.msg}${d.hint ? ` (${d.hint})` : ""}`).join("; ") : body.detail;
    throw new ApiError(detail || response.statusText);
  }
  return body;
}

export function showError(container, error) {
  container.replaceChildren(el("p", { class: "muted error" }, "⚠ " + error.message));
}

export function modeBadge(mode) { return el("span", { class: `mode mode-${mode}` }, mode); }

export function storyLink(articleId, label) {
  return el("a", { href: `?view=story&article=${encodeURIComponent(articleId)}`, "data-article": articleId, class: "story-link" }, label);
}

export const QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
export const QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
