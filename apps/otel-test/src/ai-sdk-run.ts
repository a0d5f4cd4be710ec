import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type AglStore, FINISHED_ROLLOUT_STATUSES, type Rollout } from '@agl/client';
import { startOfflineModel } from '@agl/offline-model';
import { AI_SDK_APP } from './ai-sdk-app-spec.ts';
import { type Check, checkRollout } from './check-rollout.ts';

const APP_SCRIPT = fileURLToPath(new URL('./ai-sdk-app.ts', import.meta.url));
const APP_TIMEOUT_MS = 60_000;
const ROLLOUT_TIMEOUT_MS = 15_000;
/** Rollout metadata key (set through AGL_ROLLOUT_METADATA) that finds this run in a shared store. */
const RUN_KEY = 'otel_test_run';

export interface AiSdkRunResult {
  rolloutId: string | null;
  checks: Check[];
}

/** Runs the app as its own process, as a user would start it; rejects when it fails. */
async function runApp(
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<void> {
  const child = spawn(process.execPath, ['--conditions=@agl/source', APP_SCRIPT], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  app │ ${line}`);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), APP_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new Error(`the AI SDK app exited with code ${code} (limit ${APP_TIMEOUT_MS} ms)`);
  }
}

/** The finished rollout whose metadata carries `runId`, or null when none shows up in time. */
async function findRollout(store: AglStore, runId: string): Promise<Rollout | null> {
  const deadline = Date.now() + ROLLOUT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const items = (await store.queryRollouts({ sortBy: 'start_time', sortOrder: 'desc' })).items;
    const found = items.find((rollout) => rollout.metadata?.[RUN_KEY] === runId);
    if (found && (FINISHED_ROLLOUT_STATUSES as readonly string[]).includes(found.status)) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/**
 * The non-Mastra run of `agl:otel-test`: `ai-sdk-app.ts` against the offline model, exported to
 * the store at `endpoint` with the default wiring, then checked in the store like a Mastra run.
 */
export async function runAiSdkApp(options: {
  store: AglStore;
  endpoint: string;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
}): Promise<AiSdkRunResult> {
  const { store, endpoint, env, log } = options;
  const model = await startOfflineModel();
  try {
    log(`AI SDK app: generateText with tools against ${model.banner}`);
    const runId = randomUUID();
    await runApp(
      {
        ...env,
        AGL_ENABLED: 'true',
        AGL_ENDPOINT: endpoint,
        AGL_ROLLOUT_METADATA: JSON.stringify({ [RUN_KEY]: runId }),
        OPENAI_BASE_URL: model.url,
        OPENAI_API_KEY: 'offline',
      },
      log,
    );
    const rollout = await findRollout(store, runId);
    if (!rollout) {
      return {
        rolloutId: null,
        checks: [
          {
            name: 'rollout stored',
            ok: false,
            detail: `no finished rollout with metadata.${RUN_KEY} ${runId} within ${ROLLOUT_TIMEOUT_MS} ms`,
          },
        ],
      };
    }
    const evidence = {
      rollout,
      attempts: await store.queryAttempts(rollout.rollout_id),
      spans: await store.querySpans(rollout.rollout_id),
    };
    const checks = checkRollout(evidence, {
      rootName: AI_SDK_APP.rootName,
      tools: [...AI_SDK_APP.tools],
      input: AI_SDK_APP.question,
    });
    return { rolloutId: rollout.rollout_id, checks };
  } finally {
    await model.close();
  }
}
