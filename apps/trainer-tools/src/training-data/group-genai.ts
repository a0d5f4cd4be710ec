/** A nested value rebuilt from dotted attribute keys. */
export type Grouped = GroupedObject | unknown[];
export type GroupedObject = { [key: string]: unknown };

const DIGITS = /^\d+$/;

/**
 * Rebuilds nested structure from flat attributes under `prefix`, as AGL's `group_genai_dict`
 * does (the grouping `TraceToMessages` relies on): when any key's first segment after the prefix
 * is a number, the result is a list ordered by that number (keys without a number are dropped);
 * otherwise an object. `gen_ai.prompt.0.role` + `gen_ai.prompt.0.tool_calls.1.id` under
 * `gen_ai.prompt` give `[{ role, tool_calls: [ , { id }] }]` (lists are compacted).
 */
export function groupGenai(attributes: Readonly<Record<string, unknown>>, prefix: string): Grouped {
  const relevant: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith(`${prefix}.`)) relevant.push([key.slice(prefix.length + 1), value]);
  }
  const indexed = relevant.some(([rest]) => DIGITS.test(rest.split('.')[0] ?? ''));
  if (indexed) {
    const groups = new Map<number, Array<[string, unknown]>>();
    for (const [rest, value] of relevant) {
      const [head = '', ...tail] = rest.split('.');
      if (!DIGITS.test(head)) continue;
      const index = Number(head);
      const group = groups.get(index) ?? [];
      group.push([tail.join('.'), value]);
      groups.set(index, group);
    }
    return [...groups.keys()]
      .sort((a, b) => a - b)
      .map((index) => {
        const flat: GroupedObject = {};
        for (const [rest, value] of groups.get(index) ?? [])
          setKey(flat, `${prefix}.${rest}`, value);
        return groupGenai(flat, prefix);
      });
  }
  const result: GroupedObject = {};
  const nested = new Map<string, GroupedObject>();
  for (const [rest, value] of relevant) {
    const dot = rest.indexOf('.');
    if (dot < 0) {
      setKey(result, rest, value);
      continue;
    }
    const head = rest.slice(0, dot);
    const group = nested.get(head) ?? {};
    setKey(group, `${prefix}.${rest}`, value);
    nested.set(head, group);
  }
  for (const [head, group] of nested) setKey(result, head, groupGenai(group, `${prefix}.${head}`));
  return result;
}

/** True for `{}` and `[]`, which AGL treats as "nothing there". */
export function isEmpty(value: Grouped): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** Sets an own property even for keys like `__proto__`. */
export function setKey(target: GroupedObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
