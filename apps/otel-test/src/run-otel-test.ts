import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type AglStore, connect, DEFAULT_ENDPOINT, FINISHED_ROLLOUT_STATUSES } from '@agl/client';
import type { AnalyzeResponse } from '@agl/mastra-api';
import { getDatasetPost } from '@agl/post-analyzer';
import { AglStoreProcess, freePort } from '@agl/testkit';
import { runAiSdkApp } from './ai-sdk-run.ts';
import { type Check, checkRollout } from './check-rollout.ts';

export interface OtelTestOptions {
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  /** Dataset posts to analyse. */
  postIds?: string[];
}

const DEFAULT_POSTS = ['post-001', 'post-011', 'post-029'];
const AGENT = 'postAnalyzer';
const TOOLS = ['extractHashtagsAndMentions', 'measureTextSignals', 'scoreEngagement'];
const SERVER_SCRIPT = fileURLToPath(import.meta.resolve('@agl/mastra-api/server'));

async function reachable(endpoint: string): Promise<AglStore | null> {
  try {
    return await connect(endpoint, { probeTimeoutMs: 2_000, retry: false, healthProbe: false });
  } catch {
    return null;
  }
}

/** An AGL store to test against: the one at AGL_ENDPOINT, or the project's own. */
async function ensureStore(
  endpoint: string,
  log: OtelTestOptions['log'],
): Promise<{ store: AglStore; endpoint: string; started: AglStoreProcess | null }> {
  const existing = await reachable(endpoint);
  if (existing) {
    log(`AGL store: using the one at ${endpoint} (AGL ${existing.dialect})`);
    return { store: existing, endpoint, started: null };
  }
  const url = new URL(endpoint);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const port = local && url.port ? Number(url.port) : await freePort();
  log(
    `AGL store: none answers at ${endpoint}; starting the project's own (agl store, port ${port})…`,
  );
  let started = new AglStoreProcess({ port });
  try {
    await started.start();
  } catch {
    started = new AglStoreProcess({ port: await freePort() });
    await started.start();
  }
  log(`AGL store: started AGL ${started.version} at ${started.url}`);
  return { store: await connect(started.url), endpoint: started.url, started };
}

async function startApi(
  endpoint: string,
  env: OtelTestOptions['env'],
  log: OtelTestOptions['log'],
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=@agl/source', SERVER_SCRIPT], {
    env: {
      ...env,
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: endpoint,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(`  api │ ${line}`);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the API server exited (code ${code}) before listening:\n${output}`)),
    );
    setTimeout(
      () => reject(new Error(`the API server did not listen within 60 s:\n${output}`)),
      60_000,
    ).unref();
  });
  return { url, child };
}

async function analyze(apiUrl: string, postId: string): Promise<AnalyzeResponse> {
  const entry = getDatasetPost(postId);
  const response = await fetch(`${apiUrl}/api/analyze`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...entry.post, postId, metadata: { source: 'agl:otel-test' } }),
  });
  const body = (await response.json()) as AnalyzeResponse & { error?: string };
  if (!response.ok)
    throw new Error(`POST /api/analyze ${postId} → ${response.status}: ${body.error}`);
  return body;
}

async function waitFinished(store: AglStore, rolloutId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rollout = await store.getRollout(rolloutId);
    if (rollout && (FINISHED_ROLLOUT_STATUSES as readonly string[]).includes(rollout.status))
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function render(postId: string, rolloutId: string | null, checks: Check[]): string[] {
  const lines = [`${postId} → rollout ${rolloutId ?? '(none)'}`];
  for (const c of checks) lines.push(`  ${c.ok ? '✓' : '✗'} ${c.name} — ${c.detail}`);
  return lines;
}

export async function runOtelTest(options: OtelTestOptions): Promise<number> {
  const { env, log } = options;
  const endpoint = env.AGL_ENDPOINT?.trim() || DEFAULT_ENDPOINT;
  const postIds = options.postIds ?? DEFAULT_POSTS;
  let failures = 0;
  const { store, endpoint: used, started } = await ensureStore(endpoint, log);
  let api: { url: string; child: ChildProcess } | undefined;
  try {
    api = await startApi(used, env, log);
    for (const postId of postIds) {
      const result = await analyze(api.url, postId);
      if (!result.rolloutId) {
        failures++;
        log(`${postId} → no rollout id in the API response`);
        continue;
      }
      await waitFinished(store, result.rolloutId, 15_000);
      const rollout = await store.getRollout(result.rolloutId);
      if (!rollout) {
        failures++;
        log(`${postId} → rollout ${result.rolloutId} not found in AGL`);
        continue;
      }
      const evidence = {
        rollout,
        attempts: await store.queryAttempts(rollout.rollout_id),
        spans: await store.querySpans(rollout.rollout_id),
      };
      const checks = checkRollout(evidence, {
        rootName: `invoke_agent ${AGENT}`,
        agentName: AGENT,
        tools: TOOLS,
        postId,
      });
      for (const line of render(postId, rollout.rollout_id, checks)) log(line);
      log(`  ${evidence.spans.length} spans`);
      failures += checks.filter((c) => !c.ok).length;
    }
    const aiSdk = await runAiSdkApp({ store, endpoint: used, env, log });
    for (const line of render('AI SDK generateText', aiSdk.rolloutId, aiSdk.checks)) log(line);
    failures += aiSdk.checks.filter((c) => !c.ok).length;
  } catch (error) {
    failures++;
    log(`agl:otel-test: ${(error as Error).message}`);
  } finally {
    if (api) {
      api.child.kill('SIGTERM');
      await once(api.child, 'exit');
    }
    await store.close();
    if (started) {
      await started.stop();
      log('AGL store: stopped the one this test started');
    }
  }
  log(
    failures === 0
      ? `agl:otel-test: passed (${postIds.length} Mastra runs, 1 AI SDK run)`
      : `agl:otel-test: FAILED (${failures} problems)`,
  );
  return failures === 0 ? 0 : 1;
}
