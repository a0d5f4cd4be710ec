/** Keeps the last `capacity` lines written to it: enough of a server log to explain a failure. */
export class LogBuffer {
  readonly #lines: string[] = [];
  #partial = '';

  readonly capacity: number;

  constructor(capacity = 400) {
    this.capacity = capacity;
  }

  write(chunk: string): void {
    const parts = (this.#partial + chunk).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const line of parts) this.#push(line);
  }

  text(): string {
    const lines = this.#partial ? [...this.#lines, this.#partial] : this.#lines;
    return lines.join('\n');
  }

  #push(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.capacity) this.#lines.shift();
  }
}
