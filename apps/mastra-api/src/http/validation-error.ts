import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the bad field, e.g. `author.handle` or `posts.2.text`; `body` for the root. */
  field: string;
  message: string;
}

/** Turns zod issues into field-named messages a client can act on. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? 'body' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}
