// generated from openapi/agl-server-1.0.yaml by `pnpm --filter @agl/client generate` — do not edit.
// Change the OpenAPI document instead and run the generator again.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness probe; needs no key. */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rollouts in any of the given states, in creation order, at most `limit`. */
        get: operations["listRollouts"];
        put?: never;
        /** Create rollouts in `queuing`. A given `rollout_id` that exists returns the existing rollout unchanged. */
        post: operations["createRollouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollouts/terminal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finished rollouts in completion order, paged by a cursor into the completion log. */
        get: operations["listTerminalRollouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollouts/{rollout_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rollout and the ids of the attempts that have events. */
        get: operations["getRollout"];
        put?: never;
        post?: never;
        /** Delete a rollout and its events; an unknown id is not an error. */
        delete: operations["deleteRollout"];
        options?: never;
        head?: never;
        /** Change the rollout's status (state, attempt id, error message, job name). */
        patch: operations["patchRollout"];
        trace?: never;
    };
    "/api/rollouts/{rollout_id}/attempt/{attempt_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Append an event (e.g. `reward` with `{value}`) to one attempt of a rollout. */
        post: operations["postEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rollouts/{rollout_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events of the rollout's current attempt, in order; `format=triplet` trims them for RL training. */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register model servers for the gateway (upsert by model and endpoint). */
        post: operations["registerModels"];
        /** Forget every registered model server. */
        delete: operations["deleteModels"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proxy/rollout/{rollout_id}/attempt/{attempt_id}/mode/{mode}/openai/v1/{upstream_path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The model gateway. Forwards an OpenAI request to the registered model and records it as a `model_request` event.
         * @description `upstream_path` is `chat/completions` or `completions`; `mode` is `train` or `val`.
         *     Non-streaming only (`stream: true` is a 400). The gateway overwrites `model` with its
         *     configured model name and forces `temperature` and `return_token_ids` (and `logprobs` in
         *     `train` mode). 503 when no model server is registered.
         */
        post: operations["gateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proxy/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New gateway requests get 429 (with Retry-After) while in-flight ones drain. */
        post: operations["pauseGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proxy/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forward gateway requests again. */
        post: operations["resumeGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proxy/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the gateway is paused and how many requests are in flight. */
        get: operations["gatewayState"];
        put?: never;
        post?: never;
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
        StatusOk: {
            [key: string]: string;
        };
        HTTPError: {
            detail: string;
        };
        HTTPValidationError: {
            detail?: components["schemas"]["ValidationIssue"][];
        };
        ValidationIssue: {
            loc: (string | number)[];
            msg: string;
            type: string;
            input?: unknown;
            ctx?: Record<string, never>;
        };
        /** @enum {string} */
        RolloutState: "queuing" | "running" | "succeeded" | "failed";
        RolloutLocalConfig: {
            agent_class?: string | null;
            env_map?: {
                [key: string]: string;
            };
        };
        RolloutK8sConfig: {
            job_template?: string | null;
        };
        RolloutConfig: {
            /** @default 3600 */
            timeout_seconds?: number;
            local?: components["schemas"]["RolloutLocalConfig"] | null;
            k8s?: components["schemas"]["RolloutK8sConfig"] | null;
        };
        /** @description Batch context for the algorithm; any other keys are kept. */
        RolloutMetadata: {
            batch_idx?: number | null;
            sample_idx_in_batch?: number | null;
        } & {
            [key: string]: unknown;
        };
        RolloutCreate: {
            /** @description The task, any JSON value. */
            input: unknown;
            /** @default true */
            is_train?: boolean;
            config?: components["schemas"]["RolloutConfig"] | null;
            metadata?: components["schemas"]["RolloutMetadata"] | {
                [key: string]: unknown;
            } | null;
            /** @description Caller-chosen id; makes creation idempotent. */
            rollout_id?: string | null;
        };
        RolloutLifecycleStatus: {
            /** @default queuing */
            state: components["schemas"]["RolloutState"];
            k8s_job_name: string | null;
            last_attempt_id: string | null;
            error_message: string | null;
            /** @default 1 */
            version: number;
            /** @description Unix seconds. */
            created_at: number;
            /** @description Unix seconds. */
            updated_at: number;
        };
        Rollout: {
            rollout_id: string;
            /** @description The task, as created. */
            input: unknown;
            /** @default true */
            is_train: boolean;
            config: components["schemas"]["RolloutConfig"];
            metadata: components["schemas"]["RolloutMetadata"];
            status: components["schemas"]["RolloutLifecycleStatus"];
        };
        RolloutDetail: {
            rollout: components["schemas"]["Rollout"];
            attempts: string[];
        };
        RolloutStatusPatch: {
            state?: components["schemas"]["RolloutState"] | null;
            k8s_job_name?: string | null;
            last_attempt_id?: string | null;
            error_message?: string | null;
        };
        RolloutPatch: {
            status?: components["schemas"]["RolloutStatusPatch"] | null;
        };
        TerminalRolloutItem: {
            rollout_id: string;
            state: components["schemas"]["RolloutState"];
            /** @description The input's `data_id` (or `instance_id`), "" when it has none. */
            data_id: string;
            is_train: boolean;
        };
        TerminalRolloutsPage: {
            items: components["schemas"]["TerminalRolloutItem"][];
            next_after: number;
            total_terminal: number;
        };
        EventCreate: {
            /** @description `reward`, `model_request` (the gateway's), or any name of your own. */
            event_type: string;
            data?: {
                [key: string]: unknown;
            };
        };
        Event: {
            event_type: string;
            rollout_id: string;
            attempt_id: string;
            /** @description Unix seconds, set by the server. */
            timestamp: number;
            data: {
                [key: string]: unknown;
            };
        };
        Model: {
            /** @description Must equal the gateway's configured model name to be used by it. */
            model: string;
            /** @description OpenAI base URL including its `/v1`, e.g. `http://127.0.0.1:8000/v1`. */
            endpoint: string;
            /** @default 0 */
            version?: number;
        };
        PauseRequest: {
            /** @default 5 */
            retry_after_seconds?: number;
            reason?: string | null;
        };
        PauseState: {
            paused: boolean;
            retry_after_seconds: number;
            reason: string | null;
            inflight: number;
        };
    };
    responses: {
        /** @description A server key is configured and the request did not carry it. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description No rollout with this id. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The lifecycle forbids this state change (e.g. someone else already claimed the rollout). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPError"];
            };
        };
        /** @description The request does not match the schema. */
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
        RolloutId: string;
        AttemptId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
        };
    };
    listRollouts: {
        parameters: {
            query: {
                state_in: components["schemas"]["RolloutState"][];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching rollouts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    createRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolloutCreate"][];
            };
        };
        responses: {
            /** @description The rollouts, in request order. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    listTerminalRollouts: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `next_after` back as `after` for the next. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalRolloutsPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    getRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutId"];
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
                    "application/json": components["schemas"]["RolloutDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
        };
    };
    deleteRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted (or never there). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    patchRollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolloutPatch"];
            };
        };
        responses: {
            /** @description The updated rollout (`status.version` counts the changes). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rollout"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationError"];
        };
    };
    postEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutId"];
                attempt_id: components["parameters"]["AttemptId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventCreate"];
            };
        };
        responses: {
            /** @description The stored event, with the server's timestamp. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                event_type?: string | null;
                /** @description `triplet`: model requests become token ids (deduplicated by prompt), rewards their value. */
                format?: string | null;
                include_routed_experts?: boolean;
            };
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
        };
    };
    registerModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Model"][];
            };
        };
        responses: {
            /** @description The registered models. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    deleteModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    gateway: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rollout_id: components["parameters"]["RolloutId"];
                attempt_id: components["parameters"]["AttemptId"];
                mode: string;
                upstream_path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upstream model's answer, passed through (its status too). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    pauseGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseRequest"];
            };
        };
        responses: {
            /** @description The gateway state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PauseState"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
        };
    };
    resumeGateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PauseState"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    gatewayState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gateway state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PauseState"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
}
