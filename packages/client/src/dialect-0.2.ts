// AglStore over AGL 0.2.x: RPC-style routes at the root, every success is 200, store errors are
// 400 (after which the server drops the connection; the transport then uses fresh sockets).

import createClient from 'openapi-fetch';
import type { paths } from './generated/agl-0.2.ts';
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
import type { RolloutQuery, StoreCapabilities, StoreStatistics } from './store.ts';
import { compareBy, emptyStatusCounts, StoreBase, type StoreOptions } from './store-base.ts';
import type { HttpTransport } from './transport/http-transport.ts';
import { toWireSpan } from './wire-span.ts';

export const HEALTH_PATH_02 = '/health';

type Client02 = ReturnType<typeof createClient<paths>>;

/** 0.2's span status code is any string on the wire; our validator only ever sends the OTel three. */
function asSpan(span: unknown): Span {
  return span as Span;
}

export class AglStore02 extends StoreBase {
  readonly dialect = '0.2' as const;
  readonly capabilities: StoreCapabilities = Object.freeze({
    otlpTraces: false,
    serverPaging: false,
    workers: false,
    statistics: false,
  });
  protected readonly healthPath = HEALTH_PATH_02;
  readonly #client: Client02;

  constructor(transport: HttpTransport, options: StoreOptions = {}) {
    super(transport, options);
    this.#client = createClient<paths>({ baseUrl: transport.baseUrl });
  }

  static #rolloutBody(request: RolloutRequest) {
    const { worker_id: _notIn02, ...body } = request;
    return body;
  }

  /** 0.2 has no worker id on creation; record it on the attempt the way AGL's runner does. */
  async #claim(rollout: AttemptedRollout, workerId: string | undefined): Promise<AttemptedRollout> {
    if (workerId === undefined) return rollout;
    const attempt = await this.doUpdateAttempt(rollout.rollout_id, rollout.attempt.attempt_id, {
      worker_id: workerId,
    });
    return { ...rollout, attempt };
  }

  protected async doStartRollout(request: RolloutRequest): Promise<AttemptedRollout> {
    const { data } = await this.#client.POST('/start_rollout', {
      body: AglStore02.#rolloutBody(request),
      ...this.callSpec('POST', '/start_rollout', false),
    });
    return this.#claim(data as AttemptedRollout, request.worker_id ?? undefined);
  }

  protected async doEnqueueRollouts(requests: RolloutRequest[]): Promise<Rollout[]> {
    // One route call per rollout, in order: the queue is FIFO.
    const rollouts: Rollout[] = [];
    for (const request of requests) {
      const { data } = await this.#client.POST('/enqueue_rollout', {
        body: AglStore02.#rolloutBody(request),
        ...this.callSpec('POST', '/enqueue_rollout', false),
      });
      rollouts.push(data as Rollout);
    }
    return rollouts;
  }

  protected async doDequeueRollout(workerId: string | undefined): Promise<AttemptedRollout | null> {
    const { data } = await this.#client.GET('/dequeue_rollout', {
      ...this.callSpec('GET', '/dequeue_rollout', false),
    });
    return data ? this.#claim(data, workerId) : null;
  }

  protected async doStartAttempt(
    rolloutId: string,
    workerId: string | undefined,
  ): Promise<AttemptedRollout> {
    const { data } = await this.#client.POST('/start_attempt', {
      body: { rollout_id: rolloutId },
      ...this.callSpec('POST', '/start_attempt', false),
    });
    return this.#claim(data as AttemptedRollout, workerId);
  }

  protected async doGetRollout(rolloutId: string): Promise<Rollout | null> {
    const { data } = await this.#client.GET('/get_rollout_by_id/{rollout_id}', {
      params: { path: { rollout_id: rolloutId } },
      ...this.callSpec('GET', '/get_rollout_by_id/{rollout_id}', true),
    });
    return data ?? null;
  }

  /** 0.2 filters by status and ids on the server; substring, sorting and paging happen here. */
  protected async doQueryRollouts(query: RolloutQuery): Promise<Page<Rollout>> {
    const { data } = await this.#client.POST('/query_rollouts', {
      body: { status: query.status ?? null, rollout_ids: query.rolloutIds ?? null },
      ...this.callSpec('POST', '/query_rollouts', true),
    });
    let rollouts = (data ?? []) as Rollout[];
    const contains = query.rolloutIdContains;
    if (contains !== undefined) rollouts = rollouts.filter((r) => r.rollout_id.includes(contains));
    if (query.sortBy)
      rollouts = [...rollouts].sort(compareBy(query.sortBy, query.sortOrder ?? 'asc'));
    const limit = query.limit ?? -1;
    const offset = query.offset ?? 0;
    const items = rollouts.slice(offset, limit === -1 ? undefined : offset + limit);
    return { items, total: rollouts.length, limit, offset };
  }

  protected async doUpdateRollout(rolloutId: string, patch: RolloutPatch): Promise<Rollout> {
    const { data } = await this.#client.POST('/update_rollout', {
      body: { rollout_id: rolloutId, ...patch },
      ...this.callSpec('POST', '/update_rollout', true),
    });
    return data as Rollout;
  }

  protected async doWaitForRollouts(
    rolloutIds: string[],
    timeoutSeconds: number,
  ): Promise<Rollout[]> {
    const { data } = await this.#client.POST('/wait_for_rollouts', {
      body: { rollout_ids: rolloutIds, timeout: timeoutSeconds },
      ...this.callSpec(
        'POST',
        '/wait_for_rollouts',
        true,
        this.transport.options.timeoutMs + timeoutSeconds * 1000,
      ),
    });
    return (data ?? []) as Rollout[];
  }

  protected async doQueryAttempts(rolloutId: string): Promise<Attempt[]> {
    const { data } = await this.#client.GET('/query_attempts/{rollout_id}', {
      params: { path: { rollout_id: rolloutId } },
      ...this.callSpec('GET', '/query_attempts/{rollout_id}', true),
    });
    return (data ?? []) as Attempt[];
  }

  protected async doGetLatestAttempt(rolloutId: string): Promise<Attempt | null> {
    const { data } = await this.#client.GET('/get_latest_attempt/{rollout_id}', {
      params: { path: { rollout_id: rolloutId } },
      ...this.callSpec('GET', '/get_latest_attempt/{rollout_id}', true),
    });
    return data ?? null;
  }

  protected async doUpdateAttempt(
    rolloutId: string,
    attemptId: string,
    patch: AttemptPatch,
  ): Promise<Attempt> {
    const { data } = await this.#client.POST('/update_attempt', {
      body: { rollout_id: rolloutId, attempt_id: attemptId, ...patch },
      ...this.callSpec('POST', '/update_attempt', true),
    });
    return data as Attempt;
  }

  protected async doNextSequenceId(rolloutId: string, attemptId: string): Promise<number> {
    // Retrying can only skip a number; sequence ids need to grow, not to be dense.
    const { data } = await this.#client.GET(
      '/get_next_span_sequence_id/{rollout_id}/{attempt_id}',
      {
        params: { path: { rollout_id: rolloutId, attempt_id: attemptId } },
        ...this.callSpec('GET', '/get_next_span_sequence_id/{rollout_id}/{attempt_id}', true),
      },
    );
    return data as number;
  }

  protected async doAddSpan(span: Span): Promise<Span | null> {
    // Not retried once sent: 0.2 stores duplicates.
    const { data } = await this.#client.POST('/add_span', {
      body: toWireSpan(span),
      ...this.callSpec('POST', '/add_span', false),
    });
    return asSpan(data);
  }

  /** Sorted by sequence id like 0.3 (0.2 answers in insertion order). */
  protected async doQuerySpans(rolloutId: string, attemptId: string | undefined): Promise<Span[]> {
    const { data } = await this.#client.GET('/query_spans/{rollout_id}', {
      params: {
        path: { rollout_id: rolloutId },
        ...(attemptId === undefined ? {} : { query: { attempt_id: attemptId } }),
      },
      ...this.callSpec('GET', '/query_spans/{rollout_id}', true),
    });
    const spans = (data ?? []).map(asSpan);
    return spans.sort((a, b) => a.sequence_id - b.sequence_id);
  }

  protected async doExportOtlpTraces(): Promise<void> {
    this.unsupported('exportOtlpTraces', '0.2 has no /v1/traces route; send spans with addSpan(s)');
  }

  protected async doAddResources(resources: NamedResources): Promise<ResourcesUpdate> {
    const { data } = await this.#client.POST('/add_resources', {
      body: { resources },
      ...this.callSpec('POST', '/add_resources', false),
    });
    return data as ResourcesUpdate;
  }

  protected async doUpdateResources(
    resourcesId: string,
    resources: NamedResources,
  ): Promise<ResourcesUpdate> {
    const { data } = await this.#client.POST('/update_resources', {
      body: { resources_id: resourcesId, resources },
      ...this.callSpec('POST', '/update_resources', true),
    });
    return data as ResourcesUpdate;
  }

  protected async doGetResources(resourcesId: string): Promise<ResourcesUpdate | null> {
    const { data } = await this.#client.GET('/get_resources_by_id/{resources_id}', {
      params: { path: { resources_id: resourcesId } },
      ...this.callSpec('GET', '/get_resources_by_id/{resources_id}', true),
    });
    return data ?? null;
  }

  protected async doGetLatestResources(): Promise<ResourcesUpdate | null> {
    const { data } = await this.#client.GET('/get_latest_resources', {
      ...this.callSpec('GET', '/get_latest_resources', true),
    });
    return data ?? null;
  }

  protected async doUpdateWorker(): Promise<Worker> {
    this.unsupported('updateWorker', '0.2 has no worker registry');
  }

  /**
   * 0.2 has no statistics route: this fetches every rollout once (one request, O(rollouts) data)
   * and counts them. Attempts, spans, resources and workers cannot be counted cheaply: null.
   */
  async statistics(): Promise<StoreStatistics> {
    const { data } = await this.#client.POST('/query_rollouts', {
      body: {},
      ...this.callSpec('POST', '/query_rollouts', true),
    });
    const rolloutsByStatus = emptyStatusCounts();
    for (const rollout of data ?? []) rolloutsByStatus[rollout.status] += 1;
    return {
      totalRollouts: data?.length ?? 0,
      totalAttempts: null,
      totalSpans: null,
      totalResources: null,
      totalWorkers: null,
      uptimeSeconds: null,
      rolloutsByStatus,
    };
  }
}
