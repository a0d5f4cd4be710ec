import type { AglStore } from '@agl/client';
import { collectSnapshot, describeUnreachable } from '@agl/snapshot';
import type { MonitorOptions } from './args.ts';
import { snapshotText } from './once.ts';

export interface OnceIo {
  stdout: { write(text: string): unknown; columns?: number };
  stderr: { write(text: string): unknown };
}

/** Line width when the output is not a terminal. */
const PIPE_WIDTH = 120;

/**
 * Prints one snapshot table and resolves with the exit code: 0, or 1 (with the reason and a hint
 * on stderr) when the store cannot be read.
 */
export async function runOnce(
  options: Pick<MonitorOptions, 'endpoint' | 'recent'>,
  connect: (endpoint: string) => Promise<AglStore>,
  io: OnceIo,
): Promise<number> {
  let store: AglStore | null = null;
  try {
    store = await connect(options.endpoint);
    // One snapshot: read every finished rollout so the rewards count is whole at any store size.
    const snapshot = await collectSnapshot(store, {
      recent: options.recent,
      maxSpanFetches: Number.POSITIVE_INFINITY,
    });
    io.stdout.write(
      snapshotText(snapshot, { width: io.stdout.columns || PIPE_WIDTH, now: Date.now() }),
    );
    return 0;
  } catch (error) {
    const unreachable = describeUnreachable(options.endpoint, error);
    io.stderr.write(`${unreachable.reason}\n${unreachable.hint}\n`);
    return 1;
  } finally {
    await store?.close().catch(() => undefined);
  }
}
