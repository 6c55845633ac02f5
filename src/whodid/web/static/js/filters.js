// The one filter state of the page: what the API's filters are, how they read from and write to
// the URL's query string (so a view can be shared), and who is told when they change.

import { isPloverType } from "./types.js";

const LIST_KEYS = ["type", "factuality"];
const TEXT_KEYS = ["actor", "country", "from", "to", "near", "min_sources"];
export const SORTS = ["stored", "date", "-date", "fatalities", "-fatalities", "sources", "-sources", "type", "country"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyFilters() {
  return { type: [], factuality: [], actor: "", country: "", from: "", to: "", near: "", min_sources: "" };
}

// Keep only values the API accepts, so a hand-edited URL cannot send nonsense.
export function normalise(filters) {
  const clean = emptyFilters();
  for (const key of LIST_KEYS) {
    const values = Array.isArray(filters[key]) ? filters[key] : [];
    clean[key] = [...new Set(values.map((v) => String(v).trim()).filter(Boolean))];
  }
  clean.actor = String(filters.actor ?? "").trim();
  const country = String(filters.country ?? "").trim().toUpperCase();
  clean.country = /^[A-Z]{3}$/.test(country) ? country : "";
  for (const key of ["from", "to"]) {
    const value = String(filters[key] ?? "").trim();
    clean[key] = DATE.test(value) ? value : "";
  }
  const near = String(filters.near ?? "").trim();
  clean.near = /^-?\d+(\.\d+)?,-?\d+(\.\d+)?,\d+(\.\d+)?$/.test(near) ? near : "";
  const sources = Number.parseInt(String(filters.min_sources ?? ""), 10);
  clean.min_sources = Number.isInteger(sources) && sources >= 1 ? String(sources) : "";
  return clean;
}

// The API's query parameters for these filters, leaving out the keys in `without`.
export function toParams(filters, without = []) {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    if (without.includes(key)) continue;
    for (const value of filters[key]) params.append(key, value);
  }
  for (const key of TEXT_KEYS) {
    if (!without.includes(key) && filters[key]) params.set(key, filters[key]);
  }
  return params;
}

// The filters the map applies itself to the points it holds (PLOVER types and dates), so that
// changing them needs no new request; the others go to the server.
export function mapLeavesOut(filters) {
  return filters.type.every(isPloverType) ? ["type", "from", "to"] : ["from", "to"];
}

export function readUrl(search = window.location.search) {
  const params = new URLSearchParams(search);
  const raw = emptyFilters();
  for (const key of LIST_KEYS) raw[key] = params.getAll(key);
  for (const key of TEXT_KEYS) raw[key] = params.get(key) ?? "";
  const sort = params.get("sort");
  return { filters: normalise(raw), sort: SORTS.includes(sort) ? sort : "" };
}

function writeUrl(filters, sort) {
  const params = toParams(filters);
  if (sort) params.set("sort", sort);
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  window.history.replaceState(window.history.state, "", url);
}

export class FilterState {
  constructor() {
    const { filters, sort } = readUrl();
    this.filters = filters;
    this.sort = sort;
    this.listeners = [];
  }

  get() {
    return this.filters;
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  // Merge `patch` in; listeners hear about it only when something really changed.
  set(patch, { delay = 0 } = {}) {
    const next = normalise({ ...this.filters, ...patch });
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return false;
    this.filters = next;
    writeUrl(this.filters, this.sort);
    for (const listener of this.listeners) listener(this.filters, { delay });
    return true;
  }

  clear() {
    return this.set(emptyFilters());
  }

  setSort(sort) {
    this.sort = SORTS.includes(sort) ? sort : "";
    writeUrl(this.filters, this.sort);
  }
}

// Days since 1970-01-01 of a YYYY-MM-DD date, as the map's `day` column counts them.
export function dayNumber(isoDate) {
  if (!isoDate) return null;
  const [y, m, d] = isoDate.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}
