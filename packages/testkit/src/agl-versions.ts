/** AGL releases whose `agl store` we can run from a project venv (see tooling/python). */
export const SUPPORTED_AGL_VERSIONS = ['0.2.2', '0.3.0'] as const;
export type AglVersion = (typeof SUPPORTED_AGL_VERSIONS)[number];

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
