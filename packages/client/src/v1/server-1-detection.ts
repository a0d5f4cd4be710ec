import { AglError } from '../errors.ts';

/** The health route of AGL 1.x's agl-server (no key needed). */
export const AGL_SERVER_1_HEALTH_PATH = '/healthz';

/** `errorType` of the error a store-only call raises when the server is AGL 1.x. */
export const AGL_SERVER_1_ERROR_TYPE = 'AglServer1';

/**
 * The error for span-based use (exporter, store client) of an AGL 1.x server: it keeps no spans,
 * so retrying cannot help.
 */
export function aglServer1Error(baseUrl: string): AglError {
  return new AglError({
    kind: 'protocol',
    message:
      `${baseUrl} is an AGL 1.x agl-server (GET /healthz answered {"status":"ok"}). AGL 1.0 takes no spans: ` +
      'its rollouts are captured by its model gateway instead, so the OpenTelemetry exporter cannot send ' +
      'anything there. Use the worker pattern (`pnpm agl:worker`, @agl/worker) or the controller harness ' +
      '(`agl-ts-harness`) against AGL 1.0, or point the exporter at an AGL 0.2/0.3 `agl store`.',
    method: 'GET',
    route: AGL_SERVER_1_HEALTH_PATH,
    dialect: '1.0',
    errorType: AGL_SERVER_1_ERROR_TYPE,
    retryable: false,
  });
}

/** True when `error` says the server is an AGL 1.x agl-server. */
export function isAglServer1Error(error: unknown): error is AglError {
  return error instanceof AglError && error.errorType === AGL_SERVER_1_ERROR_TYPE;
}
