#!/usr/bin/env node
// `pnpm agl:server`: runs a real AGL store from the project venv until Ctrl-C.
import { parseArgs } from 'node:util';
import { AglStoreProcess } from '../agl-store-process.ts';
import { DEFAULT_AGL_VERSION, parseAglVersion, parseAnyAglVersion } from '../agl-versions.ts';
import { portProblem } from '../port-free.ts';
import { runAglServer1 } from './run-agl-server-1.ts';

const USAGE = `Usage: pnpm agl:server [--port 4747] [--agl-version 0.3|0.2|1.0] [--host 127.0.0.1] [--verbose]

Environment: AGL_PORT, AGL_VERSION, AGL_HOST (flags win); for 1.0 also AGL_KEY, AGL_GATEWAY_MODEL.`;

function fail(message: string): never {
  console.error(`agl:server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: {
  port?: string;
  'agl-version'?: string;
  host?: string;
  verbose?: boolean;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      'agl-version': { type: 'string' },
      host: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? process.env.AGL_PORT ?? '4747';
const port = Number(portText);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(`invalid port "${portText}": use a whole number from 1 to 65535`);
}
const requestedVersion = values['agl-version'] ?? process.env.AGL_VERSION ?? DEFAULT_AGL_VERSION;
try {
  if (parseAnyAglVersion(requestedVersion) === '1.0.2') {
    const host = values.host ?? process.env.AGL_HOST ?? '127.0.0.1';
    await runAglServer1({ port, host, verbose: values.verbose === true }); // runs until stopped
  }
} catch (error) {
  fail((error as Error).message);
}
let version = DEFAULT_AGL_VERSION;
try {
  version = parseAglVersion(
    values['agl-version'] ?? process.env.AGL_VERSION ?? DEFAULT_AGL_VERSION,
  );
} catch (error) {
  fail((error as Error).message);
}
const host = values.host ?? process.env.AGL_HOST ?? '127.0.0.1';

// AGL 0.2 always binds every interface.
const bindHost = version === '0.2.2' ? '0.0.0.0' : host;
const taken = await portProblem(port, bindHost);
if (taken !== null) {
  console.error(
    taken === 'EADDRINUSE'
      ? `agl:server: port ${port} is already in use on ${bindHost}. Stop the process that listens there, or pick another port with --port (or AGL_PORT).`
      : `agl:server: cannot listen on ${bindHost}:${port} (${taken}). Pick another --host or --port.`,
  );
  process.exit(1);
}

const store = new AglStoreProcess({
  version,
  port,
  host,
  startTimeoutMs: 120_000,
  ...(values.verbose ? { onOutput: (chunk: string) => process.stderr.write(chunk) } : {}),
});

console.log(`agl:server: starting agentlightning ${version} (agl store) on port ${port}…`);
try {
  await store.start();
} catch (error) {
  console.error(`agl:server: ${(error as Error).message}`);
  if (/already in use/.test((error as Error).message)) {
    console.error(`Another process listens on ${port}: stop it, or pick another port with --port.`);
  }
  process.exit(1);
}

const routes =
  version === '0.2.2' ? 'RPC routes at /' : 'REST /v1/agl, OTLP /v1/traces, dashboard /';
const bind = version === '0.2.2' ? '0.0.0.0 (AGL 0.2 cannot bind otherwise)' : host;
const pid = store.pid === undefined ? '' : `, pid ${store.pid}`;
console.log(
  `agl:server: healthy — AGL ${version} at http://127.0.0.1:${port} (${routes}; bound to ${bind}${pid})`,
);
console.log(
  'agl:server: Ctrl-C to stop. The store is in memory: stopping it forgets every rollout.',
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\nagl:server: ${signal} received, stopping…`);
  await store.stop();
  console.log('agl:server: stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

// Kept referenced: it is what keeps this wrapper alive, and what notices the store dying.
setInterval(() => {
  if (!store.running && !stopping) {
    console.error(
      `agl:server: the store exited unexpectedly; its rollouts are gone. Last log lines:\n${store.log.text()}`,
    );
    process.exit(1);
  }
}, 500);
