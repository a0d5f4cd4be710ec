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

  it('registers its logger provider globally, feeding GenAI events to their spans', async () => {
    const handles = registerAgl(OPTIONS);
    if (!handles) throw new Error('registerAgl returned null');
    expect(handles.logsRegistered).toBe(true);
    expect(logs.getLoggerProvider()).toBe(handles.loggerProvider);
    const span = handles.provider.getTracer('test').startSpan('chat model');
    logs.getLogger('instrumentation').emit({
      context: trace.setSpan(ROOT_CONTEXT, span),
      attributes: { 'event.name': 'gen_ai.user.message' },
      body: { content: 'hi' },
    });
    expect(handles.logEvents.getStats().attached).toBe(1);
    await handles.shutdown();
  });

  it('leaves the global logger provider alone when isolated', async () => {
    const handles = registerAgl({ ...OPTIONS, isolated: true });
    expect(handles?.logsRegistered).toBe(false);
    expect(logs.getLoggerProvider()).not.toBe(handles?.loggerProvider);
    await handles?.shutdown();
  });

  it('keeps a logger provider the app registered first', async () => {
    const theirs = new LoggerProvider();
    logs.setGlobalLoggerProvider(theirs);
    const handles = registerAgl(OPTIONS);
    expect(handles?.logsRegistered).toBe(false);
    expect(logs.getLoggerProvider()).toBe(theirs);
    await handles?.shutdown();
  });
});
