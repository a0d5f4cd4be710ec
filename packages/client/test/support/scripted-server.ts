import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  body: string;
  /** Remote port of the client socket: a new value means a new connection. */
  clientPort: number;
  at: number;
}

export type Handler = (
  request: SeenRequest,
  response: ServerResponse,
  raw: IncomingMessage,
) => void | Promise<void>;

/**
 * A loopback HTTP server whose answers a test scripts: any status, a hang, a reset socket,
 * or a close after the response. Records every request it sees.
 */
export class ScriptedServer {
  readonly requests: SeenRequest[] = [];
  handler: Handler = (_request, response) => json(response, 404, { detail: 'Not Found' });
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #port = 0;

  constructor() {
    this.#server = createServer((raw, response) => {
      const chunks: Buffer[] = [];
      raw.on('data', (chunk: Buffer) => chunks.push(chunk));
      raw.on('end', () => {
        const request: SeenRequest = {
          method: raw.method ?? '',
          path: raw.url ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
          clientPort: raw.socket.remotePort ?? 0,
          at: Date.now(),
        };
        this.requests.push(request);
        void this.handler(request, response, raw);
      });
    });
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Requests to `path` (ignoring the query string). */
  calls(path: string): SeenRequest[] {
    return this.requests.filter((request) => request.path.split('?')[0] === path);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const address = this.#server.address();
    this.#port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Never answers (the socket stays open until the server stops). */
export function hang(): void {}

/** Resets the connection (RST) without answering. */
export function reset(raw: IncomingMessage): void {
  raw.socket.resetAndDestroy();
}

/** Answers, then closes the socket without a `Connection: close` header, as uvicorn does after 0.2's 400. */
export function answerThenClose(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body), () => response.socket?.end());
}
