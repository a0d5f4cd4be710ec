/**
 * Adds `key` to `target` as an own enumerable property. Plain assignment would turn a key named
 * `__proto__` (valid in JSON and in attribute data) into a prototype change and lose the value.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
