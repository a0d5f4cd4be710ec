import type { Attributes } from '@opentelemetry/api';
import { AGL_AGENT_NAME, GEN_AI_AGENT_ID, GEN_AI_AGENT_NAME } from './attribute-names.ts';
import type { PutAttribute } from './messages.ts';
import { readString } from './read-attribute.ts';
import { traceloopRunName } from './traceloop-entity.ts';

/**
 * `agent.name` on an agent span. AGL's triplet adapter labels each LLM call with the
 * `agent.name` of its nearest ancestor (a span's own `agent.name` does not label itself), so it
 * belongs on the agent run span only, not on the LLM spans inside it. An OpenLLMetry workflow or
 * agent is named after its entity.
 */
export function writeAgentName(attributes: Attributes, put: PutAttribute): void {
  const name =
    readString(attributes, GEN_AI_AGENT_NAME) ??
    readString(attributes, GEN_AI_AGENT_ID) ??
    traceloopRunName(attributes);
  if (name !== undefined) put(AGL_AGENT_NAME, name);
}
