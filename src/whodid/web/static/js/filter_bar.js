// The filter bar in the header: shows the filter state and turns edits into changes of it.

import { el, clear } from "./dom.js";
import { inTypeOrder } from "./types.js";

const SOME = "__some__";

export class FilterBar {
  constructor(form, state) {
    this.form = form;
    this.state = state;
    this.fields = {
      type: form.querySelector("#filter-type"),
      actor: form.querySelector("#filter-actor"),
      country: form.querySelector("#filter-country"),
      from: form.querySelector("#filter-from"),
      to: form.querySelector("#filter-to"),
      min_sources: form.querySelector("#filter-min-sources"),
      factuality: form.querySelector("#filter-factuality"),
    };
    this.near = document.getElementById("filter-near");
    this.nearText = document.getElementById("filter-near-text");
    this.types = [];
    form.addEventListener("submit", (event) => event.preventDefault());
    this.fields.type.addEventListener("change", () => {
      const value = this.fields.type.value;
      if (value !== SOME) state.set({ type: value ? [value] : [] });
    });
    this.fields.factuality.addEventListener("change", () => {
      const value = this.fields.factuality.value;
      if (value !== SOME) state.set({ factuality: value ? [value] : [] });
    });
    this.fields.actor.addEventListener("input", () => state.set({ actor: this.fields.actor.value }, { delay: 350 }));
    this.fields.country.addEventListener("input", () => {
      const value = this.fields.country.value.trim();
      if (value === "" || /^[A-Za-z]{3}$/.test(value)) state.set({ country: value }, { delay: 250 });
    });
    for (const key of ["from", "to"]) {
      this.fields[key].addEventListener("change", () => state.set({ [key]: this.fields[key].value }));
    }
    this.fields.min_sources.addEventListener("input", () =>
      state.set({ min_sources: this.fields.min_sources.value }, { delay: 300 }),
    );
    document.getElementById("filter-near-clear").addEventListener("click", () => state.set({ near: "" }));
    document.getElementById("clear-filters").addEventListener("click", () => state.clear());
  }

  setTypes(types) {
    this.types = inTypeOrder(types.map((t) => t.type));
    const select = this.fields.type;
    clear(select);
    select.appendChild(el("option", { text: "all types", attrs: { value: "" } }));
    for (const type of this.types) select.appendChild(el("option", { text: type, attrs: { value: type } }));
    this.show(this.state.get());
  }

  // Put the state into the fields, leaving alone the one being typed in.
  show(filters) {
    const focused = document.activeElement;
    const put = (field, value) => {
      if (field !== focused || field.type === "date" || field.tagName === "SELECT") field.value = value;
    };
    const select = this.fields.type;
    select.querySelector(`option[value="${SOME}"]`)?.remove();
    if (filters.type.length === 0) {
      select.value = "";
    } else if (filters.type.length === 1 && [...select.options].some((o) => o.value === filters.type[0])) {
      select.value = filters.type[0];
    } else {
      const label = `${filters.type.length} types`;
      select.appendChild(el("option", { text: label, attrs: { value: SOME, disabled: true } }));
      select.value = SOME;
    }
    put(this.fields.actor, filters.actor);
    put(this.fields.country, filters.country);
    put(this.fields.from, filters.from);
    put(this.fields.to, filters.to);
    put(this.fields.min_sources, filters.min_sources);
    const factuality = this.fields.factuality;
    factuality.querySelector(`option[value="${SOME}"]`)?.remove();
    if (filters.factuality.length > 1) {
      factuality.appendChild(el("option", { text: `${filters.factuality.length} kinds`, attrs: { value: SOME, disabled: true } }));
      factuality.value = SOME;
    } else {
      factuality.value = filters.factuality.length === 1 ? filters.factuality[0] : "";
    }
    this.near.hidden = !filters.near;
    this.nearText.textContent = filters.near ? `near ${filters.near.split(",").slice(0, 2).join(", ")}` : "";
  }
}
