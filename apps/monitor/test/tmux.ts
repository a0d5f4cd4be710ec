// Drives a program in a detached tmux session on a private server, and reads its screen.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class TmuxSession {
  readonly socket: string;
  readonly name = 'monitor';

  constructor(socket: string) {
    this.socket = socket;
  }

  #tmux(...args: string[]) {
    return run('tmux', ['-L', this.socket, ...args], { timeout: 10_000 });
  }

  /** Starts `command` (argv) in a fresh session of a fixed size. */
  async start(
    command: string[],
    size: { columns: number; rows: number },
    env: Record<string, string>,
  ) {
    const envArgs = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    await this.#tmux(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      ...envArgs,
      command.map(shellQuote).join(' '),
    );
    // Keep the pane after the program exits, so its last screen and exit status can be read.
    await this.#tmux('set-option', '-t', this.name, 'remain-on-exit', 'on');
  }

  /** The visible screen as text. */
  async capture(): Promise<string> {
    const { stdout } = await this.#tmux('capture-pane', '-p', '-t', this.name);
    return stdout;
  }

  /** Key names as tmux knows them: `Down`, `Enter`, `Escape`, `q`… */
  async sendKeys(...keys: string[]): Promise<void> {
    for (const key of keys) await this.#tmux('send-keys', '-t', this.name, key);
  }

  /** True once the program in the pane has exited. */
  async exited(): Promise<boolean> {
    const { stdout } = await this.#tmux('display-message', '-p', '-t', this.name, '#{pane_dead}');
    return stdout.trim() === '1';
  }

  /** Polls the screen until `accept` passes; fails after `timeoutMs` with the last screen. */
  async waitForScreen(
    accept: (screen: string) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = await this.capture();
    while (!accept(screen)) {
      if (Date.now() > deadline) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Screen:\n${screen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      screen = await this.capture();
    }
    return screen;
  }

  /** Ends the session and the private tmux server; never throws. */
  async kill(): Promise<void> {
    await this.#tmux('kill-server').catch(() => undefined);
  }
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
