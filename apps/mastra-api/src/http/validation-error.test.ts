import { describe, expect, it } from 'vitest';
import { analyzeBatchRequestSchema, analyzeRequestSchema } from '../analyze-request-schema.ts';
import { describeIssues, fieldIssues } from './validation-error.ts';

function issuesFor(schema: { safeParse(input: unknown): { error?: unknown } }, input: unknown) {
  const { error } = schema.safeParse(input);
  if (error === undefined) throw new Error('expected a validation error');
  return fieldIssues(error as Parameters<typeof fieldIssues>[0]);
}

describe('fieldIssues', () => {
  it('names nested fields with a dotted path', () => {
    const issues = issuesFor(analyzeRequestSchema, { text: 'hi', author: { followers: -1 } });
    expect(issues.map((issue) => issue.field)).toEqual(['author.handle', 'author.followers']);
  });

  it('names items inside a batch by index', () => {
    const issues = issuesFor(analyzeBatchRequestSchema, {
      posts: [
        { text: 'ok', author: { handle: 'a' } },
        { text: '', author: { handle: 'b' } },
      ],
    });
    expect(issues).toEqual([{ field: 'posts.1.text', message: expect.any(String) }]);
  });

  it('calls the root "body"', () => {
    expect(issuesFor(analyzeRequestSchema, 'just a string')[0]?.field).toBe('body');
  });
});

describe('describeIssues', () => {
  it('joins issues into one line', () => {
    expect(
      describeIssues([
        { field: 'text', message: 'Required' },
        { field: 'author', message: 'Expected object' },
      ]),
    ).toBe('text: Required; author: Expected object');
  });
});
