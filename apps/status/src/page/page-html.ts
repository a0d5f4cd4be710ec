import { readFileSync } from 'node:fs';
import { STATUS_DISPLAY_ORDER } from '../status-order.ts';

// Plain browser scripts sharing one scope: the status order, helpers, the detail view, then the
// main script.
const SCRIPT_FILES = ['page-format.js', 'page-detail.js', 'status-page.js'];
const PAGE_SCRIPT = `(() => {\nconst STATUSES = ${JSON.stringify(STATUS_DISPLAY_ORDER)};\n${SCRIPT_FILES.map(
  (file) => {
    const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    if (/<\/script/i.test(text)) throw new Error(`${file} must not contain "</script"`);
    return text;
  },
).join('\n')}\n})();`;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The Content-Security-Policy for the page: only its own inline script and style run. */
export function pageSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa;
  --card: #fff; --accent: #3e63dd; --ok: #18794e; --bad: #cd2b31; --warn: #ad5700; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); overflow-wrap: anywhere; }
header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; padding: 16px 24px; background: var(--card); border-bottom: 1px solid var(--line); }
header h1 { font-size: 18px; margin: 0; }
header .meta { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; background: #edf2fe; color: var(--accent); }
.live { margin-left: auto; font-size: 12px; color: var(--muted); }
.live::before { content: ""; display: inline-block; width: 8px; height: 8px; margin-right: 6px; border-radius: 50%; background: #c1c7cd; vertical-align: 1px; }
.live.on::before { background: #30a46c; }
main { padding: 16px 24px 32px; max-width: 1280px; margin: 0 auto; }
.banner { margin: 0 0 16px; padding: 12px 16px; border: 1px solid #f3aeaf; background: #fff0f0; color: #7f1d1d; border-radius: 8px; }
.banner strong { display: block; margin-bottom: 2px; }
.banner code { background: #ffe0e0; padding: 0 4px; border-radius: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(112px, 1fr)); gap: 10px; margin-bottom: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .label { font-size: 12px; color: var(--muted); text-transform: capitalize; }
.card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.panels { display: grid; grid-template-columns: 2fr 1fr; gap: 10px; margin-bottom: 16px; }
@media (max-width: 800px) { .panels { grid-template-columns: 1fr; } }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.panel h2 { font-size: 13px; margin: 0 0 8px; color: var(--muted); font-weight: 600; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.chart .now { font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
.chart .unit { color: var(--muted); font-size: 12px; }
.chart svg { width: 100%; height: 64px; display: block; margin-top: 4px; }
.chart .area { fill: #e6ecfe; }
.chart .line { fill: none; stroke: var(--accent); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
.chart.rollouts .area { fill: #ddf3e4; }
.chart.rollouts .line { stroke: #30a46c; }
.chart .caption { color: var(--muted); font-size: 11px; margin-top: 2px; }
.empty { color: var(--muted); font-size: 12px; }
.bar { height: 12px; border-radius: 6px; background: #edf0f3; overflow: hidden; margin: 8px 0 6px; }
.bar > div { height: 100%; width: 0; background: linear-gradient(90deg, #3e63dd, #30a46c); transition: width .4s; }
.readiness .big { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.readiness .note { color: var(--muted); font-size: 12px; }
.table-wrap { overflow-x: auto; border-radius: 8px; }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
td.clip { max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
td.id a { color: var(--accent); text-decoration: none; }
td.id a:hover { text-decoration: underline; }
.pager { display: flex; gap: 8px; align-items: center; margin: 8px 0 0; }
.pager button { font: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--ink); cursor: pointer; }
.pager button:disabled { color: #aab; cursor: default; }
.detail-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; margin: 0 0 6px; }
.detail-head h2 { font-size: 15px; margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.detail-facts { color: var(--muted); margin: 0 0 6px; }
.detail-error { color: var(--bad); margin: 0 0 8px; }
.detail h3 { font-size: 13px; color: var(--muted); margin: 14px 0 6px; }
td.span-name { max-width: 280px; }
td.span-name.bad, td.facts.bad { color: var(--bad); }
td.timeline { width: 40%; min-width: 160px; }
.track { position: relative; height: 10px; background: #f1f3f5; border-radius: 5px; }
.span-bar { position: absolute; top: 0; height: 10px; border-radius: 5px; background: var(--accent); min-width: 2px; }
.span-bar.bad { background: var(--bad); }
td.facts { max-width: 360px; color: var(--muted); }
td.error { white-space: normal; color: var(--bad); max-width: 320px; overflow-wrap: anywhere; }
tr.fresh td { animation: fresh 2.5s ease-out; }
@keyframes fresh { from { background: #fff7c2; } to { background: transparent; } }
.status { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; background: #edf0f3; }
.status.succeeded { background: #ddf3e4; color: var(--ok); }
.status.failed { background: #ffe5e5; color: var(--bad); }
.status.running, .status.preparing { background: #e6ecfe; color: var(--accent); }
.status.requeuing { background: #fff1e7; color: var(--warn); }
.status.cancelled { background: #f1f3f5; color: var(--muted); }
.section-title { display: flex; align-items: baseline; justify-content: space-between; margin: 0 0 8px; }
.section-title h2 { font-size: 15px; margin: 0; }
.section-title span { color: var(--muted); font-size: 12px; }
footer { color: var(--muted); font-size: 12px; margin-top: 16px; }
footer a { color: var(--muted); }
[hidden] { display: none !important; }
`;

/**
 * The page: a static shell that the inline script fills from `/api/status` and keeps current
 * from `/api/events`. Only the endpoint is rendered on the server, escaped.
 */
export function renderPage(options: { endpoint: string; nonce: string }): string {
  const endpoint = escapeHtml(options.endpoint);
  const nonce = escapeHtml(options.nonce);
  const cards = [
    ...STATUS_DISPLAY_ORDER.map(
      (status) =>
        `<div class="card"><div class="label">${status}</div><div class="value" id="count-${status}">–</div></div>`,
    ),
    '<div class="card"><div class="label">rollouts</div><div class="value" id="total-rollouts">–</div></div>',
    '<div class="card"><div class="label">spans</div><div class="value" id="total-spans">–</div></div>',
  ].join('\n      ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <link rel="icon" href="data:,">
  <title>AGL status</title>
  <style nonce="${nonce}">${STYLE}</style>
</head>
<body>
  <header>
    <h1>Agent Lightning status</h1>
    <span class="meta">store <span id="endpoint">${endpoint}</span></span>
    <span class="badge" id="dialect" hidden></span>
    <span class="meta" id="updated"></span>
    <span class="live" id="live">connecting…</span>
  </header>
  <main>
    <div class="banner" id="agl-banner" role="alert" hidden>
      <strong id="agl-problem">AGL is unreachable</strong>
      <span id="agl-reason"></span>
      <div id="agl-hint"></div>
    </div>
    <section class="cards" aria-label="Rollouts by status">
      ${cards}
    </section>
    <section class="panels">
      <div class="panel">
        <h2>Throughput</h2>
        <div class="charts">
          <div class="chart spans">
            <span class="now" id="spans-now">–</span> <span class="unit">spans / s</span>
            <svg id="spans-chart" viewBox="0 0 300 64" preserveAspectRatio="none" role="img" aria-label="Spans per second"></svg>
            <div class="caption" id="spans-caption"></div>
          </div>
          <div class="chart rollouts">
            <span class="now" id="rollouts-now">–</span> <span class="unit">finished rollouts / min</span>
            <svg id="rollouts-chart" viewBox="0 0 300 64" preserveAspectRatio="none" role="img" aria-label="Finished rollouts per minute"></svg>
            <div class="caption" id="rollouts-caption"></div>
          </div>
        </div>
        <div class="empty" id="chart-empty">Collecting samples…</div>
      </div>
      <div class="panel readiness">
        <h2>Rewards readiness</h2>
        <div class="big"><span id="rewards-count">–</span> <span class="unit">/ <span id="rewards-target">500</span> rewarded rollouts</span></div>
        <div class="bar" role="progressbar" aria-label="Rewarded rollouts" aria-valuemin="0" id="rewards-bar"><div id="rewards-fill"></div></div>
        <div class="note" id="rewards-note"></div>
      </div>
    </section>
    <section id="list">
      <div class="section-title"><h2 id="table-title">Latest rollouts</h2><span id="table-note"></span></div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr><th>Rollout</th><th>Agent</th><th>Status</th><th>Mode</th><th>Started</th><th>Duration</th>
            <th>Attempts</th><th>Spans</th><th>Tokens in / out</th><th>Reward</th><th>Error</th></tr>
          </thead>
          <tbody id="rollouts"></tbody>
        </table>
      </div>
      <div class="pager"><button type="button" id="newer" disabled>← Newer</button><button type="button" id="older" disabled>Older →</button></div>
    </section>
    <section id="detail" class="detail" hidden>
      <div class="detail-head"><a href="#">← All rollouts</a><h2>Rollout <span id="detail-id"></span></h2><span id="detail-status"></span><span class="meta" id="detail-note"></span></div>
      <p class="detail-facts" id="detail-facts"></p>
      <p class="detail-error" id="detail-error" hidden></p>
      <h3>Attempts</h3>
      <div class="table-wrap"><table><thead><tr><th>#</th><th>Attempt</th><th>Status</th><th>Worker</th><th>Started</th><th>Duration</th></tr></thead><tbody id="detail-attempts"></tbody></table></div>
      <h3 id="detail-spans-title">Spans</h3>
      <div class="table-wrap"><table><thead><tr><th>Span</th><th>Timeline</th><th>Duration</th><th>What it says</th></tr></thead><tbody id="detail-spans"></tbody></table></div>
      <p class="empty" id="detail-empty" hidden>No spans (yet) for this rollout.</p>
    </section>
    <footer>JSON: <a href="/api/status">/api/status</a> · <a href="/api/rollouts">/api/rollouts</a> · <a href="/health">/health</a> · live updates from /api/events</footer>
  </main>
  <noscript>This page needs JavaScript; the same data is at /api/status.</noscript>
  <script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
