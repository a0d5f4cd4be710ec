import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAgl, resetAglRegistration } from './register-agl.ts';

const OPTIONS = {
  enabled: true,
  exporter: { endpoint: 'http://127.0.0.1:9' },
  flushOnExit: false,
  checkOnStart: false,
  env: {},
} as const;

describe('registerAgl and GenAI log events', () => {
  afterEach(() => {
    resetAglRegistration();
    trace.disable();
    logs.disable();
  });

  it('feeds GenAI events logged through its logger provider to their spans', async () => {
    const handles = registerAgl(OPTIONS);
    if (!handles) throw new Error('registerAgl returned null');
    const span = handles.provider.getTracer('test').startSpan('chat model');
    handles.loggerProvider.getLogger('instrumentation').emit({
      context: trace.setSpan(ROOT_CONTEXT, span),
      attributes: { 'event.name': 'gen_ai.user.message' },
      body: { content: 'hi' },
    });
    expect(handles.logEvents.getStats().attached).toBe(1);
    await handles.shutdown();
  });

  it('never takes the global logger provider, so the app can register its own later', async () => {
    const handles = registerAgl(OPTIONS);
    if (!handles) throw new Error('registerAgl returned null');
    const theirs = new LoggerProvider();
    expect(logs.setGlobalLoggerProvider(theirs)).toBe(theirs);
    expect(logs.getLoggerProvider()).toBe(theirs);
    await handles.shutdown();
  });
});
