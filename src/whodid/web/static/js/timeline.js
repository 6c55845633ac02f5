// The timeline: events per time step stacked by type (one path per type, so thousands of steps
// stay cheap), and a brush whose selection becomes the from/to date filter.

/* global d3 */
import { plural } from "./dom.js";
import { inTypeOrder, typeColour } from "./types.js";

const MARGIN = { top: 10, right: 14, bottom: 24, left: 40 };
const INTERVALS = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth, year: d3.utcYear };
const MIN_STEPS = 30; // the axis spans at least this many steps
const BUCKET_DAYS = { day: 1, week: 7, month: 30.4, year: 365.25 };
const isoDay = d3.utcFormat("%Y-%m-%d");
const parseDay = d3.utcParse("%Y-%m-%d");

// The finest step that leaves bars at least `minPx` wide over the store's date range.
export function bucketFor(firstDate, lastDate, widthPx, minPx = 3) {
  const first = firstDate && parseDay(firstDate);
  const last = lastDate && parseDay(lastDate);
  if (!first || !last) return "day";
  const days = (last - first) / 86400000 + 1;
  const fits = Math.max(10, widthPx / minPx);
  return Object.keys(BUCKET_DAYS).find((b) => days / BUCKET_DAYS[b] <= fits) || "year";
}

export class Timeline {
  constructor(svgNode, noteNode, { onBrush }) {
    this.node = svgNode;
    this.note = noteNode;
    this.onBrush = onBrush;
    const box = svgNode.getBoundingClientRect();
    this.width = Math.max(320, Math.round(box.width) || 800);
    this.height = Math.max(120, Math.round(box.height) || 160);
    this.svg = d3.select(svgNode).attr("viewBox", `0 0 ${this.width} ${this.height}`);
    this.bars = this.svg.append("g").attr("class", "bars");
    this.xAxis = this.svg.append("g").attr("class", "axis axis-x")
      .attr("transform", `translate(0,${this.height - MARGIN.bottom})`);
    this.yAxis = this.svg.append("g").attr("class", "axis axis-y").attr("transform", `translate(${MARGIN.left},0)`);
    this.message = this.svg.append("text").attr("class", "chart-message")
      .attr("x", this.width / 2).attr("y", this.height / 2).attr("text-anchor", "middle");
    this.brush = d3.brushX()
      .extent([[MARGIN.left, MARGIN.top], [this.width - MARGIN.right, this.height - MARGIN.bottom]])
      .on("end", (event) => this.brushed(event));
    this.brushLayer = this.svg.append("g").attr("class", "brush").call(this.brush);
    this.brushLayer.on("pointermove", (event) => this.readout(event)).on("pointerleave", () => this.showNote());
    this.x = null;
    this.range = { from: "", to: "" };
  }

  // data: {bucket, counts:[{date, type, events}], undated}
  render(data) {
    this.data = data;
    this.interval = INTERVALS[data.bucket] || d3.utcDay;
    const steps = new Map();
    const types = new Set();
    for (const row of data.counts) {
      const start = parseDay(row.date);
      if (!start) continue;
      const key = +start;
      if (!steps.has(key)) steps.set(key, { start, total: 0, byType: new Map() });
      const step = steps.get(key);
      step.byType.set(row.type, (step.byType.get(row.type) || 0) + row.events);
      step.total += row.events;
      types.add(row.type);
    }
    this.steps = steps;
    const ordered = [...steps.values()].sort((a, b) => a.start - b.start);
    this.message.text(ordered.length ? "" : "No dated events match the filters");
    let x0 = ordered.length ? ordered[0].start : d3.utcDay.offset(d3.utcDay.floor(new Date()), -30);
    let x1 = ordered.length ? this.interval.offset(ordered[ordered.length - 1].start, 1) : d3.utcDay.floor(new Date());
    // A few steps only: widen the axis so a single day is a bar, not the whole chart.
    const span = this.interval.count(x0, x1);
    if (span < MIN_STEPS) {
      const pad = Math.ceil((MIN_STEPS - span) / 2);
      x0 = this.interval.offset(x0, -pad);
      x1 = this.interval.offset(x1, pad);
    }
    this.x = d3.scaleUtc().domain([x0, x1]).range([MARGIN.left, this.width - MARGIN.right]);
    const maxTotal = d3.max(ordered, (s) => s.total) || 1;
    const y = d3.scaleLinear().domain([0, maxTotal]).nice().range([this.height - MARGIN.bottom, MARGIN.top]);
    // One path per type: a rectangle per step, stacked on the types before it.
    const typeList = inTypeOrder(types);
    const paths = new Map(typeList.map((t) => [t, []]));
    for (const step of ordered) {
      const left = this.x(step.start);
      const right = this.x(this.interval.offset(step.start, 1));
      const gap = right - left > 4 ? 1 : 0;
      const w = Math.max(0.8, right - left - gap);
      let base = 0;
      for (const type of typeList) {
        const n = step.byType.get(type);
        if (!n) continue;
        const top = y(base + n);
        const bottom = y(base);
        paths.get(type).push(`M${left.toFixed(2)},${bottom.toFixed(2)}h${w.toFixed(2)}V${top.toFixed(2)}h${(-w).toFixed(2)}Z`);
        base += n;
      }
    }
    this.bars
      .selectAll("path")
      .data(typeList, (t) => t)
      .join((enter) => enter.append("path").call((p) => p.append("title")))
      .attr("class", "bar")
      .attr("fill", (t) => typeColour(t))
      .attr("d", (t) => paths.get(t).join(""))
      .select("title")
      .text((t) => t);
    this.xAxis.call(d3.axisBottom(this.x).ticks(Math.max(2, Math.floor(this.width / 110))).tickSizeOuter(0));
    this.yAxis.call(d3.axisLeft(y).ticks(4, "~s").tickSizeOuter(0));
    this.showNote();
    this.setRange(this.range.from, this.range.to);
  }

  showNote() {
    if (!this.data) return;
    const parts = [`by ${this.data.bucket}`];
    if (this.data.undated) parts.push(`${plural(this.data.undated, "undated event")} not shown`);
    parts.push("drag to pick dates");
    this.note.textContent = parts.join(" · ");
  }

  readout(event) {
    if (!this.x || !this.steps) return;
    const [px] = d3.pointer(event, this.node);
    const start = this.interval.floor(this.x.invert(px));
    const step = this.steps.get(+start);
    if (!step) {
      this.note.textContent = `${isoDay(start)}: no dated events`;
      return;
    }
    const mix = [...step.byType.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n} ${t}`);
    this.note.textContent = `${isoDay(start)} (${this.data.bucket}): ${plural(step.total, "event")} — ${mix.slice(0, 4).join(", ")}${mix.length > 4 ? ", …" : ""}`;
  }

  brushed(event) {
    if (!event.sourceEvent || !this.x) return; // moved by setRange, not by the reader
    if (!event.selection) {
      this.range = { from: "", to: "" };
      this.onBrush("", "");
      return;
    }
    const [s0, s1] = event.selection;
    const from = this.interval.floor(this.x.invert(s0));
    let end = this.interval.ceil(this.x.invert(s1));
    if (end <= from) end = this.interval.offset(from, 1);
    const to = d3.utcDay.offset(end, -1);
    this.range = { from: isoDay(from), to: isoDay(to) };
    this.brushLayer.call(this.brush.move, [this.x(from), this.x(end)]);
    this.onBrush(this.range.from, this.range.to);
  }

  // Show the date filter as the brush's selection (without telling onBrush).
  setRange(from, to) {
    this.range = { from: from || "", to: to || "" };
    if (!this.x) return;
    if (!from && !to) {
      this.brushLayer.call(this.brush.move, null);
      return;
    }
    const [d0, d1] = this.x.domain();
    const start = from ? parseDay(from) : d0;
    const end = to ? d3.utcDay.offset(parseDay(to), 1) : d1;
    const [r0, r1] = this.x.range();
    const a = Math.max(r0, Math.min(r1, this.x(start)));
    const b = Math.max(r0, Math.min(r1, this.x(end)));
    this.brushLayer.call(this.brush.move, b - a >= 1 ? [a, b] : [a, Math.min(r1, a + 1)]);
  }
}
