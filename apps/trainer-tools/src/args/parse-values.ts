import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from '@agl/client';
/** A command-line mistake: the message names the flag and what it accepts. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export { DEFAULT_ENDPOINT };

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** The store's base URL, without trailing slashes. */
export function parseEndpoint(text: string, flag = '--endpoint'): string {
  const parsed = parseStoreBaseUrl(text);
  if (!parsed.ok) throw new UsageError(`${flag} ${parsed.problem}`);
  return parsed.baseUrl;
}

/**
 * A point in time as epoch seconds: an ISO date or date-time (`2025-01-31`,
 * `2025-01-31T12:00:00Z`) or a duration before `now` (`90s`, `30m`, `1h`, `2d`, `1w`).
 */
export function parseTime(text: string, flag: string, nowSeconds: number): number {
  const value = text.trim();
  const relative = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(value);
  if (relative) {
    return (
      nowSeconds - Number(relative[1]) * (UNIT_SECONDS[(relative[2] as string).toLowerCase()] ?? 0)
    );
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return ms / 1000;
  }
  throw new UsageError(
    `${flag} "${text}" is not a time. Use an ISO date or date-time (2025-01-31, 2025-01-31T12:00:00Z) or a duration ago (90s, 30m, 1h, 2d, 1w).`,
  );
}

/** A comma-separated list of values from `accepted`. */
export function parseChoices<T extends string>(
  text: string,
  flag: string,
  accepted: readonly T[],
): T[] {
  const values = parseList(text, flag);
  for (const value of values) {
    if (!accepted.includes(value as T)) {
      throw new UsageError(
        `${flag} "${value}" is not accepted. Accepted values: ${accepted.join(', ')}.`,
      );
    }
  }
  return [...new Set(values)] as T[];
}

/** A comma-separated list of non-empty values. */
export function parseList(text: string, flag: string): string[] {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (values.length === 0) throw new UsageError(`${flag} needs at least one value, got "${text}".`);
  return values;
}

/** A whole number within [min, max]. */
export function parseInteger(text: string, flag: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}
