// The map: countries drawn once, and every placed event clustered in screen space. Points are kept
// as typed-array columns; filtering by type or date is a loop over them, and clusters are rebuilt
// when a zoom gesture ends (not on every zoom step).

/* global d3, topojson */
import { typeColour } from "./types.js";

const CELL = 36; // px of one clustering cell on screen
const POINT_RADIUS = 4.5;
const MAX_ZOOM = 512;
const NO_DAY = -2147483648;
const BORDER_STEP = 0.3; // px at the world view: closer border points are dropped
const countLabel = d3.format("~s");

export class EventMap {
  constructor(svgNode, { onOpenEvent, onSamePlace }) {
    this.node = svgNode;
    this.onOpenEvent = onOpenEvent;
    this.onSamePlace = onSamePlace;
    const box = svgNode.getBoundingClientRect();
    this.width = Math.max(320, Math.round(box.width) || 800);
    this.height = Math.max(200, Math.round(box.height) || 420);
    this.svg = d3.select(svgNode).attr("viewBox", `0 0 ${this.width} ${this.height}`);
    // No adaptive resampling: the 1:50m borders already have more points than the screen needs.
    this.projection = d3
      .geoNaturalEarth1()
      .precision(0)
      .fitExtent([[6, 6], [this.width - 6, this.height - 6]], { type: "Sphere" });
    this.transform = d3.zoomIdentity;
    this.layer = this.svg.append("g").attr("class", "zoom-layer");
    this.world = this.layer.append("g").attr("class", "world");
    this.clusterLayer = this.layer.append("g").attr("class", "clusters");
    this.pointLayer = this.layer.append("g").attr("class", "points");
    this.zoom = d3
      .zoom()
      .scaleExtent([1, MAX_ZOOM])
      .translateExtent([[0, 0], [this.width, this.height]])
      .on("zoom", (event) => this.layer.attr("transform", event.transform))
      .on("end", (event) => {
        const t = event.transform;
        if (t.k === this.transform.k && t.x === this.transform.x && t.y === this.transform.y) return;
        this.transform = t;
        this.draw();
      });
    this.svg.call(this.zoom);
    this.n = 0;
    this.visible = new Int32Array(0);
    this.visibleCount = 0;
  }

  drawWorld(topology) {
    const projection = this.projection;
    const path = d3.geoPath({ stream: (out) => projection.stream(thinned(out, BORDER_STEP)) }).digits(1);
    this.world.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    const countries = topojson.feature(topology, topology.objects.countries).features;
    this.world
      .selectAll("path.country")
      .data(countries)
      .join("path")
      .attr("class", "country")
      .attr("d", path)
      .append("title")
      .text((d) => (d.properties && d.properties.name) || "");
  }

  // Columns from /api/map: ids, lat, lon, type (index into types), day, sources, types.
  setPoints(columns) {
    const n = columns.ids.length;
    this.n = n;
    this.ids = columns.ids;
    this.lat = columns.lat;
    this.lon = columns.lon;
    this.typeNames = columns.types;
    this.colours = columns.types.map(typeColour);
    this.x = new Float32Array(n);
    this.y = new Float32Array(n);
    this.type = new Uint16Array(n);
    this.day = new Int32Array(n);
    const project = this.projection;
    for (let i = 0; i < n; i += 1) {
      const xy = project([columns.lon[i], columns.lat[i]]);
      this.x[i] = xy ? xy[0] : Number.NaN;
      this.y[i] = xy ? xy[1] : Number.NaN;
      this.type[i] = columns.type[i];
      const day = columns.day[i];
      this.day[i] = day === null || day === undefined ? NO_DAY : day;
    }
    this.truncated = Boolean(columns.truncated);
    this.visible = new Int32Array(n);
  }

  // Keep the points of `types` (a Set of names, or null for all) dated within [fromDay, toDay]
  // (either may be null); returns how many are kept.
  filter({ types = null, fromDay = null, toDay = null } = {}) {
    const allowed = new Uint8Array(this.typeNames ? this.typeNames.length : 0);
    for (let t = 0; t < allowed.length; t += 1) allowed[t] = !types || types.has(this.typeNames[t]) ? 1 : 0;
    const dated = fromDay !== null || toDay !== null;
    const low = fromDay === null ? NO_DAY + 1 : fromDay;
    const high = toDay === null ? 2147483647 : toDay;
    let kept = 0;
    for (let i = 0; i < this.n; i += 1) {
      if (!allowed[this.type[i]] || Number.isNaN(this.x[i])) continue;
      if (dated) {
        const day = this.day[i];
        if (day === NO_DAY || day < low || day > high) continue;
      }
      this.visible[kept] = i;
      kept += 1;
    }
    this.visibleCount = kept;
    return kept;
  }

  // Bucket the kept points into CELL-sized screen cells under the current zoom, and draw one
  // circle per cell (a dot when the cell holds a single event).
  draw() {
    const { k, x: tx, y: ty } = this.transform;
    const w = this.width;
    const h = this.height;
    const count = this.visibleCount;
    const cellOf = new Int32Array(count);
    const cellIndex = new Map();
    const cells = [];
    for (let j = 0; j < count; j += 1) {
      const i = this.visible[j];
      const sx = k * this.x[i] + tx;
      const sy = k * this.y[i] + ty;
      if (sx < -CELL || sx > w + CELL || sy < -CELL || sy > h + CELL) {
        cellOf[j] = -1;
        continue;
      }
      const key = (Math.floor(sy / CELL) + 4) * 100000 + Math.floor(sx / CELL) + 4;
      let c = cellIndex.get(key);
      if (c === undefined) {
        c = cells.length;
        cellIndex.set(key, c);
        cells.push({ key, count: 0, sx: 0, sy: 0, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, first: i });
      }
      const cell = cells[c];
      cell.count += 1;
      cell.sx += this.x[i];
      cell.sy += this.y[i];
      if (this.x[i] < cell.x0) cell.x0 = this.x[i];
      if (this.x[i] > cell.x1) cell.x1 = this.x[i];
      if (this.y[i] < cell.y0) cell.y0 = this.y[i];
      if (this.y[i] > cell.y1) cell.y1 = this.y[i];
      cellOf[j] = c;
    }
    const nTypes = this.typeNames ? this.typeNames.length : 0;
    const byType = new Int32Array(cells.length * nTypes);
    for (let j = 0; j < count; j += 1) {
      if (cellOf[j] >= 0) byType[cellOf[j] * nTypes + this.type[this.visible[j]]] += 1;
    }
    const singles = [];
    const clusters = [];
    let largest = 1;
    cells.forEach((cell, c) => {
      if (cell.count === 1) {
        singles.push(cell.first);
        return;
      }
      let top = 0;
      const mix = [];
      for (let t = 0; t < nTypes; t += 1) {
        const n = byType[c * nTypes + t];
        if (n > byType[c * nTypes + top]) top = t;
        if (n) mix.push([this.typeNames[t], n]);
      }
      mix.sort((a, b) => b[1] - a[1]);
      cell.top = top;
      cell.mix = mix;
      cell.cx = cell.sx / cell.count;
      cell.cy = cell.sy / cell.count;
      largest = Math.max(largest, cell.count);
      clusters.push(cell);
    });
    this.renderClusters(clusters, largest, k);
    this.renderPoints(singles, k);
    this.node.dataset.zoom = k.toFixed(2); // the scale the clusters were last drawn for
  }

  renderClusters(clusters, largest, k) {
    const radius = d3.scaleSqrt().domain([2, Math.max(3, largest)]).range([9, 20]).clamp(true);
    const groups = this.clusterLayer
      .selectAll("g.event-cluster")
      .data(clusters, (d) => d.key)
      .join((enter) => {
        const g = enter.append("g").attr("class", "event-cluster");
        g.append("circle");
        g.append("text").attr("class", "cluster-label").attr("dy", "0.35em");
        g.append("title");
        return g;
      })
      .attr("data-count", (d) => d.count)
      .attr("data-same-place", (d) => (this.isOnePlace(d) ? "true" : null))
      .attr("transform", (d) => `translate(${d.cx},${d.cy}) scale(${1 / k})`)
      .on("click", (event, d) => {
        event.stopPropagation();
        this.zoomInto(d);
      });
    groups
      .select("circle")
      .attr("r", (d) => radius(d.count))
      .attr("fill", (d) => this.colours[d.top]);
    groups.select("text").text((d) => countLabel(d.count));
    groups
      .select("title")
      .text((d) => {
        const mix = d.mix.slice(0, 5).map(([t, n]) => `${n} ${t}`).join(", ");
        const action = this.isOnePlace(d) ? "all at one place: click to list them" : "click to zoom in";
        return `${d.count} events: ${mix}${d.mix.length > 5 ? ", …" : ""}\n${action}`;
      });
  }

  renderPoints(singles, k) {
    const points = this.pointLayer
      .selectAll("circle.event-point")
      .data(singles, (i) => this.ids[i])
      .join((enter) => {
        const c = enter.append("circle").attr("class", "event-point");
        c.append("title");
        return c;
      })
      .attr("data-event-id", (i) => this.ids[i])
      .attr("data-type", (i) => this.typeNames[this.type[i]])
      .attr("cx", (i) => this.x[i])
      .attr("cy", (i) => this.y[i])
      .attr("r", POINT_RADIUS / k)
      .attr("fill", (i) => this.colours[this.type[i]])
      .on("click", (event, i) => {
        event.stopPropagation();
        this.onOpenEvent(this.ids[i]);
      });
    points.select("title").text((i) => {
      const day = this.day[i];
      const date = day === NO_DAY ? "undated" : new Date(day * 86400000).toISOString().slice(0, 10);
      return `${this.typeNames[this.type[i]]} · ${date}\nclick to open`;
    });
  }

  // Points no zoom can pull apart: less than a pixel between them at the closest zoom.
  isOnePlace(cell) {
    return (cell.x1 - cell.x0) * MAX_ZOOM < 1 && (cell.y1 - cell.y0) * MAX_ZOOM < 1;
  }

  // Zoom so the cluster's points spread out; points that share one spot go to onSamePlace.
  zoomInto(cell) {
    const spanX = cell.x1 - cell.x0;
    const spanY = cell.y1 - cell.y0;
    const current = this.transform.k;
    if (this.isOnePlace(cell) || current >= MAX_ZOOM) {
      this.onSamePlace(this.lat[cell.first], this.lon[cell.first], cell.count);
      return;
    }
    const fit = 0.6 / Math.max(spanX / this.width, spanY / this.height, 1e-9);
    const k = Math.min(MAX_ZOOM, Math.max(current * 2, fit));
    const cx = (cell.x0 + cell.x1) / 2;
    const cy = (cell.y0 + cell.y1) / 2;
    const target = d3.zoomIdentity
      .translate(this.width / 2, this.height / 2)
      .scale(k)
      .translate(-cx, -cy);
    this.svg.transition().duration(450).call(this.zoom.transform, target);
  }

  resetZoom() {
    this.svg.transition().duration(300).call(this.zoom.transform, d3.zoomIdentity);
  }
}

// A geometry stream that drops points less than `step` px (Manhattan) after the last one it kept:
// a third of the path's text for the world's borders, with no change visible until one zooms far in.
function thinned(out, step) {
  let lastX = 0;
  let lastY = 0;
  let first = true;
  return {
    point(x, y) {
      if (first || Math.abs(x - lastX) + Math.abs(y - lastY) >= step) {
        out.point(x, y);
        lastX = x;
        lastY = y;
        first = false;
      }
    },
    lineStart() {
      first = true;
      out.lineStart();
    },
    lineEnd() {
      out.lineEnd();
    },
    polygonStart() {
      out.polygonStart();
    },
    polygonEnd() {
      out.polygonEnd();
    },
    sphere() {
      out.sphere();
    },
  };
}
