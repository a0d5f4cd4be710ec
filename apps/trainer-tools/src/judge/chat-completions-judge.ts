import type { JudgeModel, JudgeRequest } from '@agl/rewards';

export interface ChatCompletionsJudgeOptions {
  /** OpenAI-compatible base URL, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Per request (default 60 s). */
  timeoutMs?: number;
}

/**
 * A judge model behind any OpenAI-compatible `/chat/completions` route, asked for JSON that
 * follows the request's schema (`response_format: json_schema`, strict) at temperature 0.
 */
export function createChatCompletionsJudge(options: ChatCompletionsJudgeOptions): JudgeModel {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    id: options.model,
    async complete(request: JudgeRequest, signal?: AbortSignal): Promise<string> {
      const timeout = AbortSignal.timeout(timeoutMs);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({
          model: options.model,
          temperature: 0,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: request.schemaName, schema: request.schema, strict: true },
          },
        }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      }).catch((error: unknown) => {
        const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : describe(error);
        throw new Error(`the judge model at ${url} cannot be reached: ${reason}`);
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(
          `the judge model at ${url} answered HTTP ${response.status}: ${errorMessage(text)}`,
        );
      }
      const content = (
        parse(text) as { choices?: Array<{ message?: { content?: unknown } }> } | undefined
      )?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') {
        throw new Error(`the judge model at ${url} sent no message content: ${text.slice(0, 200)}`);
      }
      return content;
    },
  };
}

function errorMessage(text: string): string {
  const message = (parse(text) as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : text.slice(0, 200);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
