// The type legend under the map: one toggle per event type in the store, coloured as on the map.

import { el, clear, formatCount } from "./dom.js";
import { inTypeOrder, typeColour } from "./types.js";

export class TypeLegend {
  constructor(node, { onToggle }) {
    this.node = node;
    this.onToggle = onToggle;
    node.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-type]");
      if (!button) return;
      this.onToggle(button.dataset.type, { only: event.altKey || event.shiftKey });
    });
  }

  // types: [{type, events}] from the summary; shown: the Set of types shown (null: all).
  render(types, shown) {
    clear(this.node);
    const counts = new Map(types.map((t) => [t.type, t.events]));
    for (const type of inTypeOrder(counts.keys())) {
      const on = !shown || shown.has(type);
      const swatch = el("span", { className: "swatch" });
      swatch.style.backgroundColor = typeColour(type);
      const button = el(
        "button",
        {
          className: on ? "legend-item" : "legend-item is-off",
          attrs: { type: "button", "aria-pressed": on ? "true" : "false" },
          dataset: { type },
          title: `${on ? "Hide" : "Show"} ${type} events (shift-click: only this type)`,
        },
        swatch,
        el("span", { className: "legend-name", text: type }),
        el("span", { className: "legend-count", text: formatCount(counts.get(type)) }),
      );
      this.node.appendChild(button);
    }
  }
}
