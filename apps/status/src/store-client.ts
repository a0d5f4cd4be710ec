import { type AglStore, connect } from '@agl/client';
import { DASHBOARD_CONNECT_OPTIONS } from '@agl/snapshot';

/** Opens the store with short timeouts, so a silent store shows as "not answering" quickly. */
export function connectStore(endpoint: string): Promise<AglStore> {
  return connect(endpoint, DASHBOARD_CONNECT_OPTIONS);
}
