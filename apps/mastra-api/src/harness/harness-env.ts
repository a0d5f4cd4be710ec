/** What a controller-launched container gets from AGL 1.0 (and us), checked. */
export interface HarnessEnv {
  /** The gateway's OpenAI base URL for this rollout and attempt (`…/openai/v1`). */
  openaiBaseUrl: string;
  /** Where the reward event goes: `…/api/rollouts/{id}/attempt/{attempt}/events`. */
  eventUrl: string;
  /** The server key; empty when the server has none. */
  key: string;
  /** The task: the rollout input as JSON. */
  input: unknown;
}

export class HarnessConfigError extends Error {
  override readonly name = 'HarnessConfigError';
}

function requiredUrl(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  hint: string,
): string {
  const value = env[name]?.trim();
  if (!value) throw new HarnessConfigError(`${name} is not set: ${hint}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HarnessConfigError(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HarnessConfigError(`${name} must use http or https, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Reads `AGL_OPENAI_BASE_URL`, `AGL_EVENT_URL`, `AGL_KEY` (set by AGL's controller) and the task
 * from `AGL_TASK_INPUT` (JSON; the Job template or `local.env_map` puts the rollout input there).
 * Throws a HarnessConfigError naming the first problem and how to fix it.
 */
export function readHarnessEnv(env: Readonly<Record<string, string | undefined>>): HarnessEnv {
  const controllerHint = "AGL's controller sets it for every rollout it launches";
  const openaiBaseUrl = requiredUrl(env, 'AGL_OPENAI_BASE_URL', controllerHint);
  const eventUrl = requiredUrl(env, 'AGL_EVENT_URL', controllerHint);
  const rawInput = env.AGL_TASK_INPUT;
  if (rawInput === undefined || rawInput.trim() === '') {
    throw new HarnessConfigError(
      'AGL_TASK_INPUT is not set: put the rollout input there as JSON (Job template: ' +
        'value: {{ input | tojson | yaml_escape }}; local runner: env_map {"AGL_TASK_INPUT": "input"})',
    );
  }
  let input: unknown;
  try {
    input = JSON.parse(rawInput);
  } catch (error) {
    throw new HarnessConfigError(`AGL_TASK_INPUT is not valid JSON: ${(error as Error).message}`);
  }
  return { openaiBaseUrl, eventUrl, key: env.AGL_KEY ?? '', input };
}
