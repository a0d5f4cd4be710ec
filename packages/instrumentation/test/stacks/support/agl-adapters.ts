import { join } from 'node:path';
import type { Span } from '@agl/client';
import { type AglVersion, findRepoRoot, runPythonOverSpans } from '@agl/testkit';

export interface AdapterMessage {
  role: string;
  content?: unknown;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

export interface AdapterOutput {
  agentlightning: string;
  messages: Array<{ messages: AdapterMessage[]; tools: unknown[] | null }>;
  triplets: Array<{
    prompt: { token_ids: number[] };
    response: { token_ids: number[] };
    reward: number | null;
    metadata: { response_id: string | null; agent_name: string };
  }>;
}

/**
 * AGL's own `TraceToMessages` and `TracerTraceToTriplet` (in the version's project venv) over
 * each rollout's spans as the store returned them; one Python process for all rollouts.
 */
export function runAglAdapters(version: AglVersion, rollouts: Span[][]): Promise<AdapterOutput[]> {
  const script = join(findRepoRoot(), 'packages/converter/test/python/check_adapters.py');
  return runPythonOverSpans<AdapterOutput[]>(version, script, rollouts);
}
