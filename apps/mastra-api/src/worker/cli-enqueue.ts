// `pnpm agl:enqueue`: puts the Post Analyzer dataset into AGL as queued rollouts (see WORKER.md).
import { connect, detectAgl, isAglError } from '@agl/client';
import { UsageError } from './cli-args.ts';
import { ENQUEUE_USAGE, parseEnqueueArgs } from './enqueue-args.ts';
import { enqueueOnServer } from './enqueue-on-server.ts';
import { postRolloutRequests } from './post-rollout-requests.ts';
import { waitForSummary } from './rollout-summary.ts';

async function main(): Promise<number> {
  let args: ReturnType<typeof parseEnqueueArgs>;
  let requests: ReturnType<typeof postRolloutRequests>;
  try {
    args = parseEnqueueArgs(process.argv.slice(2));
    if (args.help) {
      console.log(ENQUEUE_USAGE);
      return 0;
    }
    try {
      requests = postRolloutRequests(args);
    } catch (error) {
      throw new UsageError(`--ids: ${(error as Error).message}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`agl:enqueue: ${error.message}\n\n${ENQUEUE_USAGE}`);
    return 2;
  }

  try {
    const detected = await detectAgl(args.endpoint).catch(() => null);
    if (detected?.version === '1.0') {
      return await enqueueOnServer(args, requests, process.env.AGL_KEY || undefined);
    }
    const store = await connect(args.endpoint);
    try {
      const rollouts = await store.enqueueRollouts(requests);
      console.log(
        `Enqueued ${rollouts.length} ${args.mode} rollouts into AGL ${store.dialect} at ${store.baseUrl}:`,
      );
      for (const rollout of rollouts) {
        const postId = (rollout.metadata as { post_id?: string } | null)?.post_id ?? '?';
        console.log(`  ${rollout.rollout_id}  ${postId}`);
      }
      if (!args.wait) return 0;
      console.log('Waiting for workers (pnpm agl:worker) to finish them…');
      const summary = await waitForSummary(
        store,
        rollouts.map((r) => r.rollout_id),
        args.waitTimeoutMs,
      );
      console.log(summary.text);
      return summary.unfinished === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!isAglError(error)) throw error;
    console.error(`agl:enqueue: cannot use the AGL store at ${args.endpoint}: ${error.message}`);
    return 1;
  }
}

process.exit(await main());
