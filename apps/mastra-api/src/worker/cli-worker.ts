// `pnpm agl:worker`: runs Post Analyzer rollouts that AGL queues (see WORKER.md).
import { detectAgl, isAglError } from '@agl/client';
import { ConfigError } from '@agl/post-analyzer';
import { stopOnSignals } from '@agl/worker';
import { UsageError } from './cli-args.ts';
import { formatServerWorkerEvent, formatWorkerEvent } from './format-worker-event.ts';
import { startPostServerWorkers } from './start-post-server-workers.ts';
import { startPostWorkers } from './start-post-workers.ts';
import { parseWorkerArgs, WORKER_USAGE } from './worker-args.ts';

// A stray rejection inside a library is logged; one failed run never takes the worker down.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled promise rejection:', reason);
});

async function main(): Promise<number> {
  let args: ReturnType<typeof parseWorkerArgs>;
  try {
    args = parseWorkerArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`agl:worker: ${error.message}\n\n${WORKER_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(WORKER_USAGE);
    return 0;
  }
  const detected = await detectAgl(args.endpoint).catch(() => null);
  if (detected?.version === '1.0') return runOnServer(args);
  let running: Awaited<ReturnType<typeof startPostWorkers>>;
  try {
    running = await startPostWorkers({
      ...args,
      onEvent: (event) => {
        const line = formatWorkerEvent(event);
        if (event.type === 'warning') console.warn(line);
        else console.log(line);
      },
    });
  } catch (error) {
    if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else if (isAglError(error))
      console.error(`agl:worker: cannot use the AGL store at ${args.endpoint}: ${error.message}`);
    else throw error;
    return 1;
  }
  return waitForWorkers(running);
}

/** AGL 1.x: claim queued rollouts and run them through AGL's model gateway. */
async function runOnServer(args: ReturnType<typeof parseWorkerArgs>): Promise<number> {
  let running: Awaited<ReturnType<typeof startPostServerWorkers>>;
  try {
    running = await startPostServerWorkers({
      ...args,
      key: process.env.AGL_KEY || undefined,
      onEvent: (event) => {
        const line = formatServerWorkerEvent(event);
        if (event.type === 'warning') console.warn(line);
        else console.log(line);
      },
    });
  } catch (error) {
    if (!isAglError(error)) throw error;
    console.error(
      `agl:worker: cannot use the AGL 1.0 server at ${args.endpoint}: ${error.message}`,
    );
    return 1;
  }
  console.log(
    `Worker connected to AGL 1.0 at ${args.endpoint}: model calls go through its gateway (the model registered there).`,
  );
  return waitForWorkers(running);
}

/** Drains on the first SIGINT/SIGTERM (exits on the second), then prints the totals. */
async function waitForWorkers(running: {
  stop: () => Promise<void>;
  done: Promise<{ succeeded: number; failed: number }[]>;
}): Promise<number> {
  const uninstall = stopOnSignals(running.stop, {
    onSignal: (signal, second) =>
      console.log(
        second
          ? `${signal} again: exiting now`
          : `${signal} received: draining (send again to exit now)`,
      ),
  });
  const stats = await running.done;
  uninstall();
  const succeeded = stats.reduce((sum, s) => sum + s.succeeded, 0);
  const failed = stats.reduce((sum, s) => sum + s.failed, 0);
  console.log(`Worker done: ${succeeded} succeeded, ${failed} failed.`);
  return 0;
}

process.exit(await main());
