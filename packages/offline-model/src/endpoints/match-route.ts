import { ApiError } from '../api-error.ts';

export type Route =
  | { readonly name: 'health' }
  | { readonly name: 'models' }
  | { readonly name: 'model'; readonly id: string }
  | { readonly name: 'chat.completions' }
  | { readonly name: 'responses' };

const ROUTES: ReadonlyArray<{
  method: string;
  path: RegExp;
  route: (match: RegExpMatchArray) => Route;
}> = [
  { method: 'GET', path: /^\/health$/, route: () => ({ name: 'health' }) },
  { method: 'GET', path: /^\/v1\/models$/, route: () => ({ name: 'models' }) },
  {
    method: 'GET',
    path: /^\/v1\/models\/([^/]+)$/,
    route: (m) => ({ name: 'model', id: decode(m[1]) }),
  },
  {
    method: 'POST',
    path: /^\/v1\/chat\/completions$/,
    route: () => ({ name: 'chat.completions' }),
  },
  { method: 'POST', path: /^\/v1\/responses$/, route: () => ({ name: 'responses' }) },
];

export const ROUTE_LIST =
  'GET /health, GET /v1/models, GET /v1/models/{id}, POST /v1/chat/completions, POST /v1/responses';

/** Finds the route for a request line; a 404 (unknown path) or 405 (wrong method) otherwise. */
export function matchRoute(method: string, pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const allowed: string[] = [];
  for (const entry of ROUTES) {
    const match = path.match(entry.path);
    if (!match) continue;
    if (entry.method === method || (entry.method === 'GET' && method === 'HEAD'))
      return entry.route(match);
    allowed.push(entry.method);
  }
  if (allowed.length > 0) {
    throw new ApiError(405, `${method} is not allowed on ${path}: use ${allowed.join(' or ')}.`, {
      code: 'method_not_allowed',
    });
  }
  throw new ApiError(
    404,
    `Invalid URL (${method} ${path}). This offline model serves ${ROUTE_LIST}.`,
    {
      code: 'unknown_url',
    },
  );
}

function decode(part: string | undefined): string {
  try {
    return decodeURIComponent(part ?? '');
  } catch {
    return part ?? '';
  }
}
