import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type AglServerOptions, AglServerProcess } from './agl-server-process.ts';
import { type AglStoreOptions, AglStoreProcess } from './agl-store-process.ts';
import type { AglVersion } from './agl-versions.ts';

/**
 * Starts a real `agl store` for the current test file and stops it afterwards.
 * When a test fails, the tail of the server log is printed next to the failure.
 *
 *   const store = useAglStore('0.3.0');
 *   it('...', async () => { await fetch(store.url + '/v1/agl/health') });
 */
export function useAglStore(
  version: AglVersion,
  options: Omit<AglStoreOptions, 'version'> = {},
): AglStoreProcess {
  const store = new AglStoreProcess({ ...options, version });
  beforeAll(async () => {
    await store.start();
  });
  afterAll(async () => {
    await store.stop();
  });
  beforeEach((context) => {
    context.onTestFailed(() => {
      console.error(`--- agl store ${store.version} log (last lines) ---\n${store.log.text()}`);
    });
  });
  return store;
}

/** Starts a real AGL 1.x `agl-server` for the current test file and stops it afterwards. */
export function useAglServer(options: AglServerOptions = {}): AglServerProcess {
  const server = new AglServerProcess(options);
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach((context) => {
    context.onTestFailed(() => {
      console.error(`--- agl-server ${server.version} log (last lines) ---\n${server.log.text()}`);
    });
  });
  return server;
}
