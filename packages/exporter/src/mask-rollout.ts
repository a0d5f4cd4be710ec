import type { AttributeValue } from '@agl/client';
import { MASK_FAILED_VALUE, type MaskFunction, type MaskLocation } from '@agl/converter';

/** What the exporter writes on a rollout besides its spans. */
export interface RolloutFields {
  input: unknown;
  metadata: Record<string, unknown>;
}

/**
 * Metadata the exporter needs to find and account for a run. Not user data, so not masked: a
 * failing mask must not make a rollout impossible to match with its trace.
 */
export const UNMASKED_METADATA_KEYS: ReadonlySet<string> = new Set([
  'source',
  'trace_id',
  'agent_span_id',
  'recreated_after_store_restart',
  'previous_rollout_ids',
  'spans_filtered',
  'incomplete',
  'lost_spans',
  'lost_reason',
  'agent_status',
]);

const MAX_DEPTH = 32;

interface Walk {
  mask: MaskFunction;
  location: MaskLocation;
  failures: number;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** What a mask returned, as something JSON can carry; undefined means leave the value out. */
function maskedResult(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (isPrimitive(value) || Array.isArray(value)) return value;
  if (typeof value === 'object') return value;
  return String(value);
}

function maskLeaf(walk: Walk, key: string, value: string | number | boolean): unknown {
  try {
    const masked = walk.mask({ key, value: value as AttributeValue, location: walk.location });
    return masked === value ? value : maskedResult(masked);
  } catch {
    walk.failures++;
    return MASK_FAILED_VALUE;
  }
}

function maskValue(walk: Walk, key: string, value: unknown, depth: number): unknown {
  if (isPrimitive(value)) return maskLeaf(walk, key, value);
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object') return maskLeaf(walk, key, String(value));
  // Too deep to walk: nothing unmasked may leave, so the whole value is withheld.
  if (depth >= MAX_DEPTH) return MASK_FAILED_VALUE;
  if (Array.isArray(value)) {
    return value.map((item, index) => maskValue(walk, `${key}.${index}`, item, depth + 1) ?? null);
  }
  const result: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const masked = maskValue(walk, key ? `${key}.${name}` : name, item, depth + 1);
    if (masked !== undefined) result[name] = masked;
  }
  return result;
}

/**
 * Runs the span mask over a rollout's input and metadata, leaf by leaf: each string, number and
 * boolean is passed as `{ key, value, location }` with `key` its dotted path (`input`,
 * `input.messages.0.content`; metadata keys as they are, `user_id`) and `location`
 * `rollout_input` or `rollout_metadata`. A mask that throws replaces the value with `[REDACTED]`
 * (fails closed) and is counted in `failures`.
 */
export function maskRolloutFields(
  fields: RolloutFields,
  mask: MaskFunction | undefined,
): RolloutFields & { failures: number } {
  if (!mask) return { ...fields, failures: 0 };
  const inputWalk: Walk = { mask, location: 'rollout_input', failures: 0 };
  const input = maskValue(inputWalk, 'input', fields.input, 0);
  const metadataWalk: Walk = { mask, location: 'rollout_metadata', failures: 0 };
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields.metadata)) {
    const masked = UNMASKED_METADATA_KEYS.has(key) ? value : maskValue(metadataWalk, key, value, 1);
    if (masked !== undefined) metadata[key] = masked;
  }
  return {
    input: input === undefined ? null : input,
    metadata,
    failures: inputWalk.failures + metadataWalk.failures,
  };
}
