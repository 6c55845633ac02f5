// The event table: one page of the filtered events, sortable by some columns (the server sorts),
// with previous/next paging; a click on a row opens the event.

import { PAGE_SIZE } from "./api.js";
import { el, clear, cssWord, orDash, formatCount } from "./dom.js";
import { typeColour } from "./types.js";

// [label, sort key (null: not sortable), first direction]
const COLUMNS = [
  ["Date", "date", "-"],
  ["Type", "type", ""],
  ["Source", null],
  ["Target", null],
  ["Place", null],
  ["Country", "country", ""],
  ["Fatalities", "fatalities", "-"],
  ["Factuality", null],
  ["Sources", "sources", "-"],
];

export class EventTable {
  constructor(table, { onOpenEvent, onSort, onPage }) {
    this.table = table;
    this.body = table.querySelector("tbody");
    this.onOpenEvent = onOpenEvent;
    this.onSort = onSort;
    this.onPage = onPage;
    this.prev = document.getElementById("page-prev");
    this.next = document.getElementById("page-next");
    this.info = document.getElementById("page-info");
    this.page = { total: 0, offset: 0, limit: PAGE_SIZE };
    this.sort = "";
    this.buildHead();
    this.body.addEventListener("click", (event) => {
      const row = event.target.closest("tr.event-row");
      if (row) this.onOpenEvent(row.dataset.eventId);
    });
    this.body.addEventListener("keydown", (event) => {
      const row = event.target.closest("tr.event-row");
      if (row && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        this.onOpenEvent(row.dataset.eventId);
      }
    });
    this.prev.addEventListener("click", () => this.onPage(Math.max(0, this.page.offset - this.page.limit)));
    this.next.addEventListener("click", () => this.onPage(this.page.offset + this.page.limit));
  }

  buildHead() {
    const row = el("tr");
    this.headers = [];
    for (const [label, key, first] of COLUMNS) {
      const th = el("th", { attrs: { scope: "col" } });
      if (key) {
        const button = el("button", { className: "sort", text: label, attrs: { type: "button" }, dataset: { sort: key } });
        button.addEventListener("click", () => this.onSort(this.nextSort(key, first)));
        th.appendChild(button);
        this.headers.push([th, key, button]);
      } else {
        th.textContent = label;
      }
      row.appendChild(th);
    }
    clear(this.table.querySelector("thead")).appendChild(row);
  }

  // Clicking a header sorts by it; clicking it again flips the direction where the API has both.
  nextSort(key, first) {
    const bare = this.sort.replace(/^-/, "");
    if (bare !== key) return `${first}${key}`;
    if (key === "type" || key === "country") return "stored";
    return this.sort.startsWith("-") ? key : `-${key}`;
  }

  showSort(sort) {
    this.sort = sort || "";
    const bare = this.sort.replace(/^-/, "");
    for (const [th, key, button] of this.headers) {
      const on = bare === key;
      th.setAttribute("aria-sort", on ? (this.sort.startsWith("-") ? "descending" : "ascending") : "none");
      button.classList.toggle("is-sorted", on);
      button.dataset.direction = on ? (this.sort.startsWith("-") ? "desc" : "asc") : "";
    }
  }

  // page: {total, limit, offset, events:[...]} from /api/events
  render(page, sort) {
    this.page = page;
    this.showSort(sort);
    const rows = page.events.map((event) => this.row(event));
    this.body.replaceChildren(...rows);
    if (!rows.length) {
      this.body.appendChild(el("tr", { className: "empty-row" }, el("td", { text: "No events match the filters.", attrs: { colspan: COLUMNS.length } })));
    }
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.events.length;
    this.info.textContent = `rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)}`;
    this.prev.disabled = page.offset <= 0;
    this.next.disabled = last >= page.total;
  }

  row(event) {
    const swatch = el("span", { className: "swatch" });
    swatch.style.backgroundColor = typeColour(event.type);
    const acled = [event.acled_event_type, event.acled_sub_event_type].filter(Boolean);
    const typeCell = el(
      "td",
      { className: "col-type" },
      swatch,
      el("span", { className: "type-name", text: event.type }),
      event.mode ? el("span", { className: "muted", text: ` (${event.mode})` }) : null,
      event.acled_sub_event_type || event.acled_event_type
        ? el("div", { className: "acled", text: event.acled_sub_event_type || event.acled_event_type, title: acled.join(" › ") })
        : null,
    );
    const place = [event.place_name, event.admin1].filter(Boolean).join(", ");
    const date = event.date ? `${event.date}${event.date_precision && event.date_precision !== "day" ? ` (${event.date_precision})` : ""}` : "undated";
    const factuality = event.factuality
      ? el("span", { className: `badge factuality factuality-${cssWord(event.factuality)}`, text: event.factuality })
      : "–";
    return el(
      "tr",
      { className: "event-row", attrs: { tabindex: "0" }, dataset: { eventId: event.event_id } },
      el("td", { className: "col-date", text: date }),
      typeCell,
      el("td", { text: orDash((event.source || []).join(", ")) }),
      el("td", { text: orDash((event.target || []).join(", ")) }),
      el("td", { text: orDash(place) }),
      el("td", { text: orDash(event.country) }),
      el("td", { className: "num", text: orDash(event.fatalities) }),
      el("td", {}, factuality, event.attributed_to ? el("div", { className: "muted small", text: `per ${event.attributed_to}` }) : null),
      el("td", {
        className: "num",
        text: orDash(event.independent_sources),
        title: `${event.mention_count ?? "?"} reports in ${event.article_count ?? "?"} articles`,
      }),
    );
  }
}
