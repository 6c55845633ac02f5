// The message area under the header: API errors and short notices, never alert().

const area = () => document.getElementById("status");
let hideTimer = null;

export function showError(message) {
  const node = area();
  if (!node) return;
  clearTimeout(hideTimer);
  node.textContent = String(message);
  node.className = "status status-error";
  node.hidden = false;
}

export function showNotice(message, seconds = 6) {
  const node = area();
  if (!node) return;
  clearTimeout(hideTimer);
  node.textContent = String(message);
  node.className = "status status-notice";
  node.hidden = false;
  if (seconds) hideTimer = setTimeout(clearStatus, seconds * 1000);
}

export function clearStatus() {
  const node = area();
  if (!node) return;
  node.hidden = true;
  node.textContent = "";
}

// Take down an error message once things work again (notices stay until they time out).
export function clearError() {
  const node = area();
  if (node && node.classList.contains("status-error")) clearStatus();
}

export function reportError(err, what) {
  if (err && err.name === "AbortError") return;
  const detail = err && err.message ? err.message : String(err);
  showError(what ? `${what}: ${detail}` : detail);
  console.warn(what || "error", detail);
}
