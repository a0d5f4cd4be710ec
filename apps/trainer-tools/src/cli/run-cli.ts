import { type AglStore, connect, isAglError } from '@agl/client';
import { describeUnreachable } from '@agl/snapshot';
import { UsageError } from '../args/parse-values.ts';

/** The process surface a command uses, so tests can run it in-process. */
export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: { isTTY?: boolean; columns?: number; write(text: string): unknown };
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** Connects, or explains on stderr why not (and how to start AGL); null when unreachable. */
export async function connectOrExplain(
  command: string,
  endpoint: string,
  io: CliIo,
): Promise<AglStore | null> {
  try {
    return await connect(endpoint);
  } catch (error) {
    const why = describeUnreachable(endpoint, error);
    io.stderr.write(`${command}: ${why.reason}\n${why.hint}\n`);
    return null;
  }
}

/** Runs a command's main and turns usage errors into exit code 2, anything else into 1. */
export function runMain(command: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${command}: ${error.message}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      // Store failures are expected conditions: their message says it all. Anything else is a bug.
      const text = isAglError(error)
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
      process.stderr.write(`${command}: ${text}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

/**
 * Ctrl-C once: `onStop` (finish what is in flight, then report). Twice: quit at once. Returns a
 * function that removes the handler.
 */
export function onInterrupt(io: CliIo, onStop: () => void): () => void {
  let count = 0;
  const handler = () => {
    count += 1;
    if (count === 1) {
      io.stderr.write('\nstopping after the rollouts in progress (Ctrl-C again to quit now)\n');
      onStop();
    } else {
      process.exit(EXIT.interrupted);
    }
  };
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}
