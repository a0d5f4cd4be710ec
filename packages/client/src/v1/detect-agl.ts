import { type DialectDetection, detectDialect } from '../connect.ts';
import type { TransportOptions } from '../transport/options.ts';
import { isAglServer1Error } from './server-1-detection.ts';

export interface AglDetection {
  /** `0.2` / `0.3`: an `agl store` (spans); `1.0`: an `agl-server` (rollouts, events, gateway). */
  version: DialectDetection['dialect'] | '1.0';
  baseUrl: string;
  /** What answered, e.g. `GET /healthz answered {"status":"ok"}`. */
  evidence: string;
}

/** Tells which AGL answers at `url`: a 0.2 or 0.3 store, or a 1.x agl-server. */
export async function detectAgl(
  url: string,
  options: TransportOptions & { probeTimeoutMs?: number } = {},
): Promise<AglDetection> {
  try {
    const found = await detectDialect(url, options);
    return { version: found.dialect, baseUrl: found.baseUrl, evidence: found.evidence };
  } catch (error) {
    if (!isAglServer1Error(error)) throw error;
    return {
      version: '1.0',
      baseUrl: url.replace(/\/+$/, ''),
      evidence: 'GET /healthz answered {"status":"ok"}',
    };
  }
}
