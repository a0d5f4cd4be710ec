// Local checks that mirror what an AGL store accepts, so a bad call fails before it is sent,
// with a message naming the field. Each validator returns a list of problems
// (`"<field path>: <what is wrong>"`), empty when the value is fine.

import { ATTEMPT_STATUSES, ROLLOUT_MODES, ROLLOUT_STATUSES, SPAN_STATUS_CODES } from './model.ts';

export type Problems = string[];

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
/** Later than this (year 5138) as epoch seconds means milliseconds or nanoseconds were sent. */
const MAX_EPOCH_SECONDS = 1e11;

const SPAN_KEYS = [
  'rollout_id',
  'attempt_id',
  'sequence_id',
  'trace_id',
  'span_id',
  'parent_id',
  'name',
  'status',
  'attributes',
  'events',
  'links',
  'start_time',
  'end_time',
  'context',
  'parent',
  'resource',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}...` : String(text);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quoteKey(key: string): string {
  return /^[A-Za-z_][\w]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** An id that can travel in a URL path segment: a non-empty string without `/`. */
export function validateId(value: unknown, field: string): Problems {
  if (typeof value !== 'string') return [`${field}: must be a string, got ${typeName(value)}`];
  if (value.trim().length === 0) return [`${field}: must not be empty`];
  if (value.includes('/')) return [`${field}: must not contain "/" (got ${show(value)})`];
  if ([...value].some((char) => (char.codePointAt(0) ?? 32) < 32)) {
    return [`${field}: must not contain control characters`];
  }
  return [];
}

function oneOf(value: unknown, allowed: readonly string[], field: string): Problems {
  return typeof value === 'string' && allowed.includes(value)
    ? []
    : [`${field}: must be one of ${allowed.join(', ')}; got ${show(value)}`];
}

export function validateRolloutStatus(value: unknown, field = 'status'): Problems {
  return oneOf(value, ROLLOUT_STATUSES, field);
}

export function validateAttemptStatus(value: unknown, field = 'status'): Problems {
  return oneOf(value, ATTEMPT_STATUSES, field);
}

export function validateMode(value: unknown, field = 'mode'): Problems {
  return value === null ? [] : oneOf(value, ROLLOUT_MODES, field);
}

function finiteNumber(value: unknown, field: string): Problems {
  return typeof value === 'number' && Number.isFinite(value)
    ? []
    : [`${field}: must be a finite number, got ${show(value)}`];
}

function epochSeconds(value: unknown, field: string, nullable: boolean): Problems {
  if (value === null && nullable) return [];
  const problems = finiteNumber(value, field);
  if (problems.length > 0) return problems;
  const seconds = value as number;
  if (seconds < 0) return [`${field}: must be epoch seconds >= 0, got ${seconds}`];
  if (seconds > MAX_EPOCH_SECONDS) {
    return [
      `${field}: ${seconds} looks like milliseconds or nanoseconds; AGL expects epoch seconds`,
    ];
  }
  return [];
}

function primitiveKind(value: unknown): 'string' | 'boolean' | 'number' | null {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  return null;
}

/** One attribute value: str/bool/int/float or a homogeneous array of one of those. */
export function validateAttributeValue(value: unknown, field: string): Problems {
  if (primitiveKind(value) !== null) return [];
  if (typeof value === 'number')
    return [`${field}: ${value} is not allowed; numbers must be finite`];
  if (value === null || value === undefined) {
    return [`${field}: ${value} is not allowed; leave the attribute out instead`];
  }
  if (Array.isArray(value)) {
    let kind: ReturnType<typeof primitiveKind> | undefined;
    for (const [index, item] of value.entries()) {
      const itemKind = primitiveKind(item);
      if (itemKind === null) {
        return [
          `${field}[${index}]: ${show(item)} is not allowed in an attribute array; use strings, finite numbers or booleans`,
        ];
      }
      if (kind !== undefined && itemKind !== kind) {
        return [`${field}: arrays must hold one type only, found ${kind} and ${itemKind}`];
      }
      kind = itemKind;
    }
    return [];
  }
  return [
    `${field}: ${typeName(value)} is not allowed; flatten nested values into dotted keys or JSON strings`,
  ];
}

export function validateAttributes(value: unknown, field: string): Problems {
  if (!isRecord(value))
    return [`${field}: must be an object of attributes, got ${typeName(value)}`];
  const problems: Problems = [];
  for (const [key, item] of Object.entries(value)) {
    problems.push(...validateAttributeValue(item, `${field}${quoteKey(key)}`));
  }
  return problems;
}

function validateHexId(value: unknown, pattern: RegExp, length: number, field: string): Problems {
  if (typeof value !== 'string') return [`${field}: must be a string, got ${typeName(value)}`];
  return pattern.test(value)
    ? []
    : [`${field}: must be ${length} lowercase hex characters, got ${show(value)}`];
}

export function validateSpanContext(value: unknown, field: string): Problems {
  if (!isRecord(value)) return [`${field}: must be an object or null, got ${typeName(value)}`];
  const problems: Problems = [
    ...validateHexId(value.trace_id, TRACE_ID, 32, `${field}.trace_id`),
    ...validateHexId(value.span_id, SPAN_ID, 16, `${field}.span_id`),
  ];
  if (typeof value.is_remote !== 'boolean') {
    problems.push(`${field}.is_remote: must be a boolean, got ${show(value.is_remote)}`);
  }
  if (!isRecord(value.trace_state)) {
    problems.push(
      `${field}.trace_state: must be an object (use {}), got ${typeName(value.trace_state)}`,
    );
  } else {
    for (const [key, item] of Object.entries(value.trace_state)) {
      if (typeof item !== 'string') {
        problems.push(
          `${field}.trace_state${quoteKey(key)}: must be a string, got ${typeName(item)}`,
        );
      }
    }
  }
  return problems;
}

function validateEvent(value: unknown, field: string): Problems {
  if (!isRecord(value)) return [`${field}: must be an object, got ${typeName(value)}`];
  const problems: Problems = [];
  if (typeof value.name !== 'string') problems.push(`${field}.name: must be a string`);
  problems.push(...validateAttributes(value.attributes, `${field}.attributes`));
  if (value.timestamp !== undefined) {
    problems.push(...epochSeconds(value.timestamp, `${field}.timestamp`, true));
  }
  return problems;
}

function validateLink(value: unknown, field: string): Problems {
  if (!isRecord(value)) return [`${field}: must be an object, got ${typeName(value)}`];
  const problems = validateSpanContext(value.context, `${field}.context`);
  if (value.attributes !== undefined && value.attributes !== null) {
    problems.push(...validateAttributes(value.attributes, `${field}.attributes`));
  }
  return problems;
}

function validateList(
  value: unknown,
  field: string,
  item: (entry: unknown, field: string) => Problems,
): Problems {
  if (!Array.isArray(value)) return [`${field}: must be an array (use []), got ${typeName(value)}`];
  return value.flatMap((entry, index) => item(entry, `${field}[${index}]`));
}

/**
 * Everything an AGL store checks on a span (both dialects), plus the id and time conventions
 * the training adapters rely on: 32/16 lowercase hex ids and epoch seconds.
 */
export function validateSpan(span: unknown): Problems {
  if (!isRecord(span)) return [`span: must be an object, got ${typeName(span)}`];
  const problems: Problems = [];
  for (const key of SPAN_KEYS) {
    if (!(key in span) || span[key] === undefined) {
      problems.push(`span.${key}: missing; every span key is required (send null where allowed)`);
    }
  }
  if (problems.length > 0) return problems;
  problems.push(...validateId(span.rollout_id, 'span.rollout_id'));
  problems.push(...validateId(span.attempt_id, 'span.attempt_id'));
  if (!Number.isSafeInteger(span.sequence_id)) {
    problems.push(`span.sequence_id: must be an integer, got ${show(span.sequence_id)}`);
  }
  problems.push(...validateHexId(span.trace_id, TRACE_ID, 32, 'span.trace_id'));
  problems.push(...validateHexId(span.span_id, SPAN_ID, 16, 'span.span_id'));
  if (span.parent_id !== null) {
    problems.push(...validateHexId(span.parent_id, SPAN_ID, 16, 'span.parent_id'));
  }
  if (typeof span.name !== 'string') {
    problems.push(`span.name: must be a string, got ${typeName(span.name)}`);
  }
  if (!isRecord(span.status)) {
    problems.push(
      `span.status: must be an object {status_code, description}, got ${typeName(span.status)}`,
    );
  } else {
    problems.push(...oneOf(span.status.status_code, SPAN_STATUS_CODES, 'span.status.status_code'));
    const description = span.status.description;
    if (description !== undefined && description !== null && typeof description !== 'string') {
      problems.push(
        `span.status.description: must be a string or null, got ${typeName(description)}`,
      );
    }
  }
  problems.push(...validateAttributes(span.attributes, 'span.attributes'));
  problems.push(...validateList(span.events, 'span.events', validateEvent));
  problems.push(...validateList(span.links, 'span.links', validateLink));
  problems.push(...epochSeconds(span.start_time, 'span.start_time', true));
  problems.push(...epochSeconds(span.end_time, 'span.end_time', true));
  if (span.context !== null) problems.push(...validateSpanContext(span.context, 'span.context'));
  if (span.parent !== null) problems.push(...validateSpanContext(span.parent, 'span.parent'));
  if (!isRecord(span.resource)) {
    problems.push(
      `span.resource: must be an object {attributes, schema_url}, got ${typeName(span.resource)}`,
    );
  } else {
    problems.push(...validateAttributes(span.resource.attributes, 'span.resource.attributes'));
    if (typeof span.resource.schema_url !== 'string') {
      problems.push(
        `span.resource.schema_url: must be a string (use ""), got ${typeName(span.resource.schema_url)}`,
      );
    }
  }
  for (const key of Object.keys(span)) {
    if ((SPAN_KEYS as readonly string[]).includes(key)) continue;
    if (!isJsonValue(span[key])) {
      problems.push(`span${quoteKey(key)}: extra keys must hold plain JSON values`);
    }
  }
  return problems;
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (isRecord(value)) return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  return false;
}

function validateConfig(value: unknown, field: string): Problems {
  if (!isRecord(value)) return [`${field}: must be an object, got ${typeName(value)}`];
  const problems: Problems = [];
  for (const key of ['timeout_seconds', 'unresponsive_seconds'] as const) {
    const item = value[key];
    if (item === undefined || item === null) continue;
    if (typeof item !== 'number' || !Number.isFinite(item) || item < 0) {
      problems.push(`${field}.${key}: must be a number of seconds >= 0 or null, got ${show(item)}`);
    }
  }
  if (value.max_attempts !== undefined) {
    const attempts = value.max_attempts;
    if (!Number.isSafeInteger(attempts) || (attempts as number) < 1) {
      problems.push(`${field}.max_attempts: must be a whole number >= 1, got ${show(attempts)}`);
    }
  }
  if (value.retry_condition !== undefined) {
    problems.push(
      ...validateList(value.retry_condition, `${field}.retry_condition`, (entry, at) =>
        validateAttemptStatus(entry, at),
      ),
    );
  }
  const known = ['timeout_seconds', 'unresponsive_seconds', 'max_attempts', 'retry_condition'];
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      problems.push(`${field}.${key}: unknown config key; use ${known.join(', ')}`);
  }
  return problems;
}

function validateMetadata(value: unknown, field: string, nullable: boolean): Problems {
  if (value === null && nullable) return [];
  if (!isRecord(value)) {
    return [
      `${field}: must be an object${nullable ? ' or null' : ' (use {} to clear it)'}, got ${typeName(value)}`,
    ];
  }
  return isJsonValue(value) ? [] : [`${field}: must hold plain JSON values only`];
}

function optionalNullableString(value: unknown, field: string): Problems {
  return value === undefined || value === null || typeof value === 'string'
    ? []
    : [`${field}: must be a string or null, got ${typeName(value)}`];
}

export function validateRolloutRequest(request: unknown, field = 'request'): Problems {
  if (!isRecord(request)) return [`${field}: must be an object, got ${typeName(request)}`];
  const problems: Problems = [];
  if (request.input === undefined) {
    problems.push(`${field}.input: required; pass null when the rollout has no input`);
  } else if (!isJsonValue(request.input)) {
    problems.push(`${field}.input: must be a plain JSON value`);
  }
  if (request.mode !== undefined) problems.push(...validateMode(request.mode, `${field}.mode`));
  problems.push(...optionalNullableString(request.resources_id, `${field}.resources_id`));
  problems.push(...optionalNullableString(request.worker_id, `${field}.worker_id`));
  if (request.config !== undefined && request.config !== null) {
    problems.push(...validateConfig(request.config, `${field}.config`));
  }
  if (request.metadata !== undefined) {
    problems.push(...validateMetadata(request.metadata, `${field}.metadata`, true));
  }
  return problems;
}

/** Omitted keys mean "unchanged"; AGL rejects null for status, config and metadata. */
export function validateRolloutPatch(patch: unknown): Problems {
  if (!isRecord(patch)) return [`patch: must be an object, got ${typeName(patch)}`];
  const problems: Problems = [];
  const known = ['input', 'mode', 'resources_id', 'status', 'config', 'metadata'];
  for (const key of Object.keys(patch)) {
    if (!known.includes(key)) problems.push(`patch.${key}: unknown key; use ${known.join(', ')}`);
  }
  if ('input' in patch && patch.input !== undefined && !isJsonValue(patch.input)) {
    problems.push('patch.input: must be a plain JSON value');
  }
  if (patch.mode !== undefined) problems.push(...validateMode(patch.mode, 'patch.mode'));
  problems.push(...optionalNullableString(patch.resources_id, 'patch.resources_id'));
  if (patch.status !== undefined)
    problems.push(...validateRolloutStatus(patch.status, 'patch.status'));
  if (patch.config !== undefined) problems.push(...validateConfig(patch.config, 'patch.config'));
  if (patch.metadata !== undefined) {
    problems.push(...validateMetadata(patch.metadata, 'patch.metadata', false));
  }
  return problems;
}

/** Omitted keys mean "unchanged"; AGL rejects null for every one of them. */
export function validateAttemptPatch(patch: unknown): Problems {
  if (!isRecord(patch)) return [`patch: must be an object, got ${typeName(patch)}`];
  const problems: Problems = [];
  const known = ['status', 'worker_id', 'last_heartbeat_time', 'metadata'];
  for (const key of Object.keys(patch)) {
    if (!known.includes(key)) problems.push(`patch.${key}: unknown key; use ${known.join(', ')}`);
  }
  if (patch.status !== undefined)
    problems.push(...validateAttemptStatus(patch.status, 'patch.status'));
  if (patch.worker_id !== undefined && typeof patch.worker_id !== 'string') {
    problems.push(
      `patch.worker_id: must be a string (use "" to clear it), got ${typeName(patch.worker_id)}`,
    );
  }
  if (patch.last_heartbeat_time !== undefined) {
    problems.push(...epochSeconds(patch.last_heartbeat_time, 'patch.last_heartbeat_time', false));
  }
  if (patch.metadata !== undefined) {
    problems.push(...validateMetadata(patch.metadata, 'patch.metadata', false));
  }
  return problems;
}

export function validateRolloutQuery(query: unknown): Problems {
  if (!isRecord(query)) return [`query: must be an object, got ${typeName(query)}`];
  const problems: Problems = [];
  if (query.status !== undefined) {
    problems.push(
      ...validateList(query.status, 'query.status', (entry, at) =>
        validateRolloutStatus(entry, at),
      ),
    );
  }
  if (query.rolloutIds !== undefined) {
    problems.push(
      ...validateList(query.rolloutIds, 'query.rolloutIds', (entry, at) =>
        typeof entry === 'string' ? [] : [`${at}: must be a string`],
      ),
    );
  }
  if (query.rolloutIdContains !== undefined && typeof query.rolloutIdContains !== 'string') {
    problems.push('query.rolloutIdContains: must be a string');
  }
  if (query.limit !== undefined) {
    const limit = query.limit;
    if (!Number.isSafeInteger(limit) || ((limit as number) < 1 && limit !== -1)) {
      problems.push(
        `query.limit: must be a whole number >= 1, or -1 for no limit; got ${show(limit)}`,
      );
    }
  }
  if (query.offset !== undefined) {
    if (!Number.isSafeInteger(query.offset) || (query.offset as number) < 0) {
      problems.push(`query.offset: must be a whole number >= 0, got ${show(query.offset)}`);
    }
  }
  if (query.sortBy !== undefined) {
    problems.push(
      ...oneOf(query.sortBy, ['start_time', 'end_time', 'rollout_id', 'status'], 'query.sortBy'),
    );
  }
  if (query.sortOrder !== undefined)
    problems.push(...oneOf(query.sortOrder, ['asc', 'desc'], 'query.sortOrder'));
  return problems;
}

export function validateNamedResources(resources: unknown): Problems {
  if (!isRecord(resources))
    return [`resources: must be an object of named resources, got ${typeName(resources)}`];
  const problems: Problems = [];
  for (const [name, resource] of Object.entries(resources)) {
    const field = `resources${quoteKey(name)}`;
    if (!isRecord(resource)) {
      problems.push(`${field}: must be an object, got ${typeName(resource)}`);
      continue;
    }
    const type = resource.resource_type;
    if (type === 'llm' || type === 'proxy_llm') {
      for (const key of ['endpoint', 'model'] as const) {
        if (typeof resource[key] !== 'string') problems.push(`${field}.${key}: must be a string`);
      }
      problems.push(...optionalNullableString(resource.api_key, `${field}.api_key`));
      if (resource.sampling_parameters !== undefined && !isRecord(resource.sampling_parameters)) {
        problems.push(`${field}.sampling_parameters: must be an object`);
      }
    } else if (type === 'prompt_template') {
      if (typeof resource.template !== 'string')
        problems.push(`${field}.template: must be a string`);
      problems.push(...oneOf(resource.engine, ['jinja', 'f-string', 'poml'], `${field}.engine`));
    } else {
      problems.push(
        `${field}.resource_type: must be one of llm, proxy_llm, prompt_template; got ${show(type)}`,
      );
    }
  }
  return problems;
}

export function validateWaitTimeout(value: unknown): Problems {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? []
    : [`timeoutSeconds: must be a number of seconds >= 0, got ${show(value)}`];
}
