// What the OpenAPI documents cannot say but AGL and the training adapters rely on.
import { describe, isRecord, propertyPath, show } from './describe-value.ts';
import { SPAN_KEYS } from './generated/checks.ts';
import type { Problems } from './schema-problems.ts';

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
/** Keys the span schema describes; any other top-level key is stored as sent. */
const SPAN_KEY_SET: ReadonlySet<string> = new Set(SPAN_KEYS);
/** Later than this (year 5138) as epoch seconds means milliseconds or nanoseconds were sent. */
const MAX_EPOCH_SECONDS = 1e11;

/** An id that can travel in a URL path segment: a non-empty string without `/`. */
export function urlSafeId(value: unknown, field: string): Problems {
  if (typeof value !== 'string') return [`${field}: must be a string, got ${describe(value)}`];
  if (value.trim().length === 0) return [`${field}: must not be empty`];
  if (value.includes('/')) return [`${field}: must not contain "/" (got ${show(value)})`];
  for (let index = 0; index < value.length; index++) {
    if (value.charCodeAt(index) < 32) return [`${field}: must not contain control characters`];
  }
  return [];
}

/** Lowercase hex of the OTel width (checked only on strings; the schema reports the rest). */
function hexId(value: unknown, kind: 'trace' | 'span', field: string): Problems {
  if (typeof value !== 'string') return [];
  const [pattern, length] = kind === 'trace' ? [TRACE_ID, 32] : [SPAN_ID, 16];
  return pattern.test(value)
    ? []
    : [`${field}: must be ${length} lowercase hex characters, got ${show(value)}`];
}

function contextIds(value: unknown, field: string): Problems {
  if (!isRecord(value)) return [];
  return [
    ...hexId(value.trace_id, 'trace', `${field}.trace_id`),
    ...hexId(value.span_id, 'span', `${field}.span_id`),
  ];
}

/** Epoch seconds, not milliseconds or nanoseconds (checked only on finite numbers). */
export function epochSeconds(value: unknown, field: string): Problems {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [];
  if (value < 0) return [`${field}: must be epoch seconds >= 0, got ${value}`];
  if (value > MAX_EPOCH_SECONDS) {
    return [`${field}: ${value} looks like milliseconds or nanoseconds; AGL expects epoch seconds`];
  }
  return [];
}

/** A duration in seconds; AGL would take a negative one and time out at once. */
export function nonNegativeSeconds(value: unknown, field: string): Problems {
  return typeof value === 'number' && value < 0
    ? [`${field}: must be a number of seconds >= 0, got ${value}`]
    : [];
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (isRecord(value)) return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  return false;
}

/** What JSON.stringify would silently drop or turn into null (functions, undefined, NaN, ...). */
export function plainJson(value: unknown, field: string): Problems {
  return value === undefined || isJsonValue(value)
    ? []
    : [
        `${field}: must hold plain JSON values only (no undefined, functions or non-finite numbers)`,
      ];
}

export function refineSpan(span: unknown): Problems {
  if (!isRecord(span)) return [];
  const problems: Problems = [
    ...urlSafeId(span.rollout_id, 'span.rollout_id'),
    ...urlSafeId(span.attempt_id, 'span.attempt_id'),
    ...hexId(span.trace_id, 'trace', 'span.trace_id'),
    ...hexId(span.span_id, 'span', 'span.span_id'),
    ...hexId(span.parent_id, 'span', 'span.parent_id'),
    ...contextIds(span.context, 'span.context'),
    ...contextIds(span.parent, 'span.parent'),
    ...epochSeconds(span.start_time, 'span.start_time'),
    ...epochSeconds(span.end_time, 'span.end_time'),
  ];
  if (Array.isArray(span.links)) {
    span.links.forEach((link, index) => {
      if (isRecord(link))
        problems.push(...contextIds(link.context, `span.links[${index}].context`));
    });
  }
  if (Array.isArray(span.events)) {
    span.events.forEach((event, index) => {
      if (isRecord(event)) {
        problems.push(...epochSeconds(event.timestamp, `span.events[${index}].timestamp`));
      }
    });
  }
  for (const key in span) {
    if (!SPAN_KEY_SET.has(key)) problems.push(...plainJson(span[key], `span${propertyPath(key)}`));
  }
  return problems;
}

function refineConfig(config: unknown, field: string): Problems {
  if (!isRecord(config)) return [];
  return [
    ...nonNegativeSeconds(config.timeout_seconds, `${field}.timeout_seconds`),
    ...nonNegativeSeconds(config.unresponsive_seconds, `${field}.unresponsive_seconds`),
  ];
}

export function refineRolloutRequest(request: unknown, field: string): Problems {
  if (!isRecord(request)) return [];
  return [
    ...plainJson(request.input, `${field}.input`),
    ...refineConfig(request.config, `${field}.config`),
    ...plainJson(request.metadata, `${field}.metadata`),
  ];
}

/** AGL 0.2 answers 422 to a null metadata in an update, so `{}` is the one way to clear it. */
function metadataNotNull(metadata: unknown): Problems {
  return metadata === null
    ? ['patch.metadata: must be an object (use {} to clear it), got null']
    : [];
}

export function refineRolloutPatch(patch: unknown): Problems {
  if (!isRecord(patch)) return [];
  return [
    ...plainJson(patch.input, 'patch.input'),
    ...refineConfig(patch.config, 'patch.config'),
    ...metadataNotNull(patch.metadata),
    ...plainJson(patch.metadata, 'patch.metadata'),
  ];
}

export function refineAttemptPatch(patch: unknown): Problems {
  if (!isRecord(patch)) return [];
  return [
    ...epochSeconds(patch.last_heartbeat_time, 'patch.last_heartbeat_time'),
    ...plainJson(patch.metadata, 'patch.metadata'),
  ];
}
