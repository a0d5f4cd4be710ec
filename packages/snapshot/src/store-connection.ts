import type { AglStore } from '@agl/client';
import { displayEndpoint } from './display-endpoint.ts';
import { isRecordError } from './store-errors.ts';

/**
 * A store that is connected on first use and reconnected after failures, so that an AGL server
 * that was down, or came back as another version, is picked up again.
 *
 *   const connection = new StoreConnection('http://127.0.0.1:4747', (url) => connect(url));
 */
export class StoreConnection {
  readonly endpoint: string;
  readonly #connect: (endpoint: string) => Promise<AglStore>;
  #store: Promise<AglStore> | null = null;

  constructor(endpoint: string, connect: (endpoint: string) => Promise<AglStore>) {
    this.endpoint = endpoint;
    this.#connect = connect;
  }

  /** The endpoint without credentials, for display. */
  get displayEndpoint(): string {
    return displayEndpoint(this.endpoint);
  }

  /** The connected store; connects when needed. A failed connect is retried on the next call. */
  get(): Promise<AglStore> {
    if (this.#store === null) {
      const pending = this.#connect(this.endpoint);
      this.#store = pending;
      pending.catch(() => {
        if (this.#store === pending) this.#store = null;
      });
    }
    return this.#store;
  }

  /** Call with an error a store call threw: reconnects next time unless it concerned one record. */
  failed(error: unknown): void {
    if (isRecordError(error)) return;
    void this.reset();
  }

  /** Drops (and closes) the current store; the next `get` connects again. */
  async reset(): Promise<void> {
    const current = this.#store;
    this.#store = null;
    if (current === null) return;
    try {
      await (await current).close();
    } catch {
      // It failed to connect or is already closed: nothing to release.
    }
  }
}
