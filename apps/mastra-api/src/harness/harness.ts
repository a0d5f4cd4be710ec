// `pnpm agl:harness`: the entry point of a Post Analyzer container that AGL 1.0's controller
// launches for one rollout (a Kubernetes Job, or the local runner). It reads AGL_OPENAI_BASE_URL,
// AGL_EVENT_URL, AGL_KEY and AGL_TASK_INPUT, runs the agent once through AGL's gateway, posts the
// reward and exits: 0 when the run and its reward are stored (the controller marks the rollout
// succeeded), 1 when the run failed, 2 when the environment is wrong (both: failed).
import { describeError } from '../error-message.ts';
import { analyzeThroughGateway } from '../worker/post-analyzer-server-task.ts';
import { HarnessConfigError, readHarnessEnv } from './harness-env.ts';
import { postReward } from './post-reward.ts';

process.on('unhandledRejection', (reason) => {
  console.error('agl:harness: unhandled promise rejection:', reason);
});

async function main(): Promise<number> {
  let env: ReturnType<typeof readHarnessEnv>;
  try {
    env = readHarnessEnv(process.env);
  } catch (error) {
    if (!(error instanceof HarnessConfigError)) throw error;
    console.error(`agl:harness: ${error.message}`);
    return 2;
  }
  const controller = new AbortController();
  process.once('SIGTERM', () => controller.abort());
  let reward: number | null;
  try {
    reward = await analyzeThroughGateway({
      input: env.input,
      gatewayBaseUrl: env.openaiBaseUrl,
      apiKey: env.key || undefined,
      signal: controller.signal,
    });
  } catch (error) {
    console.error(`agl:harness: the run failed: ${describeError(error)}`);
    return 1;
  }
  if (typeof reward !== 'number') {
    console.log('agl:harness: run finished; the post has no labels, so no reward was posted.');
    return 0;
  }
  try {
    await postReward(env.eventUrl, env.key, reward);
  } catch (error) {
    console.error(`agl:harness: ${describeError(error)}`);
    return 1;
  }
  console.log(`agl:harness: run finished, reward ${reward} posted.`);
  return 0;
}

process.exit(await main());
