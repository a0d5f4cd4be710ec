// Local checks of what a store call sends, so a bad call fails before it is sent, with a message
// naming the field. The shapes come from the OpenAPI document (`generated/checks.ts`); what it
// cannot say comes from `refinements.ts`. Each returns a list of problems, empty when fine.

import { describe, isRecord, show } from './describe-value.ts';
import {
  checkAttemptPatch,
  checkNamedResources,
  checkRolloutPatch,
  checkRolloutRequest,
  checkSpan,
} from './generated/checks.ts';
import { ROLLOUT_STATUSES } from './model.ts';
import {
  nonNegativeSeconds,
  refineAttemptPatch,
  refineRolloutPatch,
  refineRolloutRequest,
  refineSpan,
} from './refinements.ts';
import { type Problems, type SchemaCheck, schemaProblems } from './schema-problems.ts';

export { urlSafeId as validateId } from './refinements.ts';
export type { Problems } from './schema-problems.ts';

const ROLLOUT_SORT_KEYS = ['start_time', 'end_time', 'rollout_id', 'status'];

/**
 * Everything an AGL store checks on a span (both dialects), plus the id and time conventions
 * the training adapters rely on: 32/16 lowercase hex ids and epoch seconds.
 */
export function validateSpan(span: unknown): Problems {
  return [...schemaProblems(checkSpan as SchemaCheck, span, 'span'), ...refineSpan(span)];
}

export function validateRolloutRequest(request: unknown, field = 'request'): Problems {
  return [
    ...schemaProblems(checkRolloutRequest as SchemaCheck, request, field),
    ...refineRolloutRequest(request, field),
  ];
}

/** Omitted keys mean "unchanged"; AGL rejects null for status, config and metadata. */
export function validateRolloutPatch(patch: unknown): Problems {
  return [
    ...schemaProblems(checkRolloutPatch as SchemaCheck, patch, 'patch'),
    ...refineRolloutPatch(patch),
  ];
}

/** Omitted keys mean "unchanged"; AGL rejects null for every one of them. */
export function validateAttemptPatch(patch: unknown): Problems {
  return [
    ...schemaProblems(checkAttemptPatch as SchemaCheck, patch, 'patch'),
    ...refineAttemptPatch(patch),
  ];
}

export function validateNamedResources(resources: unknown): Problems {
  return schemaProblems(checkNamedResources as SchemaCheck, resources, 'resources');
}

function oneOf(value: unknown, allowed: readonly string[], field: string): Problems {
  return typeof value === 'string' && allowed.includes(value)
    ? []
    : [`${field}: must be one of ${allowed.join(', ')}; got ${show(value)}`];
}

function wholeNumber(value: unknown, field: string, rule: string, ok: (n: number) => boolean) {
  return Number.isSafeInteger(value) && ok(value as number)
    ? []
    : [`${field}: must be ${rule}; got ${show(value)}`];
}

/** The client's camelCase query, before it becomes query parameters or a request body. */
export function validateRolloutQuery(query: unknown): Problems {
  if (!isRecord(query)) return [`query: must be an object, got ${describe(query)}`];
  const problems: Problems = [];
  const list = (value: unknown, field: string, item: (entry: unknown, at: string) => Problems) =>
    Array.isArray(value)
      ? value.flatMap((entry, index) => item(entry, `${field}[${index}]`))
      : [`${field}: must be an array, got ${describe(value)}`];
  if (query.status !== undefined) {
    problems.push(...list(query.status, 'query.status', (s, at) => oneOf(s, ROLLOUT_STATUSES, at)));
  }
  if (query.rolloutIds !== undefined) {
    problems.push(
      ...list(query.rolloutIds, 'query.rolloutIds', (id, at) =>
        typeof id === 'string' ? [] : [`${at}: must be a string, got ${describe(id)}`],
      ),
    );
  }
  if (query.rolloutIdContains !== undefined && typeof query.rolloutIdContains !== 'string') {
    problems.push(
      `query.rolloutIdContains: must be a string, got ${describe(query.rolloutIdContains)}`,
    );
  }
  if (query.limit !== undefined) {
    const rule = 'a whole number >= 1, or -1 for no limit';
    problems.push(...wholeNumber(query.limit, 'query.limit', rule, (n) => n >= 1 || n === -1));
  }
  if (query.offset !== undefined) {
    problems.push(
      ...wholeNumber(query.offset, 'query.offset', 'a whole number >= 0', (n) => n >= 0),
    );
  }
  if (query.sortBy !== undefined)
    problems.push(...oneOf(query.sortBy, ROLLOUT_SORT_KEYS, 'query.sortBy'));
  if (query.sortOrder !== undefined) {
    problems.push(...oneOf(query.sortOrder, ['asc', 'desc'], 'query.sortOrder'));
  }
  return problems;
}

export function validateWaitTimeout(value: unknown): Problems {
  return typeof value === 'number' && Number.isFinite(value)
    ? nonNegativeSeconds(value, 'timeoutSeconds')
    : [`timeoutSeconds: must be a number of seconds >= 0, got ${show(value)}`];
}
