import { freePort, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { runOtelTest } from '../src/run-otel-test.ts';

describe.each(SUPPORTED_AGL_VERSIONS)('agl:otel-test against AGL %s', (version) => {
  const store = useAglStore(version);

  it('runs the Post Analyzer through the API and an AI SDK app, and finds complete rollouts', async () => {
    const lines: string[] = [];
    const env: Record<string, string | undefined> = { ...process.env, AGL_ENDPOINT: store.url };
    delete env.AGL_LLM_API_KEY;
    delete env.OPENAI_API_KEY;
    const code = await runOtelTest({
      env,
      log: (line) => lines.push(line),
      postIds: ['post-002', 'post-015'],
    });
    const output = lines.join('\n');
    expect(output).toContain(`using the one at ${store.url} (AGL ${version.slice(0, 3)})`);
    expect(output).toContain('OFFLINE deterministic model');
    expect(output).not.toContain('✗');
    expect(output).toMatch(/AI SDK generateText → rollout \S+\n {2}✓ rollout succeeded/);
    expect(output).toContain('agl:otel-test: passed (2 Mastra runs, 1 AI SDK run)');
    expect(code).toBe(0);
  }, 120_000);
});

describe('agl:otel-test without a running store', () => {
  it('starts the project store, says so, and stops it again', async () => {
    const lines: string[] = [];
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const code = await runOtelTest({
      env: { ...process.env, AGL_ENDPOINT: endpoint },
      log: (line) => lines.push(line),
      postIds: ['post-003'],
    });
    const output = lines.join('\n');
    expect(output).toContain(`none answers at ${endpoint}; starting the project's own`);
    expect(output).toContain('stopped the one this test started');
    expect(code).toBe(0);
  }, 180_000);
});
