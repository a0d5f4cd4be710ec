// AglStore over AGL 0.3.x: REST under /v1/agl with server-side paging, creates answer 201, store
// errors are 500 with the message in the traceback, plus OTLP ingestion at /v1/traces.

import createClient from 'openapi-fetch';
import { isAglError } from './errors.ts';
import type { paths } from './generated/agl-0.3.ts';
import type {
  Attempt,
  AttemptedRollout,
  AttemptPatch,
  NamedResources,
  Page,
  ResourcesUpdate,
  Rollout,
  RolloutPatch,
  RolloutRequest,
  Span,
  Worker,
} from './model.ts';
import { ROLLOUT_STATUSES } from './model.ts';
import type { RolloutQuery, StoreCapabilities, StoreStatistics } from './store.ts';
import { emptyStatusCounts, StoreBase, type StoreOptions } from './store-base.ts';
import type { HttpTransport } from './transport/http-transport.ts';
import { toWireSpan } from './wire-span.ts';

export const HEALTH_PATH_03 = '/v1/agl/health';

type Client03 = ReturnType<typeof createClient<paths>>;

/** A missing rollout/attempt/resources answers 500; for getters that means "none". */
async function nullIfNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isAglError(error, 'not_found')) return null;
    throw error;
  }
}

export class AglStore03 extends StoreBase {
  readonly dialect = '0.3' as const;
  readonly capabilities: StoreCapabilities = Object.freeze({
    otlpTraces: true,
    serverPaging: true,
    workers: true,
    statistics: true,
  });
  protected readonly healthPath = HEALTH_PATH_03;
  readonly #client: Client03;

  constructor(transport: HttpTransport, options: StoreOptions = {}) {
    super(transport, options);
    this.#client = createClient<paths>({ baseUrl: transport.baseUrl });
  }

  protected async doStartRollout(request: RolloutRequest): Promise<AttemptedRollout> {
    const { data } = await this.#client.POST('/v1/agl/rollouts', {
      body: request,
      ...this.callSpec('POST', '/v1/agl/rollouts', false),
    });
    return data as AttemptedRollout;
  }

  protected async doEnqueueRollouts(requests: RolloutRequest[]): Promise<Rollout[]> {
    const rollouts = requests.map(({ worker_id: _notForEnqueue, ...rest }) => rest);
    const { data } = await this.#client.POST('/v1/agl/queues/rollouts/enqueue', {
      body: { rollouts },
      ...this.callSpec('POST', '/v1/agl/queues/rollouts/enqueue', false),
    });
    return (data ?? []) as Rollout[];
  }

  protected async doDequeueRollout(workerId: string | undefined): Promise<AttemptedRollout | null> {
    const { data } = await this.#client.POST('/v1/agl/queues/rollouts/dequeue', {
      body: { limit: 1, worker_id: workerId ?? null },
      ...this.callSpec('POST', '/v1/agl/queues/rollouts/dequeue', false),
    });
    return (data?.[0] as AttemptedRollout | undefined) ?? null;
  }

  protected async doStartAttempt(
    rolloutId: string,
    workerId: string | undefined,
  ): Promise<AttemptedRollout> {
    const { data } = await this.#client.POST('/v1/agl/rollouts/{rollout_id}/attempts', {
      params: { path: { rollout_id: rolloutId } },
      body: { worker_id: workerId ?? null },
      ...this.callSpec('POST', '/v1/agl/rollouts/{rollout_id}/attempts', false),
    });
    return data as AttemptedRollout;
  }

  protected doGetRollout(rolloutId: string): Promise<Rollout | null> {
    return nullIfNotFound(
      this.#client
        .GET('/v1/agl/rollouts/{rollout_id}', {
          params: { path: { rollout_id: rolloutId } },
          ...this.callSpec('GET', '/v1/agl/rollouts/{rollout_id}', true),
        })
        .then(({ data }) => data as Rollout),
    );
  }

  protected async doQueryRollouts(query: RolloutQuery): Promise<Page<Rollout>> {
    const { data } = await this.#client.POST('/v1/agl/rollouts/search', {
      body: {
        status_in: query.status ?? null,
        rollout_id_in: query.rolloutIds ?? null,
        rollout_id_contains: query.rolloutIdContains ?? null,
        limit: query.limit ?? -1,
        offset: query.offset ?? 0,
        sort_by: query.sortBy ?? null,
        sort_order: query.sortOrder ?? 'asc',
      },
      ...this.callSpec('POST', '/v1/agl/rollouts/search', true),
    });
    const page = data as NonNullable<typeof data>;
    return {
      items: page.items as Rollout[],
      total: page.total,
      limit: page.limit,
      offset: page.offset,
    };
  }

  protected async doUpdateRollout(rolloutId: string, patch: RolloutPatch): Promise<Rollout> {
    const { data } = await this.#client.POST('/v1/agl/rollouts/{rollout_id}', {
      params: { path: { rollout_id: rolloutId } },
      body: patch,
      ...this.callSpec('POST', '/v1/agl/rollouts/{rollout_id}', true),
    });
    return data as Rollout;
  }

  protected async doWaitForRollouts(
    rolloutIds: string[],
    timeoutSeconds: number,
  ): Promise<Rollout[]> {
    const { data } = await this.#client.POST('/v1/agl/waits/rollouts', {
      body: { rollout_ids: rolloutIds, timeout: timeoutSeconds },
      ...this.callSpec(
        'POST',
        '/v1/agl/waits/rollouts',
        true,
        this.transport.options.timeoutMs + timeoutSeconds * 1000,
      ),
    });
    return (data ?? []) as Rollout[];
  }

  protected async doQueryAttempts(rolloutId: string): Promise<Attempt[]> {
    const { data } = await this.#client.GET('/v1/agl/rollouts/{rollout_id}/attempts', {
      params: { path: { rollout_id: rolloutId }, query: { limit: -1 } },
      ...this.callSpec('GET', '/v1/agl/rollouts/{rollout_id}/attempts', true),
    });
    return (data?.items ?? []) as Attempt[];
  }

  protected doGetLatestAttempt(rolloutId: string): Promise<Attempt | null> {
    return nullIfNotFound(
      this.#client
        .GET('/v1/agl/rollouts/{rollout_id}/attempts/latest', {
          params: { path: { rollout_id: rolloutId } },
          ...this.callSpec('GET', '/v1/agl/rollouts/{rollout_id}/attempts/latest', true),
        })
        .then(({ data }) => (data ?? null) as Attempt | null),
    );
  }

  protected async doUpdateAttempt(
    rolloutId: string,
    attemptId: string,
    patch: AttemptPatch,
  ): Promise<Attempt> {
    const { data } = await this.#client.POST(
      '/v1/agl/rollouts/{rollout_id}/attempts/{attempt_id}',
      {
        params: { path: { rollout_id: rolloutId, attempt_id: attemptId } },
        body: patch,
        ...this.callSpec('POST', '/v1/agl/rollouts/{rollout_id}/attempts/{attempt_id}', true),
      },
    );
    return data as Attempt;
  }

  protected async doNextSequenceId(rolloutId: string, attemptId: string): Promise<number> {
    // Retrying can only skip a number; sequence ids need to grow, not to be dense.
    const { data } = await this.#client.POST('/v1/agl/spans/next', {
      body: { rollout_id: rolloutId, attempt_id: attemptId },
      ...this.callSpec('POST', '/v1/agl/spans/next', true),
    });
    return (data as NonNullable<typeof data>).sequence_id;
  }

  protected async doAddSpan(span: Span): Promise<Span | null> {
    // Retry-safe: 0.3 does not store a second span with the same (rollout, attempt, span) ids.
    const { data } = await this.#client.POST('/v1/agl/spans', {
      body: toWireSpan(span),
      ...this.callSpec('POST', '/v1/agl/spans', true),
    });
    return (data ?? null) as Span | null;
  }

  protected async doQuerySpans(rolloutId: string, attemptId: string | undefined): Promise<Span[]> {
    const { data } = await this.#client.GET('/v1/agl/spans', {
      params: {
        query: {
          rollout_id: rolloutId,
          limit: -1,
          ...(attemptId === undefined ? {} : { attempt_id: attemptId }),
        },
      },
      ...this.callSpec('GET', '/v1/agl/spans', true),
    });
    return (data?.items ?? []) as Span[];
  }

  protected async doExportOtlpTraces(body: Uint8Array): Promise<void> {
    // Retry-safe: the store skips spans whose ids it already has.
    await this.transport.send({
      method: 'POST',
      route: '/v1/traces',
      path: '/v1/traces',
      retrySafe: true,
      body,
      contentType: 'application/x-protobuf',
    });
  }

  protected async doAddResources(resources: NamedResources): Promise<ResourcesUpdate> {
    const { data } = await this.#client.POST('/v1/agl/resources', {
      body: resources,
      ...this.callSpec('POST', '/v1/agl/resources', false),
    });
    return data as ResourcesUpdate;
  }

  protected async doUpdateResources(
    resourcesId: string,
    resources: NamedResources,
  ): Promise<ResourcesUpdate> {
    const { data } = await this.#client.POST('/v1/agl/resources/{resources_id}', {
      params: { path: { resources_id: resourcesId } },
      body: resources,
      ...this.callSpec('POST', '/v1/agl/resources/{resources_id}', true),
    });
    return data as ResourcesUpdate;
  }

  protected doGetResources(resourcesId: string): Promise<ResourcesUpdate | null> {
    return nullIfNotFound(
      this.#client
        .GET('/v1/agl/resources/{resources_id}', {
          params: { path: { resources_id: resourcesId } },
          ...this.callSpec('GET', '/v1/agl/resources/{resources_id}', true),
        })
        .then(({ data }) => (data ?? null) as ResourcesUpdate | null),
    );
  }

  protected async doGetLatestResources(): Promise<ResourcesUpdate | null> {
    const { data } = await this.#client.GET('/v1/agl/resources/latest', {
      ...this.callSpec('GET', '/v1/agl/resources/latest', true),
    });
    return (data ?? null) as ResourcesUpdate | null;
  }

  protected async doUpdateWorker(
    workerId: string,
    heartbeatStats: Record<string, unknown> | undefined,
  ): Promise<Worker> {
    const { data } = await this.#client.POST('/v1/agl/workers/{worker_id}', {
      params: { path: { worker_id: workerId } },
      body: heartbeatStats === undefined ? {} : { heartbeat_stats: heartbeatStats },
      ...this.callSpec('POST', '/v1/agl/workers/{worker_id}', true),
    });
    return data as Worker;
  }

  /** One statistics request plus one `limit=1` rollout query per status (totals only). */
  async statistics(): Promise<StoreStatistics> {
    const [counters, ...totals] = await Promise.all([
      this.#client
        .GET('/v1/agl/statistics', { ...this.callSpec('GET', '/v1/agl/statistics', true) })
        .then(({ data }) => data as NonNullable<typeof data>),
      ...ROLLOUT_STATUSES.map((status) =>
        this.#client
          .POST('/v1/agl/rollouts/search', {
            body: { status_in: [status], limit: 1 },
            ...this.callSpec('POST', '/v1/agl/rollouts/search', true),
          })
          .then(({ data }) => [status, data?.total ?? 0] as const),
      ),
    ]);
    const rolloutsByStatus = emptyStatusCounts();
    for (const [status, total] of totals) rolloutsByStatus[status] = total;
    return {
      totalRollouts: counters.total_rollouts,
      totalAttempts: counters.total_attempts,
      totalSpans: counters.total_spans,
      totalResources: counters.total_resources,
      totalWorkers: counters.total_workers,
      uptimeSeconds: counters.uptime,
      rolloutsByStatus,
    };
  }
}
