export {
  type AdapterMessage,
  type AdapterOutput,
  type AdapterTriplet,
  runAglAdapters,
} from './agl-adapters.ts';
export {
  type AglServerOptions,
  AglServerProcess,
  DEFAULT_GATEWAY_MODEL,
  startAglServer,
} from './agl-server-process.ts';
export {
  type AglStoreOptions,
  AglStoreProcess,
  startAglStore,
} from './agl-store-process.ts';
export {
  AGL_SERVER_VERSION,
  type AglServerVersion,
  type AglVersion,
  type AnyAglVersion,
  DEFAULT_AGL_VERSION,
  healthPath,
  parseAglVersion,
  parseAnyAglVersion,
  SUPPORTED_AGL_VERSIONS,
} from './agl-versions.ts';
export { eventually } from './eventually.ts';
export { type FaultMode, FaultProxy, startFaultProxy } from './fault-proxy.ts';
export { freePort } from './free-port.ts';
export { OFFLINE_ENV } from './python-launch.ts';
export { findRepoRoot } from './repo-root.ts';
export { ensureVenv } from './venv.ts';
