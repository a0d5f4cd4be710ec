// generated from openapi/agl-store-0.3.yaml by `pnpm --filter @agl/client generate` — do not edit.
// Change the OpenAPI document instead and run the generator again.
export interface paths {
    "/v1/agl/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe. */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/queues/rollouts/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create rollouts in `queuing` and append them to the FIFO queue (no attempts yet). */
        post: operations["enqueueRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/queues/rollouts/dequeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pop up to `limit` queued rollouts, starting a new attempt for each.
         * @description With a `worker_id`, the worker is marked busy (or idle when the queue is empty).
         */
        post: operations["dequeueRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Filter, sort and page rollouts (each with its latest attempt when it has one). */
        get: operations["queryRollouts"];
        put?: never;
        /** Create a rollout in `preparing` together with attempt 1 (not queued). */
        post: operations["startRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Same as `GET /v1/agl/rollouts`, with the query as a JSON body. */
        post: operations["searchRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts/{rollout_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One rollout, with its latest attempt when it has one.
         * @description An unknown id is a 500 with `error_type` `ResponseValidationError`.
         */
        get: operations["getRolloutById"];
        put?: never;
        /** Set the given fields of a rollout (attempts are not touched). */
        post: operations["updateRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts/{rollout_id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sort and page the rollout's attempts. */
        get: operations["queryAttempts"];
        put?: never;
        /** Create a new attempt (ignores `max_attempts`) and force the rollout to `preparing`. */
        post: operations["startAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts/{rollout_id}/attempts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Same as `GET /v1/agl/rollouts/{rollout_id}/attempts`, with the query as a JSON body. */
        post: operations["searchAttempts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts/{rollout_id}/attempts/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attempt with the highest sequence id, or `null`. */
        get: operations["getLatestAttempt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/rollouts/{rollout_id}/attempts/{attempt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the given fields of an attempt; on the latest attempt the rollout status is re-derived. */
        post: operations["updateAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Filter, sort and page workers. */
        get: operations["queryWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/workers/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Same as `GET /v1/agl/workers`, with the query as a JSON body. */
        post: operations["searchWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/workers/{worker_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One worker, or `null` when unknown. */
        get: operations["getWorker"];
        put?: never;
        /**
         * Upsert a worker and record a heartbeat (`last_heartbeat_time = now`).
         * @description A worker heartbeat is not an attempt heartbeat.
         */
        post: operations["updateWorker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counters of the store backend. */
        get: operations["getStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Filter, sort and page resources snapshots. */
        get: operations["queryResources"];
        put?: never;
        /** Store a new resources snapshot under a generated id and make it latest. */
        post: operations["addResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/resources/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The most recently added or updated resources snapshot, or `null`. */
        get: operations["getLatestResources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/resources/{resources_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One resources snapshot, or `null` when unknown. */
        get: operations["getResourcesById"];
        put?: never;
        /** Upsert a resources snapshot under the given id (version + 1) and make it latest. */
        post: operations["updateResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/spans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Filter, sort and page one rollout's spans (sorted by `sequence_id` by default). */
        get: operations["querySpans"];
        put?: never;
        /**
         * Store one span and count it as a heartbeat of its attempt.
         * @description Raises the rollout's sequence counter to at least `sequence_id`. A span with the same
         *     (rollout_id, attempt_id, span_id) as a stored one is not stored again; the answer is then `null`.
         */
        post: operations["addSpan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/spans/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Same as `GET /v1/agl/spans`, with the query as a JSON body. */
        post: operations["searchSpans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/spans/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Increment and return the rollout's span sequence counter (the attempt is ignored). */
        post: operations["getNextSpanSequenceId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agl/waits/rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wait on the server until the rollouts finish or the timeout passes.
         * @description Returns only finished rollouts, in request order; unknown ids are dropped.
         */
        post: operations["waitForRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/traces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OTLP/HTTP trace ingestion (protobuf only).
         * @description `rollout_id` / `attempt_id` come from the resource attributes `agentlightning.rollout_id`
         *     and `agentlightning.attempt_id` (span attributes override them); spans without both are
         *     dropped silently. `agentlightning.span_sequence_id` sets the sequence id; otherwise the
         *     server allocates ids in request order. `Content-Encoding: gzip` is accepted.
         */
        post: operations["exportTraces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not implemented. */
        post: operations["exportMetrics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not implemented. */
        post: operations["exportLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/development/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not implemented. */
        post: operations["exportProfiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthStatus: {
            /** @constant */
            status: "ok";
        };
        /** @enum {string} */
        RolloutStatus: "queuing" | "preparing" | "running" | "failed" | "succeeded" | "cancelled" | "requeuing";
        /** @enum {string} */
        AttemptStatus: "preparing" | "running" | "failed" | "succeeded" | "unresponsive" | "timeout";
        /** @enum {string} */
        RolloutMode: "train" | "val" | "test";
        Metadata: {
            [key: string]: unknown;
        };
        /** @description Retry and timeout settings of a rollout, as the server returns them. */
        RolloutConfig: {
            /** @description Seconds from attempt start until the attempt times out; `null` = never. */
            timeout_seconds: number | null;
            /** @description Seconds without a heartbeat until the attempt is unresponsive; `null` = never. */
            unresponsive_seconds: number | null;
            /** @default 1 */
            max_attempts: number;
            /** @description Attempt statuses that requeue the rollout while attempts remain. */
            retry_condition: components["schemas"]["AttemptStatus"][];
        };
        /** @description Retry and timeout settings of a rollout, as sent; omitted keys take their defaults. */
        RolloutConfigInput: {
            /** @default null */
            timeout_seconds?: number | null;
            /** @default null */
            unresponsive_seconds?: number | null;
            /** @default 1 */
            max_attempts?: number;
            /** @default [] */
            retry_condition?: components["schemas"]["AttemptStatus"][];
        };
        Attempt: {
            rollout_id: string;
            /** @description `at-` followed by 8 hex characters. */
            attempt_id: string;
            /** @description 1 for the first attempt of the rollout, then 2, 3, ... */
            sequence_id: number;
            /** @description Epoch seconds. */
            start_time: number;
            end_time: number | null;
            /** @default preparing */
            status: components["schemas"]["AttemptStatus"];
            worker_id: string | null;
            last_heartbeat_time: number | null;
            metadata: components["schemas"]["Metadata"] | null;
        };
        Rollout: {
            /** @description `ro-` followed by 12 hex characters. */
            rollout_id: string;
            /** @description Any JSON value (may be null). */
            input: unknown;
            /** @description Epoch seconds. */
            start_time: number;
            end_time: number | null;
            mode: components["schemas"]["RolloutMode"] | null;
            resources_id: string | null;
            /** @default queuing */
            status: components["schemas"]["RolloutStatus"];
            config: components["schemas"]["RolloutConfig"];
            metadata: components["schemas"]["Metadata"] | null;
        };
        /** @description A rollout together with its current attempt (`attempt.rollout_id == rollout_id`). */
        AttemptedRollout: {
            rollout_id: string;
            /** @description Any JSON value (may be null). */
            input: unknown;
            start_time: number;
            end_time: number | null;
            mode: components["schemas"]["RolloutMode"] | null;
            resources_id: string | null;
            /** @default queuing */
            status: components["schemas"]["RolloutStatus"];
            config: components["schemas"]["RolloutConfig"];
            metadata: components["schemas"]["Metadata"] | null;
            attempt: components["schemas"]["Attempt"];
        };
        WaitForRolloutsRequest: {
            rollout_ids: string[];
            /**
             * @description Seconds to wait on the server; `null` = forever, `<= 0` = return at once.
             * @default null
             */
            timeout?: number | null;
        };
        /** @description A primitive or a homogeneous array of primitives (no null, objects or nested arrays). */
        AttributeValue: string | boolean | number | string[] | boolean[] | number[] | number[];
        Attributes: {
            [key: string]: components["schemas"]["AttributeValue"];
        };
        SpanContext: {
            /** @description 32 lowercase hex characters by convention. */
            trace_id: string;
            /** @description 16 lowercase hex characters by convention. */
            span_id: string;
            is_remote: boolean;
            trace_state: {
                [key: string]: string;
            };
        } & {
            [key: string]: unknown;
        };
        Event: {
            name: string;
            attributes: components["schemas"]["Attributes"];
            /**
             * @description Epoch seconds.
             * @default null
             */
            timestamp?: number | null;
        } & {
            [key: string]: unknown;
        };
        Link: {
            context: components["schemas"]["SpanContext"];
            /** @default null */
            attributes?: components["schemas"]["Attributes"] | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Unknown keys are dropped. */
        OtelResource: {
            attributes: components["schemas"]["Attributes"];
            /** @description `""` when there is none. */
            schema_url: string;
        };
        /**
         * @description One span. Every key is required (nullable ones as `null`). Unknown top-level keys are
         *     stored and echoed back.
         */
        Span: {
            rollout_id: string;
            attempt_id: string;
            /** @description Per-rollout order, issued by the server's sequence counter. */
            sequence_id: number;
            /** @description 32 lowercase hex characters by convention. */
            trace_id: string;
            /** @description 16 lowercase hex characters by convention. */
            span_id: string;
            /** @description 16 lowercase hex characters; `null` for a root span. */
            parent_id: string | null;
            name: string;
            status: components["schemas"]["TraceStatus"];
            attributes: components["schemas"]["Attributes"];
            events: components["schemas"]["Event"][];
            links: components["schemas"]["Link"][];
            /** @description Epoch seconds. */
            start_time: number | null;
            /** @description Epoch seconds. */
            end_time: number | null;
            context: components["schemas"]["SpanContext"] | null;
            parent: components["schemas"]["SpanContext"] | null;
            resource: components["schemas"]["OtelResource"];
        } & {
            [key: string]: unknown;
        };
        LLM: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resource_type: "llm";
            endpoint: string;
            model: string;
            /** @default null */
            api_key?: string | null;
            /** @default {} */
            sampling_parameters?: {
                [key: string]: unknown;
            };
        };
        /** @description An LLM reached through AGL's LLMProxy, which adds rollout/attempt routing to the endpoint. */
        ProxyLLM: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resource_type: "proxy_llm";
            endpoint: string;
            model: string;
            /** @default null */
            api_key?: string | null;
            /** @default {} */
            sampling_parameters?: {
                [key: string]: unknown;
            };
        };
        PromptTemplate: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            resource_type: "prompt_template";
            template: string;
            /** @enum {string} */
            engine: "jinja" | "f-string" | "poml";
        };
        Resource: components["schemas"]["LLM"] | components["schemas"]["ProxyLLM"] | components["schemas"]["PromptTemplate"];
        /** @description Resource name -> resource. */
        NamedResources: {
            [key: string]: components["schemas"]["Resource"];
        };
        ValidationError: {
            loc: (string | number)[];
            msg: string;
            type: string;
            input?: unknown;
            ctx?: Record<string, never>;
        };
        HTTPValidationError: {
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * @default asc
         * @enum {string}
         */
        SortOrder: "asc" | "desc";
        /**
         * @default and
         * @enum {string}
         */
        FilterLogic: "and" | "or";
        /** @enum {string} */
        WorkerStatus: "idle" | "busy" | "unknown";
        RolloutRequest: {
            /** @description Any JSON value. The key is required; `null` is accepted. */
            input: unknown;
            /** @default null */
            mode?: components["schemas"]["RolloutMode"] | null;
            /**
             * @description `null` = the latest resources at creation time (not validated).
             * @default null
             */
            resources_id?: string | null;
            /**
             * @description `null` = default config.
             * @default null
             */
            config?: components["schemas"]["RolloutConfigInput"] | null;
            /**
             * @description `null` = `{}`.
             * @default null
             */
            metadata?: components["schemas"]["Metadata"] | null;
            /**
             * @description Recorded on the first attempt.
             * @default null
             */
            worker_id?: string | null;
        };
        EnqueueRolloutRequest: {
            /** @description Any JSON value. The key is required; `null` is accepted. */
            input: unknown;
            /** @default null */
            mode?: components["schemas"]["RolloutMode"] | null;
            /** @default null */
            resources_id?: string | null;
            /** @default null */
            config?: components["schemas"]["RolloutConfigInput"] | null;
            /** @default null */
            metadata?: components["schemas"]["Metadata"] | null;
        };
        EnqueueManyRolloutsRequest: {
            rollouts: components["schemas"]["EnqueueRolloutRequest"][];
        };
        DequeueManyRolloutsRequest: {
            /**
             * @description At most this many rollouts; `<= 0` returns `[]`.
             * @default 1
             */
            limit?: number;
            /** @default null */
            worker_id?: string | null;
        };
        StartAttemptRequest: {
            /** @default null */
            worker_id?: string | null;
        };
        QueryRolloutsRequest: {
            /** @default null */
            status_in?: components["schemas"]["RolloutStatus"][] | null;
            /** @default null */
            rollout_id_in?: string[] | null;
            /** @default null */
            rollout_id_contains?: string | null;
            /** @default -1 */
            limit?: number;
            /** @default 0 */
            offset?: number;
            /** @default null */
            sort_by?: string | null;
            sort_order?: components["schemas"]["SortOrder"];
            filter_logic?: components["schemas"]["FilterLogic"];
        };
        QueryAttemptsRequest: {
            /** @default -1 */
            limit?: number;
            /** @default 0 */
            offset?: number;
            /** @default sequence_id */
            sort_by?: string | null;
            sort_order?: components["schemas"]["SortOrder"];
        };
        QuerySpansRequest: {
            rollout_id: string;
            /**
             * @description An attempt id or `latest` (the newest attempt).
             * @default null
             */
            attempt_id?: string | null;
            /** @default null */
            trace_id?: string | null;
            /** @default null */
            trace_id_contains?: string | null;
            /** @default null */
            span_id?: string | null;
            /** @default null */
            span_id_contains?: string | null;
            /** @default null */
            parent_id?: string | null;
            /** @default null */
            parent_id_contains?: string | null;
            /** @default null */
            name?: string | null;
            /** @default null */
            name_contains?: string | null;
            filter_logic?: components["schemas"]["FilterLogic"];
            /** @default -1 */
            limit?: number;
            /** @default 0 */
            offset?: number;
            /** @default sequence_id */
            sort_by?: string | null;
            sort_order?: components["schemas"]["SortOrder"];
        };
        QueryWorkersRequest: {
            /** @default null */
            status_in?: components["schemas"]["WorkerStatus"][] | null;
            /** @default null */
            worker_id_contains?: string | null;
            /** @default -1 */
            limit?: number;
            /** @default 0 */
            offset?: number;
            /** @default null */
            sort_by?: string | null;
            sort_order?: components["schemas"]["SortOrder"];
            filter_logic?: components["schemas"]["FilterLogic"];
        };
        /** @description Omitted keys stay unchanged. */
        UpdateRolloutRequest: {
            /** @description Any JSON value; `null` sets the input to null. */
            input?: unknown;
            /** @description `null` clears the mode. */
            mode?: components["schemas"]["RolloutMode"] | null;
            /** @description `null` clears the resources id. */
            resources_id?: string | null;
            status?: components["schemas"]["RolloutStatus"];
            /** @description `{}` resets the config to defaults. */
            config?: components["schemas"]["RolloutConfigInput"];
            /** @description `null` clears it. */
            metadata?: components["schemas"]["Metadata"] | null;
        };
        /** @description Omitted keys stay unchanged. */
        UpdateAttemptRequest: {
            status?: components["schemas"]["AttemptStatus"];
            /** @description `""` clears it. */
            worker_id?: string;
            /** @description Epoch seconds. */
            last_heartbeat_time?: number;
            metadata?: components["schemas"]["Metadata"];
        };
        UpdateWorkerRequest: {
            heartbeat_stats?: {
                [key: string]: unknown;
            };
        };
        NextSequenceIdRequest: {
            rollout_id: string;
            attempt_id: string;
        };
        NextSequenceIdResponse: {
            sequence_id: number;
        };
        /** @description A runner process, as seen through its heartbeats and dequeues. */
        Worker: {
            worker_id: string;
            /** @default unknown */
            status: components["schemas"]["WorkerStatus"];
            heartbeat_stats: {
                [key: string]: unknown;
            } | null;
            last_heartbeat_time: number | null;
            last_dequeue_time: number | null;
            last_busy_time: number | null;
            last_idle_time: number | null;
            current_rollout_id: string | null;
            current_attempt_id: string | null;
        };
        TraceStatus: {
            /** @enum {string} */
            status_code: "UNSET" | "OK" | "ERROR";
            /** @default null */
            description?: string | null;
        } & {
            [key: string]: unknown;
        };
        ResourcesUpdate: {
            /** @description `rs-` followed by 12 hex characters when generated by the server. */
            resources_id: string;
            /** @description Epoch seconds. */
            create_time: number;
            /** @description Epoch seconds. */
            update_time: number;
            /** @description 1 on creation, + 1 on every update. */
            version: number;
            resources: components["schemas"]["NamedResources"];
        };
        /** @description Counters of the store backend; the memory backend adds the byte counters. */
        Statistics: {
            /** @description The backend class, e.g. `InMemoryLightningStore`. */
            name: string;
            total_rollouts: number;
            total_attempts: number;
            total_spans: number;
            total_resources: number;
            total_workers: number;
            /** @description Seconds since the store was created. */
            uptime: number;
            total_span_bytes?: number;
            eviction_threshold_bytes?: number;
            safe_threshold_bytes?: number;
            memory_capacity_bytes?: number;
        } & {
            [key: string]: unknown;
        };
        PaginatedRollouts: {
            items: (components["schemas"]["AttemptedRollout"] | components["schemas"]["Rollout"])[];
            limit: number;
            offset: number;
            /** @description Matches before paging. */
            total: number;
        };
        PaginatedAttempts: {
            items: components["schemas"]["Attempt"][];
            limit: number;
            offset: number;
            total: number;
        };
        PaginatedSpans: {
            items: components["schemas"]["Span"][];
            limit: number;
            offset: number;
            total: number;
        };
        PaginatedResources: {
            items: components["schemas"]["ResourcesUpdate"][];
            limit: number;
            offset: number;
            total: number;
        };
        PaginatedWorkers: {
            items: components["schemas"]["Worker"][];
            limit: number;
            offset: number;
            total: number;
        };
        /** @description Body of the 500 the server sends for any exception raised by the store. */
        ServerError: {
            /** @constant */
            detail: "Internal server error";
            /** @description The exception class, e.g. `ValueError` or `ResponseValidationError`. */
            error_type: string;
            /** @description The full Python traceback; its last line is `<ExceptionClass>: <message>`. */
            traceback: string;
        };
        HTTPError: {
            detail: string;
        };
    };
    responses: {
        /**
         * @description The store raised an exception. `detail` is always "Internal server error"; the message
         *     is the last line of `traceback`. Sent without CORS headers.
         */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ServerError"];
            };
        };
        /** @description A request check in the handler failed (paging, sorting, a null where a value is needed). */
        HTTPError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The path, query or body failed validation. */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPValidationError"];
            };
        };
        /** @description This OTLP signal is not supported. */
        NotImplemented: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: {
        RolloutIdPath: string;
        ResourcesIdPath: string;
        WorkerIdPath: string;
        /** @description Page size; `-1` = no limit. `0` and values below `-1` are a 400. */
        Limit: number;
        /** @description Items to skip; negative is a 400. */
        Offset: number;
        /** @description A field of the listed model; any other name is a 400. Nulls sort first. */
        SortBy: string | null;
        /** @description A field of the listed model; any other name is a 400. */
        SortBySequenceId: string | null;
        SortOrder: components["schemas"]["SortOrder"];
        FilterLogic: components["schemas"]["FilterLogic"];
        TraceId: string | null;
        TraceIdContains: string | null;
        SpanId: string | null;
        SpanIdContains: string | null;
        ParentId: string | null;
        ParentIdContains: string | null;
        Name: string | null;
        NameContains: string | null;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The store is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
        };
    };
    enqueueRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnqueueManyRolloutsRequest"];
            };
        };
        responses: {
            /** @description The queued rollouts, in request order (`[]` for an empty list). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"][];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    dequeueRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DequeueManyRolloutsRequest"] | null;
            };
        };
        responses: {
            /** @description The dequeued rollouts (`[]` when the queue is empty or `limit <= 0`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"][];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    queryRollouts: {
        parameters: {
            query?: {
                /** @description Repeat the key for several statuses. */
                status_in?: components["schemas"]["RolloutStatus"][] | null;
                /** @description Repeat the key for several ids. */
                rollout_id_in?: string[] | null;
                rollout_id_contains?: string | null;
                /** @description Page size; `-1` = no limit. `0` and values below `-1` are a 400. */
                limit?: components["parameters"]["Limit"];
                /** @description Items to skip; negative is a 400. */
                offset?: components["parameters"]["Offset"];
                /** @description A field of the listed model; any other name is a 400. Nulls sort first. */
                sort_by?: components["parameters"]["SortBy"];
                sort_order?: components["parameters"]["SortOrder"];
                filter_logic?: components["parameters"]["FilterLogic"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of rollouts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRollouts"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    startRollout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolloutRequest"];
            };
        };
        responses: {
            /** @description The new rollout with its first attempt. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    searchRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryRolloutsRequest"];
            };
        };
        responses: {
            /** @description One page of rollouts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRollouts"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    getRolloutById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rollout. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"] | components["schemas"]["Rollout"];
                };
            };
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    updateRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRolloutRequest"];
            };
        };
        responses: {
            /** @description The updated rollout. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    queryAttempts: {
        parameters: {
            query?: {
                /** @description Page size; `-1` = no limit. `0` and values below `-1` are a 400. */
                limit?: components["parameters"]["Limit"];
                /** @description Items to skip; negative is a 400. */
                offset?: components["parameters"]["Offset"];
                /** @description A field of the listed model; any other name is a 400. */
                sort_by?: components["parameters"]["SortBySequenceId"];
                sort_order?: components["parameters"]["SortOrder"];
            };
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of attempts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAttempts"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    startAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StartAttemptRequest"] | null;
            };
        };
        responses: {
            /** @description The rollout with its new attempt. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    searchAttempts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryAttemptsRequest"];
            };
        };
        responses: {
            /** @description One page of attempts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAttempts"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    getLatestAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest attempt or `null`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"] | null;
                };
            };
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    updateAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
                /** @description A concrete attempt id or `latest`. */
                attempt_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAttemptRequest"];
            };
        };
        responses: {
            /** @description The updated attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    queryWorkers: {
        parameters: {
            query?: {
                /** @description Repeat the key for several statuses. */
                status_in?: components["schemas"]["WorkerStatus"][] | null;
                worker_id_contains?: string | null;
                /** @description Page size; `-1` = no limit. `0` and values below `-1` are a 400. */
                limit?: components["parameters"]["Limit"];
                /** @description Items to skip; negative is a 400. */
                offset?: components["parameters"]["Offset"];
                /** @description A field of the listed model; any other name is a 400. Nulls sort first. */
                sort_by?: components["parameters"]["SortBy"];
                sort_order?: components["parameters"]["SortOrder"];
                filter_logic?: components["parameters"]["FilterLogic"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of workers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedWorkers"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    searchWorkers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueryWorkersRequest"];
            };
        };
        responses: {
            /** @description One page of workers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedWorkers"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    getWorker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                worker_id: components["parameters"]["WorkerIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The worker or `null`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"] | null;
                };
            };
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    updateWorker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                worker_id: components["parameters"]["WorkerIdPath"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateWorkerRequest"] | null;
            };
        };
        responses: {
            /** @description The worker. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Worker"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    getStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statistics"];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    queryResources: {
        parameters: {
            query?: {
                resources_id?: string | null;
                resources_id_contains?: string | null;
                /** @description Page size; `-1` = no limit. `0` and values below `-1` are a 400. */
                limit?: components["parameters"]["Limit"];
                /** @description Items to skip; negative is a 400. */
                offset?: components["parameters"]["Offset"];
                /** @description A field of the listed model; any other name is a 400. Nulls sort first. */
                sort_by?: components["parameters"]["SortBy"];
                sort_order?: components["parameters"]["SortOrder"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of resources snapshots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedResources"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    addResources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NamedResources"];
            };
        };
        responses: {
            /** @description The stored snapshot (version 1). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourcesUpdate"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    getLatestResources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot or `null`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourcesUpdate"] | null;
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    getResourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resources_id: components["parameters"]["ResourcesIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot or `null`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourcesUpdate"] | null;
                };
            };
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    updateResources: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resources_id: components["parameters"]["ResourcesIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NamedResources"];
            };
        };
        responses: {
            /** @description The stored snapshot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourcesUpdate"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    querySpans: {
        parameters: {
            query: {
                rollout_id: string;
                /** @description An attempt id or `latest` (the newest attempt). */
                attempt_id?: string | null;
                trace_id?: components["parameters"]["TraceId"];
                trace_id_contains?: components["parameters"]["TraceIdContains"];
                span_id?: components["parameters"]["SpanId"];
                span_id_contains?: components["parameters"]["SpanIdContains"];
                parent_id?: components["parameters"]["ParentId"];
                parent_id_contains?: components["parameters"]["ParentIdContains"];
                name?: components["parameters"]["Name"];
                name_contains?: components["parameters"]["NameContains"];
                filter_logic?: components["parameters"]["FilterLogic"];
                /** @description Page size; `-1` = no limit. `0` and values below `-1` are a 400. */
                limit?: components["parameters"]["Limit"];
                /** @description Items to skip; negative is a 400. */
                offset?: components["parameters"]["Offset"];
                /** @description A field of the listed model; any other name is a 400. */
                sort_by?: components["parameters"]["SortBySequenceId"];
                sort_order?: components["parameters"]["SortOrder"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of spans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedSpans"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    addSpan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Span"];
            };
        };
        responses: {
            /** @description The stored span, or `null` for a duplicate. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Span"] | null;
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    searchSpans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuerySpansRequest"];
            };
        };
        responses: {
            /** @description One page of spans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedSpans"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    getNextSpanSequenceId: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NextSequenceIdRequest"];
            };
        };
        responses: {
            /** @description The next sequence id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NextSequenceIdResponse"];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    waitForRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaitForRolloutsRequest"];
            };
        };
        responses: {
            /** @description The finished rollouts (without `attempt`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"][];
                };
            };
            400: components["responses"]["HTTPError"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
        };
    };
    exportTraces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-protobuf": string;
            };
        };
        responses: {
            /** @description An empty `ExportTraceServiceResponse`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-protobuf": string;
                };
            };
            /** @description Wrong Content-Type or a body that does not parse; a `google.rpc.Status`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-protobuf": string;
                };
            };
            /** @description The store rejected the spans (unknown rollout, nested map attribute, ...). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    exportMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            501: components["responses"]["NotImplemented"];
        };
    };
    exportLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            501: components["responses"]["NotImplemented"];
        };
    };
    exportProfiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            501: components["responses"]["NotImplemented"];
        };
    };
}
