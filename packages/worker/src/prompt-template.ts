import type { NamedResources, PromptTemplateResource } from '@agl/client';

/**
 * The prompt template to use: the one called `name` when given, else the first one AGL
 * published. Undefined when there is none.
 */
export function findPromptTemplate(
  resources: NamedResources | null | undefined,
  name?: string,
): [string, PromptTemplateResource] | undefined {
  if (!resources) return undefined;
  if (name !== undefined) {
    const resource = resources[name];
    if (resource === undefined) return undefined;
    if (resource.resource_type !== 'prompt_template') {
      throw new TypeError(
        `AGL resource "${name}" is a ${resource.resource_type}, not a prompt_template resource.`,
      );
    }
    return [name, resource];
  }
  for (const [key, resource] of Object.entries(resources)) {
    if (resource.resource_type === 'prompt_template') return [key, resource];
  }
  return undefined;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

/**
 * Fills an `f-string` template the way AGL's `PromptTemplate.format(**values)` does with Python's
 * `str.format`: `{name}` is replaced, `{{` and `}}` are literal braces. Only plain named fields
 * are supported (no positional fields, `!r` conversions or `:` format specs). Values that are not
 * strings are written with `String()`, objects as JSON. A missing value or malformed template
 * throws an error that names the problem.
 */
export function formatFString(template: string, values: Readonly<Record<string, unknown>>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i] as string;
    const next = template[i + 1];
    if (char === '{' && next === '{') {
      out += '{';
      i += 2;
    } else if (char === '}' && next === '}') {
      out += '}';
      i += 2;
    } else if (char === '}') {
      throw new SyntaxError(
        `prompt template has a single "}" at position ${i}; write "}}" for a literal brace.`,
      );
    } else if (char === '{') {
      const end = template.indexOf('}', i + 1);
      if (end === -1) {
        throw new SyntaxError(`prompt template has an unclosed "{" at position ${i}.`);
      }
      const field = template.slice(i + 1, end);
      if (!FIELD.test(field)) {
        throw new SyntaxError(
          `prompt template field "{${field}}" is not supported: use plain named fields such as {text}.`,
        );
      }
      if (!Object.hasOwn(values, field)) {
        throw new RangeError(
          `prompt template needs a value for {${field}}; known fields: ${Object.keys(values).join(', ') || 'none'}.`,
        );
      }
      out += text(values[field]);
      i = end + 1;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** Renders an AGL prompt template. Only the `f-string` engine can be rendered, as in AGL itself. */
export function renderPromptTemplate(
  resource: PromptTemplateResource,
  values: Readonly<Record<string, unknown>>,
): string {
  if (resource.engine !== 'f-string') {
    throw new TypeError(
      `prompt templates with engine "${resource.engine}" cannot be rendered here; publish an "f-string" template.`,
    );
  }
  return formatFString(resource.template, values);
}
