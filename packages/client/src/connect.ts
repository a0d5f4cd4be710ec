import { AglStore02, HEALTH_PATH_02 } from './dialect-0.2.ts';
import { AglStore03, HEALTH_PATH_03 } from './dialect-0.3.ts';
import { AglError } from './errors.ts';
import type { AglStore, Dialect } from './store.ts';
import type { StoreOptions } from './store-base.ts';
import { HttpTransport, isHealthyBody, type RawResponse } from './transport/http-transport.ts';
import type { NetworkFailure } from './transport/network-error.ts';
import type { TransportOptions } from './transport/options.ts';
import { AGL_SERVER_1_HEALTH_PATH, aglServer1Error } from './v1/server-1-detection.ts';

export interface ConnectOptions extends TransportOptions, StoreOptions {
  /** Skip detection and speak this dialect. Default `auto`. */
  dialect?: Dialect | 'auto';
  /** Timeout of each detection probe. */
  probeTimeoutMs?: number;
  /** Told which dialect detection found, and why. */
  onDetected?: (detection: DialectDetection) => void;
}

export interface DialectDetection {
  dialect: Dialect;
  baseUrl: string;
  /** What answered, e.g. `GET /v1/agl/health answered {"status":"ok"}`. */
  evidence: string;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;

const DIALECTS: readonly Dialect[] = ['0.2', '0.3'];

/** A store client for a known dialect; nothing is sent until the first call. */
export function createAglStore(
  url: string,
  dialect: Dialect,
  options: TransportOptions & StoreOptions = {},
): AglStore {
  if (!DIALECTS.includes(dialect)) {
    throw new TypeError(`dialect must be "0.2" or "0.3", got ${JSON.stringify(dialect)}`);
  }
  const healthPath = dialect === '0.2' ? HEALTH_PATH_02 : HEALTH_PATH_03;
  const transport = new HttpTransport(url, dialect, healthPath, options);
  return dialect === '0.2'
    ? new AglStore02(transport, options)
    : new AglStore03(transport, options);
}

function describeAnswer(path: string, answer: RawResponse | NetworkFailure): string {
  if (!('status' in answer)) {
    return `GET ${path} ${answer.type === 'timeout' ? 'timed out' : `failed (${answer.code})`}`;
  }
  const type = answer.headers.get('content-type')?.split(';')[0] ?? 'no content type';
  return `GET ${path} answered ${answer.status} ${type}`;
}

/**
 * Finds the dialect of the store at `url`: `GET /v1/agl/health` answering `{"status":"ok"}` is
 * 0.3; otherwise `GET /health` answering that JSON is 0.2 (0.3's dashboard answers it with HTML).
 * An AGL 1.x agl-server (`GET /healthz`) has no store and takes no spans: that is a non-retryable
 * `protocol` error saying what to use instead (see `detectAgl` to tell all three apart).
 */
export async function detectDialect(
  url: string,
  options: TransportOptions & { probeTimeoutMs?: number } = {},
): Promise<DialectDetection> {
  const transport = new HttpTransport(url, null, null, { ...options, retry: false });
  const timeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  try {
    const answers: string[] = [];
    let networkFailures = 0;
    for (const [dialect, path] of [
      ['0.3', HEALTH_PATH_03],
      ['0.2', HEALTH_PATH_02],
    ] as const) {
      const answer = await transport.probe(path, timeoutMs);
      if ('status' in answer && answer.status === 200 && isHealthyBody(answer)) {
        return {
          dialect,
          baseUrl: transport.baseUrl,
          evidence: `GET ${path} answered {"status":"ok"}`,
        };
      }
      if (!('status' in answer)) networkFailures += 1;
      answers.push(describeAnswer(path, answer));
      // Nothing listening: asking the second path cannot help.
      if (!('status' in answer) && answer.type === 'network' && answer.phase === 'connect') break;
    }
    const unreachable = networkFailures > 0 && answers.length === networkFailures;
    if (!unreachable) {
      const answer = await transport.probe(AGL_SERVER_1_HEALTH_PATH, timeoutMs);
      if ('status' in answer && answer.status === 200 && isHealthyBody(answer)) {
        throw aglServer1Error(transport.baseUrl);
      }
    }
    throw new AglError({
      kind: unreachable ? 'unavailable' : 'protocol',
      message: unreachable
        ? `No AGL store at ${transport.baseUrl}: ${answers.join('; ')}. Is \`agl store\` running there?`
        : `Something answers at ${transport.baseUrl}, but not like an AGL 0.2 or 0.3 store (${answers.join('; ')}).`,
      method: 'GET',
      route: `${HEALTH_PATH_03} | ${HEALTH_PATH_02}`,
      dialect: null,
      retryable: unreachable,
    });
  } finally {
    await transport.close();
  }
}

/**
 * Connects to the AGL store at `url`, detecting its dialect unless `options.dialect` names one.
 *
 *   const store = await connect('http://127.0.0.1:4747');
 *   console.log(store.dialect); // '0.2' or '0.3'
 */
export async function connect(url: string, options: ConnectOptions = {}): Promise<AglStore> {
  const { dialect = 'auto', probeTimeoutMs, onDetected, ...rest } = options;
  if (dialect !== 'auto') return createAglStore(url, dialect, rest);
  const detection = await detectDialect(url, {
    ...rest,
    ...(probeTimeoutMs === undefined ? {} : { probeTimeoutMs }),
  });
  onDetected?.(detection);
  return createAglStore(url, detection.dialect, rest);
}
