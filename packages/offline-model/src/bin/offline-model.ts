#!/usr/bin/env node
// Runs the deterministic offline model (an OpenAI-compatible server on loopback) until Ctrl-C.
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL, startOfflineModel } from '../start-offline-model.ts';

const USAGE = `Usage: offline-model [--port 0] [--host 127.0.0.1] [--model ${DEFAULT_MODEL}] [--verbose]

Serves GET /v1/models, POST /v1/chat/completions and POST /v1/responses, deterministically.
--port 0 (the default) picks a free port. Environment: OFFLINE_MODEL_PORT, OFFLINE_MODEL_HOST
(flags win). --verbose prints one line per request.`;

function fail(message: string): never {
  console.error(`offline-model: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { port?: string; host?: string; model?: string; verbose?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      model: { type: 'string' },
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

const portText = values.port ?? (process.env.OFFLINE_MODEL_PORT || '0');
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65_535) {
  fail(`invalid port "${portText}": use a whole number from 0 (any free port) to 65535`);
}
if (values.model !== undefined && values.model.trim() === '') fail('--model must not be empty');

let server: Awaited<ReturnType<typeof startOfflineModel>>;
try {
  server = await startOfflineModel({
    port,
    host: values.host ?? (process.env.OFFLINE_MODEL_HOST || '127.0.0.1'),
    ...(values.model !== undefined ? { model: values.model } : {}),
    ...(values.verbose
      ? {
          onRequest: (entry) =>
            console.log(
              `offline-model: ${entry.method} ${entry.path} → ${entry.status}${entry.stream ? ' (stream)' : ''}`,
            ),
        }
      : {}),
  });
} catch (error) {
  console.error(`offline-model: ${(error as Error).message}`);
  process.exit(1);
}

console.log(server.banner);
console.log(
  `offline-model: use OPENAI_BASE_URL=${server.url} OPENAI_API_KEY=offline. Ctrl-C to stop.`,
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(
    `\noffline-model: ${signal} received, stopping after ${server.requests.count} requests.`,
  );
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
