import { fileURLToPath } from 'node:url';
import type { AglVersion } from './agl-versions.ts';
import { runPythonOverSpans } from './python-over-spans.ts';

const SCRIPT = fileURLToPath(new URL('../python/agl_adapters.py', import.meta.url));

/** One message of a `TraceToMessages` record, as AGL spells it. */
export interface AdapterMessage {
  role: string;
  content?: unknown;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

/** One `TracerTraceToTriplet` triplet (0.3 adds raw content and request metadata). */
export interface AdapterTriplet {
  prompt: { token_ids: number[]; [key: string]: unknown };
  response: { token_ids: number[]; logprobs?: unknown; [key: string]: unknown };
  reward: number | null;
  metadata: { response_id: string | null; agent_name: string; [key: string]: unknown };
}

/** What AGL's own adapters make of one list of stored spans (see python/agl_adapters.py). */
export interface AdapterOutput {
  agentlightning: string;
  messages: Array<{ messages: AdapterMessage[]; tools: unknown[] | null }>;
  triplets: AdapterTriplet[];
  /** The span ids of the LLM calls behind the triplets, in the same order. */
  llm_call_span_ids: string[];
  /** AGL's `find_final_reward`: the last reward span in list order. */
  final_reward: number | null;
}

/**
 * AGL's own `TraceToMessages`, `TracerTraceToTriplet` and `find_final_reward` (in the version's
 * project venv) over each list of spans as the store returned them; one Python process for all.
 */
export function runAglAdapters(
  version: AglVersion,
  spanLists: readonly unknown[][],
): Promise<AdapterOutput[]> {
  return runPythonOverSpans<AdapterOutput[]>(version, SCRIPT, spanLists);
}
