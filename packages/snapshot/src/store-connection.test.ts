import type { AglStore } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { StoreConnection } from './store-connection.ts';
import { FakeAglStore } from './testing/fake-store.ts';

describe('StoreConnection', () => {
  it('connects once and shares the store', async () => {
    let connects = 0;
    const connection = new StoreConnection('http://a:b@127.0.0.1:1', async () => {
      connects += 1;
      return new FakeAglStore();
    });
    const [first, second] = await Promise.all([connection.get(), connection.get()]);
    expect(first).toBe(second);
    expect(connects).toBe(1);
    expect(connection.displayEndpoint).toBe('http://127.0.0.1:1');
  });

  it('tries again after a failed connect', async () => {
    let attempt = 0;
    const connection = new StoreConnection('http://127.0.0.1:1', async () => {
      attempt += 1;
      if (attempt === 1) throw Object.assign(new Error('refused'), { kind: 'unavailable' });
      return new FakeAglStore();
    });
    await expect(connection.get()).rejects.toThrow('refused');
    await expect(connection.get()).resolves.toBeInstanceOf(FakeAglStore);
  });

  it('reconnects after a store failure but not after a record error', async () => {
    const stores: FakeAglStore[] = [];
    const connection = new StoreConnection('http://127.0.0.1:1', async (): Promise<AglStore> => {
      const store = new FakeAglStore();
      stores.push(store);
      return store;
    });
    const first = await connection.get();
    connection.failed(Object.assign(new Error('no such rollout'), { kind: 'not_found' }));
    expect(await connection.get()).toBe(first);
    connection.failed(Object.assign(new Error('down'), { kind: 'unavailable' }));
    expect(await connection.get()).not.toBe(first);
    expect(stores[0]?.count('close')).toBe(1);
  });
});
