import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

/** How the proxy treats traffic right now. */
export type FaultMode =
  /** Pass bytes through. */
  | { kind: 'pass' }
  /** Hold every byte (connections stay open, nothing arrives): a hung server. */
  | { kind: 'stall' }
  /** Pass bytes through after a delay per chunk. */
  | { kind: 'delay'; ms: number }
  /** Accept, then reset (RST) every connection at once. */
  | { kind: 'reset' }
  /** Refuse new connections by closing them immediately (FIN). */
  | { kind: 'close' };

/**
 * A loopback TCP proxy in front of a real server that can stall, delay or cut traffic on demand,
 * for reliability tests. Switching mode applies to open connections too.
 *
 *   const proxy = await startFaultProxy(store.port);
 *   proxy.setMode({ kind: 'stall' });
 */
export class FaultProxy {
  #mode: FaultMode = { kind: 'pass' };
  readonly #sockets = new Set<Socket>();
  readonly #stalled = new Map<Socket, Buffer[]>();
  #server: Server | undefined;
  #port = 0;
  connections = 0;

  readonly targetPort: number;
  readonly targetHost: string;

  constructor(targetPort: number, targetHost = '127.0.0.1') {
    this.targetPort = targetPort;
    this.targetHost = targetHost;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get mode(): FaultMode {
    return this.#mode;
  }

  async start(port = 0): Promise<this> {
    this.#server = createServer((client) => this.#accept(client));
    await new Promise<void>((resolve, reject) => {
      this.#server?.once('error', reject);
      this.#server?.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.#server.address();
    this.#port = typeof address === 'object' && address ? address.port : port;
    return this;
  }

  setMode(mode: FaultMode): void {
    this.#mode = mode;
    if (mode.kind === 'reset' || mode.kind === 'close') {
      for (const socket of this.#sockets) this.#cut(socket, mode.kind);
    }
    if (mode.kind === 'pass') {
      for (const [socket, chunks] of this.#stalled) {
        const peer = (socket as Socket & { peer?: Socket }).peer;
        for (const chunk of chunks) peer?.write(chunk);
      }
      this.#stalled.clear();
    }
  }

  /** Cuts every open connection (RST), whatever the mode. */
  resetAll(): void {
    for (const socket of this.#sockets) this.#cut(socket, 'reset');
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.#server ? this.#server.close(() => resolve()) : resolve(),
    );
  }

  #accept(client: Socket): void {
    this.connections++;
    if (this.#mode.kind === 'reset' || this.#mode.kind === 'close') {
      this.#cut(client, this.#mode.kind);
      return;
    }
    const upstream = tcpConnect(this.targetPort, this.targetHost);
    (client as Socket & { peer?: Socket }).peer = upstream;
    (upstream as Socket & { peer?: Socket }).peer = client;
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('close', () => {
        this.#sockets.delete(socket);
        this.#stalled.delete(socket);
      });
      socket.on('error', () => socket.destroy());
      socket.on('data', (chunk: Buffer) => this.#forward(socket, chunk));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  #forward(from: Socket, chunk: Buffer): void {
    const to = (from as Socket & { peer?: Socket }).peer;
    if (!to) return;
    const mode = this.#mode;
    if (mode.kind === 'stall') {
      const held = this.#stalled.get(from) ?? [];
      held.push(chunk);
      this.#stalled.set(from, held);
    } else if (mode.kind === 'delay') {
      setTimeout(() => to.write(chunk), mode.ms);
    } else if (mode.kind === 'pass') {
      to.write(chunk);
    }
  }

  #cut(socket: Socket, how: 'reset' | 'close'): void {
    if (how === 'reset') socket.resetAndDestroy();
    else socket.end();
  }
}

export function startFaultProxy(targetPort: number, port = 0): Promise<FaultProxy> {
  return new FaultProxy(targetPort).start(port);
}
