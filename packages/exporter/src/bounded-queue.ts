/**
 * FIFO bounded by item count and by estimated bytes. `push` refuses what does not fit (the caller
 * drops and counts it); `unshift` puts taken items back at the front after a failed delivery and
 * may exceed the bounds by what it returns, so nothing accepted is ever lost to a retry.
 */
export class BoundedQueue<T> {
  #items: T[] = [];
  #head = 0;
  #bytes = 0;

  readonly maxItems: number;
  readonly maxBytes: number;
  readonly sizeOf: (item: T) => number;

  constructor(maxItems: number, maxBytes: number, sizeOf: (item: T) => number) {
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
    this.sizeOf = sizeOf;
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  push(item: T): boolean {
    const size = this.sizeOf(item);
    if (this.length + 1 > this.maxItems || this.#bytes + size > this.maxBytes) return false;
    this.#items.push(item);
    this.#bytes += size;
    return true;
  }

  unshift(items: T[]): void {
    if (items.length === 0) return;
    this.#compact();
    this.#items = [...items, ...this.#items];
    for (const item of items) this.#bytes += this.sizeOf(item);
  }

  /** Removes and returns up to `max` items that `ready` accepts, keeping the others in order. */
  take(max: number, ready: (item: T) => boolean): T[] {
    const taken: T[] = [];
    if (this.length === 0) return taken;
    const kept: T[] = [];
    let i = this.#head;
    for (; i < this.#items.length && taken.length < max; i++) {
      const item = this.#items[i] as T;
      if (ready(item)) {
        taken.push(item);
        this.#bytes -= this.sizeOf(item);
      } else {
        kept.push(item);
      }
    }
    if (kept.length === 0) {
      this.#head = i;
    } else {
      this.#items = [...kept, ...this.#items.slice(i)];
      this.#head = 0;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) this.#compact();
    return taken;
  }

  /** Removes every item `match` accepts and returns them. */
  remove(match: (item: T) => boolean): T[] {
    this.#compact();
    const removed: T[] = [];
    this.#items = this.#items.filter((item) => {
      if (!match(item)) return true;
      removed.push(item);
      this.#bytes -= this.sizeOf(item);
      return false;
    });
    return removed;
  }

  #compact(): void {
    if (this.#head > 0) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
