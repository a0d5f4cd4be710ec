import { createServer } from 'node:net';
import { type AglStore, connect } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { freePort, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstJson, runScript } from './support/run-script.ts';

async function rolloutOfTrace(store: AglStore, traceId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await store.queryRollouts()).items.find((r) => r.metadata?.trace_id === traceId);
    if (found?.status === 'succeeded' || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let model: OfflineModel;
beforeAll(async () => {
  model = await startOfflineModel({ port: 0 });
});
afterAll(async () => {
  await model.close();
});

describe('with AGL_ENABLED unset', () => {
  it('leaves the app untouched: no provider, no connection to AGL', async () => {
    let connections = 0;
    const listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
    const address = listener.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const result = await runScript('test/scripts/report-state.ts', {
      AGL_ENDPOINT: `http://127.0.0.1:${port}`,
    });
    listener.close();
    expect(result.code).toBe(0);
    expect(firstJson(result.stdout)).toEqual({ handles: false, provider: 'NoopTracerProvider' });
    expect(connections).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('with invalid settings', () => {
  it('names each bad variable, disables export and lets the app run', async () => {
    const result = await runScript('test/scripts/report-state.ts', {
      AGL_ENABLED: 'true',
      AGL_DIALECT: '1.0',
      AGL_MAX_QUEUE_SPANS: 'lots',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('AGL_DIALECT="1.0" is not accepted: use one of auto, 0.2, 0.3');
    expect(result.stderr).toContain(
      'AGL_MAX_QUEUE_SPANS="lots" must be a whole number greater than 0',
    );
    expect(firstJson(result.stdout)).toEqual({ handles: false, provider: 'NoopTracerProvider' });
  });
});

describe('with no store answering', () => {
  it('warns once how to start one and keeps the app running', async () => {
    const port = await freePort();
    const result = await runScript('test/scripts/report-state.ts', {
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: `http://127.0.0.1:${port}`,
      AGL_SHUTDOWN_TIMEOUT_MS: '500',
      AGL_FLUSH_TIMEOUT_MS: '500',
    });
    expect(result.code).toBe(0);
    expect(firstJson(result.stdout)).toEqual({ handles: true, provider: 'NodeTracerProvider' });
    expect(result.stderr.match(/No Agent Lightning store answers/g)).toHaveLength(1);
    expect(result.stderr).toContain('pnpm agl:server');
  });
});

describe.each(SUPPORTED_AGL_VERSIONS)('@agl/instrumentation against AGL %s', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  beforeAll(async () => {
    store = await connect(server.url);
  });
  afterAll(async () => {
    await store.close();
  });

  function env(extra: Record<string, string> = {}) {
    return {
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: server.url,
      AGL_LLM_BASE_URL: model.url,
      OTEL_SERVICE_NAME: 'example',
      ...extra,
    };
  }

  it('flushes a short-lived script on exit (standalone example)', async () => {
    const result = await runScript('examples/standalone-script.ts', env(), {
      args: ['summarize me please'],
    });
    expect(result.code).toBe(0);
    const { traceId } = firstJson<{ traceId: string }>(result.stdout);
    const rollout = await rolloutOfTrace(store, traceId);
    expect(rollout?.status).toBe('succeeded');
    expect(rollout?.metadata).toMatchObject({ agent_name: 'summarizer', service_name: 'example' });
    expect((await store.querySpans(rollout?.rollout_id as string)).length).toBeGreaterThan(3);
  });

  it('runs the Next.js instrumentation hook example', async () => {
    const result = await runScript(
      'test/scripts/run-nextjs-hook.ts',
      env({ NEXT_RUNTIME: 'nodejs' }),
    );
    expect(result.code).toBe(0);
    const rollout = await rolloutOfTrace(
      store,
      firstJson<{ traceId: string }>(result.stdout).traceId,
    );
    expect(rollout?.metadata?.agent_name).toBe('greeter');
  });

  it('runs the Mastra dev server entry example', async () => {
    const result = await runScript('test/scripts/run-mastra-dev-entry.ts', env());
    expect(result.code).toBe(0);
    const rollout = await rolloutOfTrace(
      store,
      firstJson<{ traceId: string }>(result.stdout).traceId,
    );
    expect(rollout?.status).toBe('succeeded');
  });

  it('flushes on SIGTERM and exits as the signal would have', async () => {
    const result = await runScript('test/scripts/spans-then-wait.ts', env(), {
      whenOutput: (_stdout, child) => setTimeout(() => child.kill('SIGTERM'), 100),
    });
    expect(result.signal).toBe('SIGTERM');
    const rollout = await rolloutOfTrace(
      store,
      firstJson<{ traceId: string }>(result.stdout).traceId,
    );
    expect(rollout?.status).toBe('succeeded');
  });

  it("flushes on SIGTERM without taking over the app's own handler", async () => {
    const result = await runScript(
      'test/scripts/spans-then-wait.ts',
      env({ APP_HANDLES_SIGTERM: '1' }),
      {
        whenOutput: (_stdout, child) => setTimeout(() => child.kill('SIGTERM'), 100),
      },
    );
    expect(result.stdout).toContain('app handler ran');
    expect(result.code).toBe(0);
    const rollout = await rolloutOfTrace(
      store,
      firstJson<{ traceId: string }>(result.stdout).traceId,
    );
    expect(rollout?.status).toBe('succeeded');
  });

  it.each([
    ['lambda', 'lambda-user'],
    ['route', 'route-user'],
  ])(
    'stores the run of a %s handler that returns right after flushRun and exits',
    async (which, userId) => {
      const result = await runScript(
        'test/scripts/invoke-serverless.ts',
        env({ AGL_EXPORT_MODE: 'immediate', NEXT_RUNTIME: 'nodejs', AGL_STARTUP_CHECK: 'off' }),
        { args: [which] },
      );
      expect(result.code).toBe(0);
      const output = firstJson<{
        traceId: string;
        stored: { done: boolean; rolloutIds: string[] };
      }>(result.stdout);
      expect(output.stored.done).toBe(true);
      // The process is gone; what flushRun promised is in the store already, no waiting.
      const rollout = (await store.queryRollouts()).items.find(
        (candidate) => candidate.metadata?.trace_id === output.traceId,
      );
      expect(rollout?.status).toBe('succeeded');
      expect(rollout?.rollout_id).toBe(output.stored.rolloutIds[0]);
      expect(rollout?.metadata).toMatchObject({ agent_name: 'greeter', user_id: userId });
      const spans = await store.querySpans(rollout?.rollout_id as string);
      expect(spans.some((span) => span.name.startsWith('invoke_agent greeter'))).toBe(true);
      expect(spans.some((span) => span.name.startsWith('chat '))).toBe(true);
    },
  );

  it('coexists with a provider the app registered first', async () => {
    const result = await runScript('test/scripts/existing-provider.ts', env());
    expect(result.code).toBe(0);
    const report = firstJson<{
      isolated: boolean;
      appSpans: number;
      isolatedTrace: string;
      sharedTrace: string;
    }>(result.stdout);
    expect(report.isolated).toBe(true);
    // The app's own exporter still sees its spans…
    expect(report.appSpans).toBeGreaterThan(0);
    // …Mastra's spans reach AGL through our isolated provider…
    expect((await rolloutOfTrace(store, report.isolatedTrace))?.status).toBe('succeeded');
    // …and an app that adds our processor to its own provider exports through it.
    expect((await rolloutOfTrace(store, report.sharedTrace))?.status).toBe('succeeded');
  });
});
