import type { BenchResults, ThroughputCase, VersionThroughput } from '../results.ts';
import { SPANS_PER_RUN } from '../workload/agent-run.ts';
import { bestPython, headlineExporter, mib, type TargetCheck } from './targets.ts';

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const percent = (share: number) => `${Math.round(share * 100)}%`;

function caseOf(version: VersionThroughput | undefined, id: string): ThroughputCase | undefined {
  return version?.cases.find((c) => c.id === id);
}

/** Store CPU time per span, µs: what one span cost the `agl store` process in that case. */
function storeMicros(c: ThroughputCase): string {
  return `${int((c.serverCpuSeconds * 1e6) / c.spans)} µs`;
}

function appShare(c: ThroughputCase): string {
  return c.clientCpuSeconds === undefined ? '–' : percent(c.clientCpuSeconds / c.seconds);
}

function rateOf(c: ThroughputCase): string {
  return `${int(c.spansPerSecond)} spans/s`;
}

function versionOf(results: BenchResults, prefix: string): VersionThroughput | undefined {
  return results.throughput.find((v) => v.version.startsWith(prefix));
}

const BUSY = 0.85;

function storeState(c: ThroughputCase): string {
  return c.serverCpuShare >= BUSY
    ? `the store is ${percent(c.serverCpuShare)} busy, so it is the limit`
    : `the store is ${percent(c.serverCpuShare)} and the app ${appShare(c)} busy, so neither is saturated: round trips and other load on the machine are the limit`;
}

function ceiling02(results: BenchResults): string {
  const v = versionOf(results, '0.2');
  const burst = v && headlineExporter(v);
  const steady = caseOf(v, 'exporter-rest-steady');
  const joined = caseOf(v, 'exporter-rest-joined');
  const ceiling = caseOf(v, 'ceiling');
  if (!burst || !ceiling) return '';
  const requestsPerRun = SPANS_PER_RUN + 3;
  const vsCeiling = (c: ThroughputCase) => `${fixed(c.spansPerSecond / ceiling.spansPerSecond)}×`;
  return [
    `**Exporter vs load generator on 0.2 (${vsCeiling(burst)}).**`,
    `The load generator only adds spans to rollouts that already exist. The exporter also runs each rollout's life: \`start_rollout\` when the agent span starts, \`update_rollout\` with the final input when it ends, \`update_attempt\` once its spans are in — ${requestsPerRun} requests per ${SPANS_PER_RUN} spans, so even at equal cost per request it would top out at ${fixed(SPANS_PER_RUN / requestsPerRun)}× the generator.`,
    `On 0.2 those three calls cost more the more rollouts are running: before each one AGL's in-memory store runs its watchdog (\`InMemoryLightningStore._healthcheck\`, under the store lock), which walks every rollout in the store and \`model_dump\`s each running one. In the burst every run's rollout is created up front (at most \`maxConcurrentRequests\` calls at a time) and stays running until its last span is in, because spans go out in the order they ended, which interleaves all runs. Store CPU per stored span: ${storeMicros(burst)} in the burst, ${steady ? `${storeMicros(steady)} with at most ${steady.extra?.maxOpenRuns ?? 'N'} runs open, ` : ''}${joined ? `${storeMicros(joined)} with no rollout calls at all, ` : ''}${storeMicros(ceiling)} for the generator; in the burst ${storeState(burst)}.`,
    steady
      ? `With at most ${steady.extra?.maxOpenRuns ?? 'N'} runs open the same exporter makes ${rateOf(steady)} (${vsCeiling(steady)}); ${storeState(steady)}.`
      : '',
    joined
      ? `Adding spans to rollouts created beforehand (no rollout calls) it makes ${rateOf(joined)} (${vsCeiling(joined)}): the span path itself is close to the store's limit, the gap is the rollout calls.`
      : '',
    `What would close most of it: send spans oldest run first rather than in end order, and create a run's rollout when its spans are about to go out, so that only a few rollouts are running in AGL at any time (the ≤ N-runs-open figure is what that buys); skip \`update_rollout\` when the ended agent span adds nothing the creation call did not already carry. The last ${fixed(1 - SPANS_PER_RUN / requestsPerRun)} cannot be closed while each run needs rollout calls the generator does not make; a generator that also created and finished rollouts would be the like-for-like ceiling.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function python(results: BenchResults, check: TargetCheck): string {
  const v = results.throughput.find((candidate) => check.label.includes(candidate.version));
  const exporter = v && headlineExporter(v);
  const best = v && bestPython(v);
  const tracer = caseOf(v, 'python-tracer');
  const steady = caseOf(
    v,
    v?.version.startsWith('0.2') ? 'exporter-rest-steady' : 'exporter-otlp-steady',
  );
  if (!v || !exporter || !best) return '';
  const ratio = (c: ThroughputCase, to: ThroughputCase) =>
    `${fixed(c.spansPerSecond / to.spansPerSecond)}×`;
  const parts = [
    `**Exporter vs AGL's Python client on ${v.version} (${ratio(exporter, best)} the fastest Python contender, ${best.label}${tracer ? `; ${ratio(exporter, tracer)} AGL's tracer as one runner worker uses it` : ''}).**`,
  ];
  if (v.version.startsWith('0.2')) {
    parts.push(
      `On 0.2 every span is one HTTP request for everyone (0.2 has no batch route). The exporter saves the next-sequence-id request, so per run it sends ${SPANS_PER_RUN + 3} requests where the Python pattern sends ${2 * SPANS_PER_RUN + 2}: with the store as the shared bottleneck the most it can gain is about ${fixed((2 * SPANS_PER_RUN + 2) / (SPANS_PER_RUN + 3))}× over a Python client that keeps enough rollouts going.`,
      `In the burst it gets less than that because every run is open at once, which makes each rollout call expensive on 0.2 (above)${steady ? `; with at most ${steady.extra?.maxOpenRuns ?? 'N'} runs open it is ${ratio(steady, best)}` : ''}.`,
      'What would close it: the run-ordered delivery described above brings the burst towards the ≤ N-open figure; past that nothing on the client side can, since the store takes one request per span: 2.5× is out of reach on 0.2 against a Python client with several workers and holds only against a single tracer worker.',
    );
  } else {
    parts.push(
      `On 0.3 the exporter sends OTLP batches while AGL's tracer sends one OTLP request per span; the exporter is limited by the store's per-span ingestion cost at ${storeMicros(exporter)} of store CPU per span; ${storeState(exporter)}.`,
    );
  }
  return parts.join(' ');
}

function otlpVsRest(results: BenchResults): string {
  const v = versionOf(results, '0.3');
  const otlp = caseOf(v, 'exporter-otlp-burst');
  const rest = caseOf(v, 'exporter-rest-burst');
  const ceiling = caseOf(v, 'ceiling');
  if (!otlp || !rest) return '';
  const otlpCeiling = otlp.spans / otlp.serverCpuSeconds;
  return [
    `**OTLP vs REST on 0.3 (${fixed(otlp.spansPerSecond / rest.spansPerSecond)}×).**`,
    `Both paths end in the same single-threaded Python store. Over OTLP a request carries up to 512 spans, but the store still turns every protobuf span into a pydantic \`Span\` one by one: ${storeMicros(otlp)} of store CPU per span, rollout calls included; ${storeState(otlp)}. At 100% that is about ${int(otlpCeiling)} spans/s, the most this store takes from any OTLP client sending these runs.`,
    `Over REST the exporter makes ${rateOf(rest)} at ${storeMicros(rest)} of store CPU per span; ${storeState(rest)}.${ceiling ? ` The load generator gets ${rateOf(ceiling)} over the same route (${storeMicros(ceiling)} per span).` : ''}`,
    `So the ratio is set by the store's per-span cost on each route${ceiling ? `: even against the generator's REST figure the OTLP ceiling above is ${fixed(otlpCeiling / ceiling.spansPerSecond)}×` : ''}; 5× would need the REST path to be slower than it is, not OTLP faster. What would narrow it: fewer rollout calls per run (see above), which cost the same on both routes and weigh more on the faster one.`,
  ].join(' ');
}

function hotPath(results: BenchResults): string {
  const hot = results.hotPath;
  if (!hot) return '';
  const rows = [true, false].map((inRun) => {
    const agl = hot.cases.find((c) => c.id === 'agl' && c.inRun === inRun);
    const batch = hot.cases.find((c) => c.id === 'batch' && c.inRun === inRun);
    const none = hot.cases.find((c) => c.id === 'none' && c.inRun === inRun);
    if (!agl || !batch || !none) return '';
    return `${inRun ? 'in a run' : 'outside runs'} ${int(agl.nsPerSpan - batch.nsPerSpan)} ns more than the batch processor (which adds ${int(batch.nsPerSpan - none.nsPerSpan)} ns to no processor)`;
  });
  return [
    `**Hot path.** Per span the AGL processor costs ${rows.filter(Boolean).join('; ')}.`,
    "The batch processor only pushes the ended span into an array. The AGL processor also works when a span *starts*: a child of a span already placed in a run takes a fast path (`RunIndex.startedInPlacedRun`: a map lookup and a new node), any other span builds a facts object (span context, parent, the agent predicate) and goes through `RunIndex.spanStarted`; every new agent span also opens a run and calls `#createRollout` (an async function) on the app's stack. Spans in a run cost more than spans outside for that reason and, likely, because the delivery work between iterations (conversion, HTTP; outside runs nothing is delivered) leaves garbage whose collection partly lands in timed iterations. `spanEnded` is an O(1) push plus one `setImmediate` per batch.",
    'What would close it: defer opening the run and starting its rollout creation to the background drain (record the started agent span and return), avoid the per-start allocations (facts object, result objects), and keep the index node small.',
  ].join(' ');
}

function memory(results: BenchResults): string {
  const m = results.memory;
  if (!m) return '';
  const s = m.summary;
  const runsDuringOutage = (m.spansPerSecond * m.outageSeconds) / SPANS_PER_RUN;
  const perRun = s.outageGrowth / runsDuringOutage;
  return [
    `**Memory in an outage (+${mib(s.outageGrowth)} vs a ${mib(m.maxQueueBytes)} bound).**`,
    `The span queue stays within its bound (at most ${int(s.peakQueued)} spans queued; the rest is dropped and counted), but the retained heap grew by ${mib(s.outageGrowth)} over the outage, about ${int(perRun / 1024)} KiB per agent run started during it (slope over its second half: ${mib(s.retainedSlopePerMinute)} per minute).`,
    "What the byte bound does not cover: the state of every tracked run (with its agent span) and the run index's nodes for its spans, kept until a run is finished or, without a rollout, for the linger time after it started; and the pending rollout calls.",
    'What would close it: charge tracked runs to `maxQueueBytes` and cap them, forgetting the oldest run without a rollout (counted as dropped) when the cap is reached.',
  ].join(' ');
}

/** What happened once the store came back: delivery, and the rollouts finished without spans. */
export function recoveryNote(results: BenchResults): string {
  const m = results.memory;
  if (!m) return '';
  const s = m.summary;
  const recovery =
    s.firstDeliveryAfterOutageSeconds === null
      ? `Not one span was delivered in the ${m.recoverySeconds} s after the store came back`
      : `The first span was delivered ${s.firstDeliveryAfterOutageSeconds.toFixed(1)} s after the store came back, and of the ${int(s.offeredAfterOutage)} spans the app made in the ${m.recoverySeconds} s after, ${int(s.exportedAfterOutage)} were delivered (${percent(s.exportedAfterOutage / Math.max(1, s.offeredAfterOutage))})`;
  const incomplete = Math.max(
    0,
    s.rolloutsFinishedAfterOutage - Math.floor(s.exportedAfterOutage / SPANS_PER_RUN),
  );
  const parts = [
    `**Recovery.** ${recovery}; for ${s.stalledWithQueuedSeconds.toFixed(0)} s of that time spans were queued with no delivery in flight.`,
  ];
  const fixes: string[] = [];
  if (s.firstDeliveryAfterOutageSeconds === null || s.firstDeliveryAfterOutageSeconds > 5) {
    parts.push(
      'In the code measured, span deliveries and rollout calls stay paused for the delivery backoff, which doubles with every failed attempt during the outage up to 30 s (`Pipeline.#requeue`), and the pause is waited out without asking the store whether it is back, so the first request after a long outage can come up to 30 s after the store returns (other runs of this benchmark saw anything from under a second to about 25 s, depending on when the last attempt failed).',
    );
    fixes.push(
      'probe the store (its health route) during the backoff and resume as soon as it answers',
    );
  }
  if (incomplete > 0) {
    parts.push(
      `The request budget then goes first to the runs still tracked from the outage: they get their rollouts created, described and finished although their spans were dropped, while new runs wait behind them for their rollouts and their spans overflow the full queue. ${int(s.rolloutsFinishedAfterOutage)} rollouts were finished after the store came back while ${int(s.exportedAfterOutage)} spans were delivered, so at least ${int(incomplete)} rollouts are marked succeeded without all of their spans.`,
    );
    fixes.push(
      'create rollouts first for runs that still have spans to send, newest runs before old ones whose spans are gone',
      'record in a rollout when spans were dropped (metadata, or a failed attempt) instead of a plain success',
    );
  }
  if (fixes.length > 0) parts.push(`What would close it: ${fixes.join('; ')}.`);
  return parts.join(' ');
}

/** A paragraph per missed target: the measured cause and what would close the gap. */
export function explainMissed(results: BenchResults, missed: TargetCheck[]): string {
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  for (const check of missed) {
    const key = check.id === 'python' ? check.label : check.id;
    if (seen.has(key)) continue;
    seen.add(key);
    const text =
      check.id === 'ceiling-0.2'
        ? ceiling02(results)
        : check.id === 'python'
          ? python(results, check)
          : check.id === 'otlp-vs-rest'
            ? otlpVsRest(results)
            : check.id === 'hot-path'
              ? hotPath(results)
              : check.id === 'memory'
                ? memory(results)
                : '';
    if (text) paragraphs.push(text);
  }
  return paragraphs.join('\n\n');
}
