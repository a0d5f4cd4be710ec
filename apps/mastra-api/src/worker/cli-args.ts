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
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed) || parsed < min) {
    throw new UsageError(`--${flag} must be a whole number ≥ ${min}, got "${value}".`);
  }
  return parsed;
}

/** Seconds (decimals allowed) → milliseconds. */
export function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
    throw new UsageError(`--${flag} must be a number of seconds > 0, got "${value}".`);
  }
  return Math.round(parsed * 1000);
}

/** The AGL store URL: the flag, else `AGL_ENDPOINT`, else `http://localhost:4747`. */
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
