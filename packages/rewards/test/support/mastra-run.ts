import type { Attributes, Rollout, Span } from '@agl/client';
import { makeRollout, makeSpan } from '@agl/snapshot/testing';

export const TRACE_ID = '7cf9ff1c08ecb0b2ad113bb2434d85cd';
export const AGENT_SPAN_ID = 'df9f108e2d67a755';
const GENERATION_ID = '125ee6fdffce6184';
export const FIRST_CALL_ID = '84f9d2d207d4cef9';
export const LAST_CALL_ID = 'f8b2bd0b39d9aedf';
const SUB_AGENT_ID = '451a1d8fbb27154e';
const SUB_CALL_ID = 'edc404067de05470';
const TOOL_ID = 'dbdf338d59683f5b';

export const ANSWER = {
  sentiment: 'positive',
  sentimentScore: 0.6,
  topics: ['software release'],
  tone: 'announcement',
  engagementPrediction: { level: 'high', score: 80, rationale: 'Lots of shares.' },
  suggestedReply: 'Congrats on the launch!',
  hashtags: ['#release'],
  mentions: [],
};

export interface MastraRunOptions {
  /** Attributes of the agent span replacing the default `mastra.agent_run.output`. */
  agentOutput?: Attributes;
  /** Leave out the model_generation output. */
  noGeneration?: boolean;
  attemptId?: string;
}

/**
 * Spans shaped like one Post Analyzer run after the exporter and converter: agent span →
 * model_generation → two LLM calls (`openai.chat.completion`), the first one calling a tool that
 * runs a sub-agent with its own LLM call. Times in seconds from 1000.
 */
export function mastraRun(options: MastraRunOptions = {}): { rollout: Rollout; spans: Span[] } {
  const attemptId = options.attemptId ?? 'at-00000001';
  const rollout = makeRollout({
    rollout_id: 'ro-000000000001',
    status: 'succeeded',
    input: 'Analyze this social-media post.\n\n{"text": "We shipped #release"}',
    metadata: { agent_name: 'postAnalyzer', agent_span_id: AGENT_SPAN_ID, trace_id: TRACE_ID },
  });
  let sequence = 0;
  const span = (
    spanId: string,
    parentId: string | null,
    name: string,
    start: number,
    end: number,
    attributes: Attributes,
  ): Span =>
    makeSpan({
      rollout_id: rollout.rollout_id,
      attempt_id: attemptId,
      sequence_id: ++sequence,
      trace_id: TRACE_ID,
      span_id: spanId,
      parent_id: parentId,
      name,
      start_time: 1000 + start,
      end_time: 1000 + end,
      attributes,
    });
  const answerText = JSON.stringify(ANSWER);
  const spans = [
    span(SUB_CALL_ID, SUB_AGENT_ID, 'openai.chat.completion', 0.3, 0.4, {
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': 'Congrats on the launch!',
    }),
    span(SUB_AGENT_ID, TOOL_ID, 'invoke_agent replyWriter', 0.25, 0.45, {
      'gen_ai.operation.name': 'invoke_agent',
      'mastra.agent_run.output': JSON.stringify({ text: 'Congrats on the launch!' }),
    }),
    span(TOOL_ID, FIRST_CALL_ID, 'execute_tool agent-replyWriter', 0.2, 0.5, {
      'gen_ai.tool.name': 'agent-replyWriter',
    }),
    span(FIRST_CALL_ID, GENERATION_ID, 'openai.chat.completion', 0.1, 0.55, {
      'gen_ai.completion.0.role': 'assistant',
    }),
    span(LAST_CALL_ID, GENERATION_ID, 'openai.chat.completion', 0.6, 0.8, {
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.content': answerText,
    }),
    span(
      GENERATION_ID,
      AGENT_SPAN_ID,
      'model_generation agl-offline-1',
      0.05,
      0.85,
      options.noGeneration
        ? {}
        : {
            'mastra.model_generation.output': JSON.stringify({ text: answerText, object: ANSWER }),
          },
    ),
    span(AGENT_SPAN_ID, null, 'invoke_agent postAnalyzer', 0, 0.9, {
      'gen_ai.operation.name': 'invoke_agent',
      'mastra.span.type': 'agent_run',
      'mastra.agent_run.input': 'Analyze this social-media post.',
      ...(options.agentOutput ?? {
        'mastra.agent_run.output': JSON.stringify({ text: answerText, object: ANSWER, files: [] }),
      }),
    }),
  ];
  return { rollout, spans };
}
