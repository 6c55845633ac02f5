// The event view: one event's coding, its evidence (the article with what supports each field
// marked) and every report of it; a report can be picked to read its own article.

import { api } from "./api.js";
import { el, clear, cssWord, safeLink, orDash, plural } from "./dom.js";
import { typeColour } from "./types.js";
import { reportError } from "./status.js";

const MARK_KINDS = [
  ["trigger", "what happened"],
  ["outcome", "outcome"],
  ["source", "who did it"],
  ["target", "to whom"],
  ["place", "where"],
  ["date", "when"],
  ["fatalities", "killed"],
  ["injured", "injured"],
  ["arrested", "arrested"],
  ["participants", "participants"],
  ["attribution", "who says so"],
  ["sentence", "the sentence"],
];
const KNOWN_KINDS = new Set(MARK_KINDS.map(([kind]) => kind));
const QUANTITIES = [["fatalities", "Killed"], ["injured", "Injured"], ["arrested", "Arrested"], ["participants", "Participants"]];

export class EventView {
  constructor(node, { onClose }) {
    this.node = node;
    this.body = node.querySelector("#event-view-body");
    this.title = node.querySelector("#event-view-title");
    this.onClose = onClose;
    this.eventId = null;
    this.token = 0;
    node.querySelector("#event-view-close").addEventListener("click", () => this.close());
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !this.node.hidden) this.close();
    });
  }

  async open(eventId) {
    const token = ++this.token;
    this.eventId = eventId;
    this.node.hidden = false;
    this.node.classList.add("is-loading");
    this.node.dataset.eventId = eventId;
    delete this.node.dataset.loaded;
    try {
      const detail = await api.event(eventId);
      if (token !== this.token) return;
      this.render(detail);
      this.node.dataset.loaded = eventId;
    } catch (err) {
      if (token !== this.token) return;
      clear(this.body).appendChild(el("p", { className: "error-text", text: `Cannot show event ${eventId}: ${err.message}` }));
      this.title.textContent = "Event";
      reportError(err, `event ${eventId}`);
    } finally {
      if (token === this.token) this.node.classList.remove("is-loading");
    }
  }

  close() {
    this.token += 1;
    this.eventId = null;
    this.node.hidden = true;
    delete this.node.dataset.loaded;
    clear(this.body);
    this.onClose();
  }

  render(detail) {
    const event = detail.event || {};
    this.title.textContent = "";
    const badge = el("span", { className: "type-badge", text: event.type || "?" });
    badge.style.backgroundColor = typeColour(event.type);
    this.title.append(badge, event.mode ? el("span", { className: "mode", text: ` ${event.mode}` }) : "");

    const facts = el("dl", { className: "facts" });
    const fact = (label, ...value) => facts.append(el("dt", { text: label }), el("dd", {}, ...value));
    const acled = [event.acled_event_type, event.acled_sub_event_type].filter(Boolean).join(" › ");
    if (acled) fact("ACLED", acled);
    if (event.cameo) fact("CAMEO", String(event.cameo));
    fact("Date", event.date ? `${event.date}${event.date_precision ? ` (${event.date_precision})` : ""}` : "undated");
    fact("Place", placeText(event.location));
    for (const [key, label] of QUANTITIES) {
      const text = quantityText(event[key]);
      if (text) fact(label, text);
    }
    const factuality = event.factuality || "unknown";
    fact(
      "Factuality",
      el("span", { className: `badge factuality factuality-${cssWord(factuality)}`, text: factuality }),
      attributionText(event) ? el("span", { className: "attributed", text: ` attributed to ${attributionText(event)}` }) : null,
    );
    const reports = detail.report_count ?? (detail.reports || []).length;
    fact("Sources", `${orDash(event.independent_sources)} independent (${plural(reports, "report")})`);

    const actors = el(
      "div",
      { className: "actors" },
      actorList(event.source, "source"),
      // A reciprocal event's sides act together or against each other: neither stands first.
      event.reciprocal
        ? el("span", { className: "arrow", text: "↔", attrs: { "aria-label": "with each other" } })
        : el("span", { className: "arrow", text: "→", attrs: { "aria-label": "acts on" } }),
      actorList(event.target, "target"),
    );
    const conflicts = conflictList(event.conflicts);

    this.evidenceNode = el("section", { className: "evidence" });
    this.reportsNode = el("ol", { className: "reports" });
    const reportsHead = el("h3", { text: `Reports (${reports})` });
    clear(this.body).append(
      el("section", { className: "coding" }, actors, facts, conflicts),
      el("h3", { text: "Evidence" }),
      markLegend(),
      this.evidenceNode,
      reportsHead,
      this.reportsNode,
    );
    this.renderReports(detail.reports || [], reports, detail.evidence && detail.evidence.mention_id);
    if (detail.evidence) this.renderEvidence(detail.evidence);
    else this.evidenceNode.appendChild(el("p", { className: "muted", text: "No article text is stored for this event." }));
  }

  renderReports(reports, total, currentId) {
    clear(this.reportsNode);
    for (const report of reports) {
      const article = report.article || {};
      const head = el(
        "div",
        { className: "report-head" },
        el("span", { className: "outlet", text: article.outlet || "unknown outlet" }),
        article.published ? el("span", { className: "muted", text: ` · ${article.published}` }) : null,
        report.factuality ? el("span", { className: `badge factuality factuality-${cssWord(report.factuality)}`, text: report.factuality }) : null,
      );
      const li = el(
        "li",
        { className: "report", attrs: { tabindex: "0" }, dataset: { mentionId: report.mention_id } },
        head,
        el("div", { className: "report-title", text: article.title || article.id || "untitled article" }),
        report.sentence ? el("blockquote", { className: "report-sentence", text: report.sentence }) : null,
        report.attributed_to ? el("div", { className: "muted small", text: `attributed to ${report.attributed_to}` }) : null,
        article.copy_of ? el("div", { className: "copy-of", text: `copy of ${article.copy_of}` }) : null,
      );
      li.addEventListener("click", () => this.showReport(report.mention_id));
      li.addEventListener("keydown", (e) => {
        if (e.key === "Enter") this.showReport(report.mention_id);
      });
      this.reportsNode.appendChild(li);
    }
    if (total > reports.length) {
      this.reportsNode.appendChild(el("li", { className: "muted more", text: `… and ${plural(total - reports.length, "more report")}` }));
    }
    this.markCurrent(currentId);
  }

  markCurrent(mentionId) {
    for (const li of this.reportsNode.querySelectorAll("li.report")) {
      const on = li.dataset.mentionId === mentionId;
      li.classList.toggle("is-current", on);
      li.setAttribute("aria-current", on ? "true" : "false");
    }
  }

  async showReport(mentionId) {
    const token = this.token;
    this.markCurrent(mentionId);
    try {
      const evidence = await api.evidence(mentionId);
      if (token !== this.token) return;
      this.renderEvidence(evidence);
    } catch (err) {
      if (token === this.token) reportError(err, `report ${mentionId}`);
    }
  }

  // evidence: {mention_id, article, window, text_length, segments:[{text, kinds, labels}], factuality, attributed_to}
  renderEvidence(evidence) {
    const article = evidence.article || {};
    const meta = [article.outlet, article.published, article.language].filter(Boolean).join(" · ");
    const header = el(
      "header",
      { className: "article-head" },
      el("div", { className: "article-title", text: article.title || article.id || "untitled article" }),
      el("div", { className: "muted small" }, meta || "", article.url ? " · " : "", article.url ? safeLink(article.url, "open the article ↗") : null),
      article.copy_of ? el("div", { className: "copy-of", text: `copy of ${article.copy_of}` }) : null,
      evidence.attributed_to ? el("div", { className: "muted small", text: `this report attributes it to ${evidence.attributed_to}` }) : null,
    );
    const text = el("div", { className: "evidence-text", dataset: { mentionId: evidence.mention_id } });
    const [start, end] = evidence.window || [0, evidence.text_length || 0];
    if (start > 0) text.appendChild(el("span", { className: "elided", text: "… " }));
    for (const segment of evidence.segments || []) text.appendChild(segmentSpan(segment));
    if (end < (evidence.text_length || 0)) text.appendChild(el("span", { className: "elided", text: " …" }));
    clear(this.evidenceNode).append(header, text);
    this.evidenceNode.dataset.mentionId = evidence.mention_id;
    this.markCurrent(evidence.mention_id);
    const trigger = text.querySelector(".mark-trigger");
    if (trigger) text.scrollTop = Math.max(0, trigger.offsetTop - text.clientHeight / 3);
  }
}

function segmentSpan(segment) {
  const kinds = (segment.kinds || []).filter((kind) => KNOWN_KINDS.has(kind));
  const span = el("span", { text: segment.text });
  for (const kind of kinds) span.classList.add(`mark-${kind}`);
  const labels = (segment.labels || []).filter(Boolean);
  const named = kinds.filter((kind) => kind !== "sentence");
  if (labels.length || named.length) span.title = [named.join(", "), labels.join("; ")].filter(Boolean).join(": ");
  return span;
}

function markLegend() {
  const legend = el("div", { className: "mark-legend", attrs: { "aria-label": "What the marks in the text mean" } });
  for (const [kind, label] of MARK_KINDS) legend.appendChild(el("span", { className: `mark-${kind} mark-key`, text: label }));
  return legend;
}

function actorList(actors, role) {
  const list = el("div", { className: `actor-list actor-${role}` });
  if (!actors || !actors.length) {
    list.appendChild(el("span", { className: "muted", text: role === "source" ? "no source named" : "no target named" }));
    return list;
  }
  for (const actor of actors) {
    const about = [actor.country, actor.sector].filter(Boolean).join(" · ");
    list.appendChild(
      el(
        "div",
        { className: `actor mark-${role}`, title: actor.text ? `in the text: “${actor.text}”${actor.kind ? ` (${actor.kind})` : ""}` : "" },
        el("span", { className: "actor-name", text: actor.name || actor.text || "?" }),
        about ? el("span", { className: "muted small", text: ` ${about}` }) : null,
      ),
    );
  }
  return list;
}

function placeText(location) {
  if (!location) return "no place";
  const parts = [location.name || location.text, location.admin1, location.country].filter(Boolean);
  const where = parts.length ? parts.join(", ") : "no place";
  const precision = location.precision !== undefined && location.precision !== null ? ` (precision ${location.precision})` : "";
  return `${where}${precision}`;
}

function quantityText(quantity) {
  if (quantity === undefined || quantity === null) return "";
  if (typeof quantity !== "object") return String(quantity);
  if (quantity.value === undefined || quantity.value === null) return quantity.text ? `“${quantity.text}”` : "";
  let text = String(quantity.value);
  if (quantity.upper !== undefined && quantity.upper !== null && quantity.upper !== quantity.value) text += `–${quantity.upper}`;
  if (quantity.qualifier) text = `${quantity.qualifier} ${text}`;
  else if (quantity.approximate) text = `about ${text}`;
  if (quantity.text && quantity.text !== String(quantity.value)) text += ` (“${quantity.text}”)`;
  return text;
}

function attributionText(event) {
  const who = event.attributed_to;
  if (who && typeof who === "object") return who.name || who.text || event.attributed_to_text || "";
  if (typeof who === "string") return who;
  return event.attributed_to_text || "";
}

function conflictList(conflicts) {
  const entries = conflicts && typeof conflicts === "object" ? Object.entries(conflicts) : [];
  if (!entries.length) return null;
  const list = el("ul", { className: "conflicts" });
  for (const [field, values] of entries) {
    const shown = (Array.isArray(values) ? values : [values]).map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)));
    list.appendChild(el("li", { text: `${field}: ${shown.join(" / ")}` }));
  }
  return el("div", { className: "conflict-box" }, el("strong", { text: "Reports disagree on " }), list);
}
