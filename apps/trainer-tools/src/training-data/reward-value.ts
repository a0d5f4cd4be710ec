import { ANNOTATION_SPAN_NAME, REWARD_SPAN_NAME, type Span } from '@agl/client';

/** Which AGL release's training adapters to follow (they differ in small ways). */
export type AdapterVersion = '0.2' | '0.3';

/** A reward as AGL's `TraceTree.maybe_reward_dict` reports it; `value` may be null in 0.2. */
export interface RewardMark {
  value: number | null;
}

const AGENTOPS_OUTPUTS = ['agentops.task.output', 'agentops.entity.output'] as const;
// The reward span's name is also the prefix of AGL 0.3's reward dimension keys.
const REWARD_PREFIX = REWARD_SPAN_NAME;

/**
 * The reward a span carries for AGL's triplet adapter, or null when it is not a reward span.
 * - 0.2: an AgentOps `{"type":"reward","value"}` output, else a span named
 *   `agentlightning.reward` with any attributes (value: its `reward` attribute, possibly null).
 * - 0.3: the primary of the `agentlightning.reward.{i}.name/.value` list, else the AgentOps
 *   output, else `reward` on a span named `agentlightning.annotation`; a null value is no reward.
 */
export function rewardMark(span: Span, version: AdapterVersion): RewardMark | null {
  return version === '0.2' ? rewardMark02(span) : rewardMark03(span);
}

/** Whether AGL treats the span as a reward span (LLM calls below it are not training calls). */
export function isRewardSpan(span: Span, version: AdapterVersion): boolean {
  if (rewardMark(span, version) !== null) return true;
  return (
    version === '0.3' &&
    span.name === 'agentlightning.operation' &&
    span.attributes['agentlightning.operation.name'] === REWARD_PREFIX
  );
}

function rewardMark02(span: Span): RewardMark | null {
  for (const key of AGENTOPS_OUTPUTS) {
    const output = span.attributes[key];
    if (typeof output !== 'string' || output === '') continue;
    const parsed = parseJson(output);
    // AGL 0.2 stops at the first AgentOps output, reward or not.
    if (!isObject(parsed) || parsed.type !== 'reward') return null;
    return { value: numberOrNull(parsed.value) };
  }
  if (span.name === REWARD_PREFIX && Object.keys(span.attributes).length > 0) {
    return { value: numberOrNull(span.attributes.reward) };
  }
  return null;
}

function rewardMark03(span: Span): RewardMark | null {
  const keys = Object.keys(span.attributes);
  if (keys.some((key) => key.startsWith(REWARD_PREFIX))) {
    const primary = primaryDimension(span);
    if (primary !== null) return { value: primary };
  }
  for (const key of AGENTOPS_OUTPUTS) {
    const output = span.attributes[key];
    if (typeof output !== 'string' || output === '') continue;
    const parsed = parseJson(output);
    if (isObject(parsed) && parsed.type === 'reward') {
      const value = numberOrNull(parsed.value);
      return value === null ? null : { value };
    }
  }
  if (span.name === ANNOTATION_SPAN_NAME && keys.length > 0) {
    const value = numberOrNull(span.attributes.reward);
    return value === null ? null : { value };
  }
  return null;
}

/** Index 0 of a consecutive `agentlightning.reward.{i}.{name,value}` list, else null. */
function primaryDimension(span: Span): number | null {
  const dimensions = new Map<number, { name?: unknown; value?: unknown }>();
  for (const [key, value] of Object.entries(span.attributes)) {
    if (!key.startsWith(`${REWARD_PREFIX}.`)) continue;
    const match = /^(\d+)\.(name|value)$/.exec(key.slice(REWARD_PREFIX.length + 1));
    if (!match) return null;
    const index = Number(match[1]);
    const entry = dimensions.get(index) ?? {};
    entry[match[2] as 'name' | 'value'] = value;
    dimensions.set(index, entry);
  }
  for (let index = 0; index < dimensions.size; index += 1) {
    const entry = dimensions.get(index);
    if (entry === undefined || typeof entry.name !== 'string') return null;
    if (numberOrNull(entry.value) === null) return null;
  }
  return dimensions.size === 0 ? null : numberOrNull(dimensions.get(0)?.value);
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
