import {
  type Attributes,
  context,
  type Span,
  SpanKind,
  type Tracer,
  trace,
} from '@opentelemetry/api';

/** One span of the benchmark's agent run, as data: every contender builds the same spans. */
export interface SpanTemplate {
  name: string;
  kind: 'INTERNAL' | 'CLIENT';
  /** Index of the parent in the run's span list; null for the agent span. */
  parent: number | null;
  /** String values may contain `{run}`, replaced by the run number. */
  attributes: Record<string, string | number | boolean>;
}

const RUN = '{run}';
const AGENT = 'postAnalyzer';
const MODEL = 'agl-offline-1';
const SYSTEM =
  'You analyse social media posts for a moderation team. Count the words with the tool first, ' +
  'then answer with a short summary of the tone, the topics and anything that needs a human look.';
const TOOLS = JSON.stringify([
  {
    type: 'function',
    name: 'countWords',
    description: 'Counts the words of a text',
    parameters: {
      type: 'object',
      properties: { text: { type: 'string' } },
      required: ['text'],
      additionalProperties: false,
    },
  },
]);
const USER_TEXT = `Post ${RUN}: the new release finally fixed the sync bug, thanks to everyone who helped test it`;
const ANSWER = `Post ${RUN} is positive (18 words): thanks for a bug fix in a release; nothing to escalate.`;
const INPUT_MESSAGES = JSON.stringify([
  { role: 'system', parts: [{ type: 'text', content: SYSTEM }] },
  { role: 'user', parts: [{ type: 'text', content: USER_TEXT }] },
]);
const OUTPUT_MESSAGES = JSON.stringify([
  { role: 'assistant', parts: [{ type: 'text', content: ANSWER }], finish_reason: 'stop' },
]);

function common(type: string, operation: string): Record<string, string> {
  return {
    'gen_ai.operation.name': operation,
    'mastra.span.type': type,
    'mastra.metadata.runId': `run-${RUN}`,
    'mastra.metadata.postId': `p-${RUN}`,
  };
}

/** A model step under the chat span (index 1); `at` is the step's own index in the run. */
function step(at: number, n: number, withTool: boolean): SpanTemplate[] {
  const output = withTool
    ? JSON.stringify({
        text: '',
        toolCalls: [{ toolName: 'countWords', args: { text: USER_TEXT } }],
      })
    : JSON.stringify({ text: ANSWER, toolCalls: [] });
  const spans: SpanTemplate[] = [
    {
      name: `model_step ${AGENT}`,
      kind: 'INTERNAL',
      parent: 1,
      attributes: {
        ...common('model_step', 'model_step'),
        'mastra.model_step.index': n,
        'mastra.model_step.input': JSON.stringify(
          withTool
            ? [{ role: 'user', content: USER_TEXT }]
            : [
                { role: 'user', content: USER_TEXT },
                { role: 'tool', content: '[tool-result: countWords]' },
              ],
        ),
        'mastra.model_step.output': output,
      },
    },
    {
      name: `model_inference ${AGENT}`,
      kind: 'INTERNAL',
      parent: at,
      attributes: {
        ...common('model_inference', 'model_inference'),
        'gen_ai.request.model': MODEL,
        'gen_ai.usage.input_tokens': withTool ? 96 : 131,
        'gen_ai.usage.output_tokens': withTool ? 21 : 27,
      },
    },
  ];
  for (const chunk of [0, 1]) {
    spans.push({
      name: `model_chunk ${AGENT}`,
      kind: 'INTERNAL',
      parent: at + 1,
      attributes: {
        ...common('model_chunk', 'model_chunk'),
        'mastra.model_chunk.type': chunk === 0 ? 'text-delta' : 'finish',
        'mastra.model_chunk.text': chunk === 0 ? ANSWER.slice(0, 60) : '',
      },
    });
  }
  if (withTool) {
    spans.push({
      name: 'execute_tool countWords',
      kind: 'INTERNAL',
      parent: at,
      attributes: {
        ...common('tool_call', 'execute_tool'),
        'gen_ai.tool.name': 'countWords',
        'gen_ai.tool.call.id': `call_${RUN}_1`,
        'gen_ai.tool.description': 'Counts the words of a text',
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.arguments': JSON.stringify({ text: USER_TEXT }),
        'gen_ai.tool.call.result': JSON.stringify({ words: 18 }),
      },
    });
  }
  return spans;
}

/**
 * A Mastra-like agent run: the agent span, one chat span, two model steps (the first calls a
 * tool), each with an inference span and two chunks: 11 spans with the GenAI attributes Mastra's
 * OTel bridge writes, a few hundred bytes each.
 */
export const AGENT_RUN: readonly SpanTemplate[] = [
  {
    name: `invoke_agent ${AGENT}`,
    kind: 'INTERNAL',
    parent: null,
    attributes: {
      ...common('agent_run', 'invoke_agent'),
      'gen_ai.agent.id': AGENT,
      'gen_ai.agent.name': AGENT,
      'gen_ai.system_instructions': SYSTEM,
      'gen_ai.tool.definitions': TOOLS,
      'mastra.agent_run.input': JSON.stringify([{ role: 'user', content: USER_TEXT }]),
      'mastra.agent_run.output': JSON.stringify({ text: ANSWER, files: [] }),
    },
  },
  {
    name: `chat ${MODEL}`,
    kind: 'CLIENT',
    parent: 0,
    attributes: {
      ...common('model_generation', 'chat'),
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': MODEL,
      'gen_ai.response.model': MODEL,
      'gen_ai.response.id': `chatcmpl-${RUN}`,
      'gen_ai.agent.id': AGENT,
      'gen_ai.agent.name': AGENT,
      'gen_ai.input.messages': INPUT_MESSAGES,
      'gen_ai.output.messages': OUTPUT_MESSAGES,
      'gen_ai.usage.input_tokens': 227,
      'gen_ai.usage.output_tokens': 48,
      'gen_ai.response.finish_reasons': '["stop"]',
    },
  },
  ...step(2, 0, true),
  ...step(7, 1, false),
];

export const SPANS_PER_RUN = AGENT_RUN.length;

/** Children end before their parents (post-order), as Mastra's spans do. */
export const END_ORDER: readonly number[] = endOrder();

function endOrder(): number[] {
  const order: number[] = [];
  const visit = (index: number) => {
    AGENT_RUN.forEach((span, child) => {
      if (span.parent === index) visit(child);
    });
    order.push(index);
  };
  visit(0);
  return order;
}

/** The template's attributes for one run, with `{run}` filled in. */
export function runAttributes(template: SpanTemplate, run: number): Attributes {
  const attributes: Attributes = {};
  const tag = String(run);
  for (const [key, value] of Object.entries(template.attributes)) {
    attributes[key] = typeof value === 'string' ? value.replaceAll(RUN, tag) : value;
  }
  return attributes;
}

function startAll(tracer: Tracer, run: number, rootAttributes: Attributes = {}): Span[] {
  const spans: Span[] = [];
  for (const template of AGENT_RUN) {
    const parent = template.parent === null ? undefined : spans[template.parent];
    const ctx = parent ? trace.setSpan(context.active(), parent) : context.active();
    const kind = template.kind === 'CLIENT' ? SpanKind.CLIENT : SpanKind.INTERNAL;
    const attributes = runAttributes(template, run);
    if (template.parent === null) Object.assign(attributes, rootAttributes);
    spans.push(tracer.startSpan(template.name, { kind, attributes }, ctx));
  }
  return spans;
}

/** Emits one agent run at once: every span starts, then they end children first. */
export function emitAgentRun(tracer: Tracer, run: number): void {
  const spans = startAll(tracer, run);
  for (const index of END_ORDER) spans[index]?.end();
}

export interface PacedRunOptions {
  /** Awaited before each span ends, so runs interleave. */
  pause: () => Promise<unknown>;
  onEnd?: (span: Span, index: number) => void;
  /** Extra attributes on the agent span (e.g. the ids of a rollout created elsewhere). */
  rootAttributes?: Attributes;
}

/** Emits one agent run whose spans end one by one, with `pause()` awaited before each end. */
export async function emitAgentRunPaced(
  tracer: Tracer,
  run: number,
  options: PacedRunOptions,
): Promise<void> {
  const spans = startAll(tracer, run, options.rootAttributes);
  for (const index of END_ORDER) {
    await options.pause();
    const span = spans[index];
    if (!span) continue;
    span.end();
    options.onEnd?.(span, index);
  }
}
