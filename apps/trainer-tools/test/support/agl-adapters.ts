import { fileURLToPath } from 'node:url';
import type { Span } from '@agl/client';
import { type AglVersion, runPythonOverSpans } from '@agl/testkit';

const SCRIPT = fileURLToPath(new URL('../python/adapter_outputs.py', import.meta.url));

/** What AGL's own adapters make of one attempt's spans (see test/python/adapter_outputs.py). */
export interface AdapterOutput {
  agentlightning: string;
  messages: Array<{ messages: Array<Record<string, unknown>>; tools: unknown[] | null }>;
  triplets: Array<{
    prompt: { token_ids: unknown };
    response: { token_ids: unknown; logprobs?: unknown };
    reward: number | null;
    metadata: { response_id: unknown; agent_name: unknown; [key: string]: unknown };
  }>;
  llm_call_span_ids: string[];
  final_reward: number | null;
}

/** Runs AGL's adapters from the version's venv over each list of spans, in one Python process. */
export function runAglAdapters(version: AglVersion, attempts: Span[][]): Promise<AdapterOutput[]> {
  return runPythonOverSpans<AdapterOutput[]>(version, SCRIPT, attempts);
}

/** The fields both AGL versions put in a triplet (0.3 adds raw content and request metadata). */
export function sharedTripletFields(triplet: AdapterOutput['triplets'][number]) {
  return {
    prompt: { token_ids: triplet.prompt.token_ids },
    response: {
      token_ids: triplet.response.token_ids,
      ...(triplet.response.logprobs === undefined ? {} : { logprobs: triplet.response.logprobs }),
    },
    reward: triplet.reward,
    metadata: {
      response_id: triplet.metadata.response_id,
      agent_name: triplet.metadata.agent_name,
    },
  };
}
