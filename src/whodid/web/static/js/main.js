// Puts the page together: loads the store's summary and every panel, keeps them in step with the
// filter state, and marks when the page is ready and when each filter change has been applied.

import { take } from "./prefetch.js";
import { api } from "./api.js";
import { formatCount, plural } from "./dom.js";
import { EventMap } from "./map.js";
import { Timeline, bucketFor } from "./timeline.js";
import { Network } from "./network.js";
import { EventTable } from "./table.js";
import { EventView } from "./event_view.js";
import { TypeLegend } from "./legend.js";
import { FilterBar } from "./filter_bar.js";
import { FilterState, dayNumber, mapLeavesOut, toParams } from "./filters.js";
import { isPloverType } from "./types.js";
import { clearError, reportError, showNotice } from "./status.js";

const $ = (id) => document.getElementById(id);

const state = new FilterState();
const page = {
  summary: null,
  storeTypes: [], // type names in the store
  ready: false,
  mapKey: null, // the server-side filters the map's points were read with
  timelineKey: null, // the filters the timeline was counted with
  bucket: "day",
  tableTotal: null,
  tableOffset: 0,
  tableSeq: 0,
  filteredCount: 0,
  update: null, // AbortController of the filter update in flight
  tableRequest: null,
  timer: null,
};
const view = {};

// ---- what each panel is asked for ----------------------------------------------------------------

function mapKeyOf(filters) {
  return toParams(filters, mapLeavesOut(filters)).toString();
}

// The timeline counts over every date (the brush needs room to move), so from/to stay out.
function timelineKeyOf(filters) {
  return toParams(filters, ["from", "to"]).toString();
}

function filterMap(filters) {
  const byType = filters.type.length && filters.type.every(isPloverType) ? new Set(filters.type) : null;
  view.map.filter({ types: byType, fromDay: dayNumber(filters.from), toDay: dayNumber(filters.to) });
  view.map.draw();
  showMapCount();
}

function showMapCount() {
  const shown = view.map.visibleCount;
  let text = `${plural(shown, "event")} on the map`;
  if (view.map.truncated) {
    text += " (the map holds only the first placed events)";
  } else if (page.tableTotal !== null) {
    text += ` (${formatCount(Math.max(0, page.tableTotal - shown))} without a place)`;
  }
  $("map-count").textContent = text;
}

// ---- loading: each takes the filters, an abort signal, and maybe a request already under way ---------

async function loadMap(filters, signal, early) {
  const key = mapKeyOf(filters);
  const columns = await (early || api.map(filters, mapLeavesOut(filters), { signal }));
  if (signal && signal.aborted) return;
  view.map.setPoints(columns);
  page.mapKey = key;
  performance.mark("whodid:map-data");
}

async function loadTimeline(filters, signal) {
  const key = timelineKeyOf(filters);
  const data = await api.timeline(filters, page.bucket, ["from", "to"], { signal });
  if (signal && signal.aborted) return;
  view.timeline.setRange(filters.from, filters.to);
  view.timeline.render(data);
  page.timelineKey = key;
  performance.mark("whodid:timeline");
}

async function loadNetwork(filters, signal, early) {
  const data = await (early || api.network(filters, { signal }));
  if (signal && signal.aborted) return;
  view.network.setActive(filters.actor);
  view.network.render(data);
  performance.mark("whodid:network");
}

async function loadTable(filters, signal, early) {
  page.tableSeq += 1;
  const seq = page.tableSeq; // only the latest request's page is shown
  const data = await (early || api.events(filters, { sort: state.sort, offset: page.tableOffset }, { signal }));
  if ((signal && signal.aborted) || seq !== page.tableSeq) return;
  page.tableTotal = data.total;
  view.table.render(data, state.sort);
  performance.mark("whodid:table");
}

// Another page or order of the table (not a filter change).
async function reloadTable() {
  if (page.tableRequest) page.tableRequest.abort();
  const request = new AbortController();
  page.tableRequest = request;
  try {
    await loadTable(state.get(), request.signal);
  } catch (err) {
    reportError(err, "events");
  }
}

function settle(results, names) {
  results.forEach((result, i) => {
    if (result.status === "rejected") reportError(result.reason, names[i]);
  });
  return results.every((result) => result.status === "fulfilled");
}

// ---- filter changes ------------------------------------------------------------------------------

function onFiltersChanged(filters, { delay }) {
  view.bar.show(filters);
  view.legend.render(page.summary ? page.summary.types : [], shownTypes(filters));
  view.timeline.setRange(filters.from, filters.to);
  view.network.setActive(filters.actor);
  clearTimeout(page.timer);
  page.timer = setTimeout(applyFilters, Math.max(30, delay || 0));
}

// Bring every panel in line with the filters: the map filters its points itself when it can;
// the table and the network are asked again.
async function applyFilters() {
  if (!page.ready || !page.summary || !page.summary.events) return; // the first load reads them
  if (page.update) page.update.abort();
  const update = new AbortController();
  page.update = update;
  const { signal } = update;
  const started = performance.now();
  const filters = state.get();
  page.tableOffset = 0;
  const jobs = [loadTable(filters, signal), loadNetwork(filters, signal)];
  const names = ["events", "actor network"];
  if (mapKeyOf(filters) !== page.mapKey) {
    jobs.push(loadMap(filters, signal).then(() => signal.aborted || filterMap(filters)));
    names.push("map");
  } else {
    filterMap(filters);
  }
  if (timelineKeyOf(filters) !== page.timelineKey) {
    jobs.push(loadTimeline(filters, signal));
    names.push("timeline");
  }
  const results = await Promise.allSettled(jobs);
  if (signal.aborted) return;
  page.update = null;
  if (settle(results, names)) clearError();
  showMapCount();
  page.filteredCount += 1;
  window.whodidTimings.last_filter_ms = performance.now() - started;
  document.body.dataset.filtered = String(page.filteredCount);
}

// The types the legend shows as on (null: all); ACLED types in the filter leave the legend alone.
function shownTypes(filters) {
  return filters.type.length && filters.type.every(isPloverType) ? new Set(filters.type) : null;
}

function toggleType(type, { only }) {
  const present = page.storeTypes;
  const filters = state.get();
  let shown = new Set(filters.type.length ? filters.type.filter((t) => present.includes(t)) : present);
  if (only) {
    shown = new Set([type]);
  } else if (shown.has(type)) {
    shown.delete(type);
  } else {
    shown.add(type);
  }
  if (shown.size === 0) showNotice("Every type was hidden, so all are shown again.");
  const all = present.every((t) => shown.has(t));
  state.set({ type: shown.size === 0 || all ? [] : [...shown] });
}

// ---- the event view, and #event=ID in the URL -----------------------------------------------------

function eventInHash() {
  const match = /^#event=(.+)$/.exec(window.location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function setHash(eventId) {
  const base = `${window.location.pathname}${window.location.search}`;
  const url = eventId ? `${base}#event=${encodeURIComponent(eventId)}` : base;
  window.history.replaceState(window.history.state, "", url);
}

function openEvent(eventId) {
  if (!eventId) return;
  setHash(eventId);
  view.eventView.open(eventId);
}

// ---- start ---------------------------------------------------------------------------------------

function markReady() {
  page.ready = true;
  window.whodidTimings = { ready_ms: performance.now() };
  document.body.dataset.ready = "true";
}

function showSummary(summary) {
  const span = summary.first_date ? ` · ${summary.first_date} – ${summary.last_date}` : "";
  $("summary").textContent = `${plural(summary.events, "event")} from ${plural(summary.articles, "article")}${span}`;
}

function build() {
  view.map = new EventMap($("map"), {
    onOpenEvent: openEvent,
    onSamePlace: (lat, lon, count) => {
      showNotice(`${count} events share one place: the table now lists them (place filter).`);
      state.set({ near: `${lat},${lon},1` });
    },
  });
  view.timeline = new Timeline($("timeline"), $("timeline-note"), {
    onBrush: (from, to) => state.set({ from, to }),
  });
  view.network = new Network($("network"), $("network-legend"), $("network-note"), {
    onActor: (name) => state.set({ actor: state.get().actor === name ? "" : name }),
  });
  view.table = new EventTable($("events-table"), {
    onOpenEvent: openEvent,
    onSort: (sort) => {
      state.setSort(sort === "stored" ? "" : sort);
      page.tableOffset = 0;
      reloadTable();
    },
    onPage: (offset) => {
      page.tableOffset = offset;
      reloadTable();
    },
  });
  view.eventView = new EventView($("event-view"), { onClose: () => setHash(null) });
  view.legend = new TypeLegend($("type-legend"), { onToggle: toggleType });
  view.bar = new FilterBar($("filters"), state);
  $("map-reset").addEventListener("click", () => view.map.resetZoom());
  state.onChange(onFiltersChanged);
  window.addEventListener("hashchange", () => {
    const wanted = eventInHash();
    if (wanted && wanted !== view.eventView.eventId) view.eventView.open(wanted);
    if (!wanted && view.eventView.eventId) view.eventView.close();
  });
}

async function start() {
  performance.mark("whodid:start");
  build();
  const filters = state.get();
  view.bar.show(filters);
  // prefetch.js asked for these while the libraries were still loading.
  const world = take("world") || api.world();
  const early = [
    loadMap(filters, null, take("map", filters)),
    loadNetwork(filters, null, take("network", filters)),
    loadTable(filters, null, take("events", filters)),
  ];
  let summary;
  try {
    summary = await (take("summary") || api.summary());
  } catch (err) {
    reportError(err, "summary");
    $("summary").textContent = "The store could not be read.";
    Promise.allSettled([world, ...early]);
    markReady();
    return;
  }
  page.summary = summary;
  page.storeTypes = summary.types.map((t) => t.type);
  showSummary(summary);
  if (!summary.events) {
    $("dashboard").hidden = true;
    $("filters").hidden = true;
    $("empty").hidden = false;
    await Promise.allSettled([world, ...early]);
    markReady();
    return;
  }
  view.bar.setTypes(summary.types);
  view.legend.render(summary.types, shownTypes(filters));
  page.bucket = bucketFor(summary.first_date, summary.last_date, view.timeline.width);
  const drawWorld = world.then((topology) => {
    view.map.drawWorld(topology);
    performance.mark("whodid:world");
  });
  const results = await Promise.allSettled([drawWorld, loadTimeline(filters), ...early]);
  settle(results, ["world map", "timeline", "map", "actor network", "events"]);
  filterMap(filters);
  performance.mark("whodid:map");
  markReady();
  if (eventInHash()) view.eventView.open(eventInHash());
  // Filters changed while the page was loading: apply them now.
  if (JSON.stringify(state.get()) !== JSON.stringify(filters)) applyFilters();
}

start().catch((err) => {
  reportError(err, "page");
  markReady();
});
