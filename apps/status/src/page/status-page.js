// The status page's script: renders /api/status and keeps it current from /api/events.
// Plain browser JavaScript, inlined into the page; everything shown goes through textContent.
(() => {
  const MAX_ROWS = 50;
  const STATUSES = [
    'queuing',
    'preparing',
    'running',
    'requeuing',
    'succeeded',
    'failed',
    'cancelled',
  ];
  const $ = (id) => document.getElementById(id);
  const rows = new Map();
  let lastStatusAt = null;

  const number = new Intl.NumberFormat();
  const formatCount = (value) =>
    value === null || value === undefined ? '–' : number.format(value);

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

  function cell(text, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = text;
    return td;
  }

  function renderRow(rollout) {
    const tr = document.createElement('tr');
    tr.dataset.rolloutId = rollout.rolloutId;
    tr.dataset.startedAt = String(rollout.startedAt);
    tr.append(cell(rollout.rolloutId, 'id'), cell(rollout.agent ?? '–'));
    const statusCell = document.createElement('td');
    const pill = document.createElement('span');
    pill.className = `status ${STATUSES.includes(rollout.status) ? rollout.status : ''}`;
    pill.textContent = rollout.status;
    statusCell.append(pill);
    const tokens =
      rollout.inputTokens === null && rollout.outputTokens === null
        ? '–'
        : `${formatCount(rollout.inputTokens)} / ${formatCount(rollout.outputTokens)}`;
    const started = cell(formatAgo(rollout.startedAt));
    started.title = new Date(rollout.startedAt).toLocaleString();
    started.dataset.at = String(rollout.startedAt);
    const duration = cell(formatDuration(rollout.durationMs), 'num');
    // Runs on in the browser until the rollout ends.
    if (rollout.endedAt === null) duration.dataset.since = String(Date.now() - rollout.durationMs);
    tr.append(
      statusCell,
      cell(rollout.mode ?? '–'),
      started,
      duration,
      cell(formatCount(rollout.attempts), 'num'),
      cell(formatCount(rollout.spanCount), 'num'),
      cell(tokens, 'num'),
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

  /** Inserts or updates a row in place, keeping rows newest first. */
  function upsertRow(rollout, fresh) {
    const body = $('rollouts');
    const row = renderRow(rollout);
    const existing = rows.get(rollout.rolloutId);
    if (existing) {
      existing.replaceChildren(...row.childNodes);
      if (fresh) flash(existing);
      return;
    }
    rows.set(rollout.rolloutId, row);
    const after = [...body.children].find(
      (other) => Number(other.dataset.startedAt) < rollout.startedAt,
    );
    body.insertBefore(row, after ?? null);
    if (fresh) flash(row);
    while (body.children.length > MAX_ROWS) {
      const last = body.lastElementChild;
      rows.delete(last.dataset.rolloutId);
      last.remove();
    }
  }

  const PROBLEM_TITLES = {
    unreachable: 'AGL is unreachable',
    not_answering: 'AGL is not answering',
    error_answer: 'AGL answered with an error',
    wrong_dialect: 'AGL does not speak the expected version',
  };

  function setText(id, text) {
    const element = $(id);
    if (element.textContent !== text) element.textContent = text;
  }

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
    $('agl-banner').hidden = true;
    setText('endpoint', status.endpoint);
    const dialect = $('dialect');
    dialect.hidden = false;
    setText('dialect', `AGL ${status.dialect} · ${status.latencyMs.toFixed(1)} ms`);
    for (const name of STATUSES) setText(`count-${name}`, formatCount(status.byStatus[name] ?? 0));
    setText('total-rollouts', formatCount(status.totalRollouts));
    setText('total-spans', formatCount(status.totalSpans));
    renderRewards(status.rewards);
    // The status's list of newest rollouts is the reference; live events fill in between.
    const listed = new Set(status.recent.map((rollout) => rollout.rolloutId));
    for (const [id, row] of rows) {
      if (!listed.has(id)) {
        rows.delete(id);
        row.remove();
      }
    }
    for (const rollout of status.recent) upsertRow(rollout, false);
    const body = $('rollouts');
    setText(
      'table-note',
      body.children.length === 0
        ? 'no rollouts yet'
        : `${body.children.length} of ${formatCount(status.totalRollouts)}`,
    );
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

  void loadStatus().then(listen);
})();
