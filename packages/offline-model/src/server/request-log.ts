/** One request as the server saw it. */
export interface LoggedRequest {
  /** 1 for the first request the server received. */
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The parsed JSON body (undefined without one, or when it was too large to keep). */
  readonly body: unknown;
  readonly stream: boolean;
  readonly receivedAt: Date;
}

export interface RequestLogView {
  /** Requests received since start (or the last clear), including those no longer in `log`. */
  readonly count: number;
  /** The most recent requests, oldest first. */
  readonly log: readonly LoggedRequest[];
  /** The most recent request, optionally to one path (e.g. '/v1/chat/completions'). */
  last(path?: string): LoggedRequest | undefined;
  clear(): void;
}

/** A bounded in-memory log of requests: the last `limit` entries are kept. */
export class RequestLog implements RequestLogView {
  readonly #limit: number;
  #entries: LoggedRequest[] = [];
  #count = 0;

  constructor(limit = 200) {
    this.#limit = Math.max(0, limit);
  }

  get count(): number {
    return this.#count;
  }

  get log(): readonly LoggedRequest[] {
    return [...this.#entries];
  }

  last(path?: string): LoggedRequest | undefined {
    return path === undefined
      ? this.#entries.at(-1)
      : this.#entries.findLast((entry) => entry.path === path);
  }

  clear(): void {
    this.#entries = [];
    this.#count = 0;
  }

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    this.#count++;
    const logged = { seq: this.#count, ...entry };
    this.#entries.push(logged);
    if (this.#entries.length > this.#limit)
      this.#entries.splice(0, this.#entries.length - this.#limit);
    return logged;
  }
}
