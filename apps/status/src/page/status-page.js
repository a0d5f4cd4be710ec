// The status page's main script: renders /api/status, keeps the newest rollouts current from
// /api/events, pages through older ones and opens one rollout (page-detail.js).
const PAGE_SIZE = 20;
const rows = new Map();
let lastStatusAt = null;
let lastStatus = null;
/** 0: the newest rollouts, live; above: an older page read from /api/rollouts. */
let pageIndex = 0;
let pageTotal = 0;

function renderRow(rollout) {
  const tr = document.createElement('tr');
  tr.dataset.rolloutId = rollout.rolloutId;
  tr.dataset.startedAt = String(rollout.startedAt);
  const idCell = document.createElement('td');
  idCell.className = 'id clip';
  const link = document.createElement('a');
  link.href = `#rollout/${encodeURIComponent(rollout.rolloutId)}`;
  link.textContent = rollout.rolloutId;
  link.title = rollout.rolloutId;
  idCell.append(link);
  const statusCell = document.createElement('td');
  statusCell.append(statusPill(rollout.status));
  const started = cell(formatAgo(rollout.startedAt));
  started.title = new Date(rollout.startedAt).toLocaleString();
  started.dataset.at = String(rollout.startedAt);
  const duration = cell(formatDuration(rollout.durationMs), 'num');
  // Runs on in the browser until the rollout ends.
  if (rollout.endedAt === null) duration.dataset.since = String(Date.now() - rollout.durationMs);
  tr.append(
    idCell,
    cell(rollout.agent ?? '–', 'clip agent'),
    statusCell,
    cell(rollout.mode ?? '–'),
    started,
    duration,
    cell(formatCount(rollout.attempts), 'num'),
    cell(formatCount(rollout.spanCount), 'num'),
    cell(formatTokens(rollout.inputTokens, rollout.outputTokens), 'num'),
    cell(rollout.reward === null ? '–' : String(rollout.reward), 'num'),
    cell(rollout.error ?? '', 'error'),
  );
  return tr;
}

function flash(row) {
  row.classList.remove('fresh');
  void row.offsetWidth; // restarts the highlight animation
  row.classList.add('fresh');
}

/**
 * Updates a row in place, or inserts it (newest first) on the live first page or when a page
 * is being filled (`force`).
 */
function upsertRow(rollout, fresh, force = false) {
  const body = $('rollouts');
  const row = renderRow(rollout);
  const existing = rows.get(rollout.rolloutId);
  if (existing) {
    existing.replaceChildren(...row.childNodes);
    if (fresh) flash(existing);
    return;
  }
  if (pageIndex !== 0 && !force) return;
  rows.set(rollout.rolloutId, row);
  const after = [...body.children].find(
    (other) => Number(other.dataset.startedAt) < rollout.startedAt,
  );
  body.insertBefore(row, after ?? null);
  if (fresh) flash(row);
  while (body.children.length > PAGE_SIZE) {
    const last = body.lastElementChild;
    rows.delete(last.dataset.rolloutId);
    last.remove();
  }
}

function replaceRows(rollouts) {
  rows.clear();
  $('rollouts').replaceChildren();
  for (const rollout of rollouts) upsertRow(rollout, false, true);
}

function renderPager() {
  const shown = $('rollouts').children.length;
  const first = pageIndex * PAGE_SIZE;
  setText(
    'table-note',
    pageTotal === 0
      ? 'no rollouts yet'
      : `${formatCount(shown === 0 ? 0 : first + 1)}–${formatCount(first + shown)} of ${formatCount(pageTotal)}`,
  );
  setText(
    'table-title',
    pageIndex === 0 ? 'Latest rollouts' : `Older rollouts (page ${pageIndex + 1})`,
  );
  $('newer').disabled = pageIndex === 0;
  $('older').disabled = first + PAGE_SIZE >= pageTotal;
}

async function showPage(index) {
  pageIndex = Math.max(0, index);
  if (pageIndex === 0) {
    if (lastStatus?.reachable) replaceRows(lastStatus.recent.slice(0, PAGE_SIZE));
    renderPager();
    return;
  }
  const offset = pageIndex * PAGE_SIZE;
  const wanted = pageIndex;
  try {
    const response = await fetch(`/api/rollouts?limit=${PAGE_SIZE}&offset=${offset}`, {
      headers: { Accept: 'application/json' },
    });
    const body = await response.json();
    if (wanted !== pageIndex) return;
    if (!response.ok) {
      setText('table-note', body.message ?? `the status server answered ${response.status}`);
      return;
    }
    pageTotal = body.total;
    replaceRows(body.items);
    renderPager();
  } catch {
    setText('table-note', 'the status server is unreachable');
  }
}

const PROBLEM_TITLES = {
  unreachable: 'AGL is unreachable',
  not_answering: 'AGL is not answering',
  error_answer: 'AGL answered with an error',
  wrong_dialect: 'AGL does not speak the expected version',
};

function renderStatus(status) {
  lastStatusAt = status.takenAt;
  if (!status.reachable) {
    $('agl-banner').hidden = false;
    setText('agl-problem', PROBLEM_TITLES[status.problem] ?? PROBLEM_TITLES.unreachable);
    setText('agl-reason', status.reason);
    setText('agl-hint', status.hint);
    setText('updated', `checked ${formatAgo(status.takenAt)}`);
    return;
  }
  lastStatus = status;
  $('agl-banner').hidden = true;
  setText('endpoint', status.endpoint);
  const dialect = $('dialect');
  dialect.hidden = false;
  setText('dialect', `AGL ${status.dialect} · ${status.latencyMs.toFixed(1)} ms`);
  for (const name of STATUSES) setText(`count-${name}`, formatCount(status.byStatus[name] ?? 0));
  setText('total-rollouts', formatCount(status.totalRollouts));
  setText('total-spans', formatCount(status.totalSpans));
  // AGL 1.0 keeps no spans: no span throughput, no span trees; its gateway calls count instead.
  if (status.dialect === '1.0') {
    $('chart-empty').hidden = false;
    setText(
      'chart-empty',
      'AGL 1.0 keeps no spans: no throughput to chart. Tokens come from its gateway.',
    );
  }
  renderRewards(status.rewards);
  pageTotal = status.totalRollouts;
  if (pageIndex === 0) {
    // The status's list of newest rollouts is the reference; live events fill in between.
    const listed = new Set(status.recent.map((rollout) => rollout.rolloutId));
    for (const [id, row] of rows) {
      if (!listed.has(id)) {
        rows.delete(id);
        row.remove();
      }
    }
    for (const rollout of status.recent.slice(0, PAGE_SIZE)) upsertRow(rollout, false);
  } else if (pageIndex * PAGE_SIZE >= pageTotal) {
    // The store shrank (it restarted): back to the first page.
    void showPage(0);
  }
  renderPager();
  setText('updated', `updated ${formatAgo(status.takenAt)}`);
}

function renderRewards(rewards) {
  setText('rewards-count', formatCount(rewards.withReward));
  setText('rewards-target', formatCount(rewards.target));
  const share = rewards.target > 0 ? Math.min(1, rewards.withReward / rewards.target) : 0;
  $('rewards-fill').style.width = `${(share * 100).toFixed(1)}%`;
  const bar = $('rewards-bar');
  bar.setAttribute('aria-valuemax', String(rewards.target));
  bar.setAttribute('aria-valuenow', String(rewards.withReward));
  let note;
  if (rewards.withReward >= rewards.target) note = 'Enough rewarded rollouts for a training run.';
  else if (rewards.checked < rewards.finished) {
    note = `Checked ${formatCount(rewards.checked)} of ${formatCount(rewards.finished)} finished rollouts so far.`;
  } else {
    note = `${formatCount(rewards.target - rewards.withReward)} more needed (of ${formatCount(rewards.finished)} finished).`;
  }
  setText('rewards-note', note);
}

function drawSeries(svgId, values) {
  const svg = $(svgId);
  const width = 300;
  const height = 64;
  const max = Math.max(...values, 0.0001);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((value, index) => [
    index * step,
    height - 2 - (value / max) * (height - 6),
  ]);
  const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const ns = 'http://www.w3.org/2000/svg';
  const area = document.createElementNS(ns, 'polygon');
  area.setAttribute('class', 'area');
  area.setAttribute('points', `0,${height} ${line} ${points.at(-1)[0].toFixed(1)},${height}`);
  const polyline = document.createElementNS(ns, 'polyline');
  polyline.setAttribute('class', 'line');
  polyline.setAttribute('points', line);
  svg.replaceChildren(area, polyline);
}

function renderThroughput(samples) {
  if (lastStatus?.dialect === '1.0') return;
  $('chart-empty').hidden = samples.length > 0;
  if (samples.length === 0) return;
  const latest = samples.at(-1);
  const shown = formatDuration(latest.at - samples[0].at);
  for (const [name, key] of [
    ['spans', 'spansPerSecond'],
    ['rollouts', 'rolloutsPerMinute'],
  ]) {
    const values = samples.map((sample) => sample[key]);
    setText(`${name}-now`, formatRate(latest[key]));
    setText(`${name}-caption`, `peak ${formatRate(Math.max(...values))} · last ${shown}`);
    drawSeries(`${name}-chart`, values);
  }
}

function setLive(on, text) {
  const live = $('live');
  live.classList.toggle('on', on);
  setText('live', text);
}

async function loadStatus() {
  try {
    const response = await fetch('/api/status', { headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      setLive(false, 'token needed: open this page as /?token=…');
      return;
    }
    renderStatus(await response.json());
  } catch {
    setLive(false, 'status server unreachable');
  }
}

function listen() {
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => setLive(true, 'live'));
  events.addEventListener('error', () => setLive(false, 'reconnecting…'));
  events.addEventListener('status', (event) => renderStatus(JSON.parse(event.data)));
  events.addEventListener('rollout', (event) => {
    const change = JSON.parse(event.data);
    upsertRow(change.rollout, true);
    renderPager();
  });
  events.addEventListener('throughput', (event) =>
    renderThroughput(JSON.parse(event.data).samples),
  );
}

setInterval(() => {
  for (const cellWithTime of document.querySelectorAll('td[data-at]')) {
    cellWithTime.textContent = formatAgo(Number(cellWithTime.dataset.at));
  }
  for (const running of document.querySelectorAll('td[data-since]')) {
    running.textContent = formatDuration(Date.now() - Number(running.dataset.since));
  }
  if (lastStatusAt !== null) {
    const updated = $('updated');
    updated.textContent = updated.textContent.replace(
      /(updated|checked) .*/,
      `$1 ${formatAgo(lastStatusAt)}`,
    );
  }
}, 1000);

$('newer').addEventListener('click', () => void showPage(pageIndex - 1));
$('older').addEventListener('click', () => void showPage(pageIndex + 1));
window.addEventListener('hashchange', () => void showFromHash());
void showFromHash();
void loadStatus().then(listen);
