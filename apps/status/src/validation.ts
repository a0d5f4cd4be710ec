import { ROLLOUT_STATUSES } from '@agl/client';
import type { Context } from 'hono';
import { z } from 'zod';
import { jsonError } from './http-errors.ts';

export const MAX_PAGE = 200;

const TARGET_NAMES: Record<string, string> = {
  query: 'query parameter',
  param: 'path parameter',
};

interface FailedValidation {
  success: false;
  error: { issues: readonly z.core.$ZodIssue[] };
  target: string;
}

/**
 * zValidator hook: a 400 whose message names the offending field, e.g.
 * `Invalid query parameter "limit": must be at most 200`.
 */
export function onInvalid(
  result: { success: true } | FailedValidation,
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const where = TARGET_NAMES[result.target] ?? result.target;
  if (issue === undefined) {
    return jsonError(c, 400, 'invalid_request', `Invalid ${where}`);
  }
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? '';
    return jsonError(c, 400, 'invalid_request', `Unknown ${where} "${field}"`, { field });
  }
  // The parameter itself, not the position inside a repeated one.
  const field = String(issue.path[0] ?? '');
  return jsonError(c, 400, 'invalid_request', `Invalid ${where} "${field}": ${issue.message}`, {
    field,
  });
}

/** The same parameter given once or repeated, each value possibly comma-separated. */
const listParam = z.union([z.string(), z.array(z.string())]).transform((value) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== ''),
);

const statusParam = listParam.pipe(
  z.array(
    z.enum(ROLLOUT_STATUSES, {
      error: (issue) =>
        `unknown status "${String(issue.input)}"; use ${ROLLOUT_STATUSES.join(', ')}`,
    }),
  ),
);

const timeParam = z.string().transform((value, context) => {
  const text = value.trim();
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms) || !/\d/.test(text)) {
    context.addIssue({
      code: 'custom',
      message: 'use an ISO 8601 time (e.g. 2025-06-01T12:00:00Z) or epoch milliseconds',
    });
    return z.NEVER;
  }
  return ms;
});

function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional()
    .transform((value) => value ?? fallback);
}

/** Accepted everywhere: the page and event stream may carry the token in the URL. */
const tokenParam = z.string().optional();

export const rolloutListQuery = z
  .strictObject({
    status: statusParam.optional(),
    agent: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional(),
    since: timeParam.optional(),
    until: timeParam.optional(),
    limit: wholeNumber(1, MAX_PAGE, 50),
    offset: wholeNumber(0, 1_000_000, 0),
    token: tokenParam,
  })
  .refine(
    (query) => query.since === undefined || query.until === undefined || query.since <= query.until,
    {
      message: 'must not be before "since"',
      path: ['until'],
    },
  );

export type RolloutListQuery = z.infer<typeof rolloutListQuery>;

export const rolloutIdParam = z.object({
  id: z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .regex(/^[A-Za-z0-9._:-]+$/, 'may contain only letters, digits and . _ : -'),
});

export const noQuery = z.strictObject({ token: tokenParam });
