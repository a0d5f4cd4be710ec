// The rollout detail view of the status page: facts, attempts and the spans as a timeline.
// biome-ignore-all lint/correctness/noUnusedVariables: used by the other page scripts in the same scope
let detailRequest = 0;

function spanText(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function spanNumber(value) {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

/** What a span says besides its name: model, tokens, tool, reward, error. */
function spanFacts(span) {
  const a = span.attributes ?? {};
  const parts = [];
  // A summary span's model keys are kept under `agl.summary.` (SUMMARY_KEY_PREFIX in @agl/client).
  const model = [
    'gen_ai.response.model',
    'gen_ai.request.model',
    'agl.summary.gen_ai.response.model',
    'agl.summary.gen_ai.request.model',
  ]
    .map((key) => spanText(a[key]))
    .find(Boolean);
  if (model) parts.push(`model ${model}`);
  const input = spanNumber(a['gen_ai.usage.input_tokens']);
  const output = spanNumber(a['gen_ai.usage.output_tokens']);
  if (input !== null || output !== null) parts.push(`tokens ${formatTokens(input, output)}`);
  const tool = spanText(a['gen_ai.tool.name']) ?? spanText(a['tool.name']);
  if (tool) parts.push(`tool ${tool}`);
  const reward =
    spanNumber(a['agentlightning.reward.0.value']) ??
    (span.name === 'agentlightning.reward' ? spanNumber(a.reward) : null);
  if (reward !== null) parts.push(`reward ${reward}`);
  const error = span.status?.status_code === 'ERROR' ? (span.status.description ?? 'error') : null;
  return { text: parts.join(' · '), error };
}

function flatten(nodes, depth, out) {
  for (const node of nodes) {
    out.push({ node, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

function timelineRow({ node, depth }, extentMs) {
  const tr = document.createElement('tr');
  const name = cell(node.span.name, 'clip span-name');
  name.style.paddingLeft = `${10 + depth * 14}px`;
  const facts = spanFacts(node.span);
  if (facts.error) name.classList.add('bad');
  const barCell = document.createElement('td');
  barCell.className = 'timeline';
  const track = document.createElement('div');
  track.className = 'track';
  const bar = document.createElement('div');
  bar.className = facts.error ? 'span-bar bad' : 'span-bar';
  bar.style.left = `${((node.offsetMs / extentMs) * 100).toFixed(2)}%`;
  bar.style.width = `${Math.max(0.5, (node.durationMs / extentMs) * 100).toFixed(2)}%`;
  track.append(bar);
  barCell.append(track);
  const about = cell(
    facts.error ? [facts.text, `error: ${facts.error}`].filter(Boolean).join(' · ') : facts.text,
    facts.error ? 'clip facts bad' : 'clip facts',
  );
  tr.append(name, barCell, cell(formatDuration(node.durationMs), 'num'), about);
  return tr;
}

function attemptRow(attempt) {
  const tr = document.createElement('tr');
  const started = attempt.start_time * 1000;
  const ended = attempt.end_time === null ? Date.now() : attempt.end_time * 1000;
  const status = document.createElement('td');
  status.append(statusPill(attempt.status));
  tr.append(
    cell(`#${attempt.sequence_id}`),
    cell(attempt.attempt_id, 'id clip'),
    status,
    cell(attempt.worker_id ?? '–', 'clip'),
    cell(formatAgo(started)),
    cell(formatDuration(ended - started), 'num'),
  );
  return tr;
}

function renderDetail(detail) {
  const { summary } = detail;
  setText('detail-id', summary.rolloutId);
  $('detail-status').replaceChildren(statusPill(summary.status));
  const facts = [
    `agent ${summary.agent ?? '–'}`,
    `mode ${summary.mode ?? '–'}`,
    `started ${formatAgo(summary.startedAt)}`,
    `duration ${formatDuration(summary.durationMs)}`,
    `${formatCount(summary.attempts)} attempt${summary.attempts === 1 ? '' : 's'}`,
    `${formatCount(summary.spanCount)} spans`,
    `tokens ${formatTokens(summary.inputTokens, summary.outputTokens)}`,
    `reward ${summary.reward ?? '–'}`,
  ];
  setText('detail-facts', facts.join(' · '));
  const error = $('detail-error');
  error.hidden = !summary.error;
  error.textContent = summary.error ? `error: ${summary.error}` : '';
  $('detail-attempts').replaceChildren(...detail.attempts.map(attemptRow));
  const spans = flatten(detail.tree, 0, []);
  const extent = Math.max(1, ...spans.map(({ node }) => node.offsetMs + node.durationMs));
  $('detail-spans').replaceChildren(...spans.map((span) => timelineRow(span, extent)));
  setText('detail-spans-title', `Spans (${spans.length})`);
  $('detail-empty').hidden = spans.length > 0;
  setText(
    'detail-empty',
    detail.dialect === '1.0'
      ? 'AGL 1.0 keeps no spans or attempts: the tokens come from its gateway calls, the reward from its reward event.'
      : 'No spans (yet) for this rollout.',
  );
}

/** Shows the rollout named in the address (`#rollout/<id>`), or the list. */
async function showFromHash() {
  const match = /^#rollout\/(.+)$/.exec(location.hash);
  const id = match ? decodeURIComponent(match[1]) : null;
  $('detail').hidden = id === null;
  $('list').hidden = id !== null;
  if (id === null) return;
  const request = ++detailRequest;
  setText('detail-id', id);
  setText('detail-note', 'loading…');
  try {
    const response = await fetch(`/api/rollouts/${encodeURIComponent(id)}`, {
      headers: { Accept: 'application/json' },
    });
    const body = await response.json();
    if (request !== detailRequest) return;
    if (!response.ok) {
      setText('detail-note', body.message ?? `the status server answered ${response.status}`);
      return;
    }
    setText('detail-note', '');
    renderDetail(body);
  } catch {
    if (request === detailRequest) setText('detail-note', 'the status server is unreachable');
  }
}
