import type { Evaluator, Score } from '../types.ts';

/** What the judge model is asked: chat messages plus the JSON Schema its answer must follow. */
export interface JudgeRequest {
  system: string;
  user: string;
  schemaName: string;
  schema: Record<string, unknown>;
}

/** A chat model that answers a `JudgeRequest` with JSON text. */
export interface JudgeModel {
  /** The model id, recorded in the evaluator version. */
  readonly id: string;
  complete(request: JudgeRequest, signal?: AbortSignal): Promise<string>;
}

export interface JudgeOptions {
  model: JudgeModel;
  /** What a good answer looks like, for this task. */
  rubric: string;
  /** Default `judge`. */
  name?: string;
  /** Default `1`; the model id is appended (`1:gpt-4.1-mini`). */
  version?: string;
  /** Longest task input and answer passed to the judge, in characters (default 6000 each). */
  maxChars?: number;
}

export const JUDGE_MAX_SCORE = 10;

/** The judge's answer: a short reason first (so the score follows from it), then 0–10. */
export const JUDGE_ANSWER_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    reason: { type: 'string', description: 'One or two sentences on the main strengths and flaws' },
    score: {
      type: 'integer',
      minimum: 0,
      maximum: JUDGE_MAX_SCORE,
      description: `0 (useless) to ${JUDGE_MAX_SCORE} (perfect)`,
    },
  },
  required: ['reason', 'score'],
  additionalProperties: false,
};

const SYSTEM = `You grade the answer an AI agent gave to a task. Judge only the answer, against the rubric.
Reply with JSON: {"reason": "<one or two sentences>", "score": <integer from 0 to ${JUDGE_MAX_SCORE}>}.

Rubric:
`;

/** Asks a model to grade the answer from 0 to 10; the score is that divided by 10. */
export function createJudgeEvaluator(options: JudgeOptions): Evaluator {
  const maxChars = options.maxChars ?? 6000;
  return {
    name: options.name ?? 'judge',
    version: `${options.version ?? '1'}:${options.model.id}`,
    async evaluate(context): Promise<Score> {
      if (context.output.text === null) return { value: 0, details: 'no answer to judge' };
      const user = `Task given to the agent:\n${clip(context.inputText ?? '(unknown)', maxChars)}\n\nThe agent's answer:\n${clip(context.output.text, maxChars)}`;
      const text = await options.model.complete(
        {
          system: SYSTEM + options.rubric,
          user,
          schemaName: 'judgement',
          schema: JUDGE_ANSWER_SCHEMA,
        },
        context.signal,
      );
      const { score, reason } = parseJudgement(text);
      return { value: score / JUDGE_MAX_SCORE, details: `${score}/${JUDGE_MAX_SCORE}: ${reason}` };
    },
  };
}

/** Reads `{ reason, score }`; throws with the start of the text when it is anything else. */
export function parseJudgement(text: string): { score: number; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const score = (parsed as { score?: unknown } | undefined)?.score;
  const reason = (parsed as { reason?: unknown } | undefined)?.reason;
  if (
    typeof score !== 'number' ||
    !Number.isFinite(score) ||
    score < 0 ||
    score > JUDGE_MAX_SCORE
  ) {
    throw new Error(
      `the judge model did not answer {"reason", "score": 0-${JUDGE_MAX_SCORE}}: ${JSON.stringify(text.slice(0, 200))}`,
    );
  }
  return { score, reason: typeof reason === 'string' ? reason.trim() : '' };
}

function clip(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}
