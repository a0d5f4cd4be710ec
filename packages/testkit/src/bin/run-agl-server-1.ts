// `pnpm agl:server --agl-version 1.0`: runs a real AGL 1.x agl-server until Ctrl-C.
import { AglServerProcess } from '../agl-server-process.ts';

export interface RunAglServerOptions {
  port: number;
  host: string;
  verbose: boolean;
}

/** Never resolves: the process ends on a signal or when the server dies. */
export async function runAglServer1(options: RunAglServerOptions): Promise<never> {
  const key = process.env.AGL_KEY;
  const server = new AglServerProcess({
    port: options.port,
    host: options.host,
    ...(key ? { key } : {}),
    ...(process.env.AGL_GATEWAY_MODEL ? { gatewayModel: process.env.AGL_GATEWAY_MODEL } : {}),
    startTimeoutMs: 120_000,
    ...(options.verbose ? { onOutput: (chunk: string) => process.stderr.write(chunk) } : {}),
  });
  console.log(
    `agl:server: starting agentlightning ${server.version} (agl-server) on port ${options.port}…`,
  );
  try {
    await server.start();
  } catch (error) {
    console.error(`agl:server: ${(error as Error).message}`);
    if (/already in use/.test((error as Error).message)) {
      console.error(
        `Another process listens on ${options.port}: stop it, or pick another port with --port.`,
      );
    }
    process.exit(1);
  }
  console.log(
    `agl:server: healthy — AGL ${server.version} at http://127.0.0.1:${options.port} ` +
      `(REST /api, gateway /proxy/rollout/…/openai/v1, model "${server.gatewayModel}"; bound to ${options.host}; ` +
      `${key ? 'AGL_KEY required' : 'no key'})`,
  );
  console.log(
    'agl:server: AGL 1.0 keeps no spans: use the worker pattern (pnpm agl:worker) or the harness.',
  );
  console.log(
    'agl:server: Ctrl-C to stop. The server is in memory: stopping it forgets every rollout.',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nagl:server: ${signal} received, stopping…`);
    await server.stop();
    console.log('agl:server: stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Referenced on purpose: it keeps this process alive for as long as the server runs.
  setInterval(() => {
    if (!server.running && !stopping) {
      console.error(`agl:server: agl-server exited unexpectedly.\n${server.log.text()}`);
      process.exit(1);
    }
  }, 1_000);
  return new Promise<never>(() => {});
}
