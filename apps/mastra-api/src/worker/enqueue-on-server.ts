import { AglServerClient, type RolloutCreate1 } from '@agl/client';
import type { EnqueueArgs } from './enqueue-args.ts';
import type { postRolloutRequests } from './post-rollout-requests.ts';

/** AGL 1.0 rollouts for the same selection `agl:enqueue` puts into a 0.x store. */
export function serverRolloutRequests(
  requests: ReturnType<typeof postRolloutRequests>,
): RolloutCreate1[] {
  return requests.map((request) => ({
    input: request.input,
    is_train: request.mode !== 'val' && request.mode !== 'test',
    metadata: { ...(request.metadata ?? {}), mode: request.mode ?? 'train' },
  }));
}

/** `agl:enqueue` against an AGL 1.x agl-server; returns the exit code. */
export async function enqueueOnServer(
  args: EnqueueArgs,
  requests: ReturnType<typeof postRolloutRequests>,
  key: string | undefined,
  log: (line: string) => void = console.log,
): Promise<number> {
  if (args.config !== undefined || args.resourcesId !== undefined) {
    console.error(
      'agl:enqueue: --config and --resources-id are AGL 0.x settings; an AGL 1.0 server has no retries or resources. Leave them out.',
    );
    return 2;
  }
  const client = new AglServerClient(args.endpoint, key ? { key } : {});
  const rollouts = await client.createRollouts(serverRolloutRequests(requests));
  log(`Enqueued ${rollouts.length} ${args.mode} rollouts into AGL 1.0 at ${client.baseUrl}:`);
  for (const rollout of rollouts) {
    log(`  ${rollout.rollout_id}  ${String(rollout.metadata?.post_id ?? '?')}`);
  }
  if (!args.wait) return 0;
  log('Waiting for workers (pnpm agl:worker) to finish them…');
  const deadline = Date.now() + args.waitTimeoutMs;
  const states = new Map<string, string>();
  while (Date.now() < deadline) {
    for (const rollout of rollouts) {
      const state =
        (await client.getRollout(rollout.rollout_id))?.rollout.status.state ?? 'deleted';
      states.set(rollout.rollout_id, state);
    }
    if ([...states.values()].every((state) => state !== 'queuing' && state !== 'running')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const counts = new Map<string, number>();
  for (const state of states.values()) counts.set(state, (counts.get(state) ?? 0) + 1);
  log(`Rollouts: ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ')}`);
  const unfinished = [...states.values()].filter(
    (state) => state === 'queuing' || state === 'running',
  ).length;
  return unfinished === 0 ? 0 : 1;
}
