// generated from openapi/agl-store-0.2.yaml by `pnpm --filter @agl/client generate` — do not edit.
// Change the OpenAPI document instead and run the generator again.
export interface paths {
    "/health": {
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
    "/start_rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a rollout in `preparing` together with attempt 1 (not queued). */
        post: operations["startRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enqueue_rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a rollout in `queuing` and append it to the FIFO queue (no attempt yet). */
        post: operations["enqueueRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dequeue_rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pop the oldest queuing/requeuing rollout and start a new attempt for it. */
        get: operations["dequeueRollout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/start_attempt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a new attempt (ignores `max_attempts`) and force the rollout to `preparing`. */
        post: operations["startAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/query_rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rollouts in insertion order, filtered by id and status (`null` = no filter, `[]` = nothing). */
        post: operations["queryRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/query_attempts/{rollout_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rollout's attempts in creation order (`[]` for an unknown rollout). */
        get: operations["queryAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_latest_attempt/{rollout_id}": {
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
    "/get_rollout_by_id/{rollout_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rollout (without its attempt), or `null` when unknown. */
        get: operations["getRolloutById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/add_resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store a new resources snapshot under a generated id (`rs-` + 12 hex) and make it latest. */
        post: operations["addResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update_resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upsert a resources snapshot under the given id and make it latest. */
        post: operations["updateResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_resources_by_id/{resources_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One resources snapshot, or `null` when unknown. */
        get: operations["getResourcesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_latest_resources": {
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
    "/add_span": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store one span (no de-duplication) and count it as a heartbeat of its attempt.
         * @description Raises the rollout's sequence counter to at least `sequence_id`, then checks that the
         *     rollout exists and the attempt belongs to it (400 otherwise).
         */
        post: operations["addSpan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/get_next_span_sequence_id/{rollout_id}/{attempt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Increment and return the rollout's span sequence counter (the attempt is ignored).
         * @description No validation; unknown ids still get numbers.
         */
        get: operations["getNextSpanSequenceId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wait_for_rollouts": {
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
         * @description Returns only finished rollouts, in the order they finished; unknown ids are dropped.
         *     `timeout: null` waits forever and `<= 0` returns at once, so keep timeouts short and poll.
         */
        post: operations["waitForRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/query_spans/{rollout_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rollout's spans in insertion order (`[]` for an unknown rollout).
         * @description `attempt_id=latest` picks the attempt of the span with the highest `sequence_id`.
         *     400 when the rollout's spans were evicted.
         */
        get: operations["querySpans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update_rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the given fields of a rollout (attempts are not touched). */
        post: operations["updateRollout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update_attempt": {
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
        };
        RolloutIdRequest: {
            rollout_id: string;
        };
        QueryRolloutsRequest: {
            /**
             * @description `null` = any status; `[]` matches nothing.
             * @default null
             */
            status?: components["schemas"]["RolloutStatus"][] | null;
            /**
             * @description `null` = any id; `[]` matches nothing.
             * @default null
             */
            rollout_ids?: string[] | null;
        };
        WaitForRolloutsRequest: {
            rollout_ids: string[];
            /**
             * @description Seconds to wait on the server; `null` = forever, `<= 0` = return at once.
             * @default null
             */
            timeout?: number | null;
        };
        /** @description Omitted keys stay unchanged. */
        UpdateRolloutRequest: {
            rollout_id: string;
            /** @description Any JSON value; `null` sets the input to null. */
            input?: unknown;
            /** @description `null` clears the mode. */
            mode?: components["schemas"]["RolloutMode"] | null;
            /** @description `null` clears the resources id. */
            resources_id?: string | null;
            /** @description `null` is rejected (422). */
            status?: components["schemas"]["RolloutStatus"];
            /** @description `{}` resets the config to defaults; `null` is rejected (422). */
            config?: components["schemas"]["RolloutConfigInput"];
            /** @description `{}` clears it; `null` is rejected (422). */
            metadata?: components["schemas"]["Metadata"];
        };
        /** @description Omitted keys stay unchanged; `null` is rejected (422) for every optional key. */
        UpdateAttemptRequest: {
            rollout_id: string;
            /** @description A concrete attempt id or `latest`. */
            attempt_id: string | "latest";
            status?: components["schemas"]["AttemptStatus"];
            /** @description `""` clears it. */
            worker_id?: string;
            /** @description Epoch seconds. */
            last_heartbeat_time?: number;
            metadata?: components["schemas"]["Metadata"];
        };
        /** @description A primitive or a homogeneous array of primitives (no null, objects or nested arrays). */
        AttributeValue: string | boolean | number | string[] | boolean[] | number[] | number[];
        Attributes: {
            [key: string]: components["schemas"]["AttributeValue"];
        };
        TraceStatus: {
            /** @description Any string is accepted by 0.2.x; OpenTelemetry writes `UNSET`, `OK` or `ERROR`. */
            status_code: string;
            /** @default null */
            description?: string | null;
        } & {
            [key: string]: unknown;
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
            /** @description Per-rollout order, from `get_next_span_sequence_id`. */
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
        AddResourcesRequest: {
            resources: components["schemas"]["NamedResources"];
        };
        ResourcesUpdate: {
            /** @description `rs-` followed by 12 hex characters when generated by the server. */
            resources_id: string;
            resources: components["schemas"]["NamedResources"];
        };
        /** @description Body of the 400 the server sends for any exception raised by the store. */
        AppError: {
            /** @description The exception message, e.g. "Rollout ro-x not found". */
            detail: string;
            /** @description The exception class, e.g. `ValueError`. */
            error_type: string;
            /** @description The full Python traceback. */
            traceback: string;
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
    };
    responses: {
        /**
         * @description The store raised an exception (unknown rollout or attempt, evicted spans, ...).
         *     The server closes the connection after sending this response.
         */
        AppError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AppError"];
            };
        };
        /** @description The path or body failed validation. */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPValidationError"];
            };
        };
    };
    parameters: {
        RolloutIdPath: string;
        ResourcesIdPath: string;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    enqueueRollout: {
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
            /** @description The queued rollout. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    dequeueRollout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dequeued rollout with its new attempt, or `null` when the queue is empty. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"] | null;
                };
            };
            400: components["responses"]["AppError"];
        };
    };
    startAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolloutIdRequest"];
            };
        };
        responses: {
            /** @description The rollout with its new attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptedRollout"];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    queryRollouts: {
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
            /** @description The matching rollouts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"][];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    queryAttempts: {
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
            /** @description The attempts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempt"][];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
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
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
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
            /** @description The rollout or `null`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"] | null;
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
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
                "application/json": components["schemas"]["AddResourcesRequest"];
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
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    updateResources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourcesUpdate"];
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
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
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
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
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
            400: components["responses"]["AppError"];
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
            /** @description The stored span, echoed back. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Span"];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    getNextSpanSequenceId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
                attempt_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The next sequence id, as a bare JSON integer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
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
            /** @description The finished rollouts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"][];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    querySpans: {
        parameters: {
            query?: {
                /** @description An attempt id or `latest`; omitted means every attempt. */
                attempt_id?: string | null;
            };
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Span"][];
                };
            };
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    updateRollout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
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
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
    updateAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
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
            400: components["responses"]["AppError"];
            422: components["responses"]["ValidationError"];
        };
    };
}
