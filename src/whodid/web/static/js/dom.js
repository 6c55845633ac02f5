// Small helpers that build DOM from untrusted strings without ever parsing them as HTML.

export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  if (options.title) node.title = String(options.title);
  if (options.attrs) {
    for (const [name, value] of Object.entries(options.attrs)) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
  }
  if (options.dataset) {
    for (const [name, value] of Object.entries(options.dataset)) {
      if (value !== undefined && value !== null) node.dataset[name] = String(value);
    }
  }
  for (const child of children) append(node, child);
  return node;
}

function append(node, child) {
  if (child === undefined || child === null || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child) append(node, item);
  } else if (child instanceof Node) {
    node.appendChild(child);
  } else {
    node.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function isWebUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim());
}

// A link when the URL is an http(s) one, plain text otherwise (never javascript: or data:).
export function safeLink(url, label) {
  const text = label === undefined || label === null || label === "" ? url : label;
  if (isWebUrl(url)) {
    return el("a", {
      text,
      attrs: { href: url.trim(), rel: "noopener noreferrer", target: "_blank" },
    });
  }
  return el("span", { text: text ?? "" });
}

export function orDash(value) {
  return value === undefined || value === null || value === "" ? "–" : String(value);
}

export const formatCount = (n) => (Number.isFinite(n) ? n.toLocaleString("en-US") : "–");

// "1 event", "2,000 events".
export const plural = (n, word) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;

// A class-name-safe word made from data (letters, digits and dashes only).
export function cssWord(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9-]/g, "");
}
