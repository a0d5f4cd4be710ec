import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  propagation,
} from '@opentelemetry/api';

/** Who and where a run happened; written to the rollout's metadata. */
export interface AglRunContext {
  /** → `metadata.user_id` */
  userId?: string | undefined;
  /** → `metadata.session_id` */
  sessionId?: string | undefined;
  /** → `metadata.tags` (merged, in order, without repeats) */
  tags?: string[] | undefined;
  /** → `metadata.environment`, e.g. `production` */
  environment?: string | undefined;
  /** → `metadata.release`, e.g. a version or commit */
  release?: string | undefined;
  /** More keys for `metadata`, as they are. */
  metadata?: Record<string, unknown> | undefined;
}

const RUN_CONTEXT_KEY = createContextKey('agl run context');

/** Baggage entries read as run context (OpenTelemetry semantic-convention names first). */
const BAGGAGE_KEYS = { userId: 'user.id', sessionId: 'session.id', tags: 'agl.tags' } as const;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function tagList(value: unknown): string[] | undefined {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  const tags = items.map(text).filter((tag): tag is string => tag !== undefined);
  return tags.length > 0 ? tags.map((tag) => tag.trim()) : undefined;
}

/**
 * Keeps what is usable of a context given by an app: ids as strings (numbers are accepted and
 * turned into text), tags as a list of strings, metadata as a plain object. Anything else is left
 * out rather than thrown at the app mid-request.
 */
export function normalizeRunContext(input: unknown): AglRunContext {
  if (!input || typeof input !== 'object') return {};
  const raw = input as Record<string, unknown>;
  const result: AglRunContext = {};
  const userId = text(raw.userId);
  const sessionId = text(raw.sessionId);
  const tags = tagList(raw.tags);
  const environment = text(raw.environment);
  const release = text(raw.release);
  if (userId !== undefined) result.userId = userId;
  if (sessionId !== undefined) result.sessionId = sessionId;
  if (tags !== undefined) result.tags = tags;
  if (environment !== undefined) result.environment = environment;
  if (release !== undefined) result.release = release;
  if (raw.metadata && typeof raw.metadata === 'object' && !Array.isArray(raw.metadata)) {
    result.metadata = { ...(raw.metadata as Record<string, unknown>) };
  }
  return result;
}

/** Later contexts win field by field; tags and metadata accumulate. */
export function mergeRunContexts(...contexts: Array<AglRunContext | undefined>): AglRunContext {
  const merged: AglRunContext = {};
  for (const next of contexts) {
    if (!next) continue;
    if (next.userId !== undefined) merged.userId = next.userId;
    if (next.sessionId !== undefined) merged.sessionId = next.sessionId;
    if (next.environment !== undefined) merged.environment = next.environment;
    if (next.release !== undefined) merged.release = next.release;
    if (next.tags) merged.tags = [...new Set([...(merged.tags ?? []), ...next.tags])];
    if (next.metadata) merged.metadata = { ...merged.metadata, ...next.metadata };
  }
  return merged;
}

/**
 * Runs `fn` with a run context: every agent run started inside it (directly or through awaits)
 * gets these fields on its rollout. Nested calls add to the outer context. The context stays in
 * this process: unlike baggage, it is not sent to the services the app calls.
 *
 *   await withAglContext({ userId: req.user.id, sessionId, tags: ['beta'] }, () => agent.generate(q));
 */
export function withAglContext<T>(runContext: AglRunContext, fn: () => T): T {
  const active = context.active();
  const outer = active.getValue(RUN_CONTEXT_KEY) as AglRunContext | undefined;
  const merged = mergeRunContexts(outer, normalizeRunContext(runContext));
  return context.with(active.setValue(RUN_CONTEXT_KEY, merged), fn);
}

/** The run context in an OpenTelemetry context: baggage (`user.id`, `session.id`, `agl.tags`), then `withAglContext`. */
export function runContextOf(parent: Context): AglRunContext | undefined {
  const explicit = parent.getValue(RUN_CONTEXT_KEY) as AglRunContext | undefined;
  const baggage = propagation.getBaggage(parent);
  if (!baggage) return explicit;
  const fromBaggage = normalizeRunContext({
    userId: baggage.getEntry(BAGGAGE_KEYS.userId)?.value,
    sessionId: baggage.getEntry(BAGGAGE_KEYS.sessionId)?.value,
    tags: baggage.getEntry(BAGGAGE_KEYS.tags)?.value,
  });
  return mergeRunContexts(fromBaggage, explicit);
}

function parsedTags(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return tagList(value);
  try {
    return tagList(JSON.parse(value));
  } catch {
    return tagList(value);
  }
}

/**
 * The run context carried by an agent span: Mastra's `tracingOptions.metadata` (`userId`,
 * `user_id`, `sessionId`, `session_id` under `mastra.metadata.`) and `tracingOptions.tags`
 * (`mastra.tags`).
 */
export function runContextOfSpan(attributes: Attributes): AglRunContext {
  return normalizeRunContext({
    userId: attributes['mastra.metadata.userId'] ?? attributes['mastra.metadata.user_id'],
    sessionId: attributes['mastra.metadata.sessionId'] ?? attributes['mastra.metadata.session_id'],
    tags: parsedTags(attributes['mastra.tags']),
  });
}

/** The rollout metadata keys of a run context. */
export function runContextMetadata(runContext: AglRunContext): Record<string, unknown> {
  const metadata: Record<string, unknown> = { ...runContext.metadata };
  if (runContext.userId !== undefined) metadata.user_id = runContext.userId;
  if (runContext.sessionId !== undefined) metadata.session_id = runContext.sessionId;
  if (runContext.tags !== undefined) metadata.tags = [...runContext.tags];
  if (runContext.environment !== undefined) metadata.environment = runContext.environment;
  if (runContext.release !== undefined) metadata.release = runContext.release;
  return metadata;
}
