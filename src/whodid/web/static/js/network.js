// The actor network: who acts on whom among the filtered events. The force layout runs a fixed
// number of ticks before anything is drawn, so the picture is the same every time and costs one pass.

/* global d3 */
import { el, clear, plural } from "./dom.js";

const TICKS = 200;
const PAD = 28;
const NO_SECTOR = "#9aa0a8";

export class Network {
  constructor(svgNode, legendNode, noteNode, { onActor }) {
    this.node = svgNode;
    this.legend = legendNode;
    this.note = noteNode;
    this.onActor = onActor;
    const box = svgNode.getBoundingClientRect();
    this.width = Math.max(280, Math.round(box.width) || 500);
    this.height = Math.max(220, Math.round(box.height) || 400);
    this.svg = d3.select(svgNode).attr("viewBox", `0 0 ${this.width} ${this.height}`);
    const marker = this.svg.append("defs").append("marker")
      .attr("id", "arrow")
      .attr("viewBox", "0 -4 8 8")
      .attr("refX", 7)
      .attr("refY", 0)
      .attr("markerUnits", "userSpaceOnUse")
      .attr("markerWidth", 9)
      .attr("markerHeight", 9)
      .attr("orient", "auto");
    marker.append("path").attr("class", "arrow-head").attr("d", "M0,-4L8,0L0,4Z");
    this.linkLayer = this.svg.append("g").attr("class", "links");
    this.nodeLayer = this.svg.append("g").attr("class", "nodes");
    this.message = this.svg.append("text").attr("class", "chart-message")
      .attr("x", this.width / 2).attr("y", this.height / 2).attr("text-anchor", "middle");
    this.sectorColour = d3.scaleOrdinal(d3.schemeTableau10);
    this.active = "";
  }

  // data: {nodes:[{key, name, country, sector, events, as_source, as_target}], links:[{source, target, events}]}
  render(data) {
    const nodes = data.nodes.map((n) => ({ ...n }));
    const byKey = new Map(nodes.map((n) => [n.key, n]));
    const links = data.links
      .filter((l) => byKey.has(l.source) && byKey.has(l.target) && l.source !== l.target)
      .map((l) => ({ ...l }));
    this.message.text(nodes.length ? "" : "No actors in the events that match the filters");
    this.note.textContent = nodes.length
      ? `${nodes.length} most active ${nodes.length === 1 ? "actor" : "actors"}, ${plural(links.length, "link")} · click one to filter`
      : "";
    const sectors = [...new Set(nodes.map((n) => n.sector).filter(Boolean))].sort();
    this.sectorColour.domain(sectors);
    const colour = (n) => (n.sector ? this.sectorColour(n.sector) : NO_SECTOR);
    const radius = d3.scaleSqrt().domain([1, d3.max(nodes, (n) => n.events) || 1]).range([4, 17]);
    const width = d3.scaleLinear().domain([1, d3.max(links, (l) => l.events) || 1]).range([1, 6]).clamp(true);
    for (const n of nodes) n.r = radius(Math.max(1, n.events));

    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((n) => n.key).distance((l) => 40 + l.source.r + l.target.r).strength(0.4))
      .force("charge", d3.forceManyBody().strength(-180))
      .force("x", d3.forceX(0).strength(0.06))
      .force("y", d3.forceY(0).strength(0.09))
      .force("collide", d3.forceCollide((n) => n.r + 6))
      .stop();
    for (let i = 0; i < TICKS; i += 1) simulation.tick();
    this.fit(nodes);

    this.linkLayer
      .selectAll("path.link")
      .data(links)
      .join((enter) => enter.append("path").attr("class", "link").call((p) => p.append("title")))
      .attr("d", (l) => curve(l))
      .attr("stroke-width", (l) => width(l.events))
      .attr("marker-end", "url(#arrow)")
      .select("title")
      .text((l) => `${l.source.name} → ${l.target.name}: ${plural(l.events, "event")}`);

    const groups = this.nodeLayer
      .selectAll("g.node")
      .data(nodes, (n) => n.key)
      .join((enter) => {
        const g = enter.append("g").attr("class", "node");
        g.append("circle");
        g.append("text").attr("class", "node-label").attr("dy", "0.35em");
        g.append("title");
        return g;
      })
      .attr("data-actor", (n) => n.name)
      .attr("data-key", (n) => n.key)
      .attr("transform", (n) => `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`)
      .on("click", (event, n) => this.onActor(n.name));
    groups.select("circle").attr("r", (n) => n.r).attr("fill", colour);
    groups
      .select("text")
      .attr("x", (n) => n.r + 3)
      .text((n) => (n.name.length > 24 ? `${n.name.slice(0, 23)}…` : n.name));
    groups
      .select("title")
      .text((n) => [
        n.name,
        `country: ${n.country || "–"} · sector: ${n.sector || "–"}`,
        `${plural(n.events, "event")} (${n.as_source} as source, ${n.as_target} as target)`,
        "click to filter by this actor",
      ].join("\n"));
    this.setActive(this.active);
    this.renderLegend(sectors, nodes.some((n) => !n.sector));
  }

  // Scale the laid-out positions into the panel (never enlarging a small graph much).
  fit(nodes) {
    if (!nodes.length) return;
    const [x0, x1] = d3.extent(nodes, (n) => n.x);
    const [y0, y1] = d3.extent(nodes, (n) => n.y);
    const labelRoom = 90;
    const s = Math.min(
      (this.width - 2 * PAD - labelRoom) / Math.max(1, x1 - x0),
      (this.height - 2 * PAD) / Math.max(1, y1 - y0),
      1.6,
    );
    const ox = PAD + (this.width - 2 * PAD - labelRoom - s * (x1 - x0)) / 2;
    const oy = PAD + (this.height - 2 * PAD - s * (y1 - y0)) / 2;
    for (const n of nodes) {
      n.x = ox + s * (n.x - x0);
      n.y = oy + s * (n.y - y0);
    }
  }

  setActive(actor) {
    this.active = actor || "";
    const wanted = this.active.toLowerCase();
    this.nodeLayer.selectAll("g.node").classed("is-active", (n) => wanted !== "" && n.name.toLowerCase() === wanted);
  }

  renderLegend(sectors, unknown) {
    clear(this.legend);
    const item = (label, colour) => {
      const swatch = el("span", { className: "swatch swatch-round" });
      swatch.style.backgroundColor = colour;
      return el("span", { className: "small-legend-item" }, swatch, label);
    };
    if (sectors.length || unknown) this.legend.appendChild(el("span", { className: "small-legend-title", text: "sector:" }));
    for (const sector of sectors) this.legend.appendChild(item(sector, this.sectorColour(sector)));
    if (unknown) this.legend.appendChild(item("unknown", NO_SECTOR));
  }
}

// A slight arc from source to target, ending at the target's edge, so A→B and B→A do not overlap.
function curve(l) {
  const { x: x1, y: y1 } = l.source;
  const { x: x2, y: y2 } = l.target;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const bend = 0.12 * len;
  const cx = (x1 + x2) / 2 - (dy / len) * bend;
  const cy = (y1 + y2) / 2 + (dx / len) * bend;
  const ex = x2 - cx;
  const ey = y2 - cy;
  const elen = Math.hypot(ex, ey) || 1;
  const gap = l.target.r + 2;
  const tx = x2 - (ex / elen) * gap;
  const ty = y2 - (ey / elen) * gap;
  return `M${x1.toFixed(1)},${y1.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`;
}
