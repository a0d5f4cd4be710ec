#!/usr/bin/env node
// `agl-monitor`: a live terminal dashboard of an Agent Lightning store.
import { AglServerClient, connect, detectAgl } from '@agl/client';
import { DASHBOARD_CONNECT_OPTIONS, DASHBOARD_TIMEOUT_MS } from '@agl/snapshot';
import { parseMonitorArgs, USAGE, UsageError } from './args.ts';
import { runLive } from './run-live.ts';
import { runOnce } from './run-once.ts';
import { runOnceServer1 } from './run-once-server-1.ts';
import { KEY_BINDINGS } from './views/help.ts';

function helpText(): string {
  const width = Math.max(...KEY_BINDINGS.map(([keys]) => keys.length)) + 2;
  const keys = KEY_BINDINGS.map(([key, action]) => `  ${key.padEnd(width)}${action}`).join('\n');
  return `${USAGE}\nKeys:\n${keys}\n`;
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseMonitorArgs>;
  try {
    parsed = parseMonitorArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`agl-monitor: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(helpText());
    return 0;
  }
  const { options } = parsed;
  const connectStore = (endpoint: string) =>
    connect(endpoint, {
      ...DASHBOARD_CONNECT_OPTIONS,
      ...(options.dialect ? { dialect: options.dialect } : {}),
    });
  const server1 = await server1Client(options.endpoint, options.dialect);
  if (options.once || !process.stdout.isTTY) {
    return server1
      ? runOnceServer1(options, server1, process)
      : runOnce(options, connectStore, process);
  }
  return runLive(options, connectStore, process, server1);
}

/** A client when the endpoint is an AGL 1.0 agl-server (key from AGL_KEY); null otherwise. */
async function server1Client(
  endpoint: string,
  dialect: string | null,
): Promise<AglServerClient | null> {
  if (dialect !== null) return null;
  const detected = await detectAgl(endpoint, { probeTimeoutMs: 3_000 }).catch(() => null);
  if (detected?.version !== '1.0') return null;
  const key = process.env.AGL_KEY || undefined;
  return new AglServerClient(endpoint, {
    ...(key ? { key } : {}),
    timeoutMs: DASHBOARD_TIMEOUT_MS,
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `agl-monitor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
