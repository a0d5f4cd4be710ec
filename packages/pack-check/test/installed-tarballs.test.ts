// The public libraries as a user gets them: packed like a release, installed with plain npm into
// an app outside the workspace (no pnpm, no `@agl/source` condition) beside the current
// OpenTelemetry SDK and Mastra from the npm registry, then one Mastra agent run into a real store,
// scored by a script that uses the installed @agl/rewards.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect, findReward } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { DEFAULT_AGL_VERSION, eventually, findRepoRoot } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PackedPackage, packPackages } from '../src/pack.ts';
import { publicPackages } from '../src/public-packages.ts';

const run = promisify(execFile);

// What a user adds next to our packages, at whatever the registry serves today.
const USER_DEPENDENCIES = [
  '@opentelemetry/api',
  '@opentelemetry/sdk-trace-node',
  '@mastra/core',
  '@mastra/observability',
  '@mastra/otel-bridge',
  '@mastra/otel-exporter',
  '@ai-sdk/openai',
  'zod',
];

/** The environment of a user's shell: nothing pnpm or vitest put there for this workspace. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && lower !== 'npm_config_registry') continue;
    if (lower.startsWith('pnpm') || key === 'NODE_OPTIONS' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

// npm retries a registry it cannot reach for many minutes; stop well before the hook timeout
// and say where to look (a proxy or TLS setting that did not reach this process).
const NPM_TIMEOUT_MS = 240_000;

async function npm(args: string[], cwd: string) {
  try {
    return await run('npm', args, {
      cwd,
      env: userEnv(),
      maxBuffer: 64 * 1024 * 1024,
      timeout: NPM_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
  } catch (error) {
    const {
      stdout = '',
      stderr = '',
      killed,
    } = error as {
      stdout?: string;
      stderr?: string;
      killed?: boolean;
    };
    const reason = killed
      ? `did not finish in ${NPM_TIMEOUT_MS / 1000} s: is the npm registry reachable from this process (NODE_EXTRA_CA_CERTS, HTTPS_PROXY)?`
      : 'failed';
    throw new Error(`npm ${args.join(' ')} ${reason}\n${stdout}${stderr}`);
  }
}

function runApp(appDir: string, script: string, env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: appDir,
    env: userEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the packed public libraries installed with plain npm outside the workspace', () => {
  const server = useAglStore(DEFAULT_AGL_VERSION);
  let scratch: string;
  let appDir: string;
  let packed: PackedPackage[];
  let model: OfflineModel;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'agl-installed-'));
    const tarballs = join(scratch, 'tarballs');
    appDir = join(scratch, 'app');
    mkdirSync(tarballs);
    mkdirSync(appDir);
    packed = await packPackages(publicPackages(findRepoRoot()), tarballs);
    writeFileSync(
      join(appDir, 'package.json'),
      `${JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }, null, 2)}\n`,
    );
    for (const script of ['agent-run.mjs', 'score-run.mjs']) {
      copyFileSync(join(import.meta.dirname, 'scratch-app', script), join(appDir, script));
    }
    // As a user adds us to an existing app: the app's own packages first, then ours.
    const install = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
    await npm([...install, ...USER_DEPENDENCIES], appDir);
    await npm([...install, ...packed.map((pkg) => pkg.tarball)], appDir);
    model = await startOfflineModel({ port: 0 });
  }, 600_000);

  afterAll(async () => {
    await model?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('packs all six libraries', () => {
    expect(packed.map((pkg) => pkg.name)).toEqual([
      '@agl/client',
      '@agl/converter',
      '@agl/exporter',
      '@agl/instrumentation',
      '@agl/rewards',
      '@agl/worker',
    ]);
  });

  it('leaves exactly one copy of @opentelemetry/api in the app', async () => {
    const { stdout } = await npm(['ls', '@opentelemetry/api', '--all', '--parseable'], appDir);
    const copies = new Set(stdout.split('\n').filter((line) => line.trim() !== ''));
    expect([...copies]).toEqual([join(appDir, 'node_modules', '@opentelemetry', 'api')]);
  });

  it('sends one Mastra agent run to the AGL store as a succeeded rollout, then scores it', async () => {
    const result = await runApp(appDir, 'agent-run.mjs', {
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: server.url,
      MODEL_BASE_URL: model.url,
      OTEL_SERVICE_NAME: 'scratch-app',
    });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const { traceId } = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
      traceId: string;
    };
    const store = await connect(server.url);
    try {
      const rollout = await eventually(async () => {
        const found = (await store.queryRollouts()).items.find(
          (candidate) => candidate.metadata?.trace_id === traceId,
        );
        expect(found?.status).toBe('succeeded');
        return found;
      });
      expect(rollout?.metadata).toMatchObject({
        agent_name: 'reviewer',
        service_name: 'scratch-app',
      });
      const rolloutId = rollout?.rollout_id as string;
      const spans = await store.querySpans(rolloutId);
      expect(spans.length).toBeGreaterThan(3);

      const scored = await runApp(appDir, 'score-run.mjs', { AGL_ENDPOINT: server.url }, [
        rolloutId,
      ]);
      expect(scored.stderr).toBe('');
      expect(scored.code).toBe(0);
      expect(JSON.parse(scored.stdout.trim())).toEqual({ reward: 1 });
      expect(findReward(await store.querySpans(rolloutId))).toBe(1);
    } finally {
      await store.close();
    }
  });
});
