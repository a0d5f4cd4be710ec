import { ATTEMPT_ID_KEY, ROLLOUT_ID_KEY } from '@agl/client';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * The rollout and attempt a run's root span names (span or resource attributes), when the
 * rollout was created elsewhere, e.g. by an AGL worker that runs the agent.
 */
export function joinedIds(
  span: Pick<ReadableSpan, 'attributes' | 'resource'>,
): { rolloutId: string; attemptId: string } | undefined {
  const rollout = span.attributes[ROLLOUT_ID_KEY] ?? span.resource.attributes[ROLLOUT_ID_KEY];
  const attempt = span.attributes[ATTEMPT_ID_KEY] ?? span.resource.attributes[ATTEMPT_ID_KEY];
  return typeof rollout === 'string' && typeof attempt === 'string'
    ? { rolloutId: rollout, attemptId: attempt }
    : undefined;
}
