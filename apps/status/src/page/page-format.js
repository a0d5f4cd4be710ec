// Shared helpers of the status page's script (concatenated into one inline script with
// page-detail.js and status-page.js, after `STATUSES`, which page-html.ts defines). Everything shown goes through textContent.
// biome-ignore-all lint/correctness/noUnusedVariables: used by the other page scripts in the same scope
const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat();
const formatCount = (value) => (value === null || value === undefined ? '–' : number.format(value));

function formatDuration(ms) {
  if (ms === null || ms === undefined) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function formatAgo(at) {
  const seconds = Math.max(0, Math.round((Date.now() - at) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return new Date(at).toLocaleString();
}

function formatRate(value) {
  if (value === null || value === undefined) return '–';
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

function formatTokens(input, output) {
  return input === null && output === null ? '–' : `${formatCount(input)} / ${formatCount(output)}`;
}

/** A table cell; long text is cut with an ellipsis and kept whole in the tooltip. */
function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  if (className?.includes('clip')) td.title = text;
  return td;
}

function statusPill(status) {
  const pill = document.createElement('span');
  pill.className = `status ${STATUSES.includes(status) ? status : ''}`;
  pill.textContent = status;
  return pill;
}

function setText(id, text) {
  const element = $(id);
  if (element.textContent !== text) element.textContent = text;
}
