/** AGL releases whose `agl store` (the LightningStore, with spans) we can run from a project venv (see tooling/python). */
export const SUPPORTED_AGL_VERSIONS = ['0.2.2', '0.3.0'] as const;
export type AglVersion = (typeof SUPPORTED_AGL_VERSIONS)[number];

/** The AGL 1.x release whose `agl-server` (rollouts, events, gateway; no spans) we run. */
export const AGL_SERVER_VERSION = '1.0.2';
export type AglServerVersion = typeof AGL_SERVER_VERSION;
/** Every AGL release with a project venv. */
export type AnyAglVersion = AglVersion | AglServerVersion;

export const DEFAULT_AGL_VERSION: AglVersion = '0.3.0';

const ALIASES: Record<string, AglVersion> = {
  '0.2': '0.2.2',
  '0.2.2': '0.2.2',
  '0.3': '0.3.0',
  '0.3.0': '0.3.0',
};

/** Accepts `0.2`, `0.2.2`, `0.3`, `0.3.0`; anything else is an error naming the accepted values. */
export function parseAglVersion(value: string): AglVersion {
  const version = ALIASES[value.trim()];
  if (!version) {
    throw new Error(
      `Unsupported AGL version "${value}". Use one of: ${Object.keys(ALIASES).join(', ')}.`,
    );
  }
  return version;
}

/** The path that answers `{"status":"ok"}` on a healthy store of this version. */
export function healthPath(version: AglVersion): string {
  return version.startsWith('0.2') ? '/health' : '/v1/agl/health';
}

/** Like {@link parseAglVersion}, but also accepts `1.0` / `1.0.2` (the `agl-server` release). */
export function parseAnyAglVersion(value: string): AnyAglVersion {
  const trimmed = value.trim();
  if (trimmed === '1.0' || trimmed === AGL_SERVER_VERSION) return AGL_SERVER_VERSION;
  try {
    return parseAglVersion(trimmed);
  } catch {
    throw new Error(
      `Unsupported AGL version "${value}". Use one of: ${[...Object.keys(ALIASES), '1.0', AGL_SERVER_VERSION].join(', ')}.`,
    );
  }
}
