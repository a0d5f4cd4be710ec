/** Where `agl store` listens unless told otherwise. */
export const DEFAULT_ENDPOINT = 'http://localhost:4747';

export type StoreBaseUrl = { ok: true; baseUrl: string } | { ok: false; problem: string };

/**
 * Checks a store base URL (from a flag, an environment variable or code) without throwing, so
 * each caller can report a problem in its own terms. Accepts http(s) URLs without query or
 * fragment; returns the URL trimmed and without trailing slashes.
 */
export function parseStoreBaseUrl(text: string): StoreBaseUrl {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: `"${text}" is not a URL; use e.g. ${DEFAULT_ENDPOINT}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `"${text}" is not an http(s) URL; use e.g. ${DEFAULT_ENDPOINT}` };
  }
  if (url.search !== '' || url.hash !== '') {
    return {
      ok: false,
      problem: `"${text}" has a ?query or #fragment; use the store's base URL only`,
    };
  }
  return { ok: true, baseUrl: trimmed.replace(/\/+$/, '') };
}
