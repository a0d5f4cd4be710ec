import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mergeRunContexts,
  normalizeRunContext,
  runContextMetadata,
  runContextOf,
  runContextOfSpan,
  withAglContext,
} from './run-context.ts';

beforeAll(() => {
  // Registers Node's async context manager, which carries the context across awaits.
  new NodeTracerProvider().register();
});
afterAll(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('withAglContext', () => {
  it('is visible in the active context inside the function, across awaits', async () => {
    const seen = await withAglContext(
      { userId: 'u1', sessionId: 's1', tags: ['beta'] },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return runContextOf(context.active());
      },
    );
    expect(seen).toEqual({ userId: 'u1', sessionId: 's1', tags: ['beta'] });
    expect(runContextOf(context.active())).toBeUndefined();
  });

  it('adds to an outer context when nested', () => {
    const seen = withAglContext({ userId: 'u1', tags: ['a'] }, () =>
      withAglContext({ sessionId: 's2', tags: ['b', 'a'] }, () => runContextOf(context.active())),
    );
    expect(seen).toEqual({ userId: 'u1', sessionId: 's2', tags: ['a', 'b'] });
  });

  it('returns what the function returns', () => {
    expect(withAglContext({ userId: 'u' }, () => 42)).toBe(42);
  });
});

describe('runContextOf', () => {
  it('reads user.id, session.id and agl.tags from baggage; withAglContext wins', () => {
    const baggage = propagation.createBaggage({
      'user.id': { value: 'from-baggage' },
      'session.id': { value: 'sess' },
      'agl.tags': { value: 'x, y' },
    });
    const parent = propagation.setBaggage(ROOT_CONTEXT, baggage);
    expect(runContextOf(parent)).toEqual({
      userId: 'from-baggage',
      sessionId: 'sess',
      tags: ['x', 'y'],
    });
    const inner = context.with(parent, () =>
      withAglContext({ userId: 'explicit' }, () => runContextOf(context.active())),
    );
    expect(inner).toEqual({ userId: 'explicit', sessionId: 'sess', tags: ['x', 'y'] });
  });
});

describe('normalizeRunContext', () => {
  it('turns numeric ids into text and leaves out what it cannot use', () => {
    expect(
      normalizeRunContext({
        userId: 42,
        sessionId: { nested: true },
        tags: ['ok', 3, null, ''],
        environment: '',
        release: 'v1',
        metadata: ['not', 'an', 'object'],
      }),
    ).toEqual({ userId: '42', tags: ['ok', '3'], release: 'v1' });
    expect(normalizeRunContext(null)).toEqual({});
    expect(normalizeRunContext('user')).toEqual({});
  });

  it('accepts tags as one comma-separated string', () => {
    expect(normalizeRunContext({ tags: 'a,b , c' }).tags).toEqual(['a', 'b', 'c']);
  });
});

describe('mergeRunContexts', () => {
  it('lets later contexts win and accumulates tags and metadata', () => {
    expect(
      mergeRunContexts(
        { environment: 'prod', release: '1', tags: ['app'], metadata: { a: 1 } },
        undefined,
        { release: '2', tags: ['req'], metadata: { b: 2 } },
      ),
    ).toEqual({
      environment: 'prod',
      release: '2',
      tags: ['app', 'req'],
      metadata: { a: 1, b: 2 },
    });
  });
});

describe('runContextOfSpan', () => {
  it("reads Mastra's tracingOptions metadata ids and tags", () => {
    expect(
      runContextOfSpan({
        'mastra.metadata.userId': 'u9',
        'mastra.metadata.session_id': 's9',
        'mastra.tags': '["vip","eu"]',
      }),
    ).toEqual({ userId: 'u9', sessionId: 's9', tags: ['vip', 'eu'] });
    expect(runContextOfSpan({})).toEqual({});
  });
});

describe('runContextMetadata', () => {
  it('writes the snake_case keys AGL users query', () => {
    expect(
      runContextMetadata({
        userId: 'u',
        sessionId: 's',
        tags: ['t'],
        environment: 'staging',
        release: 'abc',
        metadata: { team: 'growth' },
      }),
    ).toEqual({
      team: 'growth',
      user_id: 'u',
      session_id: 's',
      tags: ['t'],
      environment: 'staging',
      release: 'abc',
    });
  });
});
