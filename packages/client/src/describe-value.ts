// How values and places are named in validation messages.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it would be written in JSON, cut short when long (`NaN` and `undefined` as such). */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}...` : String(text);
}

/** Primitives as written in JSON, containers by their kind: `"x"`, `1.5`, `null`, `an object`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' && value !== null ? 'an object' : show(value);
}

/** `.name` for identifier-like keys, `["a key"]` for the rest. */
export function propertyPath(key: string): string {
  return /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** A JSON pointer (`/events/0/attributes/a.b`) as a field path (`.events[0].attributes["a.b"]`). */
export function pointerPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : propertyPath(key)))
    .join('');
}
