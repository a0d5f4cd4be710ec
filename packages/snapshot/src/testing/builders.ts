import type { Attempt, Rollout, Span } from '@agl/client';

let counter = 0;
function nextHex(length: number): string {
  counter += 1;
  return counter.toString(16).padStart(length, '0');
}

/** A complete span with sensible defaults; pass only what the test is about. */
export function makeSpan(fields: Partial<Span> = {}): Span {
  const traceId = fields.trace_id ?? '4bf92f3577b34da6a3ce929d0e0e4736';
  const spanId = fields.span_id ?? nextHex(16);
  return {
    rollout_id: 'ro-000000000001',
    attempt_id: 'at-00000001',
    sequence_id: 1,
    trace_id: traceId,
    span_id: spanId,
    parent_id: null,
    name: 'span',
    status: { status_code: 'OK', description: null },
    attributes: {},
    events: [],
    links: [],
    start_time: 1_700_000_000,
    end_time: 1_700_000_001,
    context: { trace_id: traceId, span_id: spanId, is_remote: false, trace_state: {} },
    parent: null,
    resource: { attributes: {}, schema_url: '' },
    ...fields,
  };
}

/** A complete rollout with sensible defaults. */
export function makeRollout(fields: Partial<Rollout> = {}): Rollout {
  return {
    rollout_id: `ro-${nextHex(12)}`,
    input: null,
    start_time: 1_700_000_000,
    end_time: null,
    mode: null,
    resources_id: null,
    status: 'queuing',
    config: {
      timeout_seconds: null,
      unresponsive_seconds: null,
      max_attempts: 1,
      retry_condition: [],
    },
    metadata: {},
    ...fields,
  };
}

/** A complete attempt with sensible defaults. */
export function makeAttempt(fields: Partial<Attempt> = {}): Attempt {
  return {
    rollout_id: 'ro-000000000001',
    attempt_id: `at-${nextHex(8)}`,
    sequence_id: 1,
    start_time: 1_700_000_000,
    end_time: null,
    status: 'preparing',
    worker_id: null,
    last_heartbeat_time: null,
    metadata: null,
    ...fields,
  };
}
