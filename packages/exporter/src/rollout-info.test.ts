import { SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { agentName, rolloutInput, rolloutMetadata, runOutcome } from './rollout-info.ts';

function agentSpan(overrides: Partial<ReadableSpan> = {}): ReadableSpan {
  return {
    name: 'invoke_agent postAnalyzer',
    attributes: {},
    resource: resourceFromAttributes({ 'service.name': 'mastra-api' }),
    spanContext: () => ({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 }),
    status: { code: SpanStatusCode.OK },
    events: [],
    ...overrides,
  } as ReadableSpan;
}

describe('agentName', () => {
  it('prefers GenAI attributes, then strips the operation from the span name', () => {
    expect(agentName(agentSpan({ attributes: { 'gen_ai.agent.name': 'Post Analyzer' } }))).toBe(
      'Post Analyzer',
    );
    expect(agentName(agentSpan())).toBe('postAnalyzer');
    expect(agentName(agentSpan({ name: "agent run: 'replyWriter'" }))).toBe('replyWriter');
    expect(agentName(agentSpan({ name: 'custom' }))).toBe('custom');
  });

  it("names an OpenLLMetry workflow after it, not after its span's name", () => {
    const attributes = { 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'weather' };
    expect(agentName(agentSpan({ name: 'weather.workflow', attributes }))).toBe('weather');
  });
});

describe('rolloutInput', () => {
  it('parses Mastra raw agent input', () => {
    const span = agentSpan({
      attributes: { 'mastra.agent_run.input': '[{"role":"user","content":"hi"}]' },
    });
    expect(rolloutInput(span)).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('keeps a non-JSON input as text', () => {
    expect(rolloutInput(agentSpan({ attributes: { 'mastra.agent_run.input': 'just text' } }))).toBe(
      'just text',
    );
  });

  it('falls back to the first user message', () => {
    const messages = JSON.stringify([
      { role: 'system', parts: [{ type: 'text', content: 'be brief' }] },
      { role: 'user', parts: [{ type: 'text', content: 'analyze this' }] },
    ]);
    expect(rolloutInput(agentSpan({ attributes: { 'gen_ai.input.messages': messages } }))).toBe(
      'analyze this',
    );
    expect(
      rolloutInput(
        agentSpan({
          attributes: {
            'gen_ai.prompt.0.role': 'system',
            'gen_ai.prompt.1.role': 'user',
            'gen_ai.prompt.1.content': 'q',
          },
        }),
      ),
    ).toBe('q');
    const event = (name: string, body: unknown) => ({
      name,
      time: [0, 0] as [number, number],
      attributes: { 'agl.log.body': JSON.stringify(body) },
    });
    expect(
      rolloutInput({
        attributes: {},
        events: [
          event('gen_ai.system.message', { content: 'be brief' }),
          event('gen_ai.user.message', { content: 'from a log event' }),
        ],
      }),
    ).toBe('from a log event');
    expect(rolloutInput(agentSpan())).toBeNull();
  });
});

describe('rolloutMetadata', () => {
  it('collects identity, trace and user metadata, protecting its own keys', () => {
    const span = agentSpan({
      attributes: {
        'gen_ai.agent.name': 'postAnalyzer',
        'mastra.metadata.postId': 'p-7',
        'mastra.metadata.source': 'spoofed',
      },
    });
    expect(rolloutMetadata(span, { deployment: 'blue' })).toEqual({
      postId: 'p-7',
      deployment: 'blue',
      source: 'otel',
      agent_name: 'postAnalyzer',
      service_name: 'mastra-api',
      trace_id: 'a'.repeat(32),
      agent_span_id: 'b'.repeat(16),
    });
  });
});

describe('runOutcome', () => {
  it('succeeds unless the status is ERROR', () => {
    expect(runOutcome(agentSpan())).toEqual({ status: 'succeeded', error: null });
    expect(runOutcome(agentSpan({ status: { code: SpanStatusCode.UNSET } })).status).toBe(
      'succeeded',
    );
  });

  it('fails with the status message or the exception message', () => {
    expect(
      runOutcome(agentSpan({ status: { code: SpanStatusCode.ERROR, message: 'model timeout' } })),
    ).toEqual({
      status: 'failed',
      error: 'model timeout',
    });
    const events = [
      {
        name: 'exception',
        attributes: { 'exception.message': 'boom' },
        time: [0, 0] as [number, number],
      },
    ];
    expect(runOutcome(agentSpan({ status: { code: SpanStatusCode.ERROR }, events })).error).toBe(
      'boom',
    );
  });
});

describe('rolloutInput across stacks', () => {
  const withAttributes = (attributes: ReadableSpan['attributes']) => agentSpan({ attributes });

  it('reads the input aglRun records', () => {
    expect(rolloutInput(withAttributes({ 'agl.run.input': '{"city":"Paris"}' }))).toEqual({
      city: 'Paris',
    });
  });

  it("reads an AI SDK top-level call's prompt, or its first user message", () => {
    expect(
      rolloutInput(withAttributes({ 'ai.prompt': '{"system":"Be brief.","prompt":"Hi"}' })),
    ).toBe('Hi');
    const messages = JSON.stringify({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
      ],
    });
    expect(rolloutInput(withAttributes({ 'ai.prompt': messages }))).toBe('Weather in Paris?');
  });

  it("reads an AI SDK model call's provider-format prompt", () => {
    const prompt = JSON.stringify([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
    ]);
    expect(rolloutInput(withAttributes({ 'ai.prompt.messages': prompt }))).toBe('Hello');
  });

  it('reads OpenInference messages, then a chain input value', () => {
    expect(
      rolloutInput(
        withAttributes({
          'llm.input_messages.0.message.role': 'system',
          'llm.input_messages.0.message.content': 'Be brief.',
          'llm.input_messages.1.message.role': 'user',
          'llm.input_messages.1.message.content': 'Hi there',
        }),
      ),
    ).toBe('Hi there');
    expect(
      rolloutInput(
        withAttributes({
          'input.value': '{"question":"why"}',
          'input.mime_type': 'application/json',
        }),
      ),
    ).toEqual({ question: 'why' });
    expect(rolloutInput(withAttributes({ 'input.value': 'plain question' }))).toBe(
      'plain question',
    );
  });

  it("reads an OpenLLMetry workflow's arguments before any message", () => {
    const attributes = {
      'traceloop.span.kind': 'workflow',
      'traceloop.entity.input': '{"args":[],"kwargs":{"question":"why"}}',
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
    };
    expect(rolloutInput(withAttributes(attributes))).toEqual({ question: 'why' });
    expect(
      rolloutInput(
        withAttributes({ ...attributes, 'traceloop.entity.input': '{"args":[],"kwargs":{}}' }),
      ),
    ).toBe('Hi');
  });

  it('is null when no layout holds a user message', () => {
    expect(rolloutInput(withAttributes({ 'ai.prompt': 'not json' }))).toBeNull();
  });
});
