// Helpers for driving Ink components in tests: key codes, ANSI stripping, bounded waits.

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  backspace: '\u007F',
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g;

export function plain(text: string | undefined): string {
  return (text ?? '').replaceAll(ANSI, '');
}

/** Polls `read` until `accept` is true, for at most `timeoutMs`; fails with the last value. */
export async function waitFor(
  read: () => string,
  accept: (text: string) => boolean,
  timeoutMs = 3_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = read();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms; last output:\n${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = read();
  }
  return last;
}

/** Lets Ink process pending input and effects. */
export function tick(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
