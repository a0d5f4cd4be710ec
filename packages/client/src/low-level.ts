// Typed low-level clients, one per dialect: openapi-fetch over the generated types, sending
// through the same transport (pool, timeouts, retries, AglError) as the AglStore facade.

import createClient, { type Client } from 'openapi-fetch';
import { HEALTH_PATH_02 } from './dialect-0.2.ts';
import { HEALTH_PATH_03 } from './dialect-0.3.ts';
import type { paths as Paths02 } from './generated/agl-0.2.ts';
import type { paths as Paths03 } from './generated/agl-0.3.ts';
import type { Dialect } from './store.ts';
import { HttpTransport } from './transport/http-transport.ts';
import type { TransportOptions } from './transport/options.ts';

export type { components as Components02, paths as Paths02 } from './generated/agl-0.2.ts';
export type { components as Components03, paths as Paths03 } from './generated/agl-0.3.ts';

export interface LowLevelClient<Paths extends {}> {
  /** Every route of the dialect, typed by path and method. Non-2xx answers throw AglError. */
  readonly api: Client<Paths>;
  close(): Promise<void>;
}

/**
 * A typed client for every route of one dialect. GETs are retried like the facade's reads;
 * POSTs are not retried once sent.
 *
 *   const { api } = createLowLevelClient('http://127.0.0.1:4747', '0.3');
 *   const { data } = await api.GET('/v1/agl/rollouts', { params: { query: { limit: 10 } } });
 */
export function createLowLevelClient(
  url: string,
  dialect: '0.2',
  options?: TransportOptions,
): LowLevelClient<Paths02>;
export function createLowLevelClient(
  url: string,
  dialect: '0.3',
  options?: TransportOptions,
): LowLevelClient<Paths03>;
export function createLowLevelClient(
  url: string,
  dialect: Dialect,
  options: TransportOptions = {},
): LowLevelClient<Paths02> | LowLevelClient<Paths03> {
  const healthPath = dialect === '0.2' ? HEALTH_PATH_02 : HEALTH_PATH_03;
  const transport = new HttpTransport(url, dialect, healthPath, options);
  const settings = { baseUrl: transport.baseUrl, fetch: transport.fetchFor() };
  const close = () => transport.close();
  return dialect === '0.2'
    ? { api: createClient<Paths02>(settings), close }
    : { api: createClient<Paths03>(settings), close };
}
