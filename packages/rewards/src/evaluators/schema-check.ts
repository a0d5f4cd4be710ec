import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { EvaluationContext, Evaluator, Score } from '../types.ts';

/** A check on a structured answer that passed the schema. */
export interface OutputRule<Output> {
  name: string;
  /** `true` passes; `false` or a reason (string) fails. */
  check(answer: Output, context: EvaluationContext): boolean | string;
}

export interface SchemaCheckOptions<Schema extends StandardSchemaV1> {
  /** Any Standard Schema (zod 4, valibot, arktype, …). */
  schema: Schema;
  rules?: ReadonlyArray<OutputRule<StandardSchemaV1.InferOutput<Schema>>>;
  /** Default `schema`. */
  name?: string;
  /** Default `1`. */
  version?: string;
}

const MAX_ISSUES_SHOWN = 3;

/**
 * Checks the structured answer against a schema, then against rules. An answer that is missing
 * or fails the schema scores 0; a valid one scores the share of rules it passes (1 without rules).
 */
export function createSchemaEvaluator<Schema extends StandardSchemaV1>(
  options: SchemaCheckOptions<Schema>,
): Evaluator {
  const rules = options.rules ?? [];
  return {
    name: options.name ?? 'schema',
    version: options.version ?? '1',
    async evaluate(context): Promise<Score> {
      const { output } = context;
      if (output.structured === undefined) {
        return {
          value: 0,
          details: output.text === null ? 'no answer' : 'the answer is not a JSON object',
        };
      }
      const result = await options.schema['~standard'].validate(output.structured);
      if (result.issues) return { value: 0, details: describeIssues(result.issues) };
      if (rules.length === 0) return { value: 1, details: 'matches the schema' };
      const failures: string[] = [];
      for (const rule of rules) {
        const verdict = rule.check(result.value as StandardSchemaV1.InferOutput<Schema>, context);
        if (verdict === true) continue;
        failures.push(typeof verdict === 'string' ? `${rule.name} (${verdict})` : rule.name);
      }
      const passed = rules.length - failures.length;
      return {
        value: Math.round((passed / rules.length) * 10_000) / 10_000,
        details:
          failures.length === 0
            ? `matches the schema; ${rules.length}/${rules.length} rules passed`
            : `matches the schema; ${passed}/${rules.length} rules passed; failed: ${failures.join(', ')}`,
      };
    },
  };
}

function describeIssues(issues: ReadonlyArray<StandardSchemaV1.Issue>): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const path = (issue.path ?? [])
      .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
      .join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more =
    issues.length > MAX_ISSUES_SHOWN ? ` (+${issues.length - MAX_ISSUES_SHOWN} more)` : '';
  return `does not match the schema: ${shown.join('; ')}${more}`;
}
