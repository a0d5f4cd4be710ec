import { type AglStore, connect, isAglError } from '@agl/client';
import type { ResolvedOptions } from './options.ts';
import { withoutTracing } from './without-tracing.ts';

/** The engine's own calls time out sooner than the client's default: it retries them itself. */
const ENGINE_TIMEOUT_MS = 10_000;
const ENGINE_CONNECT_TIMEOUT_MS = 2_000;

/**
 * The store the engine talks to, connected lazily. The client's own retries and health probes
 * are off: the engine is the one retry owner. A connect error that is not retryable (something
 * that is not an AGL store with spans answers) makes the store unusable for good.
 */
export class StoreConnection {
  readonly #options: ResolvedOptions;
  #store: AglStore | undefined;
  #connecting: Promise<AglStore> | undefined;
  #unusable: Error | undefined;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#store = options.store;
  }

  get current(): AglStore | undefined {
    return this.#store;
  }

  /** Set once the store cannot be used at all; the message says why. */
  get unusable(): Error | undefined {
    return this.#unusable;
  }

  get(): Promise<AglStore> {
    if (this.#store) return Promise.resolve(this.#store);
    if (this.#unusable) return Promise.reject(this.#unusable);
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  async #connect(): Promise<AglStore> {
    const { endpoint, dialect, client } = this.#options;
    try {
      const store = await withoutTracing(() =>
        connect(endpoint, {
          timeoutMs: ENGINE_TIMEOUT_MS,
          connectTimeoutMs: ENGINE_CONNECT_TIMEOUT_MS,
          probeTimeoutMs: ENGINE_CONNECT_TIMEOUT_MS,
          ...client,
          retry: false,
          healthProbe: false,
          dialect,
        }),
      );
      this.#store = store;
      return store;
    } catch (error) {
      if (isAglError(error) && !error.retryable) {
        this.#unusable = new Error(
          `the AGL store at ${endpoint} cannot take spans: ${error.message}`,
          { cause: error },
        );
        throw this.#unusable;
      }
      throw error;
    } finally {
      this.#connecting = undefined;
    }
  }

  async close(): Promise<void> {
    if (this.#options.store || !this.#store) return;
    await this.#store.close().catch(() => {});
  }
}
