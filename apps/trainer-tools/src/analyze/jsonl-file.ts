import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A JSON Lines file written through a temporary file next to it and renamed into place on
 * `close()`, so the path never holds a half-written export. Writes wait when the stream's
 * buffer is full, so records do not pile up in memory.
 */
export class JsonlFile {
  readonly path: string;
  readonly #temporary: string;
  readonly #stream: WriteStream;
  #lines = 0;
  #failure: Error | null = null;

  private constructor(path: string, temporary: string, stream: WriteStream) {
    this.path = path;
    this.#temporary = temporary;
    this.#stream = stream;
    // A failed write (disk full, …) surfaces on the next write or on close, not as a crash.
    stream.on('error', (error) => {
      this.#failure ??= error;
    });
  }

  /** Opens the temporary file; throws a clear error when the folder is missing or not writable. */
  static async open(path: string): Promise<JsonlFile> {
    // Checked before anything is read: the rename at the end would fail on a folder.
    const existing = await stat(path).catch(() => null);
    if (existing?.isDirectory()) {
      throw new Error(
        `cannot write ${path}: it is a folder; name a file instead, e.g. ${join(path, 'training-data.jsonl')}`,
      );
    }
    const temporary = `${path}.partial`;
    const stream = createWriteStream(temporary, { flags: 'w' });
    try {
      await once(stream, 'open');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        `cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`,
      );
    }
    return new JsonlFile(path, temporary, stream);
  }

  get lines(): number {
    return this.#lines;
  }

  async write(record: unknown): Promise<void> {
    this.#check();
    this.#lines += 1;
    if (!this.#stream.write(`${JSON.stringify(record)}\n`)) await once(this.#stream, 'drain');
  }

  /** Finishes the file and moves it to `path`. */
  async close(): Promise<void> {
    this.#check();
    await new Promise<void>((resolve, reject) => {
      this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    this.#check();
    await rename(this.#temporary, this.path);
  }

  /** Drops the temporary file. */
  async discard(): Promise<void> {
    this.#stream.destroy();
    await rm(this.#temporary, { force: true });
  }

  #check(): void {
    if (this.#failure) throw new Error(`cannot write ${this.path}: ${this.#failure.message}`);
  }
}
