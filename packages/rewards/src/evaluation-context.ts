import type { Rollout, Span } from '@agl/client';
import { agentInputText, agentOutput } from './agent-output.ts';
import type { EvaluationContext } from './types.ts';

/** What evaluators get for one rollout: its input and the answer read from the attempt's spans. */
export function evaluationContext(
  rollout: Rollout,
  spans: readonly Span[],
  signal?: AbortSignal,
): EvaluationContext {
  return {
    rollout,
    spans,
    inputText: agentInputText(rollout, spans),
    output: agentOutput(rollout, spans),
    ...(signal === undefined ? {} : { signal }),
  };
}
