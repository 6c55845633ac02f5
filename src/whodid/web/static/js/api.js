// Talking to the whodid API: JSON GETs that turn an {"error": ...} answer into a thrown Error.

import { toParams } from "./filters.js";

export const PAGE_SIZE = 50; // events in one page of the table
export const NETWORK_ACTORS = 60; // actors in the network
export const MAP_POINTS = 200000; // the most points the API gives the map

export class ApiError extends Error {
  constructor(message, status, path) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.path = path;
  }
}

export async function getJson(path, { signal } = {}) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: "application/json" } });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(`cannot reach the server (${err.message})`, 0, path);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === "string" ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(`${message} (${path.split("?")[0]})`, response.status, path);
  }
  if (body === null) throw new ApiError(`not JSON (${path.split("?")[0]})`, response.status, path);
  return body;
}

function withParams(path, filters, extra = {}, without = []) {
  const params = toParams(filters, without);
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const api = {
  summary: (options) => getJson("/api/summary", options),
  events: (filters, { sort, limit = PAGE_SIZE, offset = 0 }, options) =>
    getJson(withParams("/api/events", filters, { sort, limit, offset }), options),
  map: (filters, without, options) =>
    getJson(withParams("/api/map", filters, { limit: MAP_POINTS }, without), options),
  timeline: (filters, bucket, without, options) =>
    getJson(withParams("/api/timeline", filters, { bucket }, without), options),
  network: (filters, options) => getJson(withParams("/api/network", filters, { actors: NETWORK_ACTORS }), options),
  event: (eventId, options) => getJson(`/api/events/${encodeURIComponent(eventId)}`, options),
  evidence: (mentionId, options) => getJson(`/api/mentions/${encodeURIComponent(mentionId)}/evidence`, options),
  world: (options) => getJson("/static/vendor/countries-50m.json", options),
};
