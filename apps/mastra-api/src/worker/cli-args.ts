import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from '@agl/client';

/** A bad command line; the message names the flag. The CLIs exit with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export { DEFAULT_ENDPOINT };

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` with its errors turned into `UsageError`s. */
export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function wholeNumber(
  flag: string,
  value: string | undefined,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed) || parsed < min) {
    throw new UsageError(`--${flag} must be a whole number ≥ ${min}, got "${value}".`);
  }
  if (parsed > max) throw new UsageError(`--${flag} must be at most ${max}, got "${value}".`);
  return parsed;
}

/** Longest delay Node's timers keep (about 24.8 days), in seconds. */
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** Seconds (decimals allowed, up to `max`) → milliseconds. */
export function seconds(
  flag: string,
  value: string | undefined,
  max: number = MAX_TIMER_SECONDS,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
    throw new UsageError(`--${flag} must be a number of seconds > 0, got "${value}".`);
  }
  if (parsed > max) {
    throw new UsageError(`--${flag} must be at most ${max} seconds, got "${value}".`);
  }
  return Math.max(1, Math.round(parsed * 1000));
}

/** The AGL store URL: the flag, else `AGL_ENDPOINT`, else `DEFAULT_ENDPOINT`. */
export function endpoint(
  value: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const chosen = value ?? (env.AGL_ENDPOINT?.trim() || DEFAULT_ENDPOINT);
  const source = value === undefined ? 'AGL_ENDPOINT' : '--endpoint';
  const parsed = parseStoreBaseUrl(chosen);
  if (!parsed.ok) throw new UsageError(`${source} ${parsed.problem}`);
  return parsed.baseUrl;
}
