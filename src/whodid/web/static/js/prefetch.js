// Starts the first load's requests as soon as this small module arrives, before d3 and the panels'
// modules are in: the answers are then ready (or on their way) when main.js draws the page.
// Each promise is taken once; a later load asks the API again.

import { api } from "./api.js";
import { mapLeavesOut, readUrl } from "./filters.js";

const { filters, sort } = readUrl();
const started = {
  filters,
  summary: api.summary(),
  map: api.map(filters, mapLeavesOut(filters)),
  network: api.network(filters),
  events: api.events(filters, { sort, offset: 0 }),
  // Last: the largest file (a static one), after the queries the server has to answer.
  world: api.world(),
};
// Failures are reported by whoever takes the promise, not as unhandled rejections here.
for (const promise of Object.values(started)) if (promise instanceof Promise) promise.catch(() => {});

export function take(name, forFilters) {
  const promise = started[name];
  if (!promise) return null;
  if (forFilters && JSON.stringify(forFilters) !== JSON.stringify(started.filters)) return null;
  started[name] = null;
  return promise;
}
