import type { LlmResource, NamedResources } from '@agl/client';

/** The rollout and attempt a `proxy_llm` URL is built for. */
export interface AttemptIds {
  rolloutId: string;
  attemptId: string;
}

/** An LLM resource ready to call: the base URL already points at this rollout and attempt. */
export interface ResolvedLlm {
  /** The resource's name in AGL's `NamedResources` (e.g. `main_llm`). */
  name: string;
  kind: LlmResource['resource_type'];
  /** OpenAI-compatible base URL to send requests to. */
  baseUrl: string;
  model: string;
  apiKey: string | null;
  /** Request parameters AGL wants on every call (`temperature`, `top_p`, …), in OpenAI names. */
  samplingParameters: Record<string, unknown>;
}

function isLlm(resource: NamedResources[string] | undefined): resource is LlmResource {
  return resource?.resource_type === 'llm' || resource?.resource_type === 'proxy_llm';
}

/**
 * The LLM resource to use: the one called `name` when given, else the first LLM or proxy LLM
 * AGL published (its trainers publish one, usually `main_llm`). Undefined when there is none.
 */
export function findLlmResource(
  resources: NamedResources | null | undefined,
  name?: string,
): [string, LlmResource] | undefined {
  if (!resources) return undefined;
  if (name !== undefined) {
    const resource = resources[name];
    if (resource === undefined) return undefined;
    if (!isLlm(resource)) {
      throw new TypeError(
        `AGL resource "${name}" is a ${resource.resource_type}, not an llm or proxy_llm resource.`,
      );
    }
    return [name, resource];
  }
  for (const [key, resource] of Object.entries(resources)) {
    if (isLlm(resource)) return [key, resource];
  }
  return undefined;
}

/**
 * Where to send model requests. A `proxy_llm` endpoint gets the rollout and attempt in its path,
 * exactly as AGL's `ProxyLLM.get_base_url` builds it: one trailing `/` is dropped, and a trailing
 * `/v1` moves after `/rollout/{rollout_id}/attempt/{attempt_id}`.
 */
export function llmBaseUrl(resource: LlmResource, ids: AttemptIds): string {
  if (resource.resource_type !== 'proxy_llm') return resource.endpoint;
  let base = resource.endpoint.endsWith('/') ? resource.endpoint.slice(0, -1) : resource.endpoint;
  const hadV1 = base.endsWith('/v1');
  if (hadV1) base = base.slice(0, -'/v1'.length);
  const scoped = `${base}/rollout/${ids.rolloutId}/attempt/${ids.attemptId}`;
  return hadV1 ? `${scoped}/v1` : scoped;
}

/** The named (or first) LLM resource, with its base URL built for this attempt. */
export function resolveLlm(
  resources: NamedResources | null | undefined,
  ids: AttemptIds,
  name?: string,
): ResolvedLlm | undefined {
  const found = findLlmResource(resources, name);
  if (!found) return undefined;
  const [key, resource] = found;
  if (typeof resource.endpoint !== 'string' || resource.endpoint.trim() === '') {
    throw new TypeError(`AGL resource "${key}" has no endpoint.`);
  }
  return {
    name: key,
    kind: resource.resource_type,
    baseUrl: llmBaseUrl(resource, ids),
    model: resource.model,
    apiKey: resource.api_key ?? null,
    samplingParameters: { ...resource.sampling_parameters },
  };
}
