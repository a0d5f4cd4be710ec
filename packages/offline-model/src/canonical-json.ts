/**
 * JSON with object keys sorted at every level, so that equal values always serialise to the same
 * text (the basis of deterministic ids). Values JSON cannot hold become null.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, 0)) ?? 'null';
}

const MAX_DEPTH = 200;

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key], depth + 1);
    }
    return sorted;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    return null;
  }
  return value;
}
