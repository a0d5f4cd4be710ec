import type { Attempt, Rollout, Span } from '@agl/client';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface RolloutEvidence {
  rollout: Rollout;
  attempts: Attempt[];
  spans: Span[];
}

export interface Expectations {
  /** The run's root span: `invoke_agent <agent>` for a Mastra agent, `ai.generateText`, … */
  rootName: string;
  /** The agent's name on the root span (`agent.name`), for agent runs. */
  agentName?: string;
  tools: string[];
  postId?: string;
  /** The rollout input, when the run's input is known. */
  input?: unknown;
}

/** AGL's default `llm_call_match` is the regex search `openai\.chat\.completion` on span names. */
const LLM_CALL_MATCH = /openai\.chat\.completion/;

function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

/** What makes a rollout complete and training-ready, checked from what AGL stored. */
export function checkRollout(
  { rollout, attempts, spans }: RolloutEvidence,
  expected: Expectations,
): Check[] {
  const checks: Check[] = [];
  checks.push(
    check('rollout succeeded', rollout.status === 'succeeded', `status ${rollout.status}`),
  );
  const statuses = attempts.map((attempt) => attempt.status);
  checks.push(
    check(
      'one attempt, succeeded',
      statuses.length === 1 && statuses[0] === 'succeeded',
      `attempts [${statuses.join(', ')}]`,
    ),
  );
  if (expected.postId !== undefined) {
    checks.push(
      check(
        'metadata names the post',
        rollout.metadata?.postId === expected.postId,
        `metadata.postId ${JSON.stringify(rollout.metadata?.postId)}`,
      ),
    );
  }

  if (expected.input !== undefined) {
    checks.push(
      check(
        'rollout input',
        JSON.stringify(rollout.input) === JSON.stringify(expected.input),
        `input ${JSON.stringify(rollout.input)}`,
      ),
    );
  }

  const roots = spans.filter((span) => span.parent_id === null);
  checks.push(
    check(
      'run span is the only root',
      roots.length === 1 && roots[0]?.name === expected.rootName,
      `roots [${roots.map((span) => span.name).join(', ')}]`,
    ),
  );
  if (expected.agentName !== undefined) {
    const agent = roots[0];
    checks.push(
      check(
        'agent span names the agent',
        agent?.attributes['agent.name'] === expected.agentName,
        `agent.name ${JSON.stringify(agent?.attributes['agent.name'])}`,
      ),
    );
  }

  const ids = new Set(spans.map((span) => span.span_id));
  const orphans = spans.filter((span) => span.parent_id !== null && !ids.has(span.parent_id));
  checks.push(
    check(
      'every parent is in the rollout',
      orphans.length === 0,
      `${orphans.length} of ${spans.length} spans orphaned`,
    ),
  );
  const traces = new Set(spans.map((span) => span.trace_id));
  checks.push(check('one trace', traces.size === 1, `${traces.size} trace ids`));
  const sequence = new Set(spans.map((span) => span.sequence_id));
  checks.push(
    check(
      'unique sequence ids',
      sequence.size === spans.length,
      `${sequence.size} ids for ${spans.length} spans`,
    ),
  );

  const llm = spans.filter((span) => LLM_CALL_MATCH.test(span.name));
  const trainingReady = llm.filter(
    (span) =>
      typeof span.attributes['gen_ai.prompt.0.role'] === 'string' &&
      typeof span.attributes['gen_ai.completion.0.role'] === 'string' &&
      typeof span.attributes['gen_ai.response.id'] === 'string',
  );
  checks.push(
    check(
      'LLM calls visible to AGL, training-ready',
      llm.length > 0 && trainingReady.length === llm.length,
      `${llm.length} LLM spans, ${trainingReady.length} with prompt, completion and response id`,
    ),
  );

  const roles = (span: Span) =>
    Object.entries(span.attributes)
      .filter(([key]) => /^gen_ai\.prompt\.\d+\.role$/.test(key))
      .map(([, value]) => value);
  const withToolResults = llm.filter((span) => roles(span).includes('tool'));
  checks.push(
    check(
      'LLM prompts are whole (tool results included)',
      withToolResults.length > 0,
      `${withToolResults.length} of ${llm.length} LLM spans carry tool messages in their prompt`,
    ),
  );

  // A GenAI `execute_tool` span, or AGL's own `tool.name` (what TraceToMessages reads; the
  // converter writes it for every layout's tool calls, e.g. the AI SDK's `ai.toolCall`).
  const toolNames = new Set<string>();
  for (const span of spans) {
    if (span.attributes['gen_ai.operation.name'] === 'execute_tool') {
      toolNames.add(String(span.attributes['gen_ai.tool.name']));
    }
    const aglToolName = span.attributes['tool.name'];
    if (typeof aglToolName === 'string') toolNames.add(aglToolName);
  }
  const missing = expected.tools.filter((tool) => !toolNames.has(tool));
  checks.push(
    check(
      'tool spans',
      missing.length === 0,
      missing.length === 0 ? [...toolNames].join(', ') : `missing ${missing.join(', ')}`,
    ),
  );
  return checks;
}
