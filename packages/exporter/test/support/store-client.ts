import { type AglStore, connect } from '@agl/client';
import type { AglStoreProcess } from '@agl/testkit';
import { afterAll, beforeAll } from 'vitest';

/** A client of the test's store for the whole file: `client.store` inside tests. */
export function useStoreClient(server: AglStoreProcess): { store: AglStore } {
  const client = {} as { store: AglStore };
  beforeAll(async () => {
    client.store = await connect(server.url);
  });
  afterAll(async () => {
    await client.store.close();
  });
  return client;
}
