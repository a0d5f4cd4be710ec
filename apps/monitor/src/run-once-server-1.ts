import type { AglServerClient } from '@agl/client';
import { collectServer1Dashboard, describeUnreachable } from '@agl/snapshot';
import type { MonitorOptions } from './args.ts';
import { snapshotText } from './once.ts';
import type { OnceIo } from './run-once.ts';
import { START_HINT } from './server-1-feed.ts';

const PIPE_WIDTH = 120;

/**
 * `--once` against an AGL 1.0 agl-server: one snapshot table (every rollout's events read, so the
 * rewards count is whole); 1 with the reason and a hint on stderr when it cannot be read.
 */
export async function runOnceServer1(
  options: Pick<MonitorOptions, 'recent'>,
  client: AglServerClient,
  io: OnceIo,
): Promise<number> {
  try {
    const snapshot = await collectServer1Dashboard(client, {
      recent: options.recent,
      maxEventFetches: Number.POSITIVE_INFINITY,
    });
    io.stdout.write(
      snapshotText(snapshot, { width: io.stdout.columns || PIPE_WIDTH, now: Date.now() }),
    );
    io.stdout.write(
      'AGL 1.0 keeps no spans: tokens and rewards come from its gateway and reward events.\n',
    );
    return 0;
  } catch (error) {
    const unreachable = describeUnreachable(client.baseUrl, error, { hint: START_HINT });
    io.stderr.write(`${unreachable.reason}\n${unreachable.hint}\n`);
    return 1;
  }
}
