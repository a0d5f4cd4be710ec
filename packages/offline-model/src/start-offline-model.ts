import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './api-error.ts';
import { answerChatCompletion } from './endpoints/chat-completions.ts';
import { type EndpointResult, errorResult, jsonResult } from './endpoints/endpoint-result.ts';
import { matchRoute, type Route } from './endpoints/match-route.ts';
import { listModels, retrieveModel } from './endpoints/models.ts';
import { ResponseHistoryStore } from './endpoints/response-history.ts';
import { answerResponses } from './endpoints/responses.ts';
import { DEFAULT_MAX_BODY_BYTES, parseJsonBody, readBody } from './server/read-body.ts';
import { RequestLog, type RequestLogView } from './server/request-log.ts';
import { sendResult } from './server/send-result.ts';

export const DEFAULT_MODEL = 'agl-offline-1';

export interface OfflineModelOptions {
  /** TCP port; 0 (the default) lets the OS pick a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** The model id `/v1/models` lists and replies carry when a request names none. */
  readonly model?: string;
  /** Largest accepted request body; default 10 MB (larger bodies get a 413). */
  readonly maxBodyBytes?: number;
  /** How many recent requests `requests.log` keeps; default 200. */
  readonly logLimit?: number;
  /** Called after each request, e.g. to print a log line. Its errors are ignored. */
  readonly onRequest?: (entry: RequestLogView['log'][number]) => void;
}

export interface OfflineModel {
  /** The OpenAI base URL, ending in /v1: pass it as `baseURL`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly model: string;
  /** One line that says what is running, for the host app to print. */
  readonly banner: string;
  readonly requests: RequestLogView;
  /** Stops the server and drops open connections; safe to call more than once. */
  close(): Promise<void>;
}

/** Bodies larger than this are not kept in the request log. */
const MAX_LOGGED_BODY_BYTES = 1024 * 1024;

/**
 * Starts the deterministic offline model: an OpenAI-compatible HTTP server on loopback that
 * answers Chat Completions and Responses requests by rule, not by a language model.
 */
export async function startOfflineModel(options: OfflineModelOptions = {}): Promise<OfflineModel> {
  const host = options.host ?? '127.0.0.1';
  const model = options.model ?? DEFAULT_MODEL;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(
      `Invalid port ${port}: use a whole number from 0 (any free port) to 65535.`,
    );
  }
  if (model.trim() === '') throw new RangeError('The model id must not be empty.');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const requests = new RequestLog(options.logLimit);
  const history = new ResponseHistoryStore();
  const now = () => Math.floor(Date.now() / 1000);

  const answer = async (
    request: IncomingMessage,
    route: Route,
  ): Promise<[EndpointResult, unknown]> => {
    switch (route.name) {
      case 'health':
        return [jsonResult({ status: 'ok', model, deterministic: true }), undefined];
      case 'models':
        return [jsonResult(listModels(model)), undefined];
      case 'model':
        return [jsonResult(retrieveModel(model, route.id)), undefined];
      case 'chat.completions':
      case 'responses': {
        const raw = await readBody(request, maxBodyBytes);
        const body = parseJsonBody(raw);
        const result =
          route.name === 'chat.completions'
            ? answerChatCompletion(body, { defaultModel: model, now })
            : answerResponses(body, { defaultModel: model, now, history });
        return [result, raw.length <= MAX_LOGGED_BODY_BYTES ? body : undefined];
      }
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const receivedAt = new Date();
    const method = request.method ?? 'GET';
    let path = '/';
    let result: EndpointResult;
    let body: unknown;
    try {
      path = new URL(request.url ?? '/', 'http://offline.invalid').pathname;
      [result, body] = await answer(request, matchRoute(method, path));
    } catch (error) {
      result = errorResult(error);
      if (error instanceof ApiError && error.status === 413)
        response.setHeader('connection', 'close');
      if (!request.readableEnded) request.resume();
    }
    const entry = requests.add({
      method,
      path,
      status: result.kind === 'json' ? result.status : 200,
      body,
      stream: result.kind === 'sse',
      receivedAt,
    });
    try {
      options.onRequest?.(entry);
    } catch {
      // A faulty log callback must not break the server.
    }
    await sendResult(response, result);
  };

  const server = createServer((request, response) => {
    request.on('error', () => {});
    response.on('error', () => {});
    handle(request, response).catch(() => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify(new ApiError(500, 'Unexpected offline model error.').toBody()));
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${host} is already in use: stop the other process, or pass port 0 ` +
                'to use any free port.',
            )
          : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
  server.on('error', () => {});

  const boundPort = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}/v1`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port: boundPort,
    host,
    model,
    banner:
      `Offline model "${model}" (deterministic, not a language model) at ${url}: ` +
      'OpenAI-compatible, no provider key needed, nothing leaves this machine.',
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
