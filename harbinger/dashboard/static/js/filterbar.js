// The filter bar: shows the one filter state and writes every change back to it (the app then updates
// the URL and reloads every view). Types and modes are checkbox lists; lists are kept comma-separated.
import { $, el } from "./dom.js";
import { FILTER_KEYS, filterSummary } from "./state.js";

const TEXT_KEYS = ["since", "until", "actors", "countries", "source", "target", "min_confidence", "q"];

function checkList(name, choices, labels = {}) {
  return el("div", { class: "checklist", "data-name": name },
    ...choices.map((value) => el("label", {}, el("input", { type: "checkbox", name, value }), " ", labels[value] || value)));
}

export function buildChoices(form, types, modes) {
  $("#types-box", form).replaceChildren(checkList("types", types));
  $("#modes-box", form).replaceChildren(checkList("modes", modes, { occurred: "occurred (asserted + reported)", all: "all modes" }));
}

export function showState(form, state) {
  for (const key of TEXT_KEYS) form.elements[key].value = state[key] || "";
  for (const key of ["types", "modes"]) {
    const chosen = new Set((state[key] || "").split(",").filter(Boolean));
    form.querySelectorAll(`input[name=${key}]`).forEach((box) => { box.checked = chosen.has(box.value); });
    $(`#${key}-summary`, form).textContent = chosen.size ? [...chosen].join(", ") : key === "types" ? "any" : "all";
  }
  $("#filter-summary").textContent = filterSummary(state);
}

export function readForm(form) {
  const state = {};
  for (const key of TEXT_KEYS) state[key] = String(form.elements[key].value || "").trim();
  for (const key of ["actors", "countries", "source", "target"]) state[key] = state[key].toUpperCase().split(",").map((s) => s.trim()).filter(Boolean).join(",");
  for (const key of ["types", "modes"]) state[key] = [...form.querySelectorAll(`input[name=${key}]:checked`)].map((box) => box.value).join(",");
  if (state.modes.split(",").includes("all")) state.modes = "all";
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, state[key]]));
}

export function bindForm(form, onChange, onReset) {
  form.addEventListener("change", () => onChange(readForm(form)));
  form.addEventListener("submit", (event) => { event.preventDefault(); onChange(readForm(form)); });
  $("#reset", form).addEventListener("click", onReset);
}
